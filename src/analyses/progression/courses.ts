/**
 * Each course's measurements → its baseline, midway and last measurement and its change
 * (docs/definitions.md#progression). Pure: no I/O.
 *
 * Order of the measurements: by the numbered measurement (Måling 1/2/3) when every measurement
 * of the course has one, else by date when every one has a date; a course with neither for some
 * measurement cannot be ordered ('unordered'). The baseline is measurement 1 (or the first date);
 * the last is the latest one after the baseline (week 12, or the one taken at an early end; without
 * a baseline, the latest numbered one after measurement 1); the
 * midway one is measurement 2 (or, by date, the one between nearest to 6 weeks after the baseline).
 */
import type { Day } from '../../base/dates.js';
import type { MeasurementColumns } from '../../schema/measurements/load.js';
import { NONE } from '../../schema/store-columns.js';

export type Status = 'measured' | 'baselineOnly' | 'noBaseline' | 'unordered' | 'noCommon';
export type Direction = 'up' | 'same' | 'down';

/** A normalised score (0–1) and the number of steps of its scale (max − min). */
export interface Point {
  v: number;
  steps: number;
}

export interface Occasion {
  day: Day | null;
  /** Indicator index → score. */
  scores: Map<number, Point>;
}

export interface IndicatorChange {
  indicator: number;
  change: number;
  direction: Direction;
}

export interface CourseProgress {
  course: number;
  status: Status;
  baseline: Occasion | null;
  midway: Occasion | null;
  last: Occasion | null;
  /** The newest date of any of its measurements. */
  newest: Day | null;
  /** Across indicators (status 'measured'): mean(last) − mean(baseline), the threshold used, and the direction. */
  change: number | null;
  threshold: number | null;
  direction: Direction | null;
  indicators: IndicatorChange[];
}

/** Tolerance of threshold comparisons: a change of exactly one step (0.25) counts as one step. */
export const EPS = 1e-9;

export const directionOf = (change: number, t: number): Direction =>
  change >= t - EPS ? 'up' : change <= -t + EPS ? 'down' : 'same';

/** Days after the baseline the midway measurement aims at (week 6), for files ordered by date. */
const MIDWAY_AIM = 42;

/**
 * The progress of every course that has measurements, handed to `visit` course by course (in
 * course order) and not kept: a million measurements make some 70,000 courses, whose occasions
 * need not all live at once. `threshold` overrides one scale step.
 */
export function forEachCourseProgress(
  ms: MeasurementColumns,
  courses: number,
  threshold: number | undefined,
  visit: (cp: CourseProgress) => void,
): void {
  // Each course's measurements, in measurement order (a counting sort by course).
  const start = new Int32Array(courses + 1);
  for (let k = 0; k < ms.length; k++) start[ms.course[k]! + 1]!++;
  for (let c = 0; c < courses; c++) start[c + 1]! += start[c]!;
  const next = start.slice(0, courses);
  const order = new Int32Array(ms.length);
  for (let k = 0; k < ms.length; k++) order[next[ms.course[k]!]!++] = k;
  for (let c = 0; c < courses; c++)
    if (start[c + 1]! > start[c]!)
      visit(progressOf(c, ms, Array.from(order.subarray(start[c]!, start[c + 1]!)), threshold));
}

const dayOf = (ms: MeasurementColumns, k: number): Day | null => (ms.day[k] === NONE ? null : ms.day[k]!);

function progressOf(
  course: number,
  ms: MeasurementColumns,
  list: number[],
  threshold: number | undefined,
): CourseProgress {
  let newest: Day | null = null;
  for (const k of list) {
    const d = dayOf(ms, k);
    if (d !== null && (newest === null || d > newest)) newest = d;
  }
  const base: CourseProgress = {
    course,
    status: 'unordered',
    baseline: null,
    midway: null,
    last: null,
    newest,
    change: null,
    threshold: null,
    direction: null,
    indicators: [],
  };
  const occasions = occasionsOf(ms, list);
  if (!occasions) return base;
  const { baseline, midway, last } = occasions;
  Object.assign(base, { baseline, midway, last });
  if (!baseline) return { ...base, status: 'noBaseline' };
  if (!last) return { ...base, status: 'baselineOnly' };
  const common = [...baseline.scores.keys()].filter((i) => last.scores.has(i)).sort((a, b) => a - b);
  if (common.length === 0) return { ...base, status: 'noCommon' };
  let sumB = 0;
  let sumL = 0;
  let step = 0;
  const indicators: IndicatorChange[] = [];
  for (const i of common) {
    const b = baseline.scores.get(i)!;
    const l = last.scores.get(i)!;
    sumB += b.v;
    sumL += l.v;
    // The across-indicator step: the largest step of any scale in the mean (0.25 for 1–5).
    step = Math.max(step, 1 / Math.min(b.steps, l.steps));
    // Per indicator: one step of the finer of its two scales (the same scale: one step).
    const change = l.v - b.v;
    indicators.push({ indicator: i, change, direction: directionOf(change, 1 / Math.max(b.steps, l.steps)) });
  }
  const change = sumL / common.length - sumB / common.length;
  const t = threshold ?? step;
  return { ...base, status: 'measured', change, threshold: t, direction: directionOf(change, t), indicators };
}

/** Baseline, midway and last occasion of a course, or null when its measurements cannot be ordered. */
function occasionsOf(
  ms: MeasurementColumns,
  list: number[],
): { baseline: Occasion | null; midway: Occasion | null; last: Occasion | null } | null {
  if (list.every((k) => ms.slot[k]! > 0)) {
    const bySlot = new Map<number, number[]>();
    for (const k of list) {
      const l = bySlot.get(ms.slot[k]!);
      if (l) l.push(k);
      else bySlot.set(ms.slot[k]!, [k]);
    }
    const occ = (slot: number, earliest: boolean) => {
      const l = bySlot.get(slot);
      return l ? occasionOf(ms, l, earliest) : null;
    };
    const lastSlot = Math.max(...bySlot.keys());
    return {
      baseline: occ(1, true),
      midway: occ(2, false),
      // Without a baseline the latest later measurement is still the last one taken (timeliness, means).
      last: lastSlot > 1 ? occ(lastSlot, false) : null,
    };
  }
  if (!list.every((k) => ms.day[k] !== NONE)) return null;
  const days = [...new Set(list.map((k) => ms.day[k]!))].sort((a, b) => a - b);
  const at = (d: Day) =>
    occasionOf(
      ms,
      list.filter((k) => ms.day[k] === d),
      true,
    );
  const first = days[0]!;
  const between = days.slice(1, -1);
  let mid: Day | null = null;
  for (const d of between)
    if (mid === null || Math.abs(d - first - MIDWAY_AIM) < Math.abs(mid - first - MIDWAY_AIM)) mid = d;
  return {
    baseline: at(first),
    midway: mid === null ? null : at(mid),
    last: days.length > 1 ? at(days.at(-1)!) : null,
  };
}

/**
 * The scores of one occasion. Several measurements of an indicator at one numbered measurement
 * on different days: the baseline takes the earliest, the others the latest (then the higher row).
 */
function occasionOf(ms: MeasurementColumns, list: number[], earliest: boolean): Occasion {
  const pick = new Map<number, number>();
  const later = (a: number, b: number) =>
    (dayOf(ms, a) ?? 0) - (dayOf(ms, b) ?? 0) || ms.row[a]! - ms.row[b]!;
  for (const k of list) {
    const old = pick.get(ms.indicator[k]!);
    if (old === undefined || (earliest ? later(k, old) < 0 : later(k, old) > 0))
      pick.set(ms.indicator[k]!, k);
  }
  let day: Day | null = null;
  for (const k of pick.values()) {
    const d = dayOf(ms, k);
    if (d !== null && (day === null || (earliest ? d < day : d > day))) day = d;
  }
  const scores = new Map<number, Point>();
  for (const [i, k] of pick) {
    const min = ms.min[k]!;
    const max = ms.max[k]!;
    scores.set(i, { v: (ms.score[k]! - min) / (max - min), steps: max - min });
  }
  return { day, scores };
}
