/**
 * The progress bar of a long read, on stderr when it is a terminal: nothing for a read that ends
 * within `afterMs` (1 s), then a bar redrawn at most every `everyMs`, erased when the read ends,
 * so that no trace of it is left among the messages and none reaches a pipe or a log file.
 */
import { basename } from 'node:path';
import type { ReadProgress } from '../io/raw.js';
import { safeText } from '../base/text.js';

export interface ProgressBarOptions {
  write: (s: string) => void;
  /** Width of the terminal. */
  columns: number;
  /** Milliseconds from some fixed point (performance.now by default). */
  now?: () => number;
  /** Draw only once the read has taken this long. */
  afterMs?: number;
  everyMs?: number;
}

const BAR = 24;

export function progressBar(file: string, o: ProgressBarOptions): ReadProgress {
  const now = o.now ?? (() => performance.now());
  const began = now();
  const afterMs = o.afterMs ?? 1000;
  const everyMs = o.everyMs ?? 100;
  let drawnAt = -Infinity;
  let drawn = false;
  // On the terminal, like every message: no CPR number in the name, no bidi or C1 control.
  const name = safeText(basename(file));
  return {
    update(done, total) {
      const t = now();
      if (t - began < afterMs || t - drawnAt < everyMs) return;
      drawnAt = t;
      const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
      const full = Math.round(share * BAR);
      const line = `jobfx: reading ${name} [${'#'.repeat(full)}${'.'.repeat(BAR - full)}] ${Math.floor(share * 100)}%`;
      // \r and erase-line: the bar stays on one line, cut to the terminal's width.
      o.write(`\r\x1b[K${line.slice(0, Math.max(0, o.columns - 1))}`);
      drawn = true;
    },
    end() {
      if (drawn) o.write('\r\x1b[K');
      drawn = false;
    },
  };
}

/**
 * The bar for the process's stderr, or undefined when stderr is not a terminal (a pipe, a log
 * file, a scheduled run). JOBFX_PROGRESS_AFTER sets the seconds a read may take before the bar
 * shows (default 1; 0 shows it at once).
 */
export function stderrProgress(
  env: NodeJS.ProcessEnv = process.env,
): ((file: string) => ReadProgress) | undefined {
  if (!process.stderr.isTTY) return undefined;
  const after = Number(env.JOBFX_PROGRESS_AFTER);
  const afterMs =
    env.JOBFX_PROGRESS_AFTER !== undefined && Number.isFinite(after) && after >= 0 ? after * 1000 : 1000;
  return (file) =>
    progressBar(file, {
      write: (s) => process.stderr.write(s),
      columns: process.stderr.columns || 80,
      afterMs,
    });
}
