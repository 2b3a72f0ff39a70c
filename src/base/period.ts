/**
 * Reporting periods: closed date intervals [from, to]. A year (2024), a half-year (2024H1 =
 * 1 Jan–30 Jun, 2024H2), a quarter (2024Q3), a month (2024-05), or explicit dates.
 */
import { dateText, inLang } from './i18n.js';
import { addMonths, danishOf, dayOf, daysInMonth, partsOf, type Day } from './dates.js';
import { usageError } from '../errors.js';
import { parseDateText } from './date-text.js';

export interface Period {
  from: Day;
  to: Day;
  /** As written in the output: "2025H1", "2025", "01-02-2025–30-04-2025". */
  label: string;
  /** How it was chosen, for the note under the tables. */
  source: 'given' | 'default';
}

/** Parses --period. */
export function parsePeriod(spec: string): Period {
  const s = spec.trim().toUpperCase();
  let m: RegExpExecArray | null;
  const make = (y: number, firstMonth: number, months: number, label: string): Period => {
    const from = dayOf(y, firstMonth, 1)!;
    return { from, to: addMonths(from, months) - 1, label, source: 'given' };
  };
  if ((m = /^(\d{4})$/.exec(s))) return make(Number(m[1]), 1, 12, m[1]!);
  if ((m = /^(\d{4})[-\s]?H([12])$/.exec(s)))
    return make(Number(m[1]), m[2] === '1' ? 1 : 7, 6, `${m[1]}H${m[2]}`);
  if ((m = /^(\d{4})[-\s]?Q([1-4])$/.exec(s)))
    return make(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 3, `${m[1]}Q${m[2]}`);
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(s)) && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return make(Number(m[1]), Number(m[2]), 1, `${m[1]}-${m[2]!.padStart(2, '0')}`);
  // Two dates joined by "..", as yoy --columns takes them: the same as --from A --to B.
  const [a, z, ...more] = spec.split('..').map((x) => x.trim());
  if (z !== undefined && more.length === 0)
    return datesPeriod(a!, z, `--period ${spec}: ${a}`, `--period ${spec}: ${z}`);
  throw usageError(
    `--period ${spec}: not a period; use a year (2025), half-year (2025H1), quarter (2025Q1), month (2025-03), two dates (01-01-2025..31-03-2025), or --from/--to`,
  );
}

/**
 * A period of two dates, as --from/--to or --period A..B give them. `fromSaid` and `toSaid` name
 * each date as the user wrote it, for the messages ("--from 31-02-2025", "--period A..B: B").
 */
function datesPeriod(from: string, to: string, fromSaid: string, toSaid: string): Period {
  const f = parseDateText(from);
  const t = parseDateText(to);
  if (!f.ok) throw usageError(`${fromSaid}: ${f.reason.en}`);
  if (!t.ok) throw usageError(`${toSaid}: ${t.reason.en}`);
  if (t.value < f.value) throw usageError(`${toSaid} is before ${fromSaid.replace(/^--period \S+: /, '')}`);
  return { from: f.value, to: t.value, label: `${danishOf(f.value)}–${danishOf(t.value)}`, source: 'given' };
}

/** Parses --from/--to (either may be given with --period absent; both are needed). */
export function periodFromDates(from: string, to: string): Period {
  return datesPeriod(from, to, `--from ${from}`, `--to ${to}`);
}

/** The last complete half-year ending on or before `newest` (the newest date in the data). */
export function lastCompleteHalfYear(newest: Day): Period {
  const { year, month, day } = partsOf(newest);
  // A half-year is complete on its last day: 30 Jun or 31 Dec.
  let y = year;
  let h: 1 | 2;
  if (month === 12 && day === 31) h = 2;
  else if (month > 6 || (month === 6 && day === 30)) h = 1;
  else {
    h = 2;
    y = year - 1;
  }
  return { ...parsePeriod(`${y}H${h}`), source: 'default' };
}

/** The last complete month or year ending on or before `ref`. */
export function lastCompleteMonth(ref: Day): Period {
  const { year, month, day } = partsOf(ref);
  const complete = day === daysInMonth(year, month);
  const index = year * 12 + (month - 1) - (complete ? 0 : 1);
  return {
    ...parsePeriod(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`),
    source: 'default',
  };
}

export function lastCompleteYear(ref: Day): Period {
  const { year, month, day } = partsOf(ref);
  return { ...parsePeriod(String(month === 12 && day === 31 ? year : year - 1)), source: 'default' };
}

export interface PeriodFlags {
  period?: string;
  from?: string;
  to?: string;
}

/** The period of a command: --period, or --from and --to, or the default from the data. */
export function resolvePeriod(flags: PeriodFlags, newest: Day | null): Period {
  if (flags.period && (flags.from || flags.to))
    throw usageError('give either --period or --from/--to, not both');
  if (flags.period) return parsePeriod(flags.period);
  if (flags.from || flags.to) {
    if (!flags.from || !flags.to) throw usageError('--from and --to go together; give both');
    return periodFromDates(flags.from, flags.to);
  }
  if (newest === null)
    throw usageError('the data holds no dates to choose a default period from; give --period');
  return lastCompleteHalfYear(newest);
}

/** The period of a command whose default is "all of the data": --period, --from/--to, or undefined. */
export function resolveOptionalPeriod(flags: PeriodFlags): Period | undefined {
  if (!flags.period && !flags.from && !flags.to) return undefined;
  return resolvePeriod(flags, null);
}

const MONTHS = {
  da: [
    'januar',
    'februar',
    'marts',
    'april',
    'maj',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** The period as a memo names it: "1. halvår 2025", "3. kvartal 2025", "marts 2025", "2025"; English "H1 2025" ... */
export function periodName(p: Period, lang: 'da' | 'en'): string {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})H([12])$/.exec(p.label)))
    return inLang(lang, { da: `${m[2]}. halvår ${m[1]}`, en: `H${m[2]} ${m[1]}` });
  if ((m = /^(\d{4})Q([1-4])$/.exec(p.label)))
    return inLang(lang, { da: `${m[2]}. kvartal ${m[1]}`, en: `Q${m[2]} ${m[1]}` });
  if ((m = /^(\d{4})-(\d{2})$/.exec(p.label))) return `${MONTHS[lang][Number(m[2]) - 1]} ${m[1]}`;
  if (/^\d{4}$/.test(p.label)) return p.label;
  return `${dateText(lang, p.from)} – ${dateText(lang, p.to)}`;
}

/** The name with its dates, for titles: "1. halvår 2025 (01-01-2025 – 30-06-2025)". */
export function periodText(p: Period, lang: 'da' | 'en'): string {
  const name = periodName(p, lang);
  const dates = `${dateText(lang, p.from)} – ${dateText(lang, p.to)}`;
  return name === dates ? dates : `${name} (${dates})`;
}
