import type { Command } from 'commander';
import { providers, type ProvidersOptions, type ProvidersResult } from '../analyses/providers/index.js';
import {
  providersKeptColumns,
  resolveProviders,
  type ProvidersRequest,
} from '../analyses/providers/resolve.js';
import { inLang, sayer, type Lang } from '../base/i18n.js';
import { keyedLike } from '../model/keys.js';
import { periodName, periodText } from '../base/period.js';
import { usageError } from '../errors.js';
import { fieldLabel, fieldValueLabel } from '../model/fields.js';
import type { Table } from '../model/table.js';
import type { Loaded } from '../schema/load.js';
import {
  compositionTable,
  funnelSpec,
  providersTables,
  tableId,
  yoyLinked,
  yoyTable,
  type ProvidersTableOptions,
} from '../tables/providers/index.js';
import { providersYoy } from '../analyses/providers/yoy.js';
import { periodNotes, withFields, withNotes } from './data-notes.js';
import {
  addPeriodOptions,
  addTableOutputOptions,
  DEFAULT_SUPPRESSION,
  sourceText,
  TABLE_FORMATS,
  type ReadFlags,
  type TableOutputFlags,
} from './options.js';
import { messages, type BuildOptions, type Built, type CommandSpec } from './spec.js';
import { parseBy } from '../analyses/partition.js';

export interface ProvidersFlags extends ReadFlags, TableOutputFlags, ProvidersRequest {
  chart?: string;
  yoy?: boolean;
}

const collect = (v: string, all: string[] | undefined) => [...(all ?? []), v];

export const providersCommand: CommandSpec<ProvidersFlags> = {
  name: 'providers',
  summary:
    'providers/units side by side: shares with 95% CI, difference from the others, case-mix adjustment',
  description:
    'One row per provider or unit (--by unit, --by Leverandør or any column): courses with a known outcome, the share with ' +
    "the outcome and its 95% Wilson interval, the difference from all the other providers' courses in percentage points " +
    "(Newcombe's interval) and, with --target, whether the share is under the target. --adjust gives the expected " +
    "count from the case mix by indirect standardisation (O, E, O − E, O/E with Byar's interval); --model logit a " +
    'logistic regression with odds ratios and average marginal effects. A table of who each provider receives follows, and ' +
    '--chart draws a funnel plot. The output is a simple effect; an adjusted difference is not an effect estimate either.',
  examples: [
    'jobfx providers export.xlsx --by unit --outcome followUp3=job,education --target 30%',
    'jobfx providers export.csv --by Leverandør --outcome exitGroup=job --adjust targetGroup,ageBand,education,startHalf',
    'jobfx providers export.csv --by Leverandør --outcome followUp3=job,education --adjust targetGroup,education --model logit --chart tragt.svg',
  ],
  formats: TABLE_FORMATS,
  tables: [
    'providers.shares',
    'providers.adjusted (with --adjust)',
    'providers.model (with --model logit)',
    'providers.composition, providers.composition.before',
    'providers.yoy',
    '(.2, .3 ... for the second, third ... --outcome)',
  ],
  options: (cmd: Command) =>
    addTableOutputOptions(
      addPeriodOptions(cmd, 'every course in the data')
        .requiredOption(
          '--by <field[,field]>',
          'the providers: unit (jobcenter, Værksted, Leverandør ... as mapped), programme, or a column of the export by its header; two, comma-separated (--by Leverandør,programme), compare each combination as a provider ("Jobhuset / Straksaktivering")',
          parseBy,
        )
        .option(
          '--outcome <spec>',
          'a yes/no outcome as in compare: FIELD=VALUE[,VALUE] (followUp3=job,education, exitGroup=job) or "job within 12m"; repeat for more',
          collect,
        )
        .option(
          '--within <span>',
          'for exitGroup/exitReason outcomes: ended so within this span of the start (12m, 26w)',
        )
        .option(
          '--adjust <fields>',
          'adjust for case mix by indirect standardisation: comma-separated targetGroup, education, ageBand, gender, programme, startHalf or columns',
        )
        .option(
          '--model <kind>',
          'also fit a model of the outcome on the --adjust fields and the provider: logit',
        )
        .option(
          '--reference <provider>',
          'the reference provider of --model; default: the one with most courses',
        )
        .option('--target <share>', 'the target share, e.g. 30%: adds an "under target" column')
        .option('--yoy', 'also the same table for the period a year earlier, side by side (needs --period)')
        .option(
          '--chart <file.svg>',
          `draw a funnel plot of the first outcome (SVG); providers with too few courses are left out (--suppress, default ${DEFAULT_SUPPRESSION})`,
        ),
    ),
  check(flags) {
    if (flags.yoy && !flags.period && !flags.from)
      throw usageError(
        '--yoy compares a period with the year before: give --period (e.g. 2025H1) or --from/--to',
      );
    if (flags.chart !== undefined && !/\.svg$/i.test(flags.chart))
      throw usageError(`--chart ${flags.chart}: the chart is SVG; give a file name ending in .svg`);
  },
  load: (flags) => ({ keepColumns: providersKeptColumns(flags) }),
  build: buildProviders,
  report: { chart: true },
};

/**
 * The heading of the provider column: per level the header of the mapped column, else the
 * field's label, else the column; two levels joined as keyfigures joins them ("Leverandør og tilbud").
 */
function byLabelOf(o: ProvidersOptions, data: Loaded, lang: Lang): string {
  const one = (by: ProvidersOptions['by'][number]) => {
    if (by.kind === 'column') return by.name;
    const idx = data.mapping.fields[by.field as keyof typeof data.mapping.fields];
    return idx === undefined ? fieldLabel(by.field, lang) : data.headers[idx]!;
  };
  const [first, ...rest] = o.by.map(one);
  return [first!, ...rest.map((x) => x.toLowerCase())].join(sayer(lang)(' og ', ' and '));
}

function warnings(res: ProvidersResult, say: ReturnType<typeof messages>, lang: Lang): void {
  const t = sayer(lang);
  for (const b of res.outcomes) {
    if (b.unmatched.length > 0)
      say.warn(`--outcome "${b.spec.text}": no course has ${b.unmatched.map((v) => `"${v}"`).join(', ')}`);
    if (b.model && !b.model.ok) say.warn(`--model logit, outcome "${b.spec.text}": ${b.model.message}`);
  }
  if (res.personsInSeveral > 0)
    say.note(
      t(
        `${res.personsInSeveral} personer har forløb hos mere end én leverandør; hvert forløb tæller hos sin egen`,
        `${res.personsInSeveral} persons have courses at more than one provider; each course counts at its own`,
      ),
    );
  if (res.noProvider > 0) say.note(`${res.noProvider} courses have no provider value and are left out`);
}

/** --yoy: per outcome the two periods side by side, and the case mix of the year before. */
function yoyTables(
  data: Loaded,
  options: ProvidersOptions,
  optionsIn: (lang: Lang) => ProvidersTableOptions,
  lang: Lang,
): Table[] {
  const { yoy, before, now } = providersYoy(data.store, { ...options, period: options.period! });
  // Counted once; keyed from the same figures' tables in English (model/keys.ts).
  const own = yoyTablesOf(yoy, before, now, optionsIn(lang), lang);
  return keyedLike(own, lang === 'en' ? own : yoyTablesOf(yoy, before, now, optionsIn('en'), 'en'));
}

type YoyFigures = ReturnType<typeof providersYoy>;

function yoyTablesOf(
  yoy: YoyFigures['yoy'],
  before: YoyFigures['before'],
  now: YoyFigures['now'],
  o: ProvidersTableOptions,
  lang: Lang,
): Table[] {
  const t = sayer(lang);
  return [
    ...before.outcomes.map((b, k) =>
      yoyLinked(
        yoyTable(b, yoy, k, o, tableId('yoy', k)),
        tableId('shares', k),
        now.outcomes[k]!.providers,
        o.threshold,
      ),
    ),
    compositionTable(
      before,
      {
        ...o,
        periodText: t(`afsluttet ${periodText(yoy.before, 'da')}`, `ended ${periodText(yoy.before, 'en')}`),
      },
      'providers.composition.before',
      `, ${periodName(yoy.before, lang)}`,
    ),
  ];
}

/** The provider tables (and the funnel plot) of loaded courses (no I/O). */
export async function buildProviders(data: Loaded, flags: ProvidersFlags, o: BuildOptions): Promise<Built> {
  const say = messages();
  const options = resolveProviders(flags, data);
  const res = providers(data.store, options);
  if (res.courses === 0) say.warn('no course in the selection has a provider value: check --by and --period');
  warnings(res, say, flags.lang);
  const t = sayer(flags.lang);
  const threshold = o.threshold;
  const tableOptionsIn = (lang: Lang): ProvidersTableOptions => ({
    lang,
    vocab: data.vocab,
    byLabel: byLabelOf(options, data, lang),
    combined: options.by.length > 1,
    // One level of a field: its value in the language (a trial arm); a combination as written.
    valueLabel: (v) => {
      const only = options.by.length === 1 ? options.by[0]! : undefined;
      return only?.kind === 'field' ? fieldValueLabel(only.field, v, lang) : v;
    },
    periodText: options.period
      ? inLang(lang, {
          da: `afsluttet ${periodText(options.period, 'da')}`,
          en: `ended ${periodText(options.period, 'en')}`,
        })
      : inLang(lang, { da: 'alle forløb i udtrækket', en: 'all courses in the export' }),
    source: sourceText(o.source, data.ledger.accepted, lang),
    threshold,
  });
  const tableOptions = tableOptionsIn(flags.lang);
  // Keyed from the same result's tables in English (model/keys.ts): only their words again.
  const own = providersTables(res, options, tableOptions);
  let tables = keyedLike(
    own,
    flags.lang === 'en' ? own : providersTables(res, options, tableOptionsIn('en')),
  );
  if (options.period) {
    const cover = periodNotes(options.period, data.store, flags.lang);
    cover.warnings.forEach(say.warn);
    tables = withNotes(tables, cover.notes);
  }
  if (flags.yoy && options.period) tables.push(...yoyTables(data, options, tableOptionsIn, flags.lang));
  // A provider or adjustment field without a column is one "Uoplyst" value: the pipeline says so.
  tables = withFields(
    tables,
    [...options.by, ...options.adjust].flatMap((r) =>
      r.kind === 'field' && r.field !== 'startHalf' ? [r.field] : [],
    ),
  );
  const charts: Built['charts'] = [];
  if (o.charts && res.outcomes.length > 0) {
    const total = res.outcomes[0]!.total;
    // Drawn by the pipeline from the shares table as published: hidden and "for få" providers are left out.
    charts.push({
      table: 'providers.shares',
      spec: (shown) =>
        funnelSpec(shown, {
          lang: flags.lang,
          p0: total.n === 0 ? 0 : total.successes / total.n,
          xTitle: t('Forløb med udfald', 'Courses with outcome'),
        }),
      file: flags.chart,
    });
  }
  return {
    period: options.period ? { from: options.period.from, to: options.period.to } : null,
    title: t('Leverandører sammenlignet', 'Providers compared'),
    tables,
    charts,
    messages: say.list,
  };
}
