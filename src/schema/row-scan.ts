/**
 * The rows of a file other than the course export (a measurement file, a status panel, an
 * activity file) as their loaders take them: read with the shared reader (sniffing, encodings,
 * title rows found by the header score, CSV or xlsx), blank rows and totals rows skipped and
 * accounted for, every other row handed to `take` in file order. The fast CSV path hands rows
 * one by one: a large file never exists as one object per line.
 */
import { readTable } from '../io/read.js';
import { isEmptyCell, type RawRow, type RawTable, type SourceInfo } from '../io/raw.js';
import type { LoadOptions } from './load.js';
import { TOTALS_LABEL, type Ledger } from './normalise/ledger.js';
import { isMissing } from './values.js';

/** Reads `file` with the read options of a command (sheet, header row, encoding, delimiter). */
export async function readSideTable(
  file: string,
  opts: LoadOptions,
  headerScore: (cells: RawRow['cells']) => number,
): Promise<RawTable> {
  const progress = opts.progress?.(file);
  try {
    return await readTable(file, {
      sheet: opts.sheet,
      headerRow: opts.headerRow,
      encoding: opts.encoding,
      delimiter: opts.delimiter,
      headerScore,
      progress,
      note: opts.note,
    });
  } finally {
    progress?.end();
  }
}

/** Hands each data row to `take`; returns the rows read and those skipped (blank, totals). */
export function scanRows(
  table: RawTable,
  take: (row: RawRow) => void,
): { read: number; skipped: Ledger['skipped']; info: SourceInfo } {
  const skipped: Ledger['skipped'] = [];
  let read = 0;
  const each = (r: RawRow) => {
    read++;
    if (r.cells.every((c) => isEmptyCell(c) || isMissing(c)))
      return void skipped.push({ ref: r.ref, rowNumber: r.rowNumber, kind: 'blank' });
    const first = r.cells[0];
    if (typeof first === 'string' && TOTALS_LABEL.test(first.trim()))
      return void skipped.push({ ref: r.ref, rowNumber: r.rowNumber, kind: 'totals' });
    take(r);
  };
  if (table.fast) table.fast.scan({ row: each, bytes: (b) => each(b.materialise()) });
  else table.rows.forEach(each);
  return { read, skipped, info: table.info as SourceInfo };
}
