/**
 * YoyResult → a memo table: one row per value, one column (or a count and a percent column, with
 * --measure count,share) per year (half-year, quarter, month or given column), and the newest
 * column's percent and change from the column before it. Cells show the measure; shares carry
 * their counts. States under the table what was counted. One builder per part: the lines (rows
 * with a subtotal and the total), the cells of each measure (yoy-cells.ts), the title and notes
 * (yoy-notes.ts), and what suppression must know about the columns.
 */
import type { YoyResult, YoyRow } from '../analyses/yoy.js';
import { labelCol, text, valueCol, type Cell, type Column, type Row, type Table } from '../model/table.js';
import { slugKey } from '../model/keys.js';
import { measureCells, type Line } from './yoy-cells.js';
import { yoyContext, type YoyContext, type YoyTableOptions } from './yoy-context.js';
import { rowLabel } from './yoy-labels.js';
import { yoyNotes, yoyTitle } from './yoy-notes.js';

export type { YoyTableOptions } from './yoy-context.js';

/** Index of the first year column; the year columns (blocks) follow from there. */
export const FIRST_YEAR_COLUMN = 1;

export function yoyTable(r: YoyResult, o: YoyTableOptions): Table {
  const c = yoyContext(r, o);
  // The same result's words in English, for the keys of rows and columns (model/keys.ts): no
  // second count, only the labels.
  const en = o.lang === 'en' ? c : yoyContext(r, { ...o, lang: 'en' });
  const lines = linesOf(c, en);
  const m = measureCells(c);
  const me = o.lang === 'en' ? m : measureCells(en);
  const rows: Row[] = lines.map((line) => {
    const cells: Cell[] = [text(line.style === 'total' ? m.totalLabel : line.label)];
    for (let j = 0; j < c.k; j++) cells.push(...m.year(line, j));
    cells.push(...m.extra(line));
    const key = line.style === 'total' ? slugKey(me.totalLabel) : line.key;
    return line.style ? { key, cells, style: line.style } : { key, cells };
  });
  // A part year given with --columns is named in the language of its parse: no key from it.
  const keyed = (o.columnNotes ?? []).length === 0;
  const col = (make: typeof valueCol, label: string, english: string) =>
    keyed ? make(label, slugKey(english)) : make(label);
  const columns: Column[] = [col(labelCol, c.heading, en.heading)];
  for (let j = 0; j < c.k; j++) {
    const english = me.yearHeaders(j);
    columns.push(...m.yearHeaders(j).map((h, i) => col(valueCol, h, english[i]!)));
  }
  columns.push(...m.extraHeaders.map((h, i) => col(valueCol, h, me.extraHeaders[i]!)));
  const table: Table = {
    id: `yoy.${r.field}`,
    fields: [r.field],
    title: yoyTitle(c),
    columns,
    rows,
    notes: yoyNotes(c),
  };
  const derived = m.derived();
  if (derived.length > 0) table.derived = derived;
  const groups = rowGroups(lines);
  if (m.counts) table.additive = groups ? { rowGroups: groups } : { rows: true };
  if (m.sharesAsCounts.length > 0)
    table.sharesAsCounts = { columns: m.sharesAsCounts, ...(groups ? { rowGroups: groups } : {}) };
  return o.order === 'desc' ? newestFirst(table, c.k, m.width) : table;
}

/**
 * The columns of the year blocks in display order: `yearColumns(k, width, order)[j]` is the
 * first column of year j (oldest first), for the chart's series.
 */
export function yearColumns(k: number, width: number, order: 'asc' | 'desc' = 'asc'): number[] {
  return Array.from({ length: k }, (_x, j) => FIRST_YEAR_COLUMN + (order === 'desc' ? k - 1 - j : j) * width);
}

/**
 * The lines of the table: the value rows (with --rows-select the selected ones, then their
 * subtotal with --subtotal, then "the others"), the rows of courses not ended, and the total.
 */
function linesOf(c: YoyContext, en: YoyContext): Line[] {
  const { r, o, t } = c;
  const line = (x: YoyRow): Line => ({
    label: rowLabel(c, x),
    key: slugKey(rowLabel(en, x)),
    cells: x.cells,
    since: x.since,
  });
  const values = r.rows.filter((x) => x.kind === 'value');
  // A median is of ended courses: the rows of courses not ended have none.
  const rest = r.rows.filter((x) => x.kind === 'others' || (x.kind !== 'value' && c.m !== 'median-duration'));
  const lines = values.map(line);
  if (o.subtotal && r.subtotal)
    lines.push({
      label: t('I alt, udvalgte', 'Total, selected'),
      key: 'totalSelected',
      cells: r.subtotal,
      since: null,
      style: 'subtotal',
    });
  lines.push(...rest.map(line));
  lines.push({ label: '', key: '', cells: r.totals, since: null, style: 'total' });
  return lines;
}

/** With a subtotal: it sums the selected rows; the total sums every other body row. */
function rowGroups(lines: Line[]): NonNullable<Table['additive']>['rowGroups'] | undefined {
  const sub = lines.findIndex((l) => l.style === 'subtotal');
  if (sub < 0) return undefined;
  const total = lines.length - 1;
  const body = lines.map((_l, i) => i).filter((i) => i !== sub && i !== total);
  return [
    { total: sub, parts: body.filter((i) => i < sub) },
    { total, parts: body },
  ];
}

/** The year blocks reversed (newest first); the columns after them stay; declarations follow. */
function newestFirst(table: Table, k: number, width: number): Table {
  const order: number[] = [0];
  for (let j = k - 1; j >= 0; j--)
    for (let w = 0; w < width; w++) order.push(FIRST_YEAR_COLUMN + j * width + w);
  for (let i = FIRST_YEAR_COLUMN + k * width; i < table.columns.length; i++) order.push(i);
  const to = new Map(order.map((old, now) => [old, now]));
  const at = (i: number) => to.get(i)!;
  return {
    ...table,
    columns: order.map((i) => table.columns[i]!),
    rows: table.rows.map((row) => ({ ...row, cells: order.map((i) => row.cells[i]!) })),
    ...(table.derived
      ? { derived: table.derived.map((d) => ({ ...d, col: at(d.col), from: d.from.map(at) })) }
      : {}),
    ...(table.sharesAsCounts
      ? { sharesAsCounts: { ...table.sharesAsCounts, columns: table.sharesAsCounts.columns.map(at) } }
      : {}),
  };
}
