/**
 * jobfx keyfigures end to end on fixtures/keyfigures/edges.csv: the courses of
 * test/analyses/keyfigures.test.ts as an export, so the expected figures are the hand-computed ones.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CPR_LIKE } from '../helpers.js';
import { jobfx } from './run.js';

const EDGES = resolve('fixtures/keyfigures/edges.csv');
const tmp = mkdtempSync(join(tmpdir(), 'jobfx-kf-'));

type JsonTable = {
  id: string;
  title: string;
  rows: { style: string | null; cells: unknown[] }[];
  notes: string[];
};
function tablesOf(args: string[]): Map<string, JsonTable> {
  const r = jobfx(['keyfigures', EDGES, '--period', '2025H1', '--format', 'json', ...args]);
  expect(r.code).toBe(0);
  return new Map((JSON.parse(r.stdout).tables as JsonTable[]).map((t) => [t.id, t]));
}
const column = (t: JsonTable, i: number) => Object.fromEntries(t.rows.map((r) => [r.cells[0], r.cells[i]]));

describe('jobfx keyfigures', () => {
  const tables = tablesOf([]);

  it('counts citizens in the programme', () => {
    expect(column(tables.get('keyfigures.citizens')!, 1)).toEqual({
      'Forløb aktive i perioden': 10,
      'Personer aktive i perioden': 8,
      'Forløb startet i perioden': 8,
      'Personer startet i perioden': 7,
      'Forløb i gang ved periodens slutning': 4,
      'Personer i gang ved periodens slutning': 4,
      'Forløb afsluttet i perioden': 6,
      'Personer afsluttet i perioden': 6,
    });
  });

  it('gives durations unrounded, with their n', () => {
    const d = column(tables.get('keyfigures.ongoingDuration')!, 1);
    expect(d['Forløb']).toBe(4);
    expect(d['Gennemsnit, dage']).toMatchObject({ value: 110.25 });
    expect(d['Nedre kvartil, dage']).toMatchObject({ value: 69.25 });
    expect(d['Median, uger']).toMatchObject({ value: 114 / 7 });
  });

  it('gives exit groups as counts with their denominator', () => {
    const g = column(tables.get('keyfigures.exitGroups')!, 2);
    expect(g['Job']).toEqual({ count: 1, of: 6, percent: 100 / 6 });
    expect(g['Ikke i ordlisten']).toEqual({ count: 1, of: 6, percent: 100 / 6 });
    expect(g['I alt']).toEqual({ count: 6, of: 6, percent: 100 });
  });

  it('follows up and repeats by the definitions', () => {
    // Default: the lagged cohort, as of the newest date (01-07-2025). 1 month: ended
    // 01-12-2024–31-05-2025 = c1 c3 c5 c9 c10 c12, all due; no status: c3 and c10.
    expect(tables.get('keyfigures.followUp1')!.title).toMatch(/forløb afsluttet 01-12-2024–31-05-2025$/);
    expect(column(tables.get('keyfigures.followUp1')!, 1)).toEqual({
      Job: 3,
      Uddannelse: 1,
      Uoplyst: 2,
      'Opgjort i alt': 6,
      'Endnu ikke opgjort': 0,
      'Afsluttede forløb i alt': 6,
    });
    // The period's own cohort, as of its end.
    const period = tablesOf(['--followup-cohort', 'period', '--as-of', '30-06-2025']);
    expect(column(period.get('keyfigures.followUp1')!, 1)).toEqual({
      Job: 3,
      Uddannelse: 1,
      Uoplyst: 1,
      'Opgjort i alt': 5,
      'Endnu ikke opgjort': 1, // c14 ended 30-06-2025: due 30-07-2025
      'Afsluttede forløb i alt': 6,
    });
    expect(column(tables.get('keyfigures.repeats')!, 1)).toEqual({
      'Personer startet i perioden': 7,
      'heraf gengangere': 2,
    });
    expect(column(tablesOf(['--min-gap-days', '1']).get('keyfigures.repeats')!, 1)['heraf gengangere']).toBe(
      1,
    );
    expect(column(tablesOf(['--window', '366d']).get('keyfigures.repeats')!, 1)['heraf gengangere']).toBe(3);
  });

  it('joins a separate follow-up file on the person, and reports the rows it cannot join', () => {
    const args = [
      '--followup',
      resolve('fixtures/keyfigures/followup.csv'),
      '--followup-cohort',
      'period',
      '--as-of',
      '30-06-2025',
    ];
    // P3 gains "Ledig" (→ Forsørgelsesydelse); P4's measurement on 30-05-2025 = c5's end + 1 month replaces Job.
    expect(column(tablesOf(args).get('keyfigures.followUp1')!, 1)).toEqual({
      Job: 2,
      Uddannelse: 1,
      Forsørgelsesydelse: 1,
      Selvforsørgelse: 1,
      'Opgjort i alt': 5,
      'Endnu ikke opgjort': 1,
      'Afsluttede forløb i alt': 6,
    });
    const r = jobfx(['keyfigures', EDGES, '--period', '2025H1', '--format', 'json', '--strict', ...args]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/followup\.csv: 10 rows read = 6 accepted \+ 4 rejected \+ 0 skipped/);
    expect(r.stderr).toMatch(/line 8: no course of the person ended about 12 month/);
    expect(r.stderr).toMatch(/line 9: the person has no ended course/);
    expect(r.stderr).toMatch(/line 10: Horisont: "2" is not 1, 3, 6 or 12 months/);
    expect(r.stderr).toMatch(/line 11: Borger-id: is empty/);
    expect(r.stderr).toMatch(/1 status\(es\) .* replaced a different status/);
    // With a later as-of, P1's 6-month status from the file becomes due.
    const later = tablesOf([...args.slice(0, -2), '--as-of', '01-07-2025']).get('keyfigures.followUp6')!;
    expect(column(later, 1)).toMatchObject({ Job: 1, 'Opgjort i alt': 1, 'Endnu ikke opgjort': 5 });
  });

  it('puts units side by side with a total column that counts persons once', () => {
    const t = tablesOf(['--by', 'unit']).get('keyfigures.citizens')!;
    // columns: label, Maler, Park, I alt
    expect(t.rows[1]!.cells).toEqual(['Personer aktive i perioden', 4, 5, 8]);
  });

  it('defaults to the last complete half-year in the data and says so', () => {
    const r = jobfx(['keyfigures', EDGES, '--format', 'json']);
    expect(r.code).toBe(0);
    // newest date 2025-07-01 → 2025H1
    expect(r.stderr).toMatch(/using 2025H1/);
  });

  it('writes every format without CPR numbers, from the demo export', () => {
    for (const ext of ['md', 'csv', 'json', 'html', 'xlsx']) {
      const out = join(tmp, `kf.${ext}`);
      const r = jobfx([
        'keyfigures',
        resolve('fixtures/demo/demo-export.xlsx'),
        '--period',
        '2025H1',
        '--out',
        out,
      ]);
      expect(r.code, r.stderr).toBe(0);
      if (ext !== 'xlsx') expect(readFileSync(out, 'utf8')).not.toMatch(CPR_LIKE);
    }
  });

  it.each([
    [['--period', '2025H3'], /--period 2025H3: not a period/],
    [['--period', '2025', '--from', '01-01-2025'], /either --period or --from/],
    [['--by', 'colour'], /--by colour: use a field \(targetGroup, .*\) or a column of the file/],
    [['--window', 'soon'], /--window soon/],
    [['--suppress', '-1'], /--suppress -1/],
    [['--format', 'xlsx'], /give --out FILE\.xlsx/],
  ])('%j is a usage error', (args, message) => {
    const r = jobfx(['keyfigures', EDGES, ...(args as string[])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
