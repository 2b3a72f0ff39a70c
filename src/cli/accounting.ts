/** The row accounting every command reports, and --rejects / --strict, in one place. */
import { refIn, sayer } from '../base/i18n.js';
import { sideCsv, type SideCsvOptions } from '../render/csv.js';
import { dataError, inputError, type JobfxError } from '../errors.js';
import { writeAtomic } from '../io/write.js';
import type { MappedColumns } from '../commands/spec.js';
import type { Ledger } from '../schema/normalise/index.js';
import { reasonsText } from '../schema/normalise/ledger.js';
import type { RunContext } from './context.js';

export function accountingLine(file: string, ledger: Ledger): string {
  const blank = ledger.skipped.filter((s) => s.kind === 'blank').length;
  const totals = ledger.skipped.length - blank;
  const visited = (ledger.notStarted ?? 0) > 0 ? ` + ${ledger.notStarted} visited, not started` : '';
  return `${file}: ${ledger.read} rows read = ${ledger.accepted} accepted${visited} + ${ledger.rejected.length} rejected + ${ledger.skipped.length} skipped (${blank} blank, ${totals} totals)`;
}

/**
 * The rejects file: row reference, pseudonym, reasons, then the row's mapped columns only. A
 * column jobfx did not map (a name, a free-text comment) is never copied out of the export.
 */
export function rejectsCsv(ledger: Ledger, mapping: MappedColumns, o: SideCsvOptions): string {
  const cols = mapping.columns
    .filter(
      (c) => c.field !== undefined && c.field !== 'personId' && c.how !== 'duplicate' && c.header !== '',
    )
    .map((c) => c.header);
  const t = sayer(o.lang);
  return sideCsv(
    [t('række', 'row'), 'person', t('årsager', 'reasons'), ...cols],
    ledger.rejected.map((r) => [
      refIn(o.lang, r.ref),
      r.personId ?? '',
      reasonsText(o.lang, r.reasons),
      ...cols.map((h) => r.cells[h] ?? ''),
    ]),
    o,
  );
}

/** Whether a file's text begins as a rejects file jobfx writes, in either language and dialect. */
export const isRejectsCsv = (text: string): boolean =>
  /^\uFEFF(row|række)([,;])person\2(reasons|årsager)(\2|\r\n)/.test(text);

/**
 * After the output: writes --rejects, warns on stderr about rejected rows, and returns the exit
 * code --strict asks for (1 when any row was rejected).
 */
export async function finishAccounting(
  ctx: RunContext,
  file: string,
  ledger: Ledger,
  mapping: MappedColumns,
  flags: { rejects?: string; strict?: boolean; lang: 'da' | 'en'; excelCsv?: boolean },
  quiet = false,
): Promise<number> {
  if (flags.rejects) await writeAtomic(flags.rejects, rejectsCsv(ledger, mapping, flags), '--rejects');
  if (!quiet) ctx.stderr(accountingLine(file, ledger) + '\n');
  if (ledger.rejected.length > 0) {
    const where = flags.rejects
      ? `see ${flags.rejects}`
      : quiet
        ? 'add --rejects FILE to write them all'
        : 'run jobfx inspect, or add --rejects FILE';
    ctx.stderr(`jobfx: warning: ${ledger.rejected.length} row(s) rejected; ${where}\n`);
    if (flags.strict) return 1;
  }
  return 0;
}

/**
 * The analyses need data rows. None (a header only, or only blank and totals rows) is an input
 * problem: exit 3, like an empty file. Every row rejected is a data problem: exit 1, after the
 * accounting and --rejects are written so that the user can see why.
 */
export async function requireRows(
  ctx: RunContext,
  file: string,
  ledger: Ledger,
  mapping: MappedColumns,
  flags: { rejects?: string; lang: 'da' | 'en'; excelCsv?: boolean },
): Promise<void> {
  if (ledger.accepted > 0) return;
  if (ledger.rejected.length > 0) await finishAccounting(ctx, file, ledger, mapping, flags);
  const see =
    flags.rejects === undefined ? `add --rejects FILE or run jobfx inspect ${file}` : `see ${flags.rejects}`;
  throw noRowsError(file, ledger, see);
}

/** Why an export without accepted rows cannot be counted; `see` says where the rejected rows' reasons are. */
export function noRowsError(file: string, ledger: Ledger, see: string): JobfxError {
  const n = ledger.rejected.length;
  if (n > 0)
    return dataError(
      `${file}: all ${n} data rows were rejected, so there is nothing to count; ${see} to find out why`,
    );
  const what = ledger.read === 0 ? 'below the header' : `(${ledger.read} read, each blank or a totals row)`;
  return inputError(`${file}: no data rows ${what}; nothing to count. Export the data again with its rows`);
}
