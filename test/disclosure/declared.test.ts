/**
 * The rules a table declares about its own cells (Table.derived, derivedCells, sharesAsCounts), applied
 * by suppress() after the shared rules; values worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { suppress } from '../../src/disclosure/suppress.js';
import { count, empty, num, share, text, type Cell, type Table } from '../../src/model/table.js';

const shownOf = (c: Cell) =>
  c.t === 'suppressed' ? c.shown : c.t === 'count' ? c.v : c.t === 'num' ? c.v : c.t;

describe('derived cells', () => {
  // Two years of counts, the newest year's percent and the change; no total row, so the shared
  // rules hide only the 3.
  const table: Table = {
    id: 't',
    title: '',
    columns: [],
    rows: [
      { cells: [text('A'), count(10), count(12), share(12, 20), num(2, 0)] },
      { cells: [text('B'), count(7), count(3), share(3, 20), num(-4, 0)] },
      { cells: [text('C'), count(2), count(5), share(5, 20), empty] },
    ],
    notes: [],
    derived: [
      { col: 3, from: [2] },
      { col: 4, from: [1, 2] },
    ],
  };

  it('hides a cell wherever a cell it is computed from is hidden, and says so for a change', () => {
    const s = suppress(table, 5, 'da');
    expect(s.rows.map((r) => r.cells.map(shownOf))).toEqual([
      ['text', 10, 12, 'share', 2],
      // 3 < 5: its percent goes with it (shared rule), the change by the declaration.
      ['text', 7, '<5', '..', '..'],
      // 2 < 5 in the older year: the percent of the newest year stays; the change is empty anyway.
      ['text', '<5', 5, 'share', 'empty'],
    ]);
    expect(s.notes[1]).toBe('En ændring, der bygger på et skjult tal, er også vist som "..".');
    expect(suppress(s, 5, 'da')).toEqual(s);
  });

  it('adds no note when only a share went', () => {
    const onlyPercent = { ...table, derived: [{ col: 3, from: [2] }] };
    expect(suppress(onlyPercent, 5, 'en').notes.join()).not.toMatch(/change/);
  });
});

describe('derived cells: only in some rows, and from cells of another table', () => {
  // Table u shows counts 10 and 3; table v the same rows' ratios, computed from u's counts, and a
  // "few" text in row 1 that is not computed from anything.
  const u: Table = {
    id: 'u',
    title: '',
    columns: [],
    rows: [{ cells: [text('A'), count(10)] }, { cells: [text('B'), count(3)] }],
    notes: [],
  };
  const v: Table = {
    id: 'v',
    title: '',
    columns: [],
    rows: [{ cells: [text('A'), count(40), num(0.25, 2)] }, { cells: [text('B'), count(1), text('few')] }],
    notes: [],
    derived: [{ col: 2, from: [1], rows: [0] }],
    derivedCells: [
      { row: 0, cols: [2], from: [{ table: 'u', row: 0, col: 1 }] },
      { row: 1, cols: [2], from: [{ table: 'u', row: 1, col: 1 }] },
    ],
  };

  it('hides a cell when the cell of the other table it is computed from is hidden', () => {
    const [su, sv] = suppress([u, v], 5, 'en');
    expect(su!.rows.map((r) => r.cells.map(shownOf))).toEqual([
      ['text', 10],
      ['text', '<5'],
    ]);
    // Row 0: 10 and 40 shown, the ratio stays. Row 1: u's 3 is hidden, so "few" goes by derivedCells
    // (the `derived` rule leaves row 1 alone, though its own count 1 is hidden too).
    expect(sv!.rows.map((r) => r.cells.map(shownOf))).toEqual([
      ['text', 40, 0.25],
      ['text', '<5', '..'],
    ]);
  });

  it("keeps a cell outside `rows` when only its own row's count is hidden", () => {
    const [, sv] = suppress([u, { ...v, derivedCells: undefined }], 5, 'en');
    expect(sv!.rows[1]!.cells.map(shownOf)).toEqual(['text', '<5', 'text']);
  });

  it('ignores a reference to a table not printed', () => {
    const [sv] = suppress([v], 5, 'en');
    expect(sv!.rows[0]!.cells.map(shownOf)).toEqual(['text', 40, 0.25]);
  });
});

describe('shares as counts', () => {
  // Shares of 20 courses: 12, 6, 2 → the 2 is small; as counts adding up to 20, one more share
  // (the smallest other, 6) would give it away and is hidden too.
  const table: Table = {
    id: 's',
    title: '',
    columns: [],
    rows: [
      { cells: [text('A'), share(12, 20)] },
      { cells: [text('B'), share(6, 20)] },
      { cells: [text('C'), share(2, 20)] },
      { cells: [text('I alt'), count(20)], style: 'total' },
    ],
    notes: [],
    sharesAsCounts: { columns: [1] },
  };

  it('hides the shares as the counts behind them would be hidden, with the secondary note', () => {
    const s = suppress(table, 5, 'en');
    expect(s.rows.map((r) => r.cells.map(shownOf))).toEqual([
      ['text', 'share'],
      ['text', '..'],
      ['text', '..'],
      ['text', 20],
    ]);
    expect(s.notes).toHaveLength(2);
    expect(s.notes[1]).toMatch(/^In addition, one more cell/);
    // Without the declaration only the small share goes.
    const plain = suppress({ ...table, sharesAsCounts: undefined }, 5, 'en');
    expect(plain.rows.map((r) => r.cells.map(shownOf))[1]).toEqual(['text', 'share']);
  });
});
