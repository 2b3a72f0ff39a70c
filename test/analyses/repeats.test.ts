import { describe, expect, it } from 'vitest';
import { findReturns, inWindow, windowEnd, type RepeatOptions } from '../../src/analyses/repeats.js';
import type { Course } from '../../src/schema/course.js';
import { buildVocabSet, DEFAULT_VOCABULARIES } from '../../src/schema/vocab.js';
import { course, d } from '../helpers.js';

const vocab = buildVocabSet(DEFAULT_VOCABULARIES);
const opts: RepeatOptions = {
  from: d('2025-01-01'),
  to: d('2025-12-31'),
  window: { n: 12, unit: 'm' },
  minGapDays: 0,
  vocab,
};

describe('findReturns', () => {
  it('counts a person with three courses once, returning from the course that ended last', () => {
    // A: a1 ends 2024-11-30, a2 2025-01-15…2025-03-31, a3 starts 2025-06-01.
    // a2 returns from a1 (gap 46 days) — the first return in the period is the one counted.
    const a = [
      course('a1', 'A', '2024-06-01', '2024-11-30'),
      course('a2', 'A', '2025-01-15', '2025-03-31'),
      course('a3', 'A', '2025-06-01', null),
    ];
    const r = findReturns(a, opts);
    expect(r.startedPersons).toBe(1);
    expect(r.returns).toHaveLength(1);
    expect(r.returns[0]).toMatchObject({ course: { ref: 'a2' }, previous: { ref: 'a1' } });
  });

  it('takes the latest earlier end when several courses qualify', () => {
    // b3 starts 2025-02-01; b1 ended 2024-03-01 (337 days before), b2 ended 2025-01-20 (12 days).
    const b = [
      course('b1', 'B', '2024-01-01', '2024-03-01'),
      course('b2', 'B', '2024-10-01', '2025-01-20'),
      course('b3', 'B', '2025-02-01', null),
    ];
    expect(findReturns(b, opts).returns[0]).toMatchObject({ course: { ref: 'b3' }, previous: { ref: 'b2' } });
  });

  it('ignores an earlier course still running, or ending on the start day, but finds an older one', () => {
    // c2 starts inside c1 (no end yet at that point: c1 ends after); c3 starts on c2's end day (gap 0).
    const c = [
      course('c1', 'C', '2025-01-01', '2025-05-01'),
      course('c2', 'C', '2025-03-01', '2025-06-30'),
      course('c3', 'C', '2025-06-30', null),
    ];
    const r = findReturns(c, opts);
    expect(r.startedPersons).toBe(1);
    // c3 starts 2025-06-30: c1 ended 2025-05-01 (gap 60) → a return from c1; c2's end is not before c3's start.
    expect(r.returns[0]).toMatchObject({ course: { ref: 'c3' }, previous: { ref: 'c1' } });
  });
});

describe('findReturns: the window in calendar months or days (end₁ < start₂ ≤ end₁ + W)', () => {
  const returns = (end: string, start: string, o: Partial<RepeatOptions> = {}) =>
    findReturns([course('x1', 'X', '2020-01-01', end), course('x2', 'X', start, null)], {
      ...opts,
      from: d('2020-01-01'),
      to: d('2030-12-31'),
      ...o,
    }).returns.length;
  const months = (n: number) => ({ window: { n, unit: 'm' as const } });
  const days = (n: number) => ({ window: { n, unit: 'd' as const } });

  it('12m: 31-01-2024 + 12 months = 31-01-2025: a start that day is a return, the next day is not', () => {
    expect(returns('2024-01-31', '2025-01-31')).toBe(1);
    expect(returns('2024-01-31', '2025-02-01')).toBe(0);
    // 2025 has no 29 February: one month past 31-01-2025 the window would end on 28-02-2025.
    expect(returns('2024-01-31', '2024-02-29', months(1))).toBe(1); // 31 Jan + 1 month = 29 Feb 2024
    expect(returns('2024-01-31', '2024-03-01', months(1))).toBe(0);
  });

  it('12m from 29-02 and 28-02: the month end is clamped, never overrun', () => {
    expect(returns('2024-02-29', '2025-02-28')).toBe(1); // 29 Feb 2024 + 12 months = 28 Feb 2025
    expect(returns('2024-02-29', '2025-03-01')).toBe(0);
    expect(returns('2023-02-28', '2024-02-28')).toBe(1); // 28 Feb 2023 + 12 months = 28 Feb 2024
    expect(returns('2023-02-28', '2024-02-29')).toBe(0); // the leap day is past the window
  });

  it('365d vs 12m across a leap year: 01-03-2023 → 01-03-2024 is 366 days', () => {
    expect(returns('2023-03-01', '2024-03-01')).toBe(1); // 12m: 01-03-2024 ≤ 01-03-2024
    expect(returns('2023-03-01', '2024-03-01', days(365))).toBe(0); // 366 > 365
    expect(returns('2023-03-01', '2024-02-29', days(365))).toBe(1); // 365 days
    expect(returns('2023-03-01', '2024-03-01', days(366))).toBe(1);
  });

  it('6m: 01-07-2025 + 6 months = 01-01-2026 (184 days): a return', () => {
    expect(returns('2025-07-01', '2026-01-01', months(6))).toBe(1);
    expect(returns('2025-07-01', '2026-01-02', months(6))).toBe(0);
  });
});

describe('findReturns: ties never depend on row order (docs/definitions.md#tie-breaks)', () => {
  const both = (courses: Course[]) => [findReturns(courses, opts), findReturns([...courses].reverse(), opts)];

  it('of two courses started the same day, the one that ends later counts (ongoing latest)', () => {
    const courses = [
      course('k1', 'K', '2024-01-01', '2024-12-31', { exitReason: 'Ordinært job' }),
      course('k2', 'K', '2025-02-01', '2025-03-01', { targetGroup: 'Jobparat kontanthjælpsmodtager' }),
      course('k3', 'K', '2025-02-01', null, { targetGroup: 'Forsikret ledig' }),
      // L: not a return; equal ends, so the target group's vocabulary order decides.
      course('l1', 'L', '2025-05-01', '2025-06-01', { targetGroup: 'Forsikret ledig' }),
      course('l2', 'L', '2025-05-01', '2025-06-01', { targetGroup: 'Jobparat kontanthjælpsmodtager' }),
    ];
    for (const r of both(courses)) {
      expect(r.startedPersons).toBe(2);
      expect(r.returns.map((x) => x.course.ref)).toEqual(['k3']);
      expect(r.startedCourses.map((c) => c.ref).sort()).toEqual(['k3', 'l2']);
    }
  });

  it('of two earlier courses ending the same day, the one that started later, then the vocabulary order', () => {
    const courses = [
      // M: m1 and m2 end the same day; m2 started later → m2 (Afbrudt, dropout).
      course('m1', 'M', '2024-01-01', '2024-12-31', { exitReason: 'Ordinært job' }),
      course('m2', 'M', '2024-06-01', '2024-12-31', { exitReason: 'Afbrudt' }),
      course('m3', 'M', '2025-02-01', null),
      // N: n1 and n2 equal on dates and category values: the exit reason's vocabulary order
      // (Uddannelse before Sygedagpenge) decides → n2.
      course('n1', 'N', '2024-06-01', '2024-12-31', { exitReason: 'Sygedagpenge' }),
      course('n2', 'N', '2024-06-01', '2024-12-31', { exitReason: 'Uddannelse' }),
      course('n3', 'N', '2025-02-01', null),
    ];
    for (const r of both(courses)) {
      const previous = Object.fromEntries(r.returns.map((x) => [x.course.ref, x.previous.ref]));
      expect(previous).toEqual({ m3: 'm2', n3: 'n2' });
    }
  });
});

describe('inWindow: the short cut around addMonths agrees with end₁ + N months', () => {
  it('for every end day of 2023-2025 and every gap up to 31·N + 2, N = 1, 6, 12', () => {
    for (const n of [1, 6, 12])
      for (let end = d('2023-01-01'); end <= d('2025-12-31'); end++)
        for (let gap = 1; gap <= 31 * n + 2; gap += n === 1 ? 1 : 7)
          expect(inWindow(end, gap, { n, unit: 'm' })).toBe(end + gap <= windowEnd(end, { n, unit: 'm' }));
  });
});
