/**
 * The progress bar of long reads: drawn on a terminal only, only after a second, at most every
 * 100 ms, erased at the end; fed by every reader (fast CSV in bytes, csv-parse and xlsx in rows).
 * The bar of the real binary on a terminal and off it: test/e2e/progress-bar.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress-bar.js';
import type { ReadProgress } from '../../src/io/raw.js';
import { loadCourses } from '../../src/schema/load.js';

const ERASE = '\r\x1b[K';

function fakeBar(columns = 80) {
  let t = 0;
  const out: string[] = [];
  const bar = progressBar('/data/export.csv', { write: (s) => out.push(s), columns, now: () => t });
  return { bar, out, at: (ms: number) => (t = ms) };
}

describe('progressBar', () => {
  it('shows the file name with a CPR number redacted and no bidi control (issue #14)', () => {
    const out: string[] = [];
    const bar = progressBar('/data/150385 1239\u202e.csv', {
      write: (x) => out.push(x),
      columns: 80,
      now: () => 2000,
      afterMs: 0,
    });
    bar.update(1, 2);
    expect(out.join('')).toContain('[CPR]\ufffd.csv');
    expect(out.join('')).not.toContain('1239');
  });

  it('draws nothing for a read that ends within a second', () => {
    const { bar, out, at } = fakeBar();
    for (let ms = 0; ms < 1000; ms += 50) {
      at(ms);
      bar.update(ms, 1000);
    }
    bar.end();
    expect(out).toEqual([]);
  });

  it('then draws the share done, at most every 100 ms, and erases itself at the end', () => {
    const { bar, out, at } = fakeBar();
    at(1000);
    bar.update(250, 1000);
    at(1050);
    bar.update(500, 1000); // within 100 ms of the last drawing: skipped
    at(1100);
    bar.update(500, 1000);
    at(1300);
    bar.update(1000, 1000);
    bar.end();
    expect(out).toEqual([
      `${ERASE}jobfx: reading export.csv [######..................] 25%`,
      `${ERASE}jobfx: reading export.csv [############............] 50%`,
      `${ERASE}jobfx: reading export.csv [########################] 100%`,
      ERASE,
    ]);
  });

  it('fits a narrow terminal and survives odd totals', () => {
    const { bar, out, at } = fakeBar(20);
    at(5000);
    bar.update(5, 0);
    expect(out).toEqual([`${ERASE}jobfx: reading expo`]);
  });
});

describe('every reader tells its progress', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jobfx-progress-'));
  const lines = ['CPR-nr.;Startdato;Slutdato;Afslutningsårsag'];
  for (let i = 0; i < 9000; i++)
    lines.push(
      `${String((i % 28) + 1).padStart(2, '0')}0385-${String(1000 + (i % 8000)).padStart(4, '0')};0${(i % 9) + 1}-01-2024;;`,
    );

  async function updates(file: string): Promise<[number, number][]> {
    const seen: [number, number][] = [];
    let ended = 0;
    const progress = (): ReadProgress => ({ update: (d, t) => seen.push([d, t]), end: () => ended++ });
    await loadCourses(file, { progress });
    expect(ended).toBe(1);
    return seen;
  }

  it('the fast CSV path, in bytes of the file', async () => {
    const file = join(dir, 'plain.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    const seen = await updates(file);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every(([d, t]) => d >= 0 && d <= t)).toBe(true);
  });

  it('the general CSV path and the xlsx reader, in rows', async () => {
    const file = join(dir, 'quoted.csv');
    // A stray quote inside a field: the fast path leaves such a file to csv-parse.
    writeFileSync(file, lines.map((l, i) => (i === 1 ? l + 'a"b' : l)).join('\n') + '\n');
    const seen = await updates(file);
    expect(seen.map(([d]) => d)).toEqual([0, 4096, 8192]);
    expect(seen.every(([, t]) => t === 9000)).toBe(true);
    expect((await updates('fixtures/demo/demo-export.xlsx'))[0]).toEqual([0, expect.any(Number)]);
  });
});
