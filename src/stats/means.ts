/**
 * Means and the comparison of two means: mean and standard deviation (guarded wrappers around
 * simple-statistics, which throws below two values), and Welch's two-sample t-test as R's t.test
 * computes it (unequal variances, Welch–Satterthwaite degrees of freedom, and the confidence
 * interval of the difference from the t quantile).
 */
import { mean, sampleVariance } from 'simple-statistics';
import { pt, qt } from './distributions.js';

export interface MeanSd {
  n: number;
  /** null for no values. */
  mean: number | null;
  /** Sample standard deviation (n − 1 in the denominator, as R's sd); null below two values. */
  sd: number | null;
}

/**
 * n, mean and sample standard deviation, as R's length, mean and sd; null where undefined.
 *
 * @example meanSd([2, 4, 4, 4, 5, 5, 7, 9]) // { n: 8, mean: 5, sd: 2.138089935299395 }
 */
export function meanSd(given: ArrayLike<number>): MeanSd {
  const values = ascending(given);
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null };
  // simple-statistics reads its values by index, so a typed array serves as well as an array.
  const m = mean(values as number[]);
  return { n, mean: m, sd: n < 2 ? null : Math.sqrt(sampleVariance(values as number[])) };
}

/**
 * The values in ascending order: a floating-point sum depends on the order of its terms, and
 * the order of the rows must not change a figure, not even in its last bit
 * (docs/definitions.md#tie-breaks).
 */
const ascending = (v: ArrayLike<number>): ArrayLike<number> => {
  // Values given in order (progression sorts its own natively) are taken as they are: the same
  // order the sort would give, without a comparator call per value.
  for (let i = 1; i < v.length; i++) if (v[i - 1]! > v[i]!) return Array.from(v).sort((a, b) => a - b);
  return v;
};

export interface WelchResult {
  /** Mean of x and of y. */
  estimate: [number, number];
  /** mean(x) − mean(y). */
  difference: number;
  /** t statistic, Welch–Satterthwaite degrees of freedom and two-sided p-value. */
  statistic: number;
  df: number;
  pValue: number;
  ci: [number, number];
  /** Standard error of the difference. */
  stderr: number;
}

/** Why a t-test could not be computed. */
export type WelchFailure = 'too-few' | 'constant';

/**
 * Welch's two-sample t-test of equal means, as R's `t.test(x, y, conf.level = confLevel)`
 * (var.equal = FALSE): se = √(s²x/nx + s²y/ny), t = (x̄ − ȳ)/se,
 * df = se⁴ / ((s²x/nx)²/(nx − 1) + (s²y/ny)²/(ny − 1)), p = 2·P(T_df > |t|), and the interval
 * x̄ − ȳ ± qt((1 + level)/2, df)·se. Fails ('too-few') when a group has fewer than two values
 * (R: "not enough 'x' observations") and ('constant') when both groups have no spread (R: "data
 * are essentially constant").
 *
 * @example welchTTest([1, 2, 3, 4], [2, 4, 6, 8, 10]) // { statistic: -2.2514…, df: 5.5207…, pValue: 0.0691…, ci: [-7.3853…, 0.3853…], … }
 */
export function welchTTest(
  xs: readonly number[],
  ys: readonly number[],
  opts: { confLevel?: number } = {},
): WelchResult | WelchFailure {
  const x = ascending(xs);
  const y = ascending(ys);
  const confLevel = opts.confLevel ?? 0.95;
  const nx = x.length;
  const ny = y.length;
  if (nx < 2 || ny < 2) return 'too-few';
  const mx = mean(x as number[]);
  const my = mean(y as number[]);
  const vx = sampleVariance(x as number[]) / nx;
  const vy = sampleVariance(y as number[]) / ny;
  const stderr = Math.sqrt(vx + vy);
  // R's test: stderr < 10 * .Machine$double.eps * max(abs(mx), abs(my)).
  if (stderr < 10 * Number.EPSILON * Math.max(Math.abs(mx), Math.abs(my)) || stderr === 0) return 'constant';
  const df = (vx + vy) ** 2 / (vx ** 2 / (nx - 1) + vy ** 2 / (ny - 1));
  const statistic = (mx - my) / stderr;
  const pValue = 2 * pt(-Math.abs(statistic), df);
  const q = qt((1 + confLevel) / 2, df);
  return {
    estimate: [mx, my],
    difference: mx - my,
    statistic,
    df,
    pValue,
    ci: [mx - my - q * stderr, mx - my + q * stderr],
    stderr,
  };
}
