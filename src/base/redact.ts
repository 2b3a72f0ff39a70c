/**
 * Keeping CPR numbers out of every output: the one redaction, used wherever text from a file
 * (values, headers, file, folder and sheet names) reaches a message, a table or a side file.
 * It lives in base/ so that readers, renderers and the CLI share it; schema/cpr.ts parses.
 */
import { daysInMonth, type Day } from './dates.js';

/** The century from the 7th digit and the 2-digit year (CPR-kontoret's table). */
export function centuryOf(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

/**
 * The birth day of a CPR number given as its ten digits DDMMYYSSSS in one number; NaN when its
 * first six digits are not a date (by the 7th digit's century). parseCpr's rule, shared with
 * the redaction so that both agree on what a CPR number is.
 */
export function cprBirthOfKey(key: number): Day {
  const dd = Math.floor(key / 1e8);
  const mm = Math.floor(key / 1e6) % 100;
  const yy = Math.floor(key / 1e4) % 100;
  const year = centuryOf(yy, Math.floor(key / 1e3) % 10) + yy;
  if (mm < 1 || mm > 12 || dd < 1 || dd > daysInMonth(year, mm)) return NaN;
  // Date.UTC of a valid date: a whole number of days.
  return Date.UTC(year, mm - 1, dd) / 86_400_000;
}

/**
 * The separators people type or exporters write between a CPR number's date and sequence
 * number: a hyphen, any white space (also a no-break space), a dot, the en dash and the other
 * Unicode dashes and the minus sign. One definition for the redaction and the parser (parseCpr).
 */
const SEPARATOR = '[-\\s.\\u2010-\\u2015\\u2212\\ufe58\\ufe63\\uff0d]';

/**
 * Every spelling of a CPR number the parser reads: DDMMYYSSSS, DDMMYY, a separator above, SSSS,
 * and the 9 digits of a number whose leading zero Excel dropped. Digits on either side make it
 * part of a longer number, not a CPR number.
 */
const CPR_FORMS = new RegExp(`(?<!\\d)(?:(\\d{6})${SEPARATOR}?(\\d{4})|(\\d{9}))(?!\\d)`, 'g');

/**
 * A whole (trimmed) value that is a CPR form of ten digits, the date's six and the sequence's
 * four in groups 1 and 2: what parseCpr reads, by the same definition as the redaction.
 */
export const CPR_VALUE = new RegExp(`^(\\d{6})${SEPARATOR}?(\\d{4})$`);

/**
 * Replaces every CPR number in free text by "[CPR]": the last line of defence for messages and
 * outputs. Only a form whose first six digits are a date (by the 7th digit's century, the
 * parser's rule) is replaced, so amounts, ids and counts that cannot be CPR numbers stay
 * readable: 123456789 (0123456789: month 23) stays, 150385 1235 goes.
 */
export function redactCpr(text: string): string {
  // Most texts have no run of six digits: skip the replace (a rendered table is long).
  if (!/\d{6}/.test(text)) return text;
  return text.replace(CPR_FORMS, (m: string, date?: string, seq?: string, nine?: string) => {
    const birth = cprBirthOfKey(Number(nine ?? date! + seq!));
    return birth === birth ? '[CPR]' : m;
  });
}
