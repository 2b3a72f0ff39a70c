/**
 * `jobfx keyfigures` on fixtures/keyfigures/edges.csv (period 2025H1) in every format, compared
 * byte for byte with fixtures/golden/keyfigures/. The figures in them are the hand-computed ones of
 * test/analyses/keyfigures.test.ts. To rewrite the goldens after an intended change:
 * UPDATE_GOLDEN=1 npx vitest run test/e2e/keyfigures-golden.test.ts — then read the diff by eye;
 * a golden is only right if it is right by hand.
 *
 * The xlsx output is checked as a Danish LibreOffice Calc shows it (first sheet as CSV, cells as
 * shown), and the html output is rendered in headless Chromium.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  chromiumScreenshot,
  freshDir,
  libreofficeFirstSheetCsv,
  skipTool,
  SOFFICE,
} from '../render/tools.js';
import { jobfx } from './run.js';

const EDGES = resolve('fixtures/keyfigures/edges.csv');
const DIR = resolve('fixtures/golden/keyfigures');
const BASE = ['keyfigures', EDGES, '--period', '2025H1'];

/** Compare with the golden file, or write it under UPDATE_GOLDEN=1. */
function expectGolden(name: string, actual: Buffer): void {
  const file = join(DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `${file} is missing; run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  const expected = readFileSync(file);
  // As text first for a readable diff, then as bytes (BOM, CRLF).
  expect(actual.toString('utf8')).toBe(expected.toString('utf8'));
  expect(actual.equals(expected)).toBe(true);
}

const cases: [string, string[]][] = [
  ['edges.txt', ['--format', 'terminal']],
  ['edges.md', ['--format', 'md', '--suppress', '0']],
  ['edges.suppressed.md', ['--format', 'md']],
  ['edges.csv', ['--format', 'csv']],
  ['edges.excel.csv', ['--format', 'csv', '--excel-csv']],
  ['edges.json', ['--format', 'json']],
  ['edges.html', ['--format', 'html']],
  ['edges.by-unit.md', ['--format', 'md', '--by', 'unit', '--suppress', '0']],
  ['edges.en.md', ['--format', 'md', '--lang', 'en', '--suppress', '0']],
];

describe('jobfx keyfigures edges.csv --period 2025H1: golden files', () => {
  it.each(cases)('%s', (name, args) => {
    const r = jobfx([...BASE, ...args]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('14 rows read = 14 accepted + 0 rejected');
    expectGolden(name, Buffer.from(r.stdout, 'utf8'));
  });
});

describe.skipIf(skipTool(SOFFICE))('the xlsx output in LibreOffice Calc', () => {
  const dir = freshDir('jobfx-kf-soffice-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the first sheet as in edges.xlsx.sheet1.csv', { timeout: 120_000 }, () => {
    const xlsx = join(dir, 'edges.xlsx');
    const r = jobfx([...BASE, '--out', xlsx]);
    expect(r.code, r.stderr).toBe(0);
    const text = libreofficeFirstSheetCsv(xlsx);
    expectGolden('edges.xlsx.sheet1.csv', Buffer.from(text, 'utf8'));
  });
});

/** Width, height and the share of pixel rows that hold something darker than light grey. */
function inkedRows(png: Buffer): { width: number; height: number; inked: number } {
  expect(png.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))).toBe(true);
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8], 'bit depth').toBe(8);
      expect(data[12], 'interlace').toBe(0);
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[data[9]!]!;
      expect(channels, `colour type ${data[9]}`).toBeDefined();
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  let prev = Buffer.alloc(stride);
  let inked = 0;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels]! : 0;
      const b = prev[i]!;
      const c = i >= channels ? prev[i - channels]! : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const add = [0, a, b, (a + b) >> 1, paeth][filter]!;
      line[i] = (line[i]! + add) & 0xff;
    }
    let dark = false;
    for (let x = 0; x < width && !dark; x++) {
      const px = x * channels;
      if (Math.min(line[px]!, line[px + (channels >= 3 ? 1 : 0)]!, line[px + (channels >= 3 ? 2 : 0)]!) < 128)
        dark = true;
    }
    if (dark) inked++;
    prev = line;
  }
  return { width, height, inked: inked / height };
}

describe.skipIf(skipTool(CHROMIUM))('the html output in Chromium', () => {
  const dir = freshDir('jobfx-kf-chromium-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders edges.html to a screenshot with text on it', { timeout: 120_000 }, () => {
    const page = join(dir, 'edges.html');
    const r = jobfx([...BASE, '--out', page]);
    expect(r.code, r.stderr).toBe(0);
    const png = join(dir, 'edges.png');
    chromiumScreenshot(page, png, '1000,2400');
    expect(existsSync(png)).toBe(true);
    // A blank page of this size is about 12 KB.
    expect(statSync(png).size).toBeGreaterThan(50 * 1024);
    const { width, height, inked } = inkedRows(readFileSync(png));
    expect([width, height]).toEqual([1000, 2400]);
    // Tables and notes fill the whole window: about half the pixel rows hold text or a border.
    expect(inked).toBeGreaterThan(0.3);
    // To look at it: JOBFX_KEEP_SCREENSHOT=/some/file.png npx vitest run test/e2e/keyfigures-golden.test.ts
    if (process.env.JOBFX_KEEP_SCREENSHOT)
      writeFileSync(process.env.JOBFX_KEEP_SCREENSHOT, readFileSync(png));
  });
});
