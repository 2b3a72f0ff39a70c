/**
 * A separate follow-up file (--followup FILE): one row per measurement, with the person, the
 * horizon (1, 3, 6 or 12 months) and/or the date of measurement, the status, and optionally the
 * end date of the course it follows up. Joined to the courses on the pseudonym, so the CPR
 * number is handled here exactly as in the export and never leaves src/schema/. The statuses
 * are written into the store's follow-up column.
 */
import { courseOrder, type CourseComparator } from './course-order.js';
import { addMonths, type Day } from '../base/dates.js';
import { both, type Bilingual } from '../base/i18n.js';
import { configError } from '../errors.js';
import { readTable } from '../io/read.js';
import { isEmptyCell, type RawValue } from '../io/raw.js';
import { FOLLOW_UP_HORIZONS, isCprHeader, SYNONYMS, type Horizon } from './columns.js';
import { NONE, type CourseStore } from './course-store.js';
import { parseCpr, redactCpr, type Pseudonymiser } from './cpr.js';
import type { Ledger, Rejection } from './normalise/index.js';
import { problem, type Reason } from './normalise/ledger.js';
import { matchKey } from './normalize-text.js';
import { isMissing, parseDate, textOf } from './values.js';
import type { VocabSet } from './vocab.js';

const IS_EMPTY = both('er tom', 'is empty');

const FIELDS = {
  personId: SYNONYMS.personId!,
  horizon: [
    'Horisont',
    'Opfølgning',
    'Opfølgningstidspunkt',
    'Måned',
    'Måneder',
    'Mdr',
    'Mdr.',
    'horizon',
    'months',
  ],
  date: ['Dato', 'Målingsdato', 'Måledato', 'Opfølgningsdato', 'Statusdato', 'Målt', 'date', 'Measured'],
  status: ['Status', 'Arbejdsmarkedsstatus', 'Opfølgningsstatus', 'Status ved opfølgning', 'status'],
  end: ['Slutdato', 'Forløbsslut', 'Afslutningsdato', 'Ophørsdato', 'end_date', 'End date'],
} as const;
type Field = keyof typeof FIELDS;

const KEYS = new Map<string, Field>();
for (const [f, names] of Object.entries(FIELDS)) for (const n of names) KEYS.set(matchKey(n), f as Field);

/** How far (days) a measurement date may lie from end + horizon and still belong to that course. */
export const DATE_TOLERANCE_DAYS = 31;

export interface FollowUpResult {
  ledger: Ledger;
  /** Statuses that replaced a different status from the export's own columns. */
  overridden: number;
  notes: string[];
}

interface Measurement {
  personId: string;
  horizon: Horizon | null;
  date: Day | null;
  end: Day | null;
  status: string;
}

/** An ended course of the store: its index and end day. */
interface Ended {
  i: number;
  end: Day;
}

/** Reads the follow-up file and writes its statuses into the store's follow-up column. */
export async function applyFollowUpFile(
  file: string,
  store: CourseStore,
  pseudonymise: Pseudonymiser,
  vocab: VocabSet,
): Promise<FollowUpResult> {
  const headerScore = (cells: RawValue[]) =>
    new Set(cells.map((c) => (typeof c === 'string' ? KEYS.get(matchKey(c)) : undefined)).filter(Boolean))
      .size;
  const table = await readTable(file, { headerScore });
  const col: Partial<Record<Field, number>> = {};
  table.headers.forEach((h, i) => {
    const f = KEYS.get(matchKey(h));
    if (f && col[f] === undefined) col[f] = i;
  });
  const missing = (['personId', 'status'] as Field[]).filter((f) => col[f] === undefined);
  if (col.horizon === undefined && col.date === undefined) missing.push('horizon');
  if (missing.length > 0)
    throw configError(
      `${file}: the follow-up file needs columns for the person, the status, and the horizon (1/3/6/12) or the date of measurement; ` +
        `missing: ${missing.join(', ')} (e.g. "${missing.map((f) => FIELDS[f][0]).join('", "')}"). Headers found: ${table.headers.map((h) => `"${h}"`).join(', ')}`,
    );
  const cprColumn = isCprHeader(table.headers[col.personId!]!);

  const byPerson = endedByPerson(store);
  const order = courseOrder(store, vocab);

  const rejected: Rejection[] = [];
  const skipped: Ledger['skipped'] = [];
  let accepted = 0;
  let overridden = 0;
  for (const row of table.rows) {
    const at = (f: Field): RawValue => (col[f] === undefined ? null : (row.cells[col[f]!] ?? null));
    if (row.cells.every((c) => isEmptyCell(c) || isMissing(c))) {
      skipped.push({ ref: row.ref, rowNumber: row.rowNumber, kind: 'blank' });
      continue;
    }
    const reasons: Reason[] = [];
    const m = measurementOf(at, cprColumn, pseudonymise, vocab, reasons, table.headers, col);
    let target: { course: Ended; horizon: Horizon } | undefined;
    if (m) {
      const found = match(m, byPerson.get(m.personId) ?? [], order);
      if ('course' in found) target = found;
      else reasons.push(found);
    }
    if (!target || !m) {
      rejected.push({
        ref: row.ref,
        rowNumber: row.rowNumber,
        reasons,
        personId: m?.personId ?? null,
        cells: {},
      });
      continue;
    }
    const before = store.followUps[store.followUp[target.course.i]!]!;
    if (before[target.horizon] !== null && before[target.horizon] !== m.status) overridden++;
    const after = { ...before, [target.horizon]: m.status };
    // The id is made before the column is read: making it may widen the column.
    const id = store.followUpId(after[1], after[3], after[6], after[12]);
    store.followUp[target.course.i] = id;
    accepted++;
  }
  const notes = [
    `Follow-up from ${file}: ${accepted} of ${table.rows.length - skipped.length} measurements joined to a course.`,
    ...(overridden > 0
      ? [`${overridden} status(es) from ${file} replaced a different status in the export.`]
      : []),
  ];
  return {
    ledger: { read: table.rows.length, accepted, rejected, skipped },
    overridden,
    notes,
  };
}

/** The ended courses of each person, by pseudonym, in the order of the store. */
function endedByPerson(store: CourseStore): Map<string, Ended[]> {
  const byPerson = new Map<string, Ended[]>();
  for (let i = 0; i < store.length; i++) {
    const end = store.end[i]!;
    if (end === NONE) continue;
    const name = store.persons.name(store.person[i]!);
    let list = byPerson.get(name);
    if (!list) byPerson.set(name, (list = []));
    list.push({ i, end });
  }
  return byPerson;
}

function measurementOf(
  at: (f: Field) => RawValue,
  cprColumn: boolean,
  pseudonymise: Pseudonymiser,
  vocab: VocabSet,
  reasons: Reason[],
  headers: string[],
  col: Partial<Record<Field, number>>,
): Measurement | null {
  const name = (f: Field) => headers[col[f]!] ?? f;
  const pid = at('personId');
  let personId: string | null = null;
  if (isMissing(pid)) problem(reasons, name('personId'), undefined, IS_EMPTY);
  else if (cprColumn) {
    const cpr = parseCpr(typeof pid === 'number' ? pid : textOf(pid));
    if (cpr.ok) personId = pseudonymise(cpr.digits);
    else
      problem(
        reasons,
        name('personId'),
        undefined,
        both(`værdien ${cpr.reason.da}`, `the value ${cpr.reason.en}`),
      );
  } else personId = pseudonymise(textOf(pid));

  let horizon: Horizon | null = null;
  if (col.horizon !== undefined && !isMissing(at('horizon'))) {
    const n = Number(/^\s*(\d+)/.exec(textOf(at('horizon')))?.[1]);
    if ((FOLLOW_UP_HORIZONS as readonly number[]).includes(n)) horizon = n as Horizon;
    else
      problem(
        reasons,
        name('horizon'),
        at('horizon'),
        both('er ikke 1, 3, 6 eller 12 måneder', 'is not 1, 3, 6 or 12 months'),
      );
  }
  const dateOf = (f: 'date' | 'end'): Day | null => {
    if (col[f] === undefined || isMissing(at(f))) return null;
    const d = parseDate(at(f));
    if (d.ok) return d.value;
    problem(reasons, name(f), at(f), d.reason);
    return null;
  };
  const date = dateOf('date');
  const end = dateOf('end');
  if (horizon === null && date === null && reasons.length === 0)
    reasons.push(
      both(
        'hverken et opfølgningstidspunkt (1/3/6/12 måneder) eller en målingsdato; udfyld et af dem',
        'neither a horizon (1/3/6/12 months) nor a date of measurement; fill one in',
      ),
    );
  const raw = at('status');
  if (isMissing(raw)) problem(reasons, name('status'), undefined, IS_EMPTY);
  if (reasons.length > 0 || personId === null) return null;
  const status = vocab.followUp.lookup(textOf(raw))?.value ?? redactCpr(textOf(raw));
  return { personId, horizon, date, end, status };
}

/**
 * The course and horizon a measurement belongs to, or why none can be chosen. Two courses
 * equally near: the first in the order of courses (docs/definitions.md#tie-breaks), never the
 * first in the file; two horizons of one course equally near: the shorter.
 */
function match(
  m: Measurement,
  ended: Ended[],
  order: CourseComparator,
): { course: Ended; horizon: Horizon } | Bilingual {
  let candidates = ended;
  if (m.end !== null) candidates = candidates.filter((c) => c.end === m.end);
  if (candidates.length === 0)
    return m.end === null
      ? both(
          'personen har intet afsluttet forløb i udtrækket',
          'the person has no ended course in the export',
        )
      : both(
          'personen har intet forløb i udtrækket, der sluttede på den slutdato',
          'the person has no course in the export that ended on that end date',
        );
  if (m.date !== null) {
    // The course and horizon whose end + horizon lies nearest the measurement date.
    let best: { course: Ended; horizon: Horizon; distance: number } | undefined;
    for (const course of candidates)
      for (const horizon of m.horizon === null ? FOLLOW_UP_HORIZONS : [m.horizon]) {
        const distance = Math.abs(addMonths(course.end, horizon) - m.date);
        if (
          distance <= DATE_TOLERANCE_DAYS &&
          (!best ||
            distance < best.distance ||
            (distance === best.distance && order(course.i, best.course.i) < 0))
        )
          best = { course, horizon, distance };
      }
    return (
      best ??
      both(
        `intet af personens forløb sluttede ca. ${m.horizon ?? '1, 3, 6 eller 12'} måned(er) før målingsdatoen (±${DATE_TOLERANCE_DAYS} dage)`,
        `no course of the person ended about ${m.horizon ?? '1, 3, 6 or 12'} month(s) before the date of measurement (±${DATE_TOLERANCE_DAYS} days)`,
      )
    );
  }
  if (candidates.length > 1)
    return both(
      `personen har ${candidates.length} afsluttede forløb; angiv forløbets slutdato (Slutdato) eller målingsdatoen, så det er klart hvilket`,
      `the person has ${candidates.length} ended courses; add the course's end date (Slutdato) or the date of measurement to say which`,
    );
  return { course: candidates[0]!, horizon: m.horizon! };
}
