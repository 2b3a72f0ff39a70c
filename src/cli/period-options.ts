/** Helpers for period-related options shared by the analysis commands. */
import type { Day } from '../dates.js';
import { usageError } from '../errors.js';
import type { Course } from '../schema/course.js';

/** The newest start or end date in the data, for the default period. */
export function newestDate(courses: readonly Course[]): Day | null {
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
