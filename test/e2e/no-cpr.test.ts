/**
 * No raw CPR number in any output: every command, every format, the side files (--rejects,
 * --list), stderr, and every golden file committed. The fixtures hold CPR numbers with and
 * without the dash, as 9-digit numbers, and invalid ones (which must not be echoed either).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CPR_LIKE } from '../helpers.js';
import { jobfx } from './run.js';

const INPUTS = [
  resolve('fixtures/demo/demo-export.xlsx'),
  resolve('fixtures/csv/quirks.csv'),
  // CPR numbers where no CPR number belongs: an exit reason, a unit, a target group, a header.
  resolve('fixtures/csv/cpr-in-values.csv'),
];
const COMMANDS: string[][] = [
  ['inspect'],
  ['keyfigures', '--period', '2025H1', '--suppress', '0'],
  ['exits', '--grouped', '--suppress', '0'],
  ['repeats', '--period', '2025H1', '--suppress', '0'],
  ['yoy', '--suppress', '0'],
];
const tmp = mkdtempSync(join(tmpdir(), 'jobfx-nocpr-'));

/**
 * The fixtures' own CPR numbers in every form an output could carry them: with and without the
 * dash, and without the leading zero (Excel's 9 digits), which the CPR shape above misses.
 */
const KNOWN = (() => {
  const digits = new Set<string>();
  for (const f of [
    'fixtures/demo/demo-export.csv',
    'fixtures/csv/quirks.csv',
    'fixtures/csv/cpr-in-values.csv',
  ])
    for (const line of readFileSync(f, 'utf8').split(/\r?\n/).slice(1)) {
      const d = (line.split(';')[0] ?? '').replace(/\D/g, '');
      if (d.length >= 9) digits.add(d.padStart(10, '0'));
    }
  const forms = [...digits].flatMap((d) => [d, `${d.slice(0, 6)}-${d.slice(6)}`, d.replace(/^0/, '')]);
  return new RegExp(`(?<![0-9a-f])(${forms.join('|')})(?![0-9a-f])`);
})();

/** All text of an xlsx workbook's cells. */
async function xlsxText(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const parts: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => parts.push(String(c.text)))));
  return parts.join('\n');
}

describe.each(INPUTS)('%s', (input) => {
  it.each(COMMANDS)('jobfx %s: stdout, stderr and side files hold no CPR number', async (...cmd) => {
    const [name, ...args] = cmd;
    // Every value a table shows is in json; the other renderers only format the same cells, so one
    // command covers them (and keeps this test from running 50 processes).
    const formats = name === 'keyfigures' ? ['terminal', 'md', 'csv', 'json', 'html'] : ['terminal', 'json'];
    for (const format of formats) {
      const rejects = join(tmp, `${name}-${format}-rejects.csv`);
      const extra = name === 'repeats' ? ['--list', join(tmp, `${format}-list.csv`)] : [];
      const r = jobfx([name!, input, ...args, '--format', format, '--rejects', rejects, ...extra]);
      // yoy needs a complete year: the quirks file has none, which is a usage error with a message.
      expect([0, 2]).toContain(r.code);
      for (const text of [r.stdout, r.stderr]) {
        expect(text).not.toMatch(CPR_LIKE);
        expect(text).not.toMatch(KNOWN);
      }
      const side = [
        ...(r.code === 0 ? [rejects] : []),
        ...(extra.length > 0 && r.code === 0 ? [extra[1]!] : []),
      ];
      for (const f of side) {
        expect(readFileSync(f, 'utf8')).not.toMatch(CPR_LIKE);
        expect(readFileSync(f, 'utf8')).not.toMatch(KNOWN);
      }
    }
    if (name !== 'inspect') {
      const out = join(tmp, `${name}.xlsx`);
      const r = jobfx([name!, input, ...args, '--out', out]);
      if (r.code === 0) expect(await xlsxText(out)).not.toMatch(CPR_LIKE);
    }
  });
});

describe('the scan itself', () => {
  it("finds the fixtures' numbers where they are (so a pass means something)", () => {
    expect(readFileSync('fixtures/csv/quirks.csv', 'utf8')).toMatch(KNOWN);
    expect('x 708990007 y').toMatch(KNOWN); // the 9-digit form of 070899-0007
    expect('P0708990007ab').not.toMatch(KNOWN); // inside a hex pseudonym it is no CPR number
  });
});

describe('committed outputs', () => {
  it('no golden file or snapshot holds a CPR-shaped string', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(resolve('fixtures/golden'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files.filter((x) => !x.endsWith('.xlsx')))
      expect(readFileSync(f, 'utf8'), f).not.toMatch(CPR_LIKE);
  });
});
