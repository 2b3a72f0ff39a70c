/** Options shared by every command that reads an export, defined once. */
import { Option, type Command } from 'commander';
import { usageError } from '../errors.js';
import type { LoadOptions } from '../schema/load.js';
import type { RunContext } from './context.js';
import type { Lang } from '../base/i18n.js';

export interface ReadFlags {
  sheet?: string;
  headerRow?: number;
  encoding?: string;
  delimiter?: string;
  config?: string;
  strict?: boolean;
  rejects?: string;
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

/** The load options of the read flags, in the context of the run (its folder, its progress bar). */
export function loadOptionsOf(flags: ReadFlags, ctx: RunContext): LoadOptions {
  return {
    cwd: ctx.cwd,
    progress: ctx.progress,
    note: (text) => ctx.stderr(`jobfx: note: ${text}\n`),
    sheet: flags.sheet,
    headerRow: flags.headerRow,
    encoding: flags.encoding,
    delimiter: flags.delimiter,
    config: flags.config,
  };
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

/** The output format: --format, else from --out's extension, else terminal. */
export function formatOf(flags: OutputFlags, formats: string[]): string {
  if (flags.format) return flags.format;
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
