/**
 * The directory of jobfx's package.json, found upward from this module, so that the same code
 * finds it from src/ (tests), dist/ (tsc's output) and dist/bundle/ (the bundle bin/ runs).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root !== undefined) return root;
  const here = fileURLToPath(import.meta.url);
  for (let dir = dirname(here); ;) {
    if (existsSync(join(dir, 'package.json'))) return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${here}; reinstall jobfx`);
    dir = up;
  }
}
