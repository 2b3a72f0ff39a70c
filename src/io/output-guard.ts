/**
 * The one check every writer makes before it writes: an output never is, contains or lies inside
 * a file the run reads (the export, the config, the report file, the follow-up file). A run
 * registers its inputs with protectInput before it writes anything; writeAtomic and the memo pack
 * writer check against them. Paths are compared after resolving symlinks (in the part of the path
 * that exists), and files also by device and inode, so a symlink or a hard link to the export is
 * recognised as the export.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { usageError } from '../errors.js';

interface Protected {
  /** What the file is to the run, for messages ("the export", "the config file"). */
  role: string;
  given: string;
  real: string;
  id?: { dev: number; ino: number };
}

/** The inputs of this process's run: a CLI process runs one command. */
const inputs: Protected[] = [];

/** Registers a file the run reads, so that no output of the run may replace it. */
export function protectInput(path: string, role: string): void {
  const real = realPath(path);
  if (inputs.some((i) => i.real === real)) return;
  inputs.push({ role, given: path, real, id: fileId(path) });
}

/** For tests: forgets the registered inputs. */
export function forgetInputs(): void {
  inputs.length = 0;
}

/**
 * The real path of p: symlinks resolved in the longest leading part that exists, the rest
 * appended (an output that does not exist yet still resolves through a symlinked folder).
 */
export function realPath(p: string): string {
  const rest: string[] = [];
  let head = resolve(p);
  for (;;) {
    try {
      return join(realpathSync(head), ...rest.reverse());
    } catch {
      const up = dirname(head);
      if (up === head) return resolve(p);
      rest.push(basename(head));
      head = up;
    }
  }
}

function fileId(path: string): { dev: number; ino: number } | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? { dev: st.dev, ino: st.ino } : undefined;
  } catch {
    return undefined;
  }
}

const refusal = (option: string, path: string, what: string, i: Protected) =>
  usageError(
    `${option} ${path}: ${what} ${i.role} (${i.given}); jobfx never writes over a file it reads. Give another ${option} path`,
  );

/** Refuses an output file that is one of the run's inputs (by real path, or the same inode). */
export function checkOutputFile(path: string, option: string): void {
  const real = realPath(path);
  const id = fileId(path);
  for (const i of inputs) {
    const sameInode = id !== undefined && i.id !== undefined && id.dev === i.id.dev && id.ino === i.id.ino;
    if (i.real === real || sameInode) throw refusal(option, path, 'that is', i);
  }
}

/** Refuses an output folder that is, contains or lies inside one of the run's inputs, or is a root. */
export function checkOutputFolder(path: string, option: string): void {
  const real = realPath(path);
  if (dirname(real) === real)
    throw usageError(
      `${option} ${path}: that is the root of a file system; give a folder of its own for the output`,
    );
  for (const i of inputs) {
    if (i.real === real) throw refusal(option, path, 'that is', i);
    if (i.real.startsWith(real + sep)) throw refusal(option, path, 'that folder holds', i);
    if (real.startsWith(i.real + sep)) throw refusal(option, path, 'that path lies inside', i);
  }
  const id = fileId(path);
  if (id !== undefined)
    for (const i of inputs)
      if (i.id !== undefined && id.dev === i.id.dev && id.ino === i.id.ino)
        throw refusal(option, path, 'that is', i);
}

/** Refuses two outputs of one command that are the same file: the second would replace the first. */
export function checkDistinctOutputs(outputs: { option: string; path: string | undefined }[]): void {
  const seen = new Map<string, string>();
  for (const o of outputs) {
    if (o.path === undefined) continue;
    const real = realPath(o.path);
    const first = seen.get(real);
    if (first !== undefined)
      throw usageError(
        `${o.option} ${o.path}: ${first} writes the same file; give each output a name of its own`,
      );
    seen.set(real, o.option);
  }
}
