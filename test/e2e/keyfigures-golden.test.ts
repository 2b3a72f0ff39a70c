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
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  chromiumScreenshot,
  describeWithTool,
  expectInked,
  freshDir,
  libreofficeFirstSheetCsv,
  SOFFICE,
} from '../render/tools.js';
import { jobfx } from './run.js';

// Relative, as a user types it: the json names its input as given, the same on every machine.
const EDGES = 'fixtures/keyfigures/edges.csv';
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

describeWithTool(SOFFICE, 'the xlsx output in LibreOffice Calc', () => {
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

describeWithTool(CHROMIUM, 'the html output in Chromium', () => {
  const dir = freshDir('jobfx-kf-chromium-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders edges.html to a screenshot with text on it', { timeout: 120_000 }, () => {
    const page = join(dir, 'edges.html');
    const r = jobfx([...BASE, '--out', page]);
    expect(r.code, r.stderr).toBe(0);
    const png = join(dir, 'edges.png');
    chromiumScreenshot(page, png, '1000,2400');
    // Tables and notes fill the whole window: about half the pixel rows hold text or a border.
    expectInked(png, '1000,2400', 0.3);
  });
});
