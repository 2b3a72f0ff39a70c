import { describe, expect, it } from 'vitest';
import { findReturns } from '../../src/analyses/repeats.js';
import { course, d } from '../helpers.js';

const opts = { from: d('2025-01-01'), to: d('2025-12-31'), windowDays: 365, minGapDays: 0 };

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
