import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fixZipTimes, renderXlsx, sheetName } from '../../src/render/xlsx.js';
import { count, labelCol, share, text, valueCol, type Table } from '../../src/model/table.js';
import { d } from '../helpers.js';
import { goldenTables } from './sample.js';
import { describeWithTool, freshDir, libreofficeCsv, libreofficePdf, SOFFICE } from './tools.js';

const opts = { lang: 'da' as const, percentDecimals: 1 };

async function readBack(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs types its Buffer as a bare ArrayBuffer; a Node Buffer is what it wants at runtime.
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('renderXlsx', () => {
  it('writes one sheet per table with real numbers, number formats and styles', async () => {
    const wb = await readBack(await renderXlsx(goldenTables, opts));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      'Afsluttede forløb efter årsag',
      'Afsluttede forløb … tilbud',
      'Varighed af afsluttede forløb',
      'Nøgletal',
    ]);
    expect(wb.creator).toBe('jobfx');
    expect(wb.created.getTime()).toBe(0);
    expect(wb.modified.getTime()).toBe(0);

    const exits = wb.worksheets[0]!;
    expect(exits.getCell('A1').value).toBe('Afsluttede forløb efter årsag');
    expect(exits.getCell('A1').font.bold).toBe(true);
    expect(exits.getCell('A1').font.size).toBe(14);
    expect(exits.getRow(2).values).toEqual([undefined, 'Årsag', 'Antal', 'Pct.']);
    expect(exits.getCell('B2').font.bold).toBe(true);
    expect(exits.getCell('B2').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFF2F2F2' },
    });
    expect(exits.getCell('B2').border.bottom?.style).toBe('thin');
    expect(exits.getCell('B3').value).toBe(1234);
    expect(exits.getCell('B3').numFmt).toBe('#,##0');
    expect(exits.getCell('B3').alignment.horizontal).toBe('right');
    expect(exits.getCell('C3').value).toBe(0.125); // 1.234 / 9.872, not a rounded 12,5
    expect(exits.getCell('C3').numFmt).toBe('0.0%');
    expect(exits.getCell('C6').value).toBe(3699 / 9872);
    expect(exits.getCell('A8').value).toBe('I alt');
    expect(exits.getCell('B8').font.bold).toBe(true);
    expect(exits.getCell('B8').border.top?.style).toBe('thin');
    expect(exits.getCell('A4').font?.bold).toBeFalsy();
    expect(exits.getCell('A9').value).toBeNull();
    expect(exits.getCell('A10').value).toBe('Forløb afsluttet 1. januar–30. juni 2024.');
    // "Virksomhedspraktik" (18) + 2; "Antal"/"9.872" and "100,0%" are under the minimum 8.
    expect([1, 2, 3].map((j) => exits.getColumn(j).width)).toEqual([20, 8, 8]);

    const units = wb.worksheets[1]!;
    expect(units.getCell('B3').value).toBe('..');
    expect(units.getCell('D3').value).toBe('<5');
    expect(units.getCell('D3').alignment.horizontal).toBe('right');
    expect(units.getCell('F3').value).toBe(42);

    const durations = wb.worksheets[2]!;
    expect(durations.getCell('C3').value).toBe(45.25);
    expect(durations.getCell('C3').numFmt).toBe('#,##0.0');
    expect(durations.getCell('D6').value).toBe(-2.5);
    expect(durations.getCell('D6').numFmt).toBe('#,##0');
    expect(durations.getCell('E3').value).toEqual(new Date(Date.UTC(2024, 2, 15)));
    expect(durations.getCell('E3').numFmt).toBe('dd-mm-yyyy');
    expect(durations.getCell('E5').value).toBe('-');
    expect(durations.getCell('A5').value).toBe("'=SUM(A1:A2)"); // neutralised, and not a formula
    expect(durations.getCell('A5').type).toBe(ExcelJS.ValueType.String);
    expect(durations.getColumn(1).width).toBe('Skoler *og* dagtilbud'.length + 2);

    const key = wb.worksheets[3]!;
    // All header labels empty: no header row, data right under the title.
    expect(key.getCell('A2').value).toBe('Personer i perioden');
    expect(key.getCell('B2').value).toBe(1234567);
    expect(key.getCell('B4').value).toEqual(new Date(Date.UTC(2024, 5, 30)));
    expect(d('2024-06-30') * 86_400_000).toBe(Date.UTC(2024, 5, 30));
  });

  it('writes a share of nothing as "-", percent formats follow percentDecimals, long text caps the width', async () => {
    const t: Table = {
      id: 'x',
      title: 'x',
      columns: [labelCol('L'), valueCol('N'), valueCol('P')],
      rows: [
        { cells: [text('y'.repeat(80)), count(0), share(0, 0)] },
        { cells: [text('z'), count(1), share(1, 3)] },
      ],
      notes: [],
    };
    const ws = (await readBack(await renderXlsx([t], { lang: 'en', percentDecimals: 0 }))).worksheets[0]!;
    expect(ws.getCell('C3').value).toBe('-');
    expect(ws.getCell('C4').value).toBe(1 / 3);
    expect(ws.getCell('C4').numFmt).toBe('0%');
    expect(ws.getColumn(1).width).toBe(60);
  });

  it('gives the same bytes whenever it runs', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2024-01-02T03:04:05Z'));
      const a = await renderXlsx(goldenTables, opts);
      vi.setSystemTime(new Date('2031-07-08T09:10:11Z'));
      const b = await renderXlsx(goldenTables, opts);
      expect(a.equals(b)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('fixZipTimes', () => {
  it('rejects what is not a zip', () => {
    expect(() => fixZipTimes(Buffer.alloc(100))).toThrow(/central directory/);
  });
});

describe('sheetName', () => {
  it('removes forbidden characters, shortens to 31 keeping the last word, keeps names unique ignoring case', () => {
    const taken = new Set<string>();
    expect(sheetName('Job [pct.]: 1/2 *?\\', taken, 'T')).toBe('Job pct. 1 2');
    expect(sheetName("'Citat'", taken, 'T')).toBe('Citat');
    // 39 characters: the first words that fit beside "… tilbud".
    expect(sheetName('Afsluttede forløb efter årsag og tilbud', taken, 'T')).toBe(
      'Afsluttede forløb … tilbud',
    );
    expect(sheetName('AFSLUTTEDE FORLØB EFTER ÅRSAG', taken, 'T')).toBe('AFSLUTTEDE FORLØB EFTER ÅRSAG');
    // Taken ignoring case: 27 characters left beside " (2)".
    expect(sheetName('Afsluttede forløb efter årsag', taken, 'T')).toBe('Afsluttede forløb … årsag (2)');
    // The subject, before ", " or " (": the period is in the sheet's title cell.
    expect(sheetName('Personer efter alder, 2. halvår 2025', taken, 'T')).toBe('Personer efter alder');
    expect(sheetName('Varighed af afsluttede forløb (dage) efter gruppe', taken, 'T')).toBe(
      'Varighed af afsluttede forløb',
    );
    expect(sheetName('Afsluttede forløb efter afslutningsårsag, 2025', taken, 'T')).toBe(
      'Afsluttede … afslutningsårsag',
    );
    expect(sheetName('Abcdefghijklmnopqrstuvwxyzæøåabcdefgh', taken, 'T')).toBe(
      'Abcdefghijklmnopqrstuvwxyzæøåab',
    );
    expect(sheetName('History', taken, 'T')).toBe('History (2)');
    expect(sheetName(' []:: ', taken, 'Tabel 3')).toBe('Tabel 3');
    for (const n of taken) expect(n.length).toBeLessThanOrEqual(31);
  });
});

/**
 * What a Danish LibreOffice Calc shows: the workbook converted to CSV with the cells as shown,
 * in a fresh profile whose locale is da-DK. Each sheet is checked by hand against the tables.
 */
const EXPECTED_SHEETS: Record<string, string> = {
  'Afsluttede forløb efter årsag': `Afsluttede forløb efter årsag;;
Årsag;Antal;Pct.
Ordinært job;1.234;12,5%
Uddannelse;4.936;50,0%
Virksomhedspraktik;3;0,0%
Andet;3.699;37,5%
Uoplyst;0;0,0%
I alt;9.872;100,0%
;;
Forløb afsluttet 1. januar–30. juni 2024.;;
`,
  'Varighed af afsluttede forløb': `Varighed af afsluttede forløb;;;;
Værksted;Forløb;Gns. varighed, dage;Median, dage;Seneste slutdato
Maler;12;45,3;40,5;15-03-2024
Park & vej | <ude>;3;1.234,6;1.234,0;30-06-2024
'=SUM(A1:A2);0;-;-;-
Skoler *og* dagtilbud;1.234;10,1;-3;
;;;;
Varighed = slutdato − startdato + 1 dag.;;;;
"Gns. = gennemsnit; ""<b>"" er ikke HTML.";;;;
`,
};

describeWithTool(SOFFICE, 'the workbook in LibreOffice Calc', () => {
  const dir = freshDir('jobfx-soffice-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the tables as a Danish reader should see them', { timeout: 120_000 }, async () => {
    const file = join(dir, 'sample.xlsx');
    writeFileSync(file, await renderXlsx(goldenTables, opts));
    const out = libreofficeCsv(file, -1);
    // LibreOffice before 7.2 ignores the sheet token and writes only the first sheet, as sample.csv.
    const first = Object.keys(EXPECTED_SHEETS)[0]!;
    const perSheet = existsSync(join(out, `sample-${first}.csv`));
    for (const [sheet, expected] of Object.entries(EXPECTED_SHEETS)) {
      if (!perSheet && sheet !== first) continue;
      const csv = join(out, perSheet ? `sample-${sheet}.csv` : 'sample.csv');
      expect(readFileSync(csv, 'utf8').replace(/\r\n/g, '\n'), sheet).toBe(expected);
    }
  });
});

/** A table of `n` columns, the first a label, with a row of counts. */
function wideTable(n: number, title: string): Table {
  return {
    id: 'wide',
    title,
    columns: [
      labelCol('Udfald'),
      ...Array.from({ length: n - 1 }, (_, j) => valueCol(`Kolonne nr. ${j + 1}`)),
    ],
    rows: Array.from({ length: 40 }, (_, i) => ({
      cells: [text(`Række ${i + 1}`), ...Array.from({ length: n - 1 }, (_, j) => count(1000 * i + j))],
    })),
    notes: [],
  };
}

describe('print layout and panes', () => {
  it('freezes the rows down to the header, and fits the width of the page: landscape when wide', async () => {
    const narrow = wideTable(3, 'Smal tabel, 2025');
    // 12 columns of width 8 + 2 + a label column: wider than A4 portrait's 90 characters.
    const wide = wideTable(12, 'Bred tabel, 2025');
    const wb = await readBack(await renderXlsx([narrow, wide], opts));
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, topLeftCell: 'A3' });
      expect(ws.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
      expect(ws.pageSetup.printTitlesRow).toBe('1:2');
    }
    expect(wb.worksheets.map((ws) => ws.pageSetup.orientation)).toEqual(['portrait', 'landscape']);
  });

  it('freezes under the title when the table has no header', async () => {
    const t: Table = { ...wideTable(2, 'Uden overskrift'), columns: [labelCol(''), valueCol('')] };
    const ws = (await readBack(await renderXlsx([t], opts))).worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
  });
});

describeWithTool(SOFFICE, 'the print layout in LibreOffice Calc', () => {
  it('prints a wide table one page wide, in landscape', { timeout: 120_000 }, async () => {
    const dir = freshDir('jobfx-soffice-pdf-');
    const file = join(dir, 'wide.xlsx');
    // 20 columns of "Kolonne nr. NN" (width 16): about 330 characters, three portrait pages wide unfitted.
    writeFileSync(file, await renderXlsx([wideTable(20, 'Bred tabel')], opts));
    const pdf = readFileSync(libreofficePdf(file)).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages).toHaveLength(1);
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf)!;
    expect(Number(box[1])).toBeGreaterThan(Number(box[2])); // landscape: wider than tall
    rmSync(dir, { recursive: true, force: true });
  });
});
