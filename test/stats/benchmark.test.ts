/**
 * The benchmarking intervals against R 4.2.2. Every expected value was printed by
 * fixtures/providers/reference.R (run: Rscript fixtures/providers/reference.R); the R expression is
 * in the comment above each list. Checked to a relative error of 1e-9 (far beyond 6 significant
 * digits). Edge cases: 0 and all successes, a single success, O = 0.
 */
import { describe, expect, it } from 'vitest';
import { byar, funnelLimits, newcombe, wilson } from '../../src/stats/benchmark.js';

function close(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: got ${actual}, R gives ${expected}`).toBeLessThanOrEqual(
    Math.max(1e-12, 1e-9 * Math.abs(expected)),
  );
}

describe('wilson', () => {
  // prop.test(x, n, correct = FALSE)$conf.int
  const R: [number, number, [number, number]][] = [
    [15, 50, [0.191035535, 0.4375035046]],
    [0, 20, [0, 0.1611251581]],
    [20, 20, [0.8388748419, 1]],
    [1, 7, [0.02567962434, 0.5131278293]],
    [233, 644, [0.3256095063, 0.3996319127]],
  ];
  it.each(R)('%i of %i as prop.test', (x, n, ci) => {
    const w = wilson(x, n)!;
    close(w[0], ci[0], 'lower');
    close(w[1], ci[1], 'upper');
  });
  it('has no interval of an empty group', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(3, 2)).toBeNull();
  });
});

describe('newcombe', () => {
  // p1 - p2 -/+ sqrt of the squared distances to the prop.test(correct = FALSE) Wilson limits
  // (newcombe() in reference.R: Newcombe 1998, method 10)
  const R: [[number, number, number, number], [number, number]][] = [
    [
      [15, 50, 25, 50],
      [-0.3723663378, -0.008312458483],
    ],
    [
      [0, 10, 5, 40],
      [-0.2611211984, 0.1613238004],
    ],
    [
      [56, 160, 177, 484],
      [-0.09794404298, 0.07154114484],
    ],
  ];
  it.each(R)('%j', ([x1, n1, x2, n2], ci) => {
    const r = newcombe(x1, n1, x2, n2)!;
    close(r.difference, x1 / n1 - x2 / n2, 'difference');
    close(r.ci[0], ci[0], 'lower');
    close(r.ci[1], ci[1], 'upper');
  });
  it('is null when a group is empty', () => expect(newcombe(0, 0, 1, 2)).toBeNull());
});

describe('byar', () => {
  // O (1 - 1/(9O) - z/(3 sqrt(O)))^3 / E and (O+1)(1 - 1/(9(O+1)) + z/(3 sqrt(O+1)))^3 / E, z = qnorm(0.975)
  const R: [[number, number], [number, number]][] = [
    [
      [30, 25],
      [0.8094775637, 1.713134878],
    ],
    [
      [0, 2.5],
      [0, 1.467204733],
    ],
    [
      [1, 0.8],
      [0.01634016613, 6.954694478],
    ],
    [
      [120, 131.25],
      [0.7580208122, 1.093269794],
    ],
  ];
  it.each(R)('O, E = %j', ([o, e], ci) => {
    const r = byar(o, e)!;
    close(r[0], ci[0], 'lower');
    close(r[1], ci[1], 'upper');
  });
  it('is within 0.1 % of the exact Poisson interval at O = 30 (poisson.test(30, 25)$conf.int)', () => {
    const r = byar(30, 25)!;
    expect(Math.abs(r[0] / 0.8096349609 - 1)).toBeLessThan(1e-3);
    expect(Math.abs(r[1] / 1.713074616 - 1)).toBeLessThan(1e-3);
  });
  it('is null without an expected count', () => expect(byar(3, 0)).toBeNull());
});

describe('funnelLimits', () => {
  // pmin(pmax(p0 + c(-1, 1) * qnorm(1 - (1 - level) / 2) * sqrt(p0 * (1 - p0) / n), 0), 1)
  const R: [[number, number, number], [number, number]][] = [
    [
      [0.4, 100, 0.95],
      [0.3039817665, 0.4960182335],
    ],
    [
      [0.4, 100, 0.998],
      [0.2486101533, 0.5513898467],
    ],
    [
      [0.05, 10, 0.998],
      [0, 0.2629795638],
    ],
  ];
  it.each(R)('p0, n, level = %j', ([p0, n, level], lim) => {
    const r = funnelLimits(p0, n, level);
    close(r[0], lim[0], 'lower');
    close(r[1], lim[1], 'upper');
  });
});
