/**
 * Raw cell values → typed values: missing markers, dates, numbers, text. Each parser returns
 * the value or a reason a person can act on; the caller names the file, row and column.
 */
import { fail, LAST_DATE, ok, parseDateText, type Parsed } from '../base/date-text.js';
import { ageOn, dayOfExcelSerial, type Day } from '../base/dates.js';
import { both } from '../base/i18n.js';

export { LAST_DATE, type Parsed } from '../base/date-text.js';
import type { RawValue } from '../io/raw.js';
import { DATE_NO_DATE } from '../io/xlsx-values.js';
import { matchKey } from './normalize-text.js';

/** Empty, "-", "." and ".." mean missing in Danish exports (".." is Statistics Denmark's). */
const MISSING = new Set(['', '-', '.', '..']);

export function isMissing(v: RawValue): boolean {
  if (typeof v !== 'string') return v === null;
  // Most cells start with a digit or an ASCII letter: neither space nor '-' nor '.', so neither
  // trimmed nor missing. Saves a trim per cell (a million-row file has some ten million).
  const c = v.charCodeAt(0);
  if (c >= 0x30 && c <= 0x7e) return false;
  return MISSING.has(v.trim());
}

/** Person ids that name no one, after the 12-month retention (matched by matchKey). */
const ANONYMISED_WORDS = new Set(
  [
    'Anonymiseret',
    'Anonymiseret borger',
    'Anonym',
    'Anonymised',
    'Anonymized',
    'Slettet',
    'Ukendt person',
  ].map(matchKey),
);

/**
 * Whether a person id names no one (docs/definitions.md#records): empty or a missing marker; a
 * word such as "Anonymiseret" or "Slettet"; or a mask of x, X, * and 0 (with - or spaces) of at
 * least six characters: "xxxxxx-xxxx", "000000-0000", "**********". Such a row is a course without a
 * person: counted among courses, left out of every person figure.
 */
export function isAnonymisedId(v: RawValue): boolean {
  if (isMissing(v)) return true;
  if (typeof v === 'number') return v === 0;
  if (typeof v !== 'string') return false;
  const t = v.trim();
  return ANONYMISED_WORDS.has(matchKey(t)) || (t.length >= 6 && /^[xX*0][xX*0 -]*$/.test(t));
}

/** Serial numbers this far from today are not dates of a course (1900-01-01 … 2099-12-31 or so). */
const SERIAL_MIN = 1;
const SERIAL_MAX = 73050;

// Why a cell is not a date or a number, in both languages (said after the column and the value).
const NOT_A_DATE = both('er ikke en dato', 'is not a date');
const NUMBER_NOT_DATE = both('er et tal, ikke en dato', 'is a number, not a date');
const DATE_CELL_NO_DATE = both(
  'er en datocelle, hvis tal ikke er en dato (efter 31-12-9999 eller under 0); ret cellen i regnearket',
  'is a date cell whose number is no date (beyond 31-12-9999 or below 0); correct the cell in the workbook',
);
const NOT_FINITE = both('er ikke et endeligt tal', 'is not a finite number');
const NOT_A_NUMBER = both('er ikke et tal', 'is not a number');

/**
 * A date from a cell: a real date cell, an Excel serial number (1900 or 1904 system), or text
 * in dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy or yyyy-mm-dd. Two-digit years are refused: 01-02-24
 * could be 1924 or 2024, and the tool will not guess.
 */
export function parseDate(v: RawValue, date1904 = false): Parsed<Day> {
  // A date cell's day is taken as it is (Excel holds 1900-9999; the survey reader's placeholder
  // starts lie beyond), unless it is no day at all.
  if (v !== null && typeof v === 'object') return Number.isFinite(v.day) ? ok(v.day) : fail(NOT_A_DATE);
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= SERIAL_MIN && v <= SERIAL_MAX) return ok(dayOfExcelSerial(v, date1904));
    return fail(NUMBER_NOT_DATE);
  }
  if (typeof v === 'boolean') return fail(NOT_A_DATE);
  if (v === DATE_NO_DATE) return fail(DATE_CELL_NO_DATE);
  const s = (v ?? '').trim();
  if (/^\d+$/.test(s)) return parseDate(Number(s), date1904);
  return parseDateText(s);
}

/** The Excel serial number of 9999-12-31 (1900 date system). */
const SERIAL_LAST_DATE = 2958465;

/**
 * Whether an end date is the "no end date" value of case systems, 31-12-9999, in any shape
 * (31.12.9999, 9999-12-31, a date cell, Excel's serial 2958465): the course is ongoing.
 */
export function isNoEndDate(v: RawValue, date1904 = false): boolean {
  if (v === null || typeof v === 'boolean') return false;
  if (typeof v === 'object') return v.day === LAST_DATE;
  if (typeof v === 'number') return v === SERIAL_LAST_DATE - (date1904 ? 1462 : 0);
  if (!v.includes('9999')) return false;
  const p = parseDate(v.trim(), date1904);
  return p.ok && p.value === LAST_DATE;
}

/**
 * A number from a cell: numbers as they are; text with a decimal comma ("1.234,5" or "12,5") or
 * a decimal point ("12.5"). A string with both separators is read the Danish way.
 */
export function parseNumber(v: RawValue): Parsed<number> {
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : fail(NOT_FINITE);
  if (typeof v !== 'string') return fail(NOT_A_NUMBER);
  let s = v.trim().replace(/\s/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return fail(NOT_A_NUMBER);
  return ok(Number(s));
}

/** Text of a cell, trimmed; numbers as written (no thousands separators); dates as ISO. */
export function textOf(v: RawValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return new Date(v.day * 86_400_000).toISOString().slice(0, 10);
  return String(v).trim();
}

const MALE = new Set(['m', 'mand', 'maend', 'male', 'men', 'dreng']);
const FEMALE = new Set(['k', 'kvinde', 'kvinder', 'f', 'female', 'women', 'pige']);

/**
 * A gender from a cell or a value given on the command line: M (m, mand, mænd, male, men, dreng)
 * or K (k, kvinde, kvinder, f, female, women, pige), case- and accent-insensitively; null for
 * anything else.
 */
export function parseGender(v: RawValue): 'M' | 'K' | null {
  const k = matchKey(textOf(v));
  return MALE.has(k) ? 'M' : FEMALE.has(k) ? 'K' : null;
}

// ---------------------------------------------------------------------------------------------
// Fast paths for the schema layer's hot loop. Each gives exactly what the function above it
// would for the inputs it accepts, and says so (NaN) for the rest, which then go the slow way.

/**
 * Day number of a valid date, without a Date object (proleptic Gregorian, days since
 * 1970-01-01; H. Hinnant's days_from_civil). Equals dayOf for years from 100 on.
 */
export function civilDay(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number of the ASCII digits [s, e) of buf, or -1 when any byte is not a digit. */
function digits(buf: Uint8Array, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const d = buf[i]! - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * parseDate of a CSV field given as UTF-8 bytes [s, e), for the shapes exports use:
 * dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy and yyyy-mm-dd, a real calendar date, years 1900-9998.
 * NaN for anything else (the caller then decodes the field and calls parseDate).
 */
export function dateOfBytes(buf: Uint8Array, s: number, e: number): number {
  if (e - s !== 10) return NaN;
  let y: number;
  let m: number;
  let d: number;
  const b2 = buf[s + 2]!;
  if ((b2 === 0x2d || b2 === 0x2e || b2 === 0x2f) && buf[s + 5] === b2) {
    d = digits(buf, s, s + 2);
    m = digits(buf, s + 3, s + 5);
    y = digits(buf, s + 6, s + 10);
  } else if (buf[s + 4] === 0x2d && buf[s + 7] === 0x2d) {
    y = digits(buf, s, s + 4);
    m = digits(buf, s + 5, s + 7);
    d = digits(buf, s + 8, s + 10);
  } else return NaN;
  // Years before 1900 are refused, and 9999 may be "no end date": parseDate says which.
  if (y < 1900 || y === 9999 || m < 1 || m > 12 || d < 1) return NaN;
  const dim = m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : DAYS_IN_MONTH[m]!;
  if (d > dim) return NaN;
  return civilDay(y, m, d);
}

/** Day numbers of 0001-01-01 and 9999-12-31: the fast age below is used between them. */
const FIRST_DAY = -719162;
const LAST_DAY = 2932896;

/** ageOn without Date objects: whole years completed between birth and d. */
export function ageAt(birth: Day, d: Day): number {
  if (
    !(birth >= FIRST_DAY && birth <= LAST_DAY && d >= FIRST_DAY && d <= LAST_DAY) ||
    !Number.isInteger(birth) ||
    !Number.isInteger(d)
  )
    return ageOn(birth, d);
  const b = civilPartsOf(birth);
  const x = civilPartsOf(d);
  return Math.floor(x / 512) - Math.floor(b / 512) - ((x & 511) < (b & 511) ? 1 : 0);
}

/**
 * civilParts, remembered per day: an export's birth and start days are a few tens of thousands
 * of consecutive days, so a direct-mapped table of 65,536 days keeps nearly all of them and the
 * age of a course is two lookups (a quarter of the time of normalising a short file went to ages).
 */
const CACHED_DAY = new Int32Array(65536).fill(-2147483648);
const CACHED_PARTS = new Int32Array(65536);

function civilPartsOf(day: number): number {
  const slot = day & 65535;
  if (CACHED_DAY[slot] === day) return CACHED_PARTS[slot]!;
  const parts = civilParts(day);
  CACHED_DAY[slot] = day;
  CACHED_PARTS[slot] = parts;
  return parts;
}

/** year·512 + month·32 + day of a day number (H. Hinnant's civil_from_days). */
function civilParts(z: number): number {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 512 + month * 32 + day;
}
