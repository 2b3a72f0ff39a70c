/**
 * Logistic regression by iteratively reweighted least squares, as R's `glm(y ~ ..., family =
 * binomial)` fits it: the same start (μ = (y + ½)/2), the same convergence rule (|dev − dev_old| /
 * (|dev| + 0.1) < 1e-8, at most 25 iterations) and the standard errors from the weights of the
 * last iteration, so coefficients and Wald intervals agree with R's to far more than 6 digits.
 * The weighted least-squares step solves XᵀWX β = XᵀWz by a Cholesky factorisation: the designs
 * here are a few dozen dummy columns, so dense p × p algebra is the simple and exact choice.
 * Checked against R in test/unit/stats/logistic.test.ts.
 */
import { pnorm, qnorm } from './distributions.js';

export interface LogisticFit {
  ok: true;
  coef: number[];
  /** The covariance matrix of the coefficients, (XᵀWX)⁻¹. */
  vcov: number[][];
  se: number[];
  iterations: number;
  deviance: number;
  /** Fitted probabilities, per row. */
  fitted: Float64Array;
}

export type LogisticFailure =
  | { ok: false; reason: 'separation'; column: number; all: 0 | 1 }
  | { ok: false; reason: 'singular'; column: number }
  | { ok: false; reason: 'not-converged'; iterations: number }
  | { ok: false; reason: 'fitted-0-or-1' };

const MAX_ITERATIONS = 25;
const EPSILON = 1e-8;

/** Lower-triangular L with A = LLᵀ; null (and the failing column) when A is not positive definite. */
export function cholesky(a: number[][]): { l: number[][] } | { column: number } {
  const p = a.length;
  const l = a.map(() => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    let s = a[j]![j]!;
    for (let k = 0; k < j; k++) s -= l[j]![k]! ** 2;
    // Relative to the diagonal: a dummy that is a sum of others leaves a rounding-sized pivot.
    if (!(s > 1e-10 * Math.max(1, Math.abs(a[j]![j]!)))) return { column: j };
    const d = Math.sqrt(s);
    l[j]![j] = d;
    for (let i = j + 1; i < p; i++) {
      let t = a[i]![j]!;
      for (let k = 0; k < j; k++) t -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = t / d;
    }
  }
  return { l };
}

/** Solves LLᵀ x = b. */
export function cholSolve(l: number[][], b: number[]): number[] {
  const p = l.length;
  const y = new Array<number>(p).fill(0);
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i]![k]! * y[k]!;
    y[i] = s / l[i]![i]!;
  }
  const x = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < p; k++) s -= l[k]![i]! * x[k]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

/**
 * A dummy column whose rows (those with a 1) all have the same outcome: the maximum likelihood
 * estimate does not exist (quasi-complete separation) and R would report a huge coefficient with
 * a warning. null when there is none. Column 0 (the intercept) is checked as "all rows".
 */
function separatedColumn(x: Float64Array[], y: Uint8Array): { column: number; all: 0 | 1 } | null {
  const p = x[0]?.length ?? 0;
  for (let j = 0; j < p; j++) {
    let n = 0;
    let s = 0;
    let dummy = true;
    for (let i = 0; i < x.length; i++) {
      const v = x[i]![j]!;
      if (v !== 0 && v !== 1) dummy = false;
      if (v === 1) {
        n++;
        s += y[i]!;
      }
    }
    if (dummy && n > 0 && (s === 0 || s === n)) return { column: j, all: s === 0 ? 0 : 1 };
  }
  return null;
}

/**
 * Fits P(y = 1) = 1 / (1 + exp(−Xβ)). `x` holds one row per observation (the intercept column
 * included); `y` is 0 or 1. A dummy column with a single outcome, a design whose columns are
 * linearly dependent, fitted probabilities of 0 or 1 and a fit that does not converge are
 * failures that name the column where they can, never a silent huge coefficient.
 */
export function logisticRegression(x: Float64Array[], y: Uint8Array): LogisticFit | LogisticFailure {
  const n = x.length;
  const p = x[0]?.length ?? 0;
  const sep = separatedColumn(x, y);
  if (sep) return { ok: false, reason: 'separation', ...sep };
  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    mu[i] = (y[i]! + 0.5) / 2;
    eta[i] = Math.log(mu[i]! / (1 - mu[i]!));
  }
  let devOld = Infinity;
  let coef: number[] = [];
  let l: number[][] = [];
  for (let iter = 1; iter <= MAX_ITERATIONS; iter++) {
    const xtwx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const xtwz = new Array<number>(p).fill(0);
    for (let i = 0; i < n; i++) {
      const w = mu[i]! * (1 - mu[i]!);
      const z = eta[i]! + (y[i]! - mu[i]!) / w;
      const row = x[i]!;
      for (let a = 0; a < p; a++) {
        const wa = w * row[a]!;
        if (wa === 0) continue;
        xtwz[a]! += wa * z;
        for (let b = 0; b <= a; b++) xtwx[a]![b]! += wa * row[b]!;
      }
    }
    for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) xtwx[a]![b] = xtwx[b]![a]!;
    const c = cholesky(xtwx);
    if ('column' in c) return { ok: false, reason: 'singular', column: c.column };
    l = c.l;
    coef = cholSolve(l, xtwz);
    let dev = 0;
    for (let i = 0; i < n; i++) {
      let e = 0;
      const row = x[i]!;
      for (let a = 0; a < p; a++) e += row[a]! * coef[a]!;
      eta[i] = e;
      mu[i] = 1 / (1 + Math.exp(-e));
      dev -= 2 * (y[i] === 1 ? Math.log(mu[i]!) : Math.log(1 - mu[i]!));
    }
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < EPSILON) {
      // R's warning "fitted probabilities numerically 0 or 1 occurred", as a failure.
      if (mu.some((m) => m < 10 * Number.EPSILON || m > 1 - 10 * Number.EPSILON))
        return { ok: false, reason: 'fitted-0-or-1' };
      const vcov = Array.from({ length: p }, (_r, j) =>
        cholSolve(
          l,
          Array.from({ length: p }, (_c, k) => (k === j ? 1 : 0)),
        ),
      );
      return {
        ok: true,
        coef,
        vcov,
        se: vcov.map((r, j) => Math.sqrt(r[j]!)),
        iterations: iter,
        deviance: dev,
        fitted: mu,
      };
    }
    devOld = dev;
  }
  return { ok: false, reason: 'not-converged', iterations: MAX_ITERATIONS };
}

/** A Wald interval and two-sided p-value of a coefficient: β ± z·se, p = 2·P(Z > |β/se|). */
export function wald(coef: number, se: number, confLevel = 0.95): { ci: [number, number]; pValue: number } {
  const z = qnorm((1 + confLevel) / 2);
  return { ci: [coef - z * se, coef + z * se], pValue: 2 * pnorm(Math.abs(coef / se), false) };
}
