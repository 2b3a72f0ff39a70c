/**
 * --percent on a table with --by columns: the shares' denominators (worked by hand), and the shares
 * hidden with the counts that suppression hides (a share gives its count back).
 */
import { describe, expect, it } from 'vitest';
import { suppress } from '../../src/disclosure/suppress.js';
import { count, labelCol, text, valueCol, type Cell, type Table } from '../../src/model/table.js';
import { withPercent } from '../../src/tables/percent.js';

// Two --by columns (Nord, Syd) and their total: a = 5 + 7 = 12, b = 6 + 1 = 7, total 11 + 8 = 19.
const table: Table = {
  id: 'test.by',
  title: 'T',
  columns: [labelCol(''), valueCol('Nord'), valueCol('Syd'), valueCol('I alt')],
  rows: [
    { cells: [text('a'), count(5), count(7), count(12)] },
    { cells: [text('b'), count(6), count(1), count(7)] },
    { cells: [text('I alt'), count(11), count(8), count(19)], style: 'total' },
  ],
  notes: [],
  additive: { rows: true, totalColumn: 3 },
};
const shares = (t: Table) =>
  t.rows.map((r) =>
    r.cells
      .slice(4)
      .map((c: Cell) => (c.t === 'share' ? `${c.count}/${c.of}` : c.t === 'suppressed' ? c.shown : c.t)),
  );

describe('withPercent', () => {
  it('col: of the column total; row: of the row total (no column for the total); total: of the grand total', () => {
    const col = withPercent([table], 'col', 'da')[0]!;
    expect(col.columns.slice(4).map((c) => c.label)).toEqual(['Pct. Nord', 'Pct. Syd', 'Pct. I alt']);
    expect(shares(col)).toEqual([
      ['5/11', '7/8', '12/19'],
      ['6/11', '1/8', '7/19'],
      ['11/11', '8/8', '19/19'],
    ]);
    expect(shares(withPercent([table], 'row', 'en')[0]!)).toEqual([
      ['5/12', '7/12'],
      ['6/7', '1/7'],
      ['11/19', '8/19'],
    ]);
    expect(shares(withPercent([table], 'total', 'da')[0]!)).toEqual([
      ['5/19', '7/19', '12/19'],
      ['6/19', '1/19', '7/19'],
      ['11/19', '8/19', '19/19'],
    ]);
    expect(withPercent([table], undefined, 'da')[0]).toBe(table);
  });

  it('suppression hides a share with its count or its denominator', () => {
    // Threshold 3: b/Syd = 1 is hidden; a/Syd with it (the Syd column adds up to 8) and b/Nord
    // (row b adds up to 7), then a/Nord (the Nord column adds up to 11): the four body cells.
    const shown = suppress(withPercent([table], 'col', 'da'), 3, 'da')[0]!;
    expect(shown.rows.map((r) => r.cells.slice(1, 4).map((c) => c.t))).toEqual([
      ['suppressed', 'suppressed', 'count'],
      ['suppressed', 'suppressed', 'count'],
      ['count', 'count', 'count'],
    ]);
    // Their shares are hidden with them; the row totals' shares and the total row's are shown.
    expect(shares(shown)).toEqual([
      ['..', '..', '12/19'],
      ['..', '..', '7/19'],
      ['11/11', '8/8', '19/19'],
    ]);
  });
});
