/**
 * Key figures on ten persons built to hit the period edges. Every expected value is worked out
 * by hand below (day counts, type-7 quartiles), not taken from the program.
 * Period 2025H1 = 2025-01-01 … 2025-06-30, as-of = 2025-06-30.
 */
import { describe, expect, it } from 'vitest';
import { keyFigures, lastDueDay, type KeyFigureOptions } from '../../src/analyses/keyfigures.js';
import { addMonths } from '../../src/base/dates.js';
import { parsePeriod } from '../../src/base/period.js';
import { buildVocabSet, DEFAULT_VOCABULARIES } from '../../src/schema/vocab.js';
import type { Course } from '../../src/schema/course.js';
import { course, d } from '../helpers.js';

const vocab = buildVocabSet(DEFAULT_VOCABULARIES);

const fu = (one: string | null, three: string | null = null) => ({ 1: one, 3: three, 6: null, 12: null });
const JP = 'Jobparat kontanthjælpsmodtager';
const FL = 'Forsikret ledig';

export const COURSES: Course[] = [
  // P1: ends on the period's first day: active and ended; 2024-10-01…2025-01-01 = 93 days.
  course('c1', 'P1', '2024-10-01', '2025-01-01', {
    exitReason: 'Ordinært job',
    unit: 'Park',
    targetGroup: JP,
    education: 'Grundskole',
    ageAtStart: 24,
    gender: 'M',
    followUp: fu('Job', 'Job'),
  }),
  // P2: starts on the period's last day, ongoing: 1 day so far.
  course('c2', 'P2', '2025-06-30', null, {
    unit: 'Park',
    targetGroup: FL,
    education: 'Erhvervsfaglig',
    ageAtStart: 25,
    gender: 'K',
  }),
  // P3: same-day course, dropped out; no 1-month status recorded.
  course('c3', 'P3', '2025-03-10', '2025-03-10', {
    exitReason: 'Afbrudt',
    unit: 'Park',
    targetGroup: JP,
    ageAtStart: 30,
    gender: 'M',
    followUp: fu(null, 'Forsørgelsesydelse'),
  }),
  // P4: overlapping courses; c4 ongoing since 2024-12-01 (212 days at 30 June), c5 89 days.
  course('c4', 'P4', '2024-12-01', null, {
    unit: 'Park',
    targetGroup: JP,
    education: 'Lang videregående (LVU)',
    ageAtStart: 48,
    gender: 'K',
  }),
  course('c5', 'P4', '2025-02-01', '2025-04-30', {
    exitReason: 'Uddannelse',
    unit: 'Maler',
    targetGroup: 'Åbenlyst uddannelsesparat',
    education: 'Grundskole',
    ageAtStart: 49,
    gender: 'K',
    followUp: fu('Job'),
  }),
  // P5: returns exactly 365 days after the end of an earlier (other unit's) course.
  course('c6', 'P5', '2024-01-15', '2024-03-31', { exitReason: 'Ordinært job', unit: 'Maler' }),
  course('c7', 'P5', '2025-03-31', null, {
    unit: 'Park',
    targetGroup: FL,
    education: 'Gymnasial',
    ageAtStart: 50,
    gender: 'M',
  }),
  // P6: 366 days after the earlier end (2024 is a leap year): not a return. No age or gender.
  course('c8', 'P6', '2024-01-01', '2024-03-30', { exitReason: 'Afbrudt', unit: 'Maler' }),
  course('c9', 'P6', '2025-03-31', '2025-05-15', {
    exitReason: 'Overgået til jobcenter',
    unit: 'Maler',
    targetGroup: JP,
    education: 'Grundskole',
    followUp: fu('Uddannelse'),
  }),
  // P7 ended before the period, P8 starts after it: in no figure.
  course('c10', 'P7', '2024-05-01', '2024-12-31', { exitReason: 'Ordinært job', unit: 'Park' }),
  course('c11', 'P8', '2025-07-01', null, { unit: 'Park' }),
  // P9: restarts the day after the end (gap 1): a return unless --min-gap-days ≥ 1.
  course('c12', 'P9', '2025-01-10', '2025-02-14', {
    exitReason: 'Sygedagpenge',
    unit: 'Maler',
    targetGroup: FL,
    education: 'Grundskole',
    ageAtStart: 29,
    gender: 'K',
    followUp: fu('Job', 'Job'),
  }),
  course('c13', 'P9', '2025-02-15', null, {
    unit: 'Maler',
    targetGroup: JP,
    education: 'Erhvervsfaglig',
    ageAtStart: 29,
    gender: 'K',
  }),
  // P10: ends on the period's last day with a reason not in the vocabulary.
  course('c14', 'P10', '2025-04-01', '2025-06-30', {
    exitReason: 'Stoppet af andre årsager',
    unit: 'Maler',
    education: 'Grundskole',
    ageAtStart: 60,
    gender: 'M',
  }),
];

const period = parsePeriod('2025H1');
const opts: KeyFigureOptions = {
  period,
  asOf: period.to,
  window: { n: 12, unit: 'm' },
  minGapDays: 0,
  vocab,
};

describe('keyFigures, 2025H1', () => {
  const k = keyFigures(COURSES, opts);

  it('counts citizens in the programme', () => {
    // active: c1 c2 c3 c4 c5 c7 c9 c12 c13 c14; started: c2 c3 c5 c7 c9 c12 c13 c14; ongoing: c2 c4 c7 c13
    expect(k.active).toEqual({ courses: 10, persons: 8 });
    expect(k.started).toEqual({ courses: 8, persons: 7 });
    expect(k.ongoing.courses).toBe(4);
    expect(k.ongoing.persons).toBe(4);
  });

  it('summarises the duration so far of ongoing courses (type-7 quartiles)', () => {
    // [1, 92, 136, 212]: mean 441/4; median (92+136)/2; q1 = 1 + .75·91; q3 = 136 + .25·76
    expect(k.ongoing.durationDays).toEqual({
      n: 4,
      mean: 110.25,
      median: 114,
      q1: 69.25,
      q3: 155,
      min: 1,
      max: 212,
    });
  });

  it('counts ended courses by reason and group', () => {
    expect(k.ended.courses).toBe(6);
    expect(k.ended.persons).toBe(6);
    expect(k.ended.byReason.map((r) => [r.value, r.count, r.group])).toEqual([
      ['Ordinært job', 1, 'job'],
      ['Uddannelse', 1, 'education'],
      ['Overgået til jobcenter', 1, 'jobcentre'],
      ['Sygedagpenge', 1, 'benefit'],
      ['Afbrudt', 1, 'dropout'],
      ['Stoppet af andre årsager', 1, null],
    ]);
    expect(Object.fromEntries(k.ended.byGroup.map((g) => [g.value, g.count]))).toEqual({
      job: 1,
      education: 1,
      jobActivity: 0,
      jobcentre: 1,
      benefit: 1,
      other: 0,
      dropout: 1,
      unknown: 0,
      unmapped: 1,
    });
  });

  it('summarises the duration of ended courses, overall and by group', () => {
    // [1, 36, 46, 89, 91, 93]: mean 356/6; median (46+89)/2; q1 = 36 + .25·10; q3 = 89 + .75·2
    const s = k.ended.durationDays;
    expect(s).toMatchObject({ n: 6, median: 67.5, q1: 38.5, q3: 90.5, min: 1, max: 93 });
    expect(s.mean).toBeCloseTo(356 / 6, 12);
    expect(k.ended.durationDaysByGroup.job).toMatchObject({ n: 1, median: 93 });
    expect(k.ended.durationDaysByGroup.benefit).toMatchObject({ n: 1, median: 36 });
    expect(k.ended.durationDaysByGroup.other).toMatchObject({ n: 0, median: null });
  });

  it('describes active persons once each, by their latest active course', () => {
    const m = k.mix;
    expect(m.persons).toBe(8);
    // P4 counts as c5 (Åbenlyst, Grundskole, 49), P9 as c13 (Jobparat, Erhvervsfaglig).
    expect(m.targetGroup).toEqual([
      { value: JP, count: 4 },
      { value: 'Åbenlyst uddannelsesparat', count: 1 },
      { value: FL, count: 2 },
      { value: 'Uoplyst', count: 1 },
    ]);
    expect(m.education).toEqual([
      { value: 'Grundskole', count: 4 },
      { value: 'Gymnasial', count: 1 },
      { value: 'Erhvervsfaglig', count: 2 },
      { value: 'Uoplyst', count: 1 },
    ]);
    expect(m.ageBand).toEqual([
      { value: '<25', count: 1 },
      { value: '25-29', count: 2 },
      { value: '30-39', count: 1 },
      { value: '40-49', count: 1 },
      { value: '50+', count: 2 },
      { value: 'Uoplyst', count: 1 },
    ]);
    expect(m.gender).toEqual([
      { value: 'M', count: 4 },
      { value: 'K', count: 3 },
      { value: 'Uoplyst', count: 1 },
    ]);
  });

  it('follows up ended courses only where the horizon has passed', () => {
    const [h1, h3, h6, h12] = k.followUp;
    // 1 month: c1 02-01, c3 04-10, c5 05-30, c9 06-15, c12 03-14 due; c14 07-30 not yet.
    expect(h1).toEqual({
      horizon: 1,
      cohort: { from: period.from, to: period.to },
      ended: 6,
      notCovered: 0,
      byExitGroup: null,
      due: 5,
      notDue: 1,
      unrecorded: 1,
      byStatus: [
        { value: 'Job', count: 3 },
        { value: 'Uddannelse', count: 1 },
        { value: 'Uoplyst', count: 1 },
      ],
    });
    // 3 months: c1 04-01, c3 06-10, c12 05-14 due.
    expect(h3).toEqual({
      horizon: 3,
      cohort: { from: period.from, to: period.to },
      ended: 6,
      notCovered: 0,
      byExitGroup: null,
      due: 3,
      notDue: 3,
      unrecorded: 0,
      byStatus: [
        { value: 'Job', count: 2 },
        { value: 'Forsørgelsesydelse', count: 1 },
      ],
    });
    // 6 months: c1 would be due 2025-07-01, one day after as-of.
    expect(h6).toMatchObject({ due: 0, notDue: 6, byStatus: [] });
    expect(h12).toMatchObject({ due: 0, notDue: 6 });
  });

  it('counts repeat users: end + 12 calendar months is a return, the day after is not, the next day is', () => {
    // P5: 2024-03-31 + 12 months = 2025-03-31 = its start; P6: 2024-03-30 + 12 months = 2025-03-30 < 2025-03-31.
    expect(k.repeats).toEqual({ startedPersons: 7, returning: 2 }); // P5, P9
    expect(keyFigures(COURSES, { ...opts, minGapDays: 1 }).repeats.returning).toBe(1); // P5 only
    // In days: P5 is 365 days after its end (a return under 365d), P6 366 (a return only from 366d).
    expect(keyFigures(COURSES, { ...opts, window: { n: 365, unit: 'd' } }).repeats.returning).toBe(2);
    expect(keyFigures(COURSES, { ...opts, window: { n: 366, unit: 'd' } }).repeats.returning).toBe(3); // + P6
  });

  it('moves follow-up with --as-of', () => {
    const later = keyFigures(COURSES, { ...opts, asOf: d('2025-07-01') });
    expect(later.followUp[2]).toMatchObject({ horizon: 6, due: 1, notDue: 5, unrecorded: 1 }); // c1, no 6-month status
  });
});

describe('keyFigures per unit, with the whole history', () => {
  const park = COURSES.filter((c) => c.unit === 'Park');
  const maler = COURSES.filter((c) => c.unit === 'Maler');
  it('counts persons per unit (P4 is in both) and finds returns from another unit', () => {
    const kp = keyFigures(park, opts, COURSES);
    const km = keyFigures(maler, opts, COURSES);
    expect(kp.active).toEqual({ courses: 5, persons: 5 }); // c1 c2 c3 c4 c7
    expect(km.active).toEqual({ courses: 5, persons: 4 }); // c5 c9 c12 c13 c14
    // Park: P2, P3, P5 started; P5 returns from a Maler course. Maler: P4, P6, P9, P10; P9 returns.
    expect(kp.repeats).toEqual({ startedPersons: 3, returning: 1 });
    expect(km.repeats).toEqual({ startedPersons: 4, returning: 1 });
  });
});

describe('lastDueDay', () => {
  it('is the last day whose follow-up is due, as addMonths day by day says (month ends included)', () => {
    const from = d('2023-11-01');
    const to = d('2025-03-31');
    for (const months of [1, 3, 6, 12])
      for (const asOf of [
        d('2024-02-29'),
        d('2024-03-31'),
        d('2024-08-30'),
        d('2025-02-28'),
        d('2022-01-01'),
        d('2027-01-01'),
      ]) {
        const last = lastDueDay(from, to, months, asOf);
        for (let day = from; day <= to; day++)
          if (day <= last !== addMonths(day, months) <= asOf)
            throw new Error(`${months} months, as of ${asOf}: day ${day}`);
        expect(last).toBeGreaterThanOrEqual(from - 1);
      }
  });
});

describe('keyFigures: the latest course of a person never depends on row order', () => {
  // docs/definitions.md#tie-breaks: later start; then later end (ongoing latest); then the values
  // in vocabulary order (target group first), values outside the vocabulary after, empty last.
  const both = (courses: Course[]) => [keyFigures(courses, opts), keyFigures([...courses].reverse(), opts)];

  it('takes the course that ends later when two start on the same day (ongoing latest)', () => {
    const courses = [
      course('a', 'Q', '2025-02-01', null, { targetGroup: 'Åbenlyst uddannelsesparat' }),
      course('b', 'Q', '2025-02-01', '2025-03-01', { targetGroup: 'Jobparat kontanthjælpsmodtager' }),
      course('c', 'R', '2025-02-01', '2025-04-01', { targetGroup: 'Forsikret ledig' }),
      course('d', 'R', '2025-02-01', '2025-03-01', { targetGroup: 'Jobparat kontanthjælpsmodtager' }),
    ];
    for (const k of both(courses))
      expect(k.mix.targetGroup).toEqual([
        { value: 'Åbenlyst uddannelsesparat', count: 1 },
        { value: 'Forsikret ledig', count: 1 },
      ]);
  });

  it('then takes the values first in the vocabulary order, values outside it after, empty last', () => {
    const courses = [
      course('a', 'Q', '2025-02-01', '2025-03-01', { targetGroup: 'Aktivitetsparat kontanthjælpsmodtager' }),
      course('b', 'Q', '2025-02-01', '2025-03-01', { targetGroup: 'Jobparat kontanthjælpsmodtager' }),
      course('c', 'R', '2025-02-01', '2025-03-01', { targetGroup: 'Noget helt andet' }),
      course('d', 'R', '2025-02-01', '2025-03-01', { targetGroup: 'Forsikret ledig' }),
      course('e', 'S', '2025-02-01', '2025-03-01', { targetGroup: null, education: 'Grundskole' }),
      course('f', 'S', '2025-02-01', '2025-03-01', { targetGroup: 'Ånden', education: 'Gymnasial' }),
      // Equal target groups: the education decides.
      course('g', 'T', '2025-02-01', '2025-03-01', {
        targetGroup: 'Forsikret ledig',
        education: 'Gymnasial',
      }),
      course('h', 'T', '2025-02-01', '2025-03-01', {
        targetGroup: 'Forsikret ledig',
        education: 'Grundskole',
      }),
    ];
    for (const k of both(courses)) {
      expect(k.mix.targetGroup).toEqual([
        { value: 'Jobparat kontanthjælpsmodtager', count: 1 },
        { value: 'Forsikret ledig', count: 2 },
        { value: 'Ånden', count: 1 },
      ]);
      expect(k.mix.education).toEqual([
        { value: 'Grundskole', count: 1 },
        { value: 'Gymnasial', count: 1 },
        { value: 'Uoplyst', count: 2 },
      ]);
    }
  });
});
