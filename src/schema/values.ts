/**
 * Raw cell values → typed values: missing markers, dates, numbers, text. Each parser returns
 * the value or a reason a person can act on; the caller names the file, row and column.
 */
import { dayOf, dayOfExcelSerial, type Day } from '../dates.js';
import type { RawValue } from '../io/raw.js';

/** Empty, "-", "." and ".." mean missing in Danish exports (".." is Statistics Denmark's). */
const MISSING = new Set(['', '-', '.', '..']);

export function isMissing(v: RawValue): boolean {
  return v === null || (typeof v === 'string' && MISSING.has(v.trim()));
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

const DATE_DMY = /^(\d{1,2})([-./])(\d{1,2})\2(\d{2}|\d{4})(?:[ T]00:00(?::00)?)?$/;
const DATE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;

/** Serial numbers this far from today are not dates of a course (1900-01-01 … 2099-12-31 or so). */
const SERIAL_MIN = 1;
const SERIAL_MAX = 73050;

/**
 * A date from a cell: a real date cell, an Excel serial number (1900 or 1904 system), or text
 * in dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy or yyyy-mm-dd. Two-digit years are refused: 01-02-24
 * could be 1924 or 2024, and the tool will not guess.
 */
export function parseDate(v: RawValue, date1904 = false): Parsed<Day> {
  if (v !== null && typeof v === 'object') return ok(v.day);
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= SERIAL_MIN && v <= SERIAL_MAX) return ok(dayOfExcelSerial(v, date1904));
    return fail('is a number, not a date');
  }
  if (typeof v === 'boolean') return fail('is not a date');
  const s = (v ?? '').trim();
  let m = DATE_DMY.exec(s);
  if (m) {
    if (m[4]!.length === 2) return fail('has a 2-digit year, which is ambiguous; export dates with 4-digit years (dd-mm-yyyy)');
    const d = dayOf(Number(m[4]), Number(m[3]), Number(m[1]));
    return d === null ? fail('is not a calendar date') : ok(d);
  }
  m = DATE_ISO.exec(s);
  if (m) {
    const d = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return d === null ? fail('is not a calendar date') : ok(d);
  }
  if (/^\d+$/.test(s)) return parseDate(Number(s), date1904);
  return fail('is not a date (expected dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy or yyyy-mm-dd)');
}

/**
 * A number from a cell: numbers as they are; text with a decimal comma ("1.234,5" or "12,5") or
 * a decimal point ("12.5"). A string with both separators is read the Danish way.
 */
export function parseNumber(v: RawValue): Parsed<number> {
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : fail('is not a finite number');
  if (typeof v !== 'string') return fail('is not a number');
  let s = v.trim().replace(/\s/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return fail('is not a number');
  return ok(Number(s));
}

/** Text of a cell, trimmed; numbers as written (no thousands separators); dates as ISO. */
export function textOf(v: RawValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return new Date(v.day * 86_400_000).toISOString().slice(0, 10);
  return String(v).trim();
}
