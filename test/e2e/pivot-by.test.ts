/**
 * --by any column, at one or two levels, end to end on fixtures/pivot/pivot.csv (8 courses, counted
 * by hand from the file, see fixtures/README.md): Nord = P1 M (Ordinært job 01-05), P2 K (ongoing),
 * P3 K (Uddannelse 30-06), P7 M (Afbrudt 01-08); Syd = P4 M, P6 M, P8 K (ongoing), P5 K (Ordinært
 * job 01-09). Spor A = P1, P3, P4, P8; B = P2, P5, P6, P7.
 */
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

const PIVOT = 'fixtures/pivot/pivot.csv';
type JsonTable = { id: string; columns: { label: string }[]; rows: { cells: unknown[] }[]; notes: string[] };
function tables(command: string, args: string[]): Map<string, JsonTable> {
  const r = jobfx([command, PIVOT, '--period', '2025', '--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return new Map((JSON.parse(r.stdout).tables as JsonTable[]).map((t) => [t.id, t]));
}
const grid = (t: JsonTable) => t.rows.map((r) => r.cells.slice(0, t.columns.length - 1));

describe('--by', () => {
  it('two levels: a column per combination, first level first, in value order', () => {
    const t = tables('exits', ['--by', 'Jobcenter,køn']).get('exits.reasons')!;
    // Syd / M has no ended course in 2025, so no column.
    expect(t.columns.map((c) => c.label)).toEqual([
      'Afslutningsårsag',
      'Nord / K',
      'Nord / M',
      'Syd / K',
      'I alt',
      'Pct.',
    ]);
    expect(grid(t)).toEqual([
      ['Ordinært job', 0, 1, 1, 2],
      ['Uddannelse', 1, 0, 0, 1],
      ['Afbrudt', 0, 1, 0, 1],
      ['I alt', 1, 2, 1, 4],
    ]);
    expect(t.notes).toContain('Kolonner efter enhed og køn.');
  });

  it('a column jobfx does not map, by its header (keyfigures)', () => {
    const t = tables('keyfigures', ['--by', 'Spor,unit', '--lang', 'en']).get('keyfigures.citizens')!;
    expect(t.columns.map((c) => c.label).slice(1)).toEqual([
      'A / Nord',
      'A / Syd',
      'B / Nord',
      'B / Syd',
      'Total',
    ]);
    const ongoing = t.rows.find((r) => r.cells[0] === 'Courses ongoing at the end of the period')!;
    // A/Nord: P1, P3 ended; A/Syd: P4, P8; B/Nord: P2; B/Syd: P6.
    expect(ongoing.cells.slice(1)).toEqual([0, 2, 1, 1, 4]);
  });

  it('refuses an unknown name (exit 2) listing the fields and the headers, and more than two levels', () => {
    const r = jobfx(['exits', PIVOT, '--by', 'Sagsbehandler']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--by Sagsbehandler: use a field (targetGroup,');
    expect(r.stderr).toContain('"Spor"');
    const three = jobfx(['exits', PIVOT, '--by', 'unit,gender,Spor']);
    expect(three.code).toBe(2);
    expect(three.stderr).toContain('give one field or column, or two separated by a comma');
  });
});
