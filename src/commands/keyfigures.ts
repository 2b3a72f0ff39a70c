import { inLang, word } from '../base/i18n.js';
import { Option, type Command } from 'commander';
import { storeKeyFigures, type KeyFigureOptions } from '../analyses/keyfigures.js';
import { FOLLOW_UP_COHORTS, type FollowUpCohort } from '../analyses/followup.js';
import { asOfOf, consentWarnings, followUpOptionsOf } from './followup-options.js';
import { byFieldsOf, byLabelOf, partitionBy, resolveBy } from '../analyses/partition.js';
import { periodName, resolvePeriod, type PeriodFlags } from '../base/period.js';
import { withPercent, type PercentMode } from '../tables/percent.js';
import { byGroupKey, byGroupLabel, keyFigureTables, type KeyFigureColumn } from '../tables/keyfigures.js';
import type { Loaded } from '../schema/load.js';
import {
  addByOption,
  percentOf,
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
import { periodNotes, withFields, withNotes } from './data-notes.js';
import { contractOptions, contractWarnings } from './contract-notes.js';
import { contractColumns } from '../analyses/contract.js';
import { endedIn, ruleNotes } from './rule-notes.js';
import { messages, type BuildOptions, type Built, type CommandSpec } from './spec.js';

export interface KeyfiguresFlags extends ReadFlags, TableOutputFlags, PeriodFlags {
  asOf?: string;
  followup?: string;
  followupCohort: FollowUpCohort;
  followupBy?: 'exitGroup';
  followupFrom?: string;
  followupNewCourse?: boolean;
  /** --by: one or two levels, each a field or a column (resolved against the export in build). */
  by?: string[];
  percent?: PercentMode;
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
  tables: [
    'keyfigures.citizens',
    'keyfigures.ongoingDuration',
    'keyfigures.exitReasons',
    'keyfigures.exitGroups',
    'keyfigures.endedDuration',
    'keyfigures.mix.targetGroup',
    'keyfigures.mix.education',
    'keyfigures.mix.ageBand',
    'keyfigures.mix.gender',
    'keyfigures.followUp1, followUp3, followUp6, followUp12',
    'keyfigures.followUp<N>.byExitGroup (with --followup-by exitGroup)',
    'keyfigures.repeats',
    'keyfigures.extension, goal, industry, hours, funnel (when the export has the contract fields)',
  ],
  options: (cmd: Command) =>
    addTableOutputOptions(
      addByOption(addPeriodOptions(cmd, 'the last complete half-year in the data'))
        .option(
          '--followup <file>',
          'follow-up statuses from a separate file (person, horizon or date of measurement, status), joined on the person',
        )
        .option(
          '--as-of <date>',
          'date follow-up is measured against (due when end + N months ≤ it); default: the newest date in the data',
        )
        .addOption(
          new Option(
            '--followup-cohort <cohort>',
            'lagged: N-month follow-up of the courses ended in the period shifted back N months; period: of those ended in the period',
          )
            .choices([...FOLLOW_UP_COHORTS])
            .default('lagged'),
        )
        .addOption(
          new Option(
            '--followup-by <field>',
            'follow-up statuses also by the exit group of the course',
          ).choices(['exitGroup']),
        )
        .option(
          '--followup-from <date>',
          'courses ended before this date are not covered by the follow-up ("Ikke omfattet")',
        )
        .option(
          '--followup-new-course',
          'a due course without a status whose person started a new course by the horizon: "I nyt forløb"',
        )
        .option('--window <window>', 'repeat-user window: 12m (calendar months), 6m, 365d (days) ...', '12m')
        .option(
          '--min-gap-days <n>',
          'a course starting within N days after the previous end is not a return',
          intArg('--min-gap-days'),
          0,
        ),
    ),
  check: (flags) => {
    percentOf(flags);
    if (flags.followupFrom !== undefined) dateArg('--followup-from', flags.followupFrom);
    if (flags.asOf !== undefined) dateArg('--as-of', flags.asOf);
  },
  build: buildKeyfigures,
  report: {},
};

/** The key-figure tables of loaded data (no I/O). */
export async function buildKeyfigures(data: Loaded, flags: KeyfiguresFlags, o: BuildOptions): Promise<Built> {
  const say = messages();
  // Over the columns: a key-figure run never makes a record per course.
  const store = data.store;
  const period = resolvePeriod(flags, store.newestDay());
  const asOf = asOfOf(flags.asOf, store, period);
  const window = parseWindow(flags.window);
  const followUp = followUpOptionsOf(flags, data);
  const opts: KeyFigureOptions = {
    period,
    asOf: asOf.day,
    followUp,
    window,
    minGapDays: flags.minGapDays,
    vocab: data.vocab,
  };

  const cols: KeyFigureColumn[] = [];
  const total = storeKeyFigures(store, opts, null);
  const by = flags.by ? resolveBy(flags.by, data.headers, data.mapping) : [];
  for (const g of by.length > 0 ? partitionBy(store, by, data.vocab) : [])
    cols.push({
      label: byGroupLabel(g.values, flags.lang),
      key: byGroupKey(g.values),
      k: storeKeyFigures(store, opts, g.courses),
    });
  cols.push({ label: word(flags.lang, 'total'), key: 'total', k: total });

  const contract = contractColumns(
    store,
    data.notStarted,
    by,
    data.vocab,
    contractOptions(data, period, asOf.day),
  );
  const tables = keyFigureTables(cols, {
    contract: contract.map((x, j) => ({ label: cols[j]!.label, key: cols[j]!.key, k: x.k })),
    lang: flags.lang,
    period,
    asOf: asOf.day,
    asOfSource: asOf.source,
    followUp,
    window,
    minGapDays: flags.minGapDays,
    vocab: data.vocab,
    byLabel: by.length > 0 ? byLabelOf(by, data.headers, flags.lang) : undefined,
    source: sourceText(o.source, data.ledger.accepted, flags.lang),
  });
  if (period.source === 'default')
    say.note(`no --period given; using ${period.label}, the last complete half-year in the data`);
  const consent = consentWarnings(data, flags.lang);
  consent.warnings.forEach(say.warn);
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
    tables: withPercent(
      withFields(
        withNotes(
          tables.map((tb) => (/^keyfigures\.followUp/.test(tb.id) ? withNotes([tb], consent.notes)[0]! : tb)),
          cover.notes,
        ),
        byFieldsOf(by),
      ),
      percentOf(flags),
      flags.lang,
    ),
    charts: [],
    period: { from: period.from, to: period.to },
    asOf: asOf.day,
  };
}
