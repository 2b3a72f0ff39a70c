/**
 * The one pipeline every command runs: load → (follow-up file) → build → suppress → render →
 * write → account. A command is a spec (commands/spec.ts); this module does the I/O around its
 * pure build, the same for every command.
 */
import type { AnySpec, Built, CommandFlags } from '../commands/spec.js';
import { formatOf, suppressionThreshold, type TableOutputFlags } from '../commands/options.js';
import { mappingNotes, withNotes } from '../commands/data-notes.js';
import { writeAtomic } from '../io/write.js';
import { renderTables } from '../render/index.js';
import { applyFollowUpFile, type FollowUpResult } from '../schema/followup.js';
import { loadCourses, type Loaded, type LoadOptions } from '../schema/load.js';
import { accountingLine, finishAccounting } from './accounting.js';
import type { RunContext } from './context.js';
import { writeTables } from './output.js';

type Flags = CommandFlags & TableOutputFlags & { followup?: string };

/** Runs a command on an export; returns the exit code (0, or 1 for data problems under --strict). */
export async function runCommand(
  spec: AnySpec,
  ctx: RunContext,
  file: string,
  flags: Flags,
): Promise<number> {
  spec.check?.(flags);
  const data = await loadCourses(file, { ...loadOptionsOf(flags, ctx), ...spec.load?.(flags) });
  const followUpRejected = flags.followup === undefined ? 0 : await joinFollowUp(ctx, flags.followup, data);
  const tableCommand = spec.formats.includes('md');
  const built = await spec.build(data, flags, {
    threshold: tableCommand ? suppressionThreshold(flags) : 0,
    charts: 'chart' in flags && flags.chart !== undefined,
    source: file,
  });
  const mapped = mappingNotes(data, flags.lang);
  // inspect shows the mapping in its own output.
  if (spec.accounting !== 'quiet') ctx.stderr(`jobfx: ${file}: ${mapped.line}\n`);
  for (const w of mapped.warnings) ctx.stderr(`jobfx: warning: ${file}: ${w}\n`);
  if (spec.accounting !== 'quiet')
    for (const n of readNotes(data)) ctx.stderr(`jobfx: note: ${file}: ${n}\n`);
  const warnings = tell(ctx, built) + mapped.warnings.length;
  await writeOutput(ctx, spec, { ...built, tables: withNotes(built.tables, mapped.notes) }, flags);
  for (const f of built.files ?? []) await writeAtomic(f.path, f.content);
  const code = await finishAccounting(
    ctx,
    file,
    data.ledger,
    data.mapping,
    flags,
    spec.accounting === 'quiet',
  );
  return flags.strict && (followUpRejected > 0 || warnings > 0) ? 1 : code;
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
export function readNotes(data: Loaded): string[] {
  // A slow exceljs read is told through LoadOptions.note, and only for a large file.
  const read = data.info.notes.filter((n) => !n.startsWith('read with exceljs'));
  return [...read, ...data.notes.filter((n) => !n.startsWith('No pseudonym key'))];
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
  for (const r of shown) ctx.stderr(`jobfx: warning: ${file} ${r.ref}: ${r.reasons.join('; ')}\n`);
  if (f.ledger.rejected.length > shown.length)
    ctx.stderr(`jobfx: warning: ${f.ledger.rejected.length - shown.length} more follow-up rows not joined\n`);
}

/** The command's output: its own JSON document, or its tables (suppressed, rendered, written). */
async function writeOutput(ctx: RunContext, spec: AnySpec, built: Built, flags: Flags): Promise<void> {
  const format = formatOf(flags, spec.formats);
  if (spec.formats.includes('md')) return writeTables(ctx, built.tables, flags, built.title);
  // A command with a document of its own (inspect): its JSON, or its tables on the terminal.
  const out =
    format === 'json' && built.json !== undefined
      ? JSON.stringify(built.json, null, 2) + '\n'
      : (await renderTables(built.tables, 'terminal', {
          lang: flags.lang,
          percentDecimals: 1,
          color: ctx.color && !flags.out,
          excelCsv: false,
        })) + (built.epilogue ?? '');
  if (flags.out) await writeAtomic(flags.out, out);
  else ctx.stdout(out);
}
