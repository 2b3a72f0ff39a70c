/**
 * Helpers for declaring `Table.links`: exact relations between cells of different tables, which
 * suppression (src/disclosure/) protects as one system with each table's `additive`.
 */
import { UNMAPPED_GROUP } from '../analyses/exits.js';
import type { Window } from '../analyses/repeats.js';
import type { Fact, Link, Table } from '../model/table.js';
import { distributionValues, type Count, type DataColumn } from './distribution.js';

export interface RowRef {
  table: string;
  row: number;
}

/** In each column of `cols`, the cell of row `total` is the sum of the cells of the rows `parts`. */
export function sumRows(total: RowRef, parts: RowRef[], cols: number[]): Link[] {
  return cols.map((col) => ({ total: { ...total, col }, parts: parts.map((p) => ({ ...p, col })) }));
}

/** Two rows that show the same numbers, column by column (the same figure printed twice). */
export function sameRow(a: RowRef, b: RowRef, cols: number[]): Link[] {
  return sumRows(a, [b], cols);
}

/** In each row of `rows`, the cell in column `total` is the sum of the cells in the columns `parts`. */
export function sumColumns(table: string, rows: number[], total: number, parts: number[]): Link[] {
  return rows.map((row) => ({
    total: { table, row, col: total },
    parts: parts.map((col) => ({ table, row, col })),
  }));
}

/** The count columns of a distribution table (1 … number of data columns). */
export function countColumns<T>(cols: DataColumn<T>[]): number[] {
  return cols.map((_c, j) => j + 1);
}

/**
 * An exit group is the sum of its reasons, in every count column: the group rows of table `groups`
 * against the reason rows of table `reasons` (both laid out by `distributionRows`). A reason's
 * group is the one the total column gives it; a reason without a group is in "Ikke i ordlisten".
 */
export function exitGroupLinks<T>(
  cols: DataColumn<T>[],
  ids: { reasons: string; groups: string },
  reasons: (k: T) => (Count & { group: string | null })[],
  groups: (k: T) => Count[],
): Link[] {
  const reasonValues = distributionValues(cols, reasons);
  const groupOf = new Map(reasons(cols[cols.length - 1]!.k).map((r) => [r.value, r.group ?? UNMAPPED_GROUP]));
  return distributionValues(cols, groups).flatMap((g, gi) => {
    const parts = reasonValues.flatMap((r, ri) =>
      groupOf.get(r) === g ? [{ table: ids.reasons, row: ri }] : [],
    );
    return parts.length === 0 ? [] : sumRows({ table: ids.groups, row: gi }, parts, countColumns(cols));
  });
}

/** Add links to a table (the later of the tables they join: see `Table.links`). */
export function addLinks(table: Table | undefined, links: Link[]): void {
  if (!table || links.length === 0) return;
  table.links = [...(table.links ?? []), ...links];
}

/** The key of each data column for `Table.facts`: "all" for the total (last) column, else by=label. */
export function columnKeys<T>(cols: DataColumn<T>[], by: string | undefined): string[] {
  return cols.map((c, j) => (j === cols.length - 1 ? 'all' : `${by ?? ''}=${c.label}`));
}

/**
 * Facts for a table laid out by `distributionRows`: the body row of value v in column j is
 * `${prefix}|${column key}|${name}=${v}`, the total row `${prefix}|${column key}`.
 */
export function distributionFacts<T>(
  cols: DataColumn<T>[],
  pick: (k: T) => Count[],
  prefix: string,
  name: string,
  by: string | undefined,
): Fact[] {
  const keys = columnKeys(cols, by);
  const values = distributionValues(cols, pick);
  return keys.flatMap((c, j) => [
    ...values.map((v, row) => ({ key: `${prefix}|${c}|${name}=${v}`, row, col: j + 1 })),
    { key: `${prefix}|${c}`, row: values.length, col: j + 1 },
  ]);
}

/** The fact-key prefix of the repeat-user figures of a period, window and minimum gap. */
export function repeatsFact(periodText: string, window: Window, minGapDays: number): string {
  return `repeats|${periodText}|${window.n}${window.unit}|gap ${minGapDays}`;
}
