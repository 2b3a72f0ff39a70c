/**
 * Writing a memo pack: every file into a temporary folder beside the target, then one rename
 * swaps it in. A run that fails before the swap leaves the last good pack where it was.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { outputError } from '../errors.js';

export type PackFiles = Map<string, string | Uint8Array>;

export async function writePackAtomic(dir: string, files: PackFiles): Promise<void> {
  const parent = dirname(dir);
  const tmp = join(parent, `.${basename(dir)}.tmp-${process.pid}`);
  const old = join(parent, `.${basename(dir)}.old-${process.pid}`);
  try {
    await mkdir(parent, { recursive: true });
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp);
    for (const [name, data] of files) await writeFile(join(tmp, name), data);
    // Two renames: there is no atomic swap of two folders, but at every moment either the old or
    // the new pack is complete under one of the names, and the old one is removed only at the end.
    const hadOld = existsSync(dir);
    if (hadOld) await rename(dir, old);
    await rename(tmp, dir);
    if (hadOld) await rm(old, { recursive: true, force: true });
  } catch (e) {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    if (!existsSync(dir) && existsSync(old)) await rename(old, dir).catch(() => undefined);
    throw outputError(
      `${dir}: the memo pack cannot be written (${(e as NodeJS.ErrnoException).code ?? String(e)}); check the folder is writable`,
    );
  }
}
