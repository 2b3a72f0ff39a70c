/**
 * Output of table commands, shared: format choice, small-cell suppression defaults, rendering,
 * and writing to stdout or atomically to --out.
 */
import { Option, type Command } from 'commander';
import { usageError } from '../errors.js';
import { writeAtomic } from '../io/write.js';
import { FORMATS, renderTables, type Format } from '../render/index.js';
import { suppress } from '../disclosure/suppress.js';
import type { Table } from '../model/table.js';
import type { RunContext } from './context.js';
import { formatOf, type OutputFlags } from './options.js';

export interface TableOutputFlags extends OutputFlags {
  suppress?: number;
  excelCsv?: boolean;
}

/** Formats that go into memos get suppression by default; the terminal and json are the analyst's own view. */
const SUPPRESSED_BY_DEFAULT: Format[] = ['md', 'html', 'xlsx', 'csv'];
export const DEFAULT_SUPPRESSION = 5;

export function addTableOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '--suppress <n>',
        `show counts below N as "<N" (small-cell suppression); 0 turns it off; default ${DEFAULT_SUPPRESSION} for md, html, xlsx and csv, off for terminal and json`,
      ).argParser((v: string) => {
        if (!/^\d+$/.test(v))
          throw usageError(`--suppress ${v}: expected a whole number (0 turns suppression off)`);
        return Number(v);
      }),
    )
    .option('--excel-csv', 'CSV for Danish Excel: ";" delimiter, decimal comma, BOM');
}

export const TABLE_FORMATS = [...FORMATS] as string[];

/** What a table command makes of loaded data, before any output: used by the command and by `jobfx run`. */
export interface Built {
  /** Title of the document the tables go into (html title, xlsx). */
  title: string;
  tables: Table[];
  /** SVG charts to show after the table with this id (html memo), when asked for. */
  charts: { after: string; svg: string }[];
}

export interface BuildOptions {
  /** Small-cell threshold the output will use (0: none); a command whose derived cells need more than the generic rule applies it itself. */
  threshold: number;
  /** Draw charts where the command can (yoy). */
  charts: boolean;
  /** The input's file name, for the source line under each table. */
  source: string;
}

/** "export.xlsx, 420 forløb": the source line under every table. */
export function sourceText(file: string, accepted: number, lang: 'da' | 'en'): string {
  return `${file.split(/[\\/]/).pop()}, ${accepted} ${lang === 'da' ? 'forløb' : 'courses'}`;
}

/** The suppression threshold of a run: --suppress, else the default of its output format (0: off). */
export function suppressionThreshold(flags: TableOutputFlags): number {
  const format = formatOf(flags, TABLE_FORMATS) as Format;
  return flags.suppress ?? (SUPPRESSED_BY_DEFAULT.includes(format) ? DEFAULT_SUPPRESSION : 0);
}

export async function writeTables(
  ctx: RunContext,
  tables: Table[],
  flags: TableOutputFlags,
  title: string,
): Promise<void> {
  const format = formatOf(flags, TABLE_FORMATS) as Format;
  const threshold = suppressionThreshold(flags);
  const shown = threshold > 0 ? suppress(tables, threshold, flags.lang) : tables;
  const out = await renderTables(shown, format, {
    lang: flags.lang,
    percentDecimals: 1,
    color: ctx.color && !flags.out,
    excelCsv: Boolean(flags.excelCsv),
    title,
  });
  if (flags.out) await writeAtomic(flags.out, out);
  else if (typeof out === 'string') ctx.stdout(out);
  else throw usageError('xlsx output is binary: give --out FILE.xlsx');
}
