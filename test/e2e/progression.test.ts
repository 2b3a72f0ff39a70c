/**
 * jobfx progression as a user runs it: the pipeline's row accounting, --rejects, suppression,
 * the chart, exit codes, and no CPR number in any output (the demo files hold fake ones).
 * The figures themselves are tested in test/analyses/progression*.test.ts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CPR_LIKE } from '../helpers.js';
import { jobfx } from './run.js';

const LONG = resolve('fixtures/progression/bip-long.csv');
const WIDE = resolve('fixtures/progression/bip-wide.csv');
const COURSES = resolve('fixtures/demo/demo-export.csv');
const tmp = mkdtempSync(join(tmpdir(), 'jobfx-progression-e2e-'));

type JsonTable = { id: string; rows: { cells: unknown[] }[] };

describe('jobfx progression', () => {
  it('accounts for every row, and writes the rejected ones with pseudonyms only', () => {
    const rejects = join(tmp, 'rejects.csv');
    const r = jobfx(['progression', LONG, '--courses', COURSES, '--rejects', rejects]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('demo-export.csv: 420 rows read = 420 accepted + 0 rejected + 0 skipped');
    expect(r.stderr).toContain('bip-long.csv: 959 rows read = 957 accepted + 2 rejected + 0 skipped');
    const text = readFileSync(rejects, 'utf8');
    expect(text).toMatch(/dublet af linje 2/);
    expect(text).toMatch(/scoren 7 for ""Hverdagsmestring"" ligger uden for skalaen 1–5/);
    for (const out of [r.stdout, r.stderr, text]) expect(out).not.toMatch(CPR_LIKE);
  });

  it('--strict exits 1 on rejected rows; the tables are still written', () => {
    const r = jobfx(['progression', LONG, '--strict', '--format', 'json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout).tables as JsonTable[]).map((t) => t.id)).toEqual([
      'progression.overall',
      'progression.indicators',
      'progression.scores',
      'progression.timeliness',
    ]);
  });

  it('output 5 on the demo: result goal and extension of the joined courses (values from a Python count)', () => {
    const r = jobfx([
      'progression',
      LONG,
      '--courses',
      COURSES,
      '--by',
      'unit',
      '--suppress',
      '0',
      '--format',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const t = (JSON.parse(r.stdout).tables as JsonTable[]).find((x) => x.id === 'progression.contract')!;
    // Python over the two CSVs: the (CPR-nr., Startdato) pairs of bip-long.csv looked up in the export;
    // goal: Slutdato and Resultatmål given, reached when "Ja"; extended: (Slutdato, or 30-01-2026, the
    // export's newest date, when later or ongoing) after Planlagt slutdato.
    expect(t.rows.map((x) => [0, 1, 2, 3, 5, 6].map((i) => x.cells[i]))).toEqual([
      ['Malerværksted', 22, 22, 5, 21, 9],
      ['Park & vej', 23, 23, 8, 22, 7],
      ['Rengøring', 26, 25, 8, 26, 10],
      ['Skoler og dagtilbud', 19, 19, 6, 15, 4],
      ['I alt', 90, 89, 27, 84, 30],
    ]);
    // Without --courses there is nothing to join: no output 5.
    const plain = jobfx(['progression', LONG, '--format', 'json']);
    expect((JSON.parse(plain.stdout).tables as JsonTable[]).map((x) => x.id)).not.toContain(
      'progression.contract',
    );
  });

  it('suppresses small cells in md, and the cells they can be worked out from', () => {
    const r = jobfx(['progression', LONG, '--format', 'md']);
    expect(r.code, r.stderr).toBe(0);
    // 75 courses = 17 up + 56 same + 2 down: the 2 is hidden, so one more of the three must be.
    const total = r.stdout.split('\n').find((l) => l.startsWith('| **I alt**'))!;
    expect(total).toMatch(/\*\*75\*\*/);
    expect(total).toMatch(/<5/);
    expect(total).not.toMatch(/\*\*17\*\*/);
    expect(r.stdout).not.toMatch(CPR_LIKE);
  });

  it('--by unit with --courses, in English, and --chart writes an SVG', () => {
    const chart = join(tmp, 'scores.svg');
    const r = jobfx([
      'progression',
      WIDE,
      '--config',
      resolve('fixtures/progression/jobfx.config.json'),
      '--courses',
      COURSES,
      '--by',
      'unit',
      '--lang',
      'en',
      '--chart',
      chart,
      '--format',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const overall = (JSON.parse(r.stdout).tables as JsonTable[])[0]!;
    expect(overall.rows.map((x) => x.cells[0])).toEqual([
      'Malerværksted',
      'Park & vej',
      'Rengøring',
      'Skoler og dagtilbud',
      'Total',
    ]);
    const svg = readFileSync(chart, 'utf8');
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('Mean score (0–1)');
  });

  it('refuses mixed scales (exit 1) and a bad --threshold (exit 2) with a message that says what to do', () => {
    const mixed = jobfx(['progression', WIDE]);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toMatch(/scores run up to 10 and no scale is given.*Fill in the Skala column/);
    const bad = jobfx(['progression', LONG, '--threshold', '2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--threshold 2: expected a change on the 0–1 scale/);
  });
});

describe('a measurement column jobfx does not recognise', () => {
  /** The long demo file with the header "Måling" renamed. */
  const renamed = (name: string) => {
    const file = join(tmp, `${name}.csv`);
    writeFileSync(file, readFileSync(LONG, 'utf8').replace(';Måling;', `;${name};`));
    return file;
  };
  const tables = (file: string) => {
    const r = jobfx(['progression', file, '--format', 'json']);
    return { r, tables: JSON.parse(r.stdout).tables as (JsonTable & { notes: string[] })[] };
  };

  it('"Runde": ordered by date, said on stderr and under every table', () => {
    const file = renamed('Runde');
    const { r, tables: ts } = tables(file);
    expect(r.stderr).toContain(
      `${file}: no column was recognised as the measurement, but "Runde" looks like one: the measurements are ordered by their date and the first of each course is taken as its baseline; if it is, rename the column to "Måling"`,
    );
    for (const t of ts)
      expect(t.notes).toContain(
        'Filen har ingen kolonne, der blev genkendt som måling (1/2/3 eller Baseline/Midtvejs/Slut): målingerne er ordnet efter dato, og et forløbs første måling er taget som baseline.',
      );
  });

  it('"Målepunkt" is a name for it: the same tables as "Måling"', () => {
    const rows = (ts: JsonTable[]) => ts.map((t) => t.rows);
    const { r, tables: ts } = tables(renamed('Målepunkt'));
    expect(r.stderr).toContain('"Målepunkt" → occasion');
    expect(rows(ts)).toEqual(rows(tables(LONG).tables));
  });
});
