/**
 * Issue #14: a run killed during its pack write, and runs into one pack at the same time. The
 * leftover states are made as a killed run leaves them (its pid is one of a process that has
 * ended); the lock is tested with a live process holding it, then with real concurrent runs of
 * the built binary, and a real kill -9 of a run during its write.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, jobfx } from './run.js';

const PACK = ['manifest.json', 'notat.html', 'notat.md', 'tabeller.xlsx'];
// Real processes on a shared machine: a run takes seconds.
const SLOW = 240_000;

/** A folder with a report on the demo export: its pack is `pack`. */
function setUp(): string {
  const w = mkdtempSync(join(tmpdir(), 'jobfx-recover-'));
  const report = {
    title: 'Test',
    input: resolve('fixtures/demo/demo-export.xlsx'),
    period: '2025H1',
    out: 'pack',
    tables: [{ command: 'keyfigures', options: {} }],
  };
  writeFileSync(join(w, 'jobfx.report.json'), JSON.stringify(report));
  return w;
}

/** A pid no process has: that of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid;
}

const run = (w: string, env: Record<string, string> = {}) =>
  jobfx(['run', 'jobfx.report.json'], { cwd: w, env });
const runAt = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).runAt as string;
const hidden = (w: string) =>
  readdirSync(w).filter((f) => f.startsWith('.pack.') || f.startsWith('pack.lock'));

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

describe('a run killed during its pack write is repaired by the next run', () => {
  it(
    'killed between the two renames (no pack, the old one aside): the old pack is put back, even if this run then fails',
    () => {
      const w = setUp();
      expect(run(w).code).toBe(0);
      const stamp = runAt(join(w, 'pack'));
      const dead = deadPid();
      renameSync(join(w, 'pack'), join(w, `.pack.old-${dead}`));
      cpSync(join(w, `.pack.old-${dead}`), join(w, `.pack.tmp-${dead}`), { recursive: true });
      // This run fails after the repair (an unknown option of a step, exit 2).
      const report = JSON.parse(readFileSync(join(w, 'jobfx.report.json'), 'utf8'));
      const failing = { ...report, tables: [{ command: 'keyfigures', options: { nonsense: true } }] };
      writeFileSync(join(w, 'failing.report.json'), JSON.stringify(failing));
      const r = jobfx(['run', 'failing.report.json'], { cwd: w });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`put the last pack back from .*\\.pack\\.old-${dead}`));
      expect(readdirSync(join(w, 'pack')).sort()).toEqual(PACK);
      expect(runAt(join(w, 'pack'))).toBe(stamp);
      expect(r.stderr).toMatch(new RegExp(`\\.pack\\.tmp-${dead}: removed`));
      expect(hidden(w)).toEqual([]);
    },
    SLOW,
  );

  it(
    'killed while writing the new pack (the pack there, a half-written tmp, a half-removed old): both removed',
    () => {
      const w = setUp();
      expect(run(w).code).toBe(0);
      const dead = deadPid();
      mkdirSync(join(w, `.pack.tmp-${dead}`));
      writeFileSync(join(w, `.pack.tmp-${dead}`, 'notat.md'), '# half');
      mkdirSync(join(w, `.pack.old-${dead}`));
      writeFileSync(join(w, `.pack.old-${dead}`, 'tabeller.xlsx'), 'PK');
      const r = run(w);
      expect(r.code, r.stderr).toBe(0);
      expect(hidden(w)).toEqual([]);
      expect(readdirSync(join(w, 'pack')).sort()).toEqual(PACK);
    },
    SLOW,
  );

  it(
    'leaves alone a leftover of a live run, and one holding files jobfx did not write',
    () => {
      const w = setUp();
      const live = spawn('sleep', ['60']);
      children.push(live);
      const dead = deadPid();
      mkdirSync(join(w, `.pack.tmp-${live.pid}`));
      writeFileSync(join(w, `.pack.tmp-${live.pid}`, 'notat.md'), 'being written');
      mkdirSync(join(w, `.pack.old-${dead}`));
      writeFileSync(join(w, `.pack.old-${dead}`, 'thesis.docx'), 'not jobfx');
      const r = run(w);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(w, `.pack.tmp-${live.pid}`, 'notat.md'), 'utf8')).toBe('being written');
      expect(readFileSync(join(w, `.pack.old-${dead}`, 'thesis.docx'), 'utf8')).toBe('not jobfx');
      expect(r.stderr).toMatch(new RegExp(`\\.pack\\.old-${dead}: left alone`));
      live.kill('SIGKILL');
    },
    SLOW,
  );

  it(
    'a real kill -9 during the write: the next run leaves a complete pack and no leftovers',
    async () => {
      const w = setUp();
      expect(run(w).code).toBe(0);
      // Kill at the first sight of a leftover folder; a run that finished first is killed too late,
      // which the assertions below allow: either way the next run must leave a complete pack.
      for (let attempt = 0; attempt < 2; attempt++) {
        const child = spawn(process.execPath, [BIN, 'run', 'jobfx.report.json', '--quiet'], {
          cwd: w,
          stdio: 'ignore',
        });
        children.push(child);
        const exited = new Promise((done) => child.on('exit', done));
        let killed = false;
        while (!killed && child.exitCode === null) {
          if (readdirSync(w).some((f) => f.startsWith('.pack.'))) {
            child.kill('SIGKILL');
            killed = true;
          } else await new Promise((r) => setImmediate(r));
        }
        await exited;
      }
      const r = run(w);
      expect(r.code, r.stderr).toBe(0);
      expect(readdirSync(join(w, 'pack')).sort()).toEqual(PACK);
      expect(hidden(w)).toEqual([]);
    },
    SLOW,
  );
});

describe('one run at a time writes a pack', () => {
  it(
    'a lock held by a live process: the run waits, then fails naming the pid and the lock; the pack is kept',
    () => {
      const w = setUp();
      expect(run(w).code).toBe(0);
      const stamp = runAt(join(w, 'pack'));
      const live = spawn('sleep', ['60']);
      children.push(live);
      writeFileSync(join(w, 'pack.lock'), `${live.pid}\n`);
      const r = run(w, { JOBFX_LOCK_WAIT: '1' });
      expect(r.code, r.stderr).toBe(4);
      expect(r.stderr).toContain(
        `jobfx: error: another jobfx run is writing ${join(w, 'pack')} (pid ${live.pid}); wait for it to finish, or remove ${join(w, 'pack.lock')} if no jobfx run is going`,
      );
      expect(runAt(join(w, 'pack'))).toBe(stamp);
      expect(readFileSync(join(w, 'pack.lock'), 'utf8')).toBe(`${live.pid}\n`);
      live.kill('SIGKILL');
    },
    SLOW,
  );

  it(
    'a lock of a process that has ended is taken over, with a note, and removed after the run',
    () => {
      const w = setUp();
      const dead = deadPid();
      writeFileSync(join(w, 'pack.lock'), `${dead}\n`);
      const r = run(w);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(
        new RegExp(
          `pack\\.lock: took over the lock of a jobfx run \\(pid ${dead}\\) that is no longer running`,
        ),
      );
      expect(existsSync(join(w, 'pack.lock'))).toBe(false);
    },
    SLOW,
  );

  it(
    'eight runs at once into one pack: every one exits 0, one complete pack, no leftovers',
    async () => {
      const w = setUp();
      const results = await Promise.all(
        Array.from(
          { length: 8 },
          () =>
            new Promise<{ code: number | null; stderr: string }>((done) => {
              const c = spawn(process.execPath, [BIN, 'run', 'jobfx.report.json', '--quiet'], {
                cwd: w,
                env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
              });
              let stderr = '';
              c.stderr.on('data', (d) => (stderr += d));
              c.on('close', (code) => done({ code, stderr }));
            }),
        ),
      );
      for (const res of results) expect(res.code, res.stderr).toBe(0);
      expect(readdirSync(join(w, 'pack')).sort()).toEqual(PACK);
      expect(hidden(w)).toEqual([]);
    },
    SLOW,
  );
});
