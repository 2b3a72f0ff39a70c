import { describe, expect, it } from 'vitest';
import { isMissing, parseDate, parseGender, parseNumber } from '../../src/schema/values.js';
import { d } from '../helpers.js';

describe('parseDate', () => {
  it.each([
    ['15-03-2024', '2024-03-15'],
    ['15.03.2024', '2024-03-15'],
    ['15/03/2024', '2024-03-15'],
    ['5-3-2024', '2024-03-05'],
    ['2024-03-15', '2024-03-15'],
    ['2024-03-15 00:00:00', '2024-03-15'],
    ['29-02-2024', '2024-02-29'],
  ])('reads %s', (text, iso) => {
    expect(parseDate(text)).toEqual({ ok: true, value: d(iso) });
  });

  it('reads Excel serial numbers in the 1900 and 1904 systems', () => {
    // =DATE(2024;3;15) is 45366 in Excel's 1900 system and 43904 in the 1904 system.
    expect(parseDate(45366)).toEqual({ ok: true, value: d('2024-03-15') });
    expect(parseDate(45366, true)).toEqual({ ok: true, value: d('2028-03-16') });
    expect(parseDate(43904, true)).toEqual({ ok: true, value: d('2024-03-15') });
    expect(parseDate('45366')).toEqual({ ok: true, value: d('2024-03-15') });
  });

  it('refuses 2-digit years, impossible dates and text', () => {
    expect(parseDate('01-05-24')).toMatchObject({
      ok: false,
      reason: { da: expect.stringContaining('2 cifre'), en: expect.stringContaining('2-digit year') },
    });
    expect(parseDate('31-02-2024')).toMatchObject({
      ok: false,
      reason: { da: 'er ikke en gyldig dato', en: 'is not a calendar date' },
    });
    expect(parseDate('29-02-2023')).toMatchObject({ ok: false });
    expect(parseDate('i går')).toMatchObject({
      ok: false,
      reason: { da: expect.stringContaining('dd-mm-åååå'), en: expect.stringContaining('dd-mm-yyyy') },
    });
    expect(parseDate(3.5)).toMatchObject({ ok: false });
  });
});

describe('parseNumber', () => {
  it.each([
    ['12,5', 12.5],
    ['1.234,5', 1234.5],
    ['1.234', 1234],
    ['12.5', 12.5],
    ['-3', -3],
    [' 7 ', 7],
  ])('reads %s', (text, value) => expect(parseNumber(text)).toEqual({ ok: true, value }));
  it('refuses text', () => expect(parseNumber('ti')).toMatchObject({ ok: false }));
});

describe('isMissing', () => {
  it('treats empty, "-", "." and ".." as missing', () => {
    for (const v of [null, '', ' ', '-', '.', '..']) expect(isMissing(v)).toBe(true);
    for (const v of ['0', 0, 'x', '...']) expect(isMissing(v)).toBe(false);
  });
});

describe('parseGender', () => {
  it.each(['M', 'm', 'Mand', 'mænd', 'Maend', 'male', 'Men', 'dreng', 'Dreng'])('%s is M', (v) =>
    expect(parseGender(v)).toBe('M'),
  );
  it.each(['K', 'kvinde', 'Kvinder', 'F', 'female', 'Women', 'pige', ' Pige '])('%s is K', (v) =>
    expect(parseGender(v)).toBe('K'),
  );
  it.each(['', 'x', 'andet', null, 1])('%j is neither', (v) => expect(parseGender(v)).toBeNull());
});
