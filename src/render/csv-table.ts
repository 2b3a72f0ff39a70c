/**
 * Tables → CSV, one section per table: the title, the header, the rows, the notes, a blank line.
 * Default (for scripts): "," and ".", no thousands separators, ISO dates, UTF-8 without BOM, LF.
 * `excel` (what Danish Excel opens directly): ";" and ",", dates as the language shows them
 * (dd-mm-yyyy in Danish), UTF-8 with BOM, CRLF. A missing value (a mean of nobody, a share of 0)
 * is an empty field in both: csvLine would turn a lone "-" into "'-".
 */
import { isoOf } from '../base/dates.js';
import { csvLine } from './csv.js';
import {
  formatCell,
  formatFixed,
  formatPercent,
  roundHalfAway,
  safeTables,
  type FormatOptions,
} from './format.js';
import type { Cell, Table } from '../model/table.js';

export function renderCsv(tables: Table[], opts: FormatOptions & { excel: boolean }): string {
  const delimiter = opts.excel ? ';' : ',';
  const eol = opts.excel ? '\r\n' : '\n';
  const line = (fields: string[]) => csvLine(fields, delimiter) + eol;
  const sections = safeTables(tables).map(
    (t) =>
      line([t.title]) +
      line(t.columns.map((c) => c.label)) +
      t.rows.map((r) => line(t.columns.map((_c, j) => csvCell(r.cells[j], opts)))).join('') +
      t.notes.map((n) => line([n])).join(''),
  );
  return (opts.excel ? '\uFEFF' : '') + sections.join(eol);
}

/** A number as formatted by format.ts (which rounds), without grouping, with the CSV's decimal mark. */
function plain(formatted: string, excel: boolean): string {
  const s = formatted.replace(/,/g, '');
  return excel ? s.replace('.', ',') : s;
}

function csvCell(cell: Cell | undefined, opts: FormatOptions & { excel: boolean }): string {
  if (!cell) return '';
  switch (cell.t) {
    case 'count':
      return plain(formatFixed(cell.v, 0, 'en'), opts.excel);
    case 'share':
      return cell.of === 0
        ? ''
        : plain(formatPercent(cell.count, cell.of, opts.percentDecimals, 'en'), opts.excel);
    case 'num':
      if (cell.v === null) return '';
      if (cell.below !== undefined && cell.v < cell.below)
        return plain(`<${formatFixed(cell.below, cell.decimals, 'en')}`, opts.excel);
      return plain(formatFixed(roundHalfAway(cell.v, cell.decimals), cell.decimals, 'en'), opts.excel);
    case 'date':
      if (cell.v === null) return '';
      return opts.excel ? formatCell(cell, opts) : isoOf(cell.v);
    case 'text':
    case 'empty':
    case 'suppressed':
      return formatCell(cell, opts);
  }
}
