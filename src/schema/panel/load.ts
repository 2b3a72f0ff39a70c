/**
 * A weekly status panel → person-weeks, with the reading machinery of every other input (the
 * shared reader: sniffing, encodings, title rows, CSV/xlsx; CPR rules and pseudonyms; the row
 * ledger: every row read ends accepted, rejected with its reasons, or skipped). The persons are
 * named by the course export's pseudonymiser so that they join to its persons by pseudonym; the
 * weeks are settled against each person's randomisation day by the analysis
 * (analyses/compare/panel.ts). docs/definitions.md#status-panel.
 */
import { both, type Bilingual } from '../../base/i18n.js';
import type { RawRow, RawValue } from '../../io/raw.js';
import { redactCpr, type Pseudonymiser } from '../cpr.js';
import type { InputData } from '../input-data.js';
import type { LoadOptions } from '../load.js';
import { problem, text, type Ledger, type Reason, type Rejection } from '../normalise/ledger.js';
import { memo, personIds } from '../measurements/rows.js';
import { readSideTable, scanRows } from '../row-scan.js';
import { isMissing, parseDate, parseNumber, textOf } from '../values.js';
import { mapPanelColumns, panelHeaderScore, type PanelMapping } from './columns.js';
import { PanelStatuses } from './statuses.js';

const IS_EMPTY = both('er tom', 'is empty');

/** The person-weeks of a panel, column by column (a 640,000-row panel is not 640,000 objects). */
export interface PersonWeeks {
  /** Index into `Panel.persons`. */
  person: number[];
  /** The week number as given (long with Uge, or wide), else NaN. */
  week: number[];
  /** The day as given (long with Dato), else NaN. */
  day: number[];
  /** Status code (schema/panel/statuses.ts). */
  status: number[];
  /** Hours that week; 0 when the file has no hours or the cell is empty. */
  hours: number[];
  /** The file row, to break ties in file order. */
  row: number[];
}

export interface Panel extends InputData {
  file: string;
  mapping: PanelMapping;
  /** The persons' pseudonyms, by index. */
  persons: string[];
  weeks: PersonWeeks;
  /** 'week': weeks are numbered in the file; 'date': each row has a date. */
  timing: 'week' | 'date';
  hasHours: boolean;
  /** Status texts not in the vocabulary (CPR-looking text redacted), with their person-weeks. */
  unknown: Map<string, number>;
  statuses: PanelStatuses;
  /** How a person is named in a message: the id as written (a Borger-id), or the pseudonym for a CPR number. */
  displayName(person: number): string;
}

export async function loadPanel(
  file: string,
  opts: LoadOptions,
  pseudonymise: Pseudonymiser,
): Promise<Panel> {
  const table = await readSideTable(file, opts, panelHeaderScore);
  const headers = table.headers.map(redactCpr);
  const mapping = mapPanelColumns(headers, file);
  for (const c of mapping.columns) c.header = redactCpr(c.header);
  const statuses = new PanelStatuses();
  const person = personIds(pseudonymise, mapping.personIdKind === 'cpr');
  const date1904 = table.info.date1904 === true;
  const weeks: PersonWeeks = { person: [], week: [], day: [], status: [], hours: [], row: [] };
  const persons: string[] = [];
  const shown: string[] = [];
  const indexOf = new Map<string, number>();
  const unknown = new Map<string, number>();
  const rejected: Rejection[] = [];
  let accepted = 0;
  const col = mapping.fields;
  const name = (c: number) => headers[c] ?? `column ${c + 1}`;
  const hoursAt = new Map([...mapping.hoursColumns].map(([c, w]) => [w, c]));
  // A panel repeats a few week numbers, statuses and hours on every row: each text is read once.
  const code = memo((v: RawValue) => statuses.code(textOf(v)));
  const statusOf = (v: RawValue): number => {
    const c = code(v);
    if (c === statuses.unknownCode) {
      const shown = redactCpr(textOf(v));
      unknown.set(shown, (unknown.get(shown) ?? 0) + 1);
    }
    return c;
  };
  const weekNumber = memo((v: RawValue): number | Bilingual => {
    if (isMissing(v)) return IS_EMPTY;
    const n = parseNumber(v);
    return n.ok && Number.isInteger(n.value) && n.value >= 0 && n.value <= 520
      ? n.value
      : both('er ikke et ugenummer (0, 1, 2 … 520)', 'is not a week number (0, 1, 2 … 520)');
  });
  const dateOf = memo((v: RawValue): number | Bilingual => {
    if (isMissing(v)) return IS_EMPTY;
    const d = parseDate(v, date1904);
    return d.ok ? d.value : d.reason;
  });
  const hoursNumber = memo((v: RawValue): number | Bilingual => {
    if (isMissing(v)) return 0;
    const n = parseNumber(v);
    if (!n.ok) return n.reason;
    return n.value >= 0 && n.value <= 168
      ? n.value
      : both('er ikke et antal timer på en uge (0–168)', 'is not a number of hours in a week (0–168)');
  });
  /** The parsed value, or NaN with the reason added (naming the column and quoting the value). */
  const readCell = (
    parse: (v: RawValue) => number | Bilingual,
    v: RawValue,
    c: number,
    reasons: Reason[],
  ) => {
    const x = parse(v);
    if (typeof x === 'number') return x;
    problem(reasons, name(c), isMissing(v) ? undefined : v, x);
    return NaN;
  };
  const found: { week: number; day: number; raw: RawValue; hours: number }[] = [];

  const take = (r: RawRow) => {
    const reasons: Reason[] = [];
    const cells = r.cells;
    const who = person(cells[col.personId!] ?? null, reasons, name(col.personId!));
    found.length = 0;
    if (mapping.shape === 'long') {
      const week =
        col.week === undefined ? NaN : readCell(weekNumber, cells[col.week] ?? null, col.week, reasons);
      const day =
        col.week !== undefined ? NaN : readCell(dateOf, cells[col.date!] ?? null, col.date!, reasons);
      const sv = cells[col.status!] ?? null;
      if (isMissing(sv)) problem(reasons, name(col.status!), undefined, IS_EMPTY);
      const hours =
        col.hours === undefined ? 0 : readCell(hoursNumber, cells[col.hours] ?? null, col.hours, reasons);
      found.push({ week, day, raw: sv, hours });
    } else {
      for (const [c, week] of mapping.weekColumns) {
        const h = hoursAt.get(week);
        const hours = h === undefined ? 0 : readCell(hoursNumber, cells[h] ?? null, h, reasons);
        // An empty week cell: the person is not observed that week (the follow-up ended).
        const sv = cells[c] ?? null;
        if (!isMissing(sv)) found.push({ week, day: NaN, raw: sv, hours });
      }
    }
    if (reasons.length > 0 || who === null) {
      rejected.push({
        ref: r.ref,
        rowNumber: r.rowNumber,
        reasons,
        personId: who,
        cells: cellsOf(r, headers, col.personId!),
      });
      return;
    }
    accepted++;
    let p = indexOf.get(who);
    if (p === undefined) {
      indexOf.set(who, (p = persons.length));
      persons.push(who);
      if (mapping.personIdKind === 'id') shown.push(redactCpr(textOf(cells[col.personId!] ?? null)));
    }
    for (const f of found) {
      weeks.person.push(p);
      weeks.week.push(f.week);
      weeks.day.push(f.day);
      weeks.status.push(statusOf(f.raw));
      weeks.hours.push(f.hours);
      weeks.row.push(r.rowNumber);
    }
  };
  const { read, skipped, info } = scanRows(table, take);
  const ledger: Ledger = { read, accepted, rejected, skipped };
  return {
    file,
    info,
    mapping,
    ledger,
    notes: [],
    persons,
    weeks,
    timing: mapping.shape === 'long' && col.week === undefined ? 'date' : 'week',
    hasHours: col.hours !== undefined || mapping.hoursColumns.size > 0,
    unknown,
    statuses,
    displayName: (k) => shown[k] ?? persons[k]!,
  };
}

/** A rejected row's cells by header for the rejects file, without the person id (never a CPR number). */
function cellsOf(r: RawRow, headers: string[], personColumn: number): Record<string, string> {
  const out: Record<string, string> = {};
  r.cells.forEach((v, i) => {
    if (i !== personColumn && !isMissing(v) && headers[i] !== undefined)
      out[headers[i]!] = redactCpr(text(v));
  });
  return out;
}
