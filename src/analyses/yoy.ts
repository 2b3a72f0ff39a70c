/**
 * Year-over-year: the courses of each year (or half-year) by the value of one field, as counts,
 * distinct persons and durations per row × column, with each column's totals (the denominators
 * of shares). A course belongs to the column of its end date (basis 'end', exits: only ended
 * courses count) or of its start date (basis 'start', intake: every course counts). Pure.
 */
import type { Day } from '../base/dates.js';
import { completeBetween, type Step, type StepColumn } from '../base/steps.js';
import { fieldDef, fieldsWithRole, type TextField } from '../model/fields.js';
import type { Course } from '../schema/course.js';
import { CourseStore, NONE, storeOf } from '../schema/course-store.js';
import type { VocabSet, Vocabulary } from '../schema/vocab.js';
import { summarise, type Summary } from '../stats/describe.js';
import { UNKNOWN, UNMAPPED_GROUP } from './keyfigures.js';

/** The fields yoy's rows can be: the registry's 'rows' role. */
export const YOY_ROW_FIELDS = fieldsWithRole('rows');
export type YoyRowField = TextField;
export const YOY_MEASURES = ['count', 'share', 'median-duration', 'persons', 'course-years'] as const;
export type YoyMeasure = (typeof YOY_MEASURES)[number];
export type YoyBasis = 'end' | 'start' | 'active';
export type YoyStep = Step;

/** A column: a calendar year (2024), half-year (2024H1), quarter (2024Q3) or month (2024-05). */
export type YoyColumn = StepColumn;

export interface YoyCell {
  courses: number;
  /** Distinct persons. */
  persons: number;
  /** Duration (end − start + 1 days) of the ended courses among them. */
  durationDays: Summary;
  /** Course days inside the column (both ends count; an ongoing course to the newest date). */
  courseDays: number;
}

export interface YoyRow {
  /**
   * The field's value as written (canonical when in the vocabulary); for exitGroup the group key,
   * or UNMAPPED_GROUP for reasons not in the vocabulary; '' for kind 'notEnded'.
   */
  key: string;
  /**
   * 'notEnded': courses without an end date, in exit rows under basis 'start'; 'ongoing': courses
   * still running at the column's end, in exit rows under basis 'active'; 'others': the rows
   * not in `select`.
   */
  kind: 'value' | 'notEnded' | 'ongoing' | 'others';
  cells: YoyCell[];
  /**
   * The value's first date in the export (every course, counted or not): its first start, or its
   * first end for exit rows; null for the rows of another kind. Columns that end before it are
   * "before the value existed".
   */
  since: Day | null;
}

export interface YoyResult {
  field: YoyRowField;
  basis: YoyBasis;
  step: YoyStep;
  columns: YoyColumn[];
  /** In display order (see yoy()). */
  rows: YoyRow[];
  /** The rows' keys as `YoyOptions.keys` takes them (the same rows in another table). */
  rowKeys: string[];
  /** Per column: all counted courses (the denominator of shares), distinct persons, ended durations. */
  totals: YoyCell[];
  /** Per column, with `select`: the selected rows' courses together (persons distinct). */
  subtotal?: YoyCell[];
  /** Per column: counted courses without an end date (under 'active': not ended by the column's end). */
  notEnded: number[];
  /**
   * Values not in their vocabulary among the counted courses, sorted: exit reasons (for exit
   * rows; their group is "not in the vocabulary") or target groups.
   */
  unknownValues: string[];
  /** Labels of columns that end after the newest date in the data (their figures are not final). */
  incomplete: string[];
  /** Newest start or end date in all the courses given (not only the counted ones); null if none. */
  newest: Day | null;
}

export interface YoyOptions {
  rows: YoyRowField;
  basis: YoyBasis;
  step: YoyStep;
  /** Rows are sorted by the newest column's persons for 'persons', by its courses otherwise. */
  measure: YoyMeasure;
  /** The columns, oldest first (see columnsBetween, completeColumns); they must not overlap. */
  columns: YoyColumn[];
  vocab: VocabSet;
  /** Only these row keys (in this order), the others as one row; a subtotal of them. */
  select?: string[];
  /** Count only the courses at these indices (a --by value's); the values' first dates stay the export's. */
  subset?: ArrayLike<number>;
  /** Exactly these value rows in this order (a --by table with the rows of the table of all courses). */
  keys?: string[];
}

/** Rows of the exit: only ended courses have a value; the others are a row of their own. */
const isExitField = (f: YoyRowField): boolean => ['exit', 'derived'].includes(fieldDef(f)?.kind ?? '');
const NOT_ENDED_KEY = '\u0000notEnded';
const ONGOING_KEY = '\u0000ongoing';
const OTHERS_KEY = '\u0000others';
const SPECIAL_KEYS = new Map<string, YoyRow['kind']>([
  [NOT_ENDED_KEY, 'notEnded'],
  [ONGOING_KEY, 'ongoing'],
  [OTHERS_KEY, 'others'],
]);

export { columnOfSlot, columnsBetween, slotOf } from '../base/steps.js';

/** Earliest and newest start or end date of the courses; null when there are none. */
export function dateRange(courses: readonly Course[] | CourseStore): { earliest: Day; newest: Day } | null {
  return (courses instanceof CourseStore ? courses : storeOf(courses)).dateRange();
}

/**
 * The complete columns of the step in the data: from the one holding the earliest date to the last
 * one whose last day is on or before the newest date. Empty when there is none.
 */
export function completeColumns(courses: readonly Course[] | CourseStore, step: YoyStep): YoyColumn[] {
  const range = dateRange(courses);
  return range === null ? [] : completeBetween(range.earliest, range.newest, step);
}

/** One row's (or the totals') courses per column: counts, person numbers, ended durations, course days. */
interface Acc {
  courses: number[];
  persons: number[][];
  durations: number[][];
  days: number[];
}

function newAcc(k: number): Acc {
  return {
    courses: new Array<number>(k).fill(0),
    persons: Array.from({ length: k }, () => []),
    durations: Array.from({ length: k }, () => []),
    days: new Array<number>(k).fill(0),
  };
}

function cellsOf(acc: Acc): YoyCell[] {
  return acc.courses.map((courses, j) => ({
    courses,
    persons: distinct(acc.persons[j]!),
    durationDays: summarise(acc.durations[j]!),
    courseDays: acc.days[j]!,
  }));
}

/** The number of distinct person numbers in a list. */
function distinct(persons: number[]): number {
  const sorted = Int32Array.from(persons).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
  return n;
}

/**
 * The columns a course counts in: the one holding its end (basis 'end') or start ('start') date,
 * or every column in which it is active ('active': start ≤ to and no end or end ≥ from).
 */
function columnsOfCourse(columns: readonly YoyColumn[], basis: YoyBasis, start: Day, end: Day): number[] {
  const out: number[] = [];
  const day = basis === 'end' ? end : start;
  if (basis !== 'active' && day === NONE) return out;
  for (let j = 0; j < columns.length; j++) {
    const c = columns[j]!;
    const hit =
      basis === 'active' ? start <= c.to && (end === NONE || end >= c.from) : day >= c.from && day <= c.to;
    if (hit) out.push(j);
  }
  return out;
}

/** The course days inside a column: both ends count; an ongoing course runs to `asOf`. */
function daysIn(c: YoyColumn, start: Day, end: Day, asOf: Day): number {
  const last = Math.min(end === NONE ? asOf : end, c.to);
  return Math.max(0, last - Math.max(start, c.from) + 1);
}

/**
 * Rows are the values met among the counted courses, sorted by the newest column's count
 * (courses; persons for the 'persons' measure) descending, ties by vocabulary order, then
 * alphabetically, "Uoplyst" (no value) after the others for fields without a vocabulary.
 * Exit groups instead come in the vocabulary's order, every group of it, then "not in the
 * vocabulary" when there is such a reason. Under basis 'start', exit rows end with the courses
 * that have not ended; under 'active', with those still running at the column's end. With
 * `select`, only those rows in that order, then the others as one row. Counted over the columns
 * of the store (a list is made one).
 */
export function yoy(courses: readonly Course[] | CourseStore, o: YoyOptions): YoyResult {
  const store = courses instanceof CourseStore ? courses : storeOf(courses);
  const { columns, rows: field, basis, vocab } = o;
  const k = columns.length;
  const exitRows = isExitField(field);
  const vocabName = fieldDef(field)?.vocabulary;
  const vocabulary: Vocabulary | undefined = vocabName === undefined ? undefined : vocab[vocabName];
  const range = dateRange(store);
  const asOf = range?.newest ?? 0;
  // The row key of each value id of the field's column.
  const { ids, names } = store.textColumn(field === 'exitGroup' ? 'exitReason' : field);
  const valueKeyOfId = names.map((name, id) => {
    if (field !== 'exitGroup') return name ?? UNKNOWN;
    // An ended course has a reason ("Uoplyst" when none was given); a null group means the reason is not in the vocabulary.
    return store.exitGroups[id] ?? (name === null ? (vocab.groupOf(UNKNOWN) ?? 'unknown') : UNMAPPED_GROUP);
  });
  const selected = o.select === undefined ? undefined : new Set(o.select);
  const keyOfId = valueKeyOfId.map((key) => (selected && !selected.has(key) ? OTHERS_KEY : key));
  // Which value ids are not in their vocabulary (exit reasons without a group; target groups).
  const unknownId = names.map((name, id) =>
    name === null
      ? false
      : exitRows
        ? store.exitGroups[id] === null
        : vocabulary !== undefined && !vocabulary.isKnown(name),
  );

  const byKey = new Map<string, Acc>();
  const accOf = (key: string): Acc => {
    let acc = byKey.get(key);
    if (!acc) byKey.set(key, (acc = newAcc(k)));
    return acc;
  };
  const total = newAcc(k);
  const subtotal = newAcc(k);
  const notEnded = new Array<number>(k).fill(0);
  const unknownValues = new Set<string>();
  // The first date of each value (its first end for exit rows), over every course of the export.
  const since = new Map<string, Day>();
  // An anonymised course counts among courses, never as a person (docs/definitions.md#records).
  const anonymous = store.persons.anonymous;
  const add = (acc: Acc, j: number, i: number, end: number) => {
    acc.courses[j]!++;
    if (store.person[i] !== anonymous) acc.persons[j]!.push(store.person[i]!);
    // Under 'active' a duration belongs to the column the course ended in.
    if (end !== NONE && (basis !== 'active' || end <= columns[j]!.to))
      acc.durations[j]!.push(end - store.start[i]! + 1);
    acc.days[j]! += daysIn(columns[j]!, store.start[i]!, end, asOf);
  };
  for (let i = 0; i < store.length; i++) {
    const first = exitRows ? store.end[i]! : store.start[i]!;
    const key = valueKeyOfId[ids[i]!]!;
    if (first !== NONE && first < (since.get(key) ?? Infinity)) since.set(key, first);
  }
  const n = o.subset === undefined ? store.length : o.subset.length;
  for (let x = 0; x < n; x++) {
    const i = o.subset === undefined ? x : o.subset[x]!;
    const end = store.end[i]!;
    const id = ids[i]!;
    for (const j of columnsOfCourse(columns, basis, store.start[i]!, end)) {
      // Not ended (basis start: no end at all; active: still running at the column's end).
      const open = end === NONE || (basis === 'active' && end > columns[j]!.to);
      const key = exitRows && open ? (basis === 'active' ? ONGOING_KEY : NOT_ENDED_KEY) : keyOfId[id]!;
      add(accOf(key), j, i, end);
      add(total, j, i, end);
      if (selected?.has(key)) add(subtotal, j, i, end);
      if (open) notEnded[j]!++;
      // An ongoing course has no exit group yet: its reason, if any, is not counted as unknown.
      if (unknownId[id] && (!exitRows || !open)) unknownValues.add(names[id]!);
    }
  }

  const cells = new Map([...byKey].map(([key, acc]) => [key, cellsOf(acc)]));
  const keys = rowKeys(o, byKey, cells, vocabulary);
  return {
    field,
    basis,
    step: o.step,
    columns,
    rowKeys: keys,
    rows: keys.map((key) => ({
      key: SPECIAL_KEYS.has(key) ? '' : key,
      kind: SPECIAL_KEYS.get(key) ?? 'value',
      cells: cells.get(key) ?? cellsOf(newAcc(k)),
      since: since.get(key) ?? null,
    })),
    totals: cellsOf(total),
    ...(selected ? { subtotal: cellsOf(subtotal) } : {}),
    notEnded,
    unknownValues: [...unknownValues].sort((a, b) => a.localeCompare(b, 'da')),
    incomplete: range === null ? [] : columns.filter((c) => c.to > range.newest).map((c) => c.label),
    newest: range?.newest ?? null,
  };
}

/** The rows in display order (see yoy()). */
function rowKeys(
  o: YoyOptions,
  byKey: Map<string, Acc>,
  cells: Map<string, YoyCell[]>,
  vocabulary: Vocabulary | undefined,
): string[] {
  const last = o.columns.length - 1;
  let keys: string[];
  if (o.keys !== undefined) keys = o.keys.filter((key) => !SPECIAL_KEYS.has(key));
  else if (o.select !== undefined) keys = [...o.select, OTHERS_KEY];
  else if (o.rows === 'exitGroup') {
    keys = [...o.vocab.exitGroups.map((g) => g.key), UNMAPPED_GROUP].filter(
      (key) => key !== UNMAPPED_GROUP || byKey.has(key),
    );
    // A course whose group the config does not define (cannot happen with a valid config) still shows.
    for (const key of byKey.keys()) if (!keys.includes(key) && !SPECIAL_KEYS.has(key)) keys.push(key);
  } else {
    const rank = (v: string) => (vocabulary ? vocabulary.orderOf(v) : v === UNKNOWN ? 1 : 0);
    const newestOf = (key: string) => {
      const cell = cells.get(key)![last]!;
      return o.measure === 'persons' ? cell.persons : cell.courses;
    };
    keys = [...byKey.keys()]
      .filter((key) => !SPECIAL_KEYS.has(key))
      .sort((a, b) => newestOf(b) - newestOf(a) || rank(a) - rank(b) || a.localeCompare(b, 'da'));
  }
  if (o.keys !== undefined) return [...keys, ...o.keys.filter((key) => SPECIAL_KEYS.has(key))];
  for (const key of [NOT_ENDED_KEY, ONGOING_KEY]) if (byKey.has(key)) keys.push(key);
  return keys;
}
