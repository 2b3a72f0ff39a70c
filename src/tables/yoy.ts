/**
 * YoyResult → a memo table: one row per value, one column per year (half-year), and for the
 * newest column a percent column and the change from the column before it. Cells show the
 * measure; shares carry their counts. States under the table what was counted. One builder per
 * part: the rows of each measure, the title and notes (yoy-notes.ts), and what suppression must
 * know about the columns.
 */
import { UNKNOWN, UNMAPPED_GROUP } from '../analyses/keyfigures.js';
import type { YoyResult, YoyRow } from '../analyses/yoy.js';
import {
  count,
  empty,
  labelCol,
  num,
  share,
  text,
  valueCol,
  type Cell,
  type Column,
  type Row,
  type Table,
} from '../model/table.js';
import { yoyContext, type YoyContext, type YoyTableOptions } from './yoy-context.js';
import { yoyNotes, yoyTitle } from './yoy-notes.js';

export type { YoyTableOptions } from './yoy-context.js';

/** Index of the first year column; the year columns are 1 … result.columns.length. */
export const FIRST_YEAR_COLUMN = 1;

/** The columns after the year columns, and the rows. */
interface Body {
  extra: Column[];
  rows: Row[];
}

export function yoyTable(r: YoyResult, o: YoyTableOptions): Table {
  const c = yoyContext(r, o);
  const body = c.m === 'share' ? shareBody(c) : c.m === 'median-duration' ? medianBody(c) : countBody(c);
  const table: Table = {
    id: `yoy.${r.field}`,
    title: yoyTitle(c),
    columns: [labelCol(c.heading), ...r.columns.map((col) => valueCol(col.label)), ...body.extra],
    rows: body.rows,
    notes: yoyNotes(c),
    ...disclosure(c),
  };
  // Courses add up to the total row; persons do not (one person can be in several rows).
  if (c.m === 'count') table.additive = { rows: true };
  return table;
}

/**
 * What suppression must know: the percent column goes with the newest year's cell, a change with
 * either of the two years it compares; shares are hidden as their counts would be (a column's
 * shares with its n give the counts away).
 */
function disclosure({ m, k, withChange }: YoyContext): Pick<Table, 'derived' | 'sharesAsCounts'> {
  const newest = FIRST_YEAR_COLUMN + k - 1;
  const both = withChange ? [newest, newest - 1] : [newest];
  const after = newest + 1;
  const changes = (first: number, n: number) =>
    withChange ? Array.from({ length: n }, (_x, i) => ({ col: first + i, from: both })) : [];
  if (m === 'count' || m === 'persons')
    return { derived: [{ col: after, from: [newest] }, ...changes(after + 1, 2)] };
  const derived = changes(after, 1);
  if (m === 'share')
    return {
      derived,
      sharesAsCounts: { columns: Array.from({ length: k }, (_x, j) => FIRST_YEAR_COLUMN + j) },
    };
  return { derived };
}

/** The row's label: the value's label in the vocabulary, "Not ended", or the value as written. */
function rowLabel({ r, o, t }: YoyContext, row: YoyRow): string {
  if (row.kind === 'notEnded') return t('Ikke afsluttet', 'Not ended');
  if (r.field === 'exitGroup')
    return row.key === UNMAPPED_GROUP
      ? t('Ikke i ordlisten', 'Not in the vocabulary')
      : o.vocab.exitGroupLabel(row.key, o.lang);
  if (r.field === 'exitReason') return o.vocab.exitReason.label(row.key, o.lang);
  if (r.field === 'targetGroup') return o.vocab.targetGroup.label(row.key, o.lang);
  if (row.key === UNKNOWN) return t('Uoplyst', 'Unknown');
  return row.key;
}

// Percentages as exact numbers, for the change in percentage points (never from rounded ones).
const pct = (c: number, of: number) => (of === 0 ? null : (100 * c) / of);
const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** Courses or persons: counts per year, the newest year's percent, the change in count and points. */
function countBody(c: YoyContext): Body {
  const { r, t, m, newest, prev, withChange } = c;
  const pick = (x: YoyRow['cells'][number]) => (m === 'count' ? x.courses : x.persons);
  const extra = [valueCol(t(`Pct. ${c.newestLabel}`, `% ${c.newestLabel}`))];
  if (withChange)
    extra.push(
      valueCol(t('Ændring, antal', 'Change, count')),
      valueCol(t('Ændring, pct.-point', 'Change, pp')),
    );
  const line = (cells: YoyRow['cells'], label: string, isTotal: boolean): Row => {
    const v = cells.map(pick);
    const of = r.totals.map(pick);
    const out: Cell[] = [text(label), ...v.map(count), share(v[newest]!, of[newest]!)];
    if (withChange)
      out.push(
        num(v[newest]! - v[prev]!, 0),
        isTotal ? empty : num(diff(pct(v[newest]!, of[newest]!), pct(v[prev]!, of[prev]!)), 1),
      );
    return isTotal ? { cells: out, style: 'total' } : { cells: out };
  };
  const rows = r.rows.map((x) => line(x.cells, rowLabel(c, x), false));
  rows.push(line(r.totals, t('I alt', 'Total'), true));
  return { extra, rows };
}

/** Shares of the year's courses, the change in points, and the year's courses as the total row. */
function shareBody(c: YoyContext): Body {
  const { r, t, newest, prev, withChange } = c;
  const rows: Row[] = r.rows.map((x) => {
    const cells: Cell[] = [
      text(rowLabel(c, x)),
      ...x.cells.map((y, j) => share(y.courses, r.totals[j]!.courses)),
    ];
    if (withChange) {
      const a = r.totals[newest]!.courses;
      const b = r.totals[prev]!.courses;
      cells.push(num(diff(pct(x.cells[newest]!.courses, a), pct(x.cells[prev]!.courses, b)), 1));
    }
    return { cells };
  });
  rows.push({
    cells: [
      text(t('Forløb i alt (n)', 'Courses in total (n)')),
      ...r.totals.map((y) => count(y.courses)),
      ...(withChange ? [empty] : []),
    ],
    style: 'total',
  });
  return { extra: withChange ? [valueCol(t('Ændring, pct.-point', 'Change, pp'))] : [], rows };
}

/** Median durations with their n, and the change in days; a row of courses not ended has none. */
function medianBody(c: YoyContext): Body {
  const { r, t, newest, prev, withChange } = c;
  const line = (cells: YoyRow['cells'], label: string, isTotal: boolean): Row => {
    const med = cells.map((y) => y.durationDays.median);
    const out: Cell[] = [text(label), ...cells.map((y) => num(y.durationDays.median, 1, y.durationDays.n))];
    if (withChange) out.push(num(diff(med[newest] ?? null, med[prev] ?? null), 1));
    return isTotal ? { cells: out, style: 'total' } : { cells: out };
  };
  const rows = r.rows.filter((x) => x.kind !== 'notEnded').map((x) => line(x.cells, rowLabel(c, x), false));
  rows.push(line(r.totals, t('Alle afsluttede forløb', 'All ended courses'), true));
  return { extra: withChange ? [valueCol(t('Ændring, dage', 'Change, days'))] : [], rows };
}
