/**
 * The cells of a yoy table per measure: each year's block of cells (one cell, or a count and its
 * percent with --measure count,share), the columns after the years (the newest year's percent,
 * the change from the year before), their headers, and which cells derive from which (for
 * suppression). A value's cells in years before it existed are blank with --blank-before-first.
 */
import type { Day } from '../base/dates.js';
import type { YoyCell } from '../analyses/yoy.js';
import { count, empty, num, share, type Cell, type Table } from '../model/table.js';
import type { YoyContext } from './yoy-context.js';

/** A row of the table as the measures see it. */
export interface Line {
  label: string;
  /** Its key in the json: its English label slugged (model/keys.ts). */
  key: string;
  cells: YoyCell[];
  /** The value's first date (null: not a value row): years that end before it are blank. */
  since: Day | null;
  style?: 'subtotal' | 'total';
}

export interface MeasureCells {
  /** Columns per year. */
  width: number;
  yearHeaders: (j: number) => string[];
  year: (line: Line, j: number) => Cell[];
  extraHeaders: string[];
  extra: (line: Line) => Cell[];
  totalLabel: string;
  /** `Table.derived`, for the columns in ascending order. */
  derived: () => NonNullable<Table['derived']>;
  /** Whether the count cells add up down the rows (courses do; persons do not). */
  counts: boolean;
  /** `Table.sharesAsCounts` columns (share-only tables). */
  sharesAsCounts: number[];
}

// Percentages as exact numbers, for the change in percentage points (never from rounded ones).
const pct = (c: number, of: number) => (of === 0 ? null : (100 * c) / of);
const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
const DAYS_PER_YEAR = 365;

export function measureCells(c: YoyContext): MeasureCells {
  const { r, t, m, k, newest, prev, withChange } = c;
  const shares = c.o.shares === true;
  const width = shares ? 2 : 1;
  const first = (j: number) => 1 + j * width;
  const after = first(k);
  const blank = (line: Line, j: number) =>
    c.o.blankBeforeFirst === true && line.since !== null && r.columns[j]!.to < line.since;
  const changeBlank = (line: Line) => blank(line, newest) || (withChange && blank(line, prev));
  const changes = (from: number[], n: number, start: number) =>
    withChange ? Array.from({ length: n }, (_x, i) => ({ col: start + i, from })) : [];
  const newestPrev = (offset = 0) =>
    withChange ? [first(newest) + offset, first(prev) + offset] : [first(newest) + offset];
  const label = (j: number) => r.columns[j]!.label;

  if (m === 'count' || m === 'persons') {
    const pick = (x: YoyCell) => (m === 'count' ? x.courses : x.persons);
    const of = r.totals.map(pick);
    const extraHeaders = shares ? [] : [t(`Pct. ${c.newestLabel}`, `% ${c.newestLabel}`)];
    if (withChange)
      extraHeaders.push(t('Ændring, antal', 'Change, count'), t('Ændring, pct.-point', 'Change, pp'));
    return {
      width,
      yearHeaders: (j) =>
        shares
          ? [t(`${label(j)}, antal`, `${label(j)}, count`), t(`${label(j)}, pct.`, `${label(j)}, %`)]
          : [label(j)],
      year: (line, j) => {
        if (blank(line, j)) return shares ? [empty, empty] : [empty];
        const v = pick(line.cells[j]!);
        return shares ? [count(v), share(v, of[j]!)] : [count(v)];
      },
      extraHeaders,
      extra: (line) => {
        const v = line.cells.map(pick);
        const out: Cell[] = shares ? [] : [blank(line, newest) ? empty : share(v[newest]!, of[newest]!)];
        if (withChange)
          out.push(
            changeBlank(line) ? empty : num(v[newest]! - v[prev]!, 0),
            line.style === 'total' || changeBlank(line)
              ? empty
              : num(diff(pct(v[newest]!, of[newest]!), pct(v[prev]!, of[prev]!)), 1),
          );
        return out;
      },
      totalLabel: t('I alt', 'Total'),
      derived: () =>
        shares
          ? [
              ...Array.from({ length: k }, (_x, j) => ({ col: first(j) + 1, from: [first(j)] })),
              ...changes(newestPrev(), 2, after),
            ]
          : [{ col: after, from: [first(newest)] }, ...changes(newestPrev(), 2, after + 1)],
      counts: m === 'count',
      sharesAsCounts: [],
    };
  }
  if (m === 'share')
    return {
      width,
      yearHeaders: (j) => [label(j)],
      year: (line, j) =>
        blank(line, j)
          ? [empty]
          : line.style === 'total'
            ? [count(line.cells[j]!.courses)]
            : [share(line.cells[j]!.courses, r.totals[j]!.courses)],
      extraHeaders: withChange ? [t('Ændring, pct.-point', 'Change, pp')] : [],
      extra: (line) =>
        !withChange
          ? []
          : line.style === 'total' || changeBlank(line)
            ? [empty]
            : [
                num(
                  diff(
                    pct(line.cells[newest]!.courses, r.totals[newest]!.courses),
                    pct(line.cells[prev]!.courses, r.totals[prev]!.courses),
                  ),
                  1,
                ),
              ],
      totalLabel: t('Forløb i alt (n)', 'Courses in total (n)'),
      derived: () => changes(newestPrev(), 1, after),
      counts: false,
      sharesAsCounts: Array.from({ length: k }, (_x, j) => first(j)),
    };
  // A measured number per year (median duration, course-years) and its change.
  const years = m === 'course-years';
  // Course-years add up to the total, which would give a hidden row's back: the total carries the
  // smallest row's n, so that it is hidden wherever a row is (docs/definitions.md#year-over-year).
  const smallest = r.columns.map((_col, j) =>
    Math.min(
      ...[...r.rows.map((x) => x.cells[j]!.courses), ...(r.subtotal ? [r.subtotal[j]!.courses] : [])].filter(
        (n) => n > 0,
      ),
    ),
  );
  const value = (x: YoyCell) => (years ? x.courseDays / DAYS_PER_YEAR : x.durationDays.median);
  const cell = (line: Line, j: number): Cell => {
    const x = line.cells[j]!;
    if (!years) return num(x.durationDays.median, 1, x.durationDays.n);
    const n = line.style === 'total' && Number.isFinite(smallest[j]!) ? smallest[j]! : x.courses;
    return num(x.courses === 0 ? 0 : value(x), 1, n);
  };
  return {
    width,
    yearHeaders: (j) => [label(j)],
    year: (line, j) => [blank(line, j) ? empty : cell(line, j)],
    extraHeaders: withChange
      ? [years ? t('Ændring, årsværk', 'Change, course-years') : t('Ændring, dage', 'Change, days')]
      : [],
    extra: (line) =>
      !withChange
        ? []
        : [
            changeBlank(line)
              ? empty
              : num(diff(value(line.cells[newest]!) ?? null, value(line.cells[prev]!) ?? null), 1),
          ],
    totalLabel: years ? t('I alt', 'Total') : t('Alle afsluttede forløb', 'All ended courses'),
    derived: () => changes(newestPrev(), 1, after),
    counts: false,
    sharesAsCounts: [],
  };
}
