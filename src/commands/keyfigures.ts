import { inLang, word } from '../base/i18n.js';
import { Option, type Command } from 'commander';
import { storeKeyFigures, type KeyFigureOptions } from '../analyses/keyfigures.js';
import { BY_FIELDS, partitionStore, type ByField } from '../analyses/partition.js';
import { periodName, resolvePeriod, type PeriodFlags } from '../base/period.js';
import { byValueLabel, keyFigureTables, type KeyFigureColumn } from '../tables/keyfigures.js';
import { fieldLabel } from '../model/fields.js';
import type { Loaded } from '../schema/load.js';
import {
  addTableOutputOptions,
  TABLE_FORMATS,
  sourceText,
  addPeriodOptions,
  intArg,
  dateArg,
  parseWindow,
  type ReadFlags,
  type TableOutputFlags,
} from './options.js';
import { periodNotes, withNotes } from './data-notes.js';
import { contractOptions, contractWarnings } from './contract-notes.js';
import { contractColumns } from '../analyses/contract.js';
import { endedIn, ruleNotes } from './rule-notes.js';
import { messages, type BuildOptions, type Built, type CommandSpec } from './spec.js';

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
        .option('--window <window>', 'repeat-user window: 12m (calendar months), 6m, 365d (days) ...', '12m')
        .option(
          '--min-gap-days <n>',
          'a course starting within N days after the previous end is not a return',
          intArg('--min-gap-days'),
          0,
        ),
    ),
  build: buildKeyfigures,
  report: {},
};

/** The key-figure tables of loaded data (no I/O). */
export async function buildKeyfigures(data: Loaded, flags: KeyfiguresFlags, o: BuildOptions): Promise<Built> {
  const say = messages();
  // Over the columns: a key-figure run never makes a record per course.
  const store = data.store;
  const period = resolvePeriod(flags, store.newestDay());
  const asOf = flags.asOf === undefined ? period.to : dateArg('--as-of', flags.asOf);
  const window = parseWindow(flags.window);
  const opts: KeyFigureOptions = {
    period,
    asOf,
    window,
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
  cols.push({ label: word(flags.lang, 'total'), k: total });

  const contract = contractColumns(
    store,
    data.notStarted,
    flags.by,
    data.vocab,
    contractOptions(data, period, asOf),
  );
  const tables = keyFigureTables(cols, {
    contract: contract.map((x, j) => ({ label: cols[j]!.label, k: x.k })),
    lang: flags.lang,
    period,
    asOf,
    window,
    minGapDays: flags.minGapDays,
    vocab: data.vocab,
    byLabel: flags.by ? fieldLabel(flags.by, flags.lang).toLowerCase() : undefined,
    source: sourceText(o.source, data.ledger.accepted, flags.lang),
  });
  if (period.source === 'default')
    say.note(`no --period given; using ${period.label}, the last complete half-year in the data`);
  contractWarnings(data, o.source, contract[contract.length - 1]!.k).forEach(say.warn);
  ruleNotes(
    data,
    endedIn(store, period),
    flags.lang,
    say,
    tables.find((t) => t.id === 'keyfigures.exitReasons'),
  );
  const cover = periodNotes(period, store, flags.lang);
  cover.warnings.forEach(say.warn);
  return {
    messages: say.list,
    title: `${inLang(flags.lang, { da: 'Nøgletal', en: 'Key figures' })}, ${periodName(period, flags.lang)}`,
    tables: withNotes(tables, cover.notes),
    charts: [],
  };
}
