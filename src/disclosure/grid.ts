/**
 * The working copy of a set of tables during suppression: the count cells of every table as one
 * list of variables, numbered in table order, then row, then column (the order that breaks every
 * tie), and hiding a cell together with the shares that would give it away.
 */
import type { Cell, Row, Table } from '../model/table.js';

export const HIDDEN = '..';

/** Why a table got a cell hidden, for its notes. */
export interface Marks {
  primary: boolean;
  /** A second cell hidden because of a relation inside the table. */
  secondary: boolean;
  /** A cell hidden because of a relation that spans tables. */
  crossTable: boolean;
  /** Weeks of a cumulative curve hidden. */
  differencing: boolean;
}

export interface Position {
  t: number;
  i: number;
  j: number;
}

export class Grid {
  readonly tables: Table[];
  readonly rows: Row[][];
  readonly marks: Marks[];
  /** Every count cell (also one hidden already in the input), in tie-break order. */
  readonly vars: Position[] = [];
  /** The input value of each variable; undefined when the input had it hidden already. */
  readonly values: (number | undefined)[] = [];
  private readonly index = new Map<string, number>();
  /** Per table, row and column: the variable whose shares are in that cell, else -1. */
  private readonly owner: number[][][];

  constructor(tables: Table[]) {
    this.tables = tables;
    this.rows = tables.map((t) => t.rows.map((r) => ({ ...r, cells: [...r.cells] })));
    this.marks = tables.map(() => ({
      primary: false,
      secondary: false,
      crossTable: false,
      differencing: false,
    }));
    this.owner = this.rows.map((rows, t) =>
      rows.map((row, i) => {
        // A share goes with the nearest count cell to its left in its row.
        let last = -1;
        return row.cells.map((c, j) => {
          if (c.t === 'count' || c.t === 'suppressed') {
            last = this.add({ t, i, j }, c.t === 'count' ? c.v : undefined);
          }
          return c.t === 'share' ? last : -1;
        });
      }),
    );
  }

  private add(p: Position, value: number | undefined): number {
    const v = this.vars.length;
    this.vars.push(p);
    this.values.push(value);
    this.index.set(`${p.t}:${p.i}:${p.j}`, v);
    return v;
  }

  /** The variable of a count cell, or undefined when the cell holds no count. */
  varAt(t: number, i: number, j: number): number | undefined {
    return this.index.get(`${t}:${i}:${j}`);
  }

  cell(p: Position): Cell | undefined {
    return this.rows[p.t]![p.i]?.cells[p.j];
  }

  set(p: Position, c: Cell): void {
    this.rows[p.t]![p.i]!.cells[p.j] = c;
  }

  hidden(v: number): boolean {
    return this.cell(this.vars[v]!)?.t === 'suppressed';
  }

  /** The value a reader sees in a count cell; undefined when it is hidden. */
  shownValue(v: number): number | undefined {
    const c = this.cell(this.vars[v]!);
    return c?.t === 'count' ? c.v : undefined;
  }

  /** Hide a count cell and every share that goes with it (its own, and those it is the denominator of). */
  hide(v: number, shown: string): void {
    const p = this.vars[v]!;
    this.set(p, { t: 'suppressed', shown });
    const value = this.values[v];
    const rows = this.rows[p.t]!;
    const isTotal = rows[p.i]!.style === 'total' || rows[p.i]!.style === 'subtotal';
    rows.forEach((row, i) =>
      row.cells.forEach((c, j) => {
        if (c.t !== 'share') return;
        const own = this.owner[p.t]![i]![j] === v;
        // The shares of a hidden denominator would give it back (count / share): a denominator is
        // recognised as a hidden count of the same value in the share's own row or in a total row.
        const denominator = value !== undefined && value > 0 && c.of === value && (i === p.i || isTotal);
        if (own || denominator) row.cells[j] = { t: 'suppressed', shown: HIDDEN };
      }),
    );
  }

  /** The tables as they now are (rows copied; notes added by the caller). */
  result(): Table[] {
    return this.tables.map((t, k) => ({ ...t, rows: this.rows[k]! }));
  }
}
