/**
 * XLSX → RawTable with exceljs. exceljs does the XML; this file checks the file before exceljs
 * sees it (so the user gets a message, not a JSZip stack), picks the sheet and the header row,
 * and turns exceljs cell values into RawValues, correcting two exceljs quirks on the way:
 * - the cells of a merged range other than its top-left cell read as a copy of that cell's
 *   value; Excel stores the value once, so they become null here;
 * - exceljs knows the 1904 date system only when workbook.xml says date1904="1"; LibreOffice
 *   writes date1904="true" (also valid), and exceljs then puts every date 1462 days early.
 *   The flag is read from workbook.xml here and such dates are moved back.
 *
 * Most workbooks never reach exceljs: fast-xlsx.ts reads the common ones from their XML into
 * the same grid, and exceljs (loaded only then) reads the rest. Before either, the size of the
 * unpacked workbook and the number of rows are checked against limits (xlsxLimits).
 */
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { dayOfExcelSerial, isoOf } from '../base/dates.js';
import { inputError, JobfxError, usageError } from '../errors.js';
import { parseSheet, parseSharedStrings, parseStyles, parseWorkbook } from './fast-xlsx.js';
import { findHeaderRow, HEADER_SEARCH_ROWS, isEmptyCell } from './raw.js';
import type { RawRow, RawTable, RawValue, ReadOptions, SourceInfo } from './raw.js';

const MS_PER_DAY = 86_400_000;
/** Days between the 1900 and the 1904 date systems' serial 0. */
const DAYS_1904 = 1462;

/**
 * Limits against a workbook that would exhaust memory before it is read: a zip bomb (a small
 * file that inflates to gigabytes) or far more rows than any export has. exceljs holds the whole
 * workbook as objects (about 6 kB per row), the fast reader much less; the defaults (500 MB
 * unpacked, Excel's own 1,048,576 rows a sheet, 200,000 for exceljs) are generous for an export
 * and far below what would take the process down. JOBFX_XLSX_MAX_MB and JOBFX_XLSX_MAX_ROWS
 * change them.
 */
export function xlsxLimits(env: NodeJS.ProcessEnv = process.env): { maxBytes: number; maxRows: number } {
  const num = (v: string | undefined, dflt: number) =>
    v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : dflt;
  return {
    maxBytes: num(env.JOBFX_XLSX_MAX_MB, 500) * 1e6,
    maxRows: num(env.JOBFX_XLSX_MAX_ROWS, 1_048_576),
  };
}

/**
 * `reader` is for tests: 'exceljs' skips the fast reader, 'fast' fails where it would decline
 * (with the message 'fast reader declined').
 */
export async function readXlsx(
  file: string,
  opts: ReadOptions,
  reader: 'auto' | 'fast' | 'exceljs' = 'auto',
): Promise<RawTable> {
  const bytes = await readChecked(file);
  const entries = zipEntries(bytes);
  const limits = xlsxLimits();
  let largest = 0;
  if (entries) {
    checkParts(file, entries);
    const parts = unpack(file, bytes, entries, limits);
    const fast = reader === 'exceljs' ? null : readFast(file, parts, opts);
    if (fast) return fast;
    if (reader === 'fast') throw new Error('fast reader declined');
    for (const [name, data] of parts)
      if (data && /^xl\/worksheets\/[^/]+\.xml$/i.test(name)) largest = Math.max(largest, countRows(data));
  }
  // exceljs holds about 6 kB per row: a sheet the fast reader could not take must be smaller.
  const exceljsRows = process.env.JOBFX_XLSX_MAX_ROWS
    ? limits.maxRows
    : Math.min(limits.maxRows, EXCELJS_MAX_ROWS);
  if (largest > exceljsRows)
    throw inputError(
      `${file}: a sheet holds ${largest.toLocaleString('en')} rows and uses features (formulas, hyperlinks, ...) ` +
        `that make jobfx read it the slow way, which takes at most ${exceljsRows.toLocaleString('en')} rows; ` +
        'export it as CSV, or save it from Excel without formulas (paste values)',
    );
  const workbookXml = entries?.get('xl/workbook.xml');
  const declares1904 = workbookXml ? is1904(zipText(bytes, workbookXml)) : false;

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
      grid: () => readGrid(ws, ctx, merge),
    }));
    return readWorkbook(file, sheets, opts, ctx);
  } catch (err) {
    if (err instanceof JobfxError) throw err;
    throw inputError(
      `${file}: could not be read as an Excel workbook${reason(err)}; open it in Excel and save it again as .xlsx`,
    );
  }
}

/** Rows a workbook read by exceljs may have (unless JOBFX_XLSX_MAX_ROWS says otherwise). */
const EXCELJS_MAX_ROWS = 200_000;

/**
 * The workbook through the fast reader, or null to read it with exceljs: when the fast reader
 * declines, and also when it ends in an error, so that an error message always comes from the
 * reader of reference.
 */
function readFast(file: string, parts: Map<string, Buffer | null>, opts: ReadOptions): RawTable | null {
  const text = (name: string): string | null => parts.get(name)?.toString('utf8') ?? null;
  try {
    const workbookXml = text('xl/workbook.xml');
    if (workbookXml === null) return null;
    const wb = parseWorkbook(workbookXml, text('xl/_rels/workbook.xml.rels'), text);
    const date1904 = wb.exceljs1904 || is1904(workbookXml);
    const ctx: XlsxCtx = { date1904, shift: date1904 && !wb.exceljs1904 ? DAYS_1904 : 0 };
    const cc = {
      ctx,
      exceljs1904: wb.exceljs1904,
      numFmts: parseStyles(wb.styles),
      strings: parseSharedStrings(wb.sharedStrings),
      convert,
      isExceljsDateFmt,
      isTimeOnly: isTimeOnlyFormat,
      kinds: [],
      progress: opts.progress,
    };
    const sheets: SheetSource[] = wb.sheets.map((sh) => ({
      name: sh.name,
      grid: () => parseSheet(sh.xml(), cc),
    }));
    return readWorkbook(file, sheets, opts, ctx);
  } catch {
    return null;
  }
}

/** exceljs's utils.isDateFmt: whether exceljs turns a number with this format into a Date. */
function isExceljsDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return f.match(/[ymdhMsb]+/) !== null;
}

export interface XlsxCtx {
  date1904: boolean;
  /** Days to add to the dates exceljs gives when it missed the 1904 flag. */
  shift: number;
}

/** Sheet rows as RawValue arrays by sheet row number, plus whether merged cells were seen per row. */
export interface Grid {
  rows: Map<number, RawValue[]>;
  merged: Set<number>;
}

/** A worksheet, from exceljs or from the fast reader: its name and its grid, read when asked for. */
interface SheetSource {
  name: string;
  grid: () => Grid;
}

function readWorkbook(file: string, sheets: SheetSource[], opts: ReadOptions, ctx: XlsxCtx): RawTable {
  const names = sheets.map((ws) => ws.name);
  const { sheet, grid } = pickSheet(file, sheets, opts);

  let headerRow: number;
  let headerRowSource: SourceInfo['headerRowSource'];
  if (opts.headerRow !== undefined) {
    headerRow = opts.headerRow;
    headerRowSource = 'forced';
    if (!Number.isInteger(headerRow) || headerRow < 1)
      throw usageError(`${file}: --header-row must be a row number from 1 up, not ${headerRow}`);
    if (!hasValue(grid.rows.get(headerRow)))
      throw usageError(
        `${file}: --header-row ${headerRow}: row ${headerRow} of sheet "${sheet.name}" is empty; ` +
          'give the row that holds the column names',
      );
  } else {
    headerRowSource = 'detected';
    const first: RawValue[][] = [];
    for (let r = 1; r <= HEADER_SEARCH_ROWS; r++) first.push(grid.rows.get(r) ?? []);
    const found = findHeaderRow(first, opts.headerScore);
    // Else the first non-empty row: pickSheet only returns sheets that hold a value.
    headerRow = found >= 0 ? found + 1 : firstNonEmptyRow(grid);
  }

  const headerCells = grid.rows.get(headerRow) ?? [];
  const headers = headerCells.map(headerText);
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  const width = headers.length;

  // Only the header columns count: a value further right is ignored, so it cannot make a row.
  let lastRow = headerRow;
  for (const [r, cells] of grid.rows) {
    if (r <= headerRow || r <= lastRow) continue;
    for (let i = 0; i < width && i < cells.length; i++)
      if (!isEmptyCell(cells[i]!)) {
        lastRow = r;
        break;
      }
  }

  // The grid's arrays become the rows' cells, cut or padded to the header's width (the grid
  // is not read again).
  const rows: RawRow[] = [];
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const cells = grid.rows.get(r) ?? [];
    if (cells.length > width) cells.length = width;
    while (cells.length < width) cells.push(null);
    rows.push({ rowNumber: r, ref: `row ${r}`, cells });
  }

  let titleRows = 0;
  for (const [r, cells] of grid.rows) if (r < headerRow && hasValue(cells)) titleRows++;

  const notes: string[] = [];
  if (ctx.date1904)
    notes.push('the workbook uses the 1904 date system (Excel for Mac); dates were converted accordingly');
  const mergedRows = [...grid.merged];
  if (mergedRows.some((r) => r < headerRow)) notes.push('merged title cells above the header');
  if (mergedRows.some((r) => r >= headerRow && r <= lastRow))
    notes.push(
      'merged cells in the table: only the first cell of a merged range holds its value, the others read as empty',
    );

  return {
    info: {
      file,
      format: 'xlsx',
      sheet: sheet.name,
      sheets: names,
      date1904: ctx.date1904,
      headerRow,
      headerRowSource,
      notes,
    },
    headers,
    rows,
    titleRows,
  };
}

function firstNonEmptyRow(grid: Grid): number {
  for (const [r, cells] of grid.rows) if (hasValue(cells)) return r;
  return 1;
}

function pickSheet(
  file: string,
  sheets: SheetSource[],
  opts: ReadOptions,
): { sheet: SheetSource; grid: Grid } {
  const list = sheets.map((ws) => `"${ws.name}"`).join(', ');
  if (sheets.length === 0)
    throw inputError(`${file}: holds no worksheets; open it in Excel and check that the data is there`);

  if (opts.sheet !== undefined) {
    const want = opts.sheet.trim();
    // A name wins over an index: a sheet may well be called "2".
    let sheet = sheets.find((ws) => ws.name.toLowerCase() === want.toLowerCase());
    if (!sheet && /^\d+$/.test(want)) sheet = sheets[Number(want) - 1];
    if (!sheet)
      throw usageError(
        `${file}: there is no sheet "${opts.sheet}"; the sheets are ${list}: ` +
          `give --sheet one of these names or a number from 1 to ${sheets.length}`,
      );
    const grid = sheet.grid();
    if (![...grid.rows.values()].some(hasValue))
      throw inputError(
        `${file}: sheet "${sheet.name}" is empty; choose another one with --sheet (sheets: ${list})`,
      );
    return { sheet, grid };
  }

  // Default: the first sheet with a recognisable header row (a cover sheet comes first often),
  // else the first sheet with anything in it.
  let fallback: { sheet: SheetSource; grid: Grid } | undefined;
  for (const sheet of sheets) {
    const grid = sheet.grid();
    const first: RawValue[][] = [];
    for (let r = 1; r <= HEADER_SEARCH_ROWS; r++) first.push(grid.rows.get(r) ?? []);
    if (findHeaderRow(first, opts.headerScore) >= 0) return { sheet, grid };
    if (!fallback && [...grid.rows.values()].some(hasValue)) fallback = { sheet, grid };
  }
  if (fallback) return fallback;
  throw inputError(
    `${file}: holds no data: every sheet is empty (${list}); check that this is the right file`,
  );
}

function readGrid(ws: ExcelJS.Worksheet, ctx: XlsxCtx, merge: ExcelJS.ValueType): Grid {
  const rows = new Map<number, RawValue[]>();
  const merged = new Set<number>();
  ws.eachRow((row, r) => {
    const cells: RawValue[] = [];
    row.eachCell((cell, c) => {
      while (cells.length < c - 1) cells.push(null);
      // exceljs makes every cell of a merged range answer with the top-left cell's value.
      cells[c - 1] = cell.type === merge ? null : convert(cell.value, cell.numFmt, ctx);
      if (cell.isMerged) merged.add(r);
    });
    rows.set(r, cells);
  });
  return { rows, merged };
}

function convert(v: unknown, numFmt: string | undefined, ctx: XlsxCtx): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    // exceljs turns numbers into Dates only for the formats its own test knows; catch the rest.
    return isDateFormat(numFmt) ? { day: dayOfExcelSerial(v, ctx.date1904) } : v;
  }
  if (v instanceof Date) return dateValue(v, numFmt, ctx);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return richText(o.richText);
    if ('error' in o) return String(o.error);
    if ('formula' in o || 'sharedFormula' in o) return convert(o.result, numFmt, ctx);
    if ('hyperlink' in o || 'text' in o) return convert(o.text, numFmt, ctx);
  }
  return String(v);
}

function dateValue(d: Date, numFmt: string | undefined, ctx: XlsxCtx): RawValue {
  const ms = d.getTime();
  // Only a serial far beyond Excel's last date (9999-12-31) gives this; keep it visible.
  if (Number.isNaN(ms)) return String(d);
  // A time-only format (h:mm) holds a time of day, not a date: give the serial number back
  // (whole milliseconds, so 08:30 comes out as 8.5/24 exactly).
  if (numFmt !== undefined && isTimeOnlyFormat(numFmt)) {
    const epochDays = ctx.shift + (ctx.date1904 ? 25569 - DAYS_1904 : 25569);
    return (ms + epochDays * MS_PER_DAY) / MS_PER_DAY;
  }
  // exceljs gives the serial as a UTC instant, so the UTC calendar day is the cell's date.
  return { day: Math.floor(ms / MS_PER_DAY) + ctx.shift };
}

function richText(runs: unknown[]): string {
  return runs.map((run) => String((run as { text?: unknown }).text ?? '')).join('');
}

/** The format code without quoted text, [colour/locale] blocks, escapes and AM/PM markers. */
function formatLetters(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/AM\/PM|A\/P/gi, '');
}

/** A number format that shows a date: a day or year part, or a month without hours/seconds. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt || /^general$/i.test(fmt.trim())) return false;
  const f = formatLetters(fmt);
  return /[dyb]/i.test(f) || (/m/i.test(f) && !/[hs]/i.test(f));
}

function isTimeOnlyFormat(fmt: string): boolean {
  const f = formatLetters(fmt);
  return /[hs]/i.test(f) && !/[dyb]/i.test(f);
}

function headerText(v: RawValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return isoOf(v.day);
  return String(v).trim();
}

const hasValue = (cells: RawValue[] | undefined): boolean => !!cells && cells.some((v) => !isEmptyCell(v));

/** exceljs's own words when they say something about the file; a TypeError from inside it does not. */
const reason = (err: unknown): string => (err instanceof TypeError ? '' : ` (${firstLine(err)})`);

const firstLine = (err: unknown): string =>
  (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200);

// ---------------------------------------------------------------------------------------------
// The file before exceljs: existence, size, magic bytes, and the parts of the zip.

async function readChecked(file: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw inputError(`${file}: file not found; check the path and the file name`);
    if (code === 'EISDIR')
      throw inputError(`${file}: is a folder, not a file; give the path of the .xlsx file`);
    if (code === 'EACCES' || code === 'EPERM')
      throw inputError(`${file}: cannot be read (permission denied); check the file's permissions`);
    throw inputError(`${file}: cannot be read (${firstLine(err)})`);
  }
  if (bytes.length === 0) throw inputError(`${file}: is empty (0 bytes); export the data again`);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    // Excel stores a password-protected .xlsx as an OLE file with an EncryptedPackage stream.
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le')))
      throw inputError(
        `${file}: is password-protected (encrypted); open it in Excel and save it as .xlsx without a password`,
      );
    throw inputError(
      `${file}: is an old Excel 97-2003 workbook (.xls) or a password-protected one; ` +
        'open it in Excel and save it as .xlsx (Excel Workbook) without a password',
    );
  }
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = bytes.subarray(0, 4096);
    const text = !head.includes(0);
    throw inputError(
      `${file}: is not an Excel workbook (.xlsx)` +
        (text
          ? '; it holds text: if it is a CSV export, give it a .csv name, else save it from Excel as .xlsx'
          : '; open it in Excel and save it as .xlsx'),
    );
  }
  return bytes;
}

function checkParts(file: string, entries: Map<string, ZipEntry>): void {
  if (entries.has('xl/workbook.xml')) return;
  if (entries.has('xl/workbook.bin'))
    throw inputError(`${file}: is an Excel binary workbook (.xlsb); open it in Excel and save it as .xlsx`);
  if (entries.has('content.xml'))
    throw inputError(
      `${file}: is an OpenDocument spreadsheet (.ods); save it as .xlsx (Excel 2007-365) and try again`,
    );
  throw inputError(
    `${file}: is a zip archive but not an Excel workbook (.xlsx); check the file, or open it in Excel and save it as .xlsx`,
  );
}

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function is1904(workbookXml: string | null): boolean {
  if (!workbookXml) return false;
  return /<(?:[\w.-]+:)?workbookPr\b[^>]*\sdate1904\s*=\s*["']\s*(?:1|true)\s*["']/.test(workbookXml);
}

interface ZipEntry {
  method: number;
  compressedSize: number;
  /** As the central directory says: a zip bomb may lie, so it is checked by inflating. */
  size: number;
  localOffset: number;
}

/**
 * Every part of the workbook, inflated, with the limits applied: a workbook whose parts inflate
 * to more than the limit, or whose sheets hold more rows than the limit, is refused here. Each
 * part is inflated with a cap on its output, so a part that claims to be small but is not stops
 * at the cap rather than filling memory. A part that cannot be inflated here is null (exceljs
 * then has its say about it).
 */
function unpack(
  file: string,
  buf: Buffer,
  entries: Map<string, ZipEntry>,
  limits: { maxBytes: number; maxRows: number },
): Map<string, Buffer | null> {
  const tooBig = () =>
    inputError(
      `${file}: the workbook unpacks to more than ${Math.round(limits.maxBytes / 1e6)} MB, more than an export ` +
        'can hold (a damaged or hostile file?); if it really is an export, set JOBFX_XLSX_MAX_MB higher, or export as CSV',
    );
  let declared = 0;
  for (const e of entries.values()) declared += e.size;
  if (declared > limits.maxBytes) throw tooBig();
  let budget = limits.maxBytes;
  const parts = new Map<string, Buffer | null>();
  for (const [name, e] of entries) {
    const data = zipData(buf, e, budget);
    if (data === 'too big') throw tooBig();
    parts.set(name, data);
    if (data === null) continue;
    budget -= data.length;
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) {
      const rows = countRows(data);
      if (rows > limits.maxRows)
        throw inputError(
          `${file}: a sheet holds more than ${limits.maxRows.toLocaleString('en')} rows (${rows.toLocaleString('en')}), ` +
            'more than jobfx reads from a workbook; export it as CSV, or set JOBFX_XLSX_MAX_ROWS higher',
        );
    }
  }
  return parts;
}

/** Number of <row> elements in sheet XML. */
function countRows(xml: Buffer): number {
  const tag = Buffer.from('<row');
  let n = 0;
  for (let i = xml.indexOf(tag); i >= 0; i = xml.indexOf(tag, i + 4)) {
    const next = xml[i + 4];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d)
      n++;
  }
  return n;
}

/** An entry's bytes, inflated with at most `cap` bytes of output; null when it cannot be read here. */
function zipData(buf: Buffer, entry: ZipEntry, cap: number): Buffer | 'too big' | null {
  try {
    const p = entry.localOffset;
    if (buf.readUInt32LE(p) !== 0x04034b50) return null;
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const data = buf.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) return data.length > cap ? 'too big' : data;
    if (entry.method !== 8) return null;
    try {
      return inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'too big';
      return null;
    }
  } catch {
    return null;
  }
}

/**
 * The entries of a zip from its central directory, or null when it cannot be read this simply
 * (zip64, damage): exceljs then gets to try and to fail with its own message.
 */
function zipEntries(buf: Buffer): Map<string, ZipEntry> | null {
  try {
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
      if (buf.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const count = buf.readUInt16LE(eocd + 10);
    const dirOffset = buf.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) return null;
    const entries = new Map<string, ZipEntry>();
    let p = dirOffset;
    for (let n = 0; n < count; n++) {
      if (buf.readUInt32LE(p) !== 0x02014b50) return null;
      const nameLength = buf.readUInt16LE(p + 28);
      const name = buf.toString('utf8', p + 46, p + 46 + nameLength).replace(/^\//, '');
      entries.set(name, {
        method: buf.readUInt16LE(p + 10),
        compressedSize: buf.readUInt32LE(p + 20),
        size: buf.readUInt32LE(p + 24),
        localOffset: buf.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    return entries;
  } catch {
    return null;
  }
}

function zipText(buf: Buffer, entry: ZipEntry): string | null {
  try {
    const p = entry.localOffset;
    if (buf.readUInt32LE(p) !== 0x04034b50) return null;
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const data = buf.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) return data.toString('utf8');
    if (entry.method === 8) return inflateRawSync(data).toString('utf8');
    return null;
  } catch {
    return null;
  }
}
