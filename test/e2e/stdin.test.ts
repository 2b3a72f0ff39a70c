/**
 * `-` reads the export from standard input (CSV and xlsx), named "stdin" in every message; and
 * `--excel-csv` without `--format` writes CSV for Danish Excel. Run on the built binary as a
 * pipeline runs it: the figures through stdin are those of the same file given by name.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, jobfx } from './run.js';

const CSV = resolve('fixtures/demo/demo-export.csv');
const XLSX = resolve('fixtures/demo/demo-export.xlsx');

function piped(args: string[], input: Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The figures: the notes differ only in the source line ("Kilde: stdin, 420 forløb"). */
const tablesOf = (stdout: string) =>
  (JSON.parse(stdout) as { tables: { id: string; rows: unknown; columns: unknown }[] }).tables.map((t) => ({
    id: t.id,
    columns: t.columns,
    rows: t.rows,
  }));

describe('jobfx keyfigures - (standard input)', () => {
  for (const [kind, file, accounting] of [
    ['xlsx', XLSX, 'stdin: 421 rows read = 420 accepted + 0 rejected + 1 skipped (0 blank, 1 totals)'],
    ['csv', CSV, 'stdin: 420 rows read = 420 accepted + 0 rejected + 0 skipped (0 blank, 0 totals)'],
  ] as const)
    it(`reads ${kind} from stdin, with the figures of the file and "stdin" in the messages`, () => {
      const args = ['keyfigures', '--period', '2025H1', '--format', 'json'];
      const r = piped([...args.slice(0, 1), '-', ...args.slice(1)], readFileSync(file));
      expect(r.code, r.stderr).toBe(0);
      const byName = jobfx([...args.slice(0, 1), file, ...args.slice(1)]);
      expect(tablesOf(r.stdout)).toEqual(tablesOf(byName.stdout));
      expect((JSON.parse(r.stdout) as { input: string }).input).toBe('stdin');
      expect(r.stderr).toContain(accounting);
      expect(r.stderr).toContain('jobfx: stdin: columns:');
      expect(r.stdout).toContain('Kilde: stdin, 420 forløb');
      expect(r.stderr).not.toMatch(/jobfx: -:|\/tmp\/jobfx-pipe/);
    });

  it('an empty stdin: exit 3, naming stdin', () => {
    const r = piped(['keyfigures', '-'], Buffer.alloc(0));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('jobfx: error: stdin: the file is empty');
  });

  it('a file named "stdin" is still a file when given by its name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-stdin-'));
    copyFileSync(CSV, join(dir, 'stdin'));
    const r = jobfx(['exits', 'stdin', '--period', '2025', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('stdin: 420 rows read');
  });
});

describe('--excel-csv without --format', () => {
  it('writes CSV for Danish Excel: BOM, ";", decimal comma, suppressed as a memo', () => {
    const r = jobfx(['exits', CSV, '--period', '2025', '--excel-csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    expect(r.stdout).toMatch(/^Ordinært job;\d+;\d+,\d\r$/m);
    // csv is a memo format: suppressed by default, as with --format csv.
    const csv = jobfx(['exits', CSV, '--period', '2025', '--format', 'csv', '--excel-csv']);
    expect(r.stdout).toBe(csv.stdout);
  });

  it('refuses --out with the extension of another format (exit 2)', () => {
    const r = jobfx(['exits', CSV, '--excel-csv', '--out', join(tmpdir(), 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--excel-csv writes CSV, but --out');
  });
});
