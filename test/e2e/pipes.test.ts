/**
 * Inputs that are not regular files (issue #14): a pipe or device is read once, up to a cap,
 * and sniffed from those bytes, so a workbook through /dev/stdin works and /dev/zero is refused.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './run.js';

const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1', JOBFX_PSEUDONYM_KEY: 'pipes-test-key-0123456789' };

function viaStdin(args: string[], input: Buffer, extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...env, ...extra },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const rowsRead = (stdout: string) => (JSON.parse(stdout) as { rows: { read: number } }).rows.read;

describe('pipes and devices', () => {
  it('reads an xlsx through a pipe (/dev/stdin) like the file itself', () => {
    const r = viaStdin(
      ['inspect', '/dev/stdin', '--format', 'json'],
      readFileSync('fixtures/demo/demo-export.xlsx'),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(rowsRead(r.stdout)).toBe(421); // 420 courses and a totals row, as from the file
  });

  it('reads a workbook from a shell pipe: cat export.xlsx | jobfx inspect /dev/stdin', () => {
    const r = spawnSync(
      'sh',
      [
        '-c',
        `cat fixtures/demo/demo-export.xlsx | "${process.execPath}" "${BIN}" inspect /dev/stdin --format json`,
      ],
      {
        env,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(r.status).toBe(0);
    expect(rowsRead(r.stdout)).toBe(421);
  });

  it('reads a CSV through a pipe', () => {
    const r = viaStdin(
      ['inspect', '/dev/stdin', '--format', 'json'],
      readFileSync('fixtures/demo/demo-export.csv'),
    );
    expect(r.code).toBe(0);
    expect(rowsRead(r.stdout)).toBe(420);
  });

  it('refuses /dev/zero within seconds, with one clear line and exit 3', () => {
    const t = performance.now();
    const r = spawnSync(process.execPath, [BIN, 'inspect', '/dev/zero'], {
      env: { ...env, JOBFX_MAX_INPUT_MB: '64' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(performance.now() - t).toBeLessThan(15_000);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(
      /^jobfx: error: \/dev\/zero: is not a regular file and gives more than 64 MB.*JOBFX_MAX_INPUT_MB/m,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads a FIFO once a writer comes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-fifo-'));
    const fifo = join(dir, 'export.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const child = spawn(process.execPath, [BIN, 'inspect', fifo, '--format', 'json'], { env });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const done = new Promise<number>((res) => child.on('close', (code) => res(code ?? -1)));
    // Opening a FIFO for writing waits for the reader, as with a shell's `cat export.csv > fifo`.
    writeFileSync(fifo, readFileSync('fixtures/demo/demo-export.csv'));
    expect(await done).toBe(0);
    expect(rowsRead(stdout)).toBe(420);
  });
});
