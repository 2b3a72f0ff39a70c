/**
 * jobfx yoy's memo layouts on fixtures/yoy/exits.csv (its courses are tabled by hand in
 * test/analyses/yoy.test.ts): --basis active, --measure course-years, --measure count,share,
 * --order desc, --columns with a part year, --rows-select with --subtotal, --blank-before-first.
 * Every expected value is worked by hand in the comments.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

const EXITS = resolve('fixtures/yoy/exits.csv');
const tmp = mkdtempSync(join(tmpdir(), 'jobfx-yoy-layouts-'));

type JsonTable = {
  title: string;
  columns: { label: string }[];
  rows: { style: string | null; cells: unknown[] }[];
  notes: string[];
};
function table(args: string[]): JsonTable {
  const r = jobfx(['yoy', EXITS, '--format', 'json', ...args], { cwd: tmp });
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout).tables as JsonTable[])[0]!;
}
const byLabel = (t: JsonTable, from: number, to: number) =>
  Object.fromEntries(t.rows.map((r) => [r.cells[0], r.cells.slice(from, to)]));

describe('jobfx yoy layouts', () => {
  it('--basis active: courses active in the year, still running ones as "Igangværende"', () => {
    // 2022: c04 Uddannelse, c05 Fleksjob, c06 c07 OJ (job 3); c08 runs into 2023 (Igangværende).
    // 2023: c08 VP (jobActivity), c09 Stoppet (not in the vocabulary), c10 Uoplyst; c11, c12 running.
    // 2024: c13 c19 job; c12 c20 Afbrudt; c14 Barsel (other); c15 VP; c11 c16 c17 running.
    const t = table(['--rows', 'exitGroup', '--basis', 'active', '--years', '2022-2024']);
    expect(t.title).toBe('Aktive forløb efter afgangsgruppe, 2022–2024');
    expect(byLabel(t, 1, 4)).toEqual({
      Job: [3, 0, 2],
      Uddannelse: [1, 0, 0],
      'Jobrettet aktivitet': [0, 1, 1],
      'Tilbage til jobcenter / anden indsats': [0, 0, 0],
      'Anden forsørgelse': [0, 0, 0],
      Andet: [0, 0, 1],
      'Afbrudt / ikke gennemført': [0, 0, 2],
      Uoplyst: [0, 1, 0],
      'Ikke i ordlisten': [0, 1, 0],
      Igangværende: [1, 2, 3],
      'I alt': [5, 5, 9],
    });
    expect(t.notes[0]).toMatch(/^Et forløb tælles i hvert år, hvor det er aktivt/);
  });

  it('--measure course-years: course days in the year / 365, ongoing courses to the newest date', () => {
    // 2023 Park: c10 183 d (1 Apr–30 Sep), c11 245 d (1 May–31 Dec) = 428. Maler: c08 59 (Jan+Feb),
    // c09 181, c12 31 (Dec) = 271. 2024 Park: c11 366 (leap year), c13 121, c14 306, c16 92 (Oct–Dec),
    // c19 1 = 886. Maler: c12 31, c15 31, c17 61 (Nov+Dec), c20 46 = 169.
    const t = table(['--rows', 'unit', '--measure', 'course-years', '--years', '2023-2024']);
    expect(t.title).toBe('Årsværker efter enhed, 2023–2024');
    expect(t.columns.map((c) => c.label)).toEqual(['Enhed', '2023', '2024', 'Ændring, årsværk']);
    const rows = byLabel(t, 1, 4);
    expect(rows['Park']).toEqual([
      { value: 428 / 365, n: 2 },
      { value: 886 / 365, n: 5 },
      886 / 365 - 428 / 365,
    ]);
    expect(rows['Maler']).toEqual([
      { value: 271 / 365, n: 3 },
      { value: 169 / 365, n: 4 },
      169 / 365 - 271 / 365,
    ]);
    // The total carries the smallest row's n (2 in 2023, 4 in 2024): hidden wherever a row is.
    expect(rows['I alt']).toEqual([
      { value: 699 / 365, n: 2 },
      { value: 1055 / 365, n: 4 },
      1055 / 365 - 699 / 365,
    ]);
    expect(t.notes.join('\n')).toMatch(/Årsværk = forløbsdage i året \/ 365 .* nyeste dato 10-02-2025/);
  });

  it('count and share per year, newest first, a part year, selected rows with a subtotal', () => {
    // Ended in 2022: c04 Uddannelse, c05 Fleksjob, c06 c07 OJ → job 3, others 1, total 4.
    // Ended 1 May–31 Dec 2023: c09 (Stoppet, 30-06), c10 (Uoplyst, 30-09) → others 2 (c08 ended in Feb).
    // Ended in 2024: c13 c19 job 2; c12 c20 dropout 2; c14 Barsel, c15 VP others 2; total 6.
    const t = table([
      '--rows',
      'exitGroup',
      '--measure',
      'count,share',
      '--order',
      'desc',
      '--columns',
      '2022,2023-05-01..2023-12-31,2024',
      '--rows-select',
      'job,Afbrudt / ikke gennemført',
      '--subtotal',
    ]);
    expect(t.title).toBe('Afsluttede forløb, antal og pct., efter afgangsgruppe, 2022–2024');
    expect(t.columns.map((c) => c.label)).toEqual([
      'Afgangsgruppe',
      '2024, antal',
      '2024, pct.',
      'Delår 2023 (01-05–31-12), antal',
      'Delår 2023 (01-05–31-12), pct.',
      '2022, antal',
      '2022, pct.',
      'Ændring, antal',
      'Ændring, pct.-point',
    ]);
    const counts = t.rows.map((r) => [r.cells[0], r.cells[1], r.cells[3], r.cells[5]]);
    expect(counts).toEqual([
      ['Job', 2, 0, 3],
      ['Afbrudt / ikke gennemført', 2, 0, 0],
      ['I alt, udvalgte', 4, 0, 3],
      ['Øvrige', 2, 2, 1],
      ['I alt', 6, 2, 4],
    ]);
    expect(t.rows.map((r) => r.style)).toEqual([null, null, 'subtotal', null, 'total']);
    expect(t.rows[2]!.cells[2]).toEqual({ count: 4, of: 6, percent: (100 * 4) / 6 });
    expect(t.rows[0]!.cells[6]).toEqual({ count: 3, of: 4, percent: 75 });
    // Change: 2024 against the part year: 4 − 0 courses, 66.7 − 0 points (subtotal).
    expect(t.rows[2]!.cells.slice(7)).toEqual([4, (100 * 4) / 6]);
    const notes = t.notes.join('\n');
    expect(notes).toMatch(/Delår 2023 \(01-05–31-12\): 01-05-2023–31-12-2023, 245 dage, ikke et helt år/);
    expect(notes).toMatch(
      /"Øvrige" er alle andre værdier; "I alt, udvalgte" er de udvalgte rækker tilsammen/,
    );
  });

  it('--blank-before-first: blank, not 0, in years before a value first appears', () => {
    // First end date per reason: OJ 30-06-2021, Afbrudt 31-12-2021, Uddannelse 01-01-2022,
    // Fleksjob 01-02-2022, VP 28-02-2023, Stoppet 30-06-2023, Uoplyst 30-09-2023, Barsel 31-12-2024.
    const t = table(['--years', '2021-2024', '--blank-before-first']);
    expect(byLabel(t, 1, 5)).toEqual({
      'Ordinært job': [2, 2, 0, 2],
      Afbrudt: [1, 0, 0, 2],
      Virksomhedspraktik: [null, null, 1, 1],
      Barsel: [null, null, null, 1],
      Fleksjob: [null, 1, 0, 0],
      Uddannelse: [null, 1, 0, 0],
      Uoplyst: [null, null, 1, 0],
      'Stoppet af andre årsager': [null, null, 1, 0],
      'I alt': [3, 4, 3, 6],
    });
    // Barsel did not exist in 2023: no change from it.
    expect(byLabel(t, 5, 8)['Barsel']).toEqual([{ count: 1, of: 6, percent: 100 / 6 }, null, null]);
    expect(t.notes.join('\n')).toMatch(
      /Tom celle: året slutter før værdiens første forløb i udtrækket \(dens første slutdato\)/,
    );
  });

  it('--by unit: a table per unit with the rows of all courses, then all courses', () => {
    // Ended 2023: c08 VP, c09 Stoppet (Maler), c10 Uoplyst (Park): all "Øvrige".
    // Ended 2024: Maler c12 c20 Afbrudt, c15 VP; Park c13 c19 OJ, c14 Barsel.
    const r = jobfx(
      [
        'yoy',
        EXITS,
        '--format',
        'json',
        '--rows',
        'exitGroup',
        '--years',
        '2023-2024',
        '--by',
        'unit',
        '--rows-select',
        'job,dropout',
        '--subtotal',
      ],
      { cwd: tmp },
    );
    expect(r.code, r.stderr).toBe(0);
    const tables = JSON.parse(r.stdout).tables as JsonTable[];
    expect(tables.map((t) => t.title)).toEqual([
      'Afsluttede forløb efter afgangsgruppe, 2023–2024, Enhed: Maler',
      'Afsluttede forløb efter afgangsgruppe, 2023–2024, Enhed: Park',
      'Afsluttede forløb efter afgangsgruppe, 2023–2024, alle (enhed)',
    ]);
    const rows = ['Job', 'Afbrudt / ikke gennemført', 'I alt, udvalgte', 'Øvrige', 'I alt'];
    const expected = [
      [
        [0, 0],
        [0, 2],
        [0, 2],
        [2, 1],
        [2, 3],
      ],
      [
        [0, 2],
        [0, 0],
        [0, 2],
        [1, 1],
        [1, 3],
      ],
      [
        [0, 2],
        [0, 2],
        [0, 4],
        [3, 2],
        [3, 6],
      ],
    ];
    tables.forEach((t, k) => {
      expect(t.rows.map((x) => x.cells[0])).toEqual(rows);
      expect(t.rows.map((x) => x.cells.slice(1, 3))).toEqual(expected[k]);
    });
  });

  it('--by refuses shares alone and course-years, whose cells would give each other away', () => {
    for (const measure of ['share', 'course-years']) {
      const r = jobfx(['yoy', EXITS, '--by', 'unit', '--measure', measure], { cwd: tmp });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`--by with --measure ${measure}`));
    }
  });

  it('draws the chart of a count,share table with the newest year first', () => {
    const svg = join(tmp, 'desc.svg');
    const r = jobfx(['yoy', EXITS, '--measure', 'count,share', '--order', 'desc', '--chart', svg], {
      cwd: tmp,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(svg)).toBe(true);
  });

  it.each([
    [['--subtotal'], /--subtotal needs --rows-select/],
    [['--years', '2024', '--columns', '2024'], /give either --years or --columns/],
    [['--columns', '2024,2024-06-01..2024-12-31'], /begins before 2024 ends/],
    [['--columns', '2024,last year'], /last year is not a period/],
    [['--measure', 'count,persons'], /--measure count,persons: use one of/],
    [
      ['--rows', 'exitGroup', '--rows-select', 'jobb'],
      /--rows-select jobb: not a value of exitGroup; known values: job, education/,
    ],
  ])('%j is a usage error', (args, message) => {
    const r = jobfx(['yoy', EXITS, ...(args as string[])], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
