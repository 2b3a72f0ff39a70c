/**
 * One entry point for every output format; the CLI picks the format, the renderers do the rest.
 * Each renderer is imported when its format is asked for: exceljs alone takes 0.3 s to load,
 * which a run that prints a terminal table should not pay.
 */
import type { FormatOptions } from './format.js';
import type { Table } from '../model/table.js';
import type { JsonContext } from './json.js';

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
  /** JSON only: the document around the tables (period, options, accounting, English keys). */
  json?: JsonContext;
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
      return (await import('./terminal.js')).renderTerminal(tables, { ...f, color: opts.color });
    case 'md':
      return (await import('./markdown.js')).renderMarkdown(tables, f);
    case 'csv':
      return (await import('./csv-table.js')).renderCsv(tables, { ...f, excel: opts.excelCsv });
    case 'json':
      return (await import('./json.js')).renderJson(tables, opts.json);
    case 'html': {
      const { renderHtml } = await import('./html.js');
      return renderHtml(tables, opts.title === undefined ? f : { ...f, title: opts.title });
    }
    case 'xlsx':
      return (await import('./xlsx.js')).renderXlsx(tables, f);
  }
}
