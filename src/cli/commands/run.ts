/**
 * jobfx run REPORT: the scripted monthly run. Reads the report file, loads the export once, builds
 * every table with its command's own options, and writes the memo pack (xlsx, html, md,
 * manifest.json, rejects.csv) atomically into the output folder.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { Command, CommanderError } from 'commander';
import { isoOf, type Day } from '../../base/dates.js';
import { configError, dataError } from '../../errors.js';
import {
  lastCompleteHalfYear,
  lastCompleteMonth,
  lastCompleteYear,
  parsePeriod,
  periodFromDates,
  periodName,
  type Period,
} from '../../base/period.js';
import { renderHtml } from '../../render/html.js';
import { renderMarkdown } from '../../render/markdown.js';
import { suppress } from '../../disclosure/suppress.js';
import type { Table } from '../../model/table.js';
import { applyFollowUpFile } from '../../schema/followup.js';
import { loadCourses, type Loaded } from '../../schema/load.js';
import { loadReport, type LoadedReport, type ReportCommand } from '../../report/config.js';
import { writePackAtomic, type PackFiles } from '../../report/pack.js';
import { accountingLine, rejectsCsv } from '../accounting.js';
import type { RunContext } from '../context.js';
import { addOutputOptions, addReadOptions } from '../options.js';
import type { BuildOptions, Built } from '../output.js';
import { dateArg, newestDate } from '../period-options.js';
import type { CommandSpec } from '../registry.js';
import { buildExits, exitsCommand } from './exits.js';
import { buildKeyfigures, keyfiguresCommand } from './keyfigures.js';
import { buildRepeats, repeatsCommand } from './repeats.js';
import { buildYoy, yoyCommand } from './yoy.js';
import { buildCompare, compareColumns, compareCommand, type CompareFlags } from './compare.js';

export interface RunFlags {
  out?: string;
  dryRun?: boolean;
  quiet?: boolean;
  json?: boolean;
  maxRejected?: string;
  runDate?: string;
}

type Builder = (ctx: RunContext, data: Loaded, flags: never, o: BuildOptions) => Promise<Built>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each spec types its own flags
const STEPS: Partial<Record<ReportCommand, { spec: CommandSpec<any>; build: Builder }>> = {
  keyfigures: { spec: keyfiguresCommand, build: buildKeyfigures as Builder },
  exits: { spec: exitsCommand, build: buildExits as Builder },
  repeats: { spec: repeatsCommand, build: buildRepeats as Builder },
  yoy: { spec: yoyCommand, build: buildYoy as Builder },
  compare: { spec: compareCommand, build: buildCompare as Builder },
};

/** Options the pack decides, or that write files of their own: not allowed in a report's table. */
const PACK_OPTIONS = new Set(['format', 'out', 'rejects', 'list', 'lang', 'suppress', 'excel-csv', 'strict']);

export interface RunSummary {
  ok: boolean;
  out: string;
  period: { label: string; from: string; to: string };
  input: { file: string; sha256: string; read: number; accepted: number; rejected: number; skipped: number };
  tables: number;
  files: string[];
  dryRun: boolean;
}

export async function runReport(
  ctx: RunContext,
  reportFile: string,
  flags: RunFlags,
  version: string,
): Promise<number> {
  const say = (s: string) => (flags.quiet ? undefined : ctx.stderr(s));
  const loaded = await loadReport(reportFile);
  const { report, path } = loaded;
  const input = path(report.input);
  const quietCtx: RunContext = { ...ctx, stderr: flags.quiet ? () => undefined : ctx.stderr };

  // Every table's options, and a fixed period, are checked before the export is read, so a typo
  // fails in a second.
  const steps = report.tables.map((t, i) => stepOf(loaded, t.command, t.options, i));
  const fixedPeriod = isRelative(report.period) ? undefined : resolveReportPeriod(loaded, null, 0);
  const data = await loadCourses(input, {
    sheet: report.sheet,
    config: report.config === undefined ? undefined : path(report.config),
    cwd: ctx.cwd,
    // --quiet prints only errors: no bar either.
    progress: flags.quiet ? undefined : ctx.progress,
    keepColumns: [...new Set(steps.flatMap((s) => s.keep))],
  });
  if (report.followup !== undefined) {
    const f = await applyFollowUpFile(path(report.followup), data.courses, data.pseudonymise, data.vocab);
    data.courses = f.courses;
    say(accountingLine(path(report.followup), f.ledger) + '\n');
  }
  say(accountingLine(input, data.ledger) + '\n');

  const runDate = flags.runDate === undefined ? todayDay() : dateArg('--run-date', flags.runDate);
  const period = fixedPeriod ?? resolveReportPeriod(loaded, data, runDate);
  const limit =
    flags.maxRejected ?? (report.maxRejected === undefined ? undefined : String(report.maxRejected));
  const overLimit =
    limit !== undefined && rejectedBeyond(limit, data.ledger.rejected.length, data.ledger.read);

  const bytes = await readFile(input);
  const summaryBase = {
    out: path(flags.out ?? report.out),
    period: { label: period.label, from: isoOf(period.from), to: isoOf(period.to) },
    input: {
      file: input,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      read: data.ledger.read,
      accepted: data.ledger.accepted,
      rejected: data.ledger.rejected.length,
      skipped: data.ledger.skipped.length,
    },
  };
  if (overLimit)
    throw dataError(
      `${input}: ${data.ledger.rejected.length} of ${data.ledger.read} rows rejected, more than the limit ${limit}; the last pack is kept. Run jobfx inspect ${input} to see why.`,
    );

  const built: Table[] = [];
  const charts: Record<string, string> = {};
  const manifestTables: unknown[] = [];
  for (const step of steps) {
    const flagsOf = step.parse(period);
    const out = await step.build(quietCtx, data, flagsOf as never, {
      threshold: report.suppress,
      charts: step.chart,
      source: input,
    });
    built.push(...out.tables);
    for (const c of out.charts) charts[c.after] = c.svg;
    manifestTables.push({
      command: step.command,
      options: step.options,
      tables: out.tables.map((t) => t.id),
    });
  }
  // Once over the whole pack: everything in it is published together.
  const tables = report.suppress > 0 ? suppress(built, report.suppress, report.lang) : built;

  const title = `${report.title}, ${periodName(period, report.lang)}`;
  const fmt = { lang: report.lang, percentDecimals: 1 };
  const files: PackFiles = new Map();
  // Imported here: exceljs is slow to load, and the registry imports this module for every command.
  const { renderXlsx } = await import('../../render/xlsx.js');
  files.set('tabeller.xlsx', await renderXlsx(tables, fmt));
  files.set('notat.html', renderHtml(tables, { ...fmt, title, after: charts }));
  const chartFiles = Object.entries(charts).map(([id, svg], i) => ({ id, name: `figur-${i + 1}.svg`, svg }));
  for (const c of chartFiles) files.set(c.name, c.svg);
  files.set('notat.md', markdownWithCharts(title, tables, chartFiles, fmt));
  if (data.ledger.rejected.length > 0) files.set('rejects.csv', rejectsCsv(data.ledger, data.headers));
  files.set(
    'manifest.json',
    JSON.stringify(
      {
        jobfx: version,
        runAt: new Date().toISOString(),
        report: relative(summaryBase.out, loaded.file),
        period: summaryBase.period,
        inputs: [summaryBase.input],
        suppress: report.suppress,
        lang: report.lang,
        tables: manifestTables,
        files: [...files.keys(), 'manifest.json'].sort(),
      },
      null,
      2,
    ) + '\n',
  );

  const summary: RunSummary = {
    ok: true,
    ...summaryBase,
    tables: tables.length,
    files: [...files.keys()].sort(),
    dryRun: Boolean(flags.dryRun),
  };
  if (flags.dryRun)
    say(
      `jobfx: dry run: ${report.tables.length} step(s), ${tables.length} tables, period ${period.label}; nothing written\n`,
    );
  else {
    await writePackAtomic(summary.out, files);
    say(`jobfx: wrote ${summary.files.length} files to ${summary.out}\n`);
  }
  if (flags.json) ctx.stdout(JSON.stringify(summary, null, 2) + '\n');
  return 0;
}

interface Step {
  command: ReportCommand;
  /** Columns outside the canonical fields the step names (compare's --numeric Timer ...). */
  keep: string[];
  options: Record<string, unknown>;
  chart: boolean;
  build: Builder;
  /** The command's flags for this step, with the report's period unless the step sets its own. */
  parse: (period: Period) => object;
}

function stepOf(
  loaded: LoadedReport,
  command: ReportCommand,
  options: Record<string, unknown>,
  i: number,
): Step {
  const where = `${loaded.file}: tables[${i}] (${command})`;
  const entry = STEPS[command];
  if (!entry) throw configError(`${where}: ${command} cannot be part of a report yet`);
  const { chart, ...rest } = options;
  if (chart !== undefined && (!['yoy', 'compare'].includes(command) || typeof chart !== 'boolean'))
    throw configError(`${where}: "chart" is true or false, and only for yoy and compare (with weekly)`);
  const args: string[] = [];
  for (const [key, value] of Object.entries(rest)) {
    const flag = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    if (PACK_OPTIONS.has(flag))
      throw configError(`${where}: "${key}" is set for the whole pack, not per table`);
    if (value === true) args.push(`--${flag}`);
    else if (value === false) continue;
    else for (const v of Array.isArray(value) ? value : [value]) args.push(`--${flag}`, String(v));
  }
  const lang = loaded.report.lang;
  const parse = (extra: string[]) => parseWith(entry.spec, [...args, ...extra, '--lang', lang], where);
  const early = parse([]); // fail early on an unknown option or a bad value
  // yoy has its own --years; compare compares whole groups, with no period.
  const hasPeriod =
    ['period', 'from', 'to'].some((k) => k in rest) || command === 'yoy' || command === 'compare';
  return {
    command,
    keep: command === 'compare' ? compareColumns(early as CompareFlags) : [],
    options: rest,
    chart: chart === true,
    build: entry.build,
    // A named period goes on as such, so titles read "2. halvår 2025"; explicit dates as dates.
    parse: (period) =>
      parse(
        hasPeriod
          ? []
          : /^\d{4}(H[12]|Q[1-4]|-\d{2})?$/.test(period.label)
            ? ['--period', period.label]
            : ['--from', isoOf(period.from), '--to', isoOf(period.to)],
      ),
  };
}

/** Parses options with the command's own commander definition: the same names, defaults and checks as on the command line. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each spec types its own flags
function parseWith(spec: CommandSpec<any>, args: string[], where: string): object {
  let flags: object = {};
  let cmd = new Command(spec.name).argument('<file>').exitOverride();
  cmd.configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  cmd = addOutputOptions(addReadOptions(cmd), spec.formats);
  if (spec.options) cmd = spec.options(cmd);
  cmd.action((_file: string, opts: object) => {
    flags = opts;
  });
  try {
    cmd.parse(['(input)', ...args], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) throw configError(`${where}: ${e.message.replace(/^error: /, '')}`);
    throw configError(`${where}: ${(e as Error).message}`);
  }
  return flags;
}

const isRelative = (p: LoadedReport['report']['period']) => typeof p === 'string' && p.startsWith('last-');

function resolveReportPeriod(loaded: LoadedReport, data: Loaded | null, runDate: Day): Period {
  const { report } = loaded;
  const p = report.period;
  try {
    if (typeof p === 'object') return periodFromDates(p.from, p.to);
    if (!p.startsWith('last-')) return parsePeriod(p);
    // "Relative to the run date": the last period complete before the day of the run.
    const ref = report.periodRelativeTo === 'run-date' ? runDate - 1 : data && newestDate(data.store);
    if (ref === null) throw configError(`${loaded.file}: the data holds no dates to count "${p}" back from`);
    if (p === 'last-complete-half-year') return lastCompleteHalfYear(ref);
    if (p === 'last-complete-month') return lastCompleteMonth(ref);
    if (p === 'last-complete-year') return lastCompleteYear(ref);
    throw configError(`${loaded.file}: period "${p}" is not a period`);
  } catch (e) {
    if ((e as { kind?: string }).kind === 'usage')
      throw configError(`${loaded.file}: period: ${(e as Error).message}`);
    throw e;
  }
}

function rejectedBeyond(limit: string, rejected: number, read: number): boolean {
  const m = /^(\d+(?:\.\d+)?)%$/.exec(limit);
  if (m) return read > 0 && (100 * rejected) / read > Number(m[1]);
  if (!/^\d+$/.test(limit)) throw configError(`--max-rejected ${limit}: give a count (10) or a share ("2%")`);
  return rejected > Number(limit);
}

function markdownWithCharts(
  title: string,
  tables: Table[],
  charts: { id: string; name: string }[],
  fmt: { lang: 'da' | 'en'; percentDecimals: number },
): string {
  const parts = [`# ${title}\n`];
  for (const t of tables) {
    parts.push(renderMarkdown([t], fmt));
    const c = charts.find((x) => x.id === t.id);
    if (c) parts.push(`![${t.title}](${c.name})\n`);
  }
  return parts.join('\n');
}

/** Today's calendar date where the run happens (local time: a job scheduled at 00:30 runs "today"). */
function todayDay(): Day {
  const now = new Date();
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000;
}
