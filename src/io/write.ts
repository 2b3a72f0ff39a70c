/** Writing output files atomically: to a temporary name beside the target, then renamed. */
import { rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { outputError } from '../errors.js';
import { checkOutputFile } from './output-guard.js';

/** Writes file atomically; refuses (usage error) a file the run reads. `option` names it in messages. */
export async function writeAtomic(file: string, data: string | Uint8Array, option = 'output'): Promise<void> {
  checkOutputFile(file, option);
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
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
