/**
 * Writing a memo pack: every file into a temporary folder beside the target, then one rename
 * swaps it in. A run that fails before the swap leaves the last good pack where it was.
 *
 * jobfx replaces only a folder that is empty or is a pack it wrote (its manifest.json, naming
 * every file of the folder); anything else is refused before a byte is written, and no other
 * folder is ever removed. The write holds a lock beside the pack (pack-lock.ts), and first
 * tidies what a killed run left behind.
 */
import { existsSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { outputError } from '../errors.js';
import { checkOutputFile, checkOutputFolder } from '../io/output-guard.js';
import { isAlive, withPackLock } from './pack-lock.js';

export type PackFiles = Map<string, string | Uint8Array>;

/** What marks a manifest.json as jobfx's own. */
export const GENERATOR = 'jobfx';

/** Names of the files a pack holds: a folder of nothing else, under a jobfx manifest, may be replaced. */
export const PACK_FILE = /^(manifest\.json|tabeller\.xlsx|notat\.html|notat\.md|figur-\d+\.svg)$/;

export interface PackWriteOptions {
  /** The option or report field that named the folder, for messages. */
  option: string;
  /** Notes for stderr (a stale lock taken over, a leftover removed, a pack restored). */
  note: (text: string) => void;
  /** How long to wait for another run writing the same pack (ms). */
  waitMs: number;
  /** Runs after the swap, still under the lock (the rejects file beside the pack). */
  thenUnderLock?: () => Promise<void>;
}

/**
 * Before a run reads its export: refuses a folder that is or holds an input, repairs what a killed
 * run left (so that the last pack is back even if this run fails later), then refuses a folder
 * jobfx may not replace.
 */
export async function preparePack(dir: string, o: PackWriteOptions): Promise<void> {
  const abs = resolve(dir);
  checkOutputFolder(abs, o.option);
  if (!existsSync(dirname(abs))) return;
  // Under the lock: a run writing the pack swaps it out of its place for an instant.
  await withPackLock(abs, o, async () => {
    await recoverLeftovers(abs, o.note);
    await checkPackTarget(abs, o.option);
  });
}

export async function writePackAtomic(dir: string, files: PackFiles, o: PackWriteOptions): Promise<void> {
  const abs = resolve(dir);
  checkOutputFolder(abs, o.option);
  await mkdir(dirname(abs), { recursive: true }).catch((e: NodeJS.ErrnoException) => {
    throw cannotWrite(dir, e);
  });
  await withPackLock(abs, o, async () => {
    await recoverLeftovers(abs, o.note);
    // Checked (again) under the lock: another run or a person may have changed the folder.
    await checkPackTarget(abs, o.option);
    await swapIn(abs, files, dir);
    await o.thenUnderLock?.();
  });
}

async function swapIn(abs: string, files: PackFiles, dir: string): Promise<void> {
  const tmp = join(dirname(abs), `.${basename(abs)}.tmp-${process.pid}`);
  const old = join(dirname(abs), `.${basename(abs)}.old-${process.pid}`);
  // A folder of this run's own name is debris of an earlier process with the same pid.
  if (existsSync(tmp) && !(await removeDebris(tmp)))
    throw outputError(`${tmp}: is in the way of the pack and holds files jobfx did not write; move it away`);
  try {
    await mkdir(tmp);
    for (const [name, data] of files) await writeFile(join(tmp, name), data);
    // Two renames: there is no atomic swap of two folders, but at every moment either the old or
    // the new pack is complete under one of the names (a run killed between them is repaired by
    // the next run: recoverLeftovers), and the old one is removed only at the end.
    const hadOld = existsSync(abs);
    if (hadOld) await rename(abs, old);
    await rename(tmp, abs);
    if (hadOld) await rm(old, { recursive: true, force: true });
  } catch (e) {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    if (!existsSync(abs) && existsSync(old)) await rename(old, abs).catch(() => undefined);
    throw cannotWrite(dir, e as NodeJS.ErrnoException);
  }
}

const cannotWrite = (dir: string, e: NodeJS.ErrnoException) =>
  outputError(
    `${dir}: the memo pack cannot be written (${e.code ?? String(e)}); check the folder is writable`,
  );

/**
 * Refuses a pack folder jobfx may not replace: one that is, holds or lies inside an input or the
 * config (usage error, exit 2), and an existing path that is not an empty folder or a jobfx pack
 * (exit 4: the target folder). Nothing is written or removed before this check.
 */
export async function checkPackTarget(dir: string, option: string): Promise<void> {
  checkOutputFolder(dir, option);
  checkOutputFile(`${dir}.rejects.csv`, `${option} (its rejects file)`);
  checkOutputFile(`${dir}.lock`, `${option} (its lock file)`);
  const st = await lstat(dir).catch(() => null);
  if (st === null) return;
  if (!st.isDirectory())
    throw outputError(
      `${dir}: is ${st.isSymbolicLink() ? 'a symbolic link' : 'a file'}, not a folder jobfx wrote; jobfx replaces only an empty folder or a memo pack of its own. Give another output folder`,
    );
  const foreign = await foreignEntries(dir);
  if (foreign.length > 0)
    throw outputError(
      `${dir}: holds ${foreign.length} file(s) that are not part of a jobfx memo pack (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', ...' : ''}); jobfx replaces only an empty folder or a pack it wrote. Give another output folder, or move those files away`,
    );
}

/**
 * The entries of a folder that keep jobfx from replacing it: none when it is empty; otherwise
 * everything, unless a jobfx manifest.json lists each of its files (regular files, not links).
 */
export async function foreignEntries(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).sort();
  if (names.length === 0) return [];
  const listed = await manifestFiles(dir);
  const foreign: string[] = [];
  for (const n of names) {
    const st = await lstat(join(dir, n));
    if (!st.isFile() || listed === null || !listed.has(n)) foreign.push(n);
  }
  return foreign;
}

/** The files a jobfx manifest.json in the folder lists, or null when there is none. */
export async function manifestFiles(dir: string): Promise<Set<string> | null> {
  try {
    const m = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    // Packs before the "generator" field carry the version under "jobfx".
    const ours = m.generator === GENERATOR || typeof m.jobfx === 'string';
    if (!ours || !Array.isArray(m.files)) return null;
    return new Set(m.files.filter((f): f is string => typeof f === 'string' && PACK_FILE.test(f)));
  } catch {
    return null;
  }
}

/**
 * Removes a leftover folder of a pack write when it holds nothing but pack files (a half-written
 * or half-removed pack); returns false, and leaves it, when it holds anything else.
 */
export async function removeDebris(dir: string): Promise<boolean> {
  for (const n of await readdir(dir)) {
    const st = await lstat(join(dir, n));
    if (!st.isFile() || !PACK_FILE.test(n)) return false;
  }
  await rm(dir, { recursive: true, force: true });
  return true;
}

/**
 * Repairs what a run killed during its write left beside the pack (run under the lock, so no
 * live run is writing it): `.NAME.tmp-PID` and `.NAME.old-PID` folders of a process that is no
 * longer running. When the pack itself is missing, the killed run had moved the old pack aside and
 * not yet put the new one in place: the old pack is put back. Then each leftover is removed if it
 * holds nothing but pack files; anything else is left alone, with a note.
 */
export async function recoverLeftovers(dir: string, note: (text: string) => void): Promise<void> {
  const parent = dirname(dir);
  const name = basename(dir);
  const leftovers: { path: string; kind: string; pid: number }[] = [];
  for (const entry of await readdir(parent)) {
    if (!entry.startsWith(`.${name}.`)) continue;
    const m = /^\.(tmp|old)-(\d+)$/.exec(entry.slice(name.length + 1));
    if (m === null) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || isAlive(pid)) continue;
    const st = await lstat(join(parent, entry));
    if (st.isDirectory()) leftovers.push({ path: join(parent, entry), kind: m[1]!, pid });
  }
  if (!existsSync(dir)) {
    const old = await newestCompletePack(leftovers.filter((l) => l.kind === 'old'));
    if (old !== null) {
      await rename(old.path, dir);
      note(
        `${dir}: put the last pack back from ${old.path}, where a jobfx run (pid ${old.pid}) stopped during its write had left it`,
      );
      leftovers.splice(leftovers.indexOf(old), 1);
    }
  }
  for (const l of leftovers) {
    if (await removeDebris(l.path))
      note(`${l.path}: removed, a half-written pack of a jobfx run (pid ${l.pid}) that was stopped`);
    else
      note(`${l.path}: left alone: it has jobfx's name for a leftover but holds files jobfx did not write`);
  }
}

/** The leftover whose manifest is newest among those that hold every file their manifest lists. */
async function newestCompletePack<T extends { path: string }>(olds: T[]): Promise<T | null> {
  let best: { l: T; runAt: string } | null = null;
  for (const l of olds) {
    const files = await manifestFiles(l.path);
    if (files === null || (await foreignEntries(l.path)).length > 0) continue;
    if (![...files].every((f) => existsSync(join(l.path, f)))) continue;
    const m = JSON.parse(await readFile(join(l.path, 'manifest.json'), 'utf8')) as { runAt?: unknown };
    const runAt = typeof m.runAt === 'string' ? m.runAt : '';
    if (best === null || runAt > best.runAt) best = { l, runAt };
  }
  return best?.l ?? null;
}
