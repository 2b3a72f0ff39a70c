/**
 * Proportion tests against R 4.2.2: prop.test with and without continuity correction (X², p and
 * the confidence interval of the difference), fisher.test (two-sided p) and chisq.test. Every row
 * below was printed by test/stats/reference.R; the R call is in the comment above it. Edge cases:
 * a group with 0 or all successes, n = 1, both groups without successes (R: NaN), equal
 * proportions (R then applies no correction), and a correction capped below ½.
 */
import { describe, expect, it } from 'vitest';
import {
  chisqTest,
  expectedCounts,
  fisherExact,
  propTest,
  standardisedDifference,
} from '../../src/stats/proportions.js';

/** Relative error ≤ 1e-9 (absolute 1e-12 near 0: R's X² of equal proportions is rounding noise). */
function close(actual: number | null, expected: number | null, what: string): void {
  if (expected === null) {
    expect(actual, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  const err = Math.abs(actual! - expected);
  expect(err, `${what}: got ${actual}, R gives ${expected}`).toBeLessThanOrEqual(
    Math.max(1e-12, 1e-9 * Math.abs(expected)),
  );
}

// [x1, n1, x2, n2, correct, X-squared, p-value, conf.int lower, upper, "with continuity correction" in method]
// (null where R gives NaN)
const PROP_TEST: [
  number,
  number,
  number,
  number,
  boolean,
  number | null,
  number | null,
  number,
  number,
  boolean,
][] = [
  // prop.test(c(15, 25), c(50, 50), correct = TRUE)
  [15, 50, 25, 50, true, 3.375, 0.06619257972219339, -0.40799314123229585, 0.0079931412322958306, true],
  // prop.test(c(15, 25), c(50, 50), correct = FALSE)
  [
    15,
    50,
    25,
    50,
    false,
    4.166666666666667,
    0.041226833337163572,
    -0.38799314123229589,
    -0.012006858767704159,
    false,
  ],
  // prop.test(c(187, 195), c(210, 200), correct = TRUE)
  [
    187,
    210,
    195,
    200,
    true,
    10.211873263703394,
    0.0013953936584239345,
    -0.13686243510625928,
    -0.032185183941359816,
    true,
  ],
  // prop.test(c(187, 195), c(210, 200), correct = FALSE)
  [
    187,
    210,
    195,
    200,
    false,
    11.501907700252884,
    0.00069524797377239244,
    -0.13198148272530691,
    -0.037066136322312197,
    false,
  ],
  // prop.test(c(0, 5), c(30, 40), correct = TRUE)
  [
    0,
    30,
    5,
    40,
    true,
    2.3737179487179496,
    0.12339286239726906,
    -0.25665563662361124,
    0.0066556366236112663,
    true,
  ],
  // prop.test(c(0, 5), c(30, 40), correct = FALSE)
  [
    0,
    30,
    5,
    40,
    false,
    4.0384615384615392,
    0.044474348283053043,
    -0.22748896995694462,
    -0.022511030043055394,
    false,
  ],
  // prop.test(c(30, 35), c(30, 40), correct = TRUE)
  [
    30,
    30,
    35,
    40,
    true,
    2.3737179487179501,
    0.1233928623972687,
    -0.0066556366236112663,
    0.25665563662361124,
    true,
  ],
  // prop.test(c(30, 35), c(30, 40), correct = FALSE)
  [
    30,
    30,
    35,
    40,
    false,
    4.0384615384615401,
    0.044474348283053036,
    0.022511030043055394,
    0.22748896995694462,
    false,
  ],
  // prop.test(c(1, 0), c(1, 1), correct = TRUE)
  [1, 1, 0, 1, true, 0, 1, 0, 1, true],
  // prop.test(c(1, 0), c(1, 1), correct = FALSE)
  [1, 1, 0, 1, false, 2, 0.15729920705028447, 1, 1, false],
  // prop.test(c(1, 3), c(1, 10), correct = TRUE)
  [1, 1, 3, 10, true, 0.088392857142857162, 0.76623033425970011, -0.1340257650893254, 1, true],
  // prop.test(c(1, 3), c(1, 10), correct = FALSE)
  [1, 1, 3, 10, false, 1.925, 0.16530650967095359, 0.41597423491067465, 0.98402576508932527, false],
  // prop.test(c(0, 0), c(20, 25), correct = TRUE)
  [0, 20, 0, 25, true, null, null, 0, 0, false],
  // prop.test(c(0, 0), c(20, 25), correct = FALSE)
  [0, 20, 0, 25, false, null, null, 0, 0, false],
  // prop.test(c(20, 25), c(20, 25), correct = TRUE)
  [20, 20, 25, 25, true, null, null, 0, 0, false],
  // prop.test(c(20, 25), c(20, 25), correct = FALSE)
  [20, 20, 25, 25, false, null, null, 0, 0, false],
  // prop.test(c(45, 45), c(100, 100), correct = TRUE)
  [
    45,
    100,
    45,
    100,
    true,
    1.8358944703325365e-30,
    0.99999999999999889,
    -0.13789568942659489,
    0.13789568942659489,
    false,
  ],
  // prop.test(c(45, 45), c(100, 100), correct = FALSE)
  [
    45,
    100,
    45,
    100,
    false,
    1.8358944703325365e-30,
    0.99999999999999889,
    -0.13789568942659489,
    0.13789568942659489,
    false,
  ],
  // prop.test(c(412, 377), c(1000, 1000), correct = TRUE)
  [
    412,
    1000,
    377,
    1000,
    true,
    2.4197287433842085,
    0.11981567612247632,
    -0.0088119577074130956,
    0.078811957707413047,
    true,
  ],
  // prop.test(c(412, 377), c(1000, 1000), correct = FALSE)
  [
    412,
    1000,
    377,
    1000,
    false,
    2.5641589192436465,
    0.109310680561563,
    -0.0078119577074130947,
    0.077811957707413046,
    false,
  ],
  // prop.test(c(3, 6), c(7, 9), correct = TRUE)
  [
    3,
    7,
    6,
    9,
    true,
    0.19753086419753085,
    0.65672128656377038,
    -0.84387566400111846,
    0.36768518781064224,
    true,
  ],
  // prop.test(c(3, 6), c(7, 9), correct = FALSE)
  [
    3,
    7,
    6,
    9,
    false,
    0.90702947845804993,
    0.34090381592813018,
    -0.71689153701699138,
    0.24070106082651521,
    false,
  ],
  // prop.test(c(5, 5), c(10, 11), correct = TRUE)
  [5, 10, 5, 11, true, 5.8962106495769233e-34, 1, -0.42734156899205999, 0.51825065990115093, true],
  // prop.test(c(5, 5), c(10, 11), correct = FALSE)
  [
    5,
    10,
    5,
    11,
    false,
    0.043388429752066124,
    0.83499559421104586,
    -0.38188702353751453,
    0.47279611444660546,
    false,
  ],
];

// [a, b, c, d, p-value] for the table [[a, b], [c, d]]
const FISHER: [number, number, number, number, number][] = [
  // fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value
  [3, 1, 1, 3, 0.48571428571428582],
  // fisher.test(matrix(c(0, 5, 30, 35), 2))$p.value
  [0, 30, 5, 35, 0.066141706520375806],
  // fisher.test(matrix(c(30, 35, 0, 5), 2))$p.value
  [30, 0, 35, 5, 0.066141706520375806],
  // fisher.test(matrix(c(1, 0, 0, 1), 2))$p.value
  [1, 0, 0, 1, 1],
  // fisher.test(matrix(c(1, 3, 0, 7), 2))$p.value
  [1, 0, 3, 7, 0.36363636363636365],
  // fisher.test(matrix(c(0, 0, 20, 25), 2))$p.value
  [0, 20, 0, 25, 1],
  // fisher.test(matrix(c(7, 2, 3, 8), 2))$p.value
  [7, 3, 2, 8, 0.069778518694927336],
  // fisher.test(matrix(c(12, 6, 5, 14), 2))$p.value
  [12, 5, 6, 14, 0.021709799772381397],
  // fisher.test(matrix(c(45, 45, 55, 55), 2))$p.value
  [45, 55, 45, 55, 1],
  // fisher.test(matrix(c(3, 6, 4, 3), 2))$p.value
  [3, 4, 6, 3, 0.61451048951048981],
  // fisher.test(matrix(c(10, 0, 0, 10), 2))$p.value
  [10, 0, 0, 10, 1.0825088224469028e-5],
  // fisher.test(matrix(c(2, 8, 8, 2), 2))$p.value
  [2, 8, 8, 2, 0.02301413756522111],
  // fisher.test(matrix(c(5, 5, 5, 5), 2))$p.value
  [5, 5, 5, 5, 1],
  // fisher.test(matrix(c(1, 0, 1, 0), 2))$p.value
  [1, 1, 0, 0, 1],
  // fisher.test(matrix(c(187, 195, 23, 5), 2))$p.value
  [187, 23, 195, 5, 0.00067097639148361082],
];

// [table, correct, X-squared, df, p-value]
const CHISQ: [number[][], boolean, number, number, number][] = [
  // chisq.test(structure(c(10, 30, 20, 40), dim = c(2L, 2L)), correct = TRUE)
  [
    [
      [10, 20],
      [30, 40],
    ],
    true,
    0.44642857142857145,
    1,
    0.50403586645250475,
  ],
  // chisq.test(structure(c(10, 30, 20, 40), dim = c(2L, 2L)), correct = FALSE)
  [
    [
      [10, 20],
      [30, 40],
    ],
    false,
    0.79365079365079361,
    1,
    0.3729984836134872,
  ],
  // chisq.test(structure(c(12, 30, 8, 15, 22, 13), dim = 3:2), correct = FALSE)
  [
    [
      [12, 15],
      [30, 22],
      [8, 13],
    ],
    false,
    2.7545787545787546,
    2,
    0.25226141266845986,
  ],
  // chisq.test(structure(c(5, 10, 3, 20, 0, 12, 4, 18), dim = c(4L, 2L)), correct = FALSE)
  [
    [
      [5, 0],
      [10, 12],
      [3, 4],
      [20, 18],
    ],
    false,
    5.2238392209061919,
    3,
    0.15612139509642065,
  ],
  // chisq.test(structure(c(3, 1, 1, 3), dim = c(2L, 2L)), correct = TRUE)
  [
    [
      [3, 1],
      [1, 3],
    ],
    true,
    0.5,
    1,
    0.47950012218695348,
  ],
  // chisq.test(structure(c(3, 1, 1, 3), dim = c(2L, 2L)), correct = FALSE)
  [
    [
      [3, 1],
      [1, 3],
    ],
    false,
    2,
    1,
    0.15729920705028447,
  ],
];

describe('propTest = R prop.test', () => {
  for (const [x1, n1, x2, n2, correct, stat, p, lo, hi, corrected] of PROP_TEST) {
    it(`prop.test(c(${x1}, ${x2}), c(${n1}, ${n2}), correct = ${correct})`, () => {
      const r = propTest(x1, n1, x2, n2, { correct })!;
      close(r.statistic, stat, 'X-squared');
      close(r.pValue, p, 'p-value');
      close(r.ci[0], lo, 'conf.int[1]');
      close(r.ci[1], hi, 'conf.int[2]');
      expect(r.corrected).toBe(corrected);
      expect(r.difference).toBeCloseTo(x1 / n1 - x2 / n2, 15);
    });
  }

  it('has no test for an empty group (R: "elements of \'n\' must be positive")', () => {
    expect(propTest(0, 0, 3, 10)).toBeNull();
    expect(propTest(1, 5, 0, 0)).toBeNull();
  });

  it('gives the expected counts it tested against', () => {
    expect(propTest(15, 50, 25, 50)!.expected).toEqual([
      [20, 30],
      [20, 30],
    ]);
  });

  it('takes a confidence level (R: prop.test(c(15, 25), c(50, 50), conf.level = 0.9)$conf.int)', () => {
    // -0.37776881750738256 -0.022231182492617491
    const r = propTest(15, 50, 25, 50, { confLevel: 0.9 })!;
    close(r.ci[0], -0.37776881750738256, 'lower');
    close(r.ci[1], -0.022231182492617491, 'upper');
  });
});

describe('fisherExact = R fisher.test (two-sided)', () => {
  for (const [a, b, c, d, p] of FISHER) {
    it(`fisher.test(matrix(c(${a}, ${c}, ${b}, ${d}), 2))`, () =>
      close(fisherExact(a, b, c, d), p, 'p-value'));
  }
});

describe('chisqTest = R chisq.test', () => {
  for (const [table, correct, stat, df, p] of CHISQ) {
    it(`chisq.test(${JSON.stringify(table)}, correct = ${correct})`, () => {
      const r = chisqTest(table, { correct })!;
      close(r.statistic, stat, 'X-squared');
      expect(r.df).toBe(df);
      close(r.pValue, p, 'p-value');
    });
  }

  it('drops all-zero rows and columns, and has no test below 2 × 2', () => {
    const r = chisqTest([
      [12, 15],
      [0, 0],
      [30, 22],
      [8, 13],
    ])!;
    close(r.statistic, 2.7545787545787546, 'X-squared');
    expect(r.df).toBe(2);
    expect(chisqTest([[3, 4]])).toBeNull();
    expect(
      chisqTest([
        [3, 0],
        [4, 0],
      ]),
    ).toBeNull();
  });

  it('expected counts', () => {
    expect(
      expectedCounts([
        [10, 20],
        [30, 40],
      ]),
    ).toEqual([
      [12, 18],
      [28, 42],
    ]);
  });
});

describe('standardisedDifference', () => {
  it('is (p1 − p2) / √((p1(1 − p1) + p2(1 − p2)) / 2)', () => {
    // (0.5 - 0.4) / sqrt((0.25 + 0.24) / 2) = 0.20203050891044214
    close(standardisedDifference(0.5, 0.4), 0.1 / Math.sqrt(0.245), 'd');
    close(standardisedDifference(0.1, 0.3), -0.2 / Math.sqrt((0.09 + 0.21) / 2), 'd');
  });

  it('is 0 for equal proportions, null when it is undefined', () => {
    expect(standardisedDifference(0, 0)).toBe(0);
    expect(standardisedDifference(1, 1)).toBe(0);
    expect(standardisedDifference(0, 1)).toBeNull();
  });
});
