/**
 * The rules a table declares about its own cells, applied after the shared suppression: share
 * columns suppressed as the counts behind them (`Table.sharesAsCounts`), and cells computed from
 * other cells of their row hidden with them (`Table.derived`).
 */
import { sayer, type Lang } from '../base/i18n.js';
import { count, type Cell, type CellRef, type Row, type Table } from '../model/table.js';
import { HIDDEN } from './grid.js';

/**
 * The table of counts behind a table's share columns: the label, then per share column its count
 * (body rows) or the total row's own cell, the body rows adding up to the total row. Suppressed
 * as a table of its own, it tells which shares give a small count away. Undefined when the table
 * declares no such columns.
 */
export function countsBehindShares(table: Table): Table | undefined {
  const columns = table.sharesAsCounts?.columns;
  if (columns === undefined) return undefined;
  const rows = table.rows.map((row): Row =>
    row.style === 'total'
      ? { cells: [row.cells[0]!, ...columns.map((j) => row.cells[j]!)], style: 'total' }
      : {
          cells: [
            row.cells[0]!,
            ...columns.map((j) => {
              const c = row.cells[j];
              return count(c?.t === 'share' ? c.count : 0);
            }),
          ],
        },
  );
  const rowGroups = table.sharesAsCounts?.rowGroups;
  const additive = rowGroups ? { rowGroups } : { rows: true };
  return { id: `${table.id}.counts`, title: '', columns: [], rows, notes: [], additive };
}

/**
 * A table after the shared suppression (`shown`) with its declared rules applied: the shares
 * whose counts are hidden in `counts` (the suppressed countsBehindShares) hidden too, and the
 * derived cells of a hidden cell (`hiddenElsewhere` tells whether a cell of another table that a
 * `derivedCells` entry names is hidden there). Notes: the counts table's suppression notes that are new, and
 * a note when a derived cell other than a share (a change) was hidden.
 */
export function withDeclared(
  shown: Table,
  counts: Table | undefined,
  lang: Lang,
  hiddenElsewhere: (ref: CellRef) => boolean = () => false,
): Table {
  if (counts === undefined && shown.derived === undefined && shown.derivedCells === undefined) return shown;
  const shareColumns = shown.sharesAsCounts?.columns ?? [];
  const isHidden = (c: Cell | undefined) => c?.t === 'suppressed';
  // A share column follows the counts behind it; any other column the table as shown.
  const hiddenAt = (i: number, j: number) => {
    const k = shareColumns.indexOf(j);
    return counts !== undefined && k >= 0
      ? isHidden(counts.rows[i]!.cells[1 + k])
      : isHidden(shown.rows[i]!.cells[j]);
  };
  let changeHidden = false;
  const rows = shown.rows.map((row, i) => {
    const cells = [...row.cells];
    const hide = (j: number) => {
      const c = cells[j];
      if (c === undefined || c.t === 'suppressed' || c.t === 'empty') return false;
      cells[j] = { t: 'suppressed', shown: HIDDEN };
      return true;
    };
    for (const j of shareColumns) if (hiddenAt(i, j)) hide(j);
    const hideDerived = (j: number) => {
      // A share hidden with its count is told by the shared note already.
      const isShare = cells[j]?.t === 'share';
      if (hide(j) && !isShare) changeHidden = true;
    };
    for (const d of shown.derived ?? [])
      if ((d.rows === undefined || d.rows.includes(i)) && d.from.some((j) => hiddenAt(i, j)))
        hideDerived(d.col);
    for (const d of shown.derivedCells ?? [])
      if (d.row === i && d.from.some(hiddenElsewhere)) d.cols.forEach(hideDerived);
    return { ...row, cells };
  });
  const notes = [...shown.notes];
  for (const n of counts?.notes ?? []) if (!notes.includes(n)) notes.push(n);
  if (changeHidden)
    notes.push(
      sayer(lang)(
        'En ændring, der bygger på et skjult tal, er også vist som "..".',
        'A change computed from a hidden number is also shown as "..".',
      ),
    );
  return { ...shown, rows, notes };
}
