/**
 * ProvidersResult → memo tables, per outcome: the shares (with the difference from the others and
 * the target), the standardised table (--adjust), the model (--model logit); and once the case
 * mix. Counts are count cells and shares share cells so suppression works; every derived number
 * is a num cell carrying the smallest count behind it. Every table says that an adjusted
 * difference is not an effect estimate and what adjustment leaves out.
 */
import { adjustName, type ProvidersOptions, type ProvidersResult } from '../../analyses/providers/index.js';
import type { Link, Table } from '../../model/table.js';
import { isTooFew } from './shares.js';
import { modelTable, standardisedTable } from './adjusted.js';
import { compositionTable } from './composition.js';
import { SHARES, sharesTable } from './shares.js';
import type { ProvidersTableOptions } from './notes.js';

export { funnelPoints, funnelSpec } from './funnel.js';
export { compositionTable } from './composition.js';
export { yoyTable } from './yoy.js';
export { SHARES, isTooFew } from './shares.js';
export type { ProvidersTableOptions } from './notes.js';

/** Table id of outcome k's table of a kind: "providers.shares", then "providers.shares.2" ... */
export const tableId = (kind: string, k: number): string => `providers.${kind}${k === 0 ? '' : `.${k + 1}`}`;

export function providersTables(
  res: ProvidersResult,
  opts: Pick<ProvidersOptions, 'target' | 'adjust'>,
  o: ProvidersTableOptions,
): Table[] {
  const tables: Table[] = [];
  let composition: Table | undefined;
  res.outcomes.forEach((b, k) => {
    const shares = sharesTable(b, res, o, opts.target, tableId('shares', k));
    tables.push(shares);
    const missingCol = shares.columns.length - 1;
    if (b.standardisation) {
      const t = standardisedTable(b, b.standardisation, o, tableId('adjusted', k));
      tables.push({
        ...t,
        links: sameAs(t, shares, [
          [1, SHARES.n],
          [2, SHARES.successes],
        ]),
      });
    }
    if (b.model) {
      const t = modelTable(b, b.model, o, opts.adjust.map(adjustName).join(', '), tableId('model', k));
      tables.push({
        ...t,
        links: sameAs(t, shares, [[1, SHARES.n]]),
        derivedCells: fromShares(
          t,
          shares.id,
          b.providers,
          o.threshold,
          [2, 3, 4, 5, 6, 7, 8],
          [SHARES.successes],
        ),
      });
    }
    if (k === 0) {
      // Courses = courses with an outcome + courses without one, per provider.
      const c = compositionTable(res, o, 'providers.composition');
      const links: Link[] = c.rows.map((_r, row) => ({
        total: { table: c.id, row, col: 1 },
        parts: [
          { table: shares.id, row, col: SHARES.n },
          { table: shares.id, row, col: missingCol },
        ],
      }));
      composition = { ...c, links };
    }
  });
  if (composition) tables.push(composition);
  return tables;
}

/**
 * The count cells of `t` that show the same number as a cell of the shares table (its rows are the
 * providers in the same order): a link each, so suppression hides them together.
 */
function sameAs(t: Table, shares: Table, cols: [number, number][]): Link[] {
  return t.rows.flatMap((r, row) =>
    cols
      .filter(([c]) => r.cells[c]?.t === 'count')
      .map(([c, s]) => ({ total: { table: t.id, row, col: c }, parts: [{ table: shares.id, row, col: s }] })),
  );
}

/** A provider of the shares table: its name (the row label) and its courses with an outcome. */
type Provider = { value: string; n: number };

/**
 * The cells `cols` of each body row of `t` are computed from the cells `from` of the same
 * provider's row in the shares table (its body rows are the providers in order), which `t` does
 * not show: hidden wherever those are. Not in a "for få" row: that text stays.
 */
export function fromShares(
  t: Table,
  sharesId: string,
  providers: Provider[],
  threshold: number,
  cols: number[],
  from: number[],
): NonNullable<Table['derivedCells']> {
  const rowOf = new Map(providers.map((p, i) => [p.value, { i, few: isTooFew(p.n, threshold) }]));
  return t.rows.flatMap((r, row) => {
    const s = r.style === undefined && r.cells[0]?.t === 'text' ? rowOf.get(r.cells[0].v) : undefined;
    return s === undefined || s.few
      ? []
      : [{ row, cols, from: from.map((col) => ({ table: sharesId, row: s.i, col })) }];
  });
}

/**
 * --yoy: the courses of the newer period are the shares table's courses (a link per provider), and
 * its share, the change and its interval come from the shares table's counts of the provider.
 */
export function yoyLinked(t: Table, sharesId: string, providers: Provider[], threshold: number): Table {
  const rowOf = new Map(providers.map((p, i) => [p.value, i]));
  const links: Link[] = t.rows.flatMap((r, row) => {
    const s = r.style === undefined && r.cells[0]?.t === 'text' ? rowOf.get(r.cells[0].v) : undefined;
    return s === undefined || r.cells[3]?.t !== 'count'
      ? []
      : [{ total: { table: t.id, row, col: 3 }, parts: [{ table: sharesId, row: s, col: SHARES.n }] }];
  });
  const derivedCells = fromShares(
    t,
    sharesId,
    providers,
    threshold,
    [4, 5, 6, 7],
    [SHARES.n, SHARES.successes],
  );
  return { ...t, links, derivedCells };
}
