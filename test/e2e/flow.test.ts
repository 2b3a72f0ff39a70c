/**
 * jobfx flow end to end on fixtures/flow/flow.csv; the figures are the hand-worked ones of
 * test/analyses/flow.test.ts (its table of courses), and the identity is checked on every row.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

const FILE = resolve('fixtures/flow/flow.csv');
const DEMO = resolve('fixtures/demo/demo-export.xlsx');
const tmp = mkdtempSync(join(tmpdir(), 'jobfx-flow-'));

type JsonTable = {
  id: string;
  title: string;
  columns: { label: string }[];
  rows: { cells: unknown[] }[];
  notes: string[];
};
function run(args: string[]): { tables: JsonTable[]; stderr: string } {
  const r = jobfx(['flow', FILE, '--format', 'json', ...args], { cwd: tmp });
  expect(r.code, r.stderr).toBe(0);
  return { tables: JSON.parse(r.stdout).tables as JsonTable[], stderr: r.stderr };
}
const cells = (t: JsonTable) => t.rows.map((r) => r.cells);
/** start + in − out = end and active = start + in = end + out, in every row. */
function identity(t: JsonTable) {
  for (const [, s, i, o, e, a] of cells(t) as number[][]) {
    expect(s! + i! - o!).toBe(e);
    expect(s! + i!).toBe(a);
    expect(e! + o!).toBe(a);
  }
}

describe('jobfx flow', () => {
  it('counts persons per month: stock at start, inflow, outflow, stock at end', () => {
    const { tables, stderr } = run(['--period', '2025Q1']);
    const t = tables[0]!;
    expect(t.id).toBe('flow');
    expect(t.title).toBe('Personer: bestand, tilgang og afgang pr. måned, 1. kvartal 2025');
    expect(t.columns.map((c) => c.label)).toEqual([
      'Måned',
      'Bestand primo',
      'Tilgang',
      'Afgang',
      'Bestand ultimo',
      'Aktive i måneden',
    ]);
    expect(cells(t)).toEqual([
      ['januar 2025', 3, 1, 1, 3, 4],
      ['februar 2025', 3, 1, 1, 3, 4],
      ['marts 2025', 3, 2, 2, 3, 5],
      // P2 came in in February and again in March: one inflow over the quarter.
      ['Hele perioden', 3, 3, 3, 3, 6],
    ]);
    identity(t);
    expect(t.notes.join('\n')).toMatch(/1 anonymiserede forløb er aktive i perioden uden en person/);
    expect(stderr).toMatch(/13 rows read = 13 accepted \+ 0 rejected/);
  });

  it('counts courses, and a course starting and ending in one month is in both flows', () => {
    const t = run(['--period', '2025Q1', '--count', 'courses', '--lang', 'en']).tables[0]!;
    expect(t.title).toBe('Courses: stock, inflow and outflow by month, Q1 2025');
    expect(cells(t)).toEqual([
      ['January 2025', 3, 2, 2, 3, 5],
      ['February 2025', 3, 3, 2, 4, 6],
      ['March 2025', 4, 2, 2, 4, 6],
      ['Whole period', 3, 7, 6, 4, 10],
    ]);
    identity(t);
    expect(t.notes.join('\n')).toMatch(
      /A course that starts and ends in the same month is in both inflow and outflow/,
    );
  });

  it('counts per quarter, and says a period past the newest date is not final', () => {
    const { tables, stderr } = run(['--period', '2025H1', '--step', 'quarter', '--count', 'courses']);
    const t = tables[0]!;
    // Q2: stock c04 c06 c12 c13 = 4; in c09 c11 = 2; out c11 = 1; end 5.
    expect(cells(t)).toEqual([
      ['1. kvartal 2025', 3, 7, 6, 4, 10],
      ['2. kvartal 2025', 4, 2, 1, 5, 6],
      ['Hele perioden', 3, 9, 7, 5, 12],
    ]);
    identity(t);
    expect(stderr).toMatch(/warning: period 2025H1 ends after the newest date in the data \(30-04-2025\)/);
    expect(t.notes.join('\n')).toMatch(/tallene er ikke endelige/);
  });

  it('defaults to the last complete year, and refuses a period that is not whole steps', () => {
    expect(run([]).stderr).toMatch(/no --period given; using 2024, the last complete year in the data/);
    const r = jobfx(['flow', FILE, '--period', '2025-02', '--step', 'quarter'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--period 2025-02: not whole quarters/);
    const w = jobfx(['flow', FILE, '--step', 'week'], { cwd: tmp });
    expect(w.code).toBe(2);
  });

  it('hides small counts in md so that none can be worked out from the identity', () => {
    const r = jobfx(
      ['flow', FILE, '--period', '2025Q1', '--count', 'courses', '--format', 'md', '--suppress', '3'],
      {
        cwd: tmp,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    // January 3 | 2 | 2 | 3 | 5: the 2s are <3; with active = start + in, the start (3) goes too, and
    // with it everything chained to it (end of a month = start of the next; whole = first/last month).
    expect(r.stdout).toMatch(/\| januar 2025 +\| +\.\. \| +<3 \| +<3 \| +\.\. \| +5 \|/);
    expect(r.stdout).toMatch(/\| februar 2025 +\| +\.\. \| +\.\. \| +<3 \| +\.\. \| +6 \|/);
    expect(r.stdout).toMatch(
      /\| \*\*Hele perioden\*\* +\| +\*\*\.\.\*\* \| +\*\*\.\.\*\* \| +\*\*\.\.\*\* \| +\*\*\.\.\*\* \| +\*\*10\*\* \|/,
    );
  });

  it('is a step of jobfx run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-flow-run-'));
    writeFileSync(
      join(dir, 'r.json'),
      JSON.stringify({
        title: 'Flow',
        input: DEMO,
        period: '2025H2',
        out: 'pack',
        tables: [{ command: 'flow', options: { step: 'quarter' } }],
      }),
    );
    const r = jobfx(['run', 'r.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(dir, 'pack', 'notat.md'), 'utf8');
    expect(md).toMatch(/Personer: bestand, tilgang og afgang pr. kvartal, 2. halvår 2025/);
    expect(md).toMatch(/3\. kvartal 2025/);
  });
});

describe('jobfx flow --by', () => {
  // By hand from fixtures/flow/flow.csv, Q1 2025 by month (persons):
  // Nytteindsats is c02 (P1, 16-01-2025 – 31-03-2025): in in January, out in March.
  // Mentor is c07 (P5, 01-02-2025 – 28-02-2025): in and out in February (a start on the first day
  // is inflow, not stock).
  const { tables } = run(['--period', '2025Q1', '--by', 'programme', '--suppress', '0']);
  const of = (value: string) => tables.find((t) => t.title.endsWith(`, tilbud: ${value}`))!;

  it('gives a table per value, each counting only its courses, then the table of all', () => {
    expect(cells(of('Nytteindsats')).map((r) => r.slice(1))).toEqual([
      [0, 1, 0, 1, 1],
      [1, 0, 0, 1, 1],
      [1, 0, 1, 0, 1],
      [0, 1, 1, 0, 1],
    ]);
    expect(cells(of('Mentor')).map((r) => r.slice(1))).toEqual([
      [0, 0, 0, 0, 0],
      [0, 1, 1, 0, 1],
      [0, 0, 0, 0, 0],
      [0, 1, 1, 0, 1],
    ]);
    for (const t of tables) identity(t);
    expect(tables.at(-1)!.id).toBe('flow');
    expect(tables.filter((t) => t.id.startsWith('flow.by.'))).toHaveLength(3);
  });

  it("each value's table is the table --where gives for it", () => {
    const where = run(['--period', '2025Q1', '--where', 'programme=Straksaktivering', '--suppress', '0'])
      .tables[0]!;
    expect(cells(of('Straksaktivering'))).toEqual(cells(where));
  });

  it('--by a column the file does not have is a usage error naming the columns', () => {
    const r = jobfx(['flow', FILE, '--by', 'Hold']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--by Hold: use a field');
  });
});
