/**
 * Keys of rows and columns for the json: the same in every language, so a script reads
 * `rows[key = "activePersons"]` whether the memo was made in Danish or English. A builder sets
 * `key` where it knows one (a figure's name, a vocabulary key, a value of a `--by` field); every
 * other row or column gets a key derived from its English label (the English tables of the same
 * build, handed in by the pipeline), slugified to camelCase: "Persons active in the period" →
 * `personsActiveInThePeriod`. Duplicates in a table get "_2", "_3" in their order.
 */
import { isoOf } from '../base/dates.js';
import type { Column, Row, Table } from '../model/table.js';
import { slugKey } from '../model/keys.js';

export { slugKey };

/** The label a row is known by: its first cell as text (a date as ISO, a number as written). */
function rowLabel(r: Row): string {
  const c = r.cells[0];
  if (!c) return '';
  if (c.t === 'text') return c.v;
  if (c.t === 'date') return c.v === null ? '' : isoOf(c.v);
  if (c.t === 'count') return String(c.v);
  return '';
}

function unique(keys: string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((k) => {
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? k : `${k}_${n}`;
  });
}

function columnKey(c: Column, english: Column | undefined, j: number): string {
  if (c.key !== undefined && c.key !== '') return c.key;
  const slug = slugKey(english?.label ?? c.label);
  if (slug !== '') return slug;
  return c.kind === 'label' && j === 0 ? 'label' : `col${j + 1}`;
}

function rowKey(r: Row, english: Row | undefined, i: number): string {
  if (r.key !== undefined && r.key !== '') return r.key;
  const slug = slugKey(rowLabel(english ?? r));
  if (slug !== '') return slug;
  return r.style === 'total' ? 'total' : `row${i + 1}`;
}

/**
 * The tables with a key on every row and column, unique in the table. `english`: the same build's
 * tables in English (omitted: the tables are English); a table is matched by its id and place
 * among the tables of that id, and used only where its shape is the same.
 */
export function withKeys(tables: Table[], english: Table[] = tables): Table[] {
  const seen = new Map<string, number>();
  return tables.map((t) => {
    const nth = seen.get(t.id) ?? 0;
    seen.set(t.id, nth + 1);
    const en = english.filter((e) => e.id === t.id)[nth];
    const same = en && en.rows.length === t.rows.length && en.columns.length === t.columns.length;
    const colKeys = unique(t.columns.map((c, j) => columnKey(c, same ? en.columns[j] : undefined, j)));
    const rowKeys = unique(t.rows.map((r, i) => rowKey(r, same ? en.rows[i] : undefined, i)));
    return {
      ...t,
      columns: t.columns.map((c, j) => ({ ...c, key: colKeys[j]! })),
      rows: t.rows.map((r, i) => ({ ...r, key: rowKeys[i]! })),
    };
  });
}
