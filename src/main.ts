/**
 * The entry point and the only process.exit. Exit codes (src/errors.ts, exitCodeFor): 0 ok, 1 data
 * problems, 2 usage or config, 3 input unreadable, 4 output not written, 70 internal error; a
 * closed pipe (jobfx ... | head) → 0.
 *
 * The command registry (and with it every command's dependencies) is imported only when a
 * command or the help is asked for: `jobfx --version` loads nothing else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processContext } from './cli/context.js';
import { JobfxError, exitCodeFor, isCommanderError, outputError } from './errors.js';
import { packageRoot } from './package-root.js';
import { oneLine, safeText } from './base/text.js';

const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
  version: string;
};

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  // stdout redirected to a full disk (ENOSPC), a read-only or vanished file: the output is lost.
  process.exit(handle(outputError(`stdout cannot be written (${e.code ?? e.message})`)));
});
// An error that escapes the command's promise (an event handler, a stream) is still a bug: 70.
const crash = (e: unknown) => process.exit(handle(e));
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

const args = process.argv.slice(2);
let exitCode = 0;
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // What commander's .version() prints, without building the program.
  process.stdout.write(`${version}\n`);
} else {
  const ctx = processContext();
  try {
    const { buildProgram } = await import('./cli/program.js');
    const program = buildProgram(ctx, version, (code) => (exitCode = code));
    program.exitOverride();
    program.configureOutput({
      outputError: (s, write) => write(safeText(`jobfx: ${s.replace(/^error: /, 'error: ')}`)),
    });
    for (const cmd of program.commands) {
      cmd.exitOverride();
      cmd.configureOutput({ outputError: (s, write) => write(safeText(`jobfx: ${s}`)) });
    }
    await program.parseAsync(process.argv);
  } catch (e) {
    exitCode = handle(e);
  }
}
// Not process.exit(): it could cut off output still queued for a pipe.
process.exitCode = exitCode;

/** Prints the error (one line; the stack with --verbose) and returns its exit code, by exitCodeFor. */
function handle(e: unknown): number {
  const code = exitCodeFor(e);
  // Commander has printed its message (or the help) itself.
  if (isCommanderError(e)) return code;
  const verbose = process.argv.includes('--verbose');
  const err = e as Error;
  const message = messageLine(safeText(err?.message ?? String(e)));
  process.stderr.write(
    e instanceof JobfxError
      ? `jobfx: error: ${message}\n`
      : `jobfx: error: ${message} (an unexpected error: please report it, with --verbose output)\n`,
  );
  if (verbose && err?.stack) process.stderr.write(safeText(err.stack) + '\n');
  return code;
}

/**
 * An error is one line on stderr, whatever text from the file it quotes, and a message that
 * quotes a huge value is cut short.
 */
function messageLine(message: string): string {
  const flat = oneLine(message);
  return flat.length <= 2000 ? flat : `${flat.slice(0, 2000)}… (message cut at 2,000 characters)`;
}
