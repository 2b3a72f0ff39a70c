/**
 * Tables → JSON for scripts (the shape: schema/jobfx.output.schema.json, from render/json-schema.ts).
 * Numbers are unrounded. A cell is a plain value where one value says it all (text and ISO dates as
 * strings, counts, p-values and num cells as numbers, null for empty or missing) and an object where
 * it carries more: a share `{ count, of, percent }`, a num cell with its n `{ value, n }`, a
 * suppressed cell `{ suppressed: "<5" }`. Every row and column has a `key` that is the same in every
 * language (render/json-keys.ts). Keys come in a fixed order.
 * A table with statistics that no cell holds (a chi-square, its df) has `stats` (Table.stats).
 */
import { isoOf, type Day } from '../base/dates.js';
import type { Cell, Table } from '../model/table.js';
import { safeDeep } from '../base/text.js';
import { safeTables } from './format.js';
import { withKeys } from './json-keys.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** What the tables are of: the document around them (the pipeline fills it in). */
export interface JsonContext {
  command: string;
  /** The input as named in messages ("stdin" for `-`). */
  input: string;
  /** The period the figures are of; null where the command has none (every course in the data). */
  period: { from: Day; to: Day } | null;
  /** The date follow-up and "so far" are measured against; null where the command has none. */
  asOf: Day | null;
  /** The options that shaped the figures, by their long name in camelCase, defaults included. */
  options: Record<string, Json>;
  accounting: { read: number; accepted: number; rejected: number; skipped: number; notStarted: number };
  /** The same build in English, for the keys of rows and columns a builder left without one. */
  english?: Table[];
}

export function renderJson(tables: Table[], ctx?: JsonContext): string {
  // The English labels are redacted before they become keys: a slug would hide a CPR number
  // from redaction (150385-1235 → 150385_1235); the whole document is redacted once more.
  const english = ctx?.english && safeTables(ctx.english);
  const keyed = withKeys(safeTables(tables), english).map(tableJson);
  const doc: Json = ctx
    ? {
        command: ctx.command,
        input: ctx.input,
        period: ctx.period && { from: isoOf(ctx.period.from), to: isoOf(ctx.period.to) },
        asOf: ctx.asOf === null ? null : isoOf(ctx.asOf),
        options: ctx.options,
        accounting: { ...ctx.accounting },
        tables: keyed,
      }
    : { tables: keyed };
  return `${JSON.stringify(safeDeep(doc), null, 2)}\n`;
}

function tableJson(t: Table): Json {
  return {
    id: t.id,
    title: t.title,
    columns: t.columns.map((c) => ({ key: c.key!, label: c.label, kind: c.kind })),
    rows: t.rows.map((r) => ({ key: r.key!, style: r.style ?? null, cells: r.cells.map(cellJson) })),
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
      // A p-value (a cell with `below`) is a number: its n is for suppression, not for the reader.
      return c.n === undefined || c.below !== undefined ? value : { value, n: c.n };
    }
    case 'date':
      return c.v === null ? null : isoOf(c.v);
    case 'empty':
      return null;
    case 'suppressed':
      return { suppressed: c.shown };
  }
}
