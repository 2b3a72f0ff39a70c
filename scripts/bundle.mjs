// The runnable jobfx: tsc's output in dist/ bundled into dist/bundle/ (what bin/jobfx.js runs).
// One module per command instead of some sixty files: Node resolves, reads and links each ESM
// file on its own, which took about 30 ms of a 10k-row run. Modules the code imports lazily
// (renderers, the xlsx reader, other commands) stay separate chunks, loaded only when used;
// npm packages stay outside the bundle, loaded from node_modules as before.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'dist/main.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
