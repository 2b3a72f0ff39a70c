/**
 * The fast xlsx reader against exceljs: on every xlsx fixture and on generated workbooks with
 * what exports hold (shared and rich strings, entities, line breaks, dates in many formats,
 * times, the 1904 system, merged ranges, styled empty cells, several sheets), the same RawTable,
 * or a decline (formulas, hyperlinks, booleans ...) that sends the file to exceljs. Also the
 * limits that keep a hostile workbook from exhausting memory.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReadOptions } from '../../src/io/raw.js';
import { readXlsx } from '../../src/io/read-xlsx.js';
import { headerScore } from '../../src/schema/columns.js';
import { minimalParts, pick, rng, zip } from '../../scripts/lib/testdata.mjs';

const dir = mkdtempSync(join(tmpdir(), 'jobfx-fastxlsx-'));

async function outcome(file: string, reader: 'fast' | 'exceljs', opts: Partial<ReadOptions> = {}) {
  try {
    const t = await readXlsx(file, { headerScore, ...opts }, reader);
    // Which reader read it is the one thing allowed to differ.
    t.info.notes = t.info.notes.filter((n) => n.kind !== 'slow-reader');
    return JSON.stringify(t);
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

/** Both readers: the fast one declines, or gives exactly exceljs's answer. Returns whether it took the file. */
async function same(file: string, opts: Partial<ReadOptions> = {}): Promise<boolean> {
  const fast = await outcome(file, 'fast', opts);
  if (fast === 'error: fast reader declined') return false;
  expect(fast, file).toBe(await outcome(file, 'exceljs', opts));
  return true;
}

describe('fast xlsx reader = exceljs', () => {
  const fixtures = ['fixtures/xlsx', 'fixtures/demo', 'fixtures/big']
    .flatMap((d) => readdirSync(d).map((f) => join(d, f)))
    .filter((f) => f.endsWith('.xlsx'));

  it.each(fixtures)('%s', async (file) => {
    await same(file);
    await same(file, { sheet: '2' });
    await same(file, { headerRow: 4 });
  });

  it('takes the demo export and the LibreOffice one', async () => {
    expect(await same('fixtures/demo/demo-export.xlsx')).toBe(true);
    expect(await same('fixtures/big/lo-1000.xlsx')).toBe(true);
    expect(await same('fixtures/xlsx/title-rows.xlsx')).toBe(true);
  });

  it('agrees on generated workbooks (seeded)', async () => {
    let taken = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const file = join(dir, `gen-${seed}.xlsx`);
      await writeWorkbook(seed, file);
      if (await same(file)) taken++;
      if (seed % 4 === 0) await same(file, { sheet: 'Ark2' });
    }
    expect(taken).toBeGreaterThan(20);
  });

  it('declines formulas and hyperlinks', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ark1');
    ws.addRow(['CPR-nr.', 'Startdato']);
    ws.addRow(['150385-1235', { formula: 'DATE(2024,1,1)', result: new Date(Date.UTC(2024, 0, 1)) }]);
    ws.getCell('B2').numFmt = 'dd-mm-yyyy';
    const file = join(dir, 'formula.xlsx');
    await wb.xlsx.writeFile(file);
    expect(await same(file)).toBe(false);
    expect(await outcome(file, 'fast')).toBe('error: fast reader declined');
  });
});

describe('limits', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('refuses a zip bomb before inflating it, also when the zip lies about the size', async () => {
    const content = Buffer.alloc(30e6, 0x20);
    const honest = join(dir, 'bomb-honest.xlsx');
    writeFileSync(honest, zip([...minimalParts(), ['xl/worksheets/sheet1.xml', content]]));
    const lying = join(dir, 'bomb-lying.xlsx');
    writeFileSync(lying, zip([...minimalParts(), ['xl/worksheets/sheet1.xml', content, 100]]));
    process.env.JOBFX_XLSX_MAX_MB = '10';
    await expect(readXlsx(honest, { headerScore })).rejects.toMatchObject({
      kind: 'input',
      message: expect.stringMatching(/unpacks to more than 10 MB.*JOBFX_XLSX_MAX_MB/),
    });
    // The lie is caught at byte 101, not at the limit.
    await expect(readXlsx(lying, { headerScore })).rejects.toMatchObject({
      kind: 'input',
      message: expect.stringMatching(
        /zip entry xl\/worksheets\/sheet1\.xml: it unpacks to more than the 100 bytes/,
      ),
    });
  });

  it('refuses a sheet with more rows than the limit', async () => {
    const file = join(dir, 'rows.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ark1');
    ws.addRow(['CPR-nr.', 'Startdato']);
    for (let i = 0; i < 50; i++) ws.addRow(['150385-1235', `0${(i % 9) + 1}-01-2024`]);
    await wb.xlsx.writeFile(file);
    process.env.JOBFX_XLSX_MAX_ROWS = '20';
    await expect(readXlsx(file, { headerScore })).rejects.toMatchObject({
      kind: 'input',
      message: expect.stringMatching(/more than 20 rows \(51\).*JOBFX_XLSX_MAX_ROWS/),
    });
    process.env.JOBFX_XLSX_MAX_ROWS = '100';
    expect((await readXlsx(file, { headerScore })).rows).toHaveLength(50);
  });
});

// ---------------------------------------------------------------------------------------------

const FORMATS = [
  'dd-mm-yyyy',
  'yyyy-mm-dd',
  'd. mmmm yyyy',
  '[$-406]d/m/yy',
  'h:mm',
  'dd-mm-yyyy hh:mm',
  '0.00',
  '@',
  'General',
];
const TEXTS = [
  'Ordinært job',
  'A & B <c>',
  'linje 1\r\nlinje 2',
  ' mellemrum ',
  '',
  'I alt',
  'æøå',
  '_x000D_',
  '"citat"',
];

async function writeWorkbook(seed: number, file: string): Promise<void> {
  const r = rng(seed);
  const wb = new ExcelJS.Workbook();
  if (r() < 0.25) wb.properties.date1904 = true;
  const ws = wb.addWorksheet('Ark1');
  if (r() < 0.5) {
    ws.addRow(['Udtræk fra Momentum']);
    ws.mergeCells('A1:E1');
    ws.addRow([]);
  }
  ws.addRow(['CPR-nr.', 'Startdato', 'Slutdato', 'Afslutningsårsag', 'Målgruppe', 'Timer']);
  const rows = 5 + Math.floor(r() * 40);
  for (let i = 0; i < rows; i++) {
    const day = new Date(
      Date.UTC(2020 + Math.floor(r() * 6), Math.floor(r() * 12), 1 + Math.floor(r() * 28)),
    );
    const cells: unknown[] = [
      pick(r, ['150385-1235', 1503851235, '0207922348', 708990007, '', 'x']),
      r() < 0.8 ? day : pick(r, ['15-01-2024', 45123, 45123.75, '']),
      r() < 0.5 ? null : day,
      r() < 0.1
        ? { richText: [{ text: 'Ordinært ' }, { font: { bold: true }, text: 'job' }] }
        : pick(r, TEXTS),
      pick(r, TEXTS),
      r() < 0.5 ? r() * 40 : null,
    ];
    const row = ws.addRow(cells);
    for (const c of [2, 3, 6]) if (r() < 0.7) row.getCell(c).numFmt = pick(r, FORMATS);
    if (r() < 0.1) row.getCell(7).numFmt = 'dd-mm-yyyy';
  }
  const at = 4 + Math.floor(r() * (rows - 4));
  if (r() < 0.3) ws.mergeCells(`D${at}:E${at + 1}`);
  // A vertical range in one column: its top row counts as merged only when the top cell has a value.
  else if (r() < 0.5) ws.mergeCells(`F${at}:F${at + 2}`);
  if (r() < 0.2) ws.addRow(['I alt', rows]);
  if (r() < 0.25) {
    const ws2 = wb.addWorksheet('Ark2');
    ws2.addRow(['CPR-nr.', 'Startdato']);
    ws2.addRow(['150385-1235', new Date(Date.UTC(2024, 0, 15))]);
  }
  await wb.xlsx.writeFile(file);
}
