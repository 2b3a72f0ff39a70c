/**
 * compare with the person as the unit (docs/definitions.md#compare-unit) and the cluster-robust
 * intervals of --unit course, on hand-built courses; every value worked out by hand in the
 * comments (the sandwich variance also in R: fixtures/compare/cluster.R).
 */
import { describe, expect, it } from 'vitest';
import {
  compare as compareStore,
  type BinaryResult,
  type CompareOptions,
  type NumericResult,
  type OutcomeSpec,
} from '../../src/analyses/compare/index.js';
import type { Course } from '../../src/schema/course.js';
import { buildVocabSet, DEFAULT_VOCABULARIES } from '../../src/schema/vocab.js';
import { clusterRobustDifference } from '../../src/stats/cluster.js';
import { course as testCourse, d, storeOf } from '../helpers.js';

const vocab = buildVocabSet(DEFAULT_VOCABULARIES);
let refNo = 0;
const OTHER = 'Overgået til jobcenter';

function course(
  personId: string,
  group: string,
  randomised: string | null,
  start: string,
  end: string | null,
  exitReason: string | null = end === null ? null : 'Ordinært job',
  x: Partial<Course> = {},
): Course {
  return testCourse(`line ${++refNo}`, personId, start, end, { group, randomised, exitReason, ...x }, vocab);
}

const compare = (rows: readonly Course[], o: CompareOptions) => compareStore(storeOf(rows), o);

function options(outcomes: OutcomeSpec[], x: Partial<CompareOptions> = {}): CompareOptions {
  return {
    group: { source: { kind: 'field', header: 'Forsøgsgruppe' } },
    declaredRandomised: true,
    outcomes,
    vocab,
    unit: 'person',
    asOf: d('2025-06-30'),
    exact: false,
    correct: true,
    balance: false,
    ...x,
  };
}

const jobWithin12m: OutcomeSpec = {
  kind: 'binary',
  text: 'job within 12m',
  ref: { kind: 'field', field: 'exitGroup' },
  values: ['job'],
  within: { n: 12, unit: 'm' },
};

/**
 * Persons (extract date 2025-06-30), "job within 12m" from the randomisation date:
 * p1 T, rand. 2024-01-01: a course ended to another exit (2024-03-01), then one to job on
 *    2024-09-01 ≤ 2024-12-31 → success (day 245 from randomisation).
 * p2 T, rand. 2024-01-01: to job on 2025-02-01 > 2024-12-31, deadline passed → failure.
 * p3 T, rand. 2025-01-01: ended to another exit 2025-02-01, deadline 2025-12-31 not reached → censored.
 * p4 C, rand. 2024-03-01: ongoing, deadline 2025-02-28 passed → failure.
 * p5 C, rand. 2024-03-01: to job 2024-05-01 → success.
 * p6 C, no randomisation date: from its start 2024-05-01, to job 2024-06-01 → success.
 * p7 C, rand. 2024-06-01: to job 2024-05-15, before randomisation → no success; deadline
 *    2025-05-31 passed → failure.
 * Persons: treatment 1 of 2 (1 censored), control 2 of 4.
 * Courses (each from its own start): T A failure, B success, p2 failure (deadline 2025-01-31),
 * p3 ended to other → failure: 1 of 4; C p4 failure (2025-03-04), p5, p6 success, p7 (start
 * 2024-05-01, job 2024-05-15) success: 3 of 4.
 */
function trial(): Course[] {
  refNo = 0;
  return [
    course('p1', 'treatment', '2024-01-01', '2024-01-10', '2024-03-01', OTHER),
    course('p1', 'treatment', '2024-01-01', '2024-06-01', '2024-09-01'),
    course('p2', 'treatment', '2024-01-01', '2024-02-01', '2025-02-01'),
    course('p3', 'treatment', '2025-01-01', '2025-01-05', '2025-02-01', OTHER),
    course('p4', 'control', '2024-03-01', '2024-03-05', null),
    course('p5', 'control', '2024-03-01', '2024-04-01', '2024-05-01'),
    course('p6', 'control', null, '2024-05-01', '2024-06-01'),
    course('p7', 'control', '2024-06-01', '2024-05-01', '2024-05-15'),
  ];
}

describe('--unit person', () => {
  it('one observation per person, the outcome over the person’s courses from the randomisation date', () => {
    const res = compare(trial(), options([jobWithin12m]));
    expect(res.unit).toBe('person');
    expect(res.n).toEqual({ treatment: 3, control: 4 });
    expect(res.clustered).toBe(false);
    expect(res.origins).toMatchObject({ fromRandomised: 6, fromFirstStart: 1, conflicting: 0 });
    const r = res.outcomes[0] as BinaryResult;
    expect(r.arms.treatment).toEqual({ n: 2, successes: 1, missing: 0, censored: 1 });
    expect(r.arms.control).toEqual({ n: 4, successes: 2, missing: 0, censored: 0 });
    expect(r.difference).toBeCloseTo(0.5 - 0.5, 12);
  });

  it('the same rows as courses: each course from its own start', () => {
    const res = compare(trial(), options([jobWithin12m], { unit: 'course' }));
    const r = res.outcomes[0] as BinaryResult;
    expect(r.arms.treatment).toMatchObject({ n: 4, successes: 1, censored: 0 });
    expect(r.arms.control).toMatchObject({ n: 4, successes: 3 });
    // p1 has two courses: the intervals are also given clustered by person.
    expect(res.clustered).toBe(true);
    expect(r.cluster).not.toBeNull();
  });

  it('default (auto): person when each person is in one group', () => {
    expect(compare(trial(), options([jobWithin12m], { unit: 'auto' })).unit).toBe('person');
  });

  it('without "within": any ended course with the value; missing while no course has ended', () => {
    const toJob: OutcomeSpec = {
      kind: 'binary',
      text: 'exitGroup=job',
      ref: jobWithin12m.ref,
      values: ['job'],
    };
    const r = compare(trial(), options([toJob])).outcomes[0] as BinaryResult;
    // T: p1 (B job), p2 job, p3 other → 2 of 3. C: p4 ongoing → missing; p5, p6, p7 job → 3 of 3.
    expect(r.arms.treatment).toMatchObject({ n: 3, successes: 2, missing: 0 });
    expect(r.arms.control).toMatchObject({ n: 3, successes: 3, missing: 1 });
  });

  it('duration: the person’s days in courses, once all have ended', () => {
    const dur: OutcomeSpec = { kind: 'numeric', text: 'duration', ref: { kind: 'duration' } };
    const r = compare(trial(), options([dur])).outcomes[0] as NumericResult;
    // T: p1 52 + 93 = 145, p2 367 (2024-02-01..2025-02-01), p3 28 → mean 540/3 = 180.
    expect(r.arms.treatment).toMatchObject({ n: 3, missing: 0 });
    expect(r.arms.treatment.mean).toBeCloseTo(180, 12);
    // C: p4 ongoing → missing; p5 31, p6 32, p7 15 → mean 26.
    expect(r.arms.control).toMatchObject({ n: 3, missing: 1 });
    expect(r.arms.control.mean).toBeCloseTo(26, 12);
  });

  it('weekly: time from randomisation to the first course ended to job', () => {
    const res = compare(trial(), options([], { weekly: { weeks: 52, exitGroups: ['job'] } }));
    const t = res.weekly!.arms.treatment;
    // p1 exits on day 245 (week 35); p2's job (day 398) is after week 52: censored there; p3 is
    // censored on the extract date, day 181, having exited otherwise. At day 245 p1 and p2 are at
    // risk: S = 1/2, so the share at week 52 is 0.5 and at week 34 still 0.
    expect(t).toMatchObject({ n: 3, censored: 1, otherExits: 1 });
    expect(t.points[33]!.share).toBe(0);
    expect(t.points[34]!.share).toBeCloseTo(0.5, 12);
    expect(t.points[51]!.share).toBeCloseTo(0.5, 12);
  });

  it('baseline fields from the person’s first course; conflicting randomisation dates: the earliest', () => {
    refNo = 0;
    const rows = [
      course('p1', 'treatment', '2024-02-01', '2024-03-01', '2024-04-01', OTHER, { unit: 'Syd' }),
      course('p1', 'treatment', '2024-01-01', '2024-01-05', '2024-02-01', OTHER, { unit: 'Nord' }),
      course('p2', 'control', '2024-01-01', '2024-01-05', '2024-02-01', OTHER, { unit: 'Nord' }),
    ];
    const res = compare(rows, options([jobWithin12m], { by: [{ kind: 'field', field: 'unit' }] }));
    expect(res.origins).toMatchObject({ conflicting: 1, fromRandomised: 2 });
    // p1's first course (start 2024-01-05) is in Nord: both persons in Nord.
    expect(res.by!.groups.map((g) => g.value)).toEqual(['Nord']);
  });

  it('a person file: a person on two rows is an error naming the rows', () => {
    refNo = 0;
    const rows = [
      course('p1', 'treatment', null, '2024-01-01', null),
      course('p1', 'treatment', null, '2024-01-01', null),
      course('p2', 'control', null, '2024-01-01', null),
    ];
    expect(() =>
      compare(rows, options([], { balance: true, personFile: true, asOf: null, source: 'p.csv' })),
    ).toThrow(
      /^p\.csv: 1 person occurs on more than one row \(line 1 and line 2\); a person file must have one row/,
    );
  });
});

describe('--balance-fields', () => {
  it('a column by header: counts by group and Pearson chi-square as R', () => {
    refNo = 0;
    const rows = ['A', 'A', 'B'].map((v, k) =>
      course(`t${k}`, 'treatment', null, '2024-01-01', null, null, { extra: { Område: v } }),
    );
    rows.push(
      ...['A', 'B', 'B'].map((v, k) =>
        course(`c${k}`, 'control', null, '2024-01-01', null, null, { extra: { Område: v } }),
      ),
    );
    const res = compare(
      rows,
      options([], {
        balance: true,
        balanceFields: [
          { kind: 'column', name: 'Område' },
          { kind: 'field', field: 'targetGroup' },
        ],
      }),
    );
    const b = res.balance!.results[0]!;
    expect(b.field).toBe('Område');
    expect(b.rows.map((r) => [r.value, r.counts.treatment, r.counts.control])).toEqual([
      ['A', 2, 1],
      ['B', 1, 2],
    ]);
    // chisq.test(matrix(c(2, 1, 1, 2), 2), correct = FALSE): X-squared = 0.666666666666667, p = 0.414216178242525
    expect(b.chisq!.statistic).toBeCloseTo(2 / 3, 12);
    expect(b.chisq!.df).toBe(1);
    expect(b.chisq!.pValue).toBeCloseTo(0.414216178242525, 12);
    // No row has a target group: named as skipped.
    expect(res.balance!.skipped).toEqual(['targetGroup']);
  });
});

describe('cluster-robust difference (sandwich by person)', () => {
  it('hand-worked: V = G/(G−1)·(n−1)/(n−2)·Σ(T_g/n_T − C_g/n_C)²', () => {
    // T: y 1, 0 (person 1), 1 (person 2); C: 0 (person 3), 0, 1 (person 4). Means 2/3 and 1/3.
    // Residuals T 1/3, −2/3, 1/3; C −1/3, −1/3, 2/3. Scores: p1 (1/3 − 2/3)/3 = −1/9, p2 1/9,
    // p3 −(−1/3)/3 = 1/9, p4 −(−1/3 + 2/3)/3 = −1/9: Σ = 4/81. V = 4/3 · 5/4 · 4/81 = 20/243.
    const c = clusterRobustDifference([
      { treated: 1, y: 1, cluster: 1 },
      { treated: 1, y: 0, cluster: 1 },
      { treated: 1, y: 1, cluster: 2 },
      { treated: 0, y: 0, cluster: 3 },
      { treated: 0, y: 0, cluster: 4 },
      { treated: 0, y: 1, cluster: 4 },
    ])!;
    expect(c.difference).toBeCloseTo(1 / 3, 14);
    expect(c.se).toBeCloseTo(Math.sqrt(20 / 243), 14);
    expect(c.clusters).toBe(4);
    // R: 1/3 + c(-1, 1) * qnorm(0.975) * sqrt(20/243) (fixtures/compare/cluster.R)
    expect(c.ci[0]).toBeCloseTo(-0.228956138614, 11);
    expect(c.ci[1]).toBeCloseTo(0.895622805281, 11);
  });

  it('null without both groups or with one cluster', () => {
    expect(clusterRobustDifference([{ treated: 1, y: 1, cluster: 1 }])).toBeNull();
    expect(
      clusterRobustDifference([
        { treated: 1, y: 1, cluster: 1 },
        { treated: 0, y: 0, cluster: 1 },
        { treated: 0, y: 1, cluster: 1 },
      ]),
    ).toBeNull();
  });
});
