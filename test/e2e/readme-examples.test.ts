/**
 * Every command line in README.md's code blocks runs as written, from a folder holding the
 * repository's fixtures: an example an analyst copies must not fail (issue #19: "README examples
 * use paths that exist"). Lines are taken from ```sh blocks and from `$ jobfx ...` lines of output
 * blocks; continuation lines (`\`) are joined, `npx jobfx` and `node bin/jobfx.js` run the built
 * binary. Only placeholders for the analyst's own files are left out, each named below.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './run.js';

/** Lines that name a file of the analyst's own, not one in the repository. */
const PLACEHOLDERS = [/udtraek\//];
const COMMAND = /^(\$ )?(npx jobfx|jobfx|node bin\/jobfx\.js|cat fixtures\/\S+ \| node bin\/jobfx\.js) /;

function examples(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const out: string[] = [];
  for (const [, lang, body] of readme.matchAll(/```(\w*)\n([\s\S]*?)```/g)) {
    if (lang !== '' && lang !== 'sh') continue;
    const lines = body!.split('\n');
    for (let i = 0; i < lines.length; i++) {
      let line = lines[i]!;
      while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i]!.trim();
      const text = line.trim();
      // An output block (no language) shows its command after "$ "; its other lines are output.
      if (lang === '' && !text.startsWith('$ ')) continue;
      if (!COMMAND.test(text) || PLACEHOLDERS.some((p) => p.test(text))) continue;
      // Output blocks show a command after "$ "; a comment after " # " is not part of it.
      out.push(text.replace(/^\$ /, '').replace(/\s+#\s.*$/, ''));
    }
  }
  return out;
}

const hasJq = spawnSync('jq', ['--version']).status === 0;
const cases = examples();

describe('README examples', () => {
  // A folder as the analyst's: the fixtures beside, jobfx on the PATH.
  const dir = mkdtempSync(join(tmpdir(), 'jobfx-readme-'));
  symlinkSync(resolve('fixtures'), join(dir, 'fixtures'));
  const binDir = join(dir, '.bin');
  spawnSync('mkdir', ['-p', binDir, join(dir, 'bin')]);
  writeFileSync(join(binDir, 'jobfx'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(binDir, 'jobfx'), 0o755);
  symlinkSync(BIN, join(dir, 'bin', 'jobfx.js'));

  it('are found (so a pass means something)', () => {
    expect(cases.length).toBeGreaterThan(40);
    for (const c of [
      'keyfigures',
      'exits',
      'repeats',
      'yoy',
      'flow',
      'compare',
      'providers',
      'progression',
      'inspect',
    ])
      expect(cases.some((x) => x.includes(`jobfx ${c} `))).toBe(true);
  });

  it.each(cases)(
    '%s',
    (command) => {
      // Without jq (a fresh machine), the json is still produced and parsed.
      const line = hasJq
        ? command
        : command.replace(/\|\s*jq .*$/, '| node -e "JSON.parse(require(\'fs\').readFileSync(0))"');
      const r = spawnSync('bash', ['-o', 'pipefail', '-c', line.replace(/^npx jobfx /, 'jobfx ')], {
        cwd: dir,
        env: { PATH: `${binDir}:${process.env.PATH ?? ''}`, NO_COLOR: '1', HOME: dir },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(r.status, `${line}\n${r.stderr}`).toBe(0);
    },
    180_000,
  );
});
