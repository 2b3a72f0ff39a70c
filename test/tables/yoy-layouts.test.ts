/**
 * Suppression of yoy's layouts: a subtotal row is a relation of its own (counts and shares), and
 * with --measure count,share and --order desc each percent follows its own count. Courses:
 * reasons X, Y, Z ending in 2023 (10, 3, 7) and 2024 (12, 8, 6); X and Y selected.
 */
import { describe, expect, it } from 'vitest';
import { columnsBetween, yoy } from '../../src/analyses/yoy.js';
import { relationErrors } from '../../src/disclosure/relations.js';
import { suppress } from '../../src/disclosure/suppress.js';
import type { Cell } from '../../src/model/table.js';
import { buildVocabSet, DEFAULT_VOCABULARIES } from '../../src/schema/vocab.js';
import { yoyTable, type YoyTableOptions } from '../../src/tables/yoy.js';
import { course, storeOf } from '../helpers.js';
import { byTables } from '../../src/commands/yoy-by.js';

const vocab = buildVocabSet(DEFAULT_VOCABULARIES);
let n = 0;
const make = (count: number, reason: string, year: number) =>
  Array.from({ length: count }, () => {
    n++;
    return course(`c${n}`, `P${n}`, `${year}-03-01`, `${year}-06-30`, { exitReason: reason });
  });
const courses = [
  ...make(10, 'X', 2023),
  ...make(3, 'Y', 2023),
  ...make(7, 'Z', 2023),
  ...make(12, 'X', 2024),
  ...make(8, 'Y', 2024),
  ...make(6, 'Z', 2024),
];
const result = yoy(courses, {
  rows: 'exitReason',
  basis: 'end',
  step: 'year',
  measure: 'count',
  columns: columnsBetween(2023, 2024, 'year'),
  vocab,
  select: ['X', 'Y'],
});
const opts = (o: Partial<YoyTableOptions> = {}): YoyTableOptions => ({
  lang: 'da',
  measure: 'count',
  vocab,
  columnsSource: 'given',
  source: 'test',
  subtotal: true,
  ...o,
});
const shownOf = (c: Cell) =>
  c.t === 'suppressed' ? c.shown : c.t === 'count' ? c.v : c.t === 'text' ? c.v : c.t;

describe('yoy layouts and suppression', () => {
  it('declares the subtotal as the sum of the selected rows, the total of all other rows', () => {
    const table = yoyTable(result, opts());
    expect(table.additive).toEqual({
      rowGroups: [
        { total: 2, parts: [0, 1] },
        { total: 4, parts: [0, 1, 3] },
      ],
    });
    expect(relationErrors([table])).toEqual([]);
    // Y 2023 = 3 < 5; the subtotal (13) would give it away from X, so X 2023 goes too; the
    // total (20 = X + Y + Z) then has two hidden cells.
    const t = suppress(table, 5, 'da');
    expect(t.rows.map((r) => r.cells.slice(0, 3).map(shownOf))).toEqual([
      ['X', '..', 12],
      ['Y', '<5', 8],
      ['I alt, udvalgte', 13, 20],
      ['Øvrige', 7, 6],
      ['I alt', 20, 26],
    ]);
  });

  it('hides shares with a subtotal as their counts would be hidden', () => {
    const t = suppress(yoyTable(result, opts({ measure: 'share' })), 5, 'da');
    expect(t.rows.map((r) => r.cells.slice(0, 3).map(shownOf))).toEqual([
      ['X', '..', 'share'],
      ['Y', '..', 'share'],
      ['I alt, udvalgte', 'share', 'share'],
      ['Øvrige', 'share', 'share'],
      ['Forløb i alt (n)', 20, 26],
    ]);
  });

  it('hides each percent with its own count when the newest year comes first', () => {
    const table = yoyTable(result, opts({ shares: true, order: 'desc' }));
    expect(table.columns.map((c) => c.label)).toEqual([
      'Afslutningsårsag',
      '2024, antal',
      '2024, pct.',
      '2023, antal',
      '2023, pct.',
      'Ændring, antal',
      'Ændring, pct.-point',
    ]);
    const t = suppress(table, 5, 'da');
    expect(t.rows.map((r) => r.cells.map(shownOf))).toEqual([
      ['X', 12, 'share', '..', '..', '..', '..'],
      ['Y', 8, 'share', '<5', '..', '..', '..'],
      ['I alt, udvalgte', 20, 'share', 13, 'share', 'num', 'num'],
      ['Øvrige', 6, 'share', 7, 'share', 'num', 'num'],
      ['I alt', 26, 'share', 20, 'share', 'num', 'empty'],
    ]);
  });

  it('--by: the table of all courses is the sum of the tables by unit, and stays so when suppressed', () => {
    // X: 10 in 2023 split 7 Park / 3 Maler, so Maler's 3 is hidden and must not come back from
    // the table of all courses minus Park's.
    let m = 0;
    const unitOf = () => (m++ % 10 < 7 ? 'Park' : 'Maler');
    const withUnits = courses.map((c) => ({ ...c, unit: unitOf() }));
    const store = storeOf(withUnits);
    const analysis = {
      rows: 'exitReason' as const,
      basis: 'end' as const,
      step: 'year' as const,
      measure: 'count' as const,
      columns: columnsBetween(2023, 2024, 'year'),
      vocab,
    };
    const tables = byTables(
      store,
      [{ kind: 'field', field: 'unit' }],
      'enhed',
      yoy(store, analysis),
      analysis,
      opts({ subtotal: false }),
    );
    expect(tables).toHaveLength(3);
    expect(relationErrors(tables)).toEqual([]);
    const shown = suppress(tables, 5, 'da');
    const hidden = (t: number, i: number, j: number) => shown[t]!.rows[i]!.cells[j]!.t === 'suppressed';
    // Maler (the first table) X 2023 = 3: hidden.
    expect(tables[0]!.title).toMatch(/Maler$/);
    expect(hidden(0, 0, 1)).toBe(true);
    for (const link of tables[2]!.links!) {
      const cells = [link.total, ...link.parts].map((c) =>
        hidden(
          tables.findIndex((x) => x.id === c.table),
          c.row,
          c.col,
        ),
      );
      expect(cells.filter(Boolean).length).not.toBe(1);
    }
  });
});
