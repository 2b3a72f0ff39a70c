/**
 * The state of one normalise run, shared by both row paths (row.ts, fast-row.ts): the store being
 * filled, the persons met, the ledger, the counts of unknown values, and the one way a course is
 * committed. Memory is kept per person and per distinct value rather than per row: persons and
 * values are interned, the follow-up record is shared between courses with the same statuses,
 * and duplicates are looked for among the person's own courses (duplicates.ts).
 */
import { IntTable, ByteInterner } from '../../io/intern.js';
import type { ByteRow, RawTable, RawValue, SourceInfo } from '../../io/raw.js';
import { CATEGORY_FIELDS, fieldDef, FOLLOW_UP_HORIZONS, type CanonicalField } from '../../model/fields.js';
import type { ColumnMapping } from '../columns.js';
import { CourseStore, genderCode, NONE, Persons, type ValueField } from '../course-store.js';
import { cprBirthOfKey, packCpr, type Pseudonymiser } from '../cpr.js';
import { DuplicateIndex } from '../duplicates.js';
import { matchKey } from '../normalize-text.js';
import { ageAt, isAnonymisedId, isMissing, textOf } from '../values.js';
import type { VocabSet, Vocabulary } from '../vocab.js';
import { text, type Rejection, type Skip } from './ledger.js';
import { followUpKey, Slot, type CategoricalField } from './slots.js';
import type { CourseKey } from './rules.js';

export const NO_EXTRA: Record<string, string | null> = Object.freeze({}) as Record<string, string | null>;

export interface NormaliserOptions {
  vocab: VocabSet;
  pseudonymise: Pseudonymiser;
  keepColumns?: string[];
}

export class Normaliser {
  readonly info: SourceInfo;
  readonly headers: string[];
  readonly mapping: ColumnMapping;
  readonly vocab: VocabSet;
  readonly pseudonymise: Pseudonymiser;
  readonly col: ColumnMapping['fields'];
  readonly keep: { name: string; index: number }[];
  readonly cprKind: boolean;
  readonly uoplyst: string;
  readonly uoplystGroup: string | null;

  readonly store: CourseStore;
  /**
   * Rows visited but not started (a visitation date, no start or end): kept apart, so that no
   * analysis of courses counts them; only the visitation funnel reads them.
   */
  readonly notStarted: CourseStore;
  readonly persons: Persons;
  readonly rejected: Rejection[] = [];
  readonly skipped: Skip[] = [];
  readonly unknownValues: Partial<Record<CategoricalField, Map<string, number>>> = {};
  missingExitReason = 0;
  /** Accepted courses whose person id is anonymised (or empty): counted, in no person figure. */
  anonymised = 0;
  /** End dates written as 31-12-9999 ("no end"), read as no end date. */
  noEndDates = 0;
  /** Accepted courses by person, start and programme: indices into `store`. */
  readonly accepted: DuplicateIndex;
  /** The course of the row at hand, for the rules (rules.ts), and what they found. */
  readonly course: CourseKey = { person: 0, start: 0, end: NONE, birth: NONE, programme: 0 };
  readonly found = { duplicate: -1 };
  /** The store's ids of the category fields of the row at hand (CATEGORY_FIELDS order; 0: none). */
  readonly catStore = new Int32Array(CATEGORY_FIELDS.length);

  // The fast path's tables.
  /** The row at hand, its values' slot ids (exit, follow-up 1, 3, 6, 12; -1: none), whether read. */
  byteRow: ByteRow | null = null;
  readonly fastIds = new Int32Array(5);
  valuesRead = false;
  fastValues: (() => number) | undefined;
  /** The slot ids of the category fields of the row at hand (CATEGORY_FIELDS order; -1: none). */
  readonly catIds = new Int32Array(CATEGORY_FIELDS.length);
  readonly pidCol: number;
  readonly startCol: number;
  readonly endCol: number;
  readonly exit: Slot | null;
  readonly followUp: (Slot | null)[];
  /** Per category field of the registry (CATEGORY_FIELDS order): its slot, null when not mapped. */
  readonly categories: (Slot | null)[];
  readonly programmeIndex = CATEGORY_FIELDS.indexOf('programme');
  readonly gender: Slot | null;
  /** CPR number (packed, see packCpr) → person; -2 for a number that is not a valid CPR number. */
  private readonly cprPersons = new IntTable();
  /** Citizen ids (not CPR): bytes → person (persons are one per pseudonym: " 12" and "12" are one). */
  private readonly idPersons = new ByteInterner();
  private readonly idPersonOf: number[] = [];
  /** Follow-up ids of the store, by the ids of their four values (fast path) or of their texts. */
  private readonly followUps = new Map<number | string, number>();
  /** The general path's categorical texts per field: value, and the raw text when unknown. */
  readonly texts = new Map<CategoricalField, Map<string, { value: string | null; unknown: string | null }>>();
  /** Ids of follow-up values, for the shared follow-up records of the general path. */
  readonly valueIds = new Map<string | null, number>();
  /** The store's exit id of "Uoplyst" (an ended course without a reason). */
  readonly uoplystExit: number;

  constructor(table: RawTable, mapping: ColumnMapping, opts: NormaliserOptions) {
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
    this.notStarted = new CourseStore(this.persons, store.refKind);
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
    this.gender = slot('gender', undefined, genderCode);
  }

  /** The vocabulary a field's values are read through (the registry says which), if any. */
  vocabularyOf(f: CanonicalField): Vocabulary | undefined {
    const name = fieldDef(f)?.vocabulary;
    return name === undefined ? undefined : this.vocab[name];
  }

  header(f: CanonicalField): string {
    return this.headers[this.col[f]!] ?? f;
  }

  countUnknown(field: CategoricalField, raw: string): void {
    const counts = (this.unknownValues[field] ??= new Map());
    counts.set(raw, (counts.get(raw) ?? 0) + 1);
  }

  /** Room for about this many courses (the fast CSV path's estimate), so that columns grow once. */
  expect(rows: number): void {
    this.store.reserve(rows);
    this.accepted.reserve(rows);
  }

  /** The store's follow-up id of four statuses, found by a key of their ids. */
  sharedFollowUp(
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

  /** The store's follow-up id of the fast path, by the slot ids of the four values (-1: no column). */
  fastFollowUp(i1: number, i3: number, i6: number, i12: number): number {
    const key = followUpKey(i1, i3, i6, i12);
    const known = this.followUps.get(key);
    if (known !== undefined) return known;
    const value = (k: number, id: number) => (id < 0 ? null : this.followUp[k]!.values[id]!);
    return this.sharedFollowUp(key, value(0, i1), value(1, i3), value(2, i6), value(3, i12));
  }

  /** The kept columns' texts of a row, by a cell getter. */
  extraOf(cell: (index: number) => RawValue): Record<string, string | null> {
    if (this.keep.length === 0) return NO_EXTRA;
    const extra: Record<string, string | null> = {};
    for (const k of this.keep) {
      const v = k.index < 0 ? null : cell(k.index);
      extra[k.name] = isMissing(v) ? null : text(v);
    }
    return extra;
  }

  /**
   * Appends the course of `this.course` that passed the rules: the one way both paths commit.
   * Every id is the store's and made before (making one may widen its column); ref is null
   * when it is `line N` / `row N` of the row number.
   */
  commit(
    rowNumber: number,
    ref: string | null,
    gender: number,
    exit: number,
    followUp: number,
    extra: Record<string, string | null>,
  ): void {
    const { person, start, end, birth } = this.course;
    const s = this.store;
    const i = s.push();
    if (ref === null) s.row[i] = rowNumber;
    else s.setRef(i, rowNumber, ref);
    s.person[i] = person;
    s.start[i] = start;
    s.end[i] = end;
    s.birth[i] = birth;
    s.age[i] = birth === NONE ? NONE : ageAt(birth, start);
    s.gender[i] = gender;
    s.exit[i] = exit;
    s.followUp[i] = followUp;
    const cats = this.catStore;
    for (let k = 0; k < cats.length; k++) s.ids[CATEGORY_FIELDS[k]!][i] = cats[k]!;
    if (extra !== NO_EXTRA) s.setExtra(i, extra);
    this.accepted.add(i);
  }

  /** Keeps a row visited but not started, with its category values (valueOf: a field's value). */
  commitNotStarted(
    row: { rowNumber: number; ref: string },
    person: number,
    gender: number,
    valueOf: (f: (typeof CATEGORY_FIELDS)[number]) => string | null,
  ): void {
    const s = this.notStarted;
    const i = s.push();
    s.setRef(i, row.rowNumber, row.ref);
    s.person[i] = person;
    s.start[i] = NONE;
    s.end[i] = NONE;
    s.birth[i] = this.cprKind ? this.persons.birth[person]! : NONE;
    s.age[i] = NONE;
    s.gender[i] = gender;
    s.exit[i] = 0;
    const fu = s.followUpId(null, null, null, null);
    s.followUp[i] = fu;
    for (const f of CATEGORY_FIELDS) {
      const id = s.values[f].id(valueOf(f));
      s.ids[f][i] = id;
    }
  }

  /** The person of a CPR number given as its ten digits in a number; -2 when it is not a CPR number. */
  cprPerson(key: number): number {
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

  /** The person of a citizen id (not a CPR number) given as bytes, or -1 when the id is missing. */
  idPerson(buf: Buffer, s: number, e: number): number {
    const id = this.idPersons.find(buf, s, e);
    if (id >= 0) return this.idPersonOf[id]!;
    const v = s === e ? null : buf.toString('utf8', s, e);
    // An anonymised id is the general path's (it counts the course as one without a person).
    const p = isAnonymisedId(v) ? -1 : this.persons.ofName(this.pseudonymise(textOf(v)));
    this.idPersonOf[this.idPersons.add(buf, s, e)] = p;
    return p;
  }
}
