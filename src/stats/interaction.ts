/**
 * Does the difference between two arms differ between subgroups? The test of the interaction
 * term: a model with arm × subgroup against the model with arm + subgroup.
 *
 * - Yes/no outcome: logistic regression, as R's `anova(glm(y ~ arm + sub, binomial),
 *   glm(y ~ arm * sub, binomial), test = "LRT")`: the likelihood-ratio statistic is the drop in
 *   deviance, chi-square with K − 1 degrees of freedom (K subgroups). The model with the
 *   interaction has a parameter per cell (arm × subgroup), so its fitted probability is the
 *   cell's share and its deviance is written out exactly; the additive model is fitted by IRLS
 *   (logistic.ts).
 * - Numeric outcome: the linear model's F test, as R's `anova(lm(y ~ arm + sub), lm(y ~ arm *
 *   sub))`: F = ((RSS₀ − RSS₁) / (K − 1)) / (RSS₁ / (N − 2K)); again the full model fits each
 *   cell's mean, and the additive model is weighted least squares on the cell means (the same
 *   estimates as on the single values).
 *
 * Every subgroup passed in must have both arms (the caller drops and names the others).
 * Checked against R in test/stats/interaction.test.ts.
 */
import { incompleteBeta, pchisq } from './distributions.js';
import { cholesky, cholSolve, logisticRegression, type LogisticFailure } from './logistic.js';

export interface BinaryCell {
  n: number;
  successes: number;
}
export interface NumericCell {
  n: number;
  mean: number;
  /** Sample SD; null (or anything) when n = 1: the cell adds no within-cell variation. */
  sd: number | null;
}
export interface Stratum<C> {
  treatment: C;
  control: C;
}

export interface InteractionTestResult {
  statistic: number;
  df: number;
  /** The F test's denominator degrees of freedom; null for the likelihood-ratio test. */
  df2: number | null;
  pValue: number;
}

export type InteractionFailure =
  | { reason: 'too-few-subgroups' }
  /** A subgroup whose rows all have the same outcome (no events, or all): its effect is not estimable. */
  | { reason: 'constant-subgroup'; index: number }
  /** The additive model could not be fitted (logistic.ts's failure: separation, not converged ...). */
  | { reason: 'fit'; failure: LogisticFailure['reason'] }
  /** F test: no variation within the cells, or no degrees of freedom left for it. */
  | { reason: 'no-residual' };

const xlogy = (x: number, y: number): number => (x === 0 ? 0 : x * Math.log(y));

/** −2 log-likelihood of s successes in n at the probability p (0·log 0 = 0). */
function binomialDeviance(s: number, n: number, p: number): number {
  return -2 * (xlogy(s, p) + xlogy(n - s, 1 - p));
}

/** The design row of the additive model: intercept, treatment, and a dummy per subgroup after the first. */
function designRow(treated: boolean, k: number, strata: number): Float64Array {
  const row = new Float64Array(strata + 1);
  row[0] = 1;
  row[1] = treated ? 1 : 0;
  if (k > 0) row[k + 1] = 1;
  return row;
}

/**
 * The likelihood-ratio test of arm × subgroup for a yes/no outcome, from the counts of each cell.
 *
 * @example logisticInteractionLrt([{ treatment: { n: 10, successes: 6 }, control: { n: 10, successes: 3 } }, { treatment: { n: 10, successes: 3 }, control: { n: 10, successes: 6 } }]) // statistic 3.69606…, df 1 (R: anova(glm(...), test = "LRT"))
 */
export function logisticInteractionLrt(
  strata: readonly Stratum<BinaryCell>[],
): InteractionTestResult | InteractionFailure {
  const k = strata.length;
  if (k < 2) return { reason: 'too-few-subgroups' };
  // The reference subgroup has no dummy column, so logistic.ts's separation check would not see it.
  const constant = strata.findIndex((s) => {
    const events = s.treatment.successes + s.control.successes;
    return events === 0 || events === s.treatment.n + s.control.n;
  });
  if (constant >= 0) return { reason: 'constant-subgroup', index: constant };
  const x: Float64Array[] = [];
  const ys: number[] = [];
  let full = 0;
  strata.forEach((s, j) => {
    for (const [treated, c] of [
      [true, s.treatment],
      [false, s.control],
    ] as const) {
      full += binomialDeviance(c.successes, c.n, c.successes / c.n);
      const row = designRow(treated, j, k);
      for (let i = 0; i < c.n; i++) {
        x.push(row);
        ys.push(i < c.successes ? 1 : 0);
      }
    }
  });
  const fit = logisticRegression(x, Uint8Array.from(ys));
  if (!fit.ok) return { reason: 'fit', failure: fit.reason };
  // The drop in deviance cannot be negative; a rounding-sized negative is 0.
  const statistic = Math.max(0, fit.deviance - full);
  const df = k - 1;
  return { statistic, df, df2: null, pValue: pchisq(statistic, df, false) };
}

/**
 * The F test of arm × subgroup for a numeric outcome, from each cell's n, mean and SD.
 *
 * @example linearInteractionF(strata) // as anova(lm(y ~ g + s), lm(y ~ g * s))
 */
export function linearInteractionF(
  strata: readonly Stratum<NumericCell>[],
): InteractionTestResult | InteractionFailure {
  const k = strata.length;
  if (k < 2) return { reason: 'too-few-subgroups' };
  const p = k + 1;
  const xtwx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xtwy = new Array<number>(p).fill(0);
  const cells: { row: Float64Array; c: NumericCell }[] = [];
  let rssFull = 0;
  let total = 0;
  strata.forEach((s, j) => {
    for (const [treated, c] of [
      [true, s.treatment],
      [false, s.control],
    ] as const) {
      const row = designRow(treated, j, k);
      cells.push({ row, c });
      total += c.n;
      if (c.n > 1 && c.sd !== null) rssFull += (c.n - 1) * c.sd * c.sd;
      for (let a = 0; a < p; a++) {
        xtwy[a]! += c.n * row[a]! * c.mean;
        for (let b = 0; b < p; b++) xtwx[a]![b]! += c.n * row[a]! * row[b]!;
      }
    }
  });
  const df2 = total - 2 * k;
  if (df2 < 1 || !(rssFull > 0)) return { reason: 'no-residual' };
  const chol = cholesky(xtwx);
  if ('column' in chol) return { reason: 'fit', failure: 'singular' };
  const beta = cholSolve(chol.l, xtwy);
  let between = 0;
  for (const { row, c } of cells) {
    let fitted = 0;
    for (let a = 0; a < p; a++) fitted += row[a]! * beta[a]!;
    between += c.n * (c.mean - fitted) ** 2;
  }
  const df = k - 1;
  const statistic = between / df / (rssFull / df2);
  // P(F > f) = I_{d2/(d2 + d1 f)}(d2/2, d1/2).
  const pValue = incompleteBeta(
    df2 / (df2 + df * statistic),
    df2 / 2,
    df / 2,
    (df * statistic) / (df2 + df * statistic),
  ).lower;
  return { statistic, df, df2, pValue };
}
