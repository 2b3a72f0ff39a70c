/**
 * Means and Welch's t-test against R 4.2.2 (t.test, var.equal = FALSE): t, Welch–Satterthwaite df,
 * p and the confidence interval of the difference. Values printed by test/stats/reference.R.
 */
import { describe, expect, it } from 'vitest';
import { meanSd, welchTTest, type WelchResult } from '../../src/stats/means.js';

const seq = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_x, k) => f(k + 1));

function close(actual: number, expected: number, what: string): void {
  const err = Math.abs(actual - expected) / Math.abs(expected);
  expect(err, `${what}: got ${actual}, R gives ${expected}`).toBeLessThanOrEqual(1e-10);
}

const CASES: {
  x: number[];
  y: number[];
  r: { t: number; df: number; p: number; lo: number; hi: number; mx: number; my: number };
}[] = [
  // t.test(c(1, 2, 3, 4), c(2, 4, 6, 8, 10))
  {
    x: [1, 2, 3, 4],
    y: [2, 4, 6, 8, 10],
    r: {
      t: -2.251436323159369,
      df: 5.5207877461706785,
      p: 0.069133593192392359,
      lo: -7.3853680805140423,
      hi: 0.3853680805140432,
      mx: 2.5,
      my: 6,
    },
  },
  // t.test(c(7.5, 12, 0, 37, 22.5, 15, 30, 8.25), c(10, 0, 5.5, 20, 12, 3))
  {
    x: [7.5, 12, 0, 37, 22.5, 15, 30, 8.25],
    y: [10, 0, 5.5, 20, 12, 3],
    r: {
      t: 1.5353277768964189,
      df: 11.445174720376604,
      p: 0.15187293340016664,
      lo: -3.4631955586405194,
      hi: 19.692362225307189,
      mx: 16.53125,
      my: 8.4166666666666661,
    },
  },
  // t.test(c(1, 3), c(2, 7))
  {
    x: [1, 3],
    y: [2, 7],
    r: {
      t: -0.92847669088525941,
      df: 1.3120124804992197,
      p: 0.49188526844981451,
      lo: -22.386331273708247,
      hi: 17.386331273708244,
      mx: 2,
      my: 4.5,
    },
  },
  // t.test(c(5, 5, 5), c(1, 2, 3, 4))
  {
    x: [5, 5, 5],
    y: [1, 2, 3, 4],
    r: {
      t: 3.872983346207417,
      df: 3,
      p: 0.030466291662170977,
      lo: 0.44573974323947924,
      hi: 4.5542602567605206,
      mx: 5,
      my: 2.5,
    },
  },
  // t.test(((1:60) * 37) %% 101 / 4, ((1:45) * 53) %% 97 / 8 + 3)
  {
    x: seq(60, (i) => ((i * 37) % 101) / 4),
    y: seq(45, (i) => ((i * 53) % 97) / 8 + 3),
    r: {
      t: 3.6952585493479515,
      df: 89.154363149589116,
      p: 0.00037861721136698466,
      lo: 1.8466416382292201,
      hi: 6.1422472506596666,
      mx: 12.791666666666666,
      my: 8.7972222222222225,
    },
  },
];

describe('welchTTest = R t.test (Welch)', () => {
  CASES.forEach(({ x, y, r }, i) => {
    it(`case ${i + 1}: t, df, p, conf.int and means`, () => {
      const w = welchTTest(x, y) as WelchResult;
      expect(typeof w).toBe('object');
      close(w.statistic, r.t, 't');
      close(w.df, r.df, 'df');
      close(w.pValue, r.p, 'p-value');
      close(w.ci[0], r.lo, 'conf.int[1]');
      close(w.ci[1], r.hi, 'conf.int[2]');
      close(w.estimate[0], r.mx, 'mean of x');
      close(w.estimate[1], r.my, 'mean of y');
    });
  });

  it('fails as R does: fewer than two values, or no spread at all', () => {
    // t.test(1, c(2, 3)): "not enough 'x' observations"
    expect(welchTTest([1], [2, 3])).toBe('too-few');
    expect(welchTTest([], [2, 3])).toBe('too-few');
    // t.test(c(2, 2), c(2, 2, 2)): "data are essentially constant"
    expect(welchTTest([2, 2], [2, 2, 2])).toBe('constant');
    expect(welchTTest([2, 2], [3, 3, 3])).toBe('constant');
  });

  it('takes a confidence level (R: t.test(c(1, 2, 3, 4), c(2, 4, 6, 8, 10), conf.level = 0.9)$conf.int)', () => {
    // -6.5684110287496891 -0.43158897125031076
    const w = welchTTest([1, 2, 3, 4], [2, 4, 6, 8, 10], { confLevel: 0.9 }) as WelchResult;
    close(w.ci[0], -6.5684110287496891, 'lower');
    close(w.ci[1], -0.43158897125031076, 'upper');
  });
});

describe('meanSd = R mean, sd', () => {
  it('is guarded below two values', () => {
    expect(meanSd([])).toEqual({ n: 0, mean: null, sd: null });
    expect(meanSd([4])).toEqual({ n: 1, mean: 4, sd: null });
  });

  it('agrees with R (sd(c(7.5, 12, 0, 37, 22.5, 15, 30, 8.25)) = 12.434426217447385)', () => {
    const m = meanSd([7.5, 12, 0, 37, 22.5, 15, 30, 8.25]);
    expect(m.n).toBe(8);
    close(m.mean!, 16.53125, 'mean');
    close(m.sd!, 12.434426217447385, 'sd');
  });
});
