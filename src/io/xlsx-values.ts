/**
 * Cell values of a workbook as RawValues: exceljs's cell values (and the fast reader's, which
 * imitates them) with the cell's number format, and the number-format tests both readers share.
 */
import { dayOf, dayOfExcelSerial, type Day } from '../base/dates.js';
import type { RawValue } from './raw.js';

const MS_PER_DAY = 86_400_000;
/** Days between the 1900 and the 1904 date systems' serial 0. */
export const DAYS_1904 = 1462;

/**
 * A date cell whose number is no date (beyond 31-12-9999, or below 0): as Excel shows it, so that
 * the schema quotes what the user sees in the cell (parseDate words the reason), never
 * "Invalid Date".
 */
export const DATE_NO_DATE = '########';

export interface XlsxCtx {
  date1904: boolean;
  /** Days to add to the dates exceljs gives when it missed the 1904 flag. */
  shift: number;
}

export function convert(v: unknown, numFmt: string | undefined, ctx: XlsxCtx): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    // exceljs turns numbers into Dates only for the formats its own test knows; catch the rest.
    return isDateFormat(numFmt) ? { day: dayOfExcelSerial(v, ctx.date1904) } : v;
  }
  if (v instanceof Date) return dateValue(v, numFmt, ctx);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return richText(o.richText);
    if ('error' in o) return String(o.error);
    if ('formula' in o || 'sharedFormula' in o) return convert(o.result, numFmt, ctx);
    if ('hyperlink' in o || 'text' in o) return convert(o.text, numFmt, ctx);
  }
  return String(v);
}

function dateValue(d: Date, numFmt: string | undefined, ctx: XlsxCtx): RawValue {
  const ms = d.getTime();
  // Only a serial far beyond any date gives this (both readers come here with it).
  if (Number.isNaN(ms)) return DATE_NO_DATE;
  // A time-only format (h:mm) holds a time of day, not a date: give the serial number back
  // (whole milliseconds, so 08:30 comes out as 8.5/24 exactly).
  if (numFmt !== undefined && isTimeOnlyFormat(numFmt)) {
    const epochDays = ctx.shift + (ctx.date1904 ? 25569 - DAYS_1904 : 25569);
    return (ms + epochDays * MS_PER_DAY) / MS_PER_DAY;
  }
  // exceljs gives the serial as a UTC instant, so the UTC calendar day is the cell's date.
  return { day: Math.floor(ms / MS_PER_DAY) + ctx.shift };
}

function richText(runs: unknown[]): string {
  return runs.map((run) => String((run as { text?: unknown }).text ?? '')).join('');
}

/**
 * An inline date cell (t="d"): ISO 8601 text, a calendar date with or without a time of day
 * (2025-03-01, 2025-03-01T08:30:00, ...Z). The day as written; the text itself when it is not
 * such a date, so that the schema layer reports it.
 */
export function isoDateCell(text: string): RawValue {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/.exec(text);
  const day: Day | null = m ? dayOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  return day === null ? text : { day };
}

/** exceljs's utils.isDateFmt: whether exceljs turns a number with this format into a Date. */
export function isExceljsDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return f.match(/[ymdhMsb]+/) !== null;
}

/** The format code without quoted text, [colour/locale] blocks, escapes and AM/PM markers. */
function formatLetters(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/AM\/PM|A\/P/gi, '');
}

/** A number format that shows a date: a day or year part, or a month without hours/seconds. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt || /^general$/i.test(fmt.trim())) return false;
  const f = formatLetters(fmt);
  return /[dyb]/i.test(f) || (/m/i.test(f) && !/[hs]/i.test(f));
}

export function isTimeOnlyFormat(fmt: string): boolean {
  const f = formatLetters(fmt);
  return /[hs]/i.test(f) && !/[dyb]/i.test(f);
}
