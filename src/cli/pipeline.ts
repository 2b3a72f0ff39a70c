/**
 * The one pipeline every command runs: load → (follow-up file) → build → suppress → draw charts
 * → render → write → account. A command is a spec (commands/spec.ts); this module does the I/O around its
 * pure build, the same for every command.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AnySpec, Built, CommandFlags, InputData } from '../commands/spec.js';
import type { Lang } from '../base/i18n.js';
import {
  chartThreshold,
  formatOf,
  suppressionThreshold,
  type TableOutputFlags,
} from '../commands/options.js';
import { columnsLine, fieldGaps, mappingNotes, withNotes, type DataNotes } from '../commands/data-notes.js';
import { suppress } from '../disclosure/suppress.js';
import { checkDistinctOutputs, checkOutputFile, protectInput } from '../io/output-guard.js';
import { toldNotes } from '../io/raw.js';
import { writeAtomic } from '../io/write.js';
import { renderSvg } from '../render/chart.js';
import { safeDeep, safeText } from '../base/text.js';
import { renderTables } from '../render/index.js';
import { applyFollowUpFile, type FollowUpResult } from '../schema/followup.js';
import { loadCourses, type Loaded, type LoadOptions } from '../schema/load.js';
import { CONFIG_FILE } from '../schema/config.js';
import { accountingLine, finishAccounting, requireRows } from './accounting.js';
import type { RunContext } from './context.js';
import { writeTables } from './output.js';
import { jsonContextOf } from './json-context.js';
import type { JsonContext } from '../render/json.js';
import { selectTables } from '../commands/table-select.js';
import { byKeptColumns } from '../analyses/partition.js';
import { applyWhere, whereKeptColumns, type Filtered, type WhereClause } from '../analyses/where.js';
import { dataError, usageError } from '../errors.js';
import { reasonsText } from '../schema/normalise/ledger.js';

type Flags = CommandFlags & TableOutputFlags & { followup?: string; list?: string; chart?: string };

/** Runs a command on an export; returns the exit code (0, or 1 for data problems under --strict). */
export async function runCommand(
  spec: AnySpec,
  ctx: RunContext,
  file: string,
  flags: Flags,
): Promise<number> {
  spec.check?.(flags);
  guardFiles(ctx, file, flags);
  // A command with an input of its own (progression's measurements) loads it; the rest, courses.
  if (spec.input && flags.where !== undefined)
    throw usageError(`--where filters the courses of an export; ${spec.name} reads ${spec.input.what}`);
  const read: InputData = spec.input
    ? await spec.input.load(file, loadOptionsOf(flags, ctx), flags)
    : await loadCourses(file, withKept(loadOptionsOf(flags, ctx), spec.load?.(flags), flags));
  // Files of the command's own options (compare --panel), joined to what was loaded.
  const loaded: InputData = spec.attach ? await spec.attach(read, flags, loadOptionsOf(flags, ctx)) : read;
  const all = spec.input ? undefined : (loaded as Loaded);
  const followUpRejected =
    flags.followup === undefined || !all ? 0 : await joinFollowUp(ctx, flags.followup, all);
  let alsoRejected = 0;
  for (const a of loaded.also ?? []) {
    ctx.stderr(accountingLine(a.file, a.ledger) + '\n');
    alsoRejected += a.ledger.rejected.length;
  }
  if (!spec.describesFile) await requireRows(ctx, file, loaded.ledger, loaded.mapping, flags);
  // --where: once, before any figure (docs/definitions.md#where).
  const filter = all && flags.where ? filterCourses(file, all, flags.where, flags.lang) : undefined;
  const data: InputData = filter?.data ?? loaded;
  const courses = filter?.data ?? all;
  const companion = courses
    ? await loadCompanion(spec, flags, courses, loadOptionsOf(flags, ctx), (l) => ctx.stderr(l))
    : undefined;
  if (companion) alsoRejected += companion.data.ledger.rejected.length;
  const tableCommand = spec.formats.includes('md');
  const tableThreshold = tableCommand ? suppressionThreshold(flags) : 0;
  const buildOptions = {
    threshold: tableThreshold,
    charts: 'chart' in flags && flags.chart !== undefined,
    source: file,
    ...(companion ? { companion } : {}),
  };
  const built = selectTables(await spec.build(data, flags, buildOptions), flags.table, spec.name);
  const charts = await drawCharts(built, chartThreshold(flags.suppress, tableThreshold), flags.lang);
  const mapped: DataNotes & { line: string } = courses
    ? mappingNotes(courses, flags.lang)
    : { line: columnsLine(data.mapping), warnings: [], notes: [] };
  // inspect shows the mapping in its own output.
  if (spec.accounting !== 'quiet') ctx.stderr(`jobfx: ${file}: ${mapped.line}\n`);
  for (const w of mapped.warnings) ctx.stderr(`jobfx: warning: ${file}: ${w}\n`);
  if (spec.accounting !== 'quiet')
    for (const n of readNotes(data)) ctx.stderr(`jobfx: note: ${file}: ${n}\n`);
  for (const w of filter?.warnings ?? []) ctx.stderr(`jobfx: warning: ${file}: ${w}\n`);
  const gaps = courses
    ? fieldGaps(built.tables, courses, flags.lang, flags.followup !== undefined)
    : { tables: built.tables, warnings: [] };
  for (const w of gaps.warnings) ctx.stderr(`jobfx: warning: ${file}: ${w}\n`);
  const warnings =
    tell(ctx, built) + mapped.warnings.length + (filter?.warnings.length ?? 0) + gaps.warnings.length;
  const notes = [...mapped.notes, ...(filter ? [filter.note] : [])];
  const json =
    tableCommand && formatOf(flags, spec.formats) === 'json'
      ? await jsonContextOf(spec, data, flags, buildOptions, built, file)
      : undefined;
  await writeOutput(ctx, spec, { ...built, tables: withNotes(gaps.tables, notes) }, flags, json);
  for (const f of built.files ?? []) await writeAtomic(f.path, f.content, f.option);
  for (const c of charts) if (c.file !== undefined) await writeAtomic(c.file, c.svg, '--chart');
  const code = await finishAccounting(
    ctx,
    file,
    data.ledger,
    data.mapping,
    flags,
    spec.accounting === 'quiet',
  );
  if (filter) ctx.stderr(`${file}: ${filter.line}\n`);
  return flags.strict && (followUpRejected > 0 || alsoRejected > 0 || warnings > 0) ? 1 : code;
}

/**
 * The second file a spec asks for (compare --population), read with the export's pseudonyms (so
 * ids match) and accounted for on stderr: the same for a command and a step of `jobfx run`.
 */
export async function loadCompanion(
  spec: AnySpec,
  flags: object,
  courses: Loaded,
  opts: LoadOptions,
  say: (line: string) => void,
): Promise<{ file: string; data: Loaded } | undefined> {
  const c = spec.companion?.(flags);
  if (!c) return undefined;
  protectInput(c.file, c.what);
  const data = await loadCourses(c.file, { ...opts, ...c.load, pseudonymise: courses.pseudonymise });
  say(accountingLine(c.file, data.ledger) + '\n');
  return { file: c.file, data };
}

/**
 * Registers the files the command reads (the export, the config, the follow-up file) and refuses,
 * before anything is read or written, an output that would replace one of them, or two outputs
 * that are one file. writeAtomic checks each write again.
 */
function guardFiles(ctx: RunContext, file: string, flags: Flags): void {
  protectInput(file, 'the export');
  const config = flags.config ?? join(ctx.cwd, CONFIG_FILE);
  if (flags.config !== undefined || existsSync(config)) protectInput(config, 'the config file');
  if (flags.followup !== undefined) protectInput(flags.followup, 'the follow-up file');
  const outputs = [
    { option: '--out', path: flags.out },
    { option: '--rejects', path: flags.rejects },
    { option: '--list', path: flags.list },
    { option: '--chart', path: flags.chart },
  ];
  for (const o of outputs) if (o.path !== undefined) checkOutputFile(o.path, o.option);
  checkDistinctOutputs(outputs);
}

/** The load options with the columns a command, its --where and its --by name by header. */
export function withKept(
  opts: LoadOptions,
  load: Pick<LoadOptions, 'keepColumns' | 'respondents'> | undefined,
  flags: CommandFlags,
): LoadOptions {
  const by = (flags as { by?: unknown }).by;
  const keep = [...(load?.keepColumns ?? []), ...whereKeptColumns(flags.where), ...byKeptColumns(by)];
  return { ...opts, ...load, keepColumns: [...new Set(keep)] };
}

/**
 * The courses --where leaves; a data error when it leaves none (every figure would be 0, and an
 * empty memo is not what was asked for).
 */
export function filterCourses(file: string, data: Loaded, where: WhereClause[], lang: Lang): Filtered {
  const f = applyWhere(data, where, lang);
  if (f.kept === 0)
    throw dataError(
      `${file}: ${f.line.replace(/: .*$/, '')} leaves no course to count${f.warnings.length > 0 ? ` (${f.warnings.join('; ')})` : ''}; check the field and values`,
    );
  return f;
}

/** --where of a `jobfx run` step, told on stderr (by `say`); undefined without one. */
export function filterStep(
  say: (s: string) => void,
  file: string,
  data: Loaded,
  flags: { where?: WhereClause[] },
  prefix: string,
  lang: Lang,
): Filtered | undefined {
  if (!flags.where) return undefined;
  const filter = filterCourses(file, data, flags.where, lang);
  for (const w of filter.warnings) say(`jobfx: warning: ${file}: ${w}\n`);
  say(`${file}: ${prefix}${filter.line}\n`);
  return filter;
}

/** The load options of the read flags, in the context of the run (its folder, its progress bar). */
export function loadOptionsOf(flags: CommandFlags, ctx: RunContext): LoadOptions {
  return {
    cwd: ctx.cwd,
    progress: ctx.progress,
    sheet: flags.sheet,
    headerRow: flags.headerRow,
    encoding: flags.encoding,
    delimiter: flags.delimiter,
    config: flags.config,
    vocab: flags.vocab,
    note: (text) => ctx.stderr(`jobfx: note: ${text}\n`),
  };
}

/**
 * What the reader and the normaliser noted about the file (stray bytes read as Windows-1252, a
 * totals row skipped, ended courses without a reason, 31-12-9999 end dates), for stderr. The
 * note on random pseudonyms matters only where pseudonyms are printed, which says so itself.
 */
export function readNotes(data: Pick<InputData, 'info' | 'notes'>): string[] {
  return toldNotes([...data.info.notes, ...data.notes]);
}

/**
 * The charts of a build, as published: each drawn from its table suppressed on its own at the
 * chart threshold (a chart goes into a memo), so what is hidden in the table is not drawn.
 */
export async function drawCharts(
  built: Pick<Built, 'charts' | 'tables'>,
  threshold: number,
  lang: Lang,
): Promise<{ after: string; svg: string; file?: string }[]> {
  const out = [];
  for (const c of built.charts) {
    const table = built.tables.find((t) => t.id === c.table)!;
    const shown = threshold > 0 ? suppress(table, threshold, lang) : table;
    out.push({ after: c.table, svg: await renderSvg(c.spec(shown)), file: c.file });
  }
  return out;
}

/** Prints a build's notes and warnings on stderr; returns the number of warnings. */
export function tell(ctx: RunContext, built: Pick<Built, 'messages'>): number {
  let warnings = 0;
  for (const m of built.messages ?? []) {
    ctx.stderr(`jobfx: ${m.level}: ${m.text}\n`);
    if (m.level === 'warning') warnings++;
  }
  return warnings;
}

/**
 * Joins a follow-up file (person, horizon or date, status) to the loaded courses and reports its
 * row accounting; returns the number of its rows that could not be joined.
 */
export async function joinFollowUp(ctx: RunContext, file: string, data: Loaded): Promise<number> {
  const f = await applyFollowUpFile(file, data.store, data.pseudonymise, data.vocab);
  reportFollowUp(ctx, file, f);
  return f.ledger.rejected.length;
}

function reportFollowUp(ctx: RunContext, file: string, f: FollowUpResult): void {
  ctx.stderr(accountingLine(file, f.ledger) + '\n');
  for (const n of f.notes.slice(1)) ctx.stderr(`jobfx: note: ${n}\n`);
  const shown = f.ledger.rejected.slice(0, 10);
  for (const r of shown) ctx.stderr(`jobfx: warning: ${file} ${r.ref}: ${reasonsText('en', r.reasons)}\n`);
  if (f.ledger.rejected.length > shown.length)
    ctx.stderr(`jobfx: warning: ${f.ledger.rejected.length - shown.length} more follow-up rows not joined\n`);
}

/** The command's output: its own JSON document, or its tables (suppressed, rendered, written). */
async function writeOutput(
  ctx: RunContext,
  spec: AnySpec,
  built: Built,
  flags: Flags,
  json?: JsonContext,
): Promise<void> {
  const format = formatOf(flags, spec.formats);
  if (spec.formats.includes('md')) return writeTables(ctx, built.tables, flags, built.title, json);
  // A command with a document of its own (inspect): its JSON, or its tables on the terminal.
  const out =
    format === 'json' && built.json !== undefined
      ? JSON.stringify(safeDeep(built.json), null, 2) + '\n'
      : (await renderTables(built.tables, 'terminal', {
          lang: flags.lang,
          percentDecimals: 1,
          color: ctx.color && !flags.out,
          excelCsv: false,
        })) + safeText(built.epilogue ?? '');
  if (flags.out) await writeAtomic(flags.out, out, '--out');
  else ctx.stdout(out);
}
