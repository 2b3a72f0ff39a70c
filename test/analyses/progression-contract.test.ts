/**
 * Output 5 of progression: result goal reached and extension of the measured courses, by the
 * contract's definitions. Hand-worked from fixtures/progression/small-courses.csv (as-of: the
 * export's newest date, 23-06-2024):
 *   unit A: P1 ended, goal Ja, planned 31-03 ≥ end 24-03 (not extended); P2 ongoing, no answer
 *   (not ended: outside the goal's denominator), 23-06 > planned 31-03 (extended); P5 Ja, no
 *   planned end; P7 "Måske" (unknown: in the denominator, not reached), planned 30-06 ≥ end.
 *   → goal 3, reached 2; planned end 3, extended 1.
 *   unit B: P3 Nej, end 30-04 > planned 15-04 (extended); P4 no result goal, end 15-03 ≤ 31-05;
 *   P6 Ja, end 23-06 > planned 01-06 (extended). → goal 2, reached 1; planned end 3, extended 2.
 */
import { describe, expect, it } from 'vitest';
import { buildProgression, type ProgressionFlags } from '../../src/commands/progression.js';
import { DEFAULT_WINDOWS } from '../../src/analyses/progression/index.js';
import { loadMeasurements } from '../../src/schema/measurements/load.js';
import type { Cell } from '../../src/model/table.js';

const SMALL = 'fixtures/progression/small.csv';
const COURSES = 'fixtures/progression/small-courses.csv';

const flags = (o: Partial<ProgressionFlags> = {}): ProgressionFlags =>
  ({
    lang: 'en',
    baselineDays: DEFAULT_WINDOWS.baselineDays,
    midwayWeeks: DEFAULT_WINDOWS.midwayWeeks,
    lastDays: DEFAULT_WINDOWS.lastDays,
    ...o,
  }) as ProgressionFlags;

const values = (cells: Cell[]) =>
  cells.map((c) => (c.t === 'share' ? c.count / c.of : 'v' in c ? c.v : null));

async function contractOf(f: ProgressionFlags, courses: string | null = COURSES) {
  const data = await loadMeasurements(SMALL, courses ? { courses } : {});
  const b = await buildProgression(data, f, { threshold: 0, charts: false, source: SMALL });
  return { table: b.tables.find((t) => t.id === 'progression.contract'), messages: b.messages };
}

describe('progression output 5: result goal and extension', () => {
  it('counts goals reached and courses extended, by unit and in total', async () => {
    const { table, messages } = await contractOf(flags({ by: ['unit'] }));
    expect(table).toBeDefined();
    const rows = table!.rows.map((r) => values(r.cells));
    const expected = [
      ['A', 4, 3, 2, 2 / 3, 3, 1, 1 / 3],
      ['B', 3, 2, 1, 1 / 2, 3, 2, 2 / 3],
      ['Total', 7, 5, 3, 3 / 5, 6, 3, 3 / 6],
    ];
    rows.forEach((r, i) =>
      r.forEach((v, j) =>
        typeof v === 'number'
          ? expect(v).toBeCloseTo(expected[i]![j] as number, 12)
          : expect(v).toBe(expected[i]![j]),
      ),
    );
    expect(table!.additive).toEqual({ rows: true });
    // P7's "Måske" is said under the table and on stderr, with its row and value.
    expect(table!.notes.join(' ')).toMatch(/1 value\(s\) could not be used: .*"Måske"/);
    expect(messages!.some((m) => /small-courses\.csv, .*"Måske"/.test(m.text))).toBe(true);
  });

  it('is one total row without --by, in Danish too', async () => {
    const { table } = await contractOf(flags({ lang: 'da' }));
    expect(table!.rows.map((r) => values(r.cells))).toEqual([['I alt', 7, 5, 3, 0.6, 6, 3, 0.5]]);
    expect(table!.title).toMatch(/^Resultatmål og forlængelse/);
  });

  it('is not made without --courses, nor when the export lacks the fields', async () => {
    expect((await contractOf(flags(), null)).table).toBeUndefined();
    expect((await contractOf(flags(), 'fixtures/progression/small-courses-plain.csv')).table).toBeUndefined();
  });
});
