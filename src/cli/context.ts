/** What a command needs from the process, passed in so that commands can be tested without one. */
import type { ReadProgress } from '../io/raw.js';
import { stderrProgress } from './progress-bar.js';
import { safeText } from '../base/text.js';

export interface RunContext {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Colour on stdout: a TTY and NO_COLOR unset. */
  color: boolean;
  cwd: string;
  /** A progress display for reading an export: a bar when stderr is a terminal, else none. */
  progress?: (file: string) => ReadProgress;
}

export function processContext(): RunContext {
  return {
    stdout: (s) => process.stdout.write(s),
    // Messages quote file and folder names, sheet names, headers and values: made safe here, once,
    // for every message of every command (stdout's tables and documents are made safe by the
    // renderers; their ANSI colour codes would not survive safeText).
    stderr: (s) => process.stderr.write(safeText(s)),
    color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env),
    cwd: process.cwd(),
    progress: stderrProgress(),
  };
}
