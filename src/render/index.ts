/** One entry point for every output format; the CLI picks the format, the renderers do the rest. */
import { renderCsv } from './csv-table.js';
import type { FormatOptions } from './format.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import type { Table } from './table.js';
import { renderTerminal } from './terminal.js';
import { renderXlsx } from './xlsx.js';

export const FORMATS = ['terminal', 'md', 'csv', 'json', 'html', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export const isFormat = (s: string): s is Format => (FORMATS as readonly string[]).includes(s);

export interface RenderOptions extends FormatOptions {
  /** Terminal only: ANSI colour (the CLI decides: a TTY and no NO_COLOR). */
  color: boolean;
  /** CSV only: ";" and decimal comma, BOM and CRLF for Danish Excel. */
  excelCsv: boolean;
  /** HTML only: the document title (also shown as a heading). */
  title?: string;
}

/** Text for every format but xlsx, which is a Buffer. */
export async function renderTables(
  tables: Table[],
  format: Format,
  opts: RenderOptions,
): Promise<string | Buffer> {
  const f: FormatOptions = { lang: opts.lang, percentDecimals: opts.percentDecimals };
  switch (format) {
    case 'terminal':
      return renderTerminal(tables, { ...f, color: opts.color });
    case 'md':
      return renderMarkdown(tables, f);
    case 'csv':
      return renderCsv(tables, { ...f, excel: opts.excelCsv });
    case 'json':
      return renderJson(tables);
    case 'html':
      return renderHtml(tables, opts.title === undefined ? f : { ...f, title: opts.title });
    case 'xlsx':
      return renderXlsx(tables, f);
  }
}
