/**
 * Tests and intervals for proportions, computed as R computes them, so that a table from jobfx and
 * a check in R agree to the digit: R's prop.test for two groups (chi-square with or without
 * Yates' continuity correction, and its confidence interval of the difference), fisher.test for a
 * 2×2 table (two-sided, R's way of summing the tables at most as probable as the observed one),
 * chisq.test for an r×c table, and the standardised difference of two proportions used in
 * balance tables. Guarded: a test that cannot be computed returns null fields, never NaN or a throw.
 */
import { logGamma, pchisq, qnorm } from './distributions.js';

export interface PropTestResult {
  /** x1/n1 and x2/n2. */
  estimate: [number, number];
  /** x1/n1 − x2/n2 (a proportion; × 100 for percentage points). */
  difference: number;
  /** Confidence interval of the difference, as prop.test gives it (clipped to [−1, 1]). */
  ci: [number, number];
  /** Pearson's X² (with the continuity correction when applied); null when it cannot be computed. */
  statistic: number | null;
  df: 1;
  pValue: number | null;
  /**
   * Whether the continuity correction was applied. R applies min(0.5, |difference| / (1/n1 + 1/n2)),
   * which is 0 when the proportions are equal; then the test is "without" correction even when asked.
   */
  corrected: boolean;
  /** Expected counts under equal proportions: [[successes 1, failures 1], [successes 2, failures 2]]. */
  expected: [[number, number], [number, number]];
}

/**
 * Two-sample test for equality of proportions, as R's `prop.test(c(x1, x2), c(n1, n2), correct =
 * correct, conf.level = confLevel)`: X² = Σ (|O − E| − Y)² / E with Y = min(0.5, |p1 − p2| /
 * (1/n1 + 1/n2)) when corrected (else 0), p = P(χ²₁ > X²), and the interval
 * p1 − p2 ± (z·√(p1(1−p1)/n1 + p2(1−p2)/n2) + Y·(1/n1 + 1/n2)), clipped to [−1, 1]. When every
 * row is a success (or none is) the expected counts hold a 0 and X² is undefined (R gives NaN):
 * statistic and pValue are null. Returns null when a group is empty (R stops: "elements of 'n'
 * must be positive").
 *
 * @example propTest(15, 50, 25, 50) // { difference: -0.2, statistic: 3.375, pValue: 0.06619…, ci: [-0.40799…, 0.00799…], corrected: true, … }
 */
export function propTest(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  opts: { correct?: boolean; confLevel?: number } = {},
): PropTestResult | null {
  const correct = opts.correct ?? true;
  const confLevel = opts.confLevel ?? 0.95;
  if (!(n1 > 0 && n2 > 0) || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const delta = p1 - p2;
  const sumInv = 1 / n1 + 1 / n2;
  const yates = Math.min(correct ? 0.5 : 0, Math.abs(delta) / sumInv);
  const z = qnorm((1 + confLevel) / 2);
  const width = z * Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2) + yates * sumInv;
  const pooled = (x1 + x2) / (n1 + n2);
  const expected: [[number, number], [number, number]] = [
    [n1 * pooled, n1 * (1 - pooled)],
    [n2 * pooled, n2 * (1 - pooled)],
  ];
  const observed = [
    [x1, n1 - x1],
    [x2, n2 - x2],
  ];
  let statistic: number | null = 0;
  for (let i = 0; i < 2; i++)
    for (let j = 0; j < 2; j++) {
      const e = expected[i]![j]!;
      if (e === 0) statistic = null;
      else if (statistic !== null) statistic += (Math.abs(observed[i]![j]! - e) - yates) ** 2 / e;
    }
  return {
    estimate: [p1, p2],
    difference: delta,
    ci: [Math.max(delta - width, -1), Math.min(delta + width, 1)],
    statistic,
    df: 1,
    pValue: statistic === null ? null : pchisq(statistic, 1, false),
    corrected: yates > 0,
    expected,
  };
}

/** log of the binomial coefficient C(n, k). */
function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/**
 * Fisher's exact test for the 2×2 table [[a, b], [c, d]], two-sided, as R's
 * `fisher.test(matrix(c(a, c, b, d), 2))$p.value`: with the margins fixed, the hypergeometric
 * probability of every possible table; the p-value is the sum of the probabilities not above the
 * observed table's, with R's relative tolerance (≤ observed × (1 + 1e-7)) so that tables exactly
 * as probable are not lost to rounding. A table with an empty row or column has one possible
 * table and p = 1 (as in R).
 *
 * @example fisherExact(3, 1, 1, 3) // 0.48571428571428676 (R fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value: 0.48571428571428582)
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  // R's parametrisation: m = first column total, n = second column total, k = first row total.
  const m = a + c;
  const n = b + d;
  const k = a + b;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  if (hi <= lo) return 1;
  const logd: number[] = [];
  for (let x = lo; x <= hi; x++) logd.push(logChoose(m, x) + logChoose(n, k - x) - logChoose(m + n, k));
  const max = logd.reduce((m, v) => Math.max(m, v), -Infinity);
  const dens = logd.map((v) => Math.exp(v - max));
  const total = dens.reduce((s, v) => s + v, 0);
  const observed = dens[a - lo]! / total;
  const limit = observed * (1 + 1e-7);
  let p = 0;
  for (const v of dens) if (v / total <= limit) p += v / total;
  return Math.min(1, p);
}

/**
 * Expected counts of a table under independence: row total × column total / grand total.
 *
 * @example expectedCounts([[10, 20], [30, 40]]) // [[12, 18], [28, 42]]
 */
export function expectedCounts(table: readonly (readonly number[])[]): number[][] {
  const rows = table.map((r) => r.reduce((s, v) => s + v, 0));
  const width = Math.max(0, ...table.map((r) => r.length));
  const cols = Array.from({ length: width }, (_x, j) => table.reduce((s, r) => s + (r[j] ?? 0), 0));
  const total = rows.reduce((s, v) => s + v, 0);
  return table.map((_r, i) => cols.map((c) => (total === 0 ? 0 : (rows[i]! * c) / total)));
}

export interface ChisqResult {
  statistic: number;
  df: number;
  pValue: number;
  /** The smallest expected count (below 5: the chi-square approximation may be poor). */
  minExpected: number;
  corrected: boolean;
}

/**
 * Pearson's chi-square test of independence for an r×c table of counts, as R's
 * `chisq.test(table, correct = correct)`: X² = Σ (|O − E| − Y)² / E, df = (r − 1)(c − 1), with
 * Yates' Y = min(0.5, min |O − E|) only for a 2×2 table when `correct`. Rows and columns that are
 * all zero are dropped first (R would give NaN); null when fewer than two rows or columns remain.
 *
 * @example chisqTest([[10, 20], [30, 40]]) // { statistic: 0.7936507936507936, df: 1, pValue: 0.373…, corrected: false, … }
 */
export function chisqTest(
  table: readonly (readonly number[])[],
  opts: { correct?: boolean } = {},
): ChisqResult | null {
  const width = Math.max(0, ...table.map((r) => r.length));
  const keepCols = Array.from({ length: width }, (_x, j) => table.some((r) => (r[j] ?? 0) > 0));
  const t = table
    .filter((r) => r.some((v) => v > 0))
    .map((r) => Array.from({ length: width }, (_x, j) => r[j] ?? 0).filter((_v, j) => keepCols[j]));
  const nr = t.length;
  const nc = t[0]?.length ?? 0;
  if (nr < 2 || nc < 2) return null;
  const e = expectedCounts(t);
  const corrected = Boolean(opts.correct) && nr === 2 && nc === 2;
  let yates = 0;
  if (corrected) {
    yates = 0.5;
    for (let i = 0; i < nr; i++)
      for (let j = 0; j < nc; j++) yates = Math.min(yates, Math.abs(t[i]![j]! - e[i]![j]!));
  }
  let statistic = 0;
  let minExpected = Infinity;
  for (let i = 0; i < nr; i++)
    for (let j = 0; j < nc; j++) {
      const ev = e[i]![j]!;
      minExpected = Math.min(minExpected, ev);
      statistic += (Math.abs(t[i]![j]! - ev) - yates) ** 2 / ev;
    }
  const df = (nr - 1) * (nc - 1);
  return { statistic, df, pValue: pchisq(statistic, df, false), minExpected, corrected };
}

/**
 * The standardised difference of two proportions (Austin 2009), used to judge balance between
 * groups: d = (p1 − p2) / √((p1(1 − p1) + p2(1 − p2)) / 2). |d| > 0.1 is the usual mark of an
 * imbalance. 0 when the proportions are equal (also when both are 0 or 1); null when the
 * denominator is 0 but the proportions differ (one is 0 and the other 1).
 *
 * @example standardisedDifference(0.5, 0.4) // 0.2020305089104421
 */
export function standardisedDifference(p1: number, p2: number): number | null {
  if (p1 === p2) return 0;
  const s = Math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / 2);
  return s === 0 ? null : (p1 - p2) / s;
}
