/**
 * Primary suppression: what is hidden for its own sake, before any relation is looked at.
 * A count 0 < v < N shows "<N"; a share whose count or denominator is 0 < x < N, and a num cell
 * (mean, median, quartile) resting on 0 < n < N persons, show "..". Cumulative columns (a weekly
 * curve) show a row only when the events since the last shown row are none or at least N.
 */
import type { Table } from '../model/table.js';
import { HIDDEN, type Grid } from './grid.js';

export function primary(grid: Grid, n: number): void {
  const small = (v: number) => v > 0 && v < n;
  grid.vars.forEach((p, v) => {
    const c = grid.cell(p);
    if (c?.t === 'count' && small(c.v)) {
      grid.hide(v, `<${n}`);
      grid.marks[p.t]!.primary = true;
    }
  });
  grid.rows.forEach((rows, t) => {
    for (const row of rows)
      row.cells.forEach((c, j) => {
        if (
          (c.t === 'share' && (small(c.count) || small(c.of))) ||
          (c.t === 'num' && c.n !== undefined && small(c.n))
        ) {
          row.cells[j] = { t: 'suppressed', shown: HIDDEN };
          grid.marks[t]!.primary = true;
        }
      });
    // A table suppressed already in its input keeps its note.
    if (grid.tables[t]!.rows.some((r) => r.cells.some((c) => c.t === 'suppressed')))
      grid.marks[t]!.primary = true;
  });
  grid.tables.forEach((table, t) => {
    if (table.cumulative && cumulative(grid, t, table.cumulative, small)) grid.marks[t]!.differencing = true;
  });
}

/**
 * A row of a set is shown only when the events since the last shown row of the set are none or at
 * least N (else the difference of two shown rows gives a small number away); a derived column goes
 * with any set hidden in its row. Returns whether a row was hidden for that reason.
 */
function cumulative(
  grid: Grid,
  t: number,
  spec: NonNullable<Table['cumulative']>,
  small: (v: number) => boolean,
): boolean {
  const rows = grid.rows[t]!;
  let differencing = false;
  const hiddenIn = rows.map(() => false);
  for (const set of spec.sets) {
    let lastShown = 0;
    rows.forEach((row, i) => {
      const events = set.map((j) => row.cells[j]).find((c) => c?.t === 'num' && c.n !== undefined);
      if (set.some((j) => row.cells[j]?.t === 'suppressed')) {
        hiddenIn[i] = true;
        return;
      }
      if (events?.t !== 'num' || events.n === undefined) return;
      if (small(events.n - lastShown)) {
        for (const j of set) row.cells[j] = { t: 'suppressed', shown: HIDDEN };
        hiddenIn[i] = true;
        differencing = true;
      } else lastShown = events.n;
    });
  }
  rows.forEach((row, i) => {
    if (!hiddenIn[i]) return;
    for (const j of spec.derived ?? [])
      if (row.cells[j] && row.cells[j]!.t !== 'suppressed') row.cells[j] = { t: 'suppressed', shown: HIDDEN };
  });
  return differencing;
}
