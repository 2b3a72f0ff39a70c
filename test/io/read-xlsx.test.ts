/**
 * The XLSX reader on the quirk fixtures of scripts/make-xlsx-fixtures.py (written with openpyxl
 * and LibreOffice, not exceljs). Every expected value below is what the script wrote.
 */
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/base/dates.js';
import type { RawRow, RawValue, ReadOptions } from '../../src/io/raw.js';
import { readXlsx } from '../../src/io/read-xlsx.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/xlsx/${name}`, import.meta.url));

/** Stub of the schema layer's score: how many cells are known header names. */
const KNOWN = new Set(['CPR-nr.', 'Startdato', 'Slutdato', 'Afslutningsårsag', 'Målgruppe']);
const headerScore = (cells: RawValue[]) =>
  cells.filter((c) => typeof c === 'string' && KNOWN.has(c.trim())).length;
const read = (name: string, opts: Partial<ReadOptions> = {}) =>
  readXlsx(fixture(name), { headerScore, ...opts });

const date = (y: number, m: number, d: number): RawValue => ({ day: dayOf(y, m, d)! });
const row = (n: number, ...cells: RawValue[]): RawRow => ({ rowNumber: n, ref: `row ${n}`, cells });

const HEADERS = ['CPR-nr.', 'Startdato', 'Slutdato', 'Afslutningsårsag', 'Målgruppe'];
const FORMULAS = {
  kind: 'slow-reader',
  text: 'read with exceljs (slower): the workbook has formulas',
  da: 'læst med exceljs (langsommere): regnearket har formler',
};
const NOTE_1904 = {
  kind: 'workbook',
  text: 'the workbook uses the 1904 date system (Excel for Mac); dates were converted accordingly',
  da: 'regnearket bruger 1904-datosystemet (Excel til Mac); datoerne er omregnet efter det',
};

describe('readXlsx: title rows, merged title, totals row', () => {
  it('finds the header below the title rows and keeps the totals row as a row', async () => {
    const t = await read('title-rows.xlsx');
    expect(t.info).toEqual({
      file: fixture('title-rows.xlsx'),
      format: 'xlsx',
      sheet: 'Udtræk',
      sheets: ['Udtræk'],
      date1904: false,
      headerRow: 4,
      headerRowSource: 'detected',
      notes: [
        {
          kind: 'workbook',
          text: 'merged title cells above the header',
          da: 'flettede titelceller over overskriftsrækken',
        },
      ],
    });
    expect(t.headers).toEqual(HEADERS);
    // rows 1 and 2 hold titles, row 3 is empty
    expect(t.titleRows).toBe(2);
    expect(t.rows).toEqual([
      row(5, '150385-1235', date(2024, 1, 8), date(2024, 3, 29), 'Job', 'Kontanthjælpsmodtager'),
      row(6, '020792-2348', date(2024, 2, 1), date(2024, 2, 1), 'Uddannelse', 'A-dagpengemodtager'),
      row(7, '110766-0137', date(2024, 2, 29), null, null, 'Uddannelseshjælpsmodtager'),
      row(8, '230471-3046', date(2024, 3, 15), date(2024, 6, 14), 'Sygdom', 'Kontanthjælpsmodtager'),
      row(9, '080899-1159', date(2024, 4, 2), date(2024, 12, 31), 'Andet', 'A-dagpengemodtager'),
      row(10, '301262-0282', date(2024, 5, 6), null, null, 'Sygedagpengemodtager'),
      row(11, 'I alt', 6, null, null, null),
    ]);
  });

  it('takes a forced header row', async () => {
    const t = await read('title-rows.xlsx', { headerRow: 4 });
    expect(t.info.headerRow).toBe(4);
    expect(t.info.headerRowSource).toBe('forced');
    expect(t.headers).toEqual(HEADERS);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([5, 6, 7, 8, 9, 10, 11]);
  });

  it('takes a forced header row even where it is not the real one', async () => {
    const t = await read('title-rows.xlsx', { headerRow: 2 });
    expect(t.headers).toEqual(['Udtrukket pr. 01-02-2025']);
    expect(t.titleRows).toBe(1);
    expect(t.rows[0]).toEqual(row(3, null));
    expect(t.rows[1]).toEqual(row(4, 'CPR-nr.'));
    expect(t.rows.at(-1)).toEqual(row(11, 'I alt'));
  });

  it('refuses a forced header row that is empty', async () => {
    await expect(read('title-rows.xlsx', { headerRow: 3 })).rejects.toMatchObject({
      kind: 'usage',
      message: expect.stringMatching(/^.*title-rows\.xlsx: --header-row 3: row 3 of sheet "Udtræk" is empty/),
    });
  });
});

describe('readXlsx: dates in every form (saved by LibreOffice, with cached formula results)', () => {
  it('gives date cells as days and leaves text and plain numbers alone', async () => {
    const t = await read('dates.xlsx');
    expect(t.info).toMatchObject({ sheet: 'Forløb', headerRow: 1, date1904: false, notes: [FORMULAS] });
    expect(t.headers).toEqual(HEADERS);
    expect(t.titleRows).toBe(0);
    expect(t.rows).toEqual([
      // real date cell; end = formula B2+30 with a date format → its cached result as a day;
      // a formula with a text result; rich text in the shared strings
      row(2, '150385-1235', date(2024, 3, 15), date(2024, 4, 14), 'Job', 'Kontanthjælpsmodtager'),
      // serial 45366 with a date format; dd-mm-yyyy text stays text
      row(3, '020792-2348', date(2024, 3, 15), '15-04-2024', 'Uddannelse', 'A-dagpengemodtager'),
      // dd.mm.yyyy and ISO text stay text; =NA() gives its error as text
      row(4, '110766-0137', '15.03.2024', '2024-04-15', '#N/A', 'A-dagpengemodtager'),
      // a number stored as text stays a string
      row(5, '230471-3046', '45366', null, null, 'Uddannelseshjælpsmodtager'),
      // the time of day is dropped; a year-only format still holds a date
      row(6, '080899-1159', date(2024, 3, 15), date(2024, 12, 31), 'Sygdom', 'Kontanthjælpsmodtager'),
      // no date format: numbers, also the formula's cached result
      row(7, '301262-0282', 45366, 45396, 'Job', 'Sygedagpengemodtager'),
    ]);
  });
});

describe('readXlsx: the 1904 date system', () => {
  const rows1904 = (formulaEnd: RawValue) => [
    row(2, '150385-1235', date(2024, 3, 15), date(2024, 4, 14), 'Job', 'Kontanthjælpsmodtager'),
    row(3, '020792-2348', date(2024, 2, 29), date(2024, 12, 31), 'Uddannelse', 'A-dagpengemodtager'),
    row(4, '110766-0137', date(1904, 1, 1), date(2023, 12, 31), 'Andet', 'Kontanthjælpsmodtager'),
    row(5, '230471-3046', date(2024, 3, 15), formulaEnd, 'Job', 'A-dagpengemodtager'),
    // a 1904 serial without a date format stays a number; the schema layer has info.date1904
    row(6, '080899-1159', 43904, null, 'Job', 'Kontanthjælpsmodtager'),
  ];

  it('reads date1904="1" (as Excel and openpyxl write it)', async () => {
    const t = await read('date1904.xlsx');
    expect(t.info).toMatchObject({
      sheet: 'Mac',
      date1904: true,
      headerRow: 1,
      notes: [FORMULAS, NOTE_1904],
    });
    expect(t.headers).toEqual(HEADERS);
    // openpyxl stores no cached formula results: the formula cell is empty
    expect(t.rows).toEqual(rows1904(null));
  });

  it('reads date1904="true" (as LibreOffice writes it), which exceljs alone gets 1462 days wrong', async () => {
    const t = await read('date1904-libreoffice.xlsx');
    expect(t.info).toMatchObject({
      sheet: 'Mac',
      date1904: true,
      headerRow: 1,
      notes: [FORMULAS, NOTE_1904],
    });
    expect(t.headers).toEqual(HEADERS);
    expect(t.rows).toEqual(rows1904(date(2024, 4, 14)));
  });
});

describe('readXlsx: sheets', () => {
  const dataRows = [
    row(2, '150385-1235', date(2024, 1, 2), date(2024, 1, 31), 'Job', 'Kontanthjælpsmodtager'),
    // F3 holds a note right of the table: ignored
    row(3, '020792-2348', date(2024, 1, 15), null, null, 'A-dagpengemodtager'),
    // a blank row between data rows is kept
    row(4, null, null, null, null, null),
    row(5, '110766-0137', date(2024, 2, 1), date(2024, 3, 1), 'Uddannelse', 'Kontanthjælpsmodtager'),
    // row 7 (only spaces), row 8 (formatted, empty) and row 9 (a value right of the table) are dropped
  ];

  it('passes over a cover sheet to the first sheet with a header row', async () => {
    const t = await read('two-sheets.xlsx');
    expect(t.info).toMatchObject({
      sheet: 'Data',
      sheets: ['Forside', 'Data'],
      headerRow: 1,
      headerRowSource: 'detected',
      notes: [],
    });
    // " Startdato " is trimmed
    expect(t.headers).toEqual(HEADERS);
    expect(t.titleRows).toBe(0);
    expect(t.rows).toEqual(dataRows);
  });

  it('takes --sheet as a 1-based number', async () => {
    const t = await read('two-sheets.xlsx', { sheet: '1' });
    expect(t.info.sheet).toBe('Forside');
    // no header row found: the first non-empty row is taken
    expect(t.info.headerRow).toBe(1);
    expect(t.headers).toEqual(['Forløb i Straksaktivering, udtræk til evaluering']);
    expect(t.rows).toEqual([row(2, null), row(3, 'Data ligger på arket Data.')]);
    expect((await read('two-sheets.xlsx', { sheet: '2' })).info.sheet).toBe('Data');
  });

  it('takes --sheet as a name, in any case', async () => {
    const t = await read('two-sheets.xlsx', { sheet: 'data' });
    expect(t.info.sheet).toBe('Data');
    expect(t.rows).toEqual(dataRows);
  });

  it('lists the sheets when --sheet names none of them', async () => {
    for (const sheet of ['Ark3', '3', '0']) {
      await expect(read('two-sheets.xlsx', { sheet })).rejects.toMatchObject({
        kind: 'usage',
        message: expect.stringContaining(
          `two-sheets.xlsx: there is no sheet "${sheet}"; the sheets are "Forside", "Data": ` +
            'give --sheet one of these names or a number from 1 to 2',
        ),
      });
    }
  });

  it('says so when the workbook holds no data', async () => {
    await expect(read('no-data.xlsx')).rejects.toMatchObject({
      kind: 'input',
      message: `${fixture('no-data.xlsx')}: holds no data: every sheet is empty ("Ark1", "Ark2"); check that this is the right file`,
    });
    await expect(read('no-data.xlsx', { sheet: 'Ark2' })).rejects.toMatchObject({
      kind: 'input',
      message: expect.stringContaining('no-data.xlsx: sheet "Ark2" is empty'),
    });
  });
});

describe('readXlsx: cell types', () => {
  it('reads rich text, inline strings, hyperlinks, booleans, errors, formulas, merged cells, times', async () => {
    const t = await read('cell-types.xlsx');
    expect(t.info).toMatchObject({
      sheet: 'Ark1',
      headerRow: 1,
      date1904: false,
      notes: [
        { kind: 'slow-reader', text: 'read with exceljs (slower): the workbook has hyperlinks' },
        {
          kind: 'workbook',
          text: 'merged cells in the table: only the first cell of a merged range holds its value, the others read as empty',
        },
      ],
    });
    // "CPR-nr." is rich text (two runs)
    expect(t.headers).toEqual([...HEADERS, 'Fuldført', 'Mødetid']);
    expect(t.rows).toEqual([
      // C2 is a formula without a cached result; E2 is inline rich text
      // G2 is a time of day (format hh:mm): its serial, not a date
      row(2, '150385-1235', date(2024, 3, 15), null, 'Job', 'Aktivitetsparat', true, 8.5 / 24),
      // a CPR number stored as a number; B3 is a serial with the format YYYY, which exceljs misses
      row(3, 207922348, date(2024, 3, 15), null, 'Uddannelse', 'Jobparat', false, null),
      // C4 is an error cell; D4 a hyperlink; E4:E6 one merged cell
      row(4, '110766-0137', date(2024, 3, 15), '#N/A', 'Job', 'Kontanthjælpsmodtager', null, null),
      row(5, '230471-3046', date(2024, 3, 15), null, 'Sygdom', null, null, null),
      // a string of spaces stays as it is: the schema layer decides what it means
      row(6, '080899-1159', date(2024, 3, 15), date(2024, 4, 1), '  ', null, true, null),
    ]);
  });
});

describe('readXlsx: files that are not workbooks', () => {
  const cases: [string, RegExp][] = [
    ['empty.xlsx', /: is empty \(0 bytes\); export the data again$/],
    [
      'not-a-workbook.xlsx',
      /: is not an Excel workbook \(\.xlsx\); it holds text: if it is a CSV export, give it a \.csv name/,
    ],
    ['not-xlsx.zip.xlsx', /: is a zip archive but not an Excel workbook \(\.xlsx\)/],
    [
      'encrypted.xlsx',
      /: is password-protected \(encrypted\); open it in Excel and save it as \.xlsx without a password$/,
    ],
    [
      'old-format.xlsx',
      /: is an old Excel 97-2003 workbook \(\.xls\) or a password-protected one; .*save it as \.xlsx/,
    ],
    [
      'damaged.xlsx',
      /: could not be read as an Excel workbook; the file may be damaged: open it in Excel and save it again/,
    ],
  ];
  for (const [name, message] of cases) {
    it(`rejects ${name} with a message that starts with the file`, async () => {
      const err: unknown = await read(name).catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: 'input', message: expect.stringMatching(message) });
      expect((err as Error).message.startsWith(`${fixture(name)}: `)).toBe(true);
    });
  }

  it('says when the file is not there', async () => {
    await expect(read('no-such-file.xlsx')).rejects.toMatchObject({
      kind: 'input',
      message: `${fixture('no-such-file.xlsx')}: file not found; check the path and the file name`,
    });
  });

  it('says when the path is a folder', async () => {
    const dir = fileURLToPath(new URL('../../fixtures/xlsx', import.meta.url));
    await expect(readXlsx(dir, { headerScore })).rejects.toMatchObject({
      kind: 'input',
      message: expect.stringMatching(/: is a folder, not a file/),
    });
  });
});

// What exceljs 4.4 itself does with these fixtures: the reasons for the corrections in
// read-xlsx.ts. If an exceljs upgrade changes one, the reader stays right, but this says so.
describe('exceljs behaviour that readXlsx corrects', () => {
  const load = async (name: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixture(name));
    return wb;
  };

  it('gives every cell of a merged range the top-left value', async () => {
    const ws = (await load('cell-types.xlsx')).getWorksheet('Ark1')!;
    expect(ws.getCell('E5').type).toBe(ExcelJS.ValueType.Merge);
    expect(ws.getCell('E5').value).toBe('Kontanthjælpsmodtager');
  });

  it('knows date1904="1" but not date1904="true"', async () => {
    const mac = await load('date1904.xlsx');
    expect(mac.properties.date1904).toBe(true);
    expect(mac.getWorksheet('Mac')!.getCell('B2').value).toEqual(new Date(Date.UTC(2024, 2, 15)));
    const lo = await load('date1904-libreoffice.xlsx');
    expect(lo.properties.date1904).toBe(false);
    // 1462 days early
    expect(lo.getWorksheet('Mac')!.getCell('B2').value).toEqual(new Date(Date.UTC(2020, 2, 14)));
  });

  it('gives formula cells as {formula, result}, without result when none is cached', async () => {
    const ws = (await load('dates.xlsx')).getWorksheet('Forløb')!;
    expect(ws.getCell('C2').value).toEqual({ formula: 'B2+30', result: new Date(Date.UTC(2024, 3, 14)) });
    expect(ws.getCell('D4').value).toEqual({ formula: 'NA()', result: { error: '#N/A' } });
    const uncached = (await load('cell-types.xlsx')).getWorksheet('Ark1')!;
    expect(uncached.getCell('C2').value).toEqual({ formula: 'B2+30' });
  });
});
