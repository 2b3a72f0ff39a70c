/**
 * Issue #14: a command killed (kill -9) during writeAtomic leaves its `.NAME.PID.tmp`; the next
 * write into the folder removes it, and nothing else. The leftover is made by a real child
 * process running writeAtomic (bundled from src with esbuild), stopped with SIGKILL while its
 * data is still arriving.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { removeDeadTmps, tmpNameOf, writeAtomic } from '../../src/io/write.js';

const dir = mkdtempSync(join(tmpdir(), 'jobfx-write-'));

/** A pid no process has: that of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('writeAtomic after a write killed mid-way', () => {
  it('removes the killed write’s .NAME.PID.tmp, and only leftovers of dead pids it owns', async () => {
    const bundle = join(dir, 'write.mjs');
    await build({
      entryPoints: [resolve('src/io/write.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'silent',
    });
    const w = join(dir, 'out');
    mkdirSync(w);
    const target = join(w, 'tabel.md');
    // The child writes tabel.md from data that never finishes arriving: it is mid-write until killed.
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { writeAtomic } from ${JSON.stringify(bundle)};
         async function* data() { yield Buffer.from('half a table\\n'); await new Promise(() => setInterval(() => {}, 1e6)); }
         await writeAtomic(${JSON.stringify(target)}, data());`,
      ],
      { stdio: 'ignore' },
    );
    const leftover = tmpNameOf(target, child.pid!);
    for (let i = 0; i < 600 && !(existsSync(leftover) && readFileSync(leftover, 'utf8') !== ''); i++)
      await sleep(50);
    expect(readFileSync(leftover, 'utf8')).toBe('half a table\n');
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(existsSync(leftover)).toBe(true);

    // What must stay: a live process's write (this process's parent shell is alive: use a
    // sleeping child), a folder and a link with the name, names that are not writeAtomic's.
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const dead = deadPid();
    const keep = [
      `.tabel.md.${live.pid}.tmp`,
      `.folder.${dead}.tmp`,
      `.link.${dead}.tmp`,
      `tabel.md.${dead}.tmp`,
      `.tabel.md.${dead}.tmp.bak`,
      `.tabel.md.x${dead}.tmp`,
      'notes.txt',
    ];
    writeFileSync(join(w, keep[0]!), 'live');
    mkdirSync(join(w, keep[1]!));
    symlinkSync(join(w, 'notes.txt'), join(w, keep[2]!));
    for (const f of keep.slice(3)) writeFileSync(join(w, f), 'x');
    const other = `.andet.csv.${dead}.tmp`;
    writeFileSync(join(w, other), 'half');

    const notes: string[] = [];
    try {
      await writeAtomic(target, '# Tabel\n', '--out', (t) => notes.push(t));
    } finally {
      live.kill('SIGKILL');
    }
    expect(readFileSync(target, 'utf8')).toBe('# Tabel\n');
    expect(readdirSync(w).sort()).toEqual([...keep, 'tabel.md'].sort());
    expect(notes.sort()).toEqual(
      [
        `${leftover}: removed, a half-written file of a jobfx run (pid ${child.pid}) that was stopped`,
        `${join(w, other)}: removed, a half-written file of a jobfx run (pid ${dead}) that was stopped`,
      ].sort(),
    );
  }, 60_000);

  it('a folder that cannot be listed does not stop the write', async () => {
    await expect(removeDeadTmps(join(dir, 'no-such-folder'), () => undefined)).resolves.toBeUndefined();
  });
});
