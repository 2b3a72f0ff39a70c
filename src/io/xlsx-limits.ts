/**
 * Limits against a workbook that would exhaust memory before it is read: a zip bomb (a small
 * file that inflates to gigabytes), far more rows than any export has, or a row or cell number
 * beyond Excel's grid (a 27 kB file with <row r="100000000"> takes exceljs out of memory).
 * Every part of every workbook is inflated here, through zip.ts with a cap, before either reader
 * sees it, so the limits hold on every path, Zip64 included.
 */
import { inputError } from '../errors.js';
import { inflateEntry, type ZipEntry } from './zip.js';

/** Excel's grid: 1,048,576 rows, columns A to XFD. */
export const EXCEL_MAX_ROW = 1_048_576;
export const EXCEL_MAX_COL = 16_384;
/** Cells a merged range may cover (exceljs makes an object for each). */
const MAX_MERGE_CELLS = 100_000;

/**
 * exceljs holds the whole workbook as objects (about 6 kB per row), the fast reader much less;
 * the defaults (500 MB unpacked, Excel's own 1,048,576 rows a sheet, 200,000 for exceljs) are
 * generous for an export and far below what would take the process down. JOBFX_XLSX_MAX_MB and
 * JOBFX_XLSX_MAX_ROWS change them.
 */
export function xlsxLimits(env: NodeJS.ProcessEnv = process.env): { maxBytes: number; maxRows: number } {
  const num = (v: string | undefined, dflt: number) =>
    v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : dflt;
  return {
    maxBytes: num(env.JOBFX_XLSX_MAX_MB, 500) * 1e6,
    maxRows: num(env.JOBFX_XLSX_MAX_ROWS, EXCEL_MAX_ROW),
  };
}

/** Rows a workbook read by exceljs may have (unless JOBFX_XLSX_MAX_ROWS says otherwise). */
const EXCELJS_MAX_ROWS = 200_000;

export const isWorksheet = (name: string): boolean => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

/**
 * Every part of the workbook, inflated, with the limits applied: a workbook whose parts inflate
 * to more than the limit, or whose sheets hold more rows than the limit or a row or cell beyond
 * Excel's grid, is refused here. Each part is inflated with a cap on its output, so a part that
 * claims to be small but is not stops at the cap rather than filling memory.
 */
export function unpack(
  file: string,
  buf: Buffer,
  entries: ZipEntry[],
  limits: { maxBytes: number; maxRows: number },
): Map<string, Buffer> {
  const tooBig = () =>
    inputError(
      `${file}: the workbook unpacks to more than ${Math.round(limits.maxBytes / 1e6)} MB, more than an export ` +
        'can hold (a damaged or hostile file?); if it really is an export, set JOBFX_XLSX_MAX_MB higher, or export as CSV',
    );
  let declared = 0;
  for (const e of entries) declared += e.size;
  if (declared > limits.maxBytes) throw tooBig();
  let budget = limits.maxBytes;
  const parts = new Map<string, Buffer>();
  for (const e of entries) {
    if (parts.has(e.name))
      throw inputError(
        `${file}: the zip holds the entry ${e.name} twice (a damaged or hostile file?); open it in Excel and save it again as .xlsx`,
      );
    const data = inflateEntry(file, buf, e, budget);
    if (data === 'too big') throw tooBig();
    parts.set(e.name, data);
    budget -= data.length;
    if (isWorksheet(e.name)) {
      const rows = checkSheetRefs(file, e.name, data);
      if (rows > limits.maxRows)
        throw inputError(
          `${file}: a sheet holds more than ${limits.maxRows.toLocaleString('en')} rows (${rows.toLocaleString('en')}), ` +
            'more than jobfx reads from a workbook; export it as CSV, or set JOBFX_XLSX_MAX_ROWS higher',
        );
    }
  }
  return parts;
}

/** Refuses a workbook the fast reader declined when a sheet has more rows than exceljs can hold. */
export function checkExceljsRows(file: string, parts: Map<string, Buffer>): void {
  const limits = xlsxLimits();
  const max = process.env.JOBFX_XLSX_MAX_ROWS ? limits.maxRows : Math.min(limits.maxRows, EXCELJS_MAX_ROWS);
  let largest = 0;
  for (const [name, data] of parts) if (isWorksheet(name)) largest = Math.max(largest, countRows(data));
  if (largest > max)
    throw inputError(
      `${file}: a sheet holds ${largest.toLocaleString('en')} rows and uses features (formulas, hyperlinks, ...) ` +
        `that make jobfx read it the slow way, which takes at most ${max.toLocaleString('en')} rows; ` +
        'export it as CSV, or save it from Excel without formulas (paste values)',
    );
}

const isSpace = (b: number | undefined): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
const isTagEnd = (b: number | undefined): boolean => isSpace(b) || b === 0x3e || b === 0x2f;

/** Number of <row> elements in sheet XML. */
function countRows(xml: Buffer): number {
  let n = 0;
  for (let i = xml.indexOf('<row'); i >= 0; i = xml.indexOf('<row', i + 4)) if (isTagEnd(xml[i + 4])) n++;
  return n;
}

/**
 * Number of <row> elements; refuses a row number, a cell reference or a merged range beyond
 * Excel's grid (exceljs would make an object for every row or cell up to it), and a merged
 * range of more than MAX_MERGE_CELLS cells.
 */
function checkSheetRefs(file: string, part: string, xml: Buffer): number {
  const beyond = (what: string) =>
    inputError(
      `${file}: worksheet ${part}: ${what}, beyond Excel's last row ${EXCEL_MAX_ROW.toLocaleString('en')} ` +
        'and last column XFD (a damaged or hostile file?); open it in Excel and save it again, or export as CSV',
    );
  let rows = 0;
  for (const tag of ['<row', '<c', '<mergeCell'] as const) {
    for (let i = xml.indexOf(tag); i >= 0; i = xml.indexOf(tag, i + tag.length)) {
      if (!isTagEnd(xml[i + tag.length])) continue;
      const attr = refAttribute(xml, i + tag.length);
      if (tag === '<row') {
        rows++;
        if (attr && !(/^\d{1,7}$/.test(attr[2]!) && Number(attr[2]) <= EXCEL_MAX_ROW))
          throw beyond(`row number ${attr[2]!.slice(0, 20)}`);
      } else if (attr) {
        const cells = attr[2]!.split(':').map(cellRef);
        if (cells.some((c) => c === null)) throw beyond(`cell reference ${attr[2]!.slice(0, 30)}`);
        if (tag === '<mergeCell' && cells.length === 2) {
          const [[c1, r1], [c2, r2]] = cells as [[number, number], [number, number]];
          if ((Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1) > MAX_MERGE_CELLS)
            throw inputError(
              `${file}: worksheet ${part}: the merged range ${attr[2]} covers more than ` +
                `${MAX_MERGE_CELLS.toLocaleString('en')} cells (a damaged or hostile file?); unmerge it in Excel and save again`,
            );
        }
      }
    }
  }
  return rows;
}

/**
 * The r (or ref) attribute of the tag whose attributes start at `from`, as [match, name, value].
 * Excel writes it first (` r="A1"`): read in place; else the tag's text is searched.
 */
function refAttribute(xml: Buffer, from: number): [string, string, string] | null {
  if (xml[from] === 0x20 && xml[from + 1] === 0x72 && xml[from + 2] === 0x3d && xml[from + 3] === 0x22) {
    const q = xml.indexOf(0x22, from + 4);
    if (q > 0 && q - from < 40) {
      const v = xml.toString('latin1', from + 4, q);
      return ['', 'r', v];
    }
  }
  const end = xml.indexOf('>', from);
  const text = xml.toString('latin1', from, end < 0 ? xml.length : end);
  const m = /\s(r|ref)\s*=\s*["']([^"']*)["']/.exec(text);
  return m ? [m[0], m[1]!, m[2]!] : null;
}

/** A cell reference (A1, $B$7) as [column, row], or null when it lies beyond Excel's grid. */
function cellRef(ref: string): [number, number] | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = Number(m[2]);
  return col <= EXCEL_MAX_COL && row >= 1 && row <= EXCEL_MAX_ROW ? [col, row] : null;
}
