/**
 * jobfx init [EXPORT]: a report file to start from, for the demo export or for the analyst's own,
 * with only the steps its columns can feed, so that the first `jobfx run` of it works.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoVariant, jobfx } from './run.js';

const report = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'jobfx.report.json'), 'utf8')) as {
    input: string;
    tables: { command: string; options: Record<string, unknown> }[];
  };

describe('jobfx init', () => {
  it('without an export: the demo export, every step', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-init-'));
    expect(jobfx(['init'], { cwd: dir }).code).toBe(0);
    const r = report(dir);
    expect(resolve(dir, r.input)).toBe(resolve('fixtures/demo/demo-export.xlsx'));
    expect(r.tables.map((t) => t.command)).toEqual(['keyfigures', 'exits', 'repeats', 'yoy', 'compare']);
  });

  it('with an export without unit and trial-group columns: those steps left out, said, and the run works', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-init-own-'));
    // The demo export without "Værksted" (unit) and "Forsøgsgruppe" (group).
    demoVariant(join(dir, 'udtraek.csv'), { drop: (h) => h === 'Værksted' || h === 'Forsøgsgruppe' });
    const init = jobfx(['init', 'udtraek.csv'], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toContain(
      'left out: keyfigures by unit (no unit column), compare (no trial-group column)',
    );
    const r = report(dir);
    expect(r.input).toBe('udtraek.csv');
    expect(r.tables.map((t) => t.command)).toEqual(['keyfigures', 'exits', 'repeats', 'yoy']);
    expect(r.tables[0]!.options).toEqual({});
    const run = jobfx(['run', 'jobfx.report.json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(dir, 'noegletal', 'tabeller.xlsx'))).toBe(true);
  });

  it('an export that does not exist is a usage error that names it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-init-none-'));
    const r = jobfx(['init', 'nowhere.xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nowhere.xlsx: no such file; give the path of the export to report on');
    expect(existsSync(join(dir, 'jobfx.report.json'))).toBe(false);
  });
});
