/**
 * The contract's fields end to end, on the built binary: the demo export's contract tables against
 * the figures make-demo.py computed from its own records (fixtures/demo/expected.json,
 * "contract_2025H2"), the run pack, `exits --list-reasons`, and bad input in
 * fixtures/contract/edges.csv (hand-worked in test/analyses/contract.test.ts).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

const DEMO = resolve('fixtures/demo/demo-export.csv');
const EDGES = resolve('fixtures/contract/edges.csv');
const expected = JSON.parse(readFileSync('fixtures/demo/expected.json', 'utf8')).contract_2025H2;
type JsonTable = { id: string; rows: { cells: unknown[] }[]; notes: string[] };
const col = (t: JsonTable | undefined, c = 1) => t?.rows.map((r) => r.cells[c]);
const median = (t: JsonTable | undefined, row: number) =>
  (t?.rows[row]?.cells[1] as { value: number } | undefined)?.value;

function keyfigures(file: string, args: string[]) {
  const r = jobfx(['keyfigures', file, '--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  const tables = JSON.parse(r.stdout).tables as JsonTable[];
  return { r, byId: (id: string) => tables.find((t) => t.id === id) };
}

describe('the demo export, 2025H2 (as-of 31-12-2025), against make-demo.py', () => {
  const { byId } = keyfigures(DEMO, ['--period', '2025H2', '--as-of', '31-12-2025']);

  it('extension', () => {
    const e = expected.extension;
    expect(col(byId('keyfigures.extension'))).toEqual([
      e.courses,
      e.extended,
      e.courses - e.extended,
      expect.anything(),
      e.without_planned_end,
      0,
    ]);
    expect(median(byId('keyfigures.extension'), 3)).toBeCloseTo(e.median_weeks, 4);
  });

  it('result goal', () => {
    const g = expected.goal;
    expect(col(byId('keyfigures.goal'))).toEqual([
      g.reached,
      g.not_reached,
      g.courses - g.reached - g.not_reached,
      g.courses,
    ]);
  });

  it('industry and hours of the job exits', () => {
    const j = expected.jobs;
    const industry = byId('keyfigures.industry')!;
    const shown = Object.fromEntries(industry.rows.slice(0, -1).map((r) => [r.cells[0], r.cells[1]]));
    const { '': unknown, ...named } = j.industry;
    expect(shown).toEqual({ ...named, Uoplyst: unknown });
    expect(col(byId('keyfigures.hours'))?.slice(0, 6)).toEqual([...j.hours_bands, j.courses]);
    expect(median(byId('keyfigures.hours'), 6)).toBe(j.median_hours);
  });

  it('funnel', () => {
    const f = expected.funnel;
    expect(col(byId('keyfigures.funnel'))?.slice(0, 4)).toEqual([f.visited, f.started, f.ended_by_as_of, 0]);
    expect(median(byId('keyfigures.funnel'), 4)).toBe(f.median_days_to_start);
  });

  it('are in the run pack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-contract-run-'));
    expect(jobfx(['init'], { cwd: dir }).code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'jobfx.report.json'), 'utf8'));
    writeFileSync(join(dir, 'jobfx.report.json'), JSON.stringify({ ...report, input: DEMO }));
    const r = jobfx(['run', 'jobfx.report.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(dir, 'noegletal', 'notat.md'), 'utf8');
    for (const title of [
      'Forlængede forløb',
      'Resultatmål nået',
      'Afgang til job efter branche',
      'Fra visitation til start',
    ])
      expect(md).toContain(title);
  });
});

describe('bad input is said, and no row is lost', () => {
  const { r, byId } = keyfigures(EDGES, ['--period', '2025H1']);

  it('accounts for every row, the visited-not-started ones too', () => {
    expect(r.stderr).toContain('9 rows read = 7 accepted + 2 visited, not started + 0 rejected + 0 skipped');
  });

  it('names file, row, column and value of each value it cannot use', () => {
    expect(r.stderr).toContain('edges.csv, line 4, column "Timer pr. uge": "ca. 20" is not a number');
    expect(r.stderr).toContain(
      'edges.csv, line 9, column "Planlagt slutdato": "01-04-2025" is before the start date',
    );
    expect(r.stderr).toContain(
      'edges.csv, line 9, column "Visitationsdato": "05-05-2025" is after the start date',
    );
    expect(byId('keyfigures.hours')?.notes.join(' ')).toContain('linje 4 "ca. 20" er ikke et tal');
  });

  it('--strict exits 1 on them', () => {
    expect(jobfx(['keyfigures', EDGES, '--period', '2025H1', '--strict']).code).toBe(1);
  });

  it('rejects a row with neither a start nor a visitation date', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-contract-'));
    const file = join(dir, 'x.csv');
    writeFileSync(
      file,
      'Borger-id;Startdato;Visitationsdato\r\nB1;06-01-2025;02-01-2025\r\nB2;;\r\nB3;;32-01-2025\r\n',
    );
    const x = JSON.parse(jobfx(['inspect', file, '--format', 'json']).stdout);
    expect(x.rows).toMatchObject({ read: 3, accepted: 1, rejected: 2 });
    const reasons = x.rejections.map((r: { reasons: string[] }) => r.reasons.join('; '));
    expect(reasons[0]).toContain('Startdato: er tom; hvert forløb skal have en startdato');
    expect(reasons[1]).toMatch(
      /Visitationsdato: "32-01-2025" .*en række uden startdato skal have en visitationsdato for at blive talt med/,
    );
  });
});

describe('exits --list-reasons', () => {
  it('lists the broken-off and not-started rows with pseudonyms and their free text, in row order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-reasons-'));
    const out = join(dir, 'reasons.csv');
    const r = jobfx(['exits', EDGES, '--period', '2025H1', '--list-reasons', out], {
      env: { JOBFX_PSEUDONYM_KEY: 'test' },
    });
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('person,række,start,slut,afslutningsårsag,begrundelse');
    expect(lines.slice(1).map((l) => l.replace(/^P[a-z]+,/, 'P,'))).toEqual([
      'P,linje 6,2025-03-03,2025-03-28,Afbrudt,Flyttet fra kommunen',
      'P,linje 7,,,"Visiteret, ikke startet",Mødte ikke op',
      'P,linje 8,,,"Visiteret, ikke startet",',
    ]);
    // Never in the tables on stdout.
    expect(r.stdout).not.toContain('Flyttet fra kommunen');
  });

  it('follows --lang and --excel-csv, as the other side files do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-reasons-en-'));
    const out = join(dir, 'reasons.csv');
    const r = jobfx(
      ['exits', EDGES, '--period', '2025H1', '--list-reasons', out, '--lang', 'en', '--excel-csv'],
      { env: { JOBFX_PSEUDONYM_KEY: 'test' } },
    );
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('person;row;start;end;exit_reason;reason_text');
    expect(lines.slice(1).map((l) => l.replace(/^P[a-z]+;/, 'P;'))).toEqual([
      'P;line 6;2025-03-03;2025-03-28;Afbrudt;Flyttet fra kommunen',
      'P;line 7;;;Visited, not started;Mødte ikke op',
      'P;line 8;;;Visited, not started;',
    ]);
  });
});
