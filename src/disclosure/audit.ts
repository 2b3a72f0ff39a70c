/**
 * The audit: exact linear algebra over the whole system. With the shown cells as knowns, each
 * relation is an equation over the hidden cells; a hidden cell is worked out exactly when its unit
 * vector lies in the row space of those equations. Integer Gaussian elimination (BigInt, no floats)
 * to reduced row echelon form: the unit vector e_k is in the row space iff some reduced row has its
 * only non-zero entry in column k (k must be a pivot column, and e_k is then that row).
 */
import type { Grid } from './grid.js';
import type { Relation } from './relations.js';

/** The hidden variables a reader can work out exactly from the shown cells, in variable order. */
export function determined(grid: Grid, rels: Relation[]): number[] {
  const hiddenVars = grid.vars.map((_p, v) => v).filter((v) => grid.hidden(v));
  const column = new Map(hiddenVars.map((v, k) => [v, k]));
  const rows: bigint[][] = [];
  for (const r of rels) {
    const row = new Array<bigint>(hiddenVars.length).fill(0n);
    let any = false;
    const add = (v: number, c: bigint) => {
      const k = column.get(v);
      if (k === undefined) return;
      row[k] = row[k]! + c;
      any = true;
    };
    add(r.total, -1n);
    for (const p of r.parts) add(p, 1n);
    if (any && row.some((x) => x !== 0n)) rows.push(row);
  }
  return reducedRows(rows, hiddenVars.length)
    .map((row) => {
      const nz = row.flatMap((x, k) => (x === 0n ? [] : [k]));
      return nz.length === 1 ? hiddenVars[nz[0]!]! : -1;
    })
    .filter((v) => v >= 0)
    .sort((a, b) => a - b);
}

/** Reduced row echelon form over the integers (each row divided by the gcd of its entries). */
export function reducedRows(input: bigint[][], width: number): bigint[][] {
  const rows = input.map((r) => [...r]);
  let top = 0;
  for (let col = 0; col < width && top < rows.length; col++) {
    const pivot = rows.findIndex((r, i) => i >= top && r[col] !== 0n);
    if (pivot < 0) continue;
    [rows[top], rows[pivot]] = [rows[pivot]!, rows[top]!];
    const p = rows[top]!;
    for (let i = 0; i < rows.length; i++) {
      if (i === top || rows[i]![col] === 0n) continue;
      const f = rows[i]![col]!;
      rows[i] = normalise(rows[i]!.map((x, k) => x * p[col]! - p[k]! * f));
    }
    top++;
  }
  return rows.slice(0, top);
}

function normalise(row: bigint[]): bigint[] {
  let g = 0n;
  for (const x of row) g = gcd(g, x < 0n ? -x : x);
  return g > 1n ? row.map((x) => x / g) : row;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
