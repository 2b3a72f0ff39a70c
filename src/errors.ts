/**
 * The error kinds of jobfx. main.ts is the one place that turns them into exit codes:
 * usage/config → 2, data problems → 1, input missing/unreadable → 3.
 */
export type ErrorKind = 'usage' | 'config' | 'data' | 'input';

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

export const exitCodeOf = (kind: ErrorKind): number => ({ usage: 2, config: 2, data: 1, input: 3 })[kind];
