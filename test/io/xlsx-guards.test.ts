/**
 * The guards of the xlsx reader against damaged and hostile workbooks (issue #14), on workbooks
 * written here byte by byte with the zip writer of scripts/lib/testdata.mjs: CRC-32, encryption,
 * Zip64 and 65,535+ entries (read with the limits, never handed to exceljs unchecked), row and
 * cell numbers beyond Excel's grid, sparse rows, inline date cells (t="d") and the note that says
 * why a large workbook is read the slow way.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dayOf } from '../../src/base/dates.js';
import type { RawTable, ReadOptions } from '../../src/io/raw.js';
import { readXlsx } from '../../src/io/read-xlsx.js';
import { headerScore } from '../../src/schema/columns.js';
import { minimalParts, zip } from '../../scripts/lib/testdata.mjs';

const dir = mkdtempSync(join(tmpdir(), 'jobfx-xlsx-guards-'));
let n = 0;

const HEADER =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>CPR-nr.</t></is></c><c r="B1" t="inlineStr"><is><t>Startdato</t></is></c></row>';
const dataRow = (r: number, start: string) =>
  `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>150385-1235</t></is></c>${start}</row>`;
const sheetXml = (rows: string) =>
  Buffer.from(
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${HEADER}${rows}</sheetData></worksheet>`,
  );
const SHEET = 'xl/worksheets/sheet1.xml';

/** A workbook file of these sheet rows (and extra zip entries), written with the zip options. */
function workbook(
  rows: string,
  opts: Parameters<typeof zip>[1] = {},
  extra: [string, Buffer][] = [],
): string {
  const file = join(dir, `w${++n}.xlsx`);
  writeFileSync(file, zip([...minimalParts(), [SHEET, sheetXml(rows)], ...extra], opts));
  return file;
}

const read = (file: string, reader: 'auto' | 'fast' | 'exceljs' = 'auto', opts: Partial<ReadOptions> = {}) =>
  readXlsx(file, { headerScore, ...opts }, reader);
const day = (y: number, m: number, d: number) => ({ day: dayOf(y, m, d)! });
const ROWS = dataRow(2, '<c r="B2" t="inlineStr"><is><t>01-02-2024</t></is></c>');

describe('zip: CRC-32 and encryption', () => {
  it('refuses an entry whose CRC-32 does not match, naming the file and the entry', async () => {
    const file = workbook(ROWS, { badCrc: [SHEET] });
    const err = (await read(file).catch((e: unknown) => e)) as Error & { kind: string };
    expect(err.kind).toBe('input');
    expect(err.message).toMatch(
      new RegExp(
        `^${file}: could not be read as an Excel workbook; .*save it again as \\.xlsx \\(zip entry ${SHEET}: CRC-32 is [0-9a-f]{8}, the zip says [0-9a-f]{8}\\)$`,
      ),
    );
  });

  it('refuses an entry that unpacks to more or less than the zip says, before exceljs sees it', async () => {
    for (const [claimed, what] of [
      [10, 'it unpacks to more than the 10 bytes the zip says'],
      [5000, `it unpacks to ${sheetXml(ROWS).length} bytes, the zip says 5000`],
    ] as const) {
      const file = join(dir, `size-${claimed}.xlsx`);
      writeFileSync(file, zip([...minimalParts(), [SHEET, sheetXml(ROWS), claimed]]));
      await expect(read(file)).rejects.toMatchObject({
        kind: 'input',
        message: `${file}: could not be read as an Excel workbook; the file may be damaged: open it in Excel and save it again as .xlsx (zip entry ${SHEET}: ${what})`,
      });
    }
  });

  it('refuses an encrypted entry in one line that says what to do', async () => {
    const file = workbook(ROWS, { encrypted: [SHEET] });
    await expect(read(file)).rejects.toMatchObject({
      kind: 'input',
      message: `${file}: is encrypted/password protected (zip entry ${SHEET}); open it in Excel and save it without a password`,
    });
  });
});

describe('zip: Zip64 and 65,535 entries or more', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('reads a Zip64 workbook as the plain one, with both readers', async () => {
    const plain = await read(workbook(ROWS));
    const z64 = workbook(ROWS, { zip64: true });
    for (const reader of ['fast', 'exceljs'] as const) {
      const t = await read(z64, reader);
      expect(t.rows).toEqual(plain.rows);
      expect(t.headers).toEqual(['CPR-nr.', 'Startdato']);
    }
  });

  it('holds the size limit on a Zip64 bomb, and catches one that lies (exceljs once inflated them)', async () => {
    process.env.JOBFX_XLSX_MAX_MB = '5';
    const bomb = Buffer.alloc(20e6, 0x20);
    for (const zip64 of [true, false])
      for (const claimed of [undefined, 10]) {
        const file = join(dir, `bomb64-${zip64}-${claimed}.xlsx`);
        writeFileSync(
          file,
          zip([...minimalParts(), [SHEET, sheetXml(ROWS)], ['xl/media/x.bin', bomb, claimed]], { zip64 }),
        );
        await expect(read(file)).rejects.toMatchObject({
          kind: 'input',
          message: expect.stringMatching(
            claimed
              ? /zip entry xl\/media\/x\.bin: it unpacks to more than the 10 bytes the zip says/
              : /unpacks to more than 5 MB.*JOBFX_XLSX_MAX_MB/,
          ),
        });
      }
  });

  it('walks a directory of 65,536 entries (with and without Zip64 records) and holds the limit', async () => {
    process.env.JOBFX_XLSX_MAX_MB = '5';
    const filler: [string, Buffer][] = [];
    for (let i = 0; i < 65_536; i++) filler.push([`xl/media/f${i}.txt`, Buffer.from('x')]);
    for (const zip64 of [true, false]) {
      const ok = workbook(ROWS, { zip64, stored: /^xl\/media\/f/ }, filler);
      expect((await read(ok)).rows).toHaveLength(1);
      const bomb = workbook(ROWS, { zip64, stored: /^xl\/media\/f/ }, [
        ...filler,
        ['xl/media/big.bin', Buffer.alloc(20e6, 0x20)],
      ]);
      await expect(read(bomb)).rejects.toMatchObject({
        kind: 'input',
        message: expect.stringMatching(/unpacks to more than 5 MB/),
      });
    }
  }, 60_000);
});

describe("row and cell numbers beyond Excel's grid", () => {
  const cases: [string, string, RegExp][] = [
    ['row r="100000000"', '<row r="100000000"><c r="A100000000"><v>1</v></c></row>', /row number 100000000/],
    ['row r="1048577"', '<row r="1048577"/>', /row number 1048577/],
    ['cell XFE2', '<row r="2"><c r="XFE2"><v>1</v></c></row>', /cell reference XFE2/],
    ['merged range to row 2,000,000', '', /cell reference A1:B2000000/],
  ];
  for (const [what, rows, message] of cases)
    it(`refuses ${what} at once, on every reader`, async () => {
      const xml = what.startsWith('merged')
        ? Buffer.from(
            `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${HEADER}</sheetData><mergeCells count="1"><mergeCell ref="A1:B2000000"/></mergeCells></worksheet>`,
          )
        : sheetXml(rows);
      const file = join(dir, `grid-${++n}.xlsx`);
      writeFileSync(file, zip([...minimalParts(), [SHEET, xml]]));
      for (const reader of ['auto', 'exceljs'] as const) {
        const t0 = Date.now();
        const err = (await read(file, reader).catch((e: unknown) => e)) as Error & { kind: string };
        // Before: 36-80 s and out of heap. Generous, for a loaded machine.
        expect(Date.now() - t0).toBeLessThan(5000);
        expect(err.kind).toBe('input');
        expect(err.message).toMatch(message);
        expect(err.message).toMatch(
          new RegExp(
            `^${file}: worksheet ${SHEET}: .*beyond Excel's last row 1,048,576 and last column XFD .*open it in Excel and save it again`,
          ),
        );
      }
    });

  it('refuses a merged range of more than 100,000 cells', async () => {
    const xml = Buffer.from(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${HEADER}</sheetData><mergeCells count="1"><mergeCell ref="A5:Z10000"/></mergeCells></worksheet>`,
    );
    const file = join(dir, 'merge-big.xlsx');
    writeFileSync(file, zip([...minimalParts(), [SHEET, xml]]));
    await expect(read(file, 'exceljs')).rejects.toMatchObject({
      kind: 'input',
      message: expect.stringMatching(/the merged range A5:Z10000 covers more than 100,000 cells/),
    });
  });

  it('reads sparse rows (5 → 900,000) on both readers alike, the gap rows sharing one blank array', async () => {
    const file = workbook(
      dataRow(5, '<c r="B5" t="inlineStr"><is><t>01-02-2024</t></is></c>') +
        dataRow(900_000, '<c r="B900000" t="inlineStr"><is><t>01-03-2024</t></is></c>'),
    );
    const fast = await read(file, 'fast');
    const slow = await read(file, 'exceljs');
    for (const t of [fast, slow]) {
      // Rows 2 to 900,000: as before, every row between the header and the last is accounted for.
      expect(t.rows).toHaveLength(899_999);
      expect(t.rows[3]).toEqual({ rowNumber: 5, ref: 'row 5', cells: ['150385-1235', '01-02-2024'] });
      expect(t.rows[0]!.cells).toEqual([null, null]);
      expect(t.rows[10]!.cells).toBe(t.rows[500_000]!.cells);
      expect(t.rows.at(-1)!.cells).toEqual(['150385-1235', '01-03-2024']);
    }
  }, 30_000);
});

describe('inline date cells (t="d")', () => {
  const rows =
    dataRow(2, '<c r="B2" t="d"><v>2025-03-01</v></c>') +
    dataRow(3, '<c r="B3" t="d"><v>2025-03-01T00:00:00</v></c>') +
    dataRow(4, '<c r="B4" t="d" s="0"><v>2024-02-29T23:59:59.999Z</v></c>') +
    dataRow(5, '<c r="B5" t="d"><v>2025-02-30</v></c>');
  const expected = (t: RawTable) => t.rows.map((r) => r.cells[1]);

  it('reads them as the calendar date written, on both readers (exceljs alone gives 1905)', async () => {
    const file = workbook(rows);
    const want = [day(2025, 3, 1), day(2025, 3, 1), day(2024, 2, 29), '2025-02-30'];
    expect(expected(await read(file, 'fast'))).toEqual(want);
    expect(expected(await read(file, 'exceljs'))).toEqual(want);
  });

  it('reads them also where exceljs must read the workbook (a formula beside them)', async () => {
    const file = workbook(rows + '<row r="6"><c r="C6"><f>1+1</f><v>2</v></c></row>');
    const t = await read(file);
    expect(t.info.notes).toContainEqual({
      kind: 'slow-reader',
      text: 'read with exceljs (slower): the workbook has formulas',
      da: 'læst med exceljs (langsommere): regnearket har formler',
    });
    expect(expected(t).slice(0, 4)).toEqual([
      day(2025, 3, 1),
      day(2025, 3, 1),
      day(2024, 2, 29),
      '2025-02-30',
    ]);
  });
});

describe('the note on a workbook read with exceljs', () => {
  const formula = ROWS + '<row r="3"><c r="C3"><f>1+1</f><v>2</v></c></row>';

  it('tells opts.note why, for a workbook over 5 MB', async () => {
    const file = workbook(formula, {}, [['xl/media/image1.bin', randomBytes(6e6)]]);
    const notes: string[] = [];
    await read(file, 'auto', { note: (s) => notes.push(s) });
    expect(notes).toEqual([`${file}: read with exceljs (slower): the workbook has formulas`]);
  });

  it("names the reason in words in the table's notes", async () => {
    const cases: [string, string][] = [
      ['<c r="C3" t="str"><f>"x"</f><v>x</v></c>', 'the workbook has formulas'],
      ['<c r="C3" t="b"><v>1</v></c>', 'the workbook has TRUE/FALSE cells'],
      ['<c r="C3" t="e"><v>#N/A</v></c>', 'the workbook has error cells (#N/A, ...)'],
    ];
    for (const [cell, why] of cases) {
      const t = await read(workbook(ROWS + `<row r="3">${cell}</row>`));
      expect(t.info.notes).toMatchObject([
        { kind: 'slow-reader', text: `read with exceljs (slower): ${why}` },
      ]);
    }
  });

  it('says nothing for a small one, nor for a large one the fast reader takes', async () => {
    const notes: string[] = [];
    await read(workbook(formula), 'auto', { note: (s) => notes.push(s) });
    await read(workbook(ROWS, {}, [['xl/media/image1.bin', randomBytes(6e6)]]), 'auto', {
      note: (s) => notes.push(s),
    });
    expect(notes).toEqual([]);
  });
});
