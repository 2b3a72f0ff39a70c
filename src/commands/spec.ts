/**
 * A command as data: its name, help, options, what it needs loaded, and a pure build from the
 * loaded export to tables. The CLI (cli/program.ts) makes the commander command of a spec, one
 * pipeline (cli/pipeline.ts) runs every spec, and `jobfx run` (cli/run-report.ts) runs the specs that
 * can be steps of a memo pack. Adding a command: its analysis, its tables, its spec, one line in
 * commands/registry.ts.
 */
import type { Command } from 'commander';
import type { TopLevelSpec } from 'vega-lite';
import type { Day } from '../base/dates.js';
import type { Table } from '../model/table.js';
import type { InputData } from '../schema/input-data.js';
import type { Loaded, LoadOptions } from '../schema/load.js';

export type { InputData, MappedColumns } from '../schema/input-data.js';
import type { OutputFlags, ReadFlags } from './options.js';

/** What a command makes of loaded data, before any output (no I/O). */
export interface Built {
  /** Title of the document the tables go into (html title, xlsx). */
  title: string;
  tables: Table[];
  /** Charts of its tables, when asked for: the pipeline draws them after suppression. */
  charts: ChartRequest[];
  /** What the run tells on stderr; a warning makes `--strict` exit 1. */
  messages?: Message[];
  /** Files the command writes beside its output, named by an option (--list, --chart). */
  files?: SideFile[];
  /** A command whose JSON is a document of its own (inspect), rather than its tables. */
  json?: unknown;
  /** Text after the tables on the terminal (inspect's notes). */
  epilogue?: string;
  /** The period the figures are of, for the json (absent or null: none, e.g. every course). */
  period?: { from: Day; to: Day } | null;
  /** The date follow-up or durations so far are measured against, for the json. */
  asOf?: Day | null;
}

export interface Message {
  level: 'note' | 'warning';
  text: string;
}

/** A chart of one of the build's tables, drawn by the pipeline from the table as published. */
export interface ChartRequest {
  /** The id of the table drawn; a memo shows the chart after it. */
  table: string;
  /** The chart's spec (render/chart.ts) from the table after suppression. */
  spec: (shown: Table) => TopLevelSpec;
  /** --chart FILE: the SVG is written there too. */
  file?: string;
}

export interface SideFile {
  /** The option that named it, for messages ("--list"). */
  option: string;
  path: string;
  content: string;
}

export interface BuildOptions {
  /**
   * The small-cell threshold the output will use (0: none), for rules that depend on it beyond
   * suppression (providers show a provider with fewer courses as "for få"). Suppression itself is
   * the pipeline's.
   */
  threshold: number;
  /** Draw charts where the command can (yoy, compare --weekly). */
  charts: boolean;
  /** The input's file name, for the source line under each table. */
  source: string;
  /** The second file the spec's `companion` asked for, loaded with the run's pseudonyms. */
  companion?: { file: string; data: Loaded };
}

export type CommandFlags = ReadFlags & OutputFlags;

/**
 * A main input that is not a course export (progression's measurement file): the command's own
 * loader, which reads with the shared machinery (src/io, CPR rules, pseudonyms, ledger).
 */
export interface MainInput<F, D extends InputData> {
  /** What the file is, for the help text of the <file> argument. */
  what: string;
  /** `loaded`: the course export `jobfx run` has already loaded and accounted for (its --courses). */
  load: (file: string, opts: LoadOptions & { loaded?: Loaded }, flags: F) => Promise<D>;
}

export interface CommandSpec<F extends CommandFlags = CommandFlags, D extends InputData = Loaded> {
  name: string;
  summary: string;
  description: string;
  examples: string[];
  /** Output formats the command supports. */
  formats: string[];
  /**
   * The ids of the tables it can print, for --help and `--table` (commands/table-select.ts); `<...>`
   * marks a part that depends on the options, `(...)` when the table is made.
   */
  tables?: string[];
  /** Command-specific options, beyond the shared read and output options. */
  options?: (cmd: Command) => Command;
  /** Checks of the options that need no data: a usage error before the export is read. */
  check?: (flags: F) => void;
  /** The main input, when it is not a course export (default: loadCourses). */
  input?: MainInput<F, D>;
  /** What the export must be loaded with for these options (columns kept by header, survey rows). */
  load?: (flags: F) => Pick<LoadOptions, 'keepColumns' | 'respondents'>;
  /**
   * A second file the build needs (compare --population), loaded by the pipeline beside the export
   * with the same pseudonymiser (so ids match) and accounted for; undefined when not asked for.
   */
  companion?: (flags: F) => { file: string; what: string; load: LoadOptions } | undefined;
  /**
   * Files named by options that the build joins to the loaded export (compare's --panel and
   * --activities): read after it with the shared reading machinery and returned with the data,
   * each listed in `also` so that its rows are accounted for as the export's are.
   */
  attach?: (data: D, flags: F, opts: LoadOptions) => Promise<D>;
  /** The options that name files of their own (--panel, --population): in a `jobfx run` report, relative to the report file. */
  inputOptions?: string[];
  /** The tables of loaded data: pure, no I/O. */
  build: (data: D, flags: F, o: BuildOptions) => Promise<Built>;
  /** 'quiet': the command shows the row accounting itself (inspect), stderr gets only the warning. */
  accounting?: 'line' | 'quiet';
  /**
   * The command describes the file itself (inspect): an export with no data rows, or with every row
   * rejected, is what it reports (exit 0). Without it, the pipeline refuses such an export: no
   * rows is exit 3, every row rejected exit 1.
   */
  describesFile?: boolean;
  /**
   * How the command can be a step of a `jobfx run` memo pack; absent: it cannot. `chart`: the
   * step may ask for its chart; `ownPeriod`: the step does not take the report's period.
   */
  report?: { chart?: boolean; ownPeriod?: boolean };
}

/** A spec of any command's flags, as the registry and the pipeline hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each spec types its own flags
export type AnySpec = CommandSpec<any, any>;

/** Notes and warnings as a build collects them. */
export function messages(): { list: Message[]; note(text: string): void; warn(text: string): void } {
  const list: Message[] = [];
  return {
    list,
    note: (text) => void list.push({ level: 'note', text }),
    warn: (text) => void list.push({ level: 'warning', text }),
  };
}
