/**
 * The progression figures of measured courses (docs/definitions.md#progression): progression,
 * stagnation and regression across indicators (per group of courses) and per indicator with the
 * mean change and its 95% t-interval, mean scores at the three measurements, and timeliness.
 * Pure: no I/O.
 */
import type { Day } from '../../base/dates.js';
import type { Period } from '../../base/period.js';
import type { MeasuredCourse, MeasurementColumns } from '../../schema/measurements/load.js';
import { qt } from '../../stats/distributions.js';
import { meanSd } from '../../stats/means.js';
import { forEachCourseProgress, type CourseProgress, type Direction, type Occasion } from './courses.js';

export { forEachCourseProgress, directionOf, EPS } from './courses.js';
export type { CourseProgress } from './courses.js';

/**
 * --by of progression, resolved (commands/progression-by.ts): the group of each course by the
 * course levels (an index into `values`, −1: the course is in none), and where the indicator
 * is a level, whether it comes first (`--by indicator,unit`) or last (`--by unit,indicator`).
 */
export interface ProgressionGroups {
  of: ArrayLike<number>;
  /** Each group's value at each course level, in partition order. */
  values: (string | null)[][];
}

export interface Tally {
  /** Courses with baseline and last measurement of at least one common indicator. */
  n: number;
  up: number;
  same: number;
  down: number;
  baselineOnly: number;
  noBaseline: number;
  /** Measurements that cannot be ordered, or no indicator at both baseline and last. */
  other: number;
}

export interface IndicatorFigures {
  indicator: number;
  n: number;
  up: number;
  same: number;
  down: number;
  /** Mean change on the 0–1 scale and its 95% t-interval (null below two courses). */
  mean: number | null;
  low: number | null;
  high: number | null;
  /** Mean normalised score at baseline, midway, last, with the number of courses behind each. */
  at: { n: number; mean: number | null }[];
}

export interface Timely {
  due: number;
  onTime: number;
  outside: number;
  missing: number;
  /** Measured, but without a date to check. */
  undated: number;
}

export interface Windows {
  /** Baseline within ± this many days of the course start. */
  baselineDays: number;
  /** Midway measurement in these weeks of the course (week 1 = days 0–6 from the start). */
  midwayWeeks: [number, number];
  /** Last measurement within this many days of the course end. */
  lastDays: number;
}

export const DEFAULT_WINDOWS: Windows = { baselineDays: 7, midwayWeeks: [5, 7], lastDays: 14 };

export interface ProgressionResult {
  /** Per group of the course levels that has courses (in order), its values and its courses' tally. */
  groups: { values: (string | null)[]; tally: Tally }[];
  /**
   * --by indicator: per indicator (in the indicators' order, those seen on some course) and
   * group of the course levels, the courses by their change on that indicator; rows that do not
   * add up (a course has several). `values`: the group's (empty without course levels).
   */
  byIndicator?: { values: (string | null)[]; indicator: number; tally: Tally }[];
  total: Tally;
  indicators: IndicatorFigures[];
  timeliness: { baseline: Timely; midway: Timely; last: Timely };
  /** Courses in the figures; courses left out by the period because they have no date. */
  courses: number;
  /** Those courses (indices into the courses given), in order. */
  included: number[];
  undatedOutside: number;
  /** Courses whose start is known (timeliness needs it). */
  withStart: number;
  asOf: Day | null;
}

export interface ProgressionOptions {
  threshold?: number;
  period?: Period;
  /** --by's course levels (none: no groups). */
  groups?: ProgressionGroups;
  /** --by has the indicator as a level: first or after the course levels. */
  indicator?: 'first' | 'last';
  indicators: number;
  windows: Windows;
}

const emptyTally = (): Tally => ({ n: 0, up: 0, same: 0, down: 0, baselineOnly: 0, noBaseline: 0, other: 0 });

export function progression(
  ms: MeasurementColumns,
  courses: readonly MeasuredCourse[],
  o: ProgressionOptions,
): ProgressionResult {
  let undatedOutside = 0;
  const groupCount = o.groups?.values.length ?? 1;
  const groups = Array.from({ length: groupCount }, emptyTally);
  const used = new Uint8Array(groupCount);
  const total = emptyTally();
  const figures = Array.from({ length: o.indicators }, (_x, i) => new IndicatorSums(i));
  // Per group (one without course levels), per indicator.
  const perIndicator = o.indicator
    ? Array.from({ length: groupCount }, () => Array.from({ length: o.indicators }, emptyTally))
    : null;
  const included: number[] = [];
  // Per course counted: its index and the day of each occasion (seenDay), 4 ints a course.
  const seen = new Int32Array(4 * courses.length);
  let asOf: Day | null = null;
  // One pass over the courses: each course's progress is counted and dropped, not kept.
  forEachCourseProgress(ms, courses.length, o.threshold, (cp) => {
    const c = courses[cp.course]!;
    if (o.period) {
      // A course counts in the period of its end, or of its last measurement while it has none.
      const day = c.end ?? cp.newest;
      if (day === null) undatedOutside++;
      if (day === null || day < o.period.from || day > o.period.to) return;
    }
    included.push(cp.course);
    add(total, cp);
    const g = o.groups ? o.groups.of[cp.course]! : 0;
    if (g >= 0) {
      used[g] = 1;
      add(groups[g]!, cp);
      if (perIndicator) addPerIndicator(perIndicator[g]!, cp);
    }
    asOf = later(later(later(asOf, cp.newest), c.end), c.start);
    for (let j = 0; j < cp.common; j++)
      figures[cp.indicator[j]!]!.change(cp.indicatorDirection[j]!, cp.indicatorChange[j]!);
    atOccasion(figures, cp.baseline, 0);
    atOccasion(figures, cp.midway, 1);
    atOccasion(figures, cp.last, 2);
    const at = 4 * (included.length - 1);
    seen[at] = cp.course;
    seen[at + 1] = seenDay(cp.baseline);
    seen[at + 2] = seenDay(cp.midway);
    seen[at + 3] = seenDay(cp.last);
  });
  const valuesOf = (g: number) => o.groups?.values[g] ?? [];
  return {
    groups: o.groups ? groups.flatMap((tally, g) => (used[g] ? [{ values: valuesOf(g), tally }] : [])) : [],
    ...(perIndicator ? { byIndicator: indicatorRows(perIndicator, valuesOf, o.indicator!) } : {}),
    total,
    indicators: figures.map((f) => f.figures()),
    timeliness: timeliness(seen.subarray(0, 4 * included.length), courses, o.windows, asOf),
    courses: included.length,
    included,
    undatedOutside,
    withStart: included.filter((c) => courses[c]!.start !== null).length,
    asOf,
  };
}

/**
 * The rows of --by indicator: per group and indicator, indicator first or last; only those
 * with a course measured on the indicator.
 */
function indicatorRows(
  per: Tally[][],
  valuesOf: (g: number) => (string | null)[],
  at: 'first' | 'last',
): NonNullable<ProgressionResult['byIndicator']> {
  const cell = (g: number, indicator: number) => ({
    values: valuesOf(g),
    indicator,
    tally: per[g]![indicator]!,
  });
  const groups = per.map((_x, g) => g);
  const indicators = (per[0] ?? []).map((_x, i) => i);
  const rows =
    at === 'first'
      ? indicators.flatMap((i) => groups.map((g) => cell(g, i)))
      : groups.flatMap((g) => indicators.map((i) => cell(g, i)));
  return rows.filter((x) => x.tally.n + x.tally.baselineOnly + x.tally.noBaseline > 0);
}

const later = (a: Day | null, b: Day | null): Day | null => (b !== null && (a === null || b > a) ? b : a);

/** What timeliness needs of a course: the day of each occasion, MISSING or UNDATED. */
const MISSING = -2147483648;
const UNDATED = -2147483647;
const seenDay = (occ: Occasion | null): number => (occ === null ? MISSING : (occ.day ?? UNDATED));

/** The scores of an occasion (baseline 0, midway 1, last 2) into each indicator's figures. */
function atOccasion(figures: IndicatorSums[], occ: Occasion | null, at: number): void {
  if (occ) for (let i = 0; i < occ.indicators; i++) if (occ.has(i)) figures[i]!.at[at]!.push(occ.v[i]!);
}

/** One indicator's figures, gathered course by course. */
class IndicatorSums {
  readonly count: Record<Direction, number> = { up: 0, same: 0, down: 0 };
  readonly changes = new Values();
  /** Normalised scores at baseline, midway, last. */
  readonly at = [new Values(), new Values(), new Values()];

  constructor(readonly indicator: number) {}

  change(direction: Direction, change: number): void {
    this.count[direction]++;
    this.changes.push(change);
  }

  figures(): IndicatorFigures {
    return {
      indicator: this.indicator,
      n: this.changes.n,
      ...this.count,
      ...meanInterval(this.changes.ascending()),
      at: this.at.map((v) => {
        const { n, mean } = meanSd(v.ascending());
        return { n, mean };
      }),
    };
  }
}

/**
 * Numbers gathered course by course in a growing Float64Array (not an array of some 70,000
 * doubles per indicator and measurement, grown push by push), given in ascending order, sorted
 * natively: meanSd sorts its values again (the sum must not depend on the order of the courses)
 * with a comparator, which was a tenth of a run; on sorted ones it is one pass.
 */
class Values {
  private a = new Float64Array(1024);
  n = 0;

  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Float64Array(2 * this.n);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }

  /** Sorted in place: no copy into an array (meanSd reads a typed array by index as well). */
  ascending(): Float64Array {
    return this.a.subarray(0, this.n).sort();
  }
}

function add(t: Tally, cp: CourseProgress): void {
  if (cp.status === 'measured') {
    t.n++;
    t[cp.direction!]++;
  } else if (cp.status === 'baselineOnly') t.baselineOnly++;
  else if (cp.status === 'noBaseline') t.noBaseline++;
  else t.other++;
}

/**
 * A course in the per-indicator tallies (--by indicator): compared on each indicator measured at
 * both baseline and last measurement (its direction as in the per-indicator table); "baseline
 * only" on an indicator measured at baseline but not at the last measurement (none, or one
 * without it); "no baseline" on one measured later (midway or last) but not at baseline. A course
 * whose measurements cannot be ordered has no indicator to count it under (the total has it).
 */
function addPerIndicator(tallies: Tally[], cp: CourseProgress): void {
  for (let j = 0; j < cp.common; j++) {
    tallies[cp.indicator[j]!]!.n++;
    tallies[cp.indicator[j]!]![cp.indicatorDirection[j]!]++;
  }
  const { baseline: b, midway: m, last: l } = cp;
  const n = b?.indicators ?? m?.indicators ?? l?.indicators ?? 0;
  for (let i = 0; i < n; i++) {
    const atBaseline = b?.has(i) ?? false;
    if (atBaseline && !l?.has(i)) tallies[i]!.baselineOnly++;
    if (!atBaseline && (m?.has(i) || l?.has(i))) tallies[i]!.noBaseline++;
  }
}

/** The 95% t-interval of a mean: mean ± qt(0.975, n − 1) × sd / √n. */
export function meanInterval(values: ArrayLike<number>): {
  mean: number | null;
  low: number | null;
  high: number | null;
} {
  const { n, mean, sd } = meanSd(values);
  if (mean === null || sd === null) return { mean, low: null, high: null };
  const half = (qt(0.975, n - 1) * sd) / Math.sqrt(n);
  return { mean, low: mean - half, high: mean + half };
}

function timeliness(
  /** Per course counted: its index and the day of each occasion (seenDay). */
  seen: Int32Array,
  courses: readonly MeasuredCourse[],
  w: Windows,
  asOf: Day | null,
): ProgressionResult['timeliness'] {
  const t = () => ({ due: 0, onTime: 0, outside: 0, missing: 0, undated: 0 });
  const out = { baseline: t(), midway: t(), last: t() };
  const midFrom = 7 * (w.midwayWeeks[0] - 1);
  const midTo = 7 * w.midwayWeeks[1] - 1;
  const check = (x: Timely, day: number, ok: (d: Day) => boolean) => {
    x.due++;
    if (day === MISSING) x.missing++;
    else if (day === UNDATED) x.undated++;
    else if (ok(day)) x.onTime++;
    else x.outside++;
  };
  for (let at = 0; at < seen.length; at += 4) {
    const { start, end } = courses[seen[at]!]!;
    if (start === null) continue;
    check(out.baseline, seen[at + 1]!, (d) => Math.abs(d - start) <= w.baselineDays);
    // Midway is due once the course has run to the end of its window (or the data's newest date has).
    const reached = end ?? asOf;
    if (reached !== null && reached >= start + midTo)
      check(out.midway, seen[at + 2]!, (d) => d - start >= midFrom && d - start <= midTo);
    if (end !== null) check(out.last, seen[at + 3]!, (d) => Math.abs(d - end) <= w.lastDays);
  }
  return out;
}
