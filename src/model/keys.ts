/**
 * Keys of rows and columns (Row.key, Column.key): the same in every language. A builder names a
 * figure by hand (`activePersons`) or slugs the English label of a row or column it makes
 * (slugKey), so that the json needs no second, English build to key it (render/json-keys.ts).
 */

/**
 * "Courses ended, 2025 (%)" → "coursesEnded2025Percent": words in camelCase; æ/ø/å as ae/oe/aa,
 * other accents dropped; "%" "percent", "<" "under", "+" "plus"; two numbers in a row joined by
 * "_" ("10-19" → "10_19"); "" when the label has no letter or digit.
 */
export function slugKey(label: string): string {
  const plain = label
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

/** True when every row and column of the tables has a key: the json keys them as they are. */
export function allKeyed(
  tables: readonly { columns: { key?: string }[]; rows: { key?: string }[] }[],
): boolean {
  const has = (x: { key?: string }) => x.key !== undefined && x.key !== '';
  return tables.every((t) => t.columns.every(has) && t.rows.every(has));
}
