import { dayOf, type Day } from '../src/dates.js';

/** A day number from an ISO date, for readable expected values. */
export function d(iso: string): Day {
  const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
  const v = dayOf(y, m, day);
  if (v === null) throw new Error(`bad test date ${iso}`);
  return v;
}

/** CPR-shaped strings (DDMMYY-SSSS or 10 digits) that must never appear in any output. */
export const CPR_LIKE = /(?<!\d)[0-3]\d[01]\d{3}-?\d{4}(?!\d)/;

/** The fake CPR numbers used in fixtures/csv (all fail modulus 11; see fixtures/README.md). */
export const FIXTURE_CPRS = [
  '1503851235',
  '0207922348',
  '708990007',
  '0504054002',
  '3112701236',
  '2902004002',
  '3102991235',
];
