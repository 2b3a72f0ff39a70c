// Hostile output paths for npm run fuzz (issue #14): an output that is, holds or lies inside an
// input, the config or the report file, a folder of unrelated files, '.', '..', symlinks and hard
// links to the export. Each case runs the real binary in a folder of its own, hashes every file,
// folder and link of that folder (and two levels above it, which '..' reaches) before and after,
// and fails when anything that existed before was removed or changed. New files (a pack in a new
// folder) are allowed; so are exit 0, 2 and 4 with one error line.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';

/** Output paths relative to the work folder (w), and what each is. */
const PACK_OUTS = [
  '.',
  '..',
  '../..',
  'export.xlsx',
  'export.xlsx/pack',
  'jobfx.report.json',
  'jobfx.config.json',
  'other',
  'other/..',
  'notes.txt',
  'alias.xlsx',
  'hard.xlsx',
  'link-to-work',
  'link-to-other',
  'link-to-work/pack', // a new folder: allowed
  'pack', // a new folder: allowed
  'empty', // an empty folder: allowed
];
const FILE_OUTS = [
  'export.csv',
  './export.csv',
  'other/../export.csv',
  'alias.csv',
  'hard.csv',
  'link-to-work/export.csv',
  'jobfx.config.json',
  'notes.txt', // not an input: may be replaced
  'new.csv', // allowed
];
const SIDE_OPTIONS = [
  (out) => ['inspect', 'export.csv', '--rejects', out],
  (out) => ['keyfigures', 'export.csv', '--period', '2024', '--rejects', out],
  (out) => ['keyfigures', 'export.csv', '--period', '2024', '--out', out, '--format', 'md'],
  (out) => ['repeats', 'export.csv', '--period', '2024', '--list', out],
  (out) => ['inspect', 'export.csv', '--out', out],
];

/** Sets up a case folder: root/a/b/w holds the inputs, neighbours and links. */
function setUp(root, fixtures) {
  const w = join(root, 'a', 'b', 'w');
  mkdirSync(join(w, 'other'), { recursive: true });
  mkdirSync(join(w, 'empty'));
  writeFileSync(join(root, 'a', 'precious.txt'), 'two levels up\n');
  writeFileSync(join(root, 'a', 'b', 'neighbour.txt'), 'one level up\n');
  copyFileSync(fixtures.xlsx, join(w, 'export.xlsx'));
  copyFileSync(fixtures.csv, join(w, 'export.csv'));
  writeFileSync(join(w, 'notes.txt'), 'unrelated\n');
  writeFileSync(join(w, 'other', 'keep.txt'), 'unrelated\n');
  writeFileSync(join(w, 'jobfx.config.json'), '{}\n');
  symlinkSync('export.xlsx', join(w, 'alias.xlsx'));
  symlinkSync('export.csv', join(w, 'alias.csv'));
  linkSync(join(w, 'export.xlsx'), join(w, 'hard.xlsx'));
  linkSync(join(w, 'export.csv'), join(w, 'hard.csv'));
  symlinkSync(w, join(w, 'link-to-work'));
  symlinkSync(join(w, 'other'), join(w, 'link-to-other'));
  const report = {
    title: 'Fuzz',
    input: 'export.xlsx',
    period: '2025H1',
    out: 'pack',
    tables: [{ command: 'keyfigures', options: {} }],
  };
  writeFileSync(join(w, 'jobfx.report.json'), JSON.stringify(report));
  return w;
}

/** Every entry under dir (not following links): path → hash of its kind and content. */
function snapshot(dir, out = new Map()) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = lstatSync(p);
    const h = createHash('sha256');
    if (st.isSymbolicLink()) h.update('link:' + readlinkSync(p));
    else if (st.isDirectory()) h.update('dir');
    else h.update('file:').update(readFileSync(p));
    out.set(p, h.digest('hex'));
    if (st.isDirectory() && !st.isSymbolicLink()) snapshot(p, out);
  }
  return out;
}

function spawnJobfx(binary, args, cwd, timeoutMs) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [binary, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', JOBFX_LOCK_WAIT: '5' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

/**
 * One hostile-path case: returns { kind, args, verdict } with verdict null when nothing that
 * existed before was removed or changed and the run ended with 0, 2 or 4 and at most one error.
 */
export async function hostilePathCase({ r, root, binary, fixtures, timeoutMs }) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const w = setUp(root, fixtures);
  let args;
  let kind;
  if (r() < 0.5) {
    const out = pick(PACK_OUTS);
    args = ['run', 'jobfx.report.json', '--quiet', '--out', out];
    kind = `hostile path: run --out ${out}`;
  } else {
    const out = pick(FILE_OUTS);
    args = pick(SIDE_OPTIONS)(out);
    kind = `hostile path: ${args[0]} ${args.slice(2).join(' ')}`;
  }
  const before = snapshot(root);
  const res = await spawnJobfx(binary, args, w, timeoutMs);
  const after = snapshot(root);
  const allowed = (p) => /(^|\/)notes\.txt$/.test(p) && args.includes('notes.txt') && args[0] !== 'run';
  const lost = [...before].filter(([p, h]) => after.get(p) !== h && !allowed(p)).map(([p]) => p);
  let verdict = null;
  if (lost.length > 0) verdict = `destroyed: ${lost.slice(0, 3).join(', ')}${lost.length > 3 ? ', ...' : ''}`;
  else if (![0, 1, 2, 4].includes(res.code)) verdict = `crash: exit ${res.code}`;
  else if (/^\s+at |unexpected error/m.test(res.stderr)) verdict = 'crash: stack trace or unexpected error';
  else if (res.stderr.split('\n').filter((l) => l.startsWith('jobfx: error: ')).length > 1)
    verdict = 'crash: more than one error line';
  return { kind, args, code: res.code, verdict, stderr: res.stderr };
}
