/**
 * `--percent col|row|total`: the shares of a table's --by columns, beside its counts
 * (docs/definitions.md#percent). A table has --by columns when it declares a total column
 * (`additive.totalColumn`) and has a total row; other tables are left as they are.
 *
 * The share columns are appended after the table's own columns, so that every column index the
 * table declares (links, facts, additive) still names the same cells. A share gives back its
 * count and its denominator when either is hidden: each share cell is declared `derivedCells`
 * of both, so suppression hides it with either (src/disclosure/declared.ts).
 */
import { sayer, word, type Lang } from '../base/i18n.js';
import { empty, share, valueCol, type Cell, type Table } from '../model/table.js';
import { percentKey } from '../model/keys.js';

export const PERCENT_MODES = ['col', 'row', 'total'] as const;
export type PercentMode = (typeof PERCENT_MODES)[number];

/** The tables with their --by shares added (tables without --by columns unchanged). */
export function withPercent(tables: Table[], mode: PercentMode | undefined, lang: Lang): Table[] {
  return mode === undefined ? tables : tables.map((t) => percentTable(t, mode, lang));
}

function percentTable(table: Table, mode: PercentMode, lang: Lang): Table {
  const total = table.additive?.totalColumn;
  const totalRow = lastIndex(table.rows, (r) => r.style === 'total');
  if (total === undefined || totalRow < 0) return table;
  // Row shares of the total column are 100 % in every row, and its column shares are the
  // table's own percent column where it has one: left out.
  const ownShares = table.rows[totalRow]!.cells[total + 1]?.t === 'share';
  const withTotal = mode === 'total' || (mode === 'col' && !ownShares);
  const cols = Array.from({ length: withTotal ? total : total - 1 }, (_, k) => k + 1);
  const n = table.columns.length;
  const valueOf = (c: Cell | undefined) => (c?.t === 'count' ? c.v : undefined);
  const derivedCells: NonNullable<Table['derivedCells']> = [];
  const rows = table.rows.map((row, i) => {
    const cells = cols.map((j, k): Cell => {
      const [di, dj] = mode === 'col' ? [totalRow, j] : mode === 'row' ? [i, total] : [totalRow, total];
      const count = valueOf(row.cells[j]);
      const of = valueOf(table.rows[di]!.cells[dj]);
      if (count === undefined || of === undefined) return empty;
      derivedCells.push({
        row: i,
        cols: [n + k],
        from: [
          { table: table.id, row: i, col: j },
          { table: table.id, row: di, col: dj },
        ],
      });
      return share(count, of);
    });
    return { ...row, cells: [...row.cells, ...cells] };
  });
  const t = sayer(lang);
  const pct = word(lang, 'percent');
  const what = {
    col: t('andel af kolonnens total (rækken "I alt")', 'share of the column\'s total (the "Total" row)'),
    row: t('andel af rækkens total (kolonnen "I alt")', 'share of the row\'s total (the "Total" column)'),
    total: t('andel af den samlede total', 'share of the grand total'),
  }[mode];
  return {
    ...table,
    columns: [
      ...table.columns,
      ...cols.map((j) => {
        const of = table.columns[j]!;
        return valueCol(`${pct} ${of.label}`, of.key && percentKey(of.key));
      }),
    ],
    rows,
    notes: [...table.notes, t(`Kolonnerne "${pct} …": ${what}.`, `The "${pct} …" columns: ${what}.`)],
    derivedCells: [...(table.derivedCells ?? []), ...derivedCells],
  };
}

function lastIndex<T>(xs: readonly T[], p: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (p(xs[i]!)) return i;
  return -1;
}
