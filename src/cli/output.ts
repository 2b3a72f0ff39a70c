/** Output of table commands: small-cell suppression, rendering, and writing to stdout or atomically to --out. */
import { formatOf, suppressionThreshold, TABLE_FORMATS, type TableOutputFlags } from '../commands/options.js';
import { usageError } from '../errors.js';
import { writeAtomic } from '../io/write.js';
import { renderTables, type Format } from '../render/index.js';
import { suppress } from '../disclosure/suppress.js';
import type { Table } from '../model/table.js';
import type { JsonContext } from '../render/json.js';
import type { RunContext } from './context.js';

export async function writeTables(
  ctx: RunContext,
  tables: Table[],
  flags: TableOutputFlags,
  title: string,
  json?: JsonContext,
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
    ...(json ? { json } : {}),
  });
  if (flags.out) await writeAtomic(flags.out, out, '--out');
  else if (typeof out === 'string') ctx.stdout(out);
  else throw usageError('xlsx output is binary: give --out FILE.xlsx');
}
