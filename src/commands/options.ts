/**
 * The options commands share, defined once: reading an export, output format and file, the
 * period, small-cell suppression. A command's spec adds its own (commands/<name>.ts).
 */
import { PRESET_NAMES } from '../schema/vocab-presets.js';
import { Option, type Command } from 'commander';
import { usageError } from '../errors.js';
import { FORMATS, type Format } from '../render/index.js';
import { word, type Lang } from '../base/i18n.js';
import type { Day } from '../base/dates.js';
import { parseDate } from '../schema/values.js';
import type { Window } from '../analyses/repeats.js';
import { collectWhere, type WhereClause } from '../analyses/where.js';
import { BY_FIELDS, parseBy } from '../analyses/partition.js';
import { PERCENT_MODES, type PercentMode } from '../tables/percent.js';

export interface ReadFlags {
  sheet?: string;
  headerRow?: number;
  encoding?: string;
  delimiter?: string;
  config?: string;
  vocab?: string;
  strict?: boolean;
  rejects?: string;
  /** --where, repeatable: every clause must hold (docs/definitions.md#where). */
  where?: WhereClause[];
}

export interface OutputFlags {
  format?: string;
  out?: string;
  lang: Lang;
}

const positiveInt = (flag: string) => (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) < 1) throw usageError(`${flag} ${v}: expected a whole number ≥ 1`);
  return Number(v);
};

const DELIMITERS: Record<string, string> = {
  ';': ';',
  ',': ',',
  tab: '\t',
  '\\t': '\t',
  '\t': '\t',
  '|': '|',
};

export function addReadOptions(cmd: Command): Command {
  return cmd
    .option(
      '--sheet <name|index>',
      'worksheet to read (name, or 1-based index); default: the first sheet that holds data',
    )
    .option(
      '--header-row <n>',
      'row (xlsx) or line (csv) of the header; default: detected',
      positiveInt('--header-row'),
    )
    .addOption(
      new Option('--encoding <enc>', 'CSV encoding; default: detected').choices(['utf-8', 'windows-1252']),
    )
    .option('--delimiter <char>', 'CSV delimiter: ";", ",", "tab" or "|"; default: detected', (v: string) => {
      const d = DELIMITERS[v];
      if (!d) throw usageError(`--delimiter ${v}: use ";", ",", "tab" or "|"`);
      return d;
    })
    .option(
      '--config <file>',
      'config file (column mapping, vocabularies); default: ./jobfx.config.json if present',
    )
    .addOption(
      new Option(
        '--vocab <preset>',
        "built-in vocabulary preset: bip-kontrakt = the contract annex's 16 exit categories, grouped for the contract, with its rules",
      ).choices(PRESET_NAMES),
    )
    .option(
      '--where <field=values>',
      'count only courses whose FIELD (a field such as targetGroup, or a column header as written) is one of the values (FIELD=V1,V2) or none of them (FIELD!=V1,V2); repeat to combine (all must hold)',
      collectWhere,
    )
    .option('--strict', 'exit 1 if any row is rejected')
    .option(
      '--rejects <file>',
      'write the rejected rows with their reasons to this CSV file (pseudonyms, never CPR numbers)',
    );
}

export function addOutputOptions(cmd: Command, formats: string[]): Command {
  return cmd
    .addOption(
      new Option('--format <format>', 'output format; default: terminal, or from --out').choices(formats),
    )
    .option('--out <file>', 'write to this file instead of stdout (format from its extension)')
    .addOption(
      new Option('--lang <lang>', 'language of labels and numbers').choices(['da', 'en']).default('da'),
    );
}

const EXTENSIONS: Record<string, string> = {
  '.json': 'json',
  '.md': 'md',
  '.csv': 'csv',
  '.html': 'html',
  '.htm': 'html',
  '.xlsx': 'xlsx',
  '.txt': 'terminal',
};

/** The output format: --format, else csv with --excel-csv, else from --out's extension, else terminal. */
export function formatOf(flags: OutputFlags & { excelCsv?: boolean }, formats: string[]): string {
  if (flags.format) return flags.format;
  if (flags.excelCsv) {
    const ext = flags.out === undefined ? undefined : /\.[^.]+$/.exec(flags.out)?.[0]?.toLowerCase();
    const other = ext === undefined ? undefined : EXTENSIONS[ext];
    if (other !== undefined && other !== 'csv')
      throw usageError(`--excel-csv writes CSV, but --out ${flags.out} is ${other}; name the file .csv`);
    return 'csv';
  }
  if (flags.out) {
    const ext = /\.[^.]+$/.exec(flags.out)?.[0]?.toLowerCase() ?? '';
    const f = EXTENSIONS[ext];
    if (!f || !formats.includes(f))
      throw usageError(
        `--out ${flags.out}: cannot tell the format from the extension; add --format (${formats.join(', ')})`,
      );
    return f;
  }
  return 'terminal';
}

export interface TableOutputFlags extends OutputFlags {
  suppress?: number;
  excelCsv?: boolean;
  /** --table: only these tables (commands/table-select.ts). */
  table?: string[];
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
    .option('--excel-csv', 'CSV for Danish Excel: ";" delimiter, decimal comma, BOM')
    .option(
      '--table <names>',
      'print only these tables, comma-separated: a table id listed below, without the command name (citizens) or the start of ids (mix)',
      parseTableNames,
    );
}

export const TABLE_FORMATS = [...FORMATS] as string[];

/** "export.xlsx, 420 forløb": the source line under every table, in the unit the rows are. */
export function sourceText(
  file: string,
  accepted: number,
  lang: 'da' | 'en',
  unit: 'courses' | 'persons' | 'respondents' = 'courses',
): string {
  return `${file.split(/[\\/]/).pop()}, ${accepted} ${word(lang, unit)}`;
}

/**
 * The suppression threshold of a chart: a chart goes into a memo, so --suppress, else the table's
 * threshold, else the default even where the table's format has none (0 only by --suppress 0).
 */
export function chartThreshold(given: number | undefined, tableThreshold: number): number {
  return given ?? (tableThreshold || DEFAULT_SUPPRESSION);
}

/** The suppression threshold of a run: --suppress, else the default of its output format (0: off). */
export function suppressionThreshold(flags: TableOutputFlags): number {
  const format = formatOf(flags, TABLE_FORMATS) as Format;
  return flags.suppress ?? (SUPPRESSED_BY_DEFAULT.includes(format) ? DEFAULT_SUPPRESSION : 0);
}

/** --period, --from, --to, defined once for every command that reports on a period. */
export function addPeriodOptions(cmd: Command, defaultText: string): Command {
  return cmd
    .option(
      '--period <period>',
      `reporting period: 2025, 2025H1, 2025Q1, 2025-03, 01-01-2025..31-03-2025; default: ${defaultText}`,
    )
    .option('--from <date>', 'first day of the period (with --to)')
    .option('--to <date>', 'last day of the period (with --from)');
}

/** A parser for options that take a whole number of days. */
export function intArg(flag: string) {
  return (v: string): number => {
    if (!/^\d+$/.test(v)) throw usageError(`${flag} ${v}: expected a whole number of days`);
    return Number(v);
  };
}

/** A date given on the command line (dd-mm-yyyy or yyyy-mm-dd). */
export function dateArg(flag: string, v: string): Day {
  const d = parseDate(v);
  if (!d.ok) throw usageError(`${flag} ${v}: ${d.reason.en}`);
  return d.value;
}

/**
 * --window: "12m" = 12 calendar months (end + 12 months by addMonths), "365d" or a plain number
 * = days (docs/definitions.md#repeat-users). Parsed once; the analysis and the tables read it.
 */
export function parseWindow(v: string): Window {
  const m = /^(\d+)\s*([dm]?)$/i.exec(v.trim());
  if (!m || Number(m[1]) < 1) throw usageError(`--window ${v}: use days (365d) or calendar months (12m, 6m)`);
  return { n: Number(m[1]), unit: m[2]!.toLowerCase() === 'm' ? 'm' : 'd' };
}

/** --by and --percent, the same for every command that splits its columns by a field (docs/definitions.md#by). */
/** --by on flow and repeats: one set of tables per value (by-groups.ts), as --where would give. */
export function addGroupByOption(cmd: Command): Command {
  return cmd.option(
    '--by <field[,field]>',
    `the tables again for each value of a field (${BY_FIELDS.join(', ')}) or of a column by its header, each counting only that value's courses (as --where FIELD=VALUE); two, comma-separated, give each combination`,
    parseBy,
  );
}

export function addByOption(cmd: Command): Command {
  return cmd
    .option(
      '--by <field[,field]>',
      `one column per value of a field (${BY_FIELDS.join(', ')}) or of a column of the export by its header, plus a total column; two, comma-separated (--by unit,gender), give a column per combination`,
      parseBy,
    )
    .addOption(
      new Option(
        '--percent <of>',
        "with --by: add the share of each --by column's count: of the column's total (col), of the row's total (row) or of the grand total (total)",
      ).choices(PERCENT_MODES),
    );
}

/** --percent, checked: it needs --by columns to take shares of. */
export function percentOf(flags: { by?: string[]; percent?: PercentMode }): PercentMode | undefined {
  if (flags.percent !== undefined && flags.by === undefined)
    throw usageError(`--percent ${flags.percent}: add --by FIELD; the shares are of the --by columns`);
  return flags.percent;
}

/** "citizens,exitReasons" → the names. */
export function parseTableNames(v: string): string[] {
  const names = v
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
  if (names.length === 0)
    throw usageError(`--table ${v}: give table names, e.g. --table citizens,exitReasons`);
  return names;
}
