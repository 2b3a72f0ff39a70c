/**
 * Suppression of the progression tables (the pipeline suppresses them as a set): in every row,
 * courses compared = progression + stagnation + regression (timeliness: due = on time + outside
 * + not measured + undated), and with --by the unit rows add up to the total. A hidden cell must
 * not be recoverable from one of these sums: in each relation, none or at least two cells hidden.
 */
import { progressionBy } from '../../src/commands/progression-by.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOWS, progression } from '../../src/analyses/progression/index.js';
import { parsePeriod } from '../../src/base/period.js';
import { suppress } from '../../src/disclosure/suppress.js';
import type { Table } from '../../src/model/table.js';
import { loadMeasurements } from '../../src/schema/measurements/load.js';
import { progressionTables } from '../../src/tables/progression.js';

const hidden = (t: Table, row: number, col: number) => t.rows[row]!.cells[col]!.t === 'suppressed';

function relations(t: Table): [number, number][][] {
  const sums: [number, number][][] = [];
  const cols = t.id === 'progression.timeliness' ? [1, 2, 4, 5, 6] : [1, 2, 4, 6];
  t.rows.forEach((_r, i) => sums.push(cols.map((c) => [i, c])));
  if (t.id === 'progression.overall' && t.rows.length > 1)
    for (const c of [1, 2, 4, 6, 8, 9]) sums.push(t.rows.map((_r, i) => [i, c]));
  return sums;
}

describe('suppression of the progression tables', () => {
  it('leaves no hidden cell alone in any relation (demo, 2024H1, by unit)', async () => {
    const data = await loadMeasurements('fixtures/progression/bip-long.csv', {
      courses: 'fixtures/demo/demo-export.csv',
    });
    const r = progression(data.measurements, data.courses, {
      indicators: data.indicators.list.length,
      windows: DEFAULT_WINDOWS,
      ...progressionBy(['unit'], data),
      period: parsePeriod('2024H1'),
    });
    const tables = suppress(
      progressionTables(r, {
        lang: 'da',
        indicators: data.indicators,
        periodText: '1. halvår 2024',
        byLabel: 'enhed',
        windows: DEFAULT_WINDOWS,
        source: 'bip-long.csv',
      }),
      5,
      'da',
    );
    let total = 0;
    for (const t of tables.filter((x) => x.id !== 'progression.scores'))
      for (const rel of relations(t)) {
        const n = rel.filter(([row, col]) => hidden(t, row, col)).length;
        total += n;
        expect(n === 0 || n >= 2, `${t.id} ${JSON.stringify(rel)}`).toBe(true);
      }
    expect(total, 'the demo has small cells in 2024H1').toBeGreaterThan(5);
  });
});
