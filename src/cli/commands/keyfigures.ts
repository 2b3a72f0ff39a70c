import { Option, type Command } from 'commander';
import { storeKeyFigures, type KeyFigureOptions } from '../../analyses/keyfigures.js';
import { BY_FIELDS, partitionStore, type ByField } from '../../analyses/partition.js';
import { periodName, resolvePeriod, type PeriodFlags } from '../../base/period.js';
import { loadCourses } from '../../schema/load.js';
import { byValueLabel, keyFigureTables, type KeyFigureColumn } from '../../tables/keyfigures.js';
import { fieldLabel } from '../../tables/inspect.js';
import { accountingLine, finishAccounting } from '../accounting.js';
import type { RunContext } from '../context.js';
import { applyFollowUpFile, type FollowUpResult } from '../../schema/followup.js';
import { loadOptionsOf, type ReadFlags } from '../options.js';
import {
  addTableOutputOptions,
  sourceText,
  suppressionThreshold,
  TABLE_FORMATS,
  writeTables,
  type BuildOptions,
  type Built,
  type TableOutputFlags,
} from '../output.js';
import type { Loaded } from '../../schema/load.js';
import { addPeriodOptions, dateArg, intArg, newestDate, parseWindow } from '../period-options.js';
import type { CommandSpec } from '../registry.js';

export interface KeyfiguresFlags extends ReadFlags, TableOutputFlags, PeriodFlags {
  asOf?: string;
  followup?: string;
  by?: ByField;
  window: string;
  minGapDays: number;
}

export const keyfiguresCommand: CommandSpec<KeyfiguresFlags> = {
  name: 'keyfigures',
  summary: 'the key figures of a programme for a period, as memo tables',
  description:
    'Citizens in the programme and their duration; ended courses by exit reason and exit group and their duration; ' +
    'active persons by target group, education, age and gender; status 1, 3, 6 and 12 months after the course ended; ' +
    'repeat users. Definitions are printed under each table.',
  examples: [
    'jobfx keyfigures export.xlsx --period 2025H1',
    'jobfx keyfigures export.xlsx --period 2025 --by unit --out noegletal.xlsx',
    'jobfx keyfigures export.csv --from 01-01-2025 --to 31-03-2025 --format md',
  ],
  formats: TABLE_FORMATS,
  options: (cmd: Command) =>
    addTableOutputOptions(
      addPeriodOptions(cmd, 'the last complete half-year in the data')
        .option(
          '--followup <file>',
          'follow-up statuses from a separate file (person, horizon or date of measurement, status), joined on the person',
        )
        .option(
          '--as-of <date>',
          'date follow-up is measured against (due when end + N months ≤ it); default: the period end',
        )
        .addOption(
          new Option('--by <field>', 'one column per value of this field, plus a total column').choices([
            ...BY_FIELDS,
          ]),
        )
        .option('--window <window>', 'repeat-user window: 12m, 6m, 365d ...', '12m')
        .option(
          '--min-gap-days <n>',
          'a course starting within N days after the previous end is not a return',
          intArg('--min-gap-days'),
          0,
        ),
    ),
  async run(ctx, file, flags) {
    const data = await loadCourses(file, loadOptionsOf(flags, ctx));
    let followUpRejected = 0;
    if (flags.followup) {
      const f = await applyFollowUpFile(flags.followup, data.store, data.pseudonymise, data.vocab);
      followUpRejected = f.ledger.rejected.length;
      reportFollowUp(ctx, flags.followup, f);
    }
    const built = await buildKeyfigures(ctx, data, flags, {
      threshold: suppressionThreshold(flags),
      charts: false,
      source: file,
    });
    await writeTables(ctx, built.tables, flags, built.title);
    const code = await finishAccounting(ctx, file, data.ledger, data.headers, flags);
    return flags.strict && followUpRejected > 0 ? 1 : code;
  },
};

function reportFollowUp(ctx: RunContext, file: string, f: FollowUpResult): void {
  ctx.stderr(accountingLine(file, f.ledger) + '\n');
  for (const n of f.notes.slice(1)) ctx.stderr(`jobfx: note: ${n}\n`);
  const shown = f.ledger.rejected.slice(0, 10);
  for (const r of shown) ctx.stderr(`jobfx: warning: ${file} ${r.ref}: ${r.reasons.join('; ')}\n`);
  if (f.ledger.rejected.length > shown.length)
    ctx.stderr(`jobfx: warning: ${f.ledger.rejected.length - shown.length} more follow-up rows not joined\n`);
}

/** Courses split by a field's value; values in a stable order (vocabulary order, then alphabetical; unknown last). */

/** The key-figure tables of loaded data (no I/O). */
export async function buildKeyfigures(
  ctx: RunContext,
  data: Loaded,
  flags: KeyfiguresFlags,
  o: BuildOptions,
): Promise<Built> {
  // Over the columns: a key-figure run never makes a record per course.
  const store = data.store;
  const period = resolvePeriod(flags, newestDate(store));
  const asOf = flags.asOf === undefined ? period.to : dateArg('--as-of', flags.asOf);
  const windowDays = parseWindow(flags.window);
  const opts: KeyFigureOptions = {
    period,
    asOf,
    windowDays,
    minGapDays: flags.minGapDays,
    vocab: data.vocab,
  };

  const cols: KeyFigureColumn[] = [];
  const total = storeKeyFigures(store, opts, null);
  if (flags.by) {
    const by = flags.by;
    for (const [value, subset] of partitionStore(store, by, data.vocab))
      cols.push({ label: byValueLabel(value, flags.lang), k: storeKeyFigures(store, opts, subset) });
  }
  cols.push({ label: flags.lang === 'da' ? 'I alt' : 'Total', k: total });

  const tables = keyFigureTables(cols, {
    lang: flags.lang,
    period,
    asOf,
    windowDays,
    minGapDays: flags.minGapDays,
    vocab: data.vocab,
    byLabel: flags.by ? fieldLabel(flags.by, flags.lang).toLowerCase() : undefined,
    source: sourceText(o.source, data.ledger.accepted, flags.lang),
  });
  if (period.source === 'default')
    ctx.stderr(
      `jobfx: note: no --period given; using ${period.label}, the last complete half-year in the data\n`,
    );
  return {
    title: `${flags.lang === 'da' ? 'Nøgletal' : 'Key figures'}, ${periodName(period, flags.lang)}`,
    tables,
    charts: [],
  };
}
