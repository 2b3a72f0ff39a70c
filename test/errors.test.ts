import { describe, expect, it } from 'vitest';
import {
  configError,
  dataError,
  EXIT_INTERNAL,
  exitCodeFor,
  inputError,
  outputError,
  usageError,
} from '../src/errors.js';

describe('exitCodeFor: what main.ts exits with', () => {
  it('gives each kind of JobfxError its code', () => {
    expect(exitCodeFor(dataError('x'))).toBe(1);
    expect(exitCodeFor(usageError('x'))).toBe(2);
    expect(exitCodeFor(configError('x'))).toBe(2);
    expect(exitCodeFor(inputError('x'))).toBe(3);
    expect(exitCodeFor(outputError('x'))).toBe(4);
  });

  it('gives 70 to anything else: a bug, whatever it is', () => {
    expect(EXIT_INTERNAL).toBe(70);
    for (const e of [
      new TypeError("Cannot read properties of undefined (reading 'x')"),
      new RangeError('x'),
      'a string',
      undefined,
      null,
      { code: 'ENOENT' },
    ])
      expect(exitCodeFor(e)).toBe(70);
    // An error with a system code is no JobfxError: whoever let it escape forgot to classify it.
    expect(exitCodeFor(Object.assign(new Error('EACCES'), { code: 'EACCES' }))).toBe(70);
  });

  it("maps commander's errors: help and version 0, the rest usage (2)", () => {
    expect(exitCodeFor({ code: 'commander.helpDisplayed', exitCode: 0 })).toBe(0);
    expect(exitCodeFor({ code: 'commander.version', exitCode: 0 })).toBe(0);
    expect(exitCodeFor({ code: 'commander.unknownOption', exitCode: 1 })).toBe(2);
    expect(exitCodeFor({ code: 'commander.missingArgument', exitCode: 1 })).toBe(2);
  });
});
