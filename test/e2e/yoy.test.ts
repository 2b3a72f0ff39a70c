/**
 * jobfx yoy end to end on fixtures/yoy/exits.csv: the courses of test/analyses/yoy.test.ts as an
 * export, so the expected figures are the hand-computed ones there (see its table of courses).
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CPR_LIKE } from '../helpers.js';
import { jobfx } from './run.js';

const EXITS = resolve('fixtures/yoy/exits.csv');
const DEMO = resolve('fixtures/demo/demo-export.xlsx');
const tmp = mkdtempSync(join(tmpdir(), 'jobfx-yoy-'));

type JsonTable = {
  id: string;
  title: string;
  columns: { label: string }[];
  rows: { style: string | null; cells: unknown[] }[];
  notes: string[];
};
function tableOf(args: string[], file = EXITS): JsonTable {
  const r = jobfx(['yoy', file, '--format', 'json', ...args], { cwd: tmp });
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout).tables as JsonTable[])[0]!;
}
/** Row label → the cells of the year columns. */
const years = (t: JsonTable, k: number) =>
  Object.fromEntries(t.rows.map((r) => [r.cells[0], r.cells.slice(1, 1 + k)]));

describe('jobfx yoy', () => {
  it('counts exits by reason in the complete years, with percent and change columns', () => {
    const r = jobfx(['yoy', EXITS, '--format', 'json'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no --years given; using 2021–2024/);
    const t = JSON.parse(r.stdout).tables[0] as JsonTable;
    expect(t.columns.map((c) => c.label)).toEqual([
      'Afslutningsårsag',
      '2021',
      '2022',
      '2023',
      '2024',
      'Pct. 2024',
      'Ændring, antal',
      'Ændring, pct.-point',
    ]);
    expect(t.rows.map((x) => x.cells.slice(0, 5))).toEqual([
      ['Ordinært job', 2, 2, 0, 2],
      ['Afbrudt', 1, 0, 0, 2],
      ['Virksomhedspraktik', 0, 0, 1, 1],
      ['Barsel', 0, 0, 0, 1],
      ['Fleksjob', 0, 1, 0, 0],
      ['Uddannelse', 0, 1, 0, 0],
      ['Uoplyst', 0, 0, 1, 0],
      ['Stoppet af andre årsager', 0, 0, 1, 0],
      ['I alt', 3, 4, 3, 6],
    ]);
    // OJ: 2 of 6 in 2024; +2 courses; 33.3 − 0 pp.
    expect(t.rows[0]!.cells.slice(5)).toEqual([{ count: 2, of: 6, percent: 100 / 3 }, 2, 100 / 3]);
    expect(t.rows.at(-1)!.cells.slice(5)).toEqual([{ count: 6, of: 6, percent: 100 }, 3, null]);
    expect(t.notes.join('\n')).toMatch(/Ikke i ordlisten \(vist som skrevet\): Stoppet af andre årsager/);
  });

  it('counts intake by start year, with a row for courses that have not ended', () => {
    const t = tableOf(['--basis', 'start', '--rows', 'exitGroup']);
    expect(t.title).toBe('Startede forløb efter afgangsgruppe, 2021–2024');
    expect(years(t, 4)).toEqual({
      Job: [2, 3, 0, 3],
      Uddannelse: [1, 0, 0, 0],
      'Jobrettet aktivitet': [0, 1, 0, 1],
      'Tilbage til jobcenter / anden indsats': [0, 0, 0, 0],
      'Anden forsørgelse': [0, 0, 0, 0],
      Andet: [0, 0, 0, 1],
      'Afbrudt / ikke gennemført': [1, 0, 1, 1],
      Uoplyst: [0, 0, 1, 0],
      'Ikke i ordlisten': [0, 0, 1, 0],
      'Ikke afsluttet': [0, 0, 1, 1],
      'I alt': [4, 4, 4, 7],
    });
  });

  it('defaults to intake for target groups', () => {
    const t = tableOf(['--rows', 'targetGroup']);
    expect(years(t, 4)).toEqual({
      'Jobparat kontanthjælpsmodtager': [3, 1, 2, 5],
      'Forsikret ledig': [1, 2, 2, 2],
      Uoplyst: [0, 1, 0, 0],
      'I alt': [4, 4, 4, 7],
    });
  });

  it('groups by a config that redefines the groups', () => {
    const config = join(tmp, 'groups.json');
    writeFileSync(
      config,
      JSON.stringify({
        vocabularies: {
          exitReasons: {
            values: [
              { value: 'Afbrudt', group: 'other' },
              { value: 'Stoppet af andre årsager', group: 'dropout' },
              { value: 'Virksomhedspraktik', aliases: ['Praktik'], group: 'activation' },
            ],
          },
          exitGroups: {
            values: [
              { key: 'other', da: 'Andet inkl. afbrudt', en: 'Other incl. interrupted' },
              { key: 'activation', da: 'Aktivering', en: 'Activation' },
            ],
          },
        },
      }),
    );
    const t = tableOf(['--rows', 'exitGroup', '--config', config]);
    // Config entries come first in the vocabulary order; "Stoppet ..." is now known: no "Ikke i ordlisten".
    expect(t.rows.map((x) => x.cells.slice(0, 5))).toEqual([
      ['Andet inkl. afbrudt', 1, 0, 0, 3],
      ['Aktivering', 0, 0, 1, 1],
      ['Job', 2, 3, 0, 2],
      ['Uddannelse', 0, 1, 0, 0],
      ['Jobrettet aktivitet', 0, 0, 0, 0],
      ['Tilbage til jobcenter / anden indsats', 0, 0, 0, 0],
      ['Anden forsørgelse', 0, 0, 0, 0],
      ['Afbrudt / ikke gennemført', 0, 0, 1, 0],
      ['Uoplyst', 0, 0, 1, 0],
      ['I alt', 3, 4, 3, 6],
    ]);
    // Andet inkl. afbrudt: 3 of 6 in 2024, +3, 50 − 0 pp.
    expect(t.rows[0]!.cells.slice(5)).toEqual([{ count: 3, of: 6, percent: 50 }, 3, 50]);
  });

  it('shows shares from counts, "-" (null) where a year has no courses', () => {
    const t = tableOf(['--measure', 'share', '--years', '2020-2024']);
    const oj = t.rows.find((x) => x.cells[0] === 'Ordinært job')!;
    expect(oj.cells.slice(1)).toEqual([
      { count: 0, of: 0, percent: null },
      { count: 2, of: 3, percent: 200 / 3 },
      { count: 2, of: 4, percent: 50 },
      { count: 0, of: 3, percent: 0 },
      { count: 2, of: 6, percent: 100 / 3 },
      100 / 3,
    ]);
    const md = jobfx([
      'yoy',
      EXITS,
      '--measure',
      'share',
      '--years',
      '2020-2024',
      '--format',
      'md',
      '--suppress',
      '0',
    ]);
    expect(md.stdout).toMatch(/\| Ordinært job +\| +- \| +66,7 \| +50,0 \| +0,0 \| +33,3 \| +33,3 \|/);
  });

  it('counts distinct persons and takes median durations', () => {
    const p = tableOf(['--measure', 'persons']);
    // 2022 OJ: E twice → 1 person; 2024 total: 5 distinct persons (rows add to 6).
    expect(years(p, 4)['Ordinært job']).toEqual([2, 1, 0, 2]);
    expect(years(p, 4)['I alt']).toEqual([3, 3, 3, 5]);
    const m = tableOf(['--measure', 'median-duration', '--basis', 'start', '--lang', 'en']);
    // In English the vocabulary's label: "Ordinært job" is "Ordinary job".
    expect(years(m, 4)['Ordinary job']).toEqual([
      { value: 87.5, n: 2 },
      { value: 153, n: 2 },
      { value: null, n: 0 },
      { value: 107, n: 3 },
    ]);
    expect(years(m, 4)['All ended courses']).toEqual([
      { value: 87.5, n: 4 },
      { value: 121, n: 4 },
      { value: 181, n: 3 },
      { value: 76.5, n: 6 },
    ]);
    expect(m.notes.join('\n')).toMatch(/left out: 2021: 0, 2022: 0, 2023: 1, 2024: 1/);
  });

  it('makes half-year columns and warns about one that is not over', () => {
    const t = tableOf(['--step', 'half']);
    expect(t.columns.slice(1, 9).map((c) => c.label)).toEqual([
      '2021H1',
      '2021H2',
      '2022H1',
      '2022H2',
      '2023H1',
      '2023H2',
      '2024H1',
      '2024H2',
    ]);
    expect(years(t, 8)['I alt']).toEqual([1, 2, 2, 2, 2, 1, 3, 3]);
    const r = jobfx(['yoy', EXITS, '--step', 'half', '--years', '2024H2-2025H1', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: 2025H1 not over in the data \(newest date 10-02-2025\)/);
    // 2025H1: c16 ends 15-01-2025 (OJ).
    const h = JSON.parse(r.stdout).tables[0] as JsonTable;
    expect(years(h, 2)['I alt']).toEqual([3, 1]);
    expect(h.notes.join('\n')).toMatch(/2025H1 er ikke slut i data/);
  });

  it('suppresses small cells in memo formats, changes computed from them too', () => {
    const r = jobfx(['yoy', DEMO, '--format', 'md']);
    expect(r.code).toBe(0);
    // Udeblevet: 2024 < 5, so its change cannot be shown.
    expect(r.stdout).toMatch(/\| Udeblevet +\| +<5 \| +11 \| +4,9 \| +\.\. \| +\.\. \|/);
    expect(r.stdout).toMatch(/En ændring, der bygger på et skjult tal/);
    expect(r.stdout).not.toMatch(CPR_LIKE);
  });

  it('draws the table as an SVG bar chart, the same bytes every time', () => {
    const a = join(tmp, 'a.svg');
    const b = join(tmp, 'b.svg');
    for (const f of [a, b]) {
      const r = jobfx(['yoy', EXITS, '--chart', f, '--suppress', '0', '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
    }
    const svg = readFileSync(a, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    // 8 reasons × 4 years, zeros included (drawn with no height).
    expect(svg.match(/aria-roledescription="bar"/g)).toHaveLength(32);
    expect(readFileSync(b, 'utf8')).toBe(svg);
  });

  it('writes every format from the demo export without CPR numbers', () => {
    for (const ext of ['md', 'csv', 'json', 'html', 'xlsx']) {
      const out = join(tmp, `yoy.${ext}`);
      const r = jobfx(['yoy', DEMO, '--rows', 'exitGroup', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(out)).toBe(true);
      if (ext !== 'xlsx') expect(readFileSync(out, 'utf8')).not.toMatch(CPR_LIKE);
    }
  });

  it('refuses data with no complete year', () => {
    const csv = join(tmp, 'one-year.csv');
    writeFileSync(csv, 'Borger-id;Startdato;Slutdato;Afslutningsårsag\nA;01-02-2024;01-03-2024;Job\n');
    const r = jobfx(['yoy', csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no complete year; give --years/);
    expect(jobfx(['yoy', csv, '--years', '2024', '--format', 'json']).code).toBe(0);
  });

  it.each([
    [['--years', '2024-2020'], /--years 2024-2020: the range ends before it starts/],
    [['--years', 'last'], /--years last: use a range of years/],
    [['--years', '2024H1'], /--years 2024H1: half-years need --step half/],
    [['--years', '1900-2024'], /at most 50/],
    [['--rows', 'colour'], /argument 'colour' is invalid/],
    [
      ['--measure', 'mean'],
      /--measure mean: use one of count, share, median-duration, persons, course-years, or count,share/,
    ],
    [['--basis', 'middle'], /argument 'middle' is invalid/],
    [['--step', 'week'], /argument 'week' is invalid/],
    [['--chart', 'chart.png'], /--chart chart\.png: the chart is SVG/],
    [['--format', 'xlsx'], /give --out FILE\.xlsx/],
  ])('%j is a usage error', (args, message) => {
    const r = jobfx(['yoy', EXITS, ...(args as string[])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
