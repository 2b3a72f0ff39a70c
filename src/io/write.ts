/** Writing output files atomically: to a temporary name beside the target, then renamed. */
import { lstat, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { safeText } from '../base/text.js';
import { outputError } from '../errors.js';
import { checkOutputFile } from './output-guard.js';

/** Whether a process with this pid is running (EPERM: it is, under another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The temporary name of a write of `file` by process `pid`: `.NAME.PID.tmp` beside it. */
export const tmpNameOf = (file: string, pid: number): string =>
  join(dirname(file), `.${basename(file)}.${pid}.tmp`);

const TMP_NAME = /^\.(.+)\.(\d+)\.tmp$/;

/** Where leftovers are said: stderr, made safe as every message is (names may hold a CPR). */
const stderrNote = (text: string) => process.stderr.write(safeText(`jobfx: ${text}`) + '\n');

/** Writes file atomically; refuses (usage error) a file the run reads. `option` names it in messages. */
export async function writeAtomic(
  file: string,
  data: string | Uint8Array,
  option = 'output',
  note: (text: string) => void = stderrNote,
): Promise<void> {
  checkOutputFile(file, option);
  await removeDeadTmps(dirname(file), note);
  const tmp = tmpNameOf(file, process.pid);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw outputError(
      `${file}: cannot be written (${(e as NodeJS.ErrnoException).code ?? String(e)}); check the folder exists and is writable`,
    );
  }
}

/** Folders already cleaned by this process: once each is enough. */
const cleaned = new Set<string>();

/**
 * Removes what writes killed mid-way (kill -9, power cut) left in the folder: `.NAME.PID.tmp`
 * files of this user whose process is no longer running, as the run pack does with its
 * `.NAME.tmp-PID` folders (src/report/pack.ts). Nothing else: not a folder or link of that name,
 * not another user's file, not a file of a live process (pid reused: left for a later run).
 * Failing to clean never fails the write.
 */
export async function removeDeadTmps(folder: string, note: (text: string) => void): Promise<void> {
  if (cleaned.has(folder)) return;
  cleaned.add(folder);
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = TMP_NAME.exec(entry);
    if (m === null) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || !Number.isSafeInteger(pid) || pid <= 0 || isAlive(pid)) continue;
    const path = join(folder, entry);
    try {
      const st = await lstat(path);
      if (!st.isFile() || (process.getuid !== undefined && st.uid !== process.getuid())) continue;
      await unlink(path);
      note(`${path}: removed, a half-written file of a jobfx run (pid ${pid}) that was stopped`);
    } catch {
      // Gone already (another run cleaned it) or not ours to remove: leave it.
    }
  }
}
