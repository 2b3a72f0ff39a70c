/**
 * The one system of exact relations over a set of tables printed together: derived from each
 * table's `additive` (body rows → total row, explicit row groups, columns → total column) and
 * from the `links` tables declare across tables. Each relation says: total = sum of parts, over
 * the count cells (variables) of the Grid.
 */
import type { CellRef, Table } from '../model/table.js';
import { Grid } from './grid.js';

export interface Relation {
  total: number;
  parts: number[];
  /** When one part is hidden, hide the total rather than another part (`rowGroups[].secondary`). */
  hideTotal: boolean;
  /** The table whose declaration it is. */
  table: number;
  /** Whether it spans tables (a link to another table). */
  crossTable: boolean;
}

export function relations(grid: Grid): Relation[] {
  const out: Relation[] = [];
  grid.tables.forEach((table, t) => out.push(...withinTable(grid, table, t)));
  grid.tables.forEach((table, t) => out.push(...linksOf(grid, table, t)));
  out.push(...factsOf(grid));
  return out;
}

/** The relations `additive` declares: first down the columns, then across the rows (reading order). */
function withinTable(grid: Grid, table: Table, t: number): Relation[] {
  const out: Relation[] = [];
  const rows = grid.rows[t]!;
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const at = (i: number, j: number) => grid.varAt(t, i, j);
  const push = (total: number | undefined, parts: (number | undefined)[], hideTotal = false) => {
    if (total === undefined) return;
    const p = parts.filter((v): v is number => v !== undefined);
    out.push({ total, parts: p, hideTotal, table: t, crossTable: false });
  };
  const groups = table.additive?.rowGroups;
  if (groups) {
    for (const g of groups)
      for (let j = 0; j < width; j++)
        push(
          at(g.total, j),
          g.parts.map((i) => at(i, j)),
          g.secondary === 'total',
        );
  } else if (table.additive?.rows) {
    const totalRow = rows.findIndex((r) => r.style === 'total');
    if (totalRow >= 0)
      for (let j = 0; j < width; j++)
        push(
          at(totalRow, j),
          rows.map((r, i) => (r.style === 'total' ? undefined : at(i, j))),
        );
  }
  const tc = table.additive?.totalColumn;
  if (tc !== undefined)
    rows.forEach((row, i) =>
      push(
        at(i, tc),
        row.cells.map((_c, j) => (j === tc ? undefined : at(i, j))),
      ),
    );
  return out;
}

function linksOf(grid: Grid, table: Table, t: number): Relation[] {
  const out: Relation[] = [];
  for (const link of table.links ?? []) {
    const total = resolve(grid, t, link.total);
    const parts = link.parts.map((p) => resolve(grid, t, p));
    // A link to a table that is not printed is no relation the reader can use.
    if (total === null || parts.includes(null)) continue;
    const tables = new Set([total, ...parts].map((v) => grid.vars[v!]!.t));
    out.push({ total, parts: parts as number[], hideTotal: false, table: t, crossTable: tables.size > 1 });
  }
  return out;
}

/** Cells with the same fact key are equal: each one after the first is a relation with the first. */
function factsOf(grid: Grid): Relation[] {
  const first = new Map<string, number>();
  const out: Relation[] = [];
  grid.tables.forEach((table, t) => {
    for (const f of table.facts ?? []) {
      const v = grid.varAt(t, f.row, f.col);
      if (v === undefined)
        throw new Error(`${table.id}: fact ${f.key} at row ${f.row} column ${f.col} holds no count`);
      const w = first.get(f.key);
      if (w === undefined) first.set(f.key, v);
      else if (w !== v)
        out.push({ total: w, parts: [v], hideTotal: false, table: t, crossTable: grid.vars[w]!.t !== t });
    }
  });
  return out;
}

/**
 * The variable a link points at: the declaring table itself when the id is its own, else the nearest
 * table with the id before it, else the nearest after it; null when no table has the id. A cell that
 * holds no count is a bug of the builder.
 */
function resolve(grid: Grid, from: number, ref: CellRef): number | null {
  const ids = grid.tables.map((tb) => tb.id);
  let t = ids[from] === ref.table ? from : -1;
  for (let k = from - 1; t < 0 && k >= 0; k--) if (ids[k] === ref.table) t = k;
  for (let k = from + 1; t < 0 && k < ids.length; k++) if (ids[k] === ref.table) t = k;
  if (t < 0) return null;
  const v = grid.varAt(t, ref.row, ref.col);
  if (v === undefined)
    throw new Error(
      `${grid.tables[from]!.id}: a link names ${ref.table} row ${ref.row} column ${ref.col}, which holds no count`,
    );
  return v;
}

/**
 * The declared relations that do not hold on the input values, as messages (empty when all hold):
 * a relation that does not hold makes suppression protect the wrong thing. For the builders' tests;
 * suppress() itself takes the declarations as given.
 */
export function relationErrors(tables: Table[]): string[] {
  const grid = new Grid(tables);
  const out: string[] = [];
  for (const r of relations(grid)) {
    const total = grid.values[r.total];
    const parts = r.parts.map((v) => grid.values[v]);
    if (total === undefined || parts.some((v) => v === undefined)) continue;
    const sum = parts.reduce((a, b) => a! + b!, 0)!;
    if (sum !== total) {
      const p = grid.vars[r.total]!;
      out.push(
        `${grid.tables[r.table]!.id}: ${grid.tables[p.t]!.id} row ${p.i} column ${p.j} is ${total}, its parts add up to ${sum}`,
      );
    }
  }
  return out;
}
