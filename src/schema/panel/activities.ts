/**
 * An activity file (docs/definitions.md#treatment-intensity): one row per activity of a person —
 * a person (CPR or Borger-id), a date, optionally an end date (a work placement over weeks), and
 * the type (Samtale, Virksomhedspraktik ...) — read with the shared machinery and row accounting.
 * Types are read through a small vocabulary; a type not in it is kept as written, counted and
 * reported, and used for nothing.
 */
import type { Day } from '../../base/dates.js';
import { both } from '../../base/i18n.js';
import { dataError } from '../../errors.js';
import type { RawRow, RawValue } from '../../io/raw.js';
import { isCprHeader, SYNONYMS } from '../columns.js';
import { redactCpr, type Pseudonymiser } from '../cpr.js';
import type { InputData, MappedColumns } from '../input-data.js';
import type { LoadOptions } from '../load.js';
import { personIds } from '../measurements/rows.js';
import { matchKey } from '../normalize-text.js';
import { problem, text, type Ledger, type Reason, type Rejection } from '../normalise/ledger.js';
import { readSideTable, scanRows } from '../row-scan.js';
import { isMissing, parseDate, textOf } from '../values.js';
import { Vocabulary } from '../vocab.js';

const FIELDS = {
  personId: SYNONYMS.personId!,
  date: ['Dato', 'Aktivitetsdato', 'Startdato', 'Fra', 'Date', 'Start date'],
  end: ['Slutdato', 'Til', 'End date'],
  type: ['Aktivitet', 'Aktivitetstype', 'Type', 'Indsats', 'Activity'],
} as const;
type Field = keyof typeof FIELDS;
const KEYS = new Map<string, Field>();
for (const [f, names] of Object.entries(FIELDS))
  for (const n of names) if (!KEYS.has(matchKey(n))) KEYS.set(matchKey(n), f as Field);

const IS_EMPTY = both('er tom', 'is empty');

export const ACTIVITY_KINDS = ['conversation', 'placement'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

const TYPES = new Vocabulary([
  {
    value: 'Samtale',
    group: 'conversation',
    en: 'Conversation',
    aliases: [
      'Jobsamtale',
      'Opfølgningssamtale',
      'Kontaktforløbssamtale',
      'Individuel samtale',
      'Møde',
      'Jobcentermøde',
      'Conversation',
      'Meeting',
    ],
  },
  {
    value: 'Virksomhedspraktik',
    group: 'placement',
    en: 'Work placement',
    aliases: ['Praktik', 'Virksomhedsrettet aktivering', 'Work placement'],
  },
]);

export interface Activity {
  /** Index into `Activities.persons`. */
  person: number;
  day: Day;
  /** The last day (an activity over several weeks); the day itself when not given. */
  end: Day;
  kind: ActivityKind | null;
}

export interface Activities extends InputData {
  file: string;
  persons: string[];
  activities: Activity[];
  /** Types not in the vocabulary (CPR-looking text redacted), with their rows. */
  unknown: Map<string, number>;
}

function mapColumns(headers: string[], file: string) {
  const fields: Partial<Record<Field, number>> = {};
  const columns: MappedColumns['columns'] = headers.map((header, index) => {
    const f = KEYS.get(matchKey(header));
    if (f && fields[f] === undefined) {
      fields[f] = index;
      return { index, header, field: f, how: 'synonym' as const };
    }
    return { index, header, how: f ? ('duplicate' as const) : ('ignored' as const) };
  });
  const missing = (['personId', 'date', 'type'] as const).filter((f) => fields[f] === undefined);
  if (missing.length > 0)
    throw dataError(
      `${file}: not an activity file jobfx can read; missing: ${missing.map((f) => `${f} (e.g. "${FIELDS[f][0]}")`).join(', ')}. ` +
        `Headers found: ${headers.map((h) => `"${h}"`).join(', ')}.`,
    );
  return { fields, columns, cpr: isCprHeader(headers[fields.personId!]!) };
}

export async function loadActivities(
  file: string,
  opts: LoadOptions,
  pseudonymise: Pseudonymiser,
): Promise<Activities> {
  const table = await readSideTable(file, opts, (cells) => {
    const seen = new Set(cells.map((c) => (typeof c === 'string' ? KEYS.get(matchKey(c)) : undefined)));
    seen.delete(undefined);
    return seen.size;
  });
  const headers = table.headers.map(redactCpr);
  const { fields: col, columns, cpr } = mapColumns(headers, file);
  const person = personIds(pseudonymise, cpr);
  const date1904 = table.info.date1904 === true;
  const persons: string[] = [];
  const indexOf = new Map<string, number>();
  const activities: Activity[] = [];
  const unknown = new Map<string, number>();
  const rejected: Rejection[] = [];
  const name = (c: number) => headers[c]!;
  const take = (r: RawRow) => {
    const reasons: Reason[] = [];
    const cell = (c: number | undefined): RawValue => (c === undefined ? null : (r.cells[c] ?? null));
    const who = person(cell(col.personId), reasons, name(col.personId!));
    const day = dayOf(cell(col.date), name(col.date!), reasons, date1904, true);
    const end = col.end === undefined ? null : dayOf(cell(col.end), name(col.end), reasons, date1904, false);
    if (day !== null && end !== null && end < day)
      problem(
        reasons,
        name(col.end!),
        cell(col.end),
        both(
          'ligger før datoen; angiv aktivitetens sidste dag',
          'is before the date; give the last day of the activity',
        ),
      );
    const tv = cell(col.type);
    if (isMissing(tv)) problem(reasons, name(col.type!), undefined, IS_EMPTY);
    if (reasons.length > 0 || who === null || day === null) {
      const cells: Record<string, string> = {};
      r.cells.forEach((v, i) => {
        if (i !== col.personId && !isMissing(v) && headers[i] !== undefined)
          cells[headers[i]!] = redactCpr(text(v));
      });
      rejected.push({ ref: r.ref, rowNumber: r.rowNumber, reasons, personId: who, cells });
      return;
    }
    let p = indexOf.get(who);
    if (p === undefined) {
      indexOf.set(who, (p = persons.length));
      persons.push(who);
    }
    const kind = (TYPES.lookup(textOf(tv))?.group as ActivityKind | undefined) ?? null;
    if (kind === null) {
      const shown = redactCpr(textOf(tv));
      unknown.set(shown, (unknown.get(shown) ?? 0) + 1);
    }
    activities.push({ person: p, day, end: end ?? day, kind });
  };
  const { read, skipped, info } = scanRows(table, take);
  const ledger: Ledger = { read, accepted: activities.length, rejected, skipped };
  return { file, info, mapping: { columns }, ledger, notes: [], persons, activities, unknown };
}

function dayOf(
  v: RawValue,
  header: string,
  reasons: Reason[],
  date1904: boolean,
  required: boolean,
): Day | null {
  if (isMissing(v)) {
    if (required) problem(reasons, header, undefined, IS_EMPTY);
    return null;
  }
  const d = parseDate(v, date1904);
  if (!d.ok) {
    problem(reasons, header, v, d.reason);
    return null;
  }
  return d.value;
}
