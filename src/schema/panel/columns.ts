/**
 * The columns of a weekly status panel (docs/definitions.md#status-panel): headers → panel
 * fields by synonyms matched as the course export's are (matchKey), and its shape: long (a
 * person, a week number or a date, a status, optionally hours) or wide (a person and one status
 * column per week, uge1..uge64, optionally timer1..timer64).
 */
import { dataError } from '../../errors.js';
import type { RawValue } from '../../io/raw.js';
import { isCprHeader, SYNONYMS } from '../columns.js';
import type { MappedColumns } from '../input-data.js';
import { matchKey } from '../normalize-text.js';

export const PANEL_FIELDS = {
  personId: SYNONYMS.personId!,
  week: ['Uge', 'Uge nr.', 'Ugenummer', 'Uge efter randomisering', 'Week', 'Week number'],
  date: ['Dato', 'Ugestart', 'Uge start', 'Ugedato', 'Date', 'Week start'],
  status: ['Status', 'Arbejdsmarkedsstatus', 'Forsørgelsesstatus', 'Ydelsesstatus', 'Status i ugen'],
  hours: ['Timer', 'Arbejdstimer', 'Løntimer', 'Beskæftigede timer', 'Hours'],
} as const;
export type PanelField = keyof typeof PANEL_FIELDS;

const KEYS = new Map<string, PanelField>();
for (const [f, names] of Object.entries(PANEL_FIELDS))
  for (const n of names) if (!KEYS.has(matchKey(n))) KEYS.set(matchKey(n), f as PanelField);

/** A wide panel's week columns: uge12, Uge 12, uge_12, week12; hours: timer12, hours12. */
const WEEK_COLUMN = /^(?:uge|week)[\s_-]*(\d{1,3})$/i;
const HOURS_COLUMN = /^(?:timer|hours)[\s_-]*(\d{1,3})$/i;

export interface PanelMapping extends MappedColumns {
  shape: 'long' | 'wide';
  fields: Partial<Record<PanelField, number>>;
  /** Wide shape: the week of each status column and of each hours column, by column index. */
  weekColumns: Map<number, number>;
  hoursColumns: Map<number, number>;
  personIdKind: 'cpr' | 'id';
}

/** How much a row looks like a panel's header: the fields it names, and week columns (at most 2). */
export function panelHeaderScore(cells: RawValue[]): number {
  const seen = new Set<string>();
  for (const c of cells)
    if (typeof c === 'string') {
      const f = KEYS.get(matchKey(c)) ?? (WEEK_COLUMN.test(c.trim()) ? 'weekColumn' : undefined);
      if (f) seen.add(f);
    }
  return seen.size;
}

/** Maps the headers; refuses a file without a person, and without a week or date and a status (or week columns). */
export function mapPanelColumns(headers: string[], file: string): PanelMapping {
  const fields: Partial<Record<PanelField, number>> = {};
  const weekColumns = new Map<number, number>();
  const hoursColumns = new Map<number, number>();
  const columns: MappedColumns['columns'] = headers.map((header, index) => {
    const f = KEYS.get(matchKey(header));
    if (f && fields[f] === undefined) {
      fields[f] = index;
      return { index, header, field: f, how: 'synonym' as const };
    }
    const wk = WEEK_COLUMN.exec(header.trim()) ?? HOURS_COLUMN.exec(header.trim());
    if (!f && wk) {
      const week = Number(wk[1]);
      const into = WEEK_COLUMN.test(header.trim()) ? weekColumns : hoursColumns;
      if (![...into.values()].includes(week)) {
        into.set(index, week);
        return {
          index,
          header,
          field: `${into === weekColumns ? 'status' : 'hours'}:${week}`,
          how: 'synonym' as const,
        };
      }
    }
    return { index, header, how: f || wk ? ('duplicate' as const) : ('ignored' as const) };
  });
  const long = fields.status !== undefined && (fields.week !== undefined || fields.date !== undefined);
  const missing: string[] = [];
  if (fields.personId === undefined) missing.push('the person (CPR-nr. or Borger-id)');
  if (!long && weekColumns.size === 0)
    missing.push(
      'the weeks: a Uge (or Dato) and a Status column, or one status column per week (uge1, uge2 ...)',
    );
  if (missing.length > 0)
    throw dataError(
      `${file}: not a status panel jobfx can read; missing: ${missing.join('; ')}. ` +
        `Headers found: ${headers.map((h) => `"${h}"`).join(', ')}. ` +
        'Name the columns as in the README section "Weekly status panel (--panel FILE)".',
    );
  return {
    shape: long ? 'long' : 'wide',
    fields,
    weekColumns: long ? new Map() : weekColumns,
    hoursColumns: long ? new Map() : hoursColumns,
    columns,
    personIdKind: isCprHeader(headers[fields.personId!]!) ? 'cpr' : 'id',
  };
}
