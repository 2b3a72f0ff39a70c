/**
 * Keys of rows and columns for the json: the same in every language, so a script reads
 * `rows[key = "activePersons"]` whether the memo was made in Danish or English. A builder sets
 * `key` where it knows one (a figure's name, a vocabulary key, a value of a `--by` field); every
 * other row or column gets a key derived from its English label (the English tables of the same
 * build, handed in by the pipeline), slugified to camelCase: "Persons active in the period" →
 * `personsActiveInThePeriod`. Duplicates in a table get "_2", "_3" in their order.
 */
import type { Table } from '../model/table.js';
import { columnKey, rowKey, sameShape, slugKey } from '../model/keys.js';

export { slugKey };

function unique(keys: string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((k) => {
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? k : `${k}_${n}`;
  });
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
    const same = en !== undefined && sameShape(t, en);
    const colKeys = unique(t.columns.map((c, j) => columnKey(c, same ? en.columns[j] : undefined, j)));
    const rowKeys = unique(t.rows.map((r, i) => rowKey(r, same ? en.rows[i] : undefined, i)));
    return {
      ...t,
      columns: t.columns.map((c, j) => ({ ...c, key: colKeys[j]! })),
      rows: t.rows.map((r, i) => ({ ...r, key: rowKeys[i]! })),
    };
  });
}
