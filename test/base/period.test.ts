import { describe, expect, it } from 'vitest';
import {
  lastCompleteHalfYear,
  lastCompleteMonth,
  lastCompleteYear,
  parsePeriod,
  periodName,
  periodText,
  resolvePeriod,
} from '../../src/base/period.js';
import { d } from '../helpers.js';

describe('periods', () => {
  it.each([
    ['2025', '2025-01-01', '2025-12-31'],
    ['2025H1', '2025-01-01', '2025-06-30'],
    ['2025h2', '2025-07-01', '2025-12-31'],
    ['2024Q1', '2024-01-01', '2024-03-31'],
    ['2025Q4', '2025-10-01', '2025-12-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2025-12', '2025-12-01', '2025-12-31'],
  ])('%s is %s … %s', (spec, from, to) => {
    expect(parsePeriod(spec)).toMatchObject({ from: d(from), to: d(to) });
  });

  it('refuses what is not a period', () => {
    for (const s of ['2025H3', '2025-13', '25H1', 'last year'])
      expect(() => parsePeriod(s)).toThrow(/not a period/);
  });

  it('takes two dates joined by "..", as yoy --columns does, with the --from/--to label', () => {
    expect(parsePeriod('01-01-2025..30-06-2025')).toMatchObject({
      from: d('2025-01-01'),
      to: d('2025-06-30'),
      label: '01-01-2025–30-06-2025',
    });
    expect(parsePeriod('2025-02-01 .. 2025-04-30')).toMatchObject({
      from: d('2025-02-01'),
      to: d('2025-04-30'),
    });
    expect(() => parsePeriod('01-01-2025..31-02-2025')).toThrow(
      /^--period 01-01-2025\.\.31-02-2025: 31-02-2025: .*not a calendar date/,
    );
    expect(() => parsePeriod('01-05-2025..01-01-2025')).toThrow(
      '--period 01-05-2025..01-01-2025: 01-01-2025 is before 01-05-2025',
    );
    expect(() => parsePeriod('2025..2026..2027')).toThrow(
      /not a period; .*two dates \(01-01-2025\.\.31-03-2025\)/,
    );
  });

  it('defaults to the last complete half-year before the newest date', () => {
    expect(lastCompleteHalfYear(d('2026-01-30')).label).toBe('2025H2');
    expect(lastCompleteHalfYear(d('2025-12-31')).label).toBe('2025H2');
    expect(lastCompleteHalfYear(d('2025-12-30')).label).toBe('2025H1');
    expect(lastCompleteHalfYear(d('2025-06-30')).label).toBe('2025H1');
    expect(lastCompleteHalfYear(d('2025-06-29')).label).toBe('2024H2');
  });

  it('takes --from/--to, and refuses mixing or half of them', () => {
    expect(resolvePeriod({ from: '01-02-2025', to: '2025-04-30' }, null)).toMatchObject({
      from: d('2025-02-01'),
      to: d('2025-04-30'),
      label: '01-02-2025–30-04-2025',
    });
    expect(() => resolvePeriod({ period: '2025', from: '01-01-2025' }, null)).toThrow(
      /either --period or --from/,
    );
    expect(() => resolvePeriod({ from: '01-01-2025' }, null)).toThrow(/go together/);
    expect(() => resolvePeriod({ from: '01-05-2025', to: '01-01-2025' }, null)).toThrow(/before/);
  });
});

describe('period names in titles', () => {
  it.each([
    ['2025H1', '1. halvår 2025', 'H1 2025'],
    ['2025H2', '2. halvår 2025', 'H2 2025'],
    ['2024Q3', '3. kvartal 2024', 'Q3 2024'],
    ['2025-03', 'marts 2025', 'March 2025'],
    ['2025', '2025', '2025'],
  ])('%s is "%s" / "%s"', (spec, da, en) => {
    expect(periodName(parsePeriod(spec), 'da')).toBe(da);
    expect(periodName(parsePeriod(spec), 'en')).toBe(en);
  });

  it('gives the dates beside the name, and only the dates for --from/--to', () => {
    expect(periodText(parsePeriod('2025H1'), 'da')).toBe('1. halvår 2025 (01-01-2025 – 30-06-2025)');
    expect(periodText(resolvePeriod({ from: '01-02-2025', to: '30-04-2025' }, null), 'en')).toBe(
      '2025-02-01 – 2025-04-30',
    );
  });
});

describe('relative periods', () => {
  it('take the last complete month and year on or before a date', () => {
    expect(lastCompleteMonth(d('2026-01-30')).label).toBe('2025-12');
    expect(lastCompleteMonth(d('2026-01-31')).label).toBe('2026-01');
    expect(lastCompleteMonth(d('2024-02-29')).label).toBe('2024-02');
    expect(lastCompleteMonth(d('2025-01-01')).label).toBe('2024-12');
    expect(lastCompleteYear(d('2025-12-31')).label).toBe('2025');
    expect(lastCompleteYear(d('2026-01-30')).label).toBe('2025');
  });
});
