/**
 * RawTable → Course records + a ledger. Every row read ends in exactly one place: accepted,
 * rejected (with its reference, column and reason), or skipped (blank or totals row).
 * The raw CPR number is used here to derive birth date and gender and is then replaced by a
 * pseudonym; it is never stored, returned or put in a message.
 *
 * Two ways in, one result. `row` takes a RawRow (xlsx, quoted CSV) and is the reference. `bytes`
 * takes a row of the fast CSV path as bytes and builds the course directly when the row is of
 * the common shape (a CPR number, dd-mm-yyyy or ISO dates, values seen before) and valid; any
 * other row, including every row that is skipped or rejected, is decoded and goes through `row`.
 * The fast way has no side effect until it commits a course, so a row it gives up on is counted
 * once. Memory is kept per person and per distinct value rather than per row: persons and
 * values are interned from the bytes, the follow-up record is shared between courses with the
 * same statuses, and duplicates are looked for among the person's own courses (duplicates.ts).
 */
import type { Day } from '../base/dates.js';
import { cut } from '../base/text.js';
import { ByteInterner, IntTable } from '../io/intern.js';
import type { ByteRow, RawRow, RawTable, RawValue, ReadProgress, SourceInfo } from '../io/raw.js';
import { isEmptyCell } from '../io/raw.js';
import type { ColumnMapping } from './columns.js';
import {
  CATEGORY_FIELDS,
  fieldDef,
  FOLLOW_UP_HORIZONS,
  type CanonicalField,
  type CategoryField,
  type Horizon,
} from '../model/fields.js';
import type { Course } from './course.js';
import { CourseStore, genderCode, GENDERS, NONE, Persons, type ValueField } from './course-store.js';
import { DuplicateIndex } from './duplicates.js';
import { cprBirthOfKey, parseCpr, redactCpr, type Pseudonymiser } from './cpr.js';
import { matchKey } from './normalize-text.js';
import { ageAt, dateOfBytes, isMissing, isNoEndDate, parseDate, parseGender, textOf } from './values.js';
import type { VocabSet, Vocabulary } from './vocab.js';

export interface Rejection {
  ref: string;
  rowNumber: number;
  /** Every problem of the row, each naming its column. */
  reasons: string[];
  /** The pseudonym, when the row had a valid person id. */
  personId: string | null;
  /** The row's cells by header, with the person id replaced by the pseudonym (or removed). */
  cells: Record<string, string>;
}

export interface Skip {
  ref: string;
  rowNumber: number;
  kind: 'blank' | 'totals';
}

export interface Ledger {
  read: number;
  accepted: number;
  rejected: Rejection[];
  skipped: Skip[];
}

export type CategoricalField = 'exitReason' | CategoryField | `followUp${Horizon}`;

export interface Normalised {
  info: SourceInfo;
  headers: string[];
  mapping: ColumnMapping;
  /** The accepted courses, as columns. */
  store: CourseStore;
  ledger: Ledger;
  /** Raw values not in their vocabulary, per field, with counts. */
  unknownValues: Partial<Record<CategoricalField, Map<string, number>>>;
  /** Ended courses with no exit reason: counted as "Uoplyst". */
  missingExitReason: number;
  notes: string[];
}

export interface NormaliseOptions {
  vocab: VocabSet;
  pseudonymise: Pseudonymiser;
  /** Extra columns to keep by header (e.g. for --numeric or --group on an unmapped column). */
  keepColumns?: string[];
  /** Told every few thousand rows how far the rows are read (a fast CSV table tells it itself). */
  progress?: ReadProgress;
}

const TOTALS_LABEL = /^(i\s*alt|total|totalt|totaler|sum|samlet|i alt:?|grand total)$/i;

export function normalise(table: RawTable, mapping: ColumnMapping, opts: NormaliseOptions): Normalised {
  const n = new Normaliser(table, mapping, opts);
  let read: number;
  const fast = table.fast;
  if (fast) read = fast.scan(n);
  else {
    const rows = table.rows;
    const progress = opts.progress;
    for (let i = 0; i < rows.length; i++) {
      if (progress && (i & 4095) === 0) progress.update(i, rows.length);
      n.row(rows[i]!);
    }
    read = rows.length;
  }
  return n.finish(read);
}

// ---------------------------------------------------------------------------------------------
// The record invariant, by hand.

export interface CourseIssue {
  path: (string | number)[];
  message: string;
}

/**
 * `courseSchema` (course.ts) is the documented invariant of a Course; this is the same check
 * without zod, which would cost a parse per row and 0.1-0.2 s to load. It gives the issues
 * safeParse gives, in the same order and words (test/schema/course-check.test.ts compares them
 * on fuzzed records): type problems first, field by field; then, only when no field had the
 * wrong type, the two cross-field rules.
 */
export function courseIssues(c: unknown): CourseIssue[] {
  const issues: CourseIssue[] = [];
  if (typeof c !== 'object' || c === null || Array.isArray(c))
    return [{ path: [], message: `Invalid input: expected object, received ${received(c)}` }];
  const o = c as Record<string, unknown>;
  let fatal = false;
  const text = (key: string, nullable: boolean, path: (string | number)[] = [key], v = o[key]) => {
    if (nullable && v === null) return;
    if (typeof v === 'string') {
      if (v.length < 1) issues.push({ path, message: 'Too small: expected string to have >=1 characters' });
      return;
    }
    fatal = true;
    issues.push({ path, message: `Invalid input: expected string, received ${received(v)}` });
    if (Array.isArray(v) && v.length < 1)
      issues.push({ path, message: 'Too small: expected array to have >=1 items' });
  };
  const int = (key: string, nullable: boolean) => {
    const v = o[key];
    if (nullable && v === null) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      fatal = true;
      issues.push({ path: [key], message: `Invalid input: expected number, received ${received(v)}` });
    } else if (!Number.isInteger(v)) {
      fatal = true;
      issues.push({ path: [key], message: 'Invalid input: expected int, received number' });
    } else if (v > Number.MAX_SAFE_INTEGER)
      issues.push({ path: [key], message: `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}` });
    else if (v < Number.MIN_SAFE_INTEGER)
      issues.push({ path: [key], message: `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}` });
  };
  text('ref', false);
  text('personId', false);
  int('birthDate', true);
  if (o.gender !== null && o.gender !== 'M' && o.gender !== 'K') {
    fatal = true;
    issues.push({ path: ['gender'], message: 'Invalid option: expected one of "M"|"K"' });
  }
  int('ageAtStart', true);
  int('start', false);
  int('end', true);
  for (const k of ['exitReason', 'exitGroup', ...CATEGORY_FIELDS]) text(k, true);
  const f = o.followUp;
  if (typeof f !== 'object' || f === null || Array.isArray(f)) {
    fatal = true;
    issues.push({ path: ['followUp'], message: `Invalid input: expected object, received ${received(f)}` });
  } else
    for (const h of FOLLOW_UP_HORIZONS)
      text(String(h), true, ['followUp', String(h)], (f as Record<string, unknown>)[h]);
  const x = o.extra;
  if (!isPlainObject(x)) {
    fatal = true;
    issues.push({ path: ['extra'], message: `Invalid input: expected record, received ${received(x)}` });
  } else
    for (const k of Object.keys(x as object)) {
      const v = (x as Record<string, unknown>)[k];
      if (v !== null && typeof v !== 'string') {
        fatal = true;
        issues.push({
          path: ['extra', k],
          message: `Invalid input: expected string, received ${received(v)}`,
        });
      }
    }
  if (fatal) return issues;
  const start = o.start as number;
  if (o.end !== null && (o.end as number) < start)
    issues.push({ path: ['end'], message: 'the end date is before the start date; correct one of them' });
  if (o.birthDate !== null && (o.birthDate as number) > start)
    issues.push({
      path: ['start'],
      message: 'the person is born after the course start (CPR number or start date wrong)',
    });
  return issues;
}

/** zod's test for a record: an object whose constructor, if any, is Object's kind (not a Date, not an array). */
function isPlainObject(o: unknown): boolean {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return false;
  const ctor = (o as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const proto = (ctor as { prototype?: unknown }).prototype;
  if (typeof proto !== 'object' || proto === null) return false;
  return Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf');
}

/** How zod names a value's type in "received ...". */
function received(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? 'number' : String(v);
  if (typeof v === 'object') {
    const proto = Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null;
    const name = proto?.constructor?.name;
    return proto === null || proto === Object.prototype || !name ? 'object' : name;
  }
  return typeof v;
}

// ---------------------------------------------------------------------------------------------

const NO_EXTRA: Record<string, string | null> = Object.freeze({}) as Record<string, string | null>;

/** A categorical column of the fast path: its values interned from the bytes. */
class Slot {
  readonly interner = new ByteInterner();
  /** Per id: the value (canonical, or as written when unknown), null when missing. */
  readonly values: (string | null)[] = [];
  /** Per id: the raw text when not in the vocabulary (counted as unknown), else null. */
  readonly unknown: (string | null)[] = [];
  /** Per id: the exit group (exit reasons only). */
  readonly groups: (string | null)[] = [];
  /** Per id: the id of the value (of the exit, for exit reasons; the gender code) in the course store. */
  readonly storeIds: number[] = [];

  constructor(
    readonly field: CategoricalField | 'gender',
    readonly col: number,
    private readonly vocabulary: Vocabulary | undefined,
    private readonly vocab: VocabSet,
    readonly storeId: (value: string | null, group: string | null) => number,
  ) {}

  /** The id of the column's value in a byte row (an absent field reads as empty). */
  id(r: ByteRow): number {
    const c = this.col;
    const s = c < r.count ? r.start[c]! : 0;
    const e = c < r.count ? r.end[c]! : 0;
    // A column holds a handful of values: a guess from the length and three bytes, checked
    // byte by byte, finds most of them without hashing the whole value.
    const buf = r.buf;
    const len = e - s;
    const quick = len === 0 ? 0 : (len * 31 + buf[s]! * 7 + buf[e - 1]! * 13 + buf[s + (len >> 1)]!) & 255;
    const guess = this.quick[quick]!;
    if (guess >= 0 && this.interner.equals(guess, buf, s, e)) return guess;
    let id = this.interner.find(buf, s, e);
    if (id < 0) id = this.add(buf, s, e);
    this.quick[quick] = id;
    return id;
  }

  private readonly quick = new Int32Array(256).fill(-1);

  private add(buf: Buffer, s: number, e: number): number {
    const id = this.interner.add(buf, s, e);
    const v: RawValue = s === e ? null : buf.toString('utf8', s, e);
    let value: string | null = null;
    let unknown: string | null = null;
    if (this.field === 'gender') value = parseGender(v);
    else if (!isMissing(v)) {
      const raw = text(v);
      const entry = this.vocabulary?.lookup(raw);
      value = entry ? entry.value : raw;
      if (this.vocabulary && !entry) unknown = raw;
    }
    this.values[id] = value;
    this.unknown[id] = unknown;
    this.groups[id] =
      this.field === 'exitReason' && value !== null ? (this.vocab.groupOf(value) ?? null) : null;
    this.storeIds[id] = this.storeId(value, this.groups[id]!);
    return id;
  }
}

/** Rows → courses; see the comment at the top of the file. */
class Normaliser {
  private readonly info: SourceInfo;
  private readonly headers: string[];
  private readonly mapping: ColumnMapping;
  private readonly vocab: VocabSet;
  private readonly pseudonymise: Pseudonymiser;
  private readonly col: ColumnMapping['fields'];
  private readonly keep: { name: string; index: number }[];
  private readonly cprKind: boolean;
  private readonly uoplyst: string;
  private readonly uoplystGroup: string | null;

  private readonly store: CourseStore;
  private readonly persons: Persons;
  private readonly rejected: Rejection[] = [];
  private readonly skipped: Skip[] = [];
  private readonly unknownValues: Normalised['unknownValues'] = {};
  private missingExitReason = 0;
  /** End dates written as 31-12-9999 ("no end"), read as no end date. */
  private noEndDates = 0;
  /** Accepted courses by person, start and programme: indices into `store`. */
  private readonly accepted: DuplicateIndex;

  // The fast path's tables.
  private readonly pidCol: number;
  private readonly startCol: number;
  private readonly endCol: number;
  private readonly exit: Slot | null;
  private readonly followUp: (Slot | null)[];
  /** Per category field of the registry (CATEGORY_FIELDS order): its slot, null when not mapped. */
  private readonly categories: (Slot | null)[];
  /** The programme's slot: a duplicate is the same person, start and programme. */
  private readonly programme: Slot | null;
  private readonly programmeIndex = CATEGORY_FIELDS.indexOf('programme');
  private readonly gender: Slot | null;
  /** CPR number (packed, see packCpr) → person; -2 for a number that is not a valid CPR number. */
  private readonly cprPersons = new IntTable();
  /** Citizen ids (not CPR): bytes → person (persons are one per pseudonym: " 12" and "12" are one). */
  private readonly idPersons = new ByteInterner();
  private readonly idPersonOf: number[] = [];
  /** Follow-up ids of the store, by the ids of their four values (fast path) or of their texts. */
  private readonly followUps = new Map<number | string, number>();
  /** The store's exit id of "Uoplyst" (an ended course without a reason). */
  private readonly uoplystExit: number;

  constructor(table: RawTable, mapping: ColumnMapping, opts: NormaliseOptions) {
    this.info = table.info;
    this.headers = table.headers;
    this.mapping = mapping;
    this.vocab = opts.vocab;
    this.pseudonymise = opts.pseudonymise;
    this.col = mapping.fields;
    this.cprKind = mapping.personIdKind === 'cpr';
    this.keep = (opts.keepColumns ?? []).map((name) => {
      const index = this.headers.findIndex((h) => matchKey(h) === matchKey(name));
      return { name, index };
    });
    this.uoplyst = this.vocab.exitReason.lookup('Uoplyst')?.value ?? 'Uoplyst';
    this.uoplystGroup = this.vocab.groupOf(this.uoplyst) ?? null;
    this.persons = new Persons(this.pseudonymise);
    const store = (this.store = new CourseStore(this.persons, table.info.format === 'xlsx' ? 'row' : 'line'));
    this.uoplystExit = store.exitId(this.uoplyst, this.uoplystGroup);
    this.accepted = new DuplicateIndex(store);

    const c = (f: CanonicalField) => this.col[f] ?? -1;
    const slot = (f: CategoricalField | 'gender', v: Vocabulary | undefined, storeId: Slot['storeId']) =>
      this.col[f] === undefined ? null : new Slot(f, this.col[f]!, v, this.vocab, storeId);
    const valueId = (f: ValueField) => (v: string | null) => store.values[f].id(v);
    this.pidCol = c('personId');
    this.startCol = c('start');
    this.endCol = c('end');
    this.exit = slot('exitReason', this.vocab.exitReason, (v, g) => store.exitId(v, g));
    // Follow-up statuses are stored as a set of four (see sharedFollowUp).
    this.followUp = FOLLOW_UP_HORIZONS.map((h) => slot(`followUp${h}`, this.vocab.followUp, () => -1));
    this.categories = CATEGORY_FIELDS.map((f) => slot(f, this.vocabularyOf(f), valueId(f)));
    this.programme = this.categories[this.programmeIndex]!;
    this.gender = slot('gender', undefined, genderCode);
  }

  finish(read: number): Normalised {
    const { pseudonymise, skipped, missingExitReason } = this;
    const store = this.store.seal();
    const notes: string[] = [];
    if (!pseudonymise.stable)
      notes.push(
        'No pseudonym key was set (JOBFX_PSEUDONYM_KEY or "pseudonymKey" in the config): pseudonyms are random per run and cannot be compared across runs.',
      );
    const totals = skipped.filter((s) => s.kind === 'totals');
    if (totals.length > 0)
      notes.push(
        `${totals.map((s) => s.ref).join(', ')}: a totals row ("I alt"/"Total") is not a course and was skipped.`,
      );
    if (missingExitReason > 0)
      notes.push(`${missingExitReason} ended course(s) have no exit reason; they are counted as "Uoplyst".`);
    if (this.noEndDates > 0)
      notes.push(`${this.noEndDates} course(s) have end date 31-12-9999, read as no end date (ongoing).`);
    return {
      info: this.info,
      headers: this.headers,
      mapping: this.mapping,
      store,
      ledger: { read, accepted: store.length, rejected: this.rejected, skipped },
      unknownValues: this.unknownValues,
      missingExitReason,
      notes,
    };
  }

  /** The vocabulary a field's values are read through (the registry says which), if any. */
  private vocabularyOf(f: CanonicalField): Vocabulary | undefined {
    const name = fieldDef(f)?.vocabulary;
    return name === undefined ? undefined : this.vocab[name];
  }

  private header(f: CanonicalField): string {
    return this.headers[this.col[f]!] ?? f;
  }

  private countUnknown(field: CategoricalField, raw: string): void {
    const counts = (this.unknownValues[field] ??= new Map());
    counts.set(raw, (counts.get(raw) ?? 0) + 1);
  }

  private categorical(field: CategoricalField, v: RawValue, vocabulary?: Vocabulary): string | null {
    if (typeof v === 'string') {
      // A column repeats a handful of texts: what each means is worked out once.
      let memo = this.texts.get(field);
      if (!memo) this.texts.set(field, (memo = new Map()));
      let hit = memo.get(v);
      if (hit === undefined) {
        hit = { value: null, unknown: null };
        if (!isMissing(v)) {
          const raw = text(v);
          const entry = vocabulary?.lookup(raw);
          hit.value = entry ? entry.value : raw;
          if (vocabulary && !entry) hit.unknown = raw;
        }
        if (memo.size < 10_000) memo.set(v, hit);
      }
      if (hit.unknown !== null) this.countUnknown(field, hit.unknown);
      return hit.value;
    }
    if (isMissing(v)) return null;
    const raw = text(v);
    if (!vocabulary) return raw;
    const entry = vocabulary.lookup(raw);
    if (entry) return entry.value;
    this.countUnknown(field, raw);
    return raw;
  }

  /** The general path's categorical texts per field: value, and the raw text when unknown. */
  private readonly texts = new Map<
    CategoricalField,
    Map<string, { value: string | null; unknown: string | null }>
  >();

  /** Room for about this many courses (the fast CSV path's estimate), so that columns grow once. */
  expect(rows: number): void {
    this.store.reserve(rows);
    this.accepted.reserve(rows);
  }

  /** The store's follow-up id of four statuses, found by a key of their ids. */
  private sharedFollowUp(
    key: number | string,
    v1: string | null,
    v3: string | null,
    v6: string | null,
    v12: string | null,
  ): number {
    let f = this.followUps.get(key);
    if (f === undefined) {
      f = this.store.followUpId(v1, v3, v6, v12);
      this.followUps.set(key, f);
    }
    return f;
  }

  // -------------------------------------------------------------------------------------------
  // The general path: one RawRow.

  row(row: RawRow): void {
    const cells = row.cells;
    const col = this.col;

    let blank = true;
    for (const c of cells)
      if (!(isEmptyCell(c) || isMissing(c))) {
        blank = false;
        break;
      }
    if (blank) {
      this.skipped.push({ ref: row.ref, rowNumber: row.rowNumber, kind: 'blank' });
      return;
    }
    let first: RawValue | undefined;
    for (const c of cells)
      if (!isEmptyCell(c)) {
        first = c;
        break;
      }
    if (typeof first === 'string' && TOTALS_LABEL.test(first.trim())) {
      this.skipped.push({ ref: row.ref, rowNumber: row.rowNumber, kind: 'totals' });
      return;
    }

    const reasons: string[] = [];

    // Person: derive what the CPR number tells, then forget it. -1: no valid person.
    let person = -1;
    let birthDate: Day | null = null;
    let gender: 'M' | 'K' | null = null;
    const pid = at(cells, col.personId);
    if (isMissing(pid))
      problem(reasons, this.header('personId'), undefined, 'is empty; every course needs a person');
    else if (this.cprKind) {
      const value = typeof pid === 'number' ? pid : textOf(pid);
      let key = typeof value === 'number' ? cprKeyOfNumber(value) : cprKeyOfText(value);
      let reason = NOT_A_DATE;
      if (key !== key) {
        // Another spelling parseCpr reads: its ten digits are the key, so that every spelling
        // of a number is one person (and one person number).
        const cpr = parseCpr(value);
        if (cpr.ok) key = Number(cpr.digits);
        else reason = cpr.reason;
      }
      const found = key === key ? this.cprPerson(key) : -2;
      if (found >= 0) {
        person = found;
        birthDate = this.persons.birth[person] === NONE ? null : this.persons.birth[person]!;
        gender = GENDERS[this.persons.gender[person]!]!;
      } else
        problem(
          reasons,
          this.header('personId'),
          undefined,
          `the value ${reason}; correct it in the case system`,
        );
    } else person = this.persons.ofName(this.pseudonymise(textOf(pid)));
    if (gender === null && col.gender !== undefined) gender = parseGender(at(cells, col.gender));

    const start = this.dateField(reasons, cells, 'start', true);
    const end = this.dateField(reasons, cells, 'end', false);

    let exitReason: string | null = null;
    let exitGroup: string | null = null;
    const exitRaw = at(cells, col.exitReason);
    if (end !== null || !isMissing(exitRaw)) {
      exitReason = this.categorical('exitReason', exitRaw, this.vocab.exitReason);
      if (exitReason === null && end !== null) {
        exitReason = this.uoplyst;
        this.missingExitReason++;
      }
      exitGroup = exitReason === null ? null : (this.vocab.groupOf(exitReason) ?? null);
    }

    const fu = this.vocab.followUp;
    const f1 = this.categorical('followUp1', at(cells, col.followUp1), fu);
    const f3 = this.categorical('followUp3', at(cells, col.followUp3), fu);
    const f6 = this.categorical('followUp6', at(cells, col.followUp6), fu);
    const f12 = this.categorical('followUp12', at(cells, col.followUp12), fu);

    let extra = NO_EXTRA;
    if (this.keep.length > 0) {
      extra = {};
      for (const k of this.keep)
        extra[k.name] = k.index < 0 || isMissing(cells[k.index] ?? null) ? null : text(cells[k.index]!);
    }

    if (reasons.length === 0 && start !== null && person >= 0) {
      const followUp = this.valueFollowUp(f1, f3, f6, f12);
      const candidate: Course = {
        ref: row.ref,
        // The pseudonym is made when a course is printed (CourseStore.persons); the check needs a text.
        personId: 'P',
        birthDate: birthDate === null ? null : smi(birthDate),
        gender,
        ageAtStart: birthDate === null ? null : smi(ageAt(birthDate, start)),
        start: smi(start),
        end: end === null ? null : smi(end),
        exitReason,
        exitGroup,
        ...this.categoryValues(cells),
        followUp: this.store.followUps[followUp]!,
        extra,
      };
      const issues = courseIssues(candidate);
      if (issues.length > 0) {
        for (const issue of issues) {
          const f = issue.path[0] as CanonicalField;
          problem(reasons, col[f] !== undefined ? this.header(f) : String(f), undefined, issue.message);
        }
      } else {
        const programme = this.store.values.programme.id(candidate.programme);
        const dup = this.accepted.find(person, candidate.start, programme);
        if (dup >= 0)
          reasons.push(
            `duplicate course: same person, start date and programme as ${this.store.ref(dup)}; remove one of the rows`,
          );
        else {
          this.accepted.add(this.store.append(candidate, person, row.rowNumber, followUp));
          return;
        }
      }
    }
    const personId = person >= 0 ? this.persons.name(person) : null;
    this.rejected.push({
      ref: row.ref,
      rowNumber: row.rowNumber,
      reasons,
      personId,
      cells: safeCells(row, this.headers, this.mapping, personId),
    });
  }

  private dateField(reasons: string[], cells: RawValue[], f: 'start' | 'end', required: boolean): Day | null {
    const v = at(cells, this.col[f]);
    if (isMissing(v)) {
      if (required) problem(reasons, this.header(f), undefined, 'is empty; every course needs a start date');
      return null;
    }
    if (f === 'end' && isNoEndDate(v, this.info.date1904)) {
      this.noEndDates++;
      return null;
    }
    const parsed = parseDate(v, this.info.date1904);
    if (parsed.ok) return parsed.value;
    problem(reasons, this.header(f), v, parsed.reason);
    return null;
  }

  /** Ids of follow-up values, for the shared follow-up records of the general path. */
  private readonly valueIds = new Map<string | null, number>();

  private valueFollowUp(v1: string | null, v3: string | null, v6: string | null, v12: string | null): number {
    const id = (v: string | null): number => {
      let i = this.valueIds.get(v);
      if (i === undefined) this.valueIds.set(v, (i = this.valueIds.size));
      return i;
    };
    const a = id(v1);
    const b = id(v3);
    const c = id(v6);
    const d = id(v12);
    // Negative keys: the fast path's keys (ids of raw bytes) are positive.
    const key =
      a < 8191 && b < 8191 && c < 8191 && d < 8191
        ? -(((a * 8192 + b) * 8192 + c) * 8192 + d + 1)
        : `v${a},${b},${c},${d}`;
    return this.sharedFollowUp(key, v1, v3, v6, v12);
  }

  // -------------------------------------------------------------------------------------------
  // The fast path: one row of the fast CSV reader, as bytes.

  bytes(r: ByteRow): void {
    if (!this.fastRow(r)) this.row(r.materialise());
  }

  /** Builds and commits the course of a row of the common shape; false leaves the row to `row`. */
  private fastRow(r: ByteRow): boolean {
    const { buf, start: S, end: E, count } = r;

    // Blank and totals rows, and rows led by a possible missing marker, are the general path's.
    let lead = -1;
    for (let i = 0; i < count && lead < 0; i++) lead = firstNonSpace(buf, S[i]!, E[i]!);
    if (lead < 0 || lead >= 0x80 || LEADS_TO_SLOW[lead] === 1) return false;

    // Person.
    const pc = this.pidCol;
    if (pc < 0 || pc >= count) return false;
    let person: number;
    // A person first met in this row has no course yet, so the row cannot repeat one.
    const known = this.persons.count;
    if (this.cprKind) {
      const key = cprKeyOfBytes(buf, S[pc]!, E[pc]!);
      if (key !== key) return false;
      person = this.cprPerson(key);
    } else person = this.idPerson(r, S[pc]!, E[pc]!);
    if (person < 0) return false;
    const birth = this.cprKind ? this.persons.birth[person]! : NONE;
    let gender = this.cprKind ? this.persons.gender[person]! : 0;
    if (gender === 0 && this.gender !== null) gender = this.gender.storeIds[this.gender.id(r)]!;

    // Dates.
    const sc = this.startCol;
    if (sc < 0 || sc >= count) return false;
    let start = dateOfBytes(buf, S[sc]!, E[sc]!);
    if (start !== start) {
      start = this.slowDate(r, sc);
      if (start !== start) return false;
    }
    let end = NONE;
    const ec = this.endCol;
    if (ec >= 0 && ec < count && S[ec]! < E[ec]!) {
      const day = dateOfBytes(buf, S[ec]!, E[ec]!);
      if (day === day) end = day;
      else {
        const v = buf.toString('utf8', S[ec]!, E[ec]!);
        if (isNoEndDate(v)) return false;
        if (!isMissing(v)) {
          const parsed = parseDate(v, this.info.date1904);
          if (!parsed.ok) return false;
          end = parsed.value;
        }
      }
    }
    // Days the store cannot hold (years beyond ±5 million) are the general path's to refuse.
    if ((start | 0) !== start || (end | 0) !== end || start === NONE) return false;
    if (end !== NONE && end < start) return false;
    if (birth !== NONE && birth > start) return false;

    // Values.
    const exit = this.exit;
    const exitId = exit === null ? -1 : exit.id(r);
    let exitStore = exitId < 0 ? 0 : exit!.storeIds[exitId]!;
    let missingExit = false;
    if (exitStore === 0 && end !== NONE) {
      exitStore = this.uoplystExit;
      missingExit = true;
    }
    const f1 = this.followUp[0]!;
    const f3 = this.followUp[1]!;
    const f6 = this.followUp[2]!;
    const f12 = this.followUp[3]!;
    const i1 = f1 === null ? -1 : f1!.id(r);
    const i3 = f3 === null ? -1 : f3!.id(r);
    const i6 = f6 === null ? -1 : f6!.id(r);
    const i12 = f12 === null ? -1 : f12!.id(r);
    const cats = this.categories;
    const catIds = this.catIds;
    for (let k = 0; k < cats.length; k++) catIds[k] = cats[k] === null ? -1 : cats[k]!.id(r);
    const prId = this.programme === null ? -1 : catIds[this.programmeIndex]!;
    const programme = prId < 0 ? 0 : this.programme!.storeIds[prId]!;

    if (person < known && this.accepted.find(person, start, programme) >= 0) return false;

    let extra = NO_EXTRA;
    if (this.keep.length > 0) {
      extra = {};
      for (const k of this.keep) {
        const i = k.index;
        const v = i < 0 || i >= count || S[i] === E[i] ? null : buf.toString('utf8', S[i]!, E[i]!);
        extra[k.name] = isMissing(v) ? null : text(v);
      }
    }

    const followUp = this.followUps.get(followUpKey(i1, i3, i6, i12)) ?? this.fastFollowUp(i1, i3, i6, i12);

    // Commit, with the side effects of the general path in its order.
    if (exitId >= 0 && exit!.unknown[exitId] !== null)
      this.countUnknown('exitReason', exit!.unknown[exitId]!);
    if (missingExit) this.missingExitReason++;
    if (i1 >= 0 && f1!.unknown[i1] !== null) this.countUnknown('followUp1', f1!.unknown[i1]!);
    if (i3 >= 0 && f3!.unknown[i3] !== null) this.countUnknown('followUp3', f3!.unknown[i3]!);
    if (i6 >= 0 && f6!.unknown[i6] !== null) this.countUnknown('followUp6', f6!.unknown[i6]!);
    if (i12 >= 0 && f12!.unknown[i12] !== null) this.countUnknown('followUp12', f12!.unknown[i12]!);
    for (let k = 0; k < cats.length; k++) {
      const id = catIds[k]!;
      if (id >= 0 && cats[k]!.unknown[id] !== null)
        this.countUnknown(CATEGORY_FIELDS[k]!, cats[k]!.unknown[id]!);
    }
    const s = this.store;
    const i = s.push();
    s.row[i] = r.rowNumber;
    s.person[i] = person;
    s.start[i] = start;
    s.end[i] = end;
    s.birth[i] = birth;
    s.age[i] = birth === NONE ? NONE : ageAt(birth, start);
    s.gender[i] = gender;
    s.exit[i] = exitStore;
    s.followUp[i] = followUp;
    for (let k = 0; k < cats.length; k++)
      s.ids[CATEGORY_FIELDS[k]!][i] = catIds[k]! < 0 ? 0 : cats[k]!.storeIds[catIds[k]!]!;
    if (extra !== NO_EXTRA) s.setExtra(i, extra);
    this.accepted.add(i);
    return true;
  }

  /** The fast path's value ids of the category fields of the row at hand. */
  private readonly catIds = new Int32Array(CATEGORY_FIELDS.length);

  /** The general path's values of the category fields of a row. */
  private categoryValues(cells: RawValue[]): Record<CategoryField, string | null> {
    const values = {} as Record<CategoryField, string | null>;
    for (const f of CATEGORY_FIELDS)
      values[f] = this.categorical(f, at(cells, this.col[f]), this.vocabularyOf(f));
    return values;
  }

  private fastFollowUp(i1: number, i3: number, i6: number, i12: number): number {
    const value = (k: number, id: number) => (id < 0 ? null : this.followUp[k]!.values[id]!);
    return this.sharedFollowUp(
      followUpKey(i1, i3, i6, i12),
      value(0, i1),
      value(1, i3),
      value(2, i6),
      value(3, i12),
    );
  }

  /** A start date not of the common shape: parseDate of the text, NaN when missing or invalid. */
  private slowDate(r: ByteRow, c: number): number {
    const v = r.buf.toString('utf8', r.start[c]!, r.end[c]!);
    if (isMissing(v)) return NaN;
    const parsed = parseDate(v, this.info.date1904);
    return parsed.ok ? parsed.value : NaN;
  }

  /** The person of a CPR number given as its ten digits in a number; -2 when it is not a CPR number. */
  private cprPerson(key: number): number {
    const packed = packCpr(key);
    if (packed < 0) return -2;
    const known = this.cprPersons.get(packed);
    if (known !== -1) return known;
    const birth = cprBirthOfKey(key);
    if (birth !== birth) {
      this.cprPersons.set(packed, -2);
      return -2;
    }
    // The pseudonym is made from the key when first asked for (Persons.name); an odd last digit is a man.
    const p = this.persons.addKey(key, birth, key % 2 === 1 ? 1 : 2);
    this.cprPersons.set(packed, p);
    return p;
  }

  /** The person of a citizen id (not a CPR number), or -1 when the id is missing. */
  private idPerson(r: ByteRow, s: number, e: number): number {
    const id = this.idPersons.find(r.buf, s, e);
    if (id >= 0) return this.idPersonOf[id]!;
    const v = s === e ? null : r.buf.toString('utf8', s, e);
    const p = isMissing(v) ? -1 : this.persons.ofName(this.pseudonymise(textOf(v)));
    this.idPersonOf[this.idPersons.add(r.buf, s, e)] = p;
    return p;
  }
}

/**
 * A CPR number DDMMYYSSSS in 29 bits, ((DD × 13 + MM) × 100 + YY) × 10,000 + SSSS, so that the
 * table of persons holds int32 keys; -1 when DD or MM cannot be a day or month (not a CPR number).
 */
function packCpr(key: number): number {
  const dd = Math.floor(key / 1e8);
  const mm = Math.floor(key / 1e6) % 100;
  if (dd < 1 || dd > 31 || mm < 1 || mm > 12) return -1;
  return ((dd * 13 + mm) * 100 + (Math.floor(key / 1e4) % 100)) * 10000 + (key % 10000);
}

/** parseCpr's reason for ten digits whose first six are not a date. */
const NOT_A_DATE = 'is not a CPR number (its first six digits are not a date)';

/** A cell of a row by column index (undefined: the field has no column). */
const at = (cells: RawValue[], c: number | undefined): RawValue =>
  c === undefined ? null : (cells[c] ?? null);

function problem(reasons: string[], f: string, v: RawValue | undefined, reason: string): void {
  reasons.push(v === undefined ? `${f}: ${reason}` : `${f}: "${quoted(v)}" ${reason}`);
}

/** A value as a reason quotes it: CPR numbers redacted, cut to 60 characters (the row has it all). */
const quoted = (v: RawValue): string => cut(text(v), 60);

/**
 * A cell's text as a course keeps it (categories, kept columns): a CPR number written into a
 * free-text field ("Se 150385-1235") is redacted here, so it reaches no table.
 */
const text = (v: RawValue): string => redactCpr(textOf(v));

/** A CPR number's ten digits as a number, for text parseCpr reads as DDMMYYSSSS, DDMMYY-SSSS, DDMMYY SSSS or 9 digits; else NaN. */
function cprKeyOfText(s: string): number {
  const n = s.length;
  if (n !== 9 && n !== 10 && n !== 11) return NaN;
  let key = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (n === 11 && i === 6) {
      if (c !== 0x2d && c !== 0x20) return NaN;
      continue;
    }
    if (c < 0x30 || c > 0x39) return NaN;
    key = key * 10 + (c - 0x30);
  }
  return key;
}

/** The same for a number cell: parseCpr reads a whole number of 9 or 10 digits. */
const cprKeyOfNumber = (v: number): number => (Number.isInteger(v) && v >= 1e8 && v < 1e10 ? v : NaN);

/**
 * The key of a shared follow-up record of the fast path: the ids of its four values (-1: no
 * column), in a small integer when they are small (a Map finds those fastest), else a string.
 */
const followUpKey = (a: number, b: number, c: number, d: number): number | string =>
  a < 126 && b < 126 && c < 126 && d < 126
    ? (((a + 1) * 128 + b + 1) * 128 + c + 1) * 128 + d + 1
    : `${a},${b},${c},${d}`;

/** The same number, as a small integer when it is one (so V8 stores it unboxed). */
const smi = (v: number): number => ((v | 0) === v ? v | 0 : v);

/**
 * First bytes after which the fast path leaves a row to the general one: a possible totals label
 * (I alt, Total, Sum, Samlet, Grand total) or missing marker ("-", ".") in the row's first
 * non-empty cell.
 */
const LEADS_TO_SLOW = new Uint8Array(128);
for (const ch of 'iItTsSgG-.') LEADS_TO_SLOW[ch.charCodeAt(0)] = 1;

/** The first byte of [s, e) that is not ASCII whitespace, or -1. */
function firstNonSpace(buf: Uint8Array, s: number, e: number): number {
  for (let i = s; i < e; i++) {
    const b = buf[i]!;
    if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return b;
  }
  return -1;
}

/**
 * A CPR number in one of the shapes parseCpr reads, from bytes with nothing around it:
 * DDMMYYSSSS, DDMMYY-SSSS, DDMMYY SSSS, or 9 digits (a lost leading zero). Its ten digits as a
 * number; NaN for anything else (the general path decides about that).
 */
function cprKeyOfBytes(buf: Uint8Array, s: number, e: number): number {
  const n = e - s;
  let key = 0;
  if (n === 10 || n === 9) {
    for (let i = s; i < e; i++) {
      const d = buf[i]! - 0x30;
      if (d < 0 || d > 9) return NaN;
      key = key * 10 + d;
    }
    return key;
  }
  if (n === 11) {
    const sep = buf[s + 6];
    if (sep !== 0x2d && sep !== 0x20) return NaN;
    for (let i = s; i < e; i++) {
      if (i === s + 6) continue;
      const d = buf[i]! - 0x30;
      if (d < 0 || d > 9) return NaN;
      key = key * 10 + d;
    }
    return key;
  }
  return NaN;
}

/** The row as text by header, for the rejects file: the person id column holds the pseudonym, never the CPR number. */
function safeCells(
  row: RawRow,
  headers: string[],
  mapping: ColumnMapping,
  personId: string | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((h, i) => {
    if (h === '') return;
    out[h] = i === mapping.fields.personId ? (personId ?? '') : text(row.cells[i] ?? null);
  });
  return out;
}
