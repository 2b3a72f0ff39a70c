/**
 * The reader of reference: XLSX → RawTable with exceljs, for the workbooks the fast reader
 * declines (formulas, hyperlinks, booleans ...). It is handed only a workbook whose every part
 * xlsx-limits.ts has inflated and checked. It corrects three exceljs quirks on the way:
 * - the cells of a merged range other than its top-left cell read as a copy of that cell's
 *   value; Excel stores the value once, so they become null here;
 * - exceljs knows the 1904 date system only when workbook.xml says date1904="1"; LibreOffice
 *   writes date1904="true" (also valid), and exceljs then puts every date 1462 days early.
 *   The flag is read from workbook.xml here and such dates are moved back;
 * - an inline date cell (t="d", ISO 8601 text) reads as the number before its first dash (a
 *   date in 1905): such cells are read from the sheet's XML here and put in its place.
 */
import type ExcelJS from 'exceljs';
import { inputError, JobfxError } from '../errors.js';
import { Decline, parseWorkbook } from './fast-xlsx.js';
import type { RawTable, RawValue, ReadNote, ReadOptions } from './raw.js';
import { readWorkbook, type Grid, type SheetSource } from './xlsx-grid.js';
import { convert, DAYS_1904, isoDateCell, type XlsxCtx } from './xlsx-values.js';

export async function readWithExceljs(
  file: string,
  bytes: Buffer,
  parts: Map<string, Buffer>,
  opts: ReadOptions,
  declares1904: boolean,
  readerNotes: ReadNote[],
): Promise<RawTable> {
  const dates = inlineDatesBySheet(file, parts);
  // exceljs takes 0.3-0.7 s to load: only a workbook the fast reader declined pays for it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its Buffer as a bare ArrayBuffer; a Node Buffer is what it wants at runtime.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw inputError(
      `${file}: could not be read as an Excel workbook${reason(err)}; the file may be damaged: ` +
        'open it in Excel and save it again as .xlsx',
    );
  }

  // properties is undefined when exceljs found no workbook.xml to read it from.
  const exceljs1904 = (workbook.properties as { date1904?: boolean } | undefined)?.date1904 === true;
  const date1904 = exceljs1904 || declares1904;
  const ctx: XlsxCtx = { date1904, shift: date1904 && !exceljs1904 ? DAYS_1904 : 0 };
  const merge = ExcelJS.ValueType.Merge;

  try {
    const sheets: SheetSource[] = workbook.worksheets.map((ws) => ({
      name: ws.name,
      grid: () => readGrid(ws, ctx, merge, dates.get(ws.name)),
    }));
    return readWorkbook(file, sheets, opts, ctx, readerNotes);
  } catch (err) {
    if (err instanceof JobfxError) throw err;
    throw inputError(
      `${file}: could not be read as an Excel workbook${reason(err)}; open it in Excel and save it again as .xlsx`,
    );
  }
}

function readGrid(
  ws: ExcelJS.Worksheet,
  ctx: XlsxCtx,
  merge: ExcelJS.ValueType,
  dates: Map<string, RawValue> | undefined,
): Grid {
  const rows = new Map<number, RawValue[]>();
  const merged = new Set<number>();
  ws.eachRow((row, r) => {
    const cells: RawValue[] = [];
    row.eachCell((cell, c) => {
      while (cells.length < c - 1) cells.push(null);
      // exceljs makes every cell of a merged range answer with the top-left cell's value.
      const date = dates?.get(cell.address);
      cells[c - 1] =
        date !== undefined ? date : cell.type === merge ? null : convert(cell.value, cell.numFmt, ctx);
      if (cell.isMerged) merged.add(r);
    });
    rows.set(r, cells);
  });
  return { rows, merged };
}

/**
 * The inline date cells (t="d") of every worksheet, by sheet name and cell reference. The
 * sheet names come from the workbook's parts as the fast reader reads them; where it cannot,
 * a workbook with such cells is refused rather than read with dates in 1905.
 */
function inlineDatesBySheet(file: string, parts: Map<string, Buffer>): Map<string, Map<string, RawValue>> {
  const out = new Map<string, Map<string, RawValue>>();
  const found = new Map<string, Map<string, RawValue>>();
  for (const [name, data] of parts)
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name) && data.includes('t="d"')) {
      const dates = inlineDates(data.toString('utf8'));
      if (dates.size > 0) found.set(name, dates);
    }
  if (found.size === 0) return out;
  const text = (name: string): string | null => parts.get(name)?.toString('utf8') ?? null;
  try {
    const wb = parseWorkbook(text('xl/workbook.xml') ?? '', text('xl/_rels/workbook.xml.rels'), text);
    for (const sheet of wb.sheets) {
      const dates = found.get(sheet.path);
      if (dates) out.set(sheet.name, dates);
    }
  } catch (err) {
    if (!(err instanceof Decline)) throw err;
    const [part, dates] = [...found][0]!;
    throw inputError(
      `${file}: worksheet ${part} holds date cells written as text (t="d", e.g. ${[...dates][0]![0]}) that jobfx ` +
        'cannot place in this workbook; open it in Excel and save it again as .xlsx',
    );
  }
  return out;
}

/** t="d" cells of a sheet's XML: reference → the date (or the text when it is not an ISO date). */
export function inlineDates(xml: string): Map<string, RawValue> {
  const out = new Map<string, RawValue>();
  const re = /<c\s([^>/]*?\bt\s*=\s*["']d["'][^>/]*)>([\s\S]*?)<\/c>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const ref = /(?:^|\s)r\s*=\s*["']([A-Z]+\d+)["']/.exec(m[1]!);
    const v = /<v>([^<]*)<\/v>/.exec(m[2]!);
    if (ref && v) out.set(ref[1]!, isoDateCell(v[1]!));
  }
  return out;
}

/** exceljs's own words when they say something about the file; a TypeError from inside it does not. */
const reason = (err: unknown): string => (err instanceof TypeError ? '' : ` (${firstLine(err)})`);

export const firstLine = (err: unknown): string =>
  (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200);
