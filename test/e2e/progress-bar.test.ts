/**
 * The progress bar of the real binary: shown and erased on a terminal (a pseudo-terminal made
 * by script(1)), never in a pipe. The bar itself: test/cli/progress-bar.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itWithTool, requireTool, SCRIPT } from '../render/tools.js';
import { BIN, jobfx } from './run.js';

const ERASE = '\r\x1b[K';

describe('jobfx on a terminal and off it', () => {
  const args = ['keyfigures', 'fixtures/demo/demo-export.xlsx', '--period', '2024', '--format', 'json'];

  itWithTool(SCRIPT, 'shows the bar on a terminal (a pseudo-terminal by script(1)) and erases it', {}, () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jobfx-tty-')), 'kf.json');
    const command = [process.execPath, BIN, ...args, '--out', out].map((a) => `'${a}'`).join(' ');
    const r = spawnSync(requireTool(SCRIPT), ['-qec', command, '/dev/null'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', JOBFX_PROGRESS_AFTER: '0' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('jobfx: reading demo-export.xlsx [');
    // Erased: the last drawing is followed by the erase sequence before the accounting line.
    const last = r.stdout.lastIndexOf('%');
    expect(r.stdout.slice(last + 1).startsWith(ERASE)).toBe(true);
    expect(r.stdout.indexOf('rows read =')).toBeGreaterThan(last);
  });

  it('draws nothing into a pipe or a log file', () => {
    const r = jobfx(args, { env: { JOBFX_PROGRESS_AFTER: '0' } });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('reading');
    expect(r.stderr).not.toContain('\x1b');
  });
});
