/**
 * Issue #14, "Exit codes that mean what README says": an export with no data rows is exit 3 for
 * every analysis and for `jobfx run` (README: 3 for an empty input); an export whose every row is
 * rejected is a data problem, exit 1, naming the count and where to see why. inspect describes the
 * file: it shows the headers of a header-only file and the rejected rows, exit 0.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'jobfx-norows-'));
const HEADER = 'CPR-nr.;Startdato;Slutdato;Afslutningsårsag;Forsøgsgruppe';
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const HEADER_ONLY = file('header-only.csv', `${HEADER}\r\n`);
const BLANK_ONLY = file('blank-only.csv', `${HEADER}\r\n;;;;\r\n;;;;\r\n`);
const TOTALS_ONLY = file('totals-only.csv', `${HEADER}\r\nI alt;;;;\r\n`);
// Two rows, both with a start date that is not a date (fake CPR numbers: they fail modulus 11).
const ALL_REJECTED = file(
  'all-rejected.csv',
  `${HEADER}\r\n010203-0000;not a date;31-03-2024;Job;Kontrol\r\n020304-0000;32-13-2024;;;Indsats\r\n`,
);

const ANALYSES: [string, string[]][] = [
  ['exits', []],
  ['keyfigures', []],
  ['keyfigures', ['--period', '2024']],
  ['repeats', []],
  ['yoy', []],
  ['compare', ['--outcome', 'exitGroup=job']],
];

describe('an export without data rows: exit 3 for every analysis', () => {
  it.each(ANALYSES)('%s %s: header only', (command, args) => {
    const r = jobfx([command, HEADER_ONLY, ...args]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(
      `jobfx: error: ${HEADER_ONLY}: no data rows below the header; nothing to count. Export the data again with its rows`,
    );
    expect(r.stdout).toBe('');
  });

  it.each(ANALYSES)('%s %s: blank lines only', (command, args) => {
    const r = jobfx([command, BLANK_ONLY, ...args]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${BLANK_ONLY}: no data rows below the header`);
  });

  it.each(ANALYSES)('%s %s: a totals row only', (command, args) => {
    const r = jobfx([command, TOTALS_ONLY, ...args]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${TOTALS_ONLY}: no data rows (1 read, each blank or a totals row)`);
  });

  it('inspect shows the headers of a header-only file, exit 0', () => {
    const r = jobfx(['inspect', HEADER_ONLY, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.rows.read).toBe(0);
    expect(j.columns.map((c: { header: string }) => c.header)).toEqual(HEADER.split(';'));
  });

  it('jobfx run: exit 3, nothing written', () => {
    const w = mkdtempSync(join(tmpdir(), 'jobfx-norows-run-'));
    const report = {
      title: 'T',
      input: HEADER_ONLY,
      period: '2024',
      out: 'pack',
      tables: [{ command: 'keyfigures' }],
    };
    writeFileSync(join(w, 'r.json'), JSON.stringify(report));
    const r = jobfx(['run', 'r.json', '--quiet'], { cwd: w });
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/no data rows below the header/);
  });
});

describe('every row rejected: exit 1, the count, and where to see why', () => {
  it.each(ANALYSES)('%s %s', (command, args) => {
    const r = jobfx([command, ALL_REJECTED, ...args]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(
      `jobfx: error: ${ALL_REJECTED}: all 2 data rows were rejected, so there is nothing to count; add --rejects FILE or run jobfx inspect ${ALL_REJECTED} to find out why`,
    );
    expect(r.stderr).toContain('2 rows read = 0 accepted + 2 rejected + 0 skipped');
  });

  it('--rejects is written before the error, with both rows', () => {
    const rejects = join(dir, 'rejects.csv');
    const r = jobfx(['keyfigures', ALL_REJECTED, '--rejects', rejects]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(
      /all 2 data rows were rejected, so there is nothing to count; see .*rejects\.csv to find out why/,
    );
    const lines = readFileSync(rejects, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(3); // header + 2 rows
    expect(lines[1]).toMatch(/^linje 2,/);
  });

  it('inspect reports them, exit 0 (1 under --strict)', () => {
    expect(jobfx(['inspect', ALL_REJECTED]).code).toBe(0);
    expect(jobfx(['inspect', ALL_REJECTED, '--strict']).code).toBe(1);
  });

  it('jobfx run: exit 1, pointing at inspect --rejects', () => {
    const w = mkdtempSync(join(tmpdir(), 'jobfx-norows-run-'));
    const report = {
      title: 'T',
      input: ALL_REJECTED,
      period: '2024',
      out: 'pack',
      tables: [{ command: 'keyfigures' }],
    };
    writeFileSync(join(w, 'r.json'), JSON.stringify(report));
    const r = jobfx(['run', 'r.json', '--quiet'], { cwd: w });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(
      `all 2 data rows were rejected, so there is nothing to count; run jobfx inspect ${ALL_REJECTED} --rejects FILE to find out why`,
    );
  });
});
