// The runnable jobfx: tsc's output in dist/ bundled into dist/bundle/ (what bin/jobfx.js runs).
// One module per command instead of some sixty files: Node resolves, reads and links each ESM
// file on its own, which took about 30 ms of a 10k-row run. Modules the code imports lazily
// (renderers, the xlsx reader, other commands) stay separate chunks, loaded only when used.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const BUNDLED = ['commander', 'simple-statistics'];
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
  // Packages every run loads are bundled too (commander alone took 15 ms to load as CommonJS
  // through the ESM loader); the others are loaded lazily, by the commands and formats that use
  // them, from node_modules.
  external: Object.keys(pkg.dependencies).filter((name) => !BUNDLED.includes(name)),
  // commander is CommonJS and requires Node's modules; in an ES module that takes a require.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
});
