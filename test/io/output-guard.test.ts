/** The one check every writer makes (io/output-guard.ts): an output never is, holds or lies inside an input. */
import { linkSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkDistinctOutputs,
  checkOutputFile,
  checkOutputFolder,
  forgetInputs,
  protectInput,
  realPath,
} from '../../src/io/output-guard.js';

function setUp() {
  const d = mkdtempSync(join(tmpdir(), 'jobfx-guard-'));
  mkdirSync(join(d, 'data'));
  writeFileSync(join(d, 'data', 'export.csv'), 'x\n');
  symlinkSync(join(d, 'data'), join(d, 'linked'));
  linkSync(join(d, 'data', 'export.csv'), join(d, 'hard.csv'));
  protectInput(join(d, 'data', 'export.csv'), 'the export');
  return d;
}

afterEach(() => forgetInputs());

describe('realPath', () => {
  it('resolves symlinks in the part that exists and keeps the rest', () => {
    const d = setUp();
    expect(realPath(join(d, 'linked', 'new', 'file.csv'))).toBe(join(realPath(d), 'data', 'new', 'file.csv'));
  });
});

describe('checkOutputFile', () => {
  it.each([
    ['the path itself', 'data/export.csv'],
    ['through a symlinked folder', 'linked/export.csv'],
    ['with .. in it', 'data/../data/export.csv'],
    ['a hard link', 'hard.csv'],
  ])('refuses the export: %s', (_what, rel) => {
    const d = setUp();
    expect(() => checkOutputFile(join(d, rel), '--rejects')).toThrow(
      /--rejects .*: that is the export \(.*export\.csv\); jobfx never writes over a file it reads/,
    );
  });

  it('allows a new file beside it', () => {
    const d = setUp();
    expect(() => checkOutputFile(join(d, 'data', 'rejects.csv'), '--rejects')).not.toThrow();
  });
});

describe('checkOutputFolder', () => {
  it.each([
    ['is', 'data/export.csv', /that is the export/],
    ['holds', 'data', /that folder holds the export/],
    ['holds, through a symlink', 'linked', /that folder holds the export/],
    ['holds, two levels up', '.', /that folder holds the export/],
    ['lies inside', 'data/export.csv/pack', /that path lies inside the export/],
  ])('refuses a folder that %s the export', (_what, rel, message) => {
    const d = setUp();
    expect(() => checkOutputFolder(join(d, rel), '--out')).toThrow(message);
  });

  it('refuses the root, allows a sibling folder', () => {
    const d = setUp();
    expect(() => checkOutputFolder('/', '--out')).toThrow(/root of a file system/);
    expect(() => checkOutputFolder(join(d, 'pack'), '--out')).not.toThrow();
    expect(() => checkOutputFolder(join(d, 'data-pack'), '--out')).not.toThrow(); // a prefix is not a parent
  });
});

describe('checkDistinctOutputs', () => {
  it('refuses two options naming one file, however spelled', () => {
    const d = setUp();
    expect(() =>
      checkDistinctOutputs([
        { option: '--out', path: join(d, 'o.csv') },
        { option: '--list', path: undefined },
        { option: '--rejects', path: join(d, 'data', '..', 'o.csv') },
      ]),
    ).toThrow(/--rejects .*: --out writes the same file/);
  });
});
