import { inspect } from '../analyses/inspect.js';
import type { Loaded } from '../schema/load.js';
import { inspectTables } from '../tables/inspect.js';
import { breachNotes, ruleBreaches } from '../analyses/exit-rules.js';
import { checkableRules } from './rule-notes.js';
import type { OutputFlags, ReadFlags } from './options.js';
import type { Built, CommandSpec } from './spec.js';

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
  formats: ['terminal', 'json'],
  build: buildInspect,
  // inspect shows the row accounting itself; stderr gets only the warning.
  accounting: 'quiet',
  describesFile: true,
};

/** What inspect shows: its tables on the terminal, its result as the JSON document. */
async function buildInspect(data: Loaded, flags: ReadFlags & OutputFlags): Promise<Built> {
  const result = inspect(data, data.vocab, flags.lang);
  // Exit-reason rules (a --vocab preset's or the config's), over every course.
  result.notes.push(...breachNotes(ruleBreaches(data.store, checkableRules(data), null), flags.lang));
  return {
    title: 'inspect',
    tables: inspectTables(result, flags.lang),
    charts: [],
    json: result,
    epilogue: result.notes.length > 0 ? '\n' + result.notes.map((n) => `• ${n}`).join('\n') + '\n' : '',
  };
}
