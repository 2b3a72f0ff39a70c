/**
 * The checks of a measurement file that need all its rows: each indicator's scale (from Skala,
 * the config, or 1–5; scores above 5 with no scale given are refused as possibly mixed scales),
 * scores outside their scale, and duplicates (same course, indicator and day).
 * docs/definitions.md#progression.
 */
import type { Day } from '../../base/dates.js';
import { dataError } from '../../errors.js';
import { DEFAULT_SCALE, type IndicatorSet, type Scale } from './indicators.js';
import type { ReadRows } from './rows.js';
import type { Slot } from './rows.js';

export interface Measurement {
  /** Index of its row (ReadRows). */
  row: number;
  /** Index of its course (Measurements.courses); -1 until joined. */
  course: number;
  indicator: number;
  slot: Slot;
  day: Day | null;
  score: number;
  min: number;
  max: number;
}

const scaleText = (s: Scale) => `${s.min}–${s.max}`;

/** The measurements of the accepted rows, each with its scale; rejects rows with a score outside it. */
export function settleScales(rows: ReadRows, indicators: IndicatorSet, file: string): Measurement[] {
  const pendingMax = new Map<number, number>();
  const given = new Map<number, Set<string>>();
  rows.scores.forEach((scores, i) => {
    if (rows.rejected.has(i)) return;
    for (const s of scores)
      if (s.scale === null)
        pendingMax.set(s.indicator, Math.max(pendingMax.get(s.indicator) ?? -Infinity, s.score));
      else {
        let set = given.get(s.indicator);
        if (!set) given.set(s.indicator, (set = new Set()));
        set.add(scaleText(s.scale));
      }
  });
  for (const [ind, max] of pendingMax) {
    const other = [...(given.get(ind) ?? [])].filter((s) => s !== scaleText(DEFAULT_SCALE));
    if (max > DEFAULT_SCALE.max || other.length > 0)
      throw dataError(
        `${file}: indicator "${indicators.list[ind]!.da}": ` +
          (other.length > 0
            ? `some rows give the scale ${other.join(', ')} in Skala and others give none`
            : `scores run up to ${max} and no scale is given`) +
          ': the rows may mix a 1–5 and a 1–10 scale, and a mean over them would be wrong. ' +
          'Fill in the Skala column (1-5, 1-10) on every row, or give the indicator its scale in the config ' +
          '("indicators": [{"name": "...", "scale": "1-10"}]).',
      );
  }
  const out: Measurement[] = [];
  rows.scores.forEach((scores, i) => {
    const f = rows.facts[i];
    if (rows.rejected.has(i) || !f) return;
    const reasons: string[] = [];
    for (const s of scores) {
      const scale = s.scale ?? DEFAULT_SCALE;
      if (s.score < scale.min || s.score > scale.max)
        reasons.push(
          `score ${s.score} of "${indicators.list[s.indicator]!.da}" is outside its scale ${scaleText(scale)}`,
        );
      else
        out.push({
          row: i,
          course: -1,
          indicator: s.indicator,
          slot: f.slot,
          day: f.day,
          score: s.score,
          ...scale,
        });
    }
    if (reasons.length > 0) rows.rejected.set(i, reasons);
  });
  return out.filter((m) => !rows.rejected.has(m.row));
}

/**
 * Two measurements of one indicator in one course on the same day (or, without dates, at the
 * same numbered measurement) are duplicates: with the same score, the rows after the first are
 * rejected (no figure changes); with different scores every row of them is rejected, since
 * jobfx cannot tell which is right. Run after the join: a course is the person's course.
 */
export function rejectDuplicates(
  rows: ReadRows,
  ms: Measurement[],
  indicators: IndicatorSet,
  courses: number,
): void {
  // Per course, its measurements (a course holds a few dozen): a small map of numeric keys each.
  const start = new Int32Array(courses + 1);
  for (const m of ms) if (m.course >= 0) start[m.course + 1]!++;
  for (let c = 0; c < courses; c++) start[c + 1]! += start[c]!;
  const next = start.slice(0, courses);
  const order = new Int32Array(start[courses]!);
  ms.forEach((m, k) => {
    if (m.course >= 0) order[next[m.course]!++] = k;
  });
  const add = (row: number, reason: string) => {
    const list = rows.rejected.get(row);
    if (list) list.push(reason);
    else rows.rejected.set(row, [reason]);
  };
  const n = indicators.list.length;
  for (let c = 0; c < courses; c++) {
    const groups = new Map<number, Measurement[]>();
    for (let j = start[c]!; j < start[c + 1]!; j++) {
      const m = ms[order[j]!]!;
      // The day (days since 1970, so ≥ 0), or the measurement's number below zero; then the indicator.
      const key = (m.day ?? -1 - m.slot) * n + m.indicator;
      const g = groups.get(key);
      if (g) g.push(m);
      else groups.set(key, [m]);
    }
    for (const g of groups.values()) if (g.length > 1) duplicates(g, rows, indicators, add);
  }
}

function duplicates(
  group: Measurement[],
  rows: ReadRows,
  indicators: IndicatorSet,
  add: (row: number, reason: string) => void,
): void {
  const list = [...group].sort((a, b) => a.row - b.row);
  const name = indicators.list[list[0]!.indicator]!.da;
  const first = rows.refs[list[0]!.row]!;
  if (list.every((m) => m.score === list[0]!.score))
    for (const m of list.slice(1))
      add(m.row, `duplicate of ${first}: the same person, indicator "${name}" and day, with the same score`);
  else
    for (const m of list)
      add(
        m.row,
        `"${name}" is measured ${list.length} times on the same day with different scores ` +
          `(${list.map((x) => `${rows.refs[x.row]}: ${x.score}`).join(', ')}); correct the file`,
      );
}
