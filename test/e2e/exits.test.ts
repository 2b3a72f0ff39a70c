/**
 * jobfx exits on fixtures/keyfigures/edges.csv. Its 9 ended courses (hand count): Ordinært job ×3
 * (c1, c6 "Job", c10), Afbrudt ×2 (c3, c8), Uddannelse (c5 "Påbegyndt uddannelse"), Overgået til
 * jobcenter (c9), Sygedagpenge (c12), "Stoppet af andre årsager" (c14, not in the vocabulary).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

const EDGES = resolve('fixtures/keyfigures/edges.csv');
type JsonTable = { id: string; columns: { label: string }[]; rows: { cells: unknown[] }[]; notes: string[] };

function exits(args: string[], cwd?: string): Map<string, JsonTable> {
  const r = jobfx(['exits', EDGES, '--format', 'json', ...args], cwd ? { cwd } : {});
  expect(r.code, r.stderr).toBe(0);
  return new Map((JSON.parse(r.stdout).tables as JsonTable[]).map((t) => [t.id, t]));
}
const rows = (t: JsonTable) => t.rows.map((r) => r.cells);

describe('jobfx exits', () => {
  it('lists reasons by count, then vocabulary order, with percent of all ended courses', () => {
    expect(rows(exits([]).get('exits.reasons')!)).toEqual([
      ['Ordinært job', 3, { count: 3, of: 9, percent: 100 / 3 }],
      ['Afbrudt', 2, { count: 2, of: 9, percent: 200 / 9 }],
      ['Uddannelse', 1, { count: 1, of: 9, percent: 100 / 9 }],
      ['Overgået til jobcenter', 1, { count: 1, of: 9, percent: 100 / 9 }],
      ['Sygedagpenge', 1, { count: 1, of: 9, percent: 100 / 9 }],
      ['Stoppet af andre årsager', 1, { count: 1, of: 9, percent: 100 / 9 }],
      ['I alt', 9, { count: 9, of: 9, percent: 100 }],
    ]);
  });

  it('sorts in vocabulary order with --sort vocab', () => {
    expect(rows(exits(['--sort', 'vocab']).get('exits.reasons')!).map((r) => r[0])).toEqual([
      'Ordinært job',
      'Uddannelse',
      'Overgået til jobcenter',
      'Sygedagpenge',
      'Afbrudt',
      'Stoppet af andre årsager',
      'I alt',
    ]);
  });

  it('sums groups from counts, with reasons outside the vocabulary in their own row', () => {
    const g = Object.fromEntries(rows(exits([]).get('exits.groups')!).map((r) => [r[0], r[1]]));
    expect(g).toEqual({
      Job: 3,
      Uddannelse: 1,
      'Jobrettet aktivitet': 0,
      'Tilbage til jobcenter / anden indsats': 1,
      'Anden forsørgelse': 1,
      Andet: 0,
      'Afbrudt / ikke gennemført': 2,
      Uoplyst: 0,
      'Ikke i ordlisten': 1,
      'I alt': 9,
    });
  });

  it('selects by end date with --period', () => {
    // 2025H1: c1 (ends 01-01), c3, c5, c9, c12, c14 (ends 30-06).
    const t = exits(['--period', '2025H1']).get('exits.reasons')!;
    expect(t.rows.at(-1)!.cells[1]).toBe(6);
    expect(rows(t)[0]).toEqual(['Ordinært job', 1, { count: 1, of: 6, percent: 100 / 6 }]);
  });

  it('puts units side by side with a total and a percent column', () => {
    const t = exits(['--by', 'unit']).get('exits.reasons')!;
    expect(t.columns.map((c) => c.label)).toEqual(['Afslutningsårsag', 'Maler', 'Park', 'I alt', 'Pct.']);
    expect(rows(t)[0]).toEqual(['Ordinært job', 1, 2, 3, { count: 3, of: 9, percent: 100 / 3 }]);
    expect(rows(t).at(-1)).toEqual(['I alt', 6, 3, 9, { count: 9, of: 9, percent: 100 }]);
  });

  it('follows exit groups redefined in the config', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jobfx-exits-'));
    writeFileSync(
      join(cwd, 'jobfx.config.json'),
      JSON.stringify({
        vocabularies: {
          exitReasons: {
            values: [
              { value: 'Afbrudt', group: 'other' },
              { value: 'Stoppet af andre årsager', group: 'dropout' },
            ],
          },
          exitGroups: { values: [{ key: 'job', da: 'Job og fleksjob', en: 'Job incl. flex job' }] },
        },
      }),
    );
    const g = Object.fromEntries(rows(exits([], cwd).get('exits.groups')!).map((r) => [r[0], r[1]]));
    expect(g['Job og fleksjob']).toBe(3);
    expect(g['Andet']).toBe(2); // Afbrudt ×2 moved to "other"
    expect(g['Afbrudt / ikke gennemført']).toBe(1); // the formerly unknown reason
    expect(g['Ikke i ordlisten']).toBeUndefined();
  });

  it('puts reasons under their group with --grouped, groups from summed counts', () => {
    const t = exits(['--grouped']).get('exits.grouped')!;
    expect(rows(t).map((r) => [r[0], r[1]])).toEqual([
      ['Job', 3],
      ['  Ordinært job', 3],
      ['Uddannelse', 1],
      ['  Uddannelse', 1],
      ['Tilbage til jobcenter / anden indsats', 1],
      ['  Overgået til jobcenter', 1],
      ['Anden forsørgelse', 1],
      ['  Sygedagpenge', 1],
      ['Afbrudt / ikke gennemført', 2],
      ['  Afbrudt', 2],
      ['Ikke i ordlisten', 1],
      ['  Stoppet af andre årsager', 1],
      ['I alt', 9],
    ]);
  });

  it('suppresses a grouped table so no hidden reason is its group minus the others', () => {
    // Demo, 2025H2, "Anden forsørgelse" 8 = A-dagpenge 6 + Sygedagpenge 2: the 2 is hidden, so
    // the 6 must go too, or 8 − 6 gives it back.
    const r = jobfx([
      'exits',
      resolve('fixtures/demo/demo-export.xlsx'),
      '--period',
      '2025H2',
      '--grouped',
      '--format',
      'md',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\| Anden forsørgelse\s+\|\s+8 \|/);
    expect(r.stdout).toMatch(/\|\s+A-dagpenge\s+\|\s+\.\. \|/);
    expect(r.stdout).toMatch(/\|\s+Sygedagpenge\s+\|\s+<5 \|/);
  });

  it('suppresses small cells in memo formats by default', () => {
    const r = jobfx(['exits', EDGES, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\| Ordinært job\s+\|\s+<5 \|\s+\.\. \|/);
    expect(r.stdout).toMatch(/Tal under 5 er vist som "<5"/);
  });
});
