import { sayer } from '../base/i18n.js';
import type { Command } from 'commander';
import { compare, keptColumns, resolveCompare, type CompareRequest } from '../analyses/compare/index.js';
import type { CompareOptions } from '../analyses/compare/types.js';
import { usageError } from '../errors.js';
import type { Table } from '../model/table.js';
import { curveChartSpec, stackedBarSpec } from '../render/chart.js';
import {
  compareLabels,
  compareTables,
  likertBars,
  SIMPLE_EFFECT_DA,
  SIMPLE_EFFECT_EN,
  weeklyCurve,
} from '../tables/compare/index.js';
import {
  DEFAULT_SUPPRESSION,
  addTableOutputOptions,
  sourceText,
  TABLE_FORMATS,
  type ReadFlags,
  type TableOutputFlags,
} from './options.js';
import {
  addActivityOptions,
  attachActivities,
  buildActivities,
  type ActivityFlags,
  type WithActivities,
} from './compare-activities.js';
import {
  addPanelOptions,
  attachPanel,
  buildPanel,
  checkPanelFlags,
  type PanelFlags,
  type WithPanel,
} from './compare-panel.js';
import { response } from './compare-population.js';
import { parseBy } from '../analyses/partition.js';
import { messages, type BuildOptions, type Built, type ChartRequest, type CommandSpec } from './spec.js';

export interface CompareFlags extends ReadFlags, TableOutputFlags, CompareRequest, PanelFlags, ActivityFlags {
  stars?: boolean;
  chart?: string;
  weeklyRows?: number[] | 'all';
}

const collect = (v: string, all: string[] | undefined) => [...(all ?? []), v];

export const compareCommand: CommandSpec<CompareFlags, WithActivities> = {
  name: 'compare',
  summary: 'treatment vs control: outcomes by group with difference, 95% CI and p-value',
  description:
    'Compares the treatment and the control group: per outcome the n and share (or mean and SD) of each group, ' +
    'the difference with its 95% confidence interval, and the p-value of the test that fits (chi-square test of ' +
    "two proportions, Fisher's exact test where an expected count is below 5, Welch's t-test for means). " +
    "The unit is a randomised person (all the person's courses, from the randomisation date) when no person has courses in both groups, else a course (--unit). " +
    '--by repeats it per subgroup with a test of whether the effects differ (interaction), --balance tests baseline ' +
    'characteristics, --likert shows answers on a Likert scale by group, --population gives the response rate and ' +
    'attrition of a survey, --weekly gives the share exited to ' +
    'job week by week after start (Kaplan–Meier, log-rank test). A file with a person column and a randomisation date and no ' +
    'course dates is a person file (one row per person); any other file without a start or end date column (a survey) is read as one row per respondent. Without a randomised group column the output ' +
    'says the comparison is a simple effect, not an effect estimate.',
  examples: [
    'jobfx compare export.xlsx --outcome "exitGroup=job" --within 12m',
    'jobfx compare export.xlsx --outcome "job within 26w" --outcome followUp6=job,education --by gender',
    'jobfx compare export.xlsx --balance --weekly 26 --chart uger.svg',
    'jobfx compare persons.csv --group Gruppe --outcome "Job12=Ja" --balance --balance-fields Jobcenter,Køn,Alder',
    'jobfx compare export.csv --unit course --outcome "job within 12m"',
    'jobfx compare survey.csv --group Gruppe --outcome "arbejde_vigtigt=Ja" --numeric Timer --by Jobcenter',
    'jobfx compare survey.csv --likert Hjulpet --population population.csv --chart svar.svg',
    'jobfx compare export.csv --group Værksted --treatment "Park & vej" --control Rengøring --outcome exitGroup=job',
    'jobfx compare fixtures/trial/persons-panel.csv --panel fixtures/trial/panel.csv --among-on-benefit --chart uger.svg',
  ],
  formats: TABLE_FORMATS,
  tables: [
    'compare.outcomes',
    'compare.balance.<field> (with --balance: targetGroup, education, ageBand, gender)',
    'compare.weekly (with --weekly)',
  ],
  options: (cmd: Command) =>
    addTableOutputOptions(
      addActivityOptions(addPanelOptions(cmd))
        .option(
          '--outcome <spec>',
          'a yes/no outcome: FIELD=VALUE[,VALUE] (exitGroup=job, followUp6=job,education, a column: arbejde_vigtigt=Ja) or "job within 12m"; repeat for more rows',
          collect,
        )
        .option(
          '--numeric <column>',
          'a numeric outcome (mean, SD, Welch t-test): a column (decimal comma accepted) or "duration"; repeatable',
          collect,
        )
        .option(
          '--within <span>',
          'for exitGroup/exitReason outcomes: ended so within this span of the start (12m, 26w, 90d)',
        )
        .option(
          '--group <column>',
          'the column holding the groups; default: the mapped group column (Gruppe, Forsøgsgruppe ...)',
        )
        .option(
          '--treatment <values>',
          'values of the group column that are the treatment group (comma-separated)',
        )
        .option(
          '--control <values>',
          'values of the group column that are the control group (comma-separated)',
        )
        .option(
          '--randomised',
          'state that the groups were drawn at random (needed when --group or --treatment/--control name the groups)',
        )
        .option(
          '--unit <unit>',
          "person: one observation per randomised person, over all the person's courses from the randomisation date; course: one per course, with cluster-robust intervals; default person when no person has courses in both groups",
        )
        .option('--exact', "Fisher's exact test for every yes/no outcome")
        .option(
          '--no-correct',
          'chi-square test without continuity correction (default: with, as R prop.test)',
        )
        .option('--stars', 'significance as stars (*** ** *) instead of a yes/no column')
        .option(
          '--by <field[,field]>',
          'repeat the comparison per subgroup: jobcenter (unit), programme, targetGroup, education, gender, ageBand, or a column; two, comma-separated (--by jobcenter,gender), make each combination a subgroup; with a test of whether the effects differ across the subgroups (interaction: logistic LRT, or F for a numeric outcome)',
          parseBy,
        )
        .option(
          '--age <column>',
          'a column with the age in years, where there is no CPR number (survey data)',
        )
        .option(
          '--balance',
          'balance tables of baseline characteristics by group (default: target group, education, age band and gender)',
        )
        .option(
          '--balance-fields <fields>',
          'the characteristics of --balance (implies it), comma-separated: fields (jobcenter, gender/køn, ageBand, targetGroup ...) or any column by its header, e.g. Jobcenter,Køn,ageBand',
        )
        .option(
          '--weekly <weeks>',
          'share exited by week 1..N after start (Kaplan–Meier with 95% CI, log-rank test)',
          (v: string) => {
            if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 520)
              throw usageError(`--weekly ${v}: expected a whole number of weeks, 1–520`);
            return Number(v);
          },
        )
        .option(
          '--weekly-rows <weeks>',
          'with --weekly: the weeks the table shows, e.g. 4,8,13,26,52 (the default, plus N) or "all"',
          parseWeeklyRows,
        )
        .option('--weekly-exit <groups>', 'exit groups counted by --weekly (comma-separated keys)', 'job')
        .option(
          '--population <file>',
          'all randomised persons (id, group, baseline columns): response rate per group and respondents against non-respondents on the baseline columns; FILE is the survey',
        )
        .option(
          '--likert <column>',
          'a question on a Likert scale: answers by group in the order of the scale, chi-square test, and the share "i høj grad" or more',
        )
        .option(
          '--likert-order <answers>',
          'the scale, highest first, comma-separated (default "I meget høj grad,I høj grad,I nogen grad,I mindre grad,Slet ikke"; "Ved ikke" is kept apart)',
        )
        .option(
          '--likert-top <n>',
          'the share counts the first N categories of the scale (default 2: "i høj grad" or more)',
          (v: string) => {
            if (!/^\d+$/.test(v) || Number(v) < 1)
              throw usageError(`--likert-top ${v}: expected a whole number of categories, 1 or more`);
            return Number(v);
          },
        )
        .option(
          '--as-of <date>',
          'the date the data was extracted; default: the newest start or end date in the data',
        )
        .option(
          '--chart <file.svg>',
          `with --weekly or --panel: also draw the curve as a line chart; with --likert: the answers as stacked bars (SVG); small cells are left out (--suppress, default ${DEFAULT_SUPPRESSION})`,
        ),
    ),
  check(flags) {
    checkPanelFlags(flags);
    if (flags.weeklyRows !== undefined && flags.weekly === undefined)
      throw usageError('--weekly-rows chooses the rows of the weekly table: add --weekly N');
    const drawn = [flags.weekly, flags.likert, flags.panel].filter((x) => x !== undefined).length;
    if (flags.chart !== undefined && drawn === 0)
      throw usageError(
        '--chart draws the weekly curve, the Likert answers or the panel: add --weekly N, --likert COLUMN or --panel FILE',
      );
    if (flags.chart !== undefined && drawn > 1)
      throw usageError('--chart draws one chart: give one of --weekly, --likert and --panel with --chart');
    if ((flags.likertOrder !== undefined || flags.likertTop !== undefined) && flags.likert === undefined)
      throw usageError('--likert-order and --likert-top describe the scale of --likert COLUMN: add --likert');
    if (flags.chart !== undefined && !/\.svg$/i.test(flags.chart))
      throw usageError(`--chart ${flags.chart}: the chart is SVG; give a file name ending in .svg`);
  },
  // Columns named on the command line are kept by header; a file with no dates is a survey.
  load: (flags) => ({ keepColumns: keptColumns(flags), respondents: true }),
  companion: (flags) =>
    flags.population === undefined
      ? undefined
      : {
          file: flags.population,
          what: 'the population file (--population)',
          load: { keepAllColumns: true, respondents: true },
        },
  attach: async (data, flags, opts) => attachActivities(await attachPanel(data, flags, opts), flags, opts),
  inputOptions: ['panel', 'activities', 'population'],
  build: buildCompare,
  report: { chart: true, ownPeriod: true },
};

/** The comparison tables (and the weekly chart) of loaded rows (no I/O). */
export async function buildCompare(
  data: WithActivities,
  flags: CompareFlags,
  o: BuildOptions,
): Promise<Built> {
  const say = messages();
  if (data.unit === 'respondent')
    say.note(
      data.mapping.fields.personId === undefined || data.headers[data.mapping.fields.personId] === undefined
        ? `${o.source} has no start or end date column and no id column: read as a survey, one row per respondent, known by its row number`
        : `${o.source} has no start or end date column: read as a survey, one row per respondent`,
    );
  if (data.unit === 'person')
    say.note(
      `${o.source} has a person column and a randomisation date and no course dates: read as a person file, one row per randomised person`,
    );
  const options = resolveCompare(flags, data, o.source, data.config.config.likert);
  const result = compare(data.store, options);
  if (flags.population !== undefined) result.response = response(data, options, o);
  const { vocab, unit } = data;
  const t = sayer(flags.lang);
  const labels = compareLabels(options, data, flags.lang);
  const tables = compareTables(result, {
    lang: flags.lang,
    vocab,
    ...labels,
    stars: Boolean(flags.stars),
    exact: Boolean(flags.exact),
    correct: flags.correct,
    ...(flags.weeklyRows === undefined ? {} : { weeklyRows: flags.weeklyRows }),
    ...(flags.population !== undefined ? { populationName: flags.population.split(/[\\/]/).pop() } : {}),
    source: sourceText(
      o.source,
      data.ledger.accepted,
      flags.lang,
      unit === 'course' ? 'courses' : unit === 'person' ? 'persons' : 'respondents',
    ),
  });
  markFields(tables, options);
  for (const r of result.outcomes)
    if (r.kind === 'binary' && r.unmatched.length > 0)
      say.warn(`--outcome "${r.spec.text}": no row has ${r.unmatched.map((v) => `"${v}"`).join(', ')}`);
  if (result.mixedPersons > 0)
    say.note(
      `the unit is the course: ${result.mixedPersons} persons have courses in both groups (with --unit person that is an error)`,
    );
  if (result.origins && result.origins.unreadable.length > 0)
    say.warn(
      `${result.origins.unreadable.length} randomisation dates are not dates (${result.origins.unreadable
        .slice(0, 3)
        .map((b) => `${b.ref}: "${b.value}"`)
        .join(
          ', ',
        )}); those rows are followed from the person's other dates or first course start: correct them as dd-mm-yyyy`,
    );
  for (const [i, x] of (result.by?.interactions ?? []).entries()) {
    const what = `--by ${result.by!.name}, interaction test of "${result.outcomes[i]!.spec.text}"`;
    for (const e of x.excluded)
      say.note(`${what}: subgroup ${e.value ?? '(unknown)'} left out of the test (${e.reason})`);
    if (x.failure) say.warn(`${what}: no test (${x.failure.reason}); see the note under the table`);
  }
  if (!result.randomised)
    say.note(
      'the groups are not marked as randomised: the output is a simple effect, not an effect estimate (add --randomised if they were drawn at random)',
    );
  for (const u of result.likert?.unknown ?? [])
    say.warn(
      `--likert ${flags.likert}: the answer "${u.value}" (${u.counts.treatment + u.counts.control} ${u.counts.treatment + u.counts.control === 1 ? 'row' : 'rows'}) is not on the scale and is left out; give the scale with --likert-order or likert.order in the config`,
    );
  const weekly = tables.find((x) => x.id === 'compare.weekly');
  const likert = tables.find((x) => x.id === 'compare.likert');
  const curve = (shown: Table) =>
    curveChartSpec(
      weeklyCurve(shown, {
        lang: flags.lang,
        armLabels: labels.armLabels,
        fromRandomisation: result.unit === 'person',
      }),
      flags.lang,
    );
  const bars = (shown: Table) =>
    stackedBarSpec(
      likertBars(shown, { lang: flags.lang, armLabels: labels.armLabels }),
      flags.lang,
      options.likert!.order.length,
    );
  const charts: ChartRequest[] = !o.charts
    ? []
    : weekly
      ? [{ table: weekly.id, spec: curve, file: flags.chart }]
      : likert
        ? [{ table: likert.id, spec: bars, file: flags.chart }]
        : [];
  const shared = {
    ...panelTableOptions(labels, flags, data, o.source),
    titleTail: result.randomised ? '' : ` (${t(SIMPLE_EFFECT_DA, SIMPLE_EFFECT_EN)})`,
  };
  const panel = data.panel
    ? buildPanel({ ...data, panel: data.panel }, flags, options, shared, say, o.charts)
    : null;
  if (panel) {
    tables.push(...panel.tables);
    if (panel.chart) charts.push(panel.chart);
  }
  if (data.activities)
    tables.push(
      ...buildActivities(
        { ...data, activities: data.activities },
        options,
        panel?.joined ?? null,
        flags.targetShare,
        shared,
        say,
      ),
    );
  return {
    title: t('Sammenligning', 'Comparison'),
    tables,
    charts,
    messages: say.list,
  };
}

/** Table.fields (for fieldGaps): compare.by.N is outcome N by the --by levels; compare.balance.F is F. */
function markFields(tables: Table[], options: CompareOptions): void {
  // The age band comes from --age when the rows have no CPR numbers.
  const fieldOf = (r: { kind: string; field?: string }) =>
    r.kind === 'field' && r.field && !(r.field === 'ageBand' && options.ageColumn) ? [r.field] : [];
  const outcome = options.outcomes.map((s) => (s.kind === 'binary' ? fieldOf(s.ref) : []));
  const by = (options.by ?? []).flatMap(fieldOf);
  for (const tb of tables) {
    const n = /^compare\.by\.(\d+)(\.interaction)?$/.exec(tb.id);
    const fields =
      tb.id === 'compare.outcomes'
        ? outcome.flat()
        : n
          ? [...by, ...(outcome[Number(n[1]) - 1] ?? [])]
          : tb.id.startsWith('compare.balance.')
            ? fieldOf({ kind: 'field', field: tb.id.slice('compare.balance.'.length) })
            : [];
    if (fields.length > 0) tb.fields = fields;
  }
}

/** --weekly-rows: "all", or week numbers 1–520 separated by commas. */
function parseWeeklyRows(v: string): number[] | 'all' {
  if (v.trim().toLowerCase() === 'all') return 'all';
  const weeks = v.split(',').map((x) => x.trim());
  if (weeks.some((x) => !/^\d+$/.test(x) || Number(x) < 1 || Number(x) > 520))
    throw usageError(
      `--weekly-rows ${v}: expected week numbers 1–520 separated by commas (4,8,13,26,52), or "all"`,
    );
  return weeks.map(Number);
}

/** The shared options of the panel's tables: the comparison's labels and source, the panel's file too. */
function panelTableOptions(
  labels: ReturnType<typeof compareLabels>,
  flags: CompareFlags,
  data: WithPanel & { panel?: unknown },
  source: string,
) {
  const t = sayer(flags.lang);
  const file = (f: string) => f.split(/[\\/]/).pop();
  const panelFile = [flags.panel, flags.activities]
    .filter((f) => f !== undefined)
    .map((f) => `, ${file(f)}`)
    .join('');
  return {
    lang: flags.lang,
    vocab: data.vocab,
    ...labels,
    stars: Boolean(flags.stars),
    exact: Boolean(flags.exact),
    correct: flags.correct,
    source: '',
    sourceNote: t(`Kilde: ${file(source)}${panelFile}.`, `Source: ${file(source)}${panelFile}.`),
    titleTail: '',
  };
}
