/**
 * The rows of a measurement file as read, column by column: typed arrays of ids, days and scores
 * and interned strings, not one object per row or per measurement. A million rows of one object
 * (and one array of scores) each cost most of a run in garbage collection and near a gigabyte of
 * memory (BENCHMARKS.md); in columns they are some 40 bytes a row.
 */
import type { Day } from '../../base/dates.js';
import { NONE, resized, ValueTable } from '../store-columns.js';
import type { Scale } from './indicators.js';
import type { Reason } from '../normalise/ledger.js';

/** 1 baseline, 2 midway (week 6), 3 end (week 12 or early end); 0: not given (only a date). */
export type Slot = 0 | 1 | 2 | 3;

/** What a row says about the person and the course, shared by its measurements. */
export interface RowFacts {
  person: string;
  slot: Slot;
  day: Day | null;
  courseStart: Day | null;
  courseEnd: Day | null;
  programme: string | null;
  unit: string | null;
  targetGroup: string | null;
  courseId: string | null;
}

export interface Score {
  indicator: number;
  score: number;
  /** From the row's Skala, else the indicator's configured scale; null: decided after reading. */
  scale: Scale | null;
}

export const dayOrNull = (d: number): Day | null => (d === NONE ? null : d);
const dayOrNone = (d: Day | null): number => (d === null ? NONE : d);

const START = 1024;

/** The rows read, in file order (row i), with their scores (score j of row rowOfScore[j]). */
export class ReadRows {
  length = 0;
  rowNumber = new Int32Array(START);
  /** Id in `persons`; 0: the row's person could not be read (no facts: a rejected row). */
  person = new Int32Array(START);
  slot = new Uint8Array(START);
  /** Days, NONE when not given. */
  day = new Int32Array(START);
  courseStart = new Int32Array(START);
  courseEnd = new Int32Array(START);
  /** Ids in `texts` (0: not given). */
  programme = new Int32Array(START);
  unit = new Int32Array(START);
  targetGroup = new Int32Array(START);
  courseId = new Int32Array(START);
  /** The scores of row i are firstScore[i] … firstScore[i + 1] − 1. */
  firstScore = new Int32Array(START + 1);

  scores = 0;
  indicator = new Int32Array(START);
  score = new Float64Array(START);
  /** Id in `scales` (0: none given). */
  scale = new Int32Array(START);

  readonly persons = new ValueTable();
  readonly texts = new ValueTable();
  readonly scales: (Scale | null)[] = [null];
  private readonly scaleIds = new Map<Scale, number>();
  /** Row index → reasons (a rejected row). */
  readonly rejected = new Map<number, Reason[]>();
  /** Refs that are not "<prefix> <row number>" (none from jobfx's own readers). */
  private readonly refs = new Map<number, string>();

  /**
   * `prefix`: the readers' word before the row number ("line" in a CSV file, "row" in a sheet).
   * `absent`: text columns the file does not have: kept empty (a write past the end of a typed
   * array does nothing, and a read gives undefined, which `text` reads as null), 4 MB each saved
   * at a million rows.
   */
  constructor(
    private readonly prefix: string,
    absent: readonly ('programme' | 'unit' | 'targetGroup' | 'courseId')[] = [],
  ) {
    for (const f of absent) this[f] = new Int32Array(0);
  }

  /** Room for about n rows (the reader's estimate), so that the columns need not grow by doubling. */
  reserve(n: number): void {
    if (n > this.rowNumber.length) this.growRows(n);
    // A row holds one score or more (long shape: one), so as many scores at least.
    if (n > this.score.length) this.growScores(n);
  }

  /** Appends a row (ref undefined: "<prefix> <row number>"); its scores follow through addScore. */
  addRow(rowNumber: number, ref: string | undefined, f: RowFacts | null): number {
    if (ref !== undefined && ref !== `${this.prefix} ${rowNumber}`) this.refs.set(this.length, ref);
    const text = (v: string | null | undefined) => this.texts.id(v ?? null);
    return this.addIds(
      rowNumber,
      f === null ? 0 : this.persons.id(f.person),
      f?.slot ?? 0,
      dayOrNone(f?.day ?? null),
      dayOrNone(f?.courseStart ?? null),
      dayOrNone(f?.courseEnd ?? null),
      text(f?.programme),
      text(f?.unit),
      text(f?.targetGroup),
      text(f?.courseId),
    );
  }

  /**
   * Appends a row given as ids (persons, texts) and days (NONE: not given), as the fast path
   * reads it from the bytes: no object per row. Its ref is "<prefix> <row number>".
   */
  addIds(
    rowNumber: number,
    person: number,
    slot: Slot,
    day: number,
    courseStart: number,
    courseEnd: number,
    programme: number,
    unit: number,
    targetGroup: number,
    courseId: number,
  ): number {
    const i = this.length;
    if (i === this.rowNumber.length) this.growRows(2 * i);
    this.rowNumber[i] = rowNumber;
    this.person[i] = person;
    this.slot[i] = slot;
    this.day[i] = day;
    this.courseStart[i] = courseStart;
    this.courseEnd[i] = courseEnd;
    this.programme[i] = programme;
    this.unit[i] = unit;
    this.targetGroup[i] = targetGroup;
    this.courseId[i] = courseId;
    this.firstScore[i] = this.scores;
    this.firstScore[i + 1] = this.scores;
    this.length = i + 1;
    return i;
  }

  /** A score of the last row added. */
  addScore(indicator: number, score: number, scale: Scale | null): void {
    const j = this.scores;
    if (j === this.score.length) this.growScores(2 * j);
    this.indicator[j] = indicator;
    this.score[j] = score;
    this.scale[j] = this.scaleId(scale);
    this.scores = j + 1;
    this.firstScore[this.length] = this.scores;
  }

  ref(i: number): string {
    return this.refs.get(i) ?? `${this.prefix} ${this.rowNumber[i]}`;
  }

  /** Row i's facts as an object (for messages and the rejects file), or null. */
  facts(i: number): RowFacts | null {
    if (this.person[i] === 0) return null;
    const text = (ids: Int32Array) => this.text(ids[i]!);
    return {
      person: this.persons.values[this.person[i]!]!,
      slot: this.slot[i] as Slot,
      day: dayOrNull(this.day[i]!),
      courseStart: dayOrNull(this.courseStart[i]!),
      courseEnd: dayOrNull(this.courseEnd[i]!),
      programme: text(this.programme),
      unit: text(this.unit),
      targetGroup: text(this.targetGroup),
      courseId: text(this.courseId),
    };
  }

  /** Row i's scores as objects (for the rejects file). */
  scoresOf(i: number): Score[] {
    const out: Score[] = [];
    for (let j = this.firstScore[i]!; j < this.firstScore[i + 1]!; j++)
      out.push({ indicator: this.indicator[j]!, score: this.score[j]!, scale: this.scales[this.scale[j]!]! });
    return out;
  }

  /** The text of an id (undefined: a column the file does not have). */
  text(id: number | undefined): string | null {
    return id === undefined ? null : (this.texts.values[id] ?? null);
  }

  private scaleId(s: Scale | null): number {
    if (s === null) return 0;
    let id = this.scaleIds.get(s);
    if (id === undefined) {
      this.scaleIds.set(s, (id = this.scales.length));
      this.scales.push(s);
    }
    return id;
  }

  private growScores(n: number): void {
    this.indicator = resized(this.indicator, n);
    this.score = resized(this.score, n);
    this.scale = resized(this.scale, n);
  }

  private growRows(n: number): void {
    this.rowNumber = resized(this.rowNumber, n);
    this.person = resized(this.person, n);
    this.slot = resized(this.slot, n);
    this.day = resized(this.day, n);
    this.courseStart = resized(this.courseStart, n);
    this.courseEnd = resized(this.courseEnd, n);
    for (const f of ['programme', 'unit', 'targetGroup', 'courseId'] as const)
      if (this[f].length > 0) this[f] = resized(this[f], n);
    this.firstScore = resized(this.firstScore, n + 1);
  }
}

/** The accepted measurements, column by column (measurement k of row row[k]). */
export interface MeasurementColumns {
  length: number;
  row: Int32Array;
  /** Index of its course (the loader's `courses`); −1 until joined. */
  course: Int32Array;
  indicator: Int32Array;
  slot: Uint8Array;
  /** Day of measurement, NONE when not given. */
  day: Int32Array;
  score: Float64Array;
  min: Float64Array;
  max: Float64Array;
}

export function emptyMeasurements(n: number): MeasurementColumns {
  return {
    length: 0,
    row: new Int32Array(n),
    course: new Int32Array(n).fill(-1),
    indicator: new Int32Array(n),
    slot: new Uint8Array(n),
    day: new Int32Array(n),
    score: new Float64Array(n),
    min: new Float64Array(n),
    max: new Float64Array(n),
  };
}

/**
 * Keeps the measurements k for which keep(k) holds, in order, in place (no copy: the columns of
 * a million measurements are some 40 MB); returns `ms`.
 */
export function keepMeasurements(ms: MeasurementColumns, keep: (k: number) => boolean): MeasurementColumns {
  let o = 0;
  for (let k = 0; k < ms.length; k++)
    if (keep(k)) {
      if (o !== k) {
        ms.row[o] = ms.row[k]!;
        ms.course[o] = ms.course[k]!;
        ms.indicator[o] = ms.indicator[k]!;
        ms.slot[o] = ms.slot[k]!;
        ms.day[o] = ms.day[k]!;
        ms.score[o] = ms.score[k]!;
        ms.min[o] = ms.min[k]!;
        ms.max[o] = ms.max[k]!;
      }
      o++;
    }
  ms.length = o;
  return ms;
}
