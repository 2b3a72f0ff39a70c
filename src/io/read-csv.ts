/**
 * CSV → RawTable, the general path: decode, sniff the delimiter, parse with csv-parse, find the
 * header row. It holds the whole file as one string, so only what the fast path (fast-csv.ts,
 * which gives the same records in flat memory, in every encoding) declines comes here: quotes
 * that break RFC 4180, --encoding utf-8 over UTF-16, bytes from a pipe, a header it cannot place.
 */
import { readFile } from 'node:fs/promises';
import { dataError, inputError, usageError } from '../errors.js';
import { readError } from './fast-csv.js';
import { decode, ENCODINGS, sniffDelimiter } from './sniff.js';
import { repairNote } from './text-input.js';
import { findHeaderRow, isEmptyCell, readNote, type RawRow, type RawTable, type ReadOptions } from './raw.js';

export async function readCsvFile(file: string, bytes: Buffer, opts: ReadOptions): Promise<RawTable> {
  if (opts.encoding && !(ENCODINGS as readonly string[]).includes(opts.encoding))
    throw usageError(`--encoding ${opts.encoding} is not supported; use ${ENCODINGS.join(' or ')}`);
  const { text, encoding, repaired } = decode(bytes, opts.encoding);
  const delimiter = opts.delimiter ?? sniffDelimiter(text);
  // csv-parse is loaded only when a file needs it.
  const { parse } = await import('csv-parse/sync');
  const records = parseRecords(file, text, delimiter, parse);

  // Trailing empty lines are not rows of the export; blank lines between rows are (and get counted).
  while (records.length > 0 && records[records.length - 1]!.cells.every(isEmptyCell)) records.pop();
  if (records.length === 0) throw inputError(`${file}: the file holds no rows; export the data again`);

  let headerIndex: number;
  if (opts.headerRow !== undefined) {
    headerIndex = records.findIndex((r) => r.rowNumber === opts.headerRow);
    if (headerIndex < 0)
      throw usageError(
        `--header-row ${opts.headerRow}: ${file} has no record starting on line ${opts.headerRow}`,
      );
  } else {
    headerIndex = findHeaderRow(
      records.map((r) => r.cells),
      opts.headerScore,
    );
    if (headerIndex < 0) headerIndex = records.findIndex((r) => !r.cells.every(isEmptyCell));
  }
  const headerRecord = records[headerIndex]!;
  const headers = headerRecord.cells.map((c) => (c === null ? '' : String(c).trim()));
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();

  return {
    info: {
      file,
      format: 'csv',
      encoding,
      delimiter,
      headerRow: headerRecord.rowNumber,
      headerRowSource: opts.headerRow !== undefined ? 'forced' : 'detected',
      notes: repaired ? [readNote('bytes', repairNote(file, repaired))] : [],
    },
    headers,
    rows: records.slice(headerIndex + 1),
    titleRows: records.slice(0, headerIndex).filter((r) => !r.cells.every(isEmptyCell)).length,
  };
}

export { repairNote } from './text-input.js';

type Parse = typeof import('csv-parse/sync').parse;

function parseRecords(file: string, text: string, delimiter: string, parse: Parse): RawRow[] {
  let parsed: { record: string[]; raw: string }[];
  try {
    parsed = parse(text, {
      delimiter,
      raw: true,
      relax_column_count: true,
      // A stray quote inside an unquoted field ("Park "Vest"") is common in exports: keep it as text.
      relax_quotes: true,
      skip_empty_lines: false,
      // Every line break ends a record, whichever kind: left to itself, csv-parse takes the
      // file's first one for all, and a file mixing \n and a bare \r merges rows.
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as { record: string[]; raw: string }[];
  } catch (e) {
    const err = e as { code?: string; lines?: number; message?: string };
    if (err.code === 'CSV_QUOTE_NOT_CLOSED')
      throw dataError(
        `${file}: a quoted field is never closed (the file ends inside quotes, opened at or before line ${err.lines}); check that line for a stray "`,
      );
    throw dataError(`${file}: cannot be read as CSV: ${err.message ?? String(e)}`);
  }
  const rows: RawRow[] = [];
  let line = 1;
  for (const { record, raw } of parsed) {
    rows.push({ rowNumber: line, ref: `line ${line}`, cells: record.map((c) => (c === '' ? null : c)) });
    line += linesOf(raw);
  }
  return rows;
}

/**
 * The lines a record spans, from csv-parse's raw text: it holds the record and the first
 * character of its line break (none for the last record of a file without one). Every \r\n,
 * \n or bare \r is a line, inside quotes too.
 */
export function linesOf(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x0a) n++;
    else if (c === 0x0d) {
      n++;
      if (raw.charCodeAt(i + 1) === 0x0a) i++;
    }
  }
  const last = raw.charCodeAt(raw.length - 1);
  return last === 0x0a || last === 0x0d ? n : n + 1;
}

export async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (e) {
    throw readError(file, e);
  }
}
