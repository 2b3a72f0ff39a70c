/** Runs the built binary as a user would: a real process, its stdout, stderr and exit code. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const BIN = resolve('bin/jobfx.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function jobfx(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? process.cwd(),
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The demo export (CSV) written to `file` as an export that differs a little: columns whose
 * header `drop` accepts left out, and the header line passed through `header`.
 */
export function demoVariant(
  file: string,
  o: { drop?: (header: string) => boolean; header?: (line: string) => string },
): string {
  const lines = readFileSync('fixtures/demo/demo-export.csv', 'utf8').split('\n');
  const cols = lines[0]!.split(';');
  const keep = cols.map((c) => !(o.drop?.(c.replace(/^\uFEFF/, '')) ?? false));
  const out = lines.map((l, n) => {
    const cells = l
      .split(';')
      .filter((_, i) => keep[i])
      .join(';');
    return n === 0 && o.header ? o.header(cells) : cells;
  });
  writeFileSync(file, out.join('\n'));
  return file;
}
