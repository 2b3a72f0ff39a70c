/**
 * jobfx run REPORT: the scripted monthly run. Reads the report file, loads the export once, builds
 * every table with its command's own options, and writes the memo pack (xlsx, html, md,
 * manifest.json) atomically into the output folder, and the rejected rows beside it.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { protectInput } from '../io/output-guard.js';
import { safeJson, safeText } from '../base/text.js';
import { isoOf, type Day } from '../base/dates.js';
import { configError, dataError } from '../errors.js';
import {
  lastCompleteHalfYear,
  lastCompleteMonth,
  lastCompleteYear,
  parsePeriod,
  periodFromDates,
  periodName,
  type Period,
} from '../base/period.js';
import { renderHtml } from '../render/html.js';
import { sheetNames } from '../render/sheet-names.js';
import { escapeMarkdown, renderMarkdown } from '../render/markdown.js';
import { suppress } from '../disclosure/suppress.js';
import type { Table } from '../model/table.js';
import { loadCourses, type Loaded } from '../schema/load.js';
import { loadReport, type LoadedReport } from '../report/config.js';
import { checkPackTarget, GENERATOR, preparePack, writePackAtomic, type PackFiles } from '../report/pack.js';
import { CONFIG_FILE } from '../schema/config.js';
import { fieldGaps, mappingNotes, withNotes } from '../commands/data-notes.js';
import { chartThreshold, dateArg } from '../commands/options.js';
import { accountingLine, noRowsError, rejectsCsv } from './accounting.js';
import { selectTables } from '../commands/table-select.js';
import { writeRejectsBeside } from './run-rejects.js';
import { loadStepInput, type InputSummary, type StepInput } from './run-inputs.js';
import { stepOf } from './run-steps.js';
import type { RunContext } from './context.js';
import { drawCharts, filterStep, joinFollowUp, loadCompanion, readNotes, tell } from './pipeline.js';

export interface RunFlags {
  out?: string;
  dryRun?: boolean;
  quiet?: boolean;
  json?: boolean;
  maxRejected?: string;
  runDate?: string;
}

export interface RunSummary {
  ok: boolean;
  out: string;
  period: { label: string; from: string; to: string };
  input: { file: string; sha256: string; read: number; accepted: number; rejected: number; skipped: number };
  tables: number;
  /** Each step's command, its options and the ids of its tables (as in manifest.json's "tables"). */
  steps: ManifestStep[];
  files: string[];
  /** The rejected rows, beside the pack (null: none). */
  rejects: string | null;
  /** The steps' own inputs (progression's measurement files), each accounted for like the export. */
  stepInputs: (InputSummary & { rejects: string | null })[];
  dryRun: boolean;
}

/**
 * A step of the pack as the manifest and the summary name it: its tables by id, in their order,
 * and the worksheet of tabeller.xlsx that holds each (`sheets[i]` is `tables[i]`'s).
 */
export interface ManifestStep {
  command: string;
  options: Record<string, unknown>;
  tables: string[];
  sheets: { id: string; sheet: string }[];
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
  const out = path(flags.out ?? report.out);
  const outOption = flags.out === undefined ? `${loaded.file}: "out"` : '--out';
  // Before anything is read: the files the run reads, and a pack folder it may not replace.
  protectInput(loaded.file, 'the report file');
  protectInput(input, 'the export');
  const config = report.config === undefined ? join(ctx.cwd, CONFIG_FILE) : path(report.config);
  if (report.config !== undefined || existsSync(config)) protectInput(config, 'the config file');
  if (report.followup !== undefined) protectInput(path(report.followup), 'the follow-up file');
  for (const t of report.tables)
    if (t.input !== undefined) protectInput(path(t.input), 'the measurement file');
  const told = new Set<string>(); // the pack is repaired before the read and again under the write's lock
  const packOptions = {
    option: outOption,
    note: (text: string) =>
      void (told.has(text) || (told.add(text), quietCtx.stderr(`jobfx: note: ${text}\n`))),
    waitMs: lockWaitMs(),
  };
  // A dry run checks the folder too (reading only): a scheduled run must not be the first to find out.
  if (flags.dryRun) await checkPackTarget(out, outOption);
  else await preparePack(out, packOptions);

  // Every table's options, and a fixed period, are checked before the export is read, so a typo
  // fails in a second.
  const steps = report.tables.map((t, i) => stepOf(loaded, t, i));
  const fixedPeriod = isRelative(report.period) ? undefined : resolveReportPeriod(loaded, null, 0);
  const data = await loadCourses(input, {
    sheet: report.sheet,
    config: report.config === undefined ? undefined : path(report.config),
    cwd: ctx.cwd,
    // --quiet prints only errors: no bar either.
    progress: flags.quiet ? undefined : ctx.progress,
    note: (text) => quietCtx.stderr(`jobfx: note: ${text}\n`),
    keepColumns: [...new Set(steps.flatMap((s) => s.load.keepColumns ?? []))],
    // A survey (no dates) only when every step can take one.
    respondents: steps.every((s) => s.load.respondents === true),
  });
  // The same join, accounting and warnings as keyfigures --followup.
  if (report.followup !== undefined) await joinFollowUp(quietCtx, path(report.followup), data);
  say(accountingLine(input, data.ledger) + '\n');
  if (data.ledger.accepted === 0)
    throw noRowsError(input, data.ledger, `run jobfx inspect ${input} --rejects FILE`);
  const mapped = mappingNotes(data, report.lang);
  say(`jobfx: ${input}: ${mapped.line}\n`);
  for (const w of mapped.warnings) say(`jobfx: warning: ${input}: ${w}\n`);
  for (const n of readNotes(data)) say(`jobfx: note: ${input}: ${n}\n`);

  const runDate = flags.runDate === undefined ? todayDay() : dateArg('--run-date', flags.runDate);
  const period = fixedPeriod ?? resolveReportPeriod(loaded, data, runDate);
  const limit =
    flags.maxRejected ?? (report.maxRejected === undefined ? undefined : String(report.maxRejected));
  const overLimit =
    limit !== undefined && rejectedBeyond(limit, data.ledger.rejected.length, data.ledger.read);

  const bytes = await readFile(input);
  const summaryBase = {
    out,
    period: { label: period.label, from: isoOf(period.from), to: isoOf(period.to) },
    input: {
      file: input,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      read: data.ledger.read,
      accepted: data.ledger.accepted,
      // Rows visited but not started are accepted, not courses: read = all four.
      ...(data.ledger.notStarted ? { notStarted: data.ledger.notStarted } : {}),
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
  const manifestTables: Omit<ManifestStep, 'sheets'>[] = [];
  const stepInputs = new Map<string, StepInput>();
  // How a step's own files are read (its input, --panel, --population): the report's config.
  const readOpts = { config: report.config && path(report.config), cwd: ctx.cwd, note: packOptions.note };
  for (const step of steps) {
    const flags = step.parse(period);
    let own: StepInput | undefined;
    if (step.input !== undefined) {
      own =
        stepInputs.get(step.input) ??
        (await loadStepInput(step.spec, step.input, flags, data, readOpts, say));
      stepInputs.set(step.input, own);
      if (limit !== undefined && rejectedBeyond(limit, own.summary.rejected, own.summary.read))
        throw dataError(
          `${step.input}: ${own.summary.rejected} of ${own.summary.read} rows rejected, more than the limit ${limit}; the last pack is kept. Run jobfx ${step.command} ${step.input} --rejects FILE to see why.`,
        );
    }
    // A step's files of its own options (compare --panel): relative to the report, joined here,
    // accounted for on stderr.
    for (const k of step.spec.inputOptions ?? []) {
      const named = (flags as Record<string, unknown>)[k];
      if (typeof named === 'string') (flags as Record<string, unknown>)[k] = path(named);
    }
    // A step's --where filters the export for that step only (docs/definitions.md#where).
    const filter = own ? undefined : filterStep(say, input, data, flags, `${step.command}: `, report.lang);
    const base = own?.data ?? filter?.data ?? data;
    const stepData = step.spec.attach ? await step.spec.attach(base, flags, readOpts) : base;
    for (const a of (step.spec.attach ? stepData.also : undefined) ?? [])
      say(accountingLine(a.file, a.ledger) + '\n');
    // compare's --population: read with the export's pseudonyms, its path relative to the report.
    const companion = own ? undefined : await loadCompanion(step.spec, flags, base as Loaded, readOpts, say);
    const o = {
      threshold: report.suppress,
      charts: step.chart,
      source: step.input ?? input,
      ...(companion ? { companion } : {}),
    };
    const b = selectTables(
      await step.spec.build(stepData, flags, o),
      (flags as { table?: string[] }).table,
      step.command,
    );
    tell(quietCtx, b);
    const gaps = own
      ? { tables: b.tables, warnings: [] }
      : fieldGaps(b.tables, base as Loaded, report.lang, report.followup !== undefined);
    for (const w of gaps.warnings) say(`jobfx: warning: ${input}: ${w}\n`);
    built.push(...withNotes(gaps.tables, [...mapped.notes, ...(filter ? [filter.note] : [])]));
    for (const c of await drawCharts(b, chartThreshold(undefined, report.suppress), report.lang))
      charts[c.after] = c.svg;
    manifestTables.push({ command: step.command, options: step.options, tables: b.tables.map((t) => t.id) });
  }
  // One suppression over every table of the pack: they are published together.
  const tables = report.suppress > 0 ? suppress(built, report.suppress, report.lang) : built;
  const stepSheets = withSheets(manifestTables, sheetNames(tables, report.lang));

  const title = `${report.title}, ${periodName(period, report.lang)}`;
  const fmt = { lang: report.lang, percentDecimals: 1 };
  const files: PackFiles = new Map();
  // Imported here: exceljs is slow to load, and the registry imports this module for every command.
  const { renderXlsx } = await import('../render/xlsx.js');
  files.set('tabeller.xlsx', await renderXlsx(tables, fmt));
  files.set('notat.html', renderHtml(tables, { ...fmt, title, after: charts }));
  const chartFiles = Object.entries(charts).map(([id, svg], i) => ({ id, name: `figur-${i + 1}.svg`, svg }));
  for (const c of chartFiles) files.set(c.name, c.svg);
  files.set('notat.md', markdownWithCharts(title, tables, chartFiles, fmt));
  // Rejected rows are row-level data: they go beside the pack, never into the memo folder.
  const rejectsFile = data.ledger.rejected.length > 0 ? `${summaryBase.out}.rejects.csv` : null;
  const ownInputs = [...stepInputs.values()].map((s) => ({
    ...s.summary,
    rejects: s.rejects === null ? null : `${summaryBase.out}.${s.name}.rejects.csv`,
  }));
  files.set(
    'manifest.json',
    JSON.stringify(
      {
        generator: GENERATOR,
        jobfx: version,
        runAt: new Date().toISOString(),
        report: relative(summaryBase.out, loaded.file),
        period: summaryBase.period,
        inputs: [
          summaryBase.input,
          ...ownInputs.map((s) => ({ ...s, rejects: s.rejects && relative(summaryBase.out, s.rejects) })),
        ],
        suppress: report.suppress,
        lang: report.lang,
        tables: stepSheets,
        rejects: rejectsFile === null ? null : relative(summaryBase.out, rejectsFile),
        files: [...files.keys(), 'manifest.json'].sort(),
      },
      safeJson,
      2,
    ) + '\n',
  );

  const summary: RunSummary = {
    ok: true,
    ...summaryBase,
    tables: tables.length,
    steps: stepSheets,
    files: [...files.keys()].sort(),
    rejects: rejectsFile,
    stepInputs: ownInputs,
    dryRun: Boolean(flags.dryRun),
  };
  if (flags.dryRun)
    say(
      `jobfx: dry run: ${report.tables.length} step(s), ${tables.length} tables, period ${period.label}; nothing written\n`,
    );
  else {
    const rejects =
      rejectsFile === null ? null : rejectsCsv(data.ledger, data.mapping, { lang: report.lang });
    await writePackAtomic(summary.out, files, {
      ...packOptions,
      // Under the pack's lock, so that concurrent runs do not race on the file beside it.
      thenUnderLock: async () => {
        await writeRejectsBeside(quietCtx, out, rejects, data.ledger.rejected.length);
        for (const s of stepInputs.values())
          await writeRejectsBeside(quietCtx, out, s.rejects, s.summary.rejected, s.name);
      },
    });
    say(`jobfx: wrote ${summary.files.length} files to ${summary.out}\n`);
  }
  if (flags.json) ctx.stdout(JSON.stringify(summary, safeJson, 2) + '\n');
  return 0;
}

/** Each step's tables with the names of their sheets, which come in the tables' order. */
function withSheets(steps: Omit<ManifestStep, 'sheets'>[], names: string[]): ManifestStep[] {
  let k = 0;
  return steps.map((s) => ({ ...s, sheets: s.tables.map((id) => ({ id, sheet: names[k++]! })) }));
}

const isRelative = (p: LoadedReport['report']['period']) => typeof p === 'string' && p.startsWith('last-');

function resolveReportPeriod(loaded: LoadedReport, data: Loaded | null, runDate: Day): Period {
  const { report } = loaded;
  const p = report.period;
  try {
    if (typeof p === 'object') return periodFromDates(p.from, p.to);
    if (!p.startsWith('last-')) return parsePeriod(p);
    // "Relative to the run date": the last period complete before the day of the run.
    // A survey's start days are placeholders, not dates of the data.
    const ref =
      report.periodRelativeTo === 'run-date'
        ? runDate - 1
        : data && data.unit !== 'respondent'
          ? data.store.newestDay()
          : null;
    if (ref === null)
      throw configError(
        `${loaded.file}: the data holds no dates to count "${p}" back from; give a fixed "period" (e.g. "2025H1"), or "periodRelativeTo": "run-date"`,
      );
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
  const parts = [`# ${escapeMarkdown(safeText(title))}\n`];
  for (const t of tables) {
    parts.push(renderMarkdown([t], fmt));
    const c = charts.find((x) => x.id === t.id);
    if (c) parts.push(`![${escapeMarkdown(safeText(t.title))}](${c.name})\n`);
  }
  return parts.join('\n');
}

/** Today's calendar date where the run happens (local time: a job scheduled at 00:30 runs "today"). */
function todayDay(): Day {
  const now = new Date();
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000;
}

/** How long a run waits for another run writing the same pack: JOBFX_LOCK_WAIT seconds, default 60. */
function lockWaitMs(): number {
  const v = process.env.JOBFX_LOCK_WAIT;
  if (v === undefined || v === '') return 60_000;
  if (!/^\d+(\.\d+)?$/.test(v)) throw configError(`JOBFX_LOCK_WAIT=${v}: give a number of seconds`);
  return Number(v) * 1000;
}
