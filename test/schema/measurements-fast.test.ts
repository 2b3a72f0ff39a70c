/**
 * The fast path of a measurement CSV file (schema/measurements/fast-rows.ts) against the general
 * reader (rows.ts) on the same bytes: every kind of row, clean and not, must give the same
 * ledger, rejections (messages, refs, cells), measurements, courses and notes. The general run
 * materialises the rows before reading them (as any non-fast table is read). Which rows the fast
 * path takes, and the ledger, are worked by hand from the file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Measurements } from '../../src/schema/measurements/load.js';

const mode = vi.hoisted(() => ({ general: false, fastRows: 0 }));

vi.mock('../../src/io/read.js', async (original) => {
  const real = await original<typeof import('../../src/io/read.js')>();
  return {
    ...real,
    readTable: async (...a: Parameters<typeof real.readTable>) => {
      const t = await real.readTable(...a);
      // Replacing `rows` drops the fast path: the rows are then read as RawRows.
      if (mode.general) t.rows = [...t.rows];
      return t;
    },
  };
});

vi.mock('../../src/schema/measurements/fast-rows.js', async (original) => {
  const real = await original<typeof import('../../src/schema/measurements/fast-rows.js')>();
  return {
    ...real,
    fastRowReader: (...a: Parameters<typeof real.fastRowReader>) => {
      const read = real.fastRowReader(...a);
      return (r: Parameters<typeof read>[0]) => {
        const taken = read(r);
        if (taken) mode.fastRows++;
        return taken;
      };
    },
  };
});

const { loadMeasurements } = await import('../../src/schema/measurements/load.js');

const HEAD = 'CPR-nr.;Måling;Dato;Indikator;Score;Skala;Startdato;Slutdato;Tilbud;Værksted';
const LONG = [
  HEAD,
  '200498-0321;Baseline;05-01-2024;Kendskab til arbejdsmarkedet;2;1-5;01-01-2024;24-03-2024;Straks;Park', // 2 fast
  '200498-0321;Baseline;05-01-2024;Samarbejdsevner;3;1-5;01-01-2024;24-03-2024;Straks;Park', // 3 fast
  '200498-0321;Midtvejs;12-02-2024;Kendskab til arbejdsmarkedet;3;;01-01-2024;24-03-2024;Straks;Park', // 4 fast, no Skala
  '200498-0321;Slut;20-03-2024;Kendskab til arbejdsmarkedet;4;1-5;01-01-2024;24-03-2024;Straks;Rengøring', // 5 fast, another unit
  '200498-0321;Slut;20-03-2024;Samarbejdsevner;4;1-5;01-01-2024;24-03-2024;Straks;Park', // 6 fast
  '200498-0321;Slut;20-03-2024;Samarbejdsevner;4;1-5;01-01-2024;24-03-2024;Straks;Park', // 7 fast, then a duplicate
  '140178-3487;12-01-2024;;Hverdagsmestring;1;1-5;10-01-2024;;;', // 8 fast: Måling is the date
  '140178-3487;02-04-2024;03-04-2024;Hverdagsmestring;3,0;1-5;10-01-2024;;;', // 9 fast: Dato wins
  '140178-3487;;;Hverdagsmestring;2;1-5;10-01-2024;;;', // 10 neither measurement nor date
  '140178-3487;1;05-01-1969;Støtte fra netværk;2;1-10;01-01-1969;;;', // 11 fast, days before 1970
  ';1;05-01-2024;Hverdagsmestring;2;1-5;;;;', // 12 no person
  '123;1;05-01-2024;Hverdagsmestring;2;1-5;;;;', // 13 not a CPR number
  '200498-0321;1;31-02-2024;Hverdagsmestring;2;1-5;01-01-2024;;;', // 14 not a date
  '200498-0321;1;05-01-2024;Ukendt;2;1-5;01-01-2024;;;', // 15 unknown indicator
  '200498-0321;1;05-01-2024;Hverdagsmestring;-;1-5;01-01-2024;;;', // 16 score missing
  '200498-0321;1;05-01-2024;Hverdagsmestring;2;x;01-01-2024;;;', // 17 not a scale
  '200498-0321;1;05-01-2024;Hverdagsmestring;9;1-5;01-01-2024;;;', // 18 fast, outside its scale
  '200498-0321;Foo;05-01-2024;Hverdagsmestring;2;1-5;01-01-2024;;;', // 19 not a measurement
  ';;;;;;;;;', // 20 blank
  'I alt;;;;;;;;;', // 21 totals
  '200498-0321;3;20-03-2024;Støtte fra netværk;5;1-10;01-01-2024;24-03-2024;Straks;Park', // 22 fast
].join('\r\n');

const WIDE = [
  'CPR-nr.;Måling;Dato;Kendskab til arbejdsmarkedet;Samarbejdsevner;Hverdagsmestring',
  '200498-0321;1;05-01-2024;2;3;', // 2 fast, two scores
  '200498-0321;3;20-03-2024;3;;4', // 3 fast
  '140178-3487;1;12-01-2024;;;', // 4 no score
  '140178-3487;2;;x;2;1', // 5 not a number
  '140178-3487;3;20-03-2024;5;2;2', // 6 fast
].join('\n');

function csv(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'jobfx-fast-measurements-')), 'bip.csv');
  writeFileSync(file, text);
  return file;
}

/** Everything the loader gives, as plain data (typed arrays as arrays, up to their length). */
function plain(m: Measurements) {
  const ms = m.measurements;
  const cols = ['row', 'course', 'indicator', 'slot', 'day', 'score', 'min', 'max'] as const;
  return {
    ledger: m.ledger,
    notes: m.notes,
    courses: m.courses,
    measurements: Object.fromEntries(cols.map((c) => [c, Array.from(ms[c].subarray(0, ms.length))])),
  };
}

async function both(file: string) {
  mode.general = false;
  mode.fastRows = 0;
  const fast = await loadMeasurements(file);
  const fastRows = mode.fastRows;
  mode.general = true;
  mode.fastRows = 0;
  const general = await loadMeasurements(file);
  expect(mode.fastRows).toBe(0);
  return { fast, general, fastRows };
}

describe('measurement rows read from the bytes', () => {
  const key = process.env.JOBFX_PSEUDONYM_KEY;
  // One key for both runs, so that their pseudonyms compare.
  beforeAll(() => void (process.env.JOBFX_PSEUDONYM_KEY = 'fast-path-test'));
  afterAll(() => {
    if (key === undefined) delete process.env.JOBFX_PSEUDONYM_KEY;
    else process.env.JOBFX_PSEUDONYM_KEY = key;
  });

  it('long shape: the clean rows fast, every other row as the general reader reads it', async () => {
    const { fast, general, fastRows } = await both(csv(LONG));
    // Lines 2-9, 11, 18 and 22 are clean as read (18 and 7 are rejected after reading).
    expect(fastRows).toBe(11);
    expect(plain(fast)).toEqual(plain(general));
    const l = fast.ledger;
    expect(l.read).toBe(21);
    expect(l.skipped.map((s) => [s.ref, s.kind])).toEqual([
      ['line 20', 'blank'],
      ['line 21', 'totals'],
    ]);
    expect(l.rejected.map((r) => r.ref)).toEqual([
      'line 7',
      'line 10',
      'line 12',
      'line 13',
      'line 14',
      'line 15',
      'line 16',
      'line 17',
      'line 18',
      'line 19',
    ]);
    expect(l.accepted).toBe(9);
    // Line 8's day is its Måling (12-01-2024), line 9's its Dato (03-04-2024); line 11 is in 1969.
    const ms = fast.measurements;
    const dayOfRow = (row: number) => ms.day[Array.from(ms.row.subarray(0, ms.length)).indexOf(row)];
    const rowOfLine = (line: number) => line - 2;
    expect(dayOfRow(rowOfLine(8))).toBe(Date.UTC(2024, 0, 12) / 86_400_000);
    expect(dayOfRow(rowOfLine(9))).toBe(Date.UTC(2024, 3, 3) / 86_400_000);
    expect(dayOfRow(rowOfLine(11))).toBe(Date.UTC(1969, 0, 5) / 86_400_000);
    // No raw CPR number anywhere in what was read.
    expect(JSON.stringify(plain(fast))).not.toMatch(/200498|140178/);
  });

  it('wide shape: one measurement per filled indicator column, the same as the general reader', async () => {
    const { fast, general, fastRows } = await both(csv(WIDE));
    expect(fastRows).toBe(3);
    expect(plain(fast)).toEqual(plain(general));
    expect(fast.ledger.rejected.map((r) => r.ref)).toEqual(['line 4', 'line 5']);
    // Line 2: two scores; line 3: two; line 6: three.
    expect(fast.measurements.length).toBe(7);
  });
});
