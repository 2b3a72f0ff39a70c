/**
 * Issue #14, "Destroys data": jobfx never writes over a file it reads, and `jobfx run` replaces
 * only an empty folder or a pack it wrote. Each case runs the built binary in a temporary folder
 * and compares a hash of every file, folder and link (two levels up included) before and after.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

const DEMO = resolve('fixtures/demo/demo-export.xlsx');
const QUIRKS = resolve('fixtures/csv/quirks.csv');

/** root/a/b/w: the export, the report, a config, unrelated files, links to the export. */
function setUp(): { root: string; w: string } {
  const root = mkdtempSync(join(tmpdir(), 'jobfx-safety-'));
  const w = join(root, 'a', 'b', 'w');
  mkdirSync(join(w, 'other'), { recursive: true });
  writeFileSync(join(root, 'a', 'precious.txt'), 'two levels up\n');
  writeFileSync(join(root, 'a', 'b', 'neighbour.txt'), 'one level up\n');
  copyFileSync(DEMO, join(w, 'export.xlsx'));
  copyFileSync(QUIRKS, join(w, 'x.csv'));
  writeFileSync(join(w, 'notes.txt'), 'unrelated\n');
  writeFileSync(join(w, 'other', 'keep.txt'), 'unrelated\n');
  writeFileSync(join(w, 'jobfx.config.json'), '{}\n');
  writeFileSync(join(w, 'followup.csv'), 'CPR-nr.;Dato;Status\n');
  symlinkSync('export.xlsx', join(w, 'alias.xlsx'));
  symlinkSync('x.csv', join(w, 'alias.csv'));
  linkSync(join(w, 'x.csv'), join(w, 'hard.csv'));
  symlinkSync(w, join(w, 'here'));
  const report = {
    title: 'Test',
    input: 'export.xlsx',
    period: '2025H1',
    out: 'pack',
    tables: [{ command: 'keyfigures', options: {} }],
  };
  writeFileSync(join(w, 'jobfx.report.json'), JSON.stringify(report));
  return { root, w };
}

/** path → hash of kind and content, for everything under dir (links not followed). */
function snapshot(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = lstatSync(p);
    const h = createHash('sha256');
    if (st.isSymbolicLink()) h.update('link:' + readlinkSync(p));
    else if (st.isDirectory()) h.update('dir');
    else h.update('file:').update(readFileSync(p));
    out.set(p, h.digest('hex'));
    if (st.isDirectory()) snapshot(p, out);
  }
  return out;
}

function expectUntouched(before: Map<string, string>, after: Map<string, string>): void {
  const changed = [...before].filter(([p, h]) => after.get(p) !== h).map(([p]) => p);
  expect(changed).toEqual([]);
}

describe('jobfx run refuses an output folder it may not replace, and deletes nothing', () => {
  it.each([
    ['"out": "." (holds the export and the report)', '.', 2, /that folder holds the (export|report file)/],
    ['"out": ".."', '..', 2, /that folder holds the (export|report file)/],
    ['"out": "../.."', '../..', 2, /that folder holds/],
    ['--out the export', 'export.xlsx', 2, /that is the export/],
    ['--out a symlink to the export', 'alias.xlsx', 2, /that is the export/],
    ['--out a path inside the export', 'export.xlsx/pack', 2, /lies inside the export/],
    ['--out the report file', 'jobfx.report.json', 2, /that is the report file/],
    ['--out the config file', 'jobfx.config.json', 2, /that is the config file/],
    ['--out the folder through a symlink', 'here', 2, /that folder holds/],
    [
      '--out a folder of unrelated files',
      'other',
      4,
      /holds 1 file\(s\) that are not part of a jobfx memo pack \(keep\.txt\)/,
    ],
    ['--out an unrelated file', 'notes.txt', 4, /is a file, not a folder jobfx wrote/],
  ])('%s', (_what, out, code, message) => {
    const { root, w } = setUp();
    const before = snapshot(root);
    const r = jobfx(['run', 'jobfx.report.json', '--quiet', '--out', out], { cwd: w });
    expect(r.code, r.stderr).toBe(code);
    expect(r.stderr).toMatch(/^jobfx: error: /m);
    expect(r.stderr).toMatch(message);
    expectUntouched(before, snapshot(root));
  });

  it('--dry-run tells the same, writing nothing', () => {
    const { root, w } = setUp();
    const before = snapshot(root);
    const r = jobfx(['run', 'jobfx.report.json', '--quiet', '--dry-run', '--out', 'other'], { cwd: w });
    expect(r.code, r.stderr).toBe(4);
    expect(r.stderr).toMatch(/not part of a jobfx memo pack \(keep\.txt\)/);
    expect(snapshot(root)).toEqual(before);
  });

  it('the same refusals for "out" in the report file', () => {
    const { root, w } = setUp();
    const report = JSON.parse(readFileSync(join(w, 'jobfx.report.json'), 'utf8'));
    writeFileSync(join(w, 'jobfx.report.json'), JSON.stringify({ ...report, out: '.' }));
    const before = snapshot(root);
    const r = jobfx(['run', 'jobfx.report.json', '--quiet'], { cwd: w });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/jobfx\.report\.json: "out" .*: that folder holds/);
    expectUntouched(before, snapshot(root));
  });

  it(
    'writes into an empty folder, then replaces its own pack, and refuses it once a foreign file is added',
    { timeout: 120_000 },
    () => {
      const { root, w } = setUp();
      mkdirSync(join(w, 'empty'));
      const first = jobfx(['run', 'jobfx.report.json', '--quiet', '--out', 'empty'], { cwd: w });
      expect(first.code, first.stderr).toBe(0);
      const manifest = JSON.parse(readFileSync(join(w, 'empty', 'manifest.json'), 'utf8'));
      expect(manifest.generator).toBe('jobfx');
      const again = jobfx(['run', 'jobfx.report.json', '--quiet', '--out', 'empty'], { cwd: w });
      expect(again.code, again.stderr).toBe(0);
      writeFileSync(join(w, 'empty', 'mine.txt'), 'my own notes\n');
      const before = snapshot(root);
      const r = jobfx(['run', 'jobfx.report.json', '--quiet', '--out', 'empty'], { cwd: w });
      expect(r.code, r.stderr).toBe(4);
      expect(r.stderr).toMatch(/\(mine\.txt\); jobfx replaces only an empty folder or a pack it wrote/);
      expectUntouched(before, snapshot(root));
    },
  );

  it('a manifest.json that jobfx did not write does not make a folder replaceable', () => {
    const { root, w } = setUp();
    mkdirSync(join(w, 'fake'));
    writeFileSync(join(w, 'fake', 'manifest.json'), '{"files": ["manifest.json"]}');
    const before = snapshot(root);
    const r = jobfx(['run', 'jobfx.report.json', '--quiet', '--out', 'fake'], { cwd: w });
    expect(r.code, r.stderr).toBe(4);
    expectUntouched(before, snapshot(root));
  });
});

describe('single commands never write over a file they read', () => {
  it.each([
    ['inspect --rejects the export', ['inspect', 'x.csv', '--rejects', 'x.csv'], '--rejects'],
    [
      'inspect --rejects the export, spelled another way',
      ['inspect', 'x.csv', '--rejects', 'other/../x.csv'],
      '--rejects',
    ],
    [
      'inspect --rejects a symlink to the export',
      ['inspect', 'x.csv', '--rejects', 'alias.csv'],
      '--rejects',
    ],
    [
      'inspect --rejects a hard link to the export',
      ['inspect', 'x.csv', '--rejects', 'hard.csv'],
      '--rejects',
    ],
    [
      'inspect --out the export through a linked folder',
      ['inspect', 'x.csv', '--out', 'here/x.csv'],
      '--out',
    ],
    [
      'keyfigures --out the export',
      ['keyfigures', 'x.csv', '--period', '2024', '--out', 'x.csv', '--format', 'md'],
      '--out',
    ],
    [
      'keyfigures --out the config',
      ['keyfigures', 'x.csv', '--period', '2024', '--out', 'jobfx.config.json', '--format', 'md'],
      '--out',
    ],
    [
      'keyfigures --rejects the follow-up file',
      ['keyfigures', 'x.csv', '--period', '2024', '--followup', 'followup.csv', '--rejects', 'followup.csv'],
      '--rejects',
    ],
    ['repeats --list the export', ['repeats', 'x.csv', '--period', '2024', '--list', 'x.csv'], '--list'],
    ['yoy --chart a symlink to the export', ['yoy', 'x.csv', '--chart', 'x-link.svg'], '--chart'],
  ])('%s: exit 2, nothing changed', (_what, args, option) => {
    const { root, w } = setUp();
    symlinkSync('x.csv', join(w, 'x-link.svg'));
    const before = snapshot(root);
    const r = jobfx(args, { cwd: w });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`^jobfx: error: ${option} .*: that is the (export|config file|follow-up file) `, 'm'),
    );
    expect(r.stderr).toMatch(/jobfx never writes over a file it reads/);
    expectUntouched(before, snapshot(root));
  });

  it('two outputs that are one file: refused, nothing written', () => {
    const { root, w } = setUp();
    const before = snapshot(root);
    const r = jobfx(['keyfigures', 'x.csv', '--period', '2024', '--out', 'o.csv', '--rejects', './o.csv'], {
      cwd: w,
    });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/--rejects \.\/o\.csv: --out writes the same file/);
    expect(snapshot(root)).toEqual(before);
  });
});
