/**
 * A date written as text, as exports and the command line write them: dd-mm-yyyy, dd.mm.yyyy,
 * dd/mm/yyyy or yyyy-mm-dd. Two-digit years are refused (01-02-24 could be 1924 or 2024), and
 * so is a day no course can have (before 1900, after 9999). Cell values (serials, date cells)
 * are schema/values.ts's, which calls this for text.
 */
import { dayOf, type Day } from './dates.js';
import { both, type Bilingual } from './i18n.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Bilingual };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (reason: Bilingual): Parsed<never> => ({ ok: false, reason });

// Why a text is not a date, in both languages (said after the column and the quoted value).
const TWO_DIGIT_YEAR = both(
  'har et årstal med 2 cifre, som er tvetydigt; eksportér datoerne med 4-cifret årstal (dd-mm-åååå)',
  'has a 2-digit year, which is ambiguous; export dates with 4-digit years (dd-mm-yyyy)',
);
const NOT_A_DATE_TEXT = both(
  'er ikke en dato (forventet dd-mm-åååå, dd.mm.åååå, dd/mm/åååå eller åååå-mm-dd)',
  'is not a date (expected dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy or yyyy-mm-dd)',
);
const BEFORE_1900 = both(
  'ligger før 1900 og er ikke en dato for et forløb; tjek årstallet',
  'is before 1900, not a date of a course; check the year',
);
const NOT_A_CALENDAR_DATE = both('er ikke en gyldig dato', 'is not a calendar date');
const AFTER_9999 = both(
  'ligger efter 31-12-9999 og er ikke en dato; tjek årstallet',
  'is after 31-12-9999, not a date; check the year',
);

const DATE_DMY = /^(\d{1,2})([-./])(\d{1,2})\2(\d{2}|\d{4})(?:[ T]00:00(?::00)?)?$/;
const DATE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;

/** The day of a date written as text, or why it is not one. */
export function parseDateText(text: string): Parsed<Day> {
  const s = text.trim();
  let m = DATE_DMY.exec(s);
  if (m) {
    if (m[4]!.length === 2) return fail(TWO_DIGIT_YEAR);
    return calendarDay(Number(m[4]), Number(m[3]), Number(m[1]));
  }
  m = DATE_ISO.exec(s);
  if (m) return calendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
  return fail(NOT_A_DATE_TEXT);
}

/** 1900-01-01 and 9999-12-31 as day numbers: no course date lies outside them. */
const FIRST_DATE = -25567;
export const LAST_DATE = 2932896;

/** The day of a written date. (Date.UTC would read the years 0-99 as 1900-1999: refused first.) */
function calendarDay(y: number, m: number, d: number): Parsed<Day> {
  if (y < 1900) return fail(BEFORE_1900);
  const day = dayOf(y, m, d);
  return day === null ? fail(NOT_A_CALENDAR_DATE) : plausible(day);
}

/** A calendar day, if a course could have it: not before 1900 (a typo in the year), not after 9999. */
function plausible(d: Day): Parsed<Day> {
  if (!Number.isFinite(d) || d > LAST_DATE) return fail(AFTER_9999);
  if (d < FIRST_DATE) return fail(BEFORE_1900);
  return ok(d);
}
