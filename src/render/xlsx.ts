/**
 * Tables → an Excel workbook (exceljs), one worksheet per table. Values stay real: counts and
 * means are numbers, shares the fraction count/of, dates Excel dates; number formats do the
 * rounding on screen, so a reader who computes with a cell gets the exact value. Deterministic:
 * fixed document dates and fixed zip entry times, so the same tables give the same bytes.
 */
import { inLang } from '../base/i18n.js';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from './csv.js';
import { formatCell, formatFixed, safeTables, type FormatOptions } from './format.js';
import type { Cell, Table } from '../model/table.js';
import { zipEntries } from '../io/zip.js';
import { sheetNames } from './sheet-names.js';

export { sheetName, sheetNames } from './sheet-names.js';

const MS_PER_DAY = 86_400_000;
const FIXED_DATE = new Date(0);
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** A format code with `decimals` decimals: 0 → "0", 2 → "0.00" (prefix "#,##0" for grouping). */
function decimalsFormat(base: string, decimals: number): string {
  return decimals > 0 ? `${base}.${'0'.repeat(decimals)}` : base;
}

export async function renderXlsx(tables: Table[], opts: FormatOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jobfx';
  wb.lastModifiedBy = 'jobfx';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const names = sheetNames(tables, opts.lang);
  safeTables(tables).forEach((t, i) => writeSheet(wb.addWorksheet(names[i]), t, opts));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipTimes(buf);
}

function writeSheet(ws: ExcelJS.Worksheet, table: Table, opts: FormatOptions): void {
  const value = table.columns.map((c) => c.kind === 'value');
  const widths = table.columns.map(() => 0);
  const fit = (j: number, s: string) => {
    widths[j] = Math.max(widths[j]!, Array.from(s).length);
  };

  const title = ws.getRow(1).getCell(1);
  title.value = neutraliseFormula(table.title);
  title.font = { bold: true, size: 14 };
  let r = 2;
  // The last row that stays in view: the header, or the title when there is none.
  let headerRow = 1;

  if (table.columns.some((c) => c.label !== '')) {
    headerRow = r;
    const header = ws.getRow(r++);
    table.columns.forEach((c, j) => {
      const cell = header.getCell(j + 1);
      cell.value = neutraliseFormula(c.label);
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      cell.border = { bottom: { style: 'thin' } };
      cell.alignment = { horizontal: value[j] ? 'right' : 'left', vertical: 'bottom', wrapText: true };
      fit(j, c.label);
    });
  }

  for (const row of table.rows) {
    const xrow = ws.getRow(r++);
    table.columns.forEach((_c, j) => {
      const cell = xrow.getCell(j + 1);
      const c = row.cells[j];
      if (c) setCell(cell, c, opts);
      if (value[j]) cell.alignment = { horizontal: 'right' };
      if (row.style === 'total') {
        cell.font = { bold: true };
        cell.border = { top: { style: 'thin' } };
      } else if (row.style === 'subtotal') {
        cell.font = { italic: true };
      }
      if (c) fit(j, formatCell(c, opts) + (c.t === 'share' && c.of !== 0 ? '%' : ''));
    });
  }

  if (table.notes.length > 0) r++;
  for (const note of table.notes) ws.getRow(r++).getCell(1).value = neutraliseFormula(note);

  const columnWidths = widths.map((w) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2)));
  columnWidths.forEach((w, j) => {
    ws.getColumn(j + 1).width = w;
  });
  printLayout(ws, headerRow, columnWidths);
}

/** Width in character units of what fits across A4 portrait inside Excel's default margins. */
const PORTRAIT_WIDTH = 90;

/**
 * Rows down to the header stay in view when scrolling (frozen panes), and print on every page;
 * a printed table is as wide as the page (fit to one page wide, as many pages tall as it takes:
 * fitToHeight 0), in landscape when its columns are wider than A4 portrait.
 */
function printLayout(ws: ExcelJS.Worksheet, headerRow: number, columnWidths: number[]): void {
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }];
  const wide = columnWidths.reduce((a, b) => a + b, 0) > PORTRAIT_WIDTH;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: wide ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `1:${headerRow}`,
  };
}

function setCell(cell: ExcelJS.Cell, c: Cell, opts: FormatOptions): void {
  switch (c.t) {
    case 'text':
      cell.value = neutraliseFormula(c.v);
      return;
    case 'count':
      cell.value = c.v;
      cell.numFmt = '#,##0';
      return;
    case 'share':
      if (c.of === 0) {
        cell.value = '-';
      } else {
        cell.value = c.count / c.of;
        cell.numFmt = `${decimalsFormat('0', opts.percentDecimals)}%`;
      }
      return;
    case 'num':
      if (c.v === null) {
        cell.value = '-';
      } else {
        cell.value = c.v;
        cell.numFmt = decimalsFormat('#,##0', c.decimals);
        // The number stays in the cell; a value below `below` shows as "<0,001" (a conditional
        // number format, which Excel and LibreOffice both apply).
        if (c.below !== undefined)
          cell.numFmt = `[<${c.below}]"<${formatFixed(c.below, c.decimals, opts.lang)}";${cell.numFmt}`;
      }
      return;
    case 'date':
      if (c.v === null) {
        cell.value = '-';
      } else {
        cell.value = new Date(c.v * MS_PER_DAY);
        cell.numFmt = inLang(opts.lang, { da: 'dd-mm-yyyy', en: 'yyyy-mm-dd' });
      }
      return;
    case 'empty':
      return;
    case 'suppressed':
      cell.value = c.shown;
      return;
  }
}

/**
 * Set the modification time of every zip entry to 1980-01-01 00:00 (the DOS epoch). exceljs's zip
 * library stamps entries with the current local time; these fields are outside the CRCs, so
 * rewriting them in place leaves a valid archive. Walks the central directory, not a byte search.
 */
export function fixZipTimes(buf: Buffer): Buffer {
  const DOS_DATE = (0 << 9) | (1 << 5) | 1;
  for (const e of zipEntries(buf)) {
    buf.writeUInt16LE(0, e.centralOffset + 12);
    buf.writeUInt16LE(DOS_DATE, e.centralOffset + 14);
    if (buf.readUInt32LE(e.localOffset) !== 0x04034b50) throw new Error('xlsx: bad zip local header');
    buf.writeUInt16LE(0, e.localOffset + 10);
    buf.writeUInt16LE(DOS_DATE, e.localOffset + 12);
  }
  return buf;
}
