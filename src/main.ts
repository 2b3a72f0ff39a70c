/**
 * The entry point and the only process.exit: usage and config errors → 2, data problems → 1,
 * missing or unreadable input → 3, a closed pipe (jobfx ... | head) → 0.
 *
 * The command registry (and with it every command's dependencies) is imported only when a
 * command or the help is asked for: `jobfx --version` loads nothing else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processContext } from './cli/context.js';
import { JobfxError, exitCodeOf } from './errors.js';
import { packageRoot } from './package-root.js';
import { redactCpr } from './schema/cpr.js';
import { oneLine } from './base/text.js';

const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
  version: string;
};

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

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
      outputError: (s, write) => write(`jobfx: ${s.replace(/^error: /, 'error: ')}`),
    });
    for (const cmd of program.commands) {
      cmd.exitOverride();
      cmd.configureOutput({ outputError: (s, write) => write(`jobfx: ${s}`) });
    }
    await program.parseAsync(process.argv);
  } catch (e) {
    exitCode = handle(e);
  }
}
// Not process.exit(): it could cut off output still queued for a pipe.
process.exitCode = exitCode;

/** Commander's errors (CommanderError), recognised without importing commander here. */
function isCommanderError(e: unknown): e is { code: string; exitCode: number } {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { code?: unknown }).code === 'string' &&
    (e as { code: string }).code.startsWith('commander.') &&
    typeof (e as { exitCode?: unknown }).exitCode === 'number'
  );
}

function handle(e: unknown): number {
  if (isCommanderError(e)) {
    // Commander has printed its message (or the help); help and --version are not errors.
    return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0 ? 0 : 2;
  }
  const verbose = process.argv.includes('--verbose');
  if (e instanceof JobfxError) {
    process.stderr.write(`jobfx: error: ${messageLine(redactCpr(e.message))}\n`);
    if (verbose && e.stack) process.stderr.write(redactCpr(e.stack) + '\n');
    return exitCodeOf(e.kind);
  }
  const err = e as Error;
  process.stderr.write(
    `jobfx: error: ${messageLine(redactCpr(err?.message ?? String(e)))} (an unexpected error: please report it, with --verbose output)\n`,
  );
  if (verbose && err?.stack) process.stderr.write(redactCpr(err.stack) + '\n');
  return 1;
}

/**
 * An error is one line on stderr, whatever text from the file it quotes, and a message that
 * quotes a huge value is cut short.
 */
function messageLine(message: string): string {
  const flat = oneLine(message);
  return flat.length <= 2000 ? flat : `${flat.slice(0, 2000)}… (message cut at 2,000 characters)`;
}
