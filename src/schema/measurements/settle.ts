/**
 * The checks of a measurement file that need all its rows: each indicator's scale (from Skala,
 * the config, or 1–5; scores above 5 with no scale given are refused as possibly mixed scales),
 * scores outside their scale, and duplicates (same course, indicator and day).
 * docs/definitions.md#progression.
 */
import { both, refIn } from '../../base/i18n.js';
import { dataError } from '../../errors.js';
import type { Reason } from '../normalise/ledger.js';
import { NONE } from '../store-columns.js';
import { DEFAULT_SCALE, type IndicatorSet, type Scale } from './indicators.js';
import { emptyMeasurements, keepMeasurements, type MeasurementColumns, type ReadRows } from './store.js';

export type { MeasurementColumns } from './store.js';

const scaleText = (s: Scale) => `${s.min}–${s.max}`;
/** A score as a Danish reader writes it: 7,5. */
const danishNumber = (x: number) => String(x).replace('.', ',');

/** The measurements of the accepted rows, each with its scale; rejects rows with a score outside it. */
export function settleScales(rows: ReadRows, indicators: IndicatorSet, file: string): MeasurementColumns {
  const pendingMax = new Map<number, number>();
  // Scale ids per indicator, named once after the loop (not a text per score).
  const given = new Map<number, Set<number>>();
  // Each (indicator, scale) pair noted once: a million scores hold a few dozen pairs.
  const pairs = rows.scales.length;
  const noted = new Uint8Array(indicators.list.length * pairs);
  for (let i = 0; i < rows.length; i++) {
    if (rows.rejected.has(i)) continue;
    for (let j = rows.firstScore[i]!; j < rows.firstScore[i + 1]!; j++) {
      const ind = rows.indicator[j]!;
      const scale = rows.scale[j]!;
      if (scale === 0) pendingMax.set(ind, Math.max(pendingMax.get(ind) ?? -Infinity, rows.score[j]!));
      else if (noted[ind * pairs + scale] === 0) {
        noted[ind * pairs + scale] = 1;
        let set = given.get(ind);
        if (!set) given.set(ind, (set = new Set()));
        set.add(scale);
      }
    }
  }
  for (const [ind, max] of pendingMax) {
    const texts = new Set([...(given.get(ind) ?? [])].map((id) => scaleText(rows.scales[id]!)));
    const other = [...texts].filter((s) => s !== scaleText(DEFAULT_SCALE));
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
  const out = emptyMeasurements(rows.scores);
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    if (rows.rejected.has(i) || rows.person[i] === 0) continue;
    let reasons: Reason[] | null = null;
    for (let j = rows.firstScore[i]!; j < rows.firstScore[i + 1]!; j++) {
      const scale = rows.scales[rows.scale[j]!] ?? DEFAULT_SCALE;
      const score = rows.score[j]!;
      if (score < scale.min || score > scale.max) {
        const name = indicators.list[rows.indicator[j]!]!.da;
        (reasons ??= []).push(
          both(
            `scoren ${danishNumber(score)} for "${name}" ligger uden for skalaen ${scaleText(scale)}`,
            `score ${score} of "${name}" is outside its scale ${scaleText(scale)}`,
          ),
        );
      } else {
        out.row[k] = i;
        out.indicator[k] = rows.indicator[j]!;
        out.slot[k] = rows.slot[i]!;
        out.day[k] = rows.day[i]!;
        out.score[k] = score;
        out.min[k] = scale.min;
        out.max[k] = scale.max;
        k++;
      }
    }
    if (reasons) rows.rejected.set(i, reasons);
  }
  out.length = k;
  // A row rejected by a later score of its own loses its earlier ones too.
  return rows.rejected.size === 0 ? out : keepMeasurements(out, (m) => !rows.rejected.has(out.row[m]!));
}

/**
 * Two measurements of one indicator in one course on the same day (or, without dates, at the
 * same numbered measurement) are duplicates: with the same score, the rows after the first are
 * rejected (no figure changes); with different scores every row of them is rejected, since
 * jobfx cannot tell which is right. Run after the join: a course is the person's course.
 */
export function rejectDuplicates(
  rows: ReadRows,
  ms: MeasurementColumns,
  indicators: IndicatorSet,
  courses: number,
): void {
  // Per course, its measurements (a course holds a few dozen): a small map of numeric keys each.
  const start = new Int32Array(courses + 1);
  for (let k = 0; k < ms.length; k++) if (ms.course[k]! >= 0) start[ms.course[k]! + 1]!++;
  for (let c = 0; c < courses; c++) start[c + 1]! += start[c]!;
  const next = start.slice(0, courses);
  const order = new Int32Array(start[courses]!);
  for (let k = 0; k < ms.length; k++) if (ms.course[k]! >= 0) order[next[ms.course[k]!]!++] = k;
  const add = (row: number, reason: Reason) => {
    const list = rows.rejected.get(row);
    if (list) list.push(reason);
    else rows.rejected.set(row, [reason]);
  };
  const n = indicators.list.length;
  const keys = new Float64Array(64);
  const keyOf = (m: number) => {
    // The day (days since 1970, so ≥ 0), or the measurement's number below zero; then the indicator.
    const day = ms.day[m]!;
    return (day === NONE ? -1 - ms.slot[m]! : day) * n + ms.indicator[m]!;
  };
  for (let c = 0; c < courses; c++) {
    // Most courses have no duplicate: their keys, sorted in a scratch array, tell so without a Map.
    const size = start[c + 1]! - start[c]!;
    if (size <= keys.length && !repeats(keys, size, (j) => keyOf(order[start[c]! + j]!))) continue;
    const groups = new Map<number, number[]>();
    for (let j = start[c]!; j < start[c + 1]!; j++) {
      const m = order[j]!;
      const key = keyOf(m);
      const g = groups.get(key);
      if (g) g.push(m);
      else groups.set(key, [m]);
    }
    for (const g of groups.values()) if (g.length > 1) duplicates(g, ms, rows, indicators, add);
  }
}

/**
 * Whether two of the keys key(0) … key(size − 1) are equal: an insertion sort into `scratch`
 * (a course holds a few dozen keys), stopping at the first repeat.
 */
function repeats(scratch: Float64Array, size: number, key: (j: number) => number): boolean {
  for (let j = 0; j < size; j++) {
    const k = key(j);
    let i = j - 1;
    while (i >= 0 && scratch[i]! > k) {
      scratch[i + 1] = scratch[i]!;
      i--;
    }
    if (i >= 0 && scratch[i] === k) return true;
    scratch[i + 1] = k;
  }
  return false;
}

function duplicates(
  group: number[],
  ms: MeasurementColumns,
  rows: ReadRows,
  indicators: IndicatorSet,
  add: (row: number, reason: Reason) => void,
): void {
  const list = [...group].sort((a, b) => ms.row[a]! - ms.row[b]!);
  const name = indicators.list[ms.indicator[list[0]!]!]!.da;
  const first = rows.ref(ms.row[list[0]!]!);
  const score = (m: number) => ms.score[m]!;
  if (list.every((m) => score(m) === score(list[0]!)))
    for (const m of list.slice(1))
      add(
        ms.row[m]!,
        both(
          `dublet af ${refIn('da', first)}: samme person, indikator "${name}" og dag, med samme score`,
          `duplicate of ${first}: the same person, indicator "${name}" and day, with the same score`,
        ),
      );
  else {
    const scores = (lang: 'da' | 'en', num: (x: number) => string) =>
      list.map((x) => `${refIn(lang, rows.ref(ms.row[x]!))}: ${num(score(x))}`).join(', ');
    const reason = both(
      `"${name}" er målt ${list.length} gange samme dag med forskellige scorer (${scores('da', danishNumber)}); ret filen`,
      `"${name}" is measured ${list.length} times on the same day with different scores ` +
        `(${scores('en', String)}); correct the file`,
    );
    for (const m of list) add(ms.row[m]!, reason);
  }
}
