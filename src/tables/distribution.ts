/**
 * The memo table of a distribution: values as rows with a count and a percent, and a total row;
 * or, side by side, one count column per group (the last being the total) and the percent of the
 * total. Shared by every command that shows "N by X".
 */
import type { Count } from '../analyses/keyfigures.js';
import { word, type Lang } from '../base/i18n.js';
import { count, labelCol, share, text, valueCol, type Column, type Row } from '../model/table.js';

export type { Count };

/** Columns of data: one, or several with the total last. */
export interface DataColumn<T> {
  label: string;
  /** Its key in the json (model/keys.ts): the slug of its English label, "total" for the total. */
  key?: string;
  k: T;
}

export function distributionColumns<T>(cols: DataColumn<T>[], first: string, lang: Lang): Column[] {
  const pct = word(lang, 'percent');
  return cols.length === 1
    ? [labelCol(first, 'label'), valueCol(word(lang, 'count'), 'count'), valueCol(pct, 'percent')]
    : [labelCol(first, 'label'), ...cols.map((c) => valueCol(c.label, c.key)), valueCol(pct, 'percent')];
}

/**
 * Rows in the total column's order (values only some columns have follow), a count per column,
 * the percent of the total column, and the total row of the denominators.
 */
export function distributionRows<T>(
  cols: DataColumn<T>[],
  pick: (k: T) => Count[],
  denominator: (k: T) => number,
  label: (value: string) => string,
  lang: Lang,
): Row[] {
  const total = cols[cols.length - 1]!.k;
  const rows: Row[] = distributionValues(cols, pick).map((value) => {
    const counts = cols.map((c) => pick(c.k).find((x) => x.value === value)?.count ?? 0);
    return {
      key: value,
      cells: [
        text(label(value)),
        ...counts.map(count),
        share(counts[counts.length - 1]!, denominator(total)),
      ],
    };
  });
  rows.push({
    cells: [
      text(word(lang, 'total')),
      ...cols.map((c) => count(denominator(c.k))),
      share(denominator(total), denominator(total)),
    ],
    key: 'total',
    style: 'total',
  });
  return rows;
}

/** The values of the body rows of `distributionRows`, in their order (row i holds values[i]). */
export function distributionValues<T>(cols: DataColumn<T>[], pick: (k: T) => Count[]): string[] {
  const values: string[] = [];
  for (const c of [...cols].reverse())
    for (const x of pick(c.k)) if (!values.includes(x.value)) values.push(x.value);
  return values;
}
