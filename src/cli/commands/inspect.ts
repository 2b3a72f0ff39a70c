import { inspect } from '../../analyses/inspect.js';
import { writeAtomic } from '../../io/write.js';
import { renderTables } from '../../render/index.js';
import { loadCourses } from '../../schema/load.js';
import { inspectTables } from '../../tables/inspect.js';
import { finishAccounting } from '../accounting.js';
import { formatOf, loadOptionsOf, type OutputFlags, type ReadFlags } from '../options.js';
import type { CommandSpec } from '../registry.js';

const FORMATS = ['terminal', 'json'];

export const inspectCommand: CommandSpec<ReadFlags & OutputFlags> = {
  name: 'inspect',
  summary: 'show how an export is read: format, column mapping, rows accepted/rejected, values',
  description:
    'Reads the export and reports what jobfx made of it: the detected format (encoding, delimiter, sheet, header row), ' +
    'how each column was mapped, how many rows were read, accepted, rejected and skipped (with the reasons), the values of ' +
    'each categorical field (unknown values flagged), the date range and the number of distinct persons.',
  examples: [
    'jobfx inspect export.xlsx',
    'jobfx inspect export.csv --format json',
    'jobfx inspect export.xlsx --sheet Data --rejects afviste.csv',
  ],
  formats: FORMATS,
  async run(ctx, file, flags) {
    const data = await loadCourses(file, loadOptionsOf(flags, ctx));
    const result = inspect(data, data.vocab);
    const format = formatOf(flags, FORMATS);
    const out =
      format === 'json'
        ? JSON.stringify(result, null, 2) + '\n'
        : (await renderTables(inspectTables(result, flags.lang), 'terminal', {
            lang: flags.lang,
            percentDecimals: 1,
            color: ctx.color && !flags.out,
            excelCsv: false,
          })) + (result.notes.length > 0 ? '\n' + result.notes.map((n) => `• ${n}`).join('\n') + '\n' : '');
    if (flags.out) await writeAtomic(flags.out, out);
    else ctx.stdout(out);
    // inspect reports the accounting itself; stderr gets only the warning.
    return finishAccounting(ctx, file, data.ledger, data.headers, flags, true);
  },
};
