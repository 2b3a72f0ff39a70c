/**
 * --percent col|row|total end to end on fixtures/pivot/pivot.csv (see pivot-by.test.ts for the
 * eight courses). Ended in 2025 by Jobcenter: Nord = P1 Ordinært job, P3 Uddannelse, P7 Afbrudt;
 * Syd = P5 Ordinært job; 4 in all. The shares below are worked by hand from those counts.
 */
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

const PIVOT = 'fixtures/pivot/pivot.csv';
type Share = { count: number; of: number };
type JsonTable = { id: string; columns: { label: string }[]; rows: { cells: unknown[] }[]; notes: string[] };
function reasons(args: string[]): JsonTable {
  const r = jobfx(['exits', PIVOT, '--period', '2025', '--by', 'Jobcenter', '--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout).tables as JsonTable[]).find((t) => t.id === 'exits.reasons')!;
}
/** The appended share columns as "count/of". */
const shares = (t: JsonTable) =>
  t.rows.map((r) => [r.cells[0], ...r.cells.slice(5).map((c) => `${(c as Share).count}/${(c as Share).of}`)]);

describe('--percent', () => {
  it('col: each --by column of its own total (the table has its own percent column for the total)', () => {
    const t = reasons(['--percent', 'col']);
    expect(t.columns.map((c) => c.label).slice(5)).toEqual(['Pct. Nord', 'Pct. Syd']);
    expect(shares(t)).toEqual([
      ['Ordinært job', '1/3', '1/1'],
      ['Uddannelse', '1/3', '0/1'],
      ['Afbrudt', '1/3', '0/1'],
      ['I alt', '3/3', '1/1'],
    ]);
    expect(t.notes).toContain('Kolonnerne "Pct. …": andel af kolonnens total (rækken "I alt").');
  });

  it('row: of the row total; total: of the grand total 4', () => {
    expect(shares(reasons(['--percent', 'row']))).toEqual([
      ['Ordinært job', '1/2', '1/2'],
      ['Uddannelse', '1/1', '0/1'],
      ['Afbrudt', '1/1', '0/1'],
      ['I alt', '3/4', '1/4'],
    ]);
    const total = reasons(['--percent', 'total', '--lang', 'en']);
    expect(total.columns.map((c) => c.label).slice(5)).toEqual(['% Nord', '% Syd', '% Total']);
    expect(shares(total)[0]).toEqual(['Ordinary job', '1/4', '1/4', '2/4']);
  });

  it('hides a share with the count it gives back (--suppress 2: Syd has 1 course)', () => {
    const r = jobfx([
      'exits',
      PIVOT,
      '--period',
      '2025',
      '--by',
      'Jobcenter',
      '--percent',
      'col',
      '--format',
      'md',
      '--suppress',
      '2',
    ]);
    expect(r.code, r.stderr).toBe(0);
    // Every count 1 is hidden, and the percentages of the Syd column with it (Syd's total is 1).
    const row = r.stdout.split('\n').find((l) => l.startsWith('| Ordinært job'))!;
    expect(
      row
        .split('|')
        .map((c) => c.trim())
        .slice(1, -1),
    ).toEqual(['Ordinært job', '<2', '<2', '2', '50,0', '..', '..']);
  });

  it('needs --by (exit 2)', () => {
    const r = jobfx(['keyfigures', PIVOT, '--percent', 'row']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--percent row: add --by FIELD');
  });
});
