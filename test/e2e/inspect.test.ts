import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CPR_LIKE } from '../helpers.js';
import { BIN, jobfx } from './run.js';

const tmp = mkdtempSync(join(tmpdir(), 'jobfx-e2e-'));
const fx = (p: string) => resolve('fixtures', p);

describe('jobfx inspect', () => {
  it('prints the report for the demo export', () => {
    const r = jobfx(['inspect', fx('demo/demo-export.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Excel \(xlsx\)/);
    expect(r.stdout).toMatch(/Overskriftsrække\s*│\s*4 \(fundet\)/);
    expect(r.stdout).toMatch(/Indlæst\s*│\s*421/);
    expect(r.stdout).toMatch(/Sprunget over: totalrækker\s*│\s*1/);
    expect(r.stdout).toMatch(/Stoppet af andre årsager\s+\[ukendt\]/);
    expect(r.stdout).not.toMatch(CPR_LIKE);
    expect(r.stderr).toBe('');
  });

  it('gives JSON with counts as numbers', () => {
    const r = jobfx(['inspect', fx('csv/quirks.csv'), '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    // Line 10 has no CPR number: an anonymised course, accepted, and no person (docs/definitions.md#records).
    expect(j.rows).toEqual({ read: 13, accepted: 6, rejected: 5, skippedBlank: 1, skippedTotals: 1 });
    expect(j.persons).toEqual({ distinct: 4, withAgeAndGender: 4, men: 2, women: 2 });
    expect(j.source).toMatchObject({ format: 'csv', delimiter: ';', encoding: 'utf-8' });
    expect(r.stdout).not.toMatch(CPR_LIKE);
    expect(r.stderr).toMatch(/5 row\(s\) rejected/);
  });

  it('writes the rejected rows with pseudonyms, and --strict exits 1', () => {
    const out = join(tmp, 'rejects.csv');
    const r = jobfx(['inspect', fx('csv/quirks.csv'), '--rejects', out, '--strict'], {
      env: { JOBFX_PSEUDONYM_KEY: 'test-key-0123456789' },
    });
    expect(r.code).toBe(1);
    const csv = readFileSync(out, 'utf8');
    expect(csv).not.toMatch(CPR_LIKE);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // The mapped columns only: the person is its pseudonym, the free-text remark is not copied.
    expect(lines[0]).toBe('række,person,årsager,Startdato,Slutdato,Afslutningsårsag,Målgruppe,Tilbud');
    const en = join(tmp, 'rejects-en.csv');
    jobfx(['inspect', fx('csv/quirks.csv'), '--rejects', en, '--lang', 'en']);
    expect(readFileSync(en, 'utf8').split('\r\n')[0]).toBe(
      '\uFEFFrow,person,reasons,Startdato,Slutdato,Afslutningsårsag,Målgruppe,Tilbud',
    );
    expect(lines.length).toBe(6);
    expect(lines[2]).toMatch(
      /^linje 7,P[bcdfghjklmnpqrst]{16},"Startdato: ""31-02-2024"" er ikke en gyldig dato",31-02-2024,/,
    );
  });

  it('uses English with --lang en', () => {
    const r = jobfx(['inspect', fx('csv/windows-1252.csv'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Encoding\s*│\s*windows-1252/);
    expect(r.stdout).toMatch(/citizen id \(no age\/gender\)/);
  });

  it.each([
    [['inspect', fx('csv/nope.csv')], 3, /nope\.csv: file not found/],
    [['inspect', fx('xlsx/not-a-workbook.xlsx')], 3, /not-a-workbook\.xlsx/],
    [['inspect', fx('xlsx/empty.xlsx')], 3, /empty/],
    [['inspect', fx('csv/binary.csv')], 3, /not a CSV file or an Excel workbook/],
    [['inspect', fx('csv/missing-start.csv')], 2, /no column for start .*did you mean "Start tidspunkt"/],
    [['inspect', fx('csv/unclosed-quote.csv')], 1, /never closed/],
    [['inspect'], 2, /missing required argument 'file'/],
    [['inspect', fx('csv/quirks.csv'), '--format', 'pdf'], 2, /argument 'pdf' is invalid/],
    [['inspect', fx('csv/quirks.csv'), '--header-row', '0'], 2, /--header-row 0: expected a whole number/],
    [['inspect', fx('demo/demo-export.xlsx'), '--sheet', 'Nope'], 2, /Nope/],
    [['frobnicate'], 2, /unknown command 'frobnicate'/],
  ])('%j exits %i with one clear line', (args, code, message) => {
    const r = jobfx(args as string[]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^jobfx: error: /);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace without --verbose
  });

  it('picks up jobfx.config.json in the working directory', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jobfx-cfg-'));
    writeFileSync(join(cwd, 'jobfx.config.json'), JSON.stringify({ columns: { start: 'Start tidspunkt' } }));
    const r = jobfx(['inspect', fx('csv/missing-start.csv'), '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).columns[1]).toEqual({
      header: 'Start tidspunkt',
      field: 'start',
      how: 'config',
    });
  });

  it('exits 0 quietly when the reader of its output goes away (| head)', () => {
    const r = spawnSync(
      'bash',
      [
        '-c',
        `set -o pipefail; NO_COLOR=1 node ${BIN} inspect ${fx('demo/demo-export.csv')} | head -c 20 >/dev/null`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('shows help with examples', () => {
    const r = jobfx(['inspect', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n\s+\$ jobfx inspect export\.xlsx/);
  });
});
