/** Tables → GitHub-flavoured Markdown: a heading, a pipe table, the notes as a block quote. */
import { formatCell, safeTables, type FormatOptions } from './format.js';
import type { Table } from '../model/table.js';

/**
 * Escape what Markdown would read as syntax inside a table cell: the pipe, backslash, emphasis and
 * code marks, the brackets of a link or an image ("[klik](javascript:…)", "![x](http://…)", a
 * reference "[x]: url": none forms without an unescaped "["), the "(" right after a "]" (where a
 * link's target starts), and a "<" that could open an HTML tag or an autolink ("<5" stays as it
 * is). GFM's bare autolinks are broken with an escape the reader does not see: the ":" of
 * "scheme://" (http://evil.example), "mailto:" and "xmpp:", the "." of "www." and every "@" (an
 * e-mail address). Line breaks become spaces.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/\r\n|[\r\n]/g, ' ')
    .replace(/[\\|*_`[\]@]/g, '\\$&')
    .replace(/\\\]\(/g, '\\]\\(')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/(?<=[A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)|(?<=\b(?:mailto|xmpp)):/gi, '\\:')
    .replace(/(?<=\bwww)\./gi, '\\.');
}

const width = (s: string) => [...s].length;

export function renderMarkdown(tables: Table[], opts: FormatOptions): string {
  return safeTables(tables)
    .map((t) => renderOne(t, opts))
    .join('\n');
}

function renderOne(table: Table, opts: FormatOptions): string {
  const right = table.columns.map((c) => c.kind === 'value');
  const header = table.columns.map((c) => escapeMarkdown(c.label));
  const body = table.rows.map((row) =>
    table.columns.map((_c, j) => {
      const cell = row.cells[j];
      const s = cell ? escapeMarkdown(formatCell(cell, opts)) : '';
      return row.style === 'total' && s !== '' ? `**${s}**` : s;
    }),
  );
  // Pad for a readable source; the minimum of 3 keeps the delimiter row valid (":--", "--:").
  const widths = table.columns.map((_c, j) =>
    Math.max(3, width(header[j]!), ...body.map((r) => width(r[j]!))),
  );
  const pad = (s: string, j: number) => {
    const fill = ' '.repeat(widths[j]! - width(s));
    return right[j] ? fill + s : s + fill;
  };
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `| ${widths.map((w, j) => (right[j] ? '-'.repeat(w - 1) + ':' : ':' + '-'.repeat(w - 1))).join(' | ')} |`;
  const notes = table.notes.map((n) => `> ${escapeMarkdown(n)}`).join('\n>\n');
  return [
    `### ${escapeMarkdown(table.title)}`,
    ...(table.columns.length > 0 ? ['', line(header), rule, ...body.map(line)] : []),
    ...(notes ? ['', notes] : []),
    '',
  ].join('\n');
}
