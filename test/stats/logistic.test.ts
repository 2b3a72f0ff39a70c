/**
 * The IRLS logistic regression against R 4.2.2's glm(family = binomial): coefficients, standard
 * errors (sqrt(diag(vcov(m)))) and deviance, printed by fixtures/providers/reference.R. The fit on
 * the provider fixture is checked in test/analyses/providers.test.ts. Failures: separation, a
 * singular design, all outcomes equal.
 */
import { describe, expect, it } from 'vitest';
import { cholesky, logisticRegression, wald } from '../../src/stats/logistic.js';

function close(actual: number, expected: number, what: string, rel = 1e-7): void {
  expect(Math.abs(actual - expected), `${what}: got ${actual}, R gives ${expected}`).toBeLessThanOrEqual(
    Math.max(1e-12, rel * Math.abs(expected)),
  );
}

const design = (cols: number[][]): Float64Array[] =>
  cols[0]!.map((_v, i) => Float64Array.from([1, ...cols.map((c) => c[i]!)]));

describe('logisticRegression', () => {
  // x1 <- c(0,0,1,1,0,1,0,1,1,0,1,0); x2 <- c(1,0,0,1,1,0,0,1,0,1,1,0); yv <- c(0,0,1,1,1,0,0,1,1,1,0,1)
  // m2 <- glm(yv ~ x1 + x2, family = binomial): coef, sqrt(diag(vcov(m2))), deviance(m2), m2$iter
  const x1 = [0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0];
  const x2 = [1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0];
  const y = Uint8Array.from([0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1]);
  it('gives glm’s coefficients, standard errors and deviance', () => {
    const fit = logisticRegression(design([x1, x2]), y);
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    [-0.3572859324, 0.7145718648, 0.7145718648].forEach((b, j) => close(fit.coef[j]!, b, `coef ${j}`));
    [1.02682223, 1.210280159, 1.210280159].forEach((s, j) => close(fit.se[j]!, s, `se ${j}`));
    close(fit.deviance, 15.60084062, 'deviance');
    expect(fit.iterations).toBe(4);
  });
  it('names a dummy column whose rows all have the same outcome (separation)', () => {
    const x = design([[1, 1, 0, 0, 0, 0]]);
    const r = logisticRegression(x, Uint8Array.from([1, 1, 0, 1, 0, 1]));
    expect(r).toEqual({ ok: false, reason: 'separation', column: 1, all: 1 });
  });
  it('says when every row has the same outcome', () => {
    const r = logisticRegression(design([[1, 0, 1]]), Uint8Array.from([0, 0, 0]));
    expect(r).toMatchObject({ ok: false, reason: 'separation', column: 0, all: 0 });
  });
  it('names a column that is a copy of another (singular design)', () => {
    const c = [1, 0, 1, 0, 1, 0, 0, 1];
    const r = logisticRegression(design([c, c]), Uint8Array.from([1, 0, 0, 1, 1, 0, 1, 0]));
    expect(r).toMatchObject({ ok: false, reason: 'singular', column: 2 });
  });
});

describe('cholesky and wald', () => {
  it('factors a positive definite matrix by hand: [[4, 2], [2, 3]] = LLᵀ with L = [[2, 0], [1, √2]]', () => {
    const c = cholesky([
      [4, 2],
      [2, 3],
    ]);
    expect('l' in c && c.l).toEqual([
      [2, 0],
      [1, Math.SQRT2],
    ]);
  });
  it('gives β ± 1.959964·se and the two-sided normal p-value (2 * pnorm(-2) = 0.04550026389635842)', () => {
    const w = wald(2, 1);
    close(w.ci[0], 2 - 1.959963984540054, 'lower', 1e-12);
    close(w.pValue, 0.04550026389635842, 'p', 1e-9);
  });
});
