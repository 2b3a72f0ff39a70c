/**
 * One run at a time writes a pack: a lock file beside it (NAME.lock), created exclusively and
 * holding the writer's pid. A second run waits for it a bounded time, then fails naming the pid
 * and the lock. A lock whose process is no longer running (killed, machine restarted) is taken
 * over, with a note. The pid is of this machine: a pack folder on a share written from two
 * machines is not protected.
 */
import { readFileSync, statSync } from 'node:fs';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import { outputError } from '../errors.js';
import { isAlive } from '../io/write.js';

// Whether a pid is running: one answer for the pack's leftovers and the single-file writes'.
export { isAlive } from '../io/write.js';

/** A lock file created but not yet filled in is that of a run starting; after this long, of a dead one. */
const EMPTY_LOCK_GRACE_MS = 10_000;

export async function withPackLock<T>(
  dir: string,
  o: { note: (text: string) => void; waitMs: number },
  body: () => Promise<T>,
): Promise<T> {
  const lock = `${dir}.lock`;
  await acquire(lock, dir, o);
  try {
    return await body();
  } finally {
    // Only our own lock: a person may have removed it and another run taken it meanwhile.
    if (holderOf(lock) === process.pid) await unlink(lock).catch(() => undefined);
  }
}

async function acquire(lock: string, dir: string, o: { note: (text: string) => void; waitMs: number }) {
  const deadline = Date.now() + o.waitMs;
  let told = false;
  for (;;) {
    if (await tryCreate(lock)) return;
    const holder = holderOf(lock);
    if (holder !== null && (holder === 'empty' ? emptyTooLong(lock) : !isAlive(holder))) {
      if (await takeOver(lock, holder))
        o.note(
          `${lock}: took over the lock of a jobfx run${holder === 'empty' ? '' : ` (pid ${holder})`} that is no longer running`,
        );
      continue;
    }
    const who = typeof holder === 'number' ? ` (pid ${holder})` : '';
    if (Date.now() >= deadline)
      throw outputError(
        `another jobfx run is writing ${dir}${who}; wait for it to finish, or remove ${lock} if no jobfx run is going`,
      );
    if (!told) o.note(`waiting for another jobfx run writing ${dir}${who}`);
    told = true;
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
  }
}

async function tryCreate(lock: string): Promise<boolean> {
  try {
    const fh = await open(lock, 'wx');
    try {
      await fh.writeFile(`${process.pid}\n`);
    } finally {
      await fh.close();
    }
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw outputError(
      `${lock}: the lock of the pack cannot be made (${code ?? String(e)}); check the folder is writable`,
    );
  }
}

/** The pid in a lock file; 'empty' while its writer has not filled it in; null when it is gone. */
function holderOf(lock: string): number | 'empty' | null {
  try {
    const text = readFileSync(lock, 'utf8').trim();
    return /^\d+$/.test(text) ? Number(text) : 'empty';
  } catch {
    return null;
  }
}

function emptyTooLong(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > EMPTY_LOCK_GRACE_MS;
  } catch {
    return false;
  }
}

/**
 * Moves a stale lock aside under a name of our own (one rename: of several runs, one wins) and
 * removes it. If what was moved is not the stale lock (a live run took over in between), it is put
 * back where it was.
 */
async function takeOver(lock: string, stale: number | 'empty'): Promise<boolean> {
  const aside = `${lock}.stale-${process.pid}`;
  try {
    await rename(lock, aside);
  } catch {
    return false; // another run took it first
  }
  const text = (await readFile(aside, 'utf8').catch(() => '')).trim();
  const moved = /^\d+$/.test(text) ? Number(text) : 'empty';
  if (moved !== stale || (moved === 'empty' && !emptyTooLong(aside))) {
    await link(aside, lock).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
    return false;
  }
  await unlink(aside).catch(() => undefined);
  return true;
}
