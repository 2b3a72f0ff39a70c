/**
 * Courses as columns: one typed array per field, categorical values as ids into small tables,
 * persons as numbers whose pseudonyms are made when first asked for. A million courses take
 * about 40 MB this way instead of a few hundred as objects, and an analysis that reads two
 * columns touches only those. normalise builds a store; analyses read its columns. `course(i)`
 * gives one course as a record (a row printed on its own), and `storeOf` makes a store of a list
 * of records (tests, and the analyses' entry points that take such a list).
 */
import type { Day } from '../base/dates.js';
import { CATEGORY_FIELDS, type CategoryField, type Horizon, type TextField } from '../model/fields.js';
import type { Course } from './course.js';
import { personIndex } from './persons.js';
import { NONE, resized, ValueTable, type Column, type IdColumn } from './store-columns.js';
import { ANONYMOUS, genderCode, GENDERS, Persons } from './store-persons.js';

// The store's parts, for the modules that import them from the store.
export { NONE, resized, ValueTable, type IdColumn } from './store-columns.js';
export { ANONYMOUS, genderCode, GENDERS, Persons } from './store-persons.js';

/** The most courses reserve() makes room for at once (beyond it, columns grow by doubling). */
export const MAX_RESERVE = 1 << 25;

/** Categorical fields kept as ids into a ValueTable: the registry's category fields. */
export type ValueField = CategoryField;
export const VALUE_FIELDS: readonly ValueField[] = CATEGORY_FIELDS;

const EMPTY_EXTRA: Record<string, string | null> = Object.freeze({}) as Record<string, string | null>;

/** The columns of a store. */
const COLUMNS = ['row', 'person', 'start', 'end', 'birth', 'age', 'gender', 'exit', 'followUp'] as const;
type ColumnName = (typeof COLUMNS)[number];

export class CourseStore {
  length = 0;
  /** Row number in the file; the reference is `${refKind} ${row}` unless `refs` holds another. */
  row = new Int32Array(1024);
  /** Person number (see `persons`). */
  person = new Int32Array(1024);
  start = new Int32Array(1024);
  /** NONE while ongoing. */
  end = new Int32Array(1024);
  /** NONE when unknown. */
  birth = new Int32Array(1024);
  /** Age at start, NONE when unknown. */
  age = new Int32Array(1024);
  /** 0 unknown, 1 M, 2 K. */
  gender = new Uint8Array(1024);
  /** Exit id: its reason in `exitReasons`, its group in `exitGroups` (0: none). */
  exit: IdColumn = new Uint16Array(1024);
  /** Follow-up id: the four statuses in `followUps`. */
  followUp: IdColumn = new Uint16Array(1024);
  /** Per category field (the registry's): the id of each course's value in `values[field]`. */
  readonly ids = Object.fromEntries(VALUE_FIELDS.map((f) => [f, new Uint16Array(1024)])) as Record<
    ValueField,
    IdColumn
  >;
  readonly values = Object.fromEntries(
    VALUE_FIELDS.map((f) => [f, new ValueTable((id) => this.fitIds(f, id))]),
  ) as Record<ValueField, ValueTable>;
  readonly exitReasons: (string | null)[] = [null];
  readonly exitGroups: (string | null)[] = [null];
  private readonly exitIds = new Map<string, number>();
  readonly followUps: Readonly<Record<Horizon, string | null>>[] = [];
  private readonly followUpIds = new Map<string, number>();
  /** Kept columns (--numeric and the like) per course, when any were asked for. */
  extra: Record<string, string | null>[] | null = null;
  /** References not of the shape `${refKind} ${row}`, by course. */
  private readonly refs = new Map<number, string>();

  constructor(
    readonly persons: Persons,
    /** "line" (CSV) or "row" (xlsx). */
    readonly refKind: string,
  ) {}

  /** Room for one more course; its index. Columns are replaced as they grow: read them after. */
  push(): number {
    if (this.length === this.row.length) this.grow(this.row.length * 2);
    return this.length++;
  }

  /**
   * Room for n courses: a store told the size early grows once, not by doubling (which holds old
   * and new). n is an estimate (from a file's first rows and its size), so it is capped: a file
   * whose first rows are short and the rest long must not ask for more than can be allocated.
   * Room reserved and not used costs address space, not memory: the pages are never touched.
   */
  reserve(n: number): void {
    const capped = Math.min(n, MAX_RESERVE);
    if (capped > this.row.length) this.grow(capped);
  }

  private grow(n: number): void {
    for (const k of COLUMNS) this.set(k, resized(this[k], n));
    for (const f of VALUE_FIELDS) this.ids[f] = resized(this.ids[f], n);
  }

  private set(k: ColumnName, a: Column): void {
    (this as Record<ColumnName, Column>)[k] = a;
  }

  /** Widens an id column to 32 bits when id no longer fits in 16. */
  private fit(k: 'exit' | 'followUp', id: number): void {
    const a = this[k];
    if (id > 0xffff && a instanceof Uint16Array) this.set(k, Int32Array.from(a));
  }

  private fitIds(f: ValueField, id: number): void {
    const a = this.ids[f];
    if (id > 0xffff && a instanceof Uint16Array) this.ids[f] = Int32Array.from(a);
  }

  /** The id of an exit reason with its group. */
  exitId(reason: string | null, group: string | null): number {
    if (reason === null && group === null) return 0;
    const key = JSON.stringify([reason, group]);
    let id = this.exitIds.get(key);
    if (id === undefined) {
      id = this.exitReasons.length;
      this.fit('exit', id);
      this.exitReasons.push(reason);
      this.exitGroups.push(group);
      this.exitIds.set(key, id);
    }
    return id;
  }

  /** The id of four follow-up statuses (1, 3, 6, 12 months). */
  followUpId(v1: string | null, v3: string | null, v6: string | null, v12: string | null): number {
    const key = JSON.stringify([v1, v3, v6, v12]);
    let id = this.followUpIds.get(key);
    if (id === undefined) {
      id = this.followUps.length;
      this.fit('followUp', id);
      this.followUps.push(Object.freeze({ 1: v1, 3: v3, 6: v6, 12: v12 }));
      this.followUpIds.set(key, id);
    }
    return id;
  }

  /** Sets course i's reference (when it is not `${refKind} ${rowNumber}`). */
  setRef(i: number, rowNumber: number, ref: string): void {
    this.row[i] = rowNumber;
    if (ref !== `${this.refKind} ${rowNumber}`) this.refs.set(i, ref);
  }

  /** Sets course i's kept columns. */
  setExtra(i: number, extra: Record<string, string | null>): void {
    if (Object.keys(extra).length === 0) return;
    this.extra ??= [];
    while (this.extra.length < i) this.extra.push(EMPTY_EXTRA);
    this.extra[i] = extra;
  }

  /**
   * Appends a course given as a record (the general path of normalise, `storeOf`), with its person's
   * number and, when the caller knows it, the id of its follow-up statuses.
   */
  append(c: Course, person: number, rowNumber: number, followUp?: number): number {
    const i = this.push();
    this.setRef(i, rowNumber, c.ref);
    this.person[i] = person;
    this.start[i] = c.start;
    this.end[i] = c.end ?? NONE;
    this.birth[i] = c.birthDate ?? NONE;
    this.age[i] = c.ageAtStart ?? NONE;
    this.gender[i] = genderCode(c.gender);
    // Each id is made before its column is read: making it may widen the column.
    const exit = this.exitId(c.exitReason, c.exitGroup);
    this.exit[i] = exit;
    const fu = followUp ?? this.followUpId(c.followUp[1], c.followUp[3], c.followUp[6], c.followUp[12]);
    this.followUp[i] = fu;
    for (const f of VALUE_FIELDS) {
      const id = this.values[f].id(c[f]);
      this.ids[f][i] = id;
    }
    this.setExtra(i, c.extra);
    return i;
  }

  /** Trims the columns to the courses held; the store is complete. */
  seal(): this {
    const n = this.length;
    for (const k of COLUMNS) this.set(k, this[k].subarray(0, n));
    for (const f of VALUE_FIELDS) this.ids[f] = this.ids[f].subarray(0, n);
    if (this.extra) while (this.extra.length < n) this.extra.push(EMPTY_EXTRA);
    return this;
  }

  /**
   * A new store of the courses `keep` (indices, ascending), sharing the persons: what `--where`
   * leaves (docs/definitions.md#where). Value ids are made in the same order, so they are the same.
   */
  subset(keep: ArrayLike<number>): CourseStore {
    const s = new CourseStore(this.persons, this.refKind);
    for (const f of VALUE_FIELDS) for (const v of this.values[f].values.slice(1)) s.values[f].id(v);
    for (let e = 1; e < this.exitReasons.length; e++) s.exitId(this.exitReasons[e]!, this.exitGroups[e]!);
    for (const f of this.followUps) s.followUpId(f[1], f[3], f[6], f[12]);
    s.reserve(keep.length);
    for (let k = 0; k < keep.length; k++) {
      const i = keep[k]!;
      const j = s.push();
      s.setRef(j, this.row[i]!, this.ref(i));
      for (const c of COLUMNS) s[c][j] = this[c][i]!;
      for (const f of VALUE_FIELDS) s.ids[f][j] = this.ids[f][i]!;
      if (this.extra) s.setExtra(j, this.extra[i] ?? EMPTY_EXTRA);
    }
    return s.seal();
  }

  /** As JSON (logs, test output): its size, never a column (and so never a person). */
  toJSON(): { courses: number; persons: number } {
    return { courses: this.length, persons: this.persons.count };
  }

  ref(i: number): string {
    return this.refs.get(i) ?? `${this.refKind} ${this.row[i]!}`;
  }

  /** The value of a categorical field of course i. */
  value(f: ValueField, i: number): string | null {
    return this.values[f].values[this.ids[f][i]!]!;
  }

  /**
   * A text field (a registry field of a text kind) as a column of ids and the value of each id: what
   * counting values by field needs, without a record per course.
   */
  textColumn(field: TextField): { ids: ArrayLike<number>; names: readonly (string | null)[] } {
    switch (field) {
      case 'exitReason':
        return { ids: this.exit, names: this.exitReasons };
      case 'exitGroup':
        return { ids: this.exit, names: this.exitGroups };
      case 'gender':
        return { ids: this.gender, names: GENDERS };
      case 'followUp1':
      case 'followUp3':
      case 'followUp6':
      case 'followUp12': {
        const h = Number(field.slice('followUp'.length)) as Horizon;
        return { ids: this.followUp, names: this.followUps.map((f) => f[h]) };
      }
      default:
        return { ids: this.ids[field], names: this.values[field].values };
    }
  }

  /** The earliest start and the newest start or end date of the courses; null when there are none. */
  dateRange(): { earliest: Day; newest: Day } | null {
    let earliest = Infinity;
    let newest = -Infinity;
    const { start, end } = this;
    for (let i = 0; i < this.length; i++) {
      if (start[i]! < earliest) earliest = start[i]!;
      if (start[i]! > newest) newest = start[i]!;
      if (end[i]! > newest) newest = end[i]!;
    }
    return Number.isFinite(earliest) ? { earliest, newest } : null;
  }

  /** The day of the latest start or end date, null when there are no courses. */
  newestDay(): Day | null {
    let newest = NONE;
    const { start, end } = this;
    for (let i = 0; i < this.length; i++) {
      if (start[i]! > newest) newest = start[i]!;
      if (end[i]! > newest) newest = end[i]!;
    }
    return newest === NONE ? null : newest;
  }

  /** Course i as a record. */
  course(i: number): Course {
    const opt = (v: number) => (v === NONE ? null : v);
    return {
      ref: this.ref(i),
      personId: this.persons.name(this.person[i]!),
      birthDate: opt(this.birth[i]!),
      gender: GENDERS[this.gender[i]!]!,
      ageAtStart: opt(this.age[i]!),
      start: this.start[i]!,
      end: opt(this.end[i]!),
      exitReason: this.exitReasons[this.exit[i]!]!,
      exitGroup: this.exitGroups[this.exit[i]!]!,
      ...(Object.fromEntries(VALUE_FIELDS.map((f) => [f, this.value(f, i)])) as Record<
        ValueField,
        string | null
      >),
      followUp: this.followUps[this.followUp[i]!]!,
      extra: this.extra?.[i] ?? EMPTY_EXTRA,
    };
  }
}

/**
 * A store of a list of records, course i of the store being courses[i]; persons numbered by
 * pseudonym in order of first sight. Made anew on each call: keep the store, not the list.
 */
export function storeOf(courses: readonly Course[]): CourseStore {
  const index = personIndex(courses);
  const persons = new Persons();
  const first = new Int32Array(index.count).fill(-1);
  for (let i = 0; i < courses.length; i++) if (first[index.of[i]!]! < 0) first[index.of[i]!] = i;
  for (let p = 0; p < index.count; p++) {
    const name = first[p]! < 0 ? `(person ${p})` : courses[first[p]!]!.personId;
    persons.ofName(name);
    if (name === ANONYMOUS) persons.anonymous = p;
  }
  const kind = /^(\S+) \d+$/.exec(courses[0]?.ref ?? '')?.[1] ?? 'line';
  const store = new CourseStore(persons, kind);
  for (let i = 0; i < courses.length; i++) {
    const c = courses[i]!;
    const n = /^\S+ (\d+)$/.exec(c.ref)?.[1];
    store.append(c, index.of[i]!, n === undefined || n.length > 9 ? 0 : Number(n));
  }
  return store.seal();
}

/**
 * How many courses have each name: course i (each of `indices`, or 0 .. length - 1 when null)
 * has the id idOf(i), whose name is names[id]. Counted by id, then ids of the same name added
 * up; a null name is counted under `nullAs` when given (merged with a value of that name), else
 * under the key null.
 */
export function countByName(
  names: readonly (string | null)[],
  idOf: (i: number) => number,
  indices: ArrayLike<number> | null,
  length: number,
  nullAs?: string,
): Map<string | null, number> {
  const perId = new Int32Array(names.length);
  const n = indices === null ? length : indices.length;
  for (let k = 0; k < n; k++) perId[idOf(indices === null ? k : indices[k]!)]!++;
  const counts = new Map<string | null, number>();
  perId.forEach((count, id) => {
    if (count === 0) return;
    const name = names[id] ?? nullAs ?? null;
    counts.set(name, (counts.get(name) ?? 0) + count);
  });
  return counts;
}
