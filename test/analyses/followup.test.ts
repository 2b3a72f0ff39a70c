/**
 * The follow-up cohorts and coverage (docs/definitions.md#follow-up), on hand-worked dates.
 */
import { describe, expect, it } from 'vitest';
import { cohortRange, followUpFigures, type FollowUpOptions } from '../../src/analyses/followup.js';
import { isoOf } from '../../src/base/dates.js';
import { parsePeriod } from '../../src/base/period.js';
import { storeOf } from '../../src/schema/course-store.js';
import { buildVocabSet, DEFAULT_VOCABULARIES } from '../../src/schema/vocab.js';
import { course, d } from '../helpers.js';

const vocab = buildVocabSet(DEFAULT_VOCABULARIES);
const range = (p: string, n: number) => {
  const { from, to } = parsePeriod(p);
  const r = cohortRange(from, to, n, 'lagged');
  return `${isoOf(r.from)}..${isoOf(r.to)}`;
};

describe('cohortRange (lagged)', () => {
  it('is the period N calendar months earlier for calendar periods', () => {
    expect(range('2025H2', 1)).toBe('2025-06-01..2025-11-30');
    expect(range('2025H2', 3)).toBe('2025-04-01..2025-09-30');
    expect(range('2025H2', 6)).toBe('2025-01-01..2025-06-30');
    expect(range('2025H2', 12)).toBe('2024-07-01..2024-12-31');
    // 30-06 − 1 month would be 30-05: the cohort ends on 31-05, the day before 01-07 − 1 month.
    expect(range('2025H1', 1)).toBe('2024-12-01..2025-05-31');
    expect(range('2024Q1', 1)).toBe('2023-12-01..2024-02-29');
    expect(range('2025-03', 1)).toBe('2025-02-01..2025-02-28');
  });

  it('tiles the days: consecutive periods have cohorts without a gap or an overlap', () => {
    // Custom periods of 10 days from 2025-01-25: each cohort begins the day after the last ends.
    let from = d('2025-01-25');
    let prevEnd: number | null = null;
    for (let k = 0; k < 12; k++) {
      const to = from + 9;
      const r = cohortRange(from, to, 1, 'lagged');
      if (prevEnd !== null) expect(r.from).toBe(prevEnd + 1);
      prevEnd = r.to;
      from = to + 1;
    }
  });

  it('is the period itself with --followup-cohort period', () => {
    const { from, to } = parsePeriod('2025H2');
    expect(cohortRange(from, to, 6, 'period')).toEqual({ from, to });
  });
});

describe('followUpFigures', () => {
  const opts: FollowUpOptions = {
    cohort: 'period',
    asOf: d('2025-12-31'),
    coveredFrom: null,
    consent: false,
    newCourse: true,
    byExitGroup: false,
  };
  const period = parsePeriod('2025H1');
  // Ended 2025-03-31: 1 month is 2025-04-30. A new course starting on that day counts, the day after not.
  const store = storeOf([
    course('a', 'P1', '2025-01-01', '2025-03-31', { exitReason: 'Afbrudt' }),
    course('b', 'P1', '2025-04-30', null),
    course('c', 'P2', '2025-01-01', '2025-03-31', { exitReason: 'Afbrudt' }),
    course('e', 'P2', '2025-05-01', null),
    // A course starting on the end day is not "after" it.
    course('f', 'P3', '2025-01-01', '2025-03-31', { exitReason: 'Afbrudt' }),
    course('g', 'P3', '2025-03-31', null),
  ]);

  it('shows a person who started a new course after the end and by the horizon as "I nyt forløb"', () => {
    const [h1, h3] = followUpFigures(store, period, opts, vocab, null);
    expect(h1!.byStatus).toEqual([
      { value: 'I nyt forløb', count: 1 }, // P1
      { value: 'Uoplyst', count: 2 }, // P2 a day late, P3 the same day
    ]);
    expect(h1!.unrecorded).toBe(2);
    // By 3 months (2025-06-30) P2 has started again too.
    expect(h3!.byStatus).toEqual([
      { value: 'I nyt forløb', count: 2 },
      { value: 'Uoplyst', count: 1 },
    ]);
  });

  it('leaves courses ended before --followup-from out of the denominator', () => {
    const [h1] = followUpFigures(store, period, { ...opts, coveredFrom: d('2025-04-01') }, vocab, null);
    expect(h1).toMatchObject({ ended: 3, notCovered: 3, due: 0, notDue: 0, byStatus: [] });
  });
});
