/**
 * yoy --by at two levels, one of them a column jobfx does not map (Spor), on the built binary.
 * fixtures/pivot/pivot.csv by hand: the courses ended in 2025 are P1 (Nord, A, Ordinært job),
 * P3 (Nord, A, Uddannelse), P5 (Syd, B, Ordinært job) and P7 (Nord, B, Afbrudt); Syd / A has
 * only running courses (P4, P8), so its table is all zeros.
 */
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

type T = { id: string; title: string; rows: { cells: unknown[] }[] };
const base = ['yoy', 'fixtures/pivot/pivot.csv', '--years', '2024-2025', '--rows', 'exitGroup'];

describe('jobfx yoy --by two levels', () => {
  it('--by Jobcenter,Spor: one table per combination, then all courses', () => {
    const r = jobfx([...base, '--by', 'Jobcenter,Spor', '--suppress', '0', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const tables = JSON.parse(r.stdout).tables as T[];
    expect(tables.map((t) => t.title.replace(/^.*2024–2025, /, ''))).toEqual([
      'Enhed og Spor: Nord / A',
      'Enhed og Spor: Nord / B',
      'Enhed og Spor: Syd / A',
      'Enhed og Spor: Syd / B',
      'alle (enhed og spor)',
    ]);
    // 2025 count per exit group: Job, Uddannelse, Afbrudt, and the total row.
    const in2025 = (t: T) => {
      const row = (label: string) => t.rows.find((x) => x.cells[0] === label)!.cells[2];
      return ['Job', 'Uddannelse', 'Afbrudt / ikke gennemført', 'I alt'].map(row);
    };
    expect(tables.map(in2025)).toEqual([
      [1, 1, 0, 2],
      [0, 0, 1, 1],
      [0, 0, 0, 0],
      [1, 0, 0, 1],
      [2, 1, 1, 4],
    ]);
  });

  it('refuses three levels, and an unknown column naming the columns (exit 2)', () => {
    const three = jobfx([...base, '--by', 'Jobcenter,Spor,Køn']);
    expect(three.code).toBe(2);
    expect(three.stderr).toContain('--by Jobcenter,Spor,Køn: give one field or column, or two');
    const unknown = jobfx([...base, '--by', 'Farve']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--by Farve: use a field');
    expect(unknown.stderr).toContain('"Spor"');
  });
});
