/**
 * Calendar dates as integer day numbers (days since 1970-01-01): no time of day, no time zone,
 * cheap to compare and subtract. A course from day s to day e lasts e − s + 1 days.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

/** Day number of a calendar date; month is 1-12. Returns null if the date does not exist. */
export function dayOf(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** { year, month (1-12), day } of a day number. */
export function partsOf(d: Day): { year: number; month: number; day: number } {
  const date = new Date(d * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO yyyy-mm-dd. */
export function isoOf(d: Day): string {
  const { year, month, day } = partsOf(d);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Danish dd-mm-yyyy. */
export function danishOf(d: Day): string {
  const { year, month, day } = partsOf(d);
  return `${pad2(day)}-${pad2(month)}-${year}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The date N calendar months after d; a day that does not exist in the target month falls on
 * that month's last day (31 Jan + 1 month = 28/29 Feb), as in R's lubridate %m+%.
 */
export function addMonths(d: Day, months: number): Day {
  const { year, month, day } = partsOf(d);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return dayOf(y, m, Math.min(day, daysInMonth(y, m))) as Day;
}

/** Whole years completed between birth and d (age on day d). */
export function ageOn(birth: Day, d: Day): number {
  const b = partsOf(birth);
  const x = partsOf(d);
  let age = x.year - b.year;
  if (x.month < b.month || (x.month === b.month && x.day < b.day)) age -= 1;
  return age;
}

/** Excel serial number → day number. 1900 system: serial 25569 = 1970-01-01 (Excel's fictitious 29 Feb 1900 makes 1899-12-30 day 0). 1904 system: serial 0 = 1904-01-01. */
export function dayOfExcelSerial(serial: number, date1904 = false): Day {
  const whole = Math.floor(serial);
  return date1904 ? whole - 24107 : whole - 25569;
}
