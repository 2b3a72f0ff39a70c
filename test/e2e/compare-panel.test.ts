/**
 * jobfx compare --panel run as a user runs it, on the trial fixture (fixtures/trial/). The
 * expected numbers are R's, from fixtures/trial/check-panel.R (its output in check-panel.out):
 *   prop.test(c(81, 45), c(329, 271))   # week 52, employed
 * R is not needed to run this test.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CPR_LIKE } from '../helpers.js';
import { jobfx } from './run.js';

const PERSONS = resolve('fixtures/trial/persons-panel.csv');
const PANEL = resolve('fixtures/trial/panel.csv');

type Cell =
  | null
  | number
  | string
  | { count: number; of: number; percent: number }
  | { value: number | null; n: number };
type JsonTable = { id: string; title: string; rows: { cells: Cell[] }[]; notes: string[] };

describe('jobfx compare --panel', () => {
  const r = jobfx(['compare', PERSONS, '--panel', PANEL, '--among-on-benefit', '--format', 'json']);
  const tables = new Map((JSON.parse(r.stdout).tables as JsonTable[]).map((t) => [t.id, t]));

  it('prints the panel tables and accounts for the panel on stderr', () => {
    expect(r.code, r.stderr).toBe(0);
    expect([...tables.keys()]).toEqual([
      'compare.panel.status',
      'compare.panel.employed',
      'compare.panel.accumulated',
      'compare.panel.onBenefit',
    ]);
    expect(r.stderr).toContain('panel.csv: 39065 rows read = 39065 accepted + 0 rejected + 0 skipped');
    expect(r.stderr).toMatch(
      /warning: .*panel\.csv: 1 persons of the panel are not in the file compared: B09999/,
    );
    expect(r.stdout).not.toMatch(CPR_LIKE);
  });

  it('gives R prop.test’s difference and interval for week 52', () => {
    // R: week 52 employed: treatment 81/329 control 45/271 diff 0.0801489473861304 ci 0.0125200169420632 0.147777877830198
    const row = tables.get('compare.panel.employed')!.rows[51]!.cells;
    expect(row.slice(0, 5)).toEqual([
      52,
      81,
      { count: 81, of: 329, percent: (100 * 81) / 329 },
      45,
      { count: 45, of: 271, percent: (100 * 45) / 271 },
    ]);
    const value = (c: Cell | undefined) => (c as { value: number }).value;
    const close = (a: number, e: number) => expect(Math.abs(a - e) / Math.abs(e)).toBeLessThan(1e-9);
    close(value(row[5]), 8.01489473861304);
    close(value(row[6]), 1.25200169420632);
    close(value(row[7]), 14.7777877830198);
  });

  it('exits 1 under --strict, since a panel person is not in the file', () => {
    const s = jobfx(['compare', PERSONS, '--panel', PANEL, '--strict', '--format', 'json']);
    expect(s.code).toBe(1);
  });

  it('draws the chart and suppresses small cells in a memo format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-panel-e2e-'));
    const svg = join(dir, 'uger.svg');
    const m = jobfx(['compare', PERSONS, '--panel', PANEL, '--chart', svg, '--format', 'md']);
    expect(m.code, m.stderr).toBe(0);
    expect(existsSync(svg)).toBe(true);
    expect(readFileSync(svg, 'utf8')).toContain('Andel i beskæftigelse uge for uge');
    // Week 4: 2 and 2 persons self-supporting (R: x <- d[d$Uge == 4, ]; table(x$Status, x$Gruppe)).
    expect(m.stdout).toMatch(/\|\s+4 \| Selvforsørget\s+\|\s+<5 \|/);
  });

  it('refuses panel options without --panel, and a file that is not a panel', () => {
    const u = jobfx(['compare', PERSONS, '--bootstrap', '1000']);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('--bootstrap goes with --panel FILE');
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-panel-e2e-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Borger-id;Farve\nB00001;blå\n');
    const b = jobfx(['compare', PERSONS, '--panel', bad]);
    expect(b.code).not.toBe(0);
    expect(b.stderr).toContain('bad.csv: not a status panel jobfx can read');
  });
});
