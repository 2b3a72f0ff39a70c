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
import type { Measurement } from '../../schema/measurements/load.js';

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

/** The progress of every course that has measurements; `threshold` overrides one scale step. */
export function courseProgress(
  ms: readonly Measurement[],
  courses: number,
  threshold?: number,
): CourseProgress[] {
  const byCourse: Measurement[][] = Array.from({ length: courses }, () => []);
  for (const m of ms) byCourse[m.course]!.push(m);
  const out: CourseProgress[] = [];
  byCourse.forEach((list, c) => {
    if (list.length > 0) out.push(progressOf(c, list, threshold));
  });
  return out;
}

function progressOf(course: number, list: Measurement[], threshold: number | undefined): CourseProgress {
  let newest: Day | null = null;
  for (const m of list) if (m.day !== null && (newest === null || m.day > newest)) newest = m.day;
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
  const occasions = occasionsOf(list);
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
  list: Measurement[],
): { baseline: Occasion | null; midway: Occasion | null; last: Occasion | null } | null {
  if (list.every((m) => m.slot > 0)) {
    const bySlot = new Map<number, Measurement[]>();
    for (const m of list) bySlot.set(m.slot, [...(bySlot.get(m.slot) ?? []), m]);
    const occ = (slot: number, earliest: boolean) => {
      const l = bySlot.get(slot);
      return l ? occasionOf(l, earliest) : null;
    };
    const lastSlot = Math.max(...bySlot.keys());
    return {
      baseline: occ(1, true),
      midway: occ(2, false),
      // Without a baseline the latest later measurement is still the last one taken (timeliness, means).
      last: lastSlot > 1 ? occ(lastSlot, false) : null,
    };
  }
  if (!list.every((m) => m.day !== null)) return null;
  const days = [...new Set(list.map((m) => m.day!))].sort((a, b) => a - b);
  const at = (d: Day) =>
    occasionOf(
      list.filter((m) => m.day === d),
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
function occasionOf(list: Measurement[], earliest: boolean): Occasion {
  const pick = new Map<number, Measurement>();
  for (const m of list) {
    const old = pick.get(m.indicator);
    const later = (a: Measurement, b: Measurement) => (a.day ?? 0) - (b.day ?? 0) || a.row - b.row;
    if (!old || (earliest ? later(m, old) < 0 : later(m, old) > 0)) pick.set(m.indicator, m);
  }
  let day: Day | null = null;
  for (const m of pick.values())
    if (m.day !== null && (day === null || (earliest ? m.day < day : m.day > day))) day = m.day;
  const scores = new Map<number, Point>();
  for (const [i, m] of pick) scores.set(i, { v: (m.score - m.min) / (m.max - m.min), steps: m.max - m.min });
  return { day, scores };
}
