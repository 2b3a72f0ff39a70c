/**
 * The order of the rows never changes a figure (docs/definitions.md#tie-breaks): every command
 * on the demo export and on seeded shuffles of it (header first) gives the same bytes on stdout,
 * in json and md. Side files with row references (--list, --rejects) legitimately change their
 * "line N" columns: they are compared as sets of rows without those columns.
 *
 * fixtures/ties/same-day.csv holds same-day ties worked out by hand from the rule; both orders of
 * its rows must give those figures.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

const DEMO = resolve('fixtures/demo/demo-export.csv');
const TIES = resolve('fixtures/ties/same-day.csv');
const ENV = { JOBFX_PSEUDONYM_KEY: 'row-order-test-key-0123456789' };
const ROOT = join(tmpdir(), `jobfx-row-order-${process.pid}`);
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

/** A small seeded generator (mulberry32): the same shuffle on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The lines of a CSV file (header first), with its BOM and line ending. */
function csvLines(file: string): { bom: string; header: string; rows: string[]; eol: string } {
  const text = readFileSync(file, 'utf8');
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.slice(bom.length).split(eol);
  if (lines[lines.length - 1] === '') lines.pop();
  return { bom, header: lines[0]!, rows: lines.slice(1), eol };
}

/** A copy of `file` in its own folder (same file name: the tables name their source) with the rows reordered. */
function reordered(file: string, name: string, order: (rows: string[]) => string[]): string {
  const { bom, header, rows, eol } = csvLines(file);
  const dir = join(ROOT, name);
  mkdirSync(dir, { recursive: true });
  const out = join(dir, file.split('/').pop()!);
  writeFileSync(out, bom + [header, ...order([...rows])].join(eol) + eol);
  return out;
}

function shuffle(seed: number) {
  return (rows: string[]): string[] => {
    const rnd = random(seed);
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    return rows;
  };
}

/** A CSV side file as a sorted list of rows without the columns named in `drop`. */
function rowSet(file: string, drop: string[]): string[] {
  const { header, rows } = csvLines(file);
  const cols = header.split(',');
  const keep = cols.map((c, k) => (drop.includes(c) ? -1 : k)).filter((k) => k >= 0);
  const pick = (line: string) => {
    const cells = line.split(',');
    return keep.map((k) => cells[k]).join(',');
  };
  return [pick(header), ...rows.map(pick).sort()];
}

const COMMANDS: {
  name: string;
  args: string[];
  formats?: string[];
  side?: { flag: string; drop: string[] };
}[] = [
  {
    name: 'inspect',
    args: ['inspect'],
    formats: ['json', 'terminal'],
    side: { flag: '--rejects', drop: ['line', 'row', 'ref'] },
  },
  { name: 'keyfigures', args: ['keyfigures', '--period', '2025H1'] },
  { name: 'keyfigures-2024', args: ['keyfigures', '--period', '2024', '--window', '6m'] },
  { name: 'keyfigures-by-unit', args: ['keyfigures', '--period', '2025H1', '--by', 'unit'] },
  { name: 'exits', args: ['exits'] },
  { name: 'exits-grouped', args: ['exits', '--period', '2024', '--grouped', '--by', 'unit'] },
  {
    name: 'repeats-list',
    args: ['repeats', '--period', '2025H1'],
    side: { flag: '--list', drop: ['tidligere_række', 'række'] },
  },
  { name: 'repeats-365d', args: ['repeats', '--period', '2024', '--window', '365d'] },
  { name: 'yoy', args: ['yoy'] },
  { name: 'yoy-persons', args: ['yoy', '--rows', 'targetGroup', '--measure', 'persons'] },
  {
    name: 'compare',
    args: [
      'compare',
      '--outcome',
      'exitGroup=job',
      '--within',
      '12m',
      '--outcome',
      'followUp6=job,education',
      '--numeric',
      'duration',
      '--balance',
      '--weekly',
      '12',
    ],
  },
  {
    // By course: the cluster-robust intervals sum over persons.
    name: 'compare-course',
    args: [
      'compare',
      '--unit',
      'course',
      '--outcome',
      'job within 12m',
      '--numeric',
      'duration',
      '--by',
      'gender',
    ],
  },
];

describe('row order never changes a figure: the demo export shuffled', () => {
  const copies = [
    reordered(DEMO, 'seed-1', shuffle(1)),
    reordered(DEMO, 'seed-2', shuffle(20251129)),
    reordered(DEMO, 'reversed', (rows) => rows.reverse()),
  ];
  const original = reordered(DEMO, 'original', (rows) => rows);
  for (const c of COMMANDS)
    for (const format of c.formats ?? ['json', 'md'])
      it(`${c.name} --format ${format}`, () => {
        // Run in the copy's folder on its bare name: inspect names the file it read.
        const runOn = (file: string) => {
          const side = c.side ? `${c.name}.${format}.side.csv` : undefined;
          const [command, ...rest] = c.args;
          const args = [command!, basename(file), ...rest, '--format', format];
          if (side) args.push(c.side!.flag, side);
          const r = jobfx(args, { env: ENV, cwd: dirname(file) });
          expect(r.code, r.stderr).toBe(0);
          const sideRows = side && c.side ? rowSet(join(dirname(file), side), c.side.drop) : undefined;
          return { stdout: r.stdout, side: sideRows };
        };
        const want = runOn(original);
        expect(want.stdout.length).toBeGreaterThan(100);
        if (c.side?.flag === '--list') expect(want.side!.length).toBeGreaterThan(3);
        for (const copy of copies) {
          const got = runOn(copy);
          expect(got.stdout).toBe(want.stdout);
          expect(got.side).toEqual(want.side);
        }
      });
});

interface JsonTable {
  id: string;
  rows: { cells: unknown[] }[];
}
const tablesOf = (stdout: string) =>
  new Map((JSON.parse(stdout).tables as JsonTable[]).map((t) => [t.id, t.rows.map((r) => r.cells)]));

describe('same-day ties worked out by hand (fixtures/ties/same-day.csv)', () => {
  const orders = [
    ['as written', reordered(TIES, 'ties-written', (rows) => rows)],
    ['reversed', reordered(TIES, 'ties-reversed', (rows) => rows.reverse())],
  ] as const;
  for (const [name, file] of orders) {
    it(`keyfigures: each person by the course that ends later, then vocabulary order (${name})`, () => {
      const r = jobfx(['keyfigures', file, '--period', '2025H1', '--format', 'json'], { env: ENV });
      expect(r.code, r.stderr).toBe(0);
      const t = tablesOf(r.stdout);
      // A: a2 (ongoing) beats a1 → Forsikret ledig. B: c2 and b2 equal dates; Jobparat comes
      // first in the vocabulary → Jobparat. C: same start and end, same target group; the
      // education decides: Grundskole before Erhvervsfaglig.
      const mix = t.get('keyfigures.mix.targetGroup')!.map((cells) => [cells[0], cells[1]]);
      expect(mix).toEqual([
        ['Jobparat kontanthjælpsmodtager', 1],
        ['Forsikret ledig', 2],
        ['I alt', 3],
      ]);
      const edu = t.get('keyfigures.mix.education')!.map((cells) => [cells[0], cells[1]]);
      expect(edu).toEqual([
        ['Grundskole', 1],
        ['Gymnasial', 1],
        ['Uoplyst', 1],
        ['I alt', 3],
      ]);
    });

    it(`repeats: the course that counts and the earlier course by the rule (${name})`, () => {
      const r = jobfx(['repeats', file, '--period', '2025H1', '--format', 'json'], { env: ENV });
      expect(r.code, r.stderr).toBe(0);
      const t = tablesOf(r.stdout);
      // Started: A, B, C (3 persons); returns: A (from a0, ended 2024-12-31, Ordinært job) and B
      // (earlier b0a, b0b both end 2024-11-30: b0b started later → Afbrudt, dropout).
      expect(t.get('repeats.total')!.map((cells) => cells[1])).toEqual([3, 2]);
      // A counts with a2 (ongoing, Forsikret ledig), B with b2 (Jobparat, vocabulary first).
      const byTarget = t.get('repeats.targetGroup')!.map((cells) => cells.slice(0, 3));
      expect(byTarget).toEqual([
        ['Jobparat kontanthjælpsmodtager', 1, 1],
        ['Forsikret ledig', 2, 1],
        ['I alt', 3, 2],
      ]);
      const byGroup = new Map(t.get('repeats.previousExitGroup')!.map((cells) => [cells[0], cells[1]]));
      expect(byGroup.get('Job')).toBe(1);
      expect(byGroup.get('Afbrudt / ikke gennemført')).toBe(1);
      expect(byGroup.get('Anden forsørgelse')).toBe(0);
    });
  }
});
