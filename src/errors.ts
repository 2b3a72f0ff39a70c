/**
 * The error kinds of jobfx and the exit code of each. main.ts is the one place that turns an
 * error into an exit code, through exitCodeFor:
 *
 *   0 ok · 1 data problems · 2 usage/config · 3 input unreadable · 4 output not written ·
 *   70 internal error (a bug: anything that is not a JobfxError; 70 is EX_SOFTWARE of sysexits.h)
 *
 * A scheduler can tell them apart: 1 wants a look at the data, 2 a fix of the command or the
 * config, 3 the export file, 4 the disk or the target folder, 70 a bug report.
 */
export type ErrorKind = 'usage' | 'config' | 'data' | 'input' | 'output';

export class JobfxError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'JobfxError';
  }
}

export const usageError = (message: string) => new JobfxError('usage', message);
export const configError = (message: string) => new JobfxError('config', message);
export const dataError = (message: string) => new JobfxError('data', message);
export const inputError = (message: string) => new JobfxError('input', message);
/** An output file, folder or stream that could not be written (ENOSPC, EROFS, EACCES, ...). */
export const outputError = (message: string) => new JobfxError('output', message);

export const EXIT_INTERNAL = 70;

export const exitCodeOf = (kind: ErrorKind): number =>
  ({ usage: 2, config: 2, data: 1, input: 3, output: 4 })[kind];

/** Commander's errors (CommanderError), recognised without importing commander. */
export function isCommanderError(e: unknown): e is { code: string; exitCode: number } {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { code?: unknown }).code === 'string' &&
    (e as { code: string }).code.startsWith('commander.') &&
    typeof (e as { exitCode?: unknown }).exitCode === 'number'
  );
}

/**
 * The exit code of anything thrown: commander's help and --version are not errors (0), its
 * other errors are usage errors (2); a JobfxError by its kind; anything else is a bug (70).
 */
export function exitCodeFor(e: unknown): number {
  if (isCommanderError(e))
    return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0 ? 0 : 2;
  if (e instanceof JobfxError) return exitCodeOf(e.kind);
  return EXIT_INTERNAL;
}
