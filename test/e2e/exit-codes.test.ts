/**
 * The exit codes a scheduler sees (README "Exit codes"): 0 ok, 1 data problems, 2 usage or
 * config, 3 input unreadable, 4 output not written. 70 (a bug) is checked on the mapping in
 * test/errors.test.ts: no input may provoke it on purpose.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, jobfx } from './run.js';

const tmp = mkdtempSync(join(tmpdir(), 'jobfx-exit-'));
const DEMO = resolve('fixtures/demo/demo-export.xlsx');
const QUIRKS = resolve('fixtures/csv/quirks.csv');
// A path whose "folder" is a file: not writable by anyone, root included (ENOTDIR).
const aFile = join(tmp, 'a-file');
writeFileSync(aFile, 'not a folder\n');
const UNWRITABLE = join(aFile, 'out');

describe('exit codes', () => {
  it.each([
    [0, 'a good run', ['inspect', QUIRKS]],
    [1, 'rejected rows under --strict', ['inspect', QUIRKS, '--strict']],
    [2, 'an invalid option value', ['inspect', QUIRKS, '--format', 'pdf']],
    [3, 'a missing input file', ['inspect', resolve('fixtures/csv/nope.csv')]],
    [4, 'keyfigures --out', ['keyfigures', DEMO, '--period', '2025H1', '--out', `${UNWRITABLE}.md`]],
    [4, 'inspect --out', ['inspect', QUIRKS, '--out', `${UNWRITABLE}.txt`]],
    [4, 'repeats --list', ['repeats', DEMO, '--period', '2025H1', '--list', `${UNWRITABLE}.csv`]],
    [4, '--rejects', ['keyfigures', QUIRKS, '--period', '2024', '--rejects', `${UNWRITABLE}.csv`]],
  ])('%i: %s', (code, _what, args) => {
    const r = jobfx(args);
    expect(r.code, r.stderr).toBe(code);
    if (code > 1) expect(r.stderr).toMatch(/^jobfx: error: /m);
    if (code === 4) expect(r.stderr).toMatch(/cannot be written \(ENOTDIR\)/);
    expect(r.stderr).not.toMatch(/unexpected error|^\s+at /m);
  });

  it('4: jobfx run into a pack folder that cannot be made', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-exit-run-'));
    expect(jobfx(['init'], { cwd: dir }).code).toBe(0);
    const r = jobfx(['run', 'jobfx.report.json', '--quiet', '--out', join(UNWRITABLE, 'pack')], { cwd: dir });
    expect(r.code, r.stderr).toBe(4);
    expect(r.stderr).toMatch(/^jobfx: error: .*the memo pack cannot be written/m);
  });

  it.skipIf(!existsSync('/dev/full'))('4: stdout on a full disk (/dev/full)', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'keyfigures', DEMO, '--period', '2025H1'], {
        stdio: ['ignore', full, 'pipe'],
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(4);
      expect(r.stderr).toMatch(/^jobfx: error: stdout cannot be written \(ENOSPC\)/m);
    } finally {
      closeSync(full);
    }
  });
});
