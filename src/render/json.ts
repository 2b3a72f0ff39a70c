/**
 * Tables → JSON for scripts. Numbers are unrounded. A cell is a plain value where one value says
 * it all (text and ISO dates as strings, counts and num cells as numbers, null for empty or
 * missing) and an object where it carries more: a share `{ count, of, percent }`, a num cell with
 * its n `{ value, n }`, a suppressed cell `{ suppressed: "<5" }`. Keys come in a fixed order. A
 * table with statistics that no cell holds (a chi-square, its df) has `stats` (Table.stats).
 */
import { isoOf } from '../base/dates.js';
import type { Cell, Table } from '../model/table.js';
import { safeTables } from './format.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function renderJson(tables: Table[]): string {
  return `${JSON.stringify({ tables: safeTables(tables).map(tableJson) }, null, 2)}\n`;
}

function tableJson(t: Table): Json {
  return {
    id: t.id,
    title: t.title,
    columns: t.columns.map((c) => ({ label: c.label, kind: c.kind })),
    rows: t.rows.map((r) => ({ style: r.style ?? null, cells: r.cells.map(cellJson) })),
    notes: [...t.notes],
    additive: t.additive
      ? { rows: t.additive.rows ?? false, totalColumn: t.additive.totalColumn ?? null }
      : null,
    // Only where the table has statistics (model/table.ts `stats`): null when withheld.
    ...(t.stats === undefined ? {} : { stats: t.stats === null ? null : statsJson(t.stats) }),
  };
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The statistics in the order they were named (fixed by the table builder). */
function statsJson(stats: Record<string, number | null>): Json {
  return Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, v === null ? null : finite(v)]));
}

function cellJson(c: Cell): Json {
  switch (c.t) {
    case 'text':
      return c.v;
    case 'count':
      return finite(c.v);
    case 'share':
      return { count: c.count, of: c.of, percent: c.of === 0 ? null : finite((100 * c.count) / c.of) };
    case 'num': {
      const value = c.v === null ? null : finite(c.v);
      return c.n === undefined ? value : { value, n: c.n };
    }
    case 'date':
      return c.v === null ? null : isoOf(c.v);
    case 'empty':
      return null;
    case 'suppressed':
      return { suppressed: c.shown };
  }
}
