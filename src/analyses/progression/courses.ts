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

/**
 * The scores of one occasion (baseline, midway or last) of the course at hand, by indicator.
 * Reused from course to course: valid only while the course is visited.
 */
export class Occasion {
  day: Day | null = null;
  /** Per indicator: the measurement taken (an index into the columns), −1 when none. */
  readonly pick: Int32Array;
  /** Per indicator: its normalised score (0–1) and the number of steps of its scale (max − min). */
  readonly v: Float64Array;
  readonly steps: Float64Array;

  constructor(readonly indicators: number) {
    this.pick = new Int32Array(indicators);
    this.v = new Float64Array(indicators);
    this.steps = new Float64Array(indicators);
  }

  has(i: number): boolean {
    return this.pick[i]! >= 0;
  }
}

/** The change of a course across indicators and per indicator (reused: valid while visited). */
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
  /** Per indicator measured at baseline and last (the first `common`, in indicator order). */
  common: number;
  indicator: Int32Array;
  indicatorChange: Float64Array;
  indicatorDirection: Direction[];
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
 * need not all live at once. One CourseProgress and three occasions serve every course (no
 * object per course or per score), so `visit` must copy what it keeps. `threshold` overrides one
 * scale step.
 */
export function forEachCourseProgress(
  ms: MeasurementColumns,
  courses: number,
  threshold: number | undefined,
  visit: (cp: CourseProgress) => void,
): void {
  // Each course's measurements, in measurement order (a counting sort by course).
  const start = new Int32Array(courses + 1);
  let indicators = 0;
  for (let k = 0; k < ms.length; k++) {
    start[ms.course[k]! + 1]!++;
    if (ms.indicator[k]! >= indicators) indicators = ms.indicator[k]! + 1;
  }
  for (let c = 0; c < courses; c++) start[c + 1]! += start[c]!;
  const next = start.slice(0, courses);
  const order = new Int32Array(ms.length);
  for (let k = 0; k < ms.length; k++) order[next[ms.course[k]!]!++] = k;
  const p = new Progress(ms, order, indicators, threshold);
  for (let c = 0; c < courses; c++)
    if (start[c + 1]! > start[c]!) {
      p.of(c, start[c]!, start[c + 1]!);
      visit(p.cp);
    }
}

const dayOf = (ms: MeasurementColumns, k: number): Day | null => (ms.day[k] === NONE ? null : ms.day[k]!);

/** Works out the progress of one course after another into the same objects. */
class Progress {
  readonly cp: CourseProgress;
  private readonly occasions: [Occasion, Occasion, Occasion];

  constructor(
    private readonly ms: MeasurementColumns,
    /** The measurements, course by course. */
    private readonly order: Int32Array,
    indicators: number,
    private readonly threshold: number | undefined,
  ) {
    this.occasions = [new Occasion(indicators), new Occasion(indicators), new Occasion(indicators)];
    this.cp = {
      course: 0,
      status: 'unordered',
      baseline: null,
      midway: null,
      last: null,
      newest: null,
      change: null,
      threshold: null,
      direction: null,
      common: 0,
      indicator: new Int32Array(indicators),
      indicatorChange: new Float64Array(indicators),
      indicatorDirection: new Array<Direction>(indicators).fill('same'),
    };
  }

  /** The progress of course c, whose measurements are order[from .. to − 1]. */
  of(course: number, from: number, to: number): void {
    const { ms, order, cp } = this;
    let newest: Day | null = null;
    for (let j = from; j < to; j++) {
      const d = dayOf(ms, order[j]!);
      if (d !== null && (newest === null || d > newest)) newest = d;
    }
    cp.course = course;
    cp.status = 'unordered';
    cp.baseline = cp.midway = cp.last = null;
    cp.newest = newest;
    cp.change = cp.threshold = cp.direction = null;
    cp.common = 0;
    if (!this.occasionsOf(from, to)) return;
    const { baseline, last } = this.cp;
    if (!baseline) return void (cp.status = 'noBaseline');
    if (!last) return void (cp.status = 'baselineOnly');
    let sumB = 0;
    let sumL = 0;
    let step = 0;
    let n = 0;
    // In indicator order, as the sums always were.
    for (let i = 0; i < baseline.indicators; i++) {
      if (!baseline.has(i) || !last.has(i)) continue;
      const bs = baseline.steps[i]!;
      const ls = last.steps[i]!;
      sumB += baseline.v[i]!;
      sumL += last.v[i]!;
      // The across-indicator step: the largest step of any scale in the mean (0.25 for 1–5).
      step = Math.max(step, 1 / Math.min(bs, ls));
      // Per indicator: one step of the finer of its two scales (the same scale: one step).
      const change = last.v[i]! - baseline.v[i]!;
      cp.indicator[n] = i;
      cp.indicatorChange[n] = change;
      cp.indicatorDirection[n] = directionOf(change, 1 / Math.max(bs, ls));
      n++;
    }
    if (n === 0) return void (cp.status = 'noCommon');
    cp.common = n;
    const change = sumL / n - sumB / n;
    const t = this.threshold ?? step;
    cp.status = 'measured';
    cp.change = change;
    cp.threshold = t;
    cp.direction = directionOf(change, t);
  }

  /** Baseline, midway and last occasion into cp; false when the measurements cannot be ordered. */
  private occasionsOf(from: number, to: number): boolean {
    const { ms, order, cp, occasions } = this;
    let bySlot = true;
    let dated = true;
    let lastSlot = 0;
    let slots = 0;
    for (let j = from; j < to; j++) {
      const k = order[j]!;
      const slot = ms.slot[k]!;
      if (slot === 0) bySlot = false;
      else {
        slots |= 1 << slot;
        if (slot > lastSlot) lastSlot = slot;
      }
      if (ms.day[k] === NONE) dated = false;
    }
    if (bySlot) {
      const [b, m, l] = occasions;
      cp.baseline = slots & 2 ? this.occasionOf(b, from, to, true, 1, true) : null;
      cp.midway = slots & 4 ? this.occasionOf(m, from, to, true, 2, false) : null;
      // Without a baseline the latest later measurement is still the last one taken (timeliness, means).
      cp.last = lastSlot > 1 ? this.occasionOf(l, from, to, true, lastSlot, false) : null;
      return true;
    }
    if (!dated) return false;
    const days = [...new Set(Array.from(order.subarray(from, to), (k) => ms.day[k]!))].sort((a, b) => a - b);
    const first = days[0]!;
    let mid: Day | null = null;
    for (let j = 1; j < days.length - 1; j++) {
      const d = days[j]!;
      if (mid === null || Math.abs(d - first - MIDWAY_AIM) < Math.abs(mid - first - MIDWAY_AIM)) mid = d;
    }
    const [b, m, l] = occasions;
    cp.baseline = this.occasionOf(b, from, to, false, first, true);
    cp.midway = mid === null ? null : this.occasionOf(m, from, to, false, mid, true);
    cp.last = days.length > 1 ? this.occasionOf(l, from, to, false, days.at(-1)!, true) : null;
    return true;
  }

  /**
   * The scores of one occasion: the course's measurements at slot `key` (bySlot) or on day
   * `key`. Several measurements of an indicator at one numbered measurement on different days:
   * the baseline takes the earliest, the others the latest (then the higher row).
   */
  private occasionOf(
    occ: Occasion,
    from: number,
    to: number,
    bySlot: boolean,
    key: number,
    earliest: boolean,
  ): Occasion {
    const { ms, order } = this;
    const pick = occ.pick;
    pick.fill(-1);
    const later = (a: number, b: number) =>
      (dayOf(ms, a) ?? 0) - (dayOf(ms, b) ?? 0) || ms.row[a]! - ms.row[b]!;
    for (let j = from; j < to; j++) {
      const k = order[j]!;
      if ((bySlot ? ms.slot[k]! : ms.day[k]!) !== key) continue;
      const i = ms.indicator[k]!;
      const old = pick[i]!;
      if (old < 0 || (earliest ? later(k, old) < 0 : later(k, old) > 0)) pick[i] = k;
    }
    let day: Day | null = null;
    for (let i = 0; i < occ.indicators; i++) {
      const k = pick[i]!;
      if (k < 0) continue;
      const d = dayOf(ms, k);
      if (d !== null && (day === null || (earliest ? d < day : d > day))) day = d;
      const min = ms.min[k]!;
      const max = ms.max[k]!;
      occ.v[i] = (ms.score[k]! - min) / (max - min);
      occ.steps[i] = max - min;
    }
    occ.day = day;
    return occ;
  }
}
