/**
 * globalSetup of the e2e project: the end-to-end tests run dist/bundle/main.js, so a bundle
 * older than the source would test yesterday's code and pass or fail for the wrong reason.
 * Fail at once, naming the newer file, instead (`npm test` and `npm run test:e2e` build first).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const BUNDLE = join(ROOT, 'dist/bundle/main.js');

/** The newest file under the given files and folders, by mtime. */
export function newest(paths: string[]): { file: string; mtimeMs: number } | null {
  let best: { file: string; mtimeMs: number } | null = null;
  const visit = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const f of readdirSync(p)) visit(join(p, f));
    else if (best === null || st.mtimeMs > best.mtimeMs) best = { file: p, mtimeMs: st.mtimeMs };
  };
  for (const p of paths) if (existsSync(p)) visit(p);
  return best;
}

/** Why the bundle cannot be trusted, or null when it is newer than every source file. */
export function staleBundle(root = ROOT): string | null {
  const bundle = join(root, 'dist/bundle/main.js');
  if (!existsSync(bundle)) return `${relative(root, bundle)} is missing: run npm run build`;
  const src = newest([join(root, 'src'), join(root, 'package.json')]);
  if (src !== null && src.mtimeMs > statSync(bundle).mtimeMs)
    return `dist/bundle is older than ${relative(root, src.file)}: run npm run build`;
  return null;
}

export default function setup(): void {
  const why = staleBundle();
  if (why !== null) throw new Error(why);
}
