/**
 * Which subgroups take part in the interaction test of `compare --by`, and what is said about the
 * others: hand-made subgroup results (the counts are the input; the test values are R's, from
 * fixtures/compare/interaction.R).
 */
import { describe, expect, it } from 'vitest';
import type { BinaryResult, NumericResult, SubgroupResult } from '../../src/analyses/compare/index.js';
import { interactionOf } from '../../src/analyses/compare/interaction.js';

function binary(tn: number, ts: number, cn: number, cs: number): BinaryResult {
  const arm = (n: number, successes: number) => ({ n, successes, missing: 0, censored: 0 });
  return {
    kind: 'binary',
    spec: { kind: 'binary', text: 'x=Ja', ref: { kind: 'column', name: 'x' }, values: ['Ja'] },
    arms: { treatment: arm(tn, ts), control: arm(cn, cs) },
    difference: null,
    ci: null,
    test: null,
    corrected: true,
    statistic: null,
    pValue: null,
    minExpected: null,
    unmatched: [],
  };
}
const sub = (value: string | null, r: BinaryResult | NumericResult): SubgroupResult => ({
  value,
  outcomes: [r],
});

describe('interactionOf', () => {
  it('drops unknown, one-sided and eventless subgroups with their reason, and tests the rest as R', () => {
    const x = interactionOf(
      [
        sub('A', binary(10, 6, 10, 3)),
        sub('B', binary(10, 3, 10, 6)),
        sub('C', binary(7, 2, 0, 0)),
        sub('D', binary(5, 0, 6, 0)),
        sub('E', binary(4, 4, 3, 3)),
        sub(null, binary(3, 1, 2, 1)),
      ],
      0,
    );
    expect(x.excluded).toEqual([
      { value: 'C', reason: 'empty-arm' },
      { value: 'D', reason: 'no-events' },
      { value: 'E', reason: 'all-events' },
      { value: null, reason: 'unknown' },
    ]);
    expect(x.included).toEqual(['A', 'B']);
    expect(x.n).toBe(40);
    expect(x.kind).toBe('lrt');
    // R: "two lrt" in fixtures/compare/interaction.out
    expect(x.test!.statistic).toBeCloseTo(3.6960663345210918, 9);
    expect(x.test!.pValue).toBeCloseTo(0.054540909238596093, 9);
    expect(x.separated).toEqual([]);
  });

  it('names a subgroup where one group has 0 % (separation) and keeps it', () => {
    const x = interactionOf([sub('A', binary(10, 0, 10, 4)), sub('B', binary(10, 5, 10, 5))], 0);
    expect(x.separated).toEqual(['A']);
    // R: "zero-cell lrt" (glm warns; its deviance is the limit)
    expect(x.test!.statistic).toBeCloseTo(4.576084458338066, 6);
  });

  it('no test with fewer than two subgroups left, and says why', () => {
    const x = interactionOf([sub('A', binary(10, 6, 10, 3)), sub('B', binary(10, 0, 10, 0))], 0);
    expect(x.test).toBeNull();
    expect(x.failure).toEqual({ reason: 'too-few-subgroups' });
    expect(x.excluded).toEqual([{ value: 'B', reason: 'no-events' }]);
  });

  it('a numeric outcome gets the F test (R: "values F")', () => {
    const num = (t: [number, number, number], c: [number, number, number]): NumericResult => ({
      kind: 'numeric',
      spec: { kind: 'numeric', text: 'y', ref: { kind: 'column', name: 'y' } },
      arms: {
        treatment: { n: t[0], mean: t[1], sd: t[2], missing: 0, invalid: 0 },
        control: { n: c[0], mean: c[1], sd: c[2], missing: 0, invalid: 0 },
      },
      difference: null,
      ci: null,
      test: null,
      statistic: null,
      df: null,
      pValue: null,
    });
    const x = interactionOf(
      [
        sub(
          'a',
          num([3, 2.3333333333333335, 1.5275252316519468], [3, 5.666666666666667, 3.0550504633038935]),
        ),
        sub('b', num([2, 2.25, 0.35355339059327379], [2, 7.5, 0.70710678118654757])),
        sub('c', num([2, 0.5, 0.70710678118654757], [3, 4.333333333333333, 1.5275252316519468])),
        sub('d', num([0, 0, 0], [2, 1, 1])),
      ],
      0,
    );
    expect(x.kind).toBe('f');
    expect(x.excluded).toEqual([{ value: 'd', reason: 'empty-arm' }]);
    expect(x.test!.statistic).toBeCloseTo(0.34946641920890809, 9);
    expect([x.test!.df, x.test!.df2]).toEqual([2, 9]);
    expect(x.test!.pValue).toBeCloseTo(0.71422246854177773, 9);
  });
});
