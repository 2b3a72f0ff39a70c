/**
 * --where end to end on fixtures/pivot/pivot.csv (8 courses, P1–P8; the figures below are counted
 * by hand from the file, see fixtures/README.md#pivot): the filter is applied before any figure,
 * named under every table, accounted for on stderr, and works as a step option of `jobfx run`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

const PIVOT = resolve('fixtures/pivot/pivot.csv');

type JsonTable = { id: string; rows: { cells: unknown[] }[]; notes: string[] };
function exits(args: string[]): { tables: Map<string, JsonTable>; stderr: string } {
  const r = jobfx(['exits', PIVOT, '--period', '2025', '--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  const tables = new Map((JSON.parse(r.stdout).tables as JsonTable[]).map((t) => [t.id, t]));
  return { tables, stderr: r.stderr };
}
/** Label → count of the exit reasons table. */
const reasons = (t: Map<string, JsonTable>) =>
  Object.fromEntries(t.get('exits.reasons')!.rows.map((r) => [r.cells[0], r.cells[1]]));

describe('--where', () => {
  it('filters by a canonical field through the vocabulary (aktivitetsparat: P1, P2, P5, P8)', () => {
    const { tables, stderr } = exits(['--where', 'targetGroup=aktivitetsparat']);
    // Ended in 2025 among them: P1 and P5, both Ordinært job.
    expect(reasons(tables)).toEqual({ 'Ordinært job': 2, 'I alt': 2 });
    for (const t of tables.values())
      expect(t.notes).toContain(
        'Afgrænsning: Målgruppe = Aktivitetsparat kontanthjælpsmodtager. Kun forløb, der opfylder afgrænsningen, indgår i tallene.',
      );
    expect(stderr).toContain('8 rows read = 8 accepted + 0 rejected');
    expect(stderr).toContain(
      '--where Target group = Aktivitetsparat kontanthjælpsmodtager: 4 of 8 courses counted, 4 left out (filtered, not rejected)',
    );
  });

  it('filters by an unmapped column by its header, and ANDs repeated clauses with !=', () => {
    // Spor A: P1, P3, P4, P8; ended: P1 Ordinært job, P3 Uddannelse.
    expect(reasons(exits(['--where', 'Spor=a']).tables)).toEqual({
      'Ordinært job': 1,
      Uddannelse: 1,
      'I alt': 2,
    });
    // Not Jobparat (P1, P2, P5, P6, P8) and Jobcenter Nord (P1, P2): ended P1 only.
    const { tables } = exits(['--where', 'Målgruppe!=Jobparat', '--where', 'JOBCENTER=nord', '--lang', 'en']);
    expect(reasons(tables)).toEqual({ 'Ordinary job': 1, Total: 1 });
    expect(tables.get('exits.groups')!.notes).toContain(
      'Filter: Target group ≠ Job-ready, social assistance; Unit = Nord. Only courses that meet the filter are counted.',
    );
  });

  it('filters by a column whose header is a synonym of a field another column has (Team, with Værksted as unit)', () => {
    // fixtures/pivot/bip-courses.csv: Team X is P1, P3, P4, P7, all ended: one "Ordinært arbejde/
    // selvstændig", three "Overgået til jobcenter".
    const r = jobfx([
      'exits',
      resolve('fixtures/pivot/bip-courses.csv'),
      '--where',
      'Team=X',
      '--format',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const rows = (JSON.parse(r.stdout).tables as JsonTable[]).find((t) => t.id === 'exits.reasons')!.rows;
    const counts = Object.fromEntries(
      rows.map((row) => [row.cells[0], row.cells[1]]).filter(([, n]) => n !== 0),
    );
    expect(counts).toEqual({ 'Ordinært job': 1, 'Overgået til jobcenter': 3, 'I alt': 4 });
    expect(r.stderr).toContain('--where Team = X: 4 of 7 courses counted, 3 left out');
  });

  it('matches gender by its words (Køn=Kvinde: P2, P3, P5, P8)', () => {
    expect(reasons(exits(['--where', 'gender=Kvinde']).tables)).toEqual({
      'Ordinært job': 1,
      Uddannelse: 1,
      'I alt': 2,
    });
  });

  it('warns about a value no course has, and names it under the tables', () => {
    const r = jobfx(['exits', PIVOT, '--where', 'Målgruppe=Ressourceforløb,jobparat', '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /warning: .*pivot\.csv: --where Målgruppe=Ressourceforløb,jobparat: no course has Target group "Ressourceforløb"; the values in the file are "Aktivitetsparat kontanthjælpsmodtager", "Jobparat kontanthjælpsmodtager", "Sygedagpengemodtager"/,
    );
    expect(r.stdout).toContain('Ingen forløb har Målgruppe "Ressourceforløb".');
    // Jobparat: P3, P4, P7.
    expect(r.stderr).toContain('3 of 8 courses counted, 5 left out');
  });

  it('refuses an unknown field (exit 2) naming the fields and headers, and a filter that leaves nothing (exit 1)', () => {
    const r = jobfx(['keyfigures', PIVOT, '--where', 'Sagsbehandler=X']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--where Sagsbehandler: no such field or column; use a field (exitReason,');
    expect(r.stderr).toContain('"Målgruppe", "Jobcenter", "Køn", "Spor"');
    const bad = jobfx(['keyfigures', PIVOT, '--where', 'Målgruppe']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('use FIELD=VALUE[,VALUE...]');
    const none = jobfx(['keyfigures', PIVOT, '--where', 'Spor=C']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('leaves no course to count');
  });

  it('is a step option of jobfx run, for that step only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-where-'));
    const report = {
      title: 'Afgrænsning',
      input: PIVOT,
      period: '2025',
      suppress: 0,
      out: 'pack',
      tables: [
        { command: 'exits', options: { where: ['targetGroup=aktivitetsparat', 'Spor=B'] } },
        { command: 'exits' },
      ],
    };
    writeFileSync(join(dir, 'jobfx.report.json'), JSON.stringify(report));
    const r = jobfx(['run', 'jobfx.report.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    // Aktivitetsparat and Spor B: P2, P5; ended P5.
    expect(r.stderr).toContain(
      'exits: --where Target group = Aktivitetsparat kontanthjælpsmodtager; Spor = B: 2 of 8',
    );
    const md = readFileSync(join(dir, 'pack', 'notat.md'), 'utf8');
    // Two tables of the first step carry the note; the second step's do not.
    expect(md.split('Afgrænsning: Målgruppe = Aktivitetsparat kontanthjælpsmodtager; Spor = B.').length).toBe(
      3,
    );
    expect(md).toMatch(/\| Ordinært job +\| +1 \|/);
    expect(md).toMatch(/\| Ordinært job +\| +2 \|/);
  });
});
