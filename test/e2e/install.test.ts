/**
 * The README's install on a fresh machine: `npm ci` builds (package.json's prepare), and the
 * quick start runs as `npx jobfx …` from the clone, with the row accounting on stderr. (npm ci
 * itself is what .ci/run does on a clean clone; here the installed tree is used.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  scripts: Record<string, string>;
  bin: Record<string, string>;
};

/** The command lines of the first sh block of a README section (comments and blank lines left out). */
function commandsOf(section: string): string[] {
  const body = readme.split(`\n## ${section}\n`)[1]!.split('\n## ')[0]!;
  const block = /```sh\n([\s\S]*?)```/.exec(body)![1]!;
  return block
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

describe('install and quick start', () => {
  it('npm ci builds: a prepare script, and the bin the build makes runnable', () => {
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.bin.jobfx).toBe('bin/jobfx.js');
  });

  it('the README installs in two commands: clone + npm ci, then the quick start', () => {
    const [install, quick, ...rest] = commandsOf('Install');
    expect(rest).toEqual([]);
    expect(install).toMatch(/^git clone .* && cd jobfx && npm ci$/);
    expect(quick).toBe('npx jobfx keyfigures fixtures/demo/demo-export.xlsx');
    expect(commandsOf('Quick start')[0]).toBe(quick);
  });

  it('every fixtures/ path the README names exists', () => {
    const paths = [...readme.matchAll(/\bfixtures\/[\w./-]+\.(?:csv|xlsx|json)\b/g)].map((m) => m[0]);
    expect(paths.length).toBeGreaterThan(5);
    for (const p of new Set(paths)) expect(existsSync(p), p).toBe(true);
  });

  it('npx jobfx runs the quick start from the clone, with the row accounting on stderr', () => {
    const r = spawnSync('npx', ['--no-install', 'jobfx', 'keyfigures', 'fixtures/demo/demo-export.xlsx'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Personer aktive i perioden');
    expect(r.stderr).toContain(
      'fixtures/demo/demo-export.xlsx: 421 rows read = 420 accepted + 0 rejected + 1 skipped (0 blank, 1 totals)',
    );
  });
});
