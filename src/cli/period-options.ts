/** Helpers for period-related options shared by the analysis commands. */
import type { Command } from 'commander';
import type { Day } from '../base/dates.js';
import { usageError } from '../errors.js';
import type { Course } from '../schema/course.js';
import { CourseStore } from '../schema/course-store.js';
import { parseDate } from '../schema/values.js';

/** --period, --from, --to, defined once for every command that reports on a period. */
export function addPeriodOptions(cmd: Command, defaultText: string): Command {
  return cmd
    .option('--period <period>', `reporting period: 2025, 2025H1, 2025Q1, 2025-03; default: ${defaultText}`)
    .option('--from <date>', 'first day of the period (with --to)')
    .option('--to <date>', 'last day of the period (with --from)');
}

/** A parser for options that take a whole number of days. */
export function intArg(flag: string) {
  return (v: string): number => {
    if (!/^\d+$/.test(v)) throw usageError(`${flag} ${v}: expected a whole number of days`);
    return Number(v);
  };
}

/** A date given on the command line (dd-mm-yyyy or yyyy-mm-dd). */
export function dateArg(flag: string, v: string): Day {
  const d = parseDate(v);
  if (!d.ok) throw usageError(`${flag} ${v}: ${d.reason}`);
  return d.value;
}

/** The newest start or end date in the data, for the default period. */
export function newestDate(courses: readonly Course[] | CourseStore): Day | null {
  if (courses instanceof CourseStore) return courses.newestDay();
  let newest = -Infinity;
  for (const c of courses) {
    if (c.start > newest) newest = c.start;
    if (c.end !== null && c.end > newest) newest = c.end;
  }
  return Number.isFinite(newest) ? newest : null;
}

/** --window: "12m" = 365 days (the definition's 12 months), "6m" = 183 days, "180d", or plain days. */
export function parseWindow(v: string): number {
  const m = /^(\d+)\s*([dm]?)$/i.exec(v.trim());
  if (!m || Number(m[1]) < 1) throw usageError(`--window ${v}: use days (365d) or months (12m, 6m)`);
  const n = Number(m[1]);
  if (m[2]!.toLowerCase() === 'm') return n === 12 ? 365 : Math.round((n * 365) / 12);
  return n;
}
