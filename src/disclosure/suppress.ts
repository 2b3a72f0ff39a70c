/**
 * Small-cell suppression (diskretionering) in the style of Statistics Denmark, over everything
 * printed together: no published cell may rest on fewer than N persons, and no hidden cell may be
 * recoverable from the shown cells of any of the tables, alone or combined. Definition:
 * docs/definitions.md#suppression.
 *
 * 1. Primary (primary.ts): counts 0 < v < N show "<N"; shares, means ... on 0 < n < N show "..";
 *    cumulative curves show a row only after at least N new events.
 * 2. Relations (relations.ts): one system from every table's `additive` and `links`.
 * 3. Secondary (secondary.ts): no relation may have exactly one hidden cell; fixpoint.
 * 4. Audit (audit.ts): exact elimination over all relations; a hidden cell that is still determined
 *    gets another cell of one of its relations hidden, and 3–4 repeat.
 * 5. Declared rules (declared.ts): shares that give their counts away are hidden as those counts
 *    would be (`sharesAsCounts`); a cell computed from hidden cells is hidden too (`derived`, and
 *    `derivedCells` for cells computed from cells of another table).
 * A share is hidden with its count and with its denominator.
 */
import type { Lang } from '../base/i18n.js';
import type { CellRef, Table } from '../model/table.js';
import { determined } from './audit.js';
import { countsBehindShares, withDeclared } from './declared.js';
import { Grid, HIDDEN } from './grid.js';
import { suppressionNotes } from './notes.js';
import { primary } from './primary.js';
import { relations, type Relation } from './relations.js';
import { hideFor, secondary, smallestShown } from './secondary.js';

export function suppress(table: Table, threshold: number, lang: Lang): Table;
export function suppress(tables: Table[], threshold: number, lang: Lang): Table[];
export function suppress(tables: Table[] | Table, threshold: number, lang: Lang): Table | Table[];
export function suppress(tables: Table[] | Table, threshold: number, lang: Lang): Table | Table[] {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`suppression threshold must be a whole number ≥ 1, got ${threshold}`);
  }
  return Array.isArray(tables)
    ? suppressSet(tables, threshold, lang)
    : suppressSet([tables], threshold, lang)[0]!;
}

function suppressSet(tables: Table[], n: number, lang: Lang): Table[] {
  const all = shared(tables, n, lang);
  return all.map((shown, k) => {
    // The counts behind a table's shares are a table of their own: no other table refers to them.
    const counts = countsBehindShares(tables[k]!);
    const elsewhere = (ref: CellRef) => {
      const t = tableAt(all, k, ref.table);
      return t !== undefined && all[t]!.rows[ref.row]?.cells[ref.col]?.t === 'suppressed';
    };
    return withheldStats(withDeclared(shown, counts && shared([counts], n, lang)[0], lang, elsewhere));
  });
}

/**
 * A table with a hidden cell does not publish its statistics as unrounded numbers (Table.stats):
 * a chi-square statistic and its table's margins can give a hidden count back.
 */
function withheldStats(t: Table): Table {
  if (!t.stats) return t;
  const hidden = t.rows.some((r) => r.cells.some((c) => c.t === 'suppressed'));
  return hidden ? { ...t, stats: null } : t;
}

/** The table a reference from table `from` names, resolved as `Table.links` are; undefined when none. */
function tableAt(tables: Table[], from: number, id: string): number | undefined {
  if (tables[from]!.id === id) return from;
  for (let k = from - 1; k >= 0; k--) if (tables[k]!.id === id) return k;
  for (let k = from + 1; k < tables.length; k++) if (tables[k]!.id === id) return k;
  return undefined;
}

/** Steps 1–4 over the set, with their notes. */
function shared(tables: Table[], n: number, lang: Lang): Table[] {
  const grid = new Grid(tables);
  const rels = relations(grid);
  primary(grid, n);
  for (;;) {
    secondary(grid, rels);
    if (!auditStep(grid, rels)) break;
  }
  return grid.result().map((t, k) => {
    const add = suppressionNotes(grid.marks[k]!, n, lang).filter((x) => !t.notes.includes(x));
    return add.length === 0 ? t : { ...t, notes: [...t.notes, ...add] };
  });
}

/**
 * One step of the audit: when a hidden cell can still be worked out, hide the smallest non-zero
 * shown cell of a relation holding it (the first such cell in variable order that has one).
 * Returns whether it hid something.
 */
function auditStep(grid: Grid, rels: Relation[]): boolean {
  for (const v of determined(grid, rels)) {
    let best: { v: number; r: Relation; key: number } | undefined;
    for (const r of rels) {
      if (r.total !== v && !r.parts.includes(v)) continue;
      const cells = [r.total, ...r.parts];
      const c = smallestShown(grid, cells, true) ?? smallestShown(grid, cells, false);
      if (c === undefined) continue;
      // A zero only when no relation holding v shows anything non-zero.
      const value = grid.shownValue(c)!;
      const key = value > 0 ? value : Infinity;
      if (!best || key < best.key || (key === best.key && c < best.v)) best = { v: c, r, key };
    }
    const pick = best ?? further(grid, rels, v);
    if (pick) {
      hideFor(grid, pick.v, pick.r);
      return true;
    }
  }
  return false;
}

/**
 * A hidden cell worked out through a chain of relations whose own relations show nothing (a
 * provider's courses = its hidden n + its hidden "without outcome", both given back by the column
 * sums and another provider's shown courses): the smallest shown cell of a relation one or two
 * steps further out whose hiding leaves the cell unknown. Each candidate is tried by hiding it
 * for a moment, so a cell is hidden only where it helps.
 */
function further(grid: Grid, rels: Relation[], v: number): { v: number; r: Relation } | undefined {
  let near = new Set([v]);
  for (let step = 0; step < 3; step++) {
    const around = rels.filter((r) => near.has(r.total) || r.parts.some((p) => near.has(p)));
    const candidates = new Map<number, Relation>();
    for (const r of around)
      for (const c of [r.total, ...r.parts]) if (!grid.hidden(c) && !candidates.has(c)) candidates.set(c, r);
    const order = [...candidates.keys()].sort(
      (a, b) => (grid.shownValue(a)! || Infinity) - (grid.shownValue(b)! || Infinity) || a - b,
    );
    for (const c of order.slice(0, 64)) {
      const p = grid.vars[c]!;
      const before = grid.cell(p)!;
      grid.set(p, { t: 'suppressed', shown: HIDDEN });
      const still = determined(grid, rels).includes(v);
      grid.set(p, before);
      if (!still) return { v: c, r: candidates.get(c)! };
    }
    near = new Set(around.flatMap((r) => [r.total, ...r.parts]).filter((c) => grid.hidden(c)));
  }
  return undefined;
}
