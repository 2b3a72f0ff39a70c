/**
 * The interaction tests against R 4.2.2: anova(glm(y ~ g + s, binomial), glm(y ~ g * s, binomial),
 * test = "LRT") and anova(lm(y ~ g + s), lm(y ~ g * s)), printed by fixtures/compare/interaction.R
 * (its output is fixtures/compare/interaction.out). R is not needed to run this test.
 */
import { describe, expect, it } from 'vitest';
import { linearInteractionF, logisticInteractionLrt } from '../../src/stats/interaction.js';

function close(actual: number | null | undefined, expected: number, what: string, rel = 1e-6): void {
  expect(actual, what).not.toBeNull();
  expect(Math.abs(actual! - expected), `${what}: got ${actual}, R gives ${expected}`).toBeLessThanOrEqual(
    rel * Math.abs(expected),
  );
}

const strata = (tn: number[], ts: number[], cn: number[], cs: number[]) =>
  tn.map((_v, j) => ({
    treatment: { n: tn[j]!, successes: ts[j]! },
    control: { n: cn[j]!, successes: cs[j]! },
  }));

describe('logisticInteractionLrt', () => {
  it('two subgroups with opposite effects (R: "two lrt")', () => {
    // d <- cells(c(10, 10), c(6, 3), c(10, 10), c(3, 6))
    const r = logisticInteractionLrt(strata([10, 10], [6, 3], [10, 10], [3, 6]));
    expect('statistic' in r).toBe(true);
    if (!('statistic' in r)) return;
    close(r.statistic, 3.6960663345210918, 'LR');
    expect(r.df).toBe(1);
    close(r.pValue, 0.054540909238596093, 'p');
  });
  it('three subgroups (R: "three lrt")', () => {
    const r = logisticInteractionLrt(strata([40, 25, 31], [22, 9, 20], [38, 30, 29], [15, 12, 9]));
    if (!('statistic' in r)) throw new Error(JSON.stringify(r));
    close(r.statistic, 4.0764921638711655, 'LR');
    expect(r.df).toBe(2);
    close(r.pValue, 0.13025697069932515, 'p');
  });
  it('equal effects give 0 (hand-worked: the additive model fits every cell)', () => {
    // Odds 1:1 vs 1:3 in both subgroups: the additive model is exact, LR = 0, p = 1.
    const r = logisticInteractionLrt(strata([20, 40], [10, 20], [20, 40], [5, 10]));
    if (!('statistic' in r)) throw new Error(JSON.stringify(r));
    expect(r.statistic).toBeLessThan(1e-8);
    close(r.pValue, 1, 'p');
  });
  it('one subgroup is no test', () => {
    expect(logisticInteractionLrt(strata([10], [3], [10], [4]))).toEqual({ reason: 'too-few-subgroups' });
  });
  it('a subgroup with no events (or only events) is named, not fitted (the caller drops it first)', () => {
    expect(logisticInteractionLrt(strata([10, 10], [0, 3], [10, 10], [0, 6]))).toEqual({
      reason: 'constant-subgroup',
      index: 0,
    });
    expect(logisticInteractionLrt(strata([10, 10], [4, 10], [10, 10], [3, 10]))).toEqual({
      reason: 'constant-subgroup',
      index: 1,
    });
  });
  it("a cell with 0 % in one arm only: the limit R's glm reaches (R: zero-cell lrt, with a warning)", () => {
    // The full model fits 0/10 exactly (its coefficient is infinite, its deviance finite).
    const r = logisticInteractionLrt(strata([10, 10], [0, 5], [10, 10], [4, 5]));
    if (!('statistic' in r)) throw new Error(JSON.stringify(r));
    close(r.statistic, 4.576084458338066, 'LR');
    close(r.pValue, 0.03242121845769505, 'p');
  });
});

describe('linearInteractionF', () => {
  it('gives anova(lm)’s F, df and p from the cells’ n, mean and SD (R: "values F")', () => {
    // The cells R prints for y, g, s of the script.
    const r = linearInteractionF([
      {
        treatment: { n: 3, mean: 2.3333333333333335, sd: 1.5275252316519468 },
        control: { n: 3, mean: 5.666666666666667, sd: 3.0550504633038935 },
      },
      {
        treatment: { n: 2, mean: 2.25, sd: 0.35355339059327379 },
        control: { n: 2, mean: 7.5, sd: 0.70710678118654757 },
      },
      {
        treatment: { n: 2, mean: 0.5, sd: 0.70710678118654757 },
        control: { n: 3, mean: 4.333333333333333, sd: 1.5275252316519468 },
      },
    ]);
    if (!('statistic' in r)) throw new Error(JSON.stringify(r));
    close(r.statistic, 0.34946641920890809, 'F');
    expect([r.df, r.df2]).toEqual([2, 9]);
    close(r.pValue, 0.71422246854177773, 'p');
  });
  it('no variation within the cells is no test', () => {
    const c = { n: 2, mean: 1, sd: 0 };
    expect(
      linearInteractionF([
        { treatment: c, control: c },
        { treatment: c, control: c },
      ]),
    ).toEqual({
      reason: 'no-residual',
    });
  });
});
