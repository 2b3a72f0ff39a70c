/**
 * Inputs that once broke jobfx (saved by `npm run fuzz` under fixtures/fuzz/) and a few hostile
 * inputs made here: each run of the real binary ends with success and read = accepted +
 * rejected + skipped, or with one `jobfx: error:` line, no stack trace, and exit 1, 2 or 3.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { zip } from '../../scripts/lib/testdata.mjs';
import { BIN, type Run } from '../e2e/run.js';

/** The binary, with room for large output (a 300,000-character value is shown as written). */
function jobfx(args: string[], env: Record<string, string>): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'jobfx-regress-'));

function keepsContract(r: Run, what: string): void {
  expect(r.stderr, what).not.toMatch(/^\s+at |unexpected error/m);
  if (r.code === 0 && what.startsWith('inspect')) {
    const rows = (JSON.parse(r.stdout) as { rows: Record<string, number> }).rows;
    expect(rows.read, what).toBe(rows.accepted! + rows.rejected! + rows.skippedBlank! + rows.skippedTotals!);
    return;
  }
  if (r.code === 0) {
    const m = /(\d+) rows read = (\d+) accepted \+ (\d+) rejected \+ (\d+) skipped/.exec(r.stderr);
    expect(m, what).not.toBeNull();
    expect(Number(m![1]), what).toBe(Number(m![2]) + Number(m![3]) + Number(m![4]));
    return;
  }
  expect([1, 2, 3], `${what}: exit ${r.code}\n${r.stderr}`).toContain(r.code);
  expect(
    r.stderr.split('\n').filter((l) => l.startsWith('jobfx: error: ')),
    what,
  ).toHaveLength(1);
}

const saved = existsSync('fixtures/fuzz')
  ? readdirSync('fixtures/fuzz')
      .filter((f) => /\.(csv|xlsx)$/.test(f))
      .map((f) => join('fixtures/fuzz', f))
  : [];

const made: [string, Buffer | string][] = [
  [
    'ten-thousand-columns.csv',
    `CPR-nr.;Startdato;${Array.from({ length: 10_000 }, (_, i) => `K${i}`).join(';')}\n1503851235;01-01-2024;${'1;'.repeat(10_000)}\n`,
  ],
  [
    'binary-after-header.csv',
    Buffer.concat([
      Buffer.from('CPR-nr.;Startdato\n1503851235;01-01-2024\n'.repeat(200)),
      Buffer.from([0, 1, 2, 0xff, 0xfe, 0x22, 0x0a]),
    ]),
  ],
  ['utf16.csv', Buffer.from('\ufeffCPR-nr.;Startdato\n1503851235;01-01-2024\n', 'utf16le')],
  ['long-field.csv', `CPR-nr.;Startdato;Afslutningsårsag\n1503851235;01-01-2024;${'x'.repeat(300_000)}\n`],
  ['text-named.xlsx', 'CPR-nr.;Startdato\n1503851235;01-01-2024\n'],
  ['junk.xlsx', Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256))],
  ['zip-not-xlsx.xlsx', zip([['readme.txt', Buffer.from('hej')]])],
  ['zip-bomb.xlsx', zip([['xl/worksheets/sheet1.xml', Buffer.alloc(20e6, 0x20), 1000]])],
];

describe('hostile inputs and fuzz regressions keep the contract', () => {
  it.each([...saved, ...made.map(([name]) => name)])('%s', (entry) => {
    let file = entry;
    const m = made.find(([name]) => name === entry);
    if (m) {
      file = join(dir, m[0]);
      writeFileSync(file, m[1]);
    }
    for (const args of [
      ['keyfigures', file, '--period', '2024', '--format', 'json'],
      ['inspect', file, '--format', 'json'],
    ])
      keepsContract(
        jobfx(args, { JOBFX_PSEUDONYM_KEY: 'regression-key-0123456789', JOBFX_XLSX_MAX_MB: '10' }),
        args.join(' '),
      );
  });
});
