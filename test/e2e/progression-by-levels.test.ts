/**
 * progression --by at two levels and by a column jobfx does not map, on the built binary
 * (docs/definitions.md#by). Fixtures: fixtures/pivot/bip.csv (fixtures/progression/small.csv with
 * a column "Hold") and bip-courses.csv (small-courses.csv with a column "Team"; "Team" is also a
 * synonym of unit, but the export maps Værksted, so Team is a column of its own).
 *
 * Worked by hand (one scale step = 0.25 on 1–5, 1/9 on 1–10), per course across indicators:
 * P1 same (+0.0625), P2 up (+0.25), P3 down (−0.25), P4 baseline only, P5 no baseline, P6 up
 * (3→4 on 1–10), P7 up (2→4 at the midway, its last). Units A: P1 P2 P5 P7, B: P3 P4 P6; Team X:
 * P1 P3 P4 P7, Y: P2 P5, none: P6; Hold H1: P1 P3 P4 P7, H2: P2 P5 P6.
 */
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

type JsonTable = { id: string; rows: { cells: unknown[] }[] };
const BIP = 'fixtures/pivot/bip.csv';
const COURSES = 'fixtures/pivot/bip-courses.csv';
/** label, compared, up, same, down, baseline only, no baseline. */
const rowsOf = (stdout: string) =>
  (JSON.parse(stdout).tables as JsonTable[])
    .find((t) => t.id === 'progression.overall')!
    .rows.map((r) => [0, 1, 2, 4, 6, 8, 9].map((i) => r.cells[i]));

describe('jobfx progression --by two levels', () => {
  it('--by unit,Team: a row per combination of the export field and its unmapped column', () => {
    const r = jobfx([
      'progression',
      BIP,
      '--courses',
      COURSES,
      '--by',
      'unit,Team',
      '--suppress',
      '0',
      '--format',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(rowsOf(r.stdout)).toEqual([
      ['A / X', 2, 1, 1, 0, 0, 0], // P1 same, P7 up
      ['A / Y', 1, 1, 0, 0, 0, 1], // P2 up, P5 no baseline
      ['B / X', 1, 0, 0, 1, 1, 0], // P3 down, P4 baseline only
      ['B / Uoplyst', 1, 1, 0, 0, 0, 0], // P6 up, no Team
      ['I alt', 5, 3, 1, 1, 1, 1],
    ]);
  });

  it('--by Hold,indicator: a column of the measurement file by each indicator', () => {
    const r = jobfx([
      'progression',
      BIP,
      '--by',
      'Hold,indicator',
      '--suppress',
      '0',
      '--format',
      'json',
      '--lang',
      'en',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const K = 'Knowledge of the labour market';
    expect(rowsOf(r.stdout)).toEqual([
      [`H1 / ${K}`, 3, 2, 0, 1, 1, 0], // P1 up (2→3), P3 down, P7 up; P4 baseline only
      ['H1 / Cooperation skills', 2, 0, 1, 1, 0, 0], // P1 same, P3 down
      ['H1 / Support from network', 1, 0, 1, 0, 0, 0],
      ['H1 / Coping with everyday life', 1, 0, 1, 0, 0, 0],
      [`H2 / ${K}`, 1, 1, 0, 0, 0, 1], // P2 up; P5 no baseline
      ['H2 / Cooperation skills', 1, 1, 0, 0, 0, 0],
      ["H2 / Caseworker's expectation that the citizen gets a job", 1, 1, 0, 0, 0, 0], // P6
      ['All indicators (mean)', 5, 3, 1, 1, 1, 1],
    ]);
  });

  it('suppresses the small combined groups in a memo format, and says so', () => {
    const r = jobfx(['progression', BIP, '--courses', COURSES, '--by', 'unit,Team', '--format', 'md']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('| A / X         |                                <5 |');
    expect(r.stdout).toContain('Tal under 5 er vist som "<5"');
  });

  it('refuses three levels, and an unknown column naming the columns there are (exit 2)', () => {
    const three = jobfx(['progression', BIP, '--by', 'unit,Hold,indicator']);
    expect(three.code).toBe(2);
    expect(three.stderr).toContain('--by unit,Hold,indicator: give one field or column, or two');
    const unknown = jobfx(['progression', BIP, '--courses', COURSES, '--by', 'Farve']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--by Farve: no such field or column');
    expect(unknown.stderr).toContain('"Team"');
    expect(unknown.stderr).toContain('"Hold"');
    const noExport = jobfx(['progression', BIP, '--by', 'gender']);
    expect(noExport.code).toBe(2);
    expect(noExport.stderr).toContain('others need --courses EXPORT');
  });
});
