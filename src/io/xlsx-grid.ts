/**
 * A workbook's sheets as grids (rows of RawValues by sheet row number), from either reader, into
 * a RawTable: picks the sheet and the header row, cuts the rows to the header's width, and notes
 * what the user should know (1904 dates, merged cells).
 */
import { isoOf } from '../base/dates.js';
import { both, type Bilingual } from '../base/i18n.js';
import { inputError, usageError } from '../errors.js';
import { findHeaderRow, HEADER_SEARCH_ROWS, isEmptyCell, readNote } from './raw.js';
import type { RawRow, RawTable, RawValue, ReadNote, ReadOptions, SourceInfo } from './raw.js';
import type { XlsxCtx } from './xlsx-values.js';

/** Sheet rows as RawValue arrays by sheet row number, plus whether merged cells were seen per row. */
export interface Grid {
  rows: Map<number, RawValue[]>;
  merged: Set<number>;
}

/** A worksheet, from exceljs or from the fast reader: its name and its grid, read when asked for. */
export interface SheetSource {
  name: string;
  grid: () => Grid;
}

export function readWorkbook(
  file: string,
  sheets: SheetSource[],
  opts: ReadOptions,
  ctx: XlsxCtx,
  readerNotes: ReadNote[] = [],
): RawTable {
  const names = sheets.map((ws) => ws.name);
  const { sheet, grid } = pickSheet(file, sheets, opts);

  const { headerRow, headerRowSource } = chooseHeaderRow(file, sheet.name, grid, opts);

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
  // A row the sheet does not hold (a gap: r jumps from 5 to 900000) is a blank row, as exceljs
  // reads it; all of them share one array of nulls, nobody writes to a row's cells.
  const rows: RawRow[] = [];
  const blank: RawValue[] = Array<RawValue>(width).fill(null);
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const cells = grid.rows.get(r);
    if (cells === undefined) {
      rows.push({ rowNumber: r, ref: `row ${r}`, cells: blank });
      continue;
    }
    if (cells.length > width) cells.length = width;
    while (cells.length < width) cells.push(null);
    rows.push({ rowNumber: r, ref: `row ${r}`, cells });
  }

  let titleRows = 0;
  for (const [r, cells] of grid.rows) if (r < headerRow && hasValue(cells)) titleRows++;

  const notes: ReadNote[] = [...readerNotes];
  const workbook = (text: Bilingual) => notes.push(readNote('workbook', text));
  if (ctx.date1904)
    workbook(
      both(
        'regnearket bruger 1904-datosystemet (Excel til Mac); datoerne er omregnet efter det',
        'the workbook uses the 1904 date system (Excel for Mac); dates were converted accordingly',
      ),
    );
  const mergedRows = [...grid.merged];
  if (mergedRows.some((r) => r < headerRow))
    workbook(both('flettede titelceller over overskriftsrækken', 'merged title cells above the header'));
  if (mergedRows.some((r) => r >= headerRow && r <= lastRow))
    workbook(
      both(
        'flettede celler i tabellen: kun den første celle i et flettet område har værdien, de andre læses som tomme',
        'merged cells in the table: only the first cell of a merged range holds its value, the others read as empty',
      ),
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

/** The header row: --header-row (checked), else the row naming most known fields, else the first with a value. */
function chooseHeaderRow(
  file: string,
  sheetName: string,
  grid: Grid,
  opts: ReadOptions,
): { headerRow: number; headerRowSource: SourceInfo['headerRowSource'] } {
  const headerRow = opts.headerRow;
  if (headerRow !== undefined) {
    if (!Number.isInteger(headerRow) || headerRow < 1)
      throw usageError(`${file}: --header-row must be a row number from 1 up, not ${headerRow}`);
    if (!hasValue(grid.rows.get(headerRow)))
      throw usageError(
        `${file}: --header-row ${headerRow}: row ${headerRow} of sheet "${sheetName}" is empty; ` +
          'give the row that holds the column names',
      );
    return { headerRow, headerRowSource: 'forced' };
  }
  const first: RawValue[][] = [];
  for (let r = 1; r <= HEADER_SEARCH_ROWS; r++) first.push(grid.rows.get(r) ?? []);
  const found = findHeaderRow(first, opts.headerScore);
  // Else the first non-empty row: pickSheet only returns sheets that hold a value.
  return { headerRow: found >= 0 ? found + 1 : firstNonEmptyRow(grid), headerRowSource: 'detected' };
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

function headerText(v: RawValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return isoOf(v.day);
  return String(v).trim();
}

const hasValue = (cells: RawValue[] | undefined): boolean => !!cells && cells.some((v) => !isEmptyCell(v));
