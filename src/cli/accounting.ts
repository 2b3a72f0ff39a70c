/** The row accounting every command reports, and --rejects / --strict, in one place. */
import { csvLine } from '../render/csv.js';
import { writeAtomic } from '../io/write.js';
import type { ColumnMapping } from '../schema/columns.js';
import type { Ledger } from '../schema/normalise/index.js';
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
export function rejectsCsv(ledger: Ledger, mapping: ColumnMapping): string {
  const cols = mapping.columns
    .filter(
      (c) => c.field !== undefined && c.field !== 'personId' && c.how !== 'duplicate' && c.header !== '',
    )
    .map((c) => c.header);
  const lines = [csvLine(['row', 'person', 'reasons', ...cols])];
  for (const r of ledger.rejected)
    lines.push(
      csvLine([r.ref, r.personId ?? '', r.reasons.join('; '), ...cols.map((h) => r.cells[h] ?? '')]),
    );
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/**
 * After the output: writes --rejects, warns on stderr about rejected rows, and returns the exit
 * code --strict asks for (1 when any row was rejected).
 */
export async function finishAccounting(
  ctx: RunContext,
  file: string,
  ledger: Ledger,
  mapping: ColumnMapping,
  flags: { rejects?: string; strict?: boolean },
  quiet = false,
): Promise<number> {
  if (flags.rejects) await writeAtomic(flags.rejects, rejectsCsv(ledger, mapping));
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
