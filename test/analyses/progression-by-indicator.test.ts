/**
 * --by indicator on fixtures/progression/small.csv (worked by hand; the fixture's courses are
 * described in progression.test.ts). Per indicator, a course counts by its change on that
 * indicator (one scale step: 0.25 on 1–5, 1/9 on 1–10):
 * A Kendskab til arbejdsmarkedet: P1 2→3 up, P2 1→2 up, P3 4→3 down, P7 2→4 up; baseline only P4;
 *   no baseline P5 (midway and last only): n 4, up 3, down 1, baseline only 1, no baseline 1.
 * B Samarbejdsevner: P1 2→2 same, P2 1→2 up, P3 4→3 down: n 3, up 1, same 1, down 1.
 * E Beskæftigelsesmedarbejders forventning (1–10): P6 3→4 up: n 1, up 1.
 * D Støtte fra netværk, C Hverdagsmestring: P1 2→2 same: n 1, same 1.
 * Rows in the annex's order: A, B, E, D, C; then the across-indicator row (n 5, up 3, same 1,
 * down 1, baseline only 1, no baseline 1), which the rows do not add up to.
 */
import { progressionBy } from '../../src/commands/progression-by.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOWS, progression } from '../../src/analyses/progression/index.js';
import { loadMeasurements } from '../../src/schema/measurements/load.js';
import { count, text } from '../../src/model/table.js';
import { progressionTables } from '../../src/tables/progression.js';

describe('progression --by indicator', () => {
  it('counts each course under each indicator by its change there', async () => {
    const data = await loadMeasurements('fixtures/progression/small.csv');
    const r = progression(data.measurements, data.courses, {
      indicators: data.indicators.list.length,
      windows: DEFAULT_WINDOWS,
      ...progressionBy(['indicator'], data),
    });
    const rows = r.byIndicator!.map((x) => [data.indicators.list[x.indicator]!.da, x.tally]);
    const t = (n: number, up: number, same: number, down: number, baselineOnly = 0, noBaseline = 0) => ({
      n,
      up,
      same,
      down,
      baselineOnly,
      noBaseline,
      other: 0,
    });
    expect(rows).toEqual([
      ['Kendskab til arbejdsmarkedet', t(4, 3, 0, 1, 1, 1)],
      ['Samarbejdsevner', t(3, 1, 1, 1)],
      ['Beskæftigelsesmedarbejders forventning til at borger kommer i job', t(1, 1, 0, 0)],
      ['Støtte fra netværk', t(1, 0, 1, 0)],
      ['Hverdagsmestring', t(1, 0, 1, 0)],
    ]);
    expect(r.groups).toEqual([]);
    expect(r.total).toEqual(t(5, 3, 1, 1, 1, 1));
    // The same counts as the per-indicator table (output 2).
    for (const x of r.byIndicator!)
      expect(r.indicators[x.indicator]).toMatchObject({
        n: x.tally.n,
        up: x.tally.up,
        same: x.tally.same,
        down: x.tally.down,
      });

    const [overall] = progressionTables(r, {
      lang: 'en',
      indicators: data.indicators,
      periodText: 'all measured courses',
      byLabel: 'indicator',
      windows: DEFAULT_WINDOWS,
      source: 'small.csv',
    });
    expect(overall!.title).toBe(
      'Progression on the mean of the BIP indicators, all measured courses, by indicator',
    );
    expect(overall!.columns[0]!.label).toBe('Indicator');
    expect(overall!.rows.map((row) => row.cells.slice(0, 2))).toEqual([
      [text('Knowledge of the labour market'), count(4)],
      [text('Cooperation skills'), count(3)],
      [text("Caseworker's expectation that the citizen gets a job"), count(1)],
      [text('Support from network'), count(1)],
      [text('Coping with everyday life'), count(1)],
      [text('All indicators (mean)'), count(5)],
    ]);
    expect(overall!.rows.at(-1)!.style).toBe('total');
    // Not additive over rows: a course counts under several indicators.
    expect(overall!.additive).toBeUndefined();
    expect(overall!.notes.join(' ')).toMatch(/The rows therefore do not add up to the last row/);
  });
});
