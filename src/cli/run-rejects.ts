/** The rejected rows of `jobfx run`, in a file beside the pack (row-level data: never in the memo folder). */
import { readFile, rm } from 'node:fs/promises';
import { checkOutputFile } from '../io/output-guard.js';
import { writeAtomic } from '../io/write.js';
import { isRejectsCsv } from './accounting.js';
import type { RunContext } from './context.js';

/**
 * Writes OUT.rejects.csv, or, when no row was rejected, removes the one of an earlier run, so that
 * it does not pass for this month's; a file of that name that jobfx did not write is left alone.
 */
export async function writeRejectsBeside(
  ctx: RunContext,
  out: string,
  content: string | null,
  rejected: number,
  /** A step's own input (progression's measurement file): OUT.NAME.rejects.csv. */
  name?: string,
): Promise<void> {
  const file = name === undefined ? `${out}.rejects.csv` : `${out}.${name}.rejects.csv`;
  if (content !== null) {
    await writeAtomic(file, content, 'the rejects file');
    ctx.stderr(`jobfx: wrote the ${rejected} rejected rows to ${file} (beside the pack, not in it)\n`);
    return;
  }
  const old = await readFile(file, 'utf8').catch(() => null);
  if (old === null) return;
  checkOutputFile(file, 'the rejects file');
  if (isRejectsCsv(old)) await rm(file, { force: true });
  else
    ctx.stderr(`jobfx: note: ${file}: left alone: jobfx did not write it, and this run rejected no rows\n`);
}
