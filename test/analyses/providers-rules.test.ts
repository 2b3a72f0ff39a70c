/**
 * The rules of the provider benchmark on six hand-written courses, every figure worked by hand:
 * which courses count (ended in the period; no provider → left out and counted), a person at two
 * providers (once per course, counted), ongoing courses (no outcome, or censored for "within"),
 * and indirect standardisation with a missing value as its own stratum.
 */
import { describe, expect, it } from 'vitest';
import { providers } from '../../src/analyses/providers/index.js';
import type { ProvidersOptions } from '../../src/analyses/providers/types.js';
import { parsePeriod } from '../../src/base/period.js';
import { buildVocabSet, DEFAULT_VOCABULARIES } from '../../src/schema/vocab.js';
import { course, d, storeOf } from '../helpers.js';

const DEFAULT_VOCAB = buildVocabSet(DEFAULT_VOCABULARIES);

const store = storeOf([
  course('1', 'p1', '2025-01-10', '2025-02-10', {
    unit: 'A',
    exitReason: 'Ordinært job',
    targetGroup: 'Jobparat kontanthjælpsmodtager',
  }),
  course('2', 'p2', '2025-03-01', '2025-04-01', {
    unit: 'A',
    exitReason: 'Sygdom',
    targetGroup: 'Jobparat kontanthjælpsmodtager',
  }),
  course('3', 'p3', '2025-05-01', null, { unit: 'A', targetGroup: 'Jobparat kontanthjælpsmodtager' }),
  course('4', 'p1', '2025-06-01', '2025-07-01', {
    unit: 'B',
    exitReason: 'Ordinært job',
    targetGroup: 'Aktivitetsparat kontanthjælpsmodtager',
  }),
  course('5', 'p4', '2024-11-01', '2024-12-01', { unit: 'B', exitReason: 'Ordinært job' }),
  course('6', 'p5', '2025-02-01', '2025-03-01', { exitReason: 'Ordinært job' }),
]);

const options = (o: Partial<ProvidersOptions> = {}): ProvidersOptions => ({
  by: [{ kind: 'field', field: 'unit' }],
  outcomes: [
    { kind: 'binary', text: 'exitGroup=job', ref: { kind: 'field', field: 'exitGroup' }, values: ['job'] },
  ],
  vocab: DEFAULT_VOCAB,
  asOf: d('2025-07-01'),
  adjust: [],
  model: false,
  confLevel: 0.95,
  ...o,
});

describe('providers on hand-worked courses', () => {
  it('counts each course at its provider, the person at two providers once in the note', () => {
    const r = providers(store, options());
    expect([r.courses, r.noProvider, r.personsInSeveral]).toEqual([5, 1, 1]);
    const [a, b] = r.outcomes[0]!.providers;
    // A: courses 1 (job), 2 (not job), 3 (ongoing: no outcome); B: courses 4 and 5, both job.
    expect([a!.value, a!.n, a!.successes, a!.missing]).toEqual(['A', 2, 1, 1]);
    expect([b!.value, b!.n, b!.successes, b!.missing]).toEqual(['B', 2, 2, 0]);
    expect([r.outcomes[0]!.total.n, r.outcomes[0]!.total.successes]).toEqual([4, 3]);
    // A vs the others: 1/2 − 2/2 = −0.5.
    expect(a!.vsOthers!.difference).toBe(-0.5);
  });
  it('takes the courses ended in the period', () => {
    const r = providers(store, options({ period: parsePeriod('2025') }));
    // Course 3 is ongoing and course 5 ended in 2024: A has 1 and 2, B has 4.
    const [a, b] = r.outcomes[0]!.providers;
    expect([a!.n, a!.successes, a!.missing, b!.n, b!.successes]).toEqual([2, 1, 0, 1, 1]);
    expect(r.courses).toBe(3);
  });
  it('leaves an ongoing course out as censored for "within" while its deadline is after the as-of date', () => {
    const within = options({
      outcomes: [
        {
          kind: 'binary',
          text: 'job within 3m',
          ref: { kind: 'field', field: 'exitGroup' },
          values: ['job'],
          within: { n: 3, unit: 'm' },
        },
      ],
    });
    // Course 3 started 01-05-2025: deadline 31-07-2025, after the as-of date 01-07-2025.
    const a = providers(store, within).outcomes[0]!.providers[0]!;
    expect([a.n, a.successes, a.censored, a.missing]).toEqual([2, 1, 1, 0]);
  });
  it('standardises with a missing target group as the stratum "Uoplyst"', () => {
    const s = providers(store, options({ adjust: [{ kind: 'field', field: 'targetGroup' }] })).outcomes[0]!
      .standardisation!;
    // Rates: Jobparat 1/2 (courses 1, 2), Aktivitetsparat 1/1 (course 4), Uoplyst 1/1 (course 5).
    // E_A = 2 × 0.5 = 1, E_B = 1 + 1 = 2; every stratum has one provider only.
    expect(s.rows.map((r) => [r.value, r.observed, r.expected, r.ratio])).toEqual([
      ['A', 1, 1, 1],
      ['B', 2, 2, 1],
    ]);
    expect([s.strata, s.small.strata, s.small.courses, s.singleProvider]).toEqual([3, 3, 4, 4]);
  });
});
