/**
 * The progression figures of measured courses (docs/definitions.md#progression): progression,
 * stagnation and regression across indicators (per group of courses) and per indicator with the
 * mean change and its 95% t-interval, mean scores at the three measurements, and timeliness.
 * Pure: no I/O.
 */
import type { Day } from '../../base/dates.js';
import type { Period } from '../../base/period.js';
import type { MeasuredCourse, Measurement } from '../../schema/measurements/load.js';
import { qt } from '../../stats/distributions.js';
import { meanSd } from '../../stats/means.js';
import { courseProgress, type CourseProgress, type Direction } from './courses.js';

export { courseProgress, directionOf, EPS } from './courses.js';
export type { CourseProgress } from './courses.js';

export type ProgressionBy = 'unit' | 'programme' | 'targetGroup' | 'indicator';

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
  /** Per group value (in order), then the total. */
  groups: { value: string | null; tally: Tally }[];
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
  by?: 'unit' | 'programme' | 'targetGroup';
  indicators: number;
  windows: Windows;
}

const emptyTally = (): Tally => ({ n: 0, up: 0, same: 0, down: 0, baselineOnly: 0, noBaseline: 0, other: 0 });

export function progression(
  ms: readonly Measurement[],
  courses: readonly MeasuredCourse[],
  o: ProgressionOptions,
): ProgressionResult {
  let all = courseProgress(ms, courses.length, o.threshold);
  let undatedOutside = 0;
  if (o.period) {
    const p = o.period;
    all = all.filter((cp) => {
      // A course counts in the period of its end, or of its last measurement while it has none.
      const day = courses[cp.course]!.end ?? cp.newest;
      if (day === null) undatedOutside++;
      return day !== null && day >= p.from && day <= p.to;
    });
  }
  const groups = new Map<string | null, Tally>();
  const total = emptyTally();
  for (const cp of all) {
    add(total, cp);
    if (o.by) {
      const v = courses[cp.course]![o.by];
      let t = groups.get(v);
      if (!t) groups.set(v, (t = emptyTally()));
      add(t, cp);
    }
  }
  const order = [...groups.keys()].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'da'),
  );
  let asOf: Day | null = null;
  for (const cp of all) {
    const c = courses[cp.course]!;
    for (const d of [cp.newest, c.end, c.start]) if (d !== null && (asOf === null || d > asOf)) asOf = d;
  }
  return {
    groups: order.map((value) => ({ value, tally: groups.get(value)! })),
    total,
    indicators: Array.from({ length: o.indicators }, (_x, i) => indicatorFigures(all, i)),
    timeliness: timeliness(all, courses, o.windows, asOf),
    courses: all.length,
    included: all.map((cp) => cp.course),
    undatedOutside,
    withStart: all.filter((cp) => courses[cp.course]!.start !== null).length,
    asOf,
  };
}

function add(t: Tally, cp: CourseProgress): void {
  if (cp.status === 'measured') {
    t.n++;
    t[cp.direction!]++;
  } else if (cp.status === 'baselineOnly') t.baselineOnly++;
  else if (cp.status === 'noBaseline') t.noBaseline++;
  else t.other++;
}

/** The 95% t-interval of a mean: mean ± qt(0.975, n − 1) × sd / √n. */
export function meanInterval(values: number[]): {
  mean: number | null;
  low: number | null;
  high: number | null;
} {
  const { n, mean, sd } = meanSd(values);
  if (mean === null || sd === null) return { mean, low: null, high: null };
  const half = (qt(0.975, n - 1) * sd) / Math.sqrt(n);
  return { mean, low: mean - half, high: mean + half };
}

function indicatorFigures(all: CourseProgress[], i: number): IndicatorFigures {
  const count: Record<Direction, number> = { up: 0, same: 0, down: 0 };
  const changes: number[] = [];
  for (const cp of all)
    for (const c of cp.indicators)
      if (c.indicator === i) {
        count[c.direction]++;
        changes.push(c.change);
      }
  const scores = (pick: (cp: CourseProgress) => CourseProgress['baseline']) => {
    const v: number[] = [];
    for (const cp of all) {
      const p = pick(cp)?.scores.get(i);
      if (p) v.push(p.v);
    }
    const { n, mean } = meanSd(v);
    return { n, mean };
  };
  return {
    indicator: i,
    n: changes.length,
    ...count,
    ...meanInterval(changes),
    at: [scores((cp) => cp.baseline), scores((cp) => cp.midway), scores((cp) => cp.last)],
  };
}

function timeliness(
  all: CourseProgress[],
  courses: readonly MeasuredCourse[],
  w: Windows,
  asOf: Day | null,
): ProgressionResult['timeliness'] {
  const t = () => ({ due: 0, onTime: 0, outside: 0, missing: 0, undated: 0 });
  const out = { baseline: t(), midway: t(), last: t() };
  const midFrom = 7 * (w.midwayWeeks[0] - 1);
  const midTo = 7 * w.midwayWeeks[1] - 1;
  const check = (x: Timely, occ: CourseProgress['baseline'], ok: (d: Day) => boolean) => {
    x.due++;
    if (!occ) x.missing++;
    else if (occ.day === null) x.undated++;
    else if (ok(occ.day)) x.onTime++;
    else x.outside++;
  };
  for (const cp of all) {
    const { start, end } = courses[cp.course]!;
    if (start === null) continue;
    check(out.baseline, cp.baseline, (d) => Math.abs(d - start) <= w.baselineDays);
    // Midway is due once the course has run to the end of its window (or the data's newest date has).
    const reached = end ?? asOf;
    if (reached !== null && reached >= start + midTo)
      check(out.midway, cp.midway, (d) => d - start >= midFrom && d - start <= midTo);
    if (end !== null) check(out.last, cp.last, (d) => Math.abs(d - end) <= w.lastDays);
  }
  return out;
}
