/** Steps (months, quarters, half-years, years) and their ranges; every value worked by hand. */
import { describe, expect, it } from 'vitest';
import {
  columnOfSlot,
  columnsBetween,
  completeBetween,
  parseStepRange,
  slotOf,
} from '../../src/base/steps.js';
import { d } from '../helpers.js';

const labels = (cols: { label: string }[]) => cols.map((c) => c.label);

describe('steps', () => {
  it('numbers consecutive periods consecutively, with their first and last day', () => {
    expect(slotOf(d('2024-03-31'), 'quarter') + 1).toBe(slotOf(d('2024-04-01'), 'quarter'));
    expect(slotOf(d('2024-12-31'), 'month') + 1).toBe(slotOf(d('2025-01-01'), 'month'));
    expect(columnOfSlot(slotOf(d('2024-08-15'), 'quarter'), 'quarter')).toEqual({
      label: '2024Q3',
      from: d('2024-07-01'),
      to: d('2024-09-30'),
    });
    // February of a leap year ends on the 29th.
    expect(columnOfSlot(slotOf(d('2024-02-10'), 'month'), 'month')).toEqual({
      label: '2024-02',
      from: d('2024-02-01'),
      to: d('2024-02-29'),
    });
    expect(columnOfSlot(slotOf(d('2024-07-01'), 'half'), 'half').label).toBe('2024H2');
    expect(columnOfSlot(2024, 'year')).toEqual({ label: '2024', from: d('2024-01-01'), to: d('2024-12-31') });
  });

  it('takes the complete periods: the last one must end on or before the newest date', () => {
    expect(labels(completeBetween(d('2024-11-20'), d('2025-03-30'), 'month'))).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(labels(completeBetween(d('2024-11-20'), d('2025-03-31'), 'quarter'))).toEqual([
      '2024Q4',
      '2025Q1',
    ]);
    expect(completeBetween(d('2025-01-01'), d('2025-03-30'), 'quarter')).toEqual([]);
  });

  it('reads ranges of the step, a plain year spanning all its periods', () => {
    const range = (spec: string, step: Parameters<typeof parseStepRange>[1]) => {
      const { first, last } = parseStepRange(spec, step, '--years', 50);
      return labels(columnsBetween(first, last, step));
    };
    expect(range('2024-11..2025-02', 'month')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(range('2024-11-2025-02', 'month')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(range('2024-3', 'month')).toEqual(['2024-03']);
    expect(range('2024Q4-2025Q2', 'quarter')).toEqual(['2024Q4', '2025Q1', '2025Q2']);
    expect(range('2024q4..2025Q1', 'quarter')).toEqual(['2024Q4', '2025Q1']);
    expect(range('2024', 'quarter')).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4']);
    expect(range('2023H2-2024H1', 'half')).toEqual(['2023H2', '2024H1']);
    expect(range('2020-2022', 'year')).toEqual(['2020', '2021', '2022']);
  });

  it('refuses a form of another step, a part that does not exist, and a reversed range', () => {
    const err = (spec: string, step: Parameters<typeof parseStepRange>[1]) => () =>
      parseStepRange(spec, step, '--years', 50);
    expect(err('2024Q1-2024Q2', 'year')).toThrow(/--years 2024Q1-2024Q2: quarters need --step quarter/);
    expect(err('2024-03..2024-05', 'quarter')).toThrow(/months need --step month/);
    expect(err('2024-13', 'month')).toThrow(/no month 2024-13/);
    expect(err('2024Q5', 'quarter')).toThrow(/no quarter 2024Q5/);
    expect(err('2025-02..2024-11', 'month')).toThrow(/ends before it starts/);
    expect(err('2020-2024', 'month')).toThrow(/60 columns; at most 50/);
    expect(err('last year', 'year')).toThrow(/--years last year: use a range of years/);
  });
});
