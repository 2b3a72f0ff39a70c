/**
 * Keys of rows and columns (Row.key, Column.key): the same in every language. A builder names a
 * figure by hand (`activePersons`) or slugs the English label of a row or column it makes
 * (slugKey), so that the json needs no second, English build to key it (render/json-keys.ts).
 */

import { isoOf } from '../base/dates.js';
import { safeText } from '../base/text.js';
import type { Column, Row, Table } from './table.js';

/**
 * "Courses ended, 2025 (%)" → "coursesEnded2025Percent": words in camelCase; æ/ø/å as ae/oe/aa,
 * other accents dropped; "%" "percent", "<" "under", "+" "plus"; two numbers in a row joined by
 * "_" ("10-19" → "10_19"); "" when the label has no letter or digit.
 */
export function slugKey(label: string): string {
  // Redacted first: a slug would hide a CPR number from redaction (150385-1235 → 150385_1235).
  const plain = safeText(label)
    .replace(/%/g, ' percent ')
    .replace(/</g, ' under ')
    .replace(/>/g, ' over ')
    .replace(/\+/g, ' plus ')
    .replace(/[Ææ]/g, 'ae')
    .replace(/[Øø]/g, 'oe')
    .replace(/[Åå]/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const words = plain.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  let key = '';
  for (const w of words) {
    if (key === '') key = w.charAt(0).toLowerCase() + w.slice(1);
    else if (/\d$/.test(key) && /^\d/.test(w)) key += `_${w}`;
    else key += w.charAt(0).toUpperCase() + w.slice(1);
  }
  return key;
}

/** The key of a "% X" column beside a column keyed `key`: "percentNordK", as slugKey("% Nord / K"). */
export const percentKey = (key: string): string => slugKey(`percent ${key}`);

/** The label a row is known by: its first cell as text (a date as ISO, a number as written). */
function rowLabel(r: Row): string {
  const c = r.cells[0];
  if (!c) return '';
  if (c.t === 'text') return c.v;
  if (c.t === 'date') return c.v === null ? '' : isoOf(c.v);
  if (c.t === 'count') return String(c.v);
  return '';
}

export function columnKey(c: Column, english: Column | undefined, j: number): string {
  if (c.key !== undefined && c.key !== '') return c.key;
  const slug = slugKey(english?.label ?? c.label);
  if (slug !== '') return slug;
  return c.kind === 'label' && j === 0 ? 'label' : `col${j + 1}`;
}

export function rowKey(r: Row, english: Row | undefined, i: number): string {
  if (r.key !== undefined && r.key !== '') return r.key;
  const slug = slugKey(rowLabel(english ?? r));
  if (slug !== '') return slug;
  return r.style === 'total' ? 'total' : `row${i + 1}`;
}

/** Whether two tables have as many rows and columns: the one may key the other. */
export const sameShape = (t: Table, en: Table): boolean =>
  en.rows.length === t.rows.length && en.columns.length === t.columns.length;

/**
 * The tables with a key on every row and column a builder left without one, from the same result's
 * tables in English (`english`, in the same order): the slug of the English label, as the json
 * would make it (render/json-keys.ts). For a builder whose tables are a function of a result that
 * is counted once: the English tables cost only their words, not a second count.
 */
export function keyedLike(tables: Table[], english: Table[]): Table[] {
  return tables.map((t, k) => {
    const en = english[k];
    if (en === undefined || en.id !== t.id || !sameShape(t, en)) return t;
    return {
      ...t,
      columns: t.columns.map((c, j) => ({ ...c, key: columnKey(c, en.columns[j], j) })),
      rows: t.rows.map((r, i) => ({ ...r, key: rowKey(r, en.rows[i], i) })),
    };
  });
}

/** True when every row and column of the tables has a key: the json keys them as they are. */
export function allKeyed(
  tables: readonly { columns: { key?: string }[]; rows: { key?: string }[] }[],
): boolean {
  const has = (x: { key?: string }) => x.key !== undefined && x.key !== '';
  return tables.every((t) => t.columns.every(has) && t.rows.every(has));
}
