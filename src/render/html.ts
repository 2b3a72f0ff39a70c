/**
 * Tables → one self-contained HTML5 document for pasting into a memo. Every style is inline on
 * its element: Word keeps inline styles when a table is pasted and drops <style> blocks. The one
 * <style> block holds print rules only (page size, breaks), which a paste does not need.
 */
import { formatCell, safeTables, type FormatOptions } from './format.js';
import type { Row, Table } from '../model/table.js';
import { safeText } from '../base/text.js';

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`,
  );
}

/** A table with more columns than this is printed on a landscape page of its own. */
export const WIDE_COLUMNS = 7;

/**
 * Print rules: A4 with margins a memo has; a wide table on a landscape page ("page: wide");
 * headings kept with their table, header rows repeated on every page, no row split over two
 * pages, and the grey header fill printed.
 */
const PRINT_CSS = [
  '@page { size: A4 portrait; margin: 15mm 12mm; }',
  '@page wide { size: A4 landscape; margin: 12mm; }',
  'body { margin: 0 !important; }',
  '.wide { page: wide; }',
  'table { font-size: 8.5pt !important; }',
  'h2 { break-after: avoid; }',
  'tr, p.note { break-inside: avoid; }',
  'thead { display: table-header-group; }',
  '* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }',
].join('\n');

const FONT = 'font-family: Calibri, Arial, Helvetica, sans-serif';
const BORDER = '1px solid #999999';
const S = {
  body: `${FONT}; font-size: 11pt; color: #000000; background: #ffffff; margin: 16px`,
  h1: `${FONT}; font-size: 14pt; font-weight: bold; margin: 0 0 12px 0`,
  section: 'margin: 0 0 20px 0',
  table: `${FONT}; font-size: 10pt; border-collapse: collapse; border: ${BORDER}`,
  // A heading above the table, not a <caption>: a caption wraps at the table's width, so the
  // title of a narrow table was broken over many short lines.
  caption: `${FONT}; font-size: 11pt; font-weight: bold; text-align: left; margin: 0 0 4px 0`,
  th: `border: ${BORDER}; padding: 2px 6px; background: #f2f2f2; font-weight: bold; vertical-align: bottom`,
  td: `border: ${BORDER}; padding: 2px 6px; vertical-align: top`,
  value: 'text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums',
  label: 'text-align: left',
  total: 'font-weight: bold; border-top: 2px solid #000000',
  subtotal: 'font-style: italic',
  note: `${FONT}; font-size: 9pt; margin: 4px 0 0 0`,
};

/**
 * `after`: trusted HTML (an SVG chart jobfx drew) to place after the table with that id; it is
 * inserted as it is, so it must never hold text from the input unescaped.
 */
export function renderHtml(
  tables: Table[],
  opts: FormatOptions & { title?: string; after?: Record<string, string> },
): string {
  tables = safeTables(tables);
  const title = safeText(opts.title ?? tables[0]?.title ?? 'jobfx');
  return [
    '<!DOCTYPE html>',
    `<html lang="${opts.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style media="print">\n${PRINT_CSS}\n</style>`,
    '</head>',
    `<body style="${S.body}">`,
    ...(opts.title !== undefined ? [`<h1 style="${S.h1}">${escapeHtml(title)}</h1>`] : []),
    ...tables.flatMap((t, i) => {
      const extra = opts.after?.[t.id];
      const one = renderOne(t, `t${i + 1}`, opts);
      return extra === undefined ? [one] : [one, `<div style="${S.section}">${extra}</div>`];
    }),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderOne(table: Table, id: string, opts: FormatOptions): string {
  const align = table.columns.map((c) => (c.kind === 'value' ? S.value : S.label));
  const hasHeader = table.columns.some((c) => c.label !== '');
  const rowStyle = (r: Row) =>
    r.style === 'total' ? `; ${S.total}` : r.style === 'subtotal' ? `; ${S.subtotal}` : '';
  const wide = table.columns.length > WIDE_COLUMNS ? ' class="wide"' : '';
  const out = [
    `<div${wide} style="${S.section}">`,
    `<h2 id="${id}" style="${S.caption}">${escapeHtml(table.title)}</h2>`,
    `<table aria-labelledby="${id}" style="${S.table}">`,
  ];
  if (hasHeader) {
    out.push('<thead>', '<tr>');
    table.columns.forEach((c, j) =>
      out.push(`<th scope="col" style="${S.th}; ${align[j]}">${escapeHtml(c.label)}</th>`),
    );
    out.push('</tr>', '</thead>');
  }
  out.push('<tbody>');
  for (const row of table.rows) {
    out.push('<tr>');
    table.columns.forEach((_c, j) => {
      const cell = row.cells[j];
      const text = cell ? escapeHtml(formatCell(cell, opts)) : '';
      out.push(`<td style="${S.td}; ${align[j]}${rowStyle(row)}">${text}</td>`);
    });
    out.push('</tr>');
  }
  out.push('</tbody>', '</table>');
  for (const note of table.notes) out.push(`<p class="note" style="${S.note}">${escapeHtml(note)}</p>`);
  out.push('</div>');
  return out.join('\n');
}
