/**
 * XLSX → RawTable. The file is checked before any reader sees it (so the user gets a message,
 * not a JSZip stack): existence, magic bytes, then every part of the zip is inflated through
 * zip.ts against the limits of xlsx-limits.ts (size, rows, Excel's grid; CRC-32, encryption).
 * Most workbooks are then read by fast-xlsx.ts straight from their XML; the rest by exceljs
 * (xlsx-exceljs.ts, loaded only then), with a note that says why. Both give the same grid,
 * which xlsx-grid.ts turns into the table.
 */
import { readFile } from 'node:fs/promises';
import { both, type Bilingual } from '../base/i18n.js';
import { inputError } from '../errors.js';
import { Decline, parseSheet, parseSharedStrings, parseStyles, parseWorkbook } from './fast-xlsx.js';
import { readNote, type RawTable, type ReadOptions } from './raw.js';
import { readWithExceljs, firstLine } from './xlsx-exceljs.js';
import { readWorkbook, type SheetSource } from './xlsx-grid.js';
import { checkExceljsRows, unpack, xlsxLimits } from './xlsx-limits.js';
import { convert, DAYS_1904, isExceljsDateFmt, isTimeOnlyFormat, type XlsxCtx } from './xlsx-values.js';
import { zipEntries, ZipDamaged, type ZipEntry } from './zip.js';

export { xlsxLimits } from './xlsx-limits.js';

/** A workbook this large that goes to exceljs is worth a note on stderr: it will take a while. */
const NOTE_ABOVE_BYTES = 5e6;

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
  const parts = unpack(file, bytes, listEntries(file, bytes), xlsxLimits());
  checkParts(file, parts);
  let why = both('det er bedt om', 'asked for');
  if (reader !== 'exceljs') {
    const fast = readFast(file, parts, opts);
    if (!(fast instanceof Decline)) return fast;
    if (reader === 'fast') throw new Error('fast reader declined');
    why = plainReason(fast);
  }
  checkExceljsRows(file, parts);
  const note = both(`læst med exceljs (langsommere): ${why.da}`, `read with exceljs (slower): ${why.en}`);
  if (bytes.length > NOTE_ABOVE_BYTES) opts.note?.(`${file}: ${note.en}`);
  return readWithExceljs(
    file,
    bytes,
    parts,
    opts,
    is1904(parts.get('xl/workbook.xml')?.toString('utf8') ?? null),
    [readNote('slow-reader', note)],
  );
}

function listEntries(file: string, bytes: Buffer): ZipEntry[] {
  try {
    return zipEntries(bytes);
  } catch (err) {
    if (!(err instanceof ZipDamaged) && !(err instanceof RangeError)) throw err;
    throw inputError(
      `${file}: could not be read as an Excel workbook; the file may be damaged: ` +
        `open it in Excel and save it again as .xlsx (its zip directory: ${err.message})`,
    );
  }
}

/** Why the fast reader declined, in words for the user. */
function plainReason(d: Decline): Bilingual {
  const why = d.why;
  if (why === 'formulas' || why === 'cell type str')
    return both('regnearket har formler', 'the workbook has formulas');
  if (why === 'hyperlinks') return both('regnearket har hyperlinks', 'the workbook has hyperlinks');
  if (why === 'cell type b')
    return both('regnearket har SAND/FALSK-celler', 'the workbook has TRUE/FALSE cells');
  if (why === 'cell type e')
    return both('regnearket har fejlceller (#I/T, ...)', 'the workbook has error cells (#N/A, ...)');
  // The fast reader's own words for what it met: technical, so the same in both languages.
  return both(
    `den hurtige læser kan ikke læse dette regneark (${why})`,
    `the fast reader does not handle this workbook (${why})`,
  );
}

/**
 * The workbook through the fast reader, or its Decline to read it with exceljs: when the fast
 * reader declines, and also when it ends in an error, so that an error message always comes
 * from the reader of reference.
 */
function readFast(file: string, parts: Map<string, Buffer>, opts: ReadOptions): RawTable | Decline {
  const text = (name: string): string | null => parts.get(name)?.toString('utf8') ?? null;
  try {
    const workbookXml = text('xl/workbook.xml');
    if (workbookXml === null) return new Decline('no workbook part');
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
  } catch (err) {
    return err instanceof Decline ? err : new Decline(`error: ${firstLine(err)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The file before the readers: existence, size, magic bytes, and the parts of the zip.

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

function checkParts(file: string, entries: Map<string, Buffer>): void {
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
