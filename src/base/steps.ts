/**
 * Steps: consecutive calendar periods of one length (month, quarter, half-year, year), numbered
 * by slots so that consecutive periods have consecutive numbers. Used for the columns of `yoy`
 * and the rows of `flow` (docs/definitions.md#periods).
 */
import { usageError } from '../errors.js';
import { addMonths, dayOf, partsOf, type Day } from './dates.js';
import { sayer, type Lang } from './i18n.js';

export const STEPS = ['month', 'quarter', 'half', 'year'] as const;
export type Step = (typeof STEPS)[number];

const MONTHS: Record<Step, number> = { month: 1, quarter: 3, half: 6, year: 12 };

/** A period of a step: "2024", "2024H1", "2024Q3", "2024-05"; closed [from, to]. */
export interface StepColumn {
  label: string;
  from: Day;
  to: Day;
}

/** The slot of the step holding `day`: months since year 0, divided by the step's months. */
export function slotOf(day: Day, step: Step): number {
  const { year, month } = partsOf(day);
  return Math.floor((year * 12 + month - 1) / MONTHS[step]);
}

/** The period of a slot, with its label as written in `--period`. */
export function columnOfSlot(slot: number, step: Step): StepColumn {
  const first = slot * MONTHS[step];
  const year = Math.floor(first / 12);
  const month = (first % 12) + 1;
  const from = dayOf(year, month, 1)!;
  const to = addMonths(from, MONTHS[step]) - 1;
  const label = {
    year: String(year),
    half: `${year}H${month === 1 ? 1 : 2}`,
    quarter: `${year}Q${(month + 2) / 3}`,
    month: `${year}-${String(month).padStart(2, '0')}`,
  }[step];
  return { label, from, to };
}

/** The periods from slot `first` to slot `last`, both included. */
export function columnsBetween(first: number, last: number, step: Step): StepColumn[] {
  const out: StepColumn[] = [];
  for (let s = first; s <= last; s++) out.push(columnOfSlot(s, step));
  return out;
}

/**
 * The complete periods from the one holding `earliest` to the last one whose last day is on or
 * before `newest`. Empty when there is none.
 */
export function completeBetween(earliest: Day, newest: Day, step: Step): StepColumn[] {
  const first = slotOf(earliest, step);
  let last = slotOf(newest, step);
  if (columnOfSlot(last, step).to > newest) last -= 1;
  return columnsBetween(first, last, step);
}

// One end of a range: a year, half-year, quarter or month, as --period writes them.
const TOKEN = String.raw`\d{4}(?:[-\s]?[HhQq]\d|-\d{1,2})?`;
const RANGE = new RegExp(String.raw`^\s*(${TOKEN})\s*(?:(?:\.\.|[-–])\s*(${TOKEN}))?\s*$`);

/**
 * A range of periods of a step, `2020-2024`, `2023H2-2025H1`, `2024Q1-2025Q2`,
 * `2024-03..2025-02` (`..` or a dash between the ends), or one period. A plain year spans all of
 * its periods; other forms must be of the step. Returns the first and last slot.
 */
export function parseStepRange(
  spec: string,
  step: Step,
  option: string,
  maxColumns: number,
): { first: number; last: number } {
  const forms = `a range of years (2020-2024), one year (2024), half-years (2023H2-2025H1) with --step half, quarters (2024Q1-2025Q2) with --step quarter, or months (2024-03..2025-02) with --step month`;
  const m = RANGE.exec(spec);
  if (!m) throw usageError(`${option} ${spec}: use ${forms}`);
  const end = (token: string, last: boolean): number => {
    const t = token.toUpperCase();
    const year = Number(t.slice(0, 4));
    const yearSlot = (y: number) => slotOf(dayOf(y, last ? 12 : 1, 1)!, step);
    if (t.length === 4) return yearSlot(year);
    const part = /([HQ])(\d)$/.exec(t);
    const kind: Step = part === null ? 'month' : part[1] === 'H' ? 'half' : 'quarter';
    const n = Number(part === null ? t.slice(5) : part[2]);
    const max = { month: 12, quarter: 4, half: 2, year: 1 }[kind];
    if (n < 1 || n > max) throw usageError(`${option} ${spec}: no ${kind} ${token}; use ${forms}`);
    const plural = { month: 'months', quarter: 'quarters', half: 'half-years', year: 'years' }[kind];
    if (kind !== step) throw usageError(`${option} ${spec}: ${plural} need --step ${kind}`);
    return slotOf(dayOf(year, (n - 1) * MONTHS[kind] + 1, 1)!, step);
  };
  const first = end(m[1]!, false);
  const last = end(m[2] ?? m[1]!, true);
  if (last < first) throw usageError(`${option} ${spec}: the range ends before it starts`);
  if (last - first + 1 > maxColumns)
    throw usageError(`${option} ${spec}: ${last - first + 1} columns; at most ${maxColumns}`);
  return { first, last };
}

export interface StepWords {
  /** "År", "Kvartal": a column heading. */
  unit: string;
  /** "Året", "The year": a sentence's subject. */
  The: string;
  /** "året", "year" (after "the"). */
  the: string;
  /** "i et år", "in a year". */
  inA: string;
  /** "År", "Quarters": a list's heading. */
  plural: string;
  /** "alle hele kalenderår", "every complete calendar year". */
  every: string;
}

/** The step's period in words, for titles and notes. */
export function stepWords(step: Step, lang: Lang): StepWords {
  const t = sayer(lang);
  const w = (da: string[], en: string[]): StepWords => {
    const [unit, The, the, inA, plural, every] = da.map((x, i) => t(x, en[i]!));
    return { unit: unit!, The: The!, the: the!, inA: inA!, plural: plural!, every: every! };
  };
  return {
    year: w(
      ['År', 'Året', 'året', 'i et år', 'År', 'alle hele kalenderår'],
      ['Year', 'The year', 'year', 'in a year', 'Years', 'every complete calendar year'],
    ),
    half: w(
      ['Halvår', 'Halvåret', 'halvåret', 'i et halvår', 'Halvår', 'alle hele halvår'],
      ['Half-year', 'The half-year', 'half-year', 'in a half-year', 'Half-years', 'every complete half-year'],
    ),
    quarter: w(
      ['Kvartal', 'Kvartalet', 'kvartalet', 'i et kvartal', 'Kvartaler', 'alle hele kvartaler'],
      ['Quarter', 'The quarter', 'quarter', 'in a quarter', 'Quarters', 'every complete quarter'],
    ),
    month: w(
      ['Måned', 'Måneden', 'måneden', 'i en måned', 'Måneder', 'alle hele måneder'],
      ['Month', 'The month', 'month', 'in a month', 'Months', 'every complete month'],
    ),
  }[step];
}
