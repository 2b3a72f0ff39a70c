/**
 * Secondary suppression over the system of relations: a relation must never have exactly one
 * hidden cell among its total and its parts (that cell would be the total minus the shown parts).
 * Such a relation gets one more cell hidden, "..": the smallest non-zero shown part; ties by table
 * order, row, column. Repeated over all relations until nothing changes.
 */
import { HIDDEN, type Grid } from './grid.js';
import type { Relation } from './relations.js';

/** Runs the rule to its fixpoint; returns whether it hid anything. */
export function secondary(grid: Grid, rels: Relation[]): boolean {
  let any = false;
  for (let changed = true; changed;) {
    changed = false;
    for (const r of rels) {
      const cells = [r.total, ...r.parts];
      const hidden = cells.filter((v) => grid.hidden(v));
      if (hidden.length !== 1) continue;
      const pick = choose(grid, r, hidden[0]!);
      if (pick === undefined) continue;
      hideFor(grid, pick, r);
      any = true;
      changed = true;
    }
  }
  return any;
}

/** Hide a cell for the sake of a relation, and mark the table the cell is in. */
export function hideFor(grid: Grid, v: number, r: Relation): void {
  grid.hide(v, HIDDEN);
  const marks = grid.marks[grid.vars[v]!.t]!;
  if (r.crossTable) marks.crossTable = true;
  else marks.secondary = true;
}

/**
 * The cell to hide next to the one hidden cell of a relation: the total when the relation says so
 * (and a part is the hidden one); else the smallest non-zero shown part; else the total; else a
 * shown part that is zero (a hidden cell equal to a shown total must go with it).
 */
function choose(grid: Grid, r: Relation, hiddenOne: number): number | undefined {
  const totalShown = !grid.hidden(r.total);
  if (r.hideTotal && totalShown && hiddenOne !== r.total) return r.total;
  const part = smallestShown(grid, r.parts, true);
  if (part !== undefined) return part;
  if (totalShown) return r.total;
  return smallestShown(grid, r.parts, false);
}

/** The shown cell with the smallest value (non-zero only, if asked); ties by variable order. */
export function smallestShown(grid: Grid, cells: number[], nonZero: boolean): number | undefined {
  let best: number | undefined;
  let bestValue = Infinity;
  for (const v of [...new Set(cells)].sort((a, b) => a - b)) {
    const x = grid.shownValue(v);
    if (x === undefined || (nonZero && x <= 0)) continue;
    if (x < bestValue) {
      best = v;
      bestValue = x;
    }
  }
  return best;
}
