/**
 * Every test that runs the built binary is in the e2e project (vitest.config.ts), whose
 * globalSetup refuses a stale dist/bundle; a unit test that spawned it would escape that check.
 * And that check itself.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E } from '../vitest.config.js';
import { staleBundle } from './e2e/fresh-bundle.js';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });

const isE2e = (file: string) =>
  E2E.some((glob) => file.startsWith(glob.slice(0, glob.indexOf('**'))) && file.endsWith('.test.ts'));

describe('the test projects', () => {
  it('put every test that runs bin/jobfx.js in e2e', () => {
    const spawning = files('test')
      .map((f) => relative('.', f))
      .filter((f) => f.endsWith('.test.ts') && f !== 'test/layout.test.ts')
      .filter((f) =>
        /from '(\.\/|\.\.\/e2e\/)run\.js'|bin\/jobfx\.js|dist\/bundle/.test(readFileSync(f, 'utf8')),
      );
    expect(spawning.length).toBeGreaterThan(5);
    expect(spawning.filter((f) => !isE2e(f))).toEqual([]);
  });
});

describe('the e2e globalSetup (test/e2e/fresh-bundle.ts)', () => {
  const root = mkdtempSync(join(tmpdir(), 'jobfx-layout-'));
  mkdirSync(join(root, 'src/io'), { recursive: true });
  mkdirSync(join(root, 'dist/bundle'), { recursive: true });
  const at = (file: string, seconds: number) => {
    writeFileSync(join(root, file), '');
    utimesSync(join(root, file), seconds, seconds);
  };

  it('refuses a missing bundle, then one older than a source file, naming it', () => {
    at('package.json', 1000);
    at('src/main.ts', 1000);
    expect(staleBundle(root)).toBe('dist/bundle/main.js is missing: run npm run build');
    at('dist/bundle/main.js', 2000);
    expect(staleBundle(root)).toBeNull();
    at('src/io/write.ts', 3000);
    expect(staleBundle(root)).toBe('dist/bundle is older than src/io/write.ts: run npm run build');
    at('dist/bundle/main.js', 4000);
    at('package.json', 5000);
    expect(staleBundle(root)).toBe('dist/bundle is older than package.json: run npm run build');
  });
});
