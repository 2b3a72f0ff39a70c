import { sayer, word } from '../base/i18n.js';
import type { Command } from 'commander';
import { compare, keptColumns, resolveCompare, type CompareRequest } from '../analyses/compare/index.js';
import { usageError } from '../errors.js';
import type { Table } from '../model/table.js';
import { curveChartSpec } from '../render/chart.js';
import {
  compareLabels,
  compareTables,
  SIMPLE_EFFECT_DA,
  SIMPLE_EFFECT_EN,
  weeklyCurve,
} from '../tables/compare/index.js';
import {
  DEFAULT_SUPPRESSION,
  addTableOutputOptions,
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
import { messages, type BuildOptions, type Built, type ChartRequest, type CommandSpec } from './spec.js';

export interface CompareFlags extends ReadFlags, TableOutputFlags, CompareRequest, PanelFlags, ActivityFlags {
  stars?: boolean;
  chart?: string;
}

const collect = (v: string, all: string[] | undefined) => [...(all ?? []), v];

export const compareCommand: CommandSpec<CompareFlags, WithActivities> = {
  name: 'compare',
  summary: 'treatment vs control: outcomes by group with difference, 95% CI and p-value',
  description:
    'Compares the treatment and the control group: per outcome the n and share (or mean and SD) of each group, ' +
    'the difference with its 95% confidence interval, and the p-value of the test that fits (chi-square test of ' +
    "two proportions, Fisher's exact test where an expected count is below 5, Welch's t-test for means). " +
    '--by repeats it per subgroup, --balance tests baseline characteristics, --weekly gives the share exited to ' +
    'job week by week after start (Kaplan–Meier, log-rank test). The unit is one course per row; a file without a ' +
    'start or end date column (a survey) is read as one row per respondent. Without a randomised group column the output ' +
    'says the comparison is a simple effect, not an effect estimate.',
  examples: [
    'jobfx compare export.xlsx --outcome "exitGroup=job" --within 12m',
    'jobfx compare export.xlsx --outcome "job within 26w" --outcome followUp6=job,education --by gender',
    'jobfx compare export.xlsx --balance --weekly 26 --chart uger.svg',
    'jobfx compare survey.csv --group Gruppe --outcome "arbejde_vigtigt=Ja" --numeric Timer --by Jobcenter',
    'jobfx compare export.csv --group Værksted --treatment "Park & vej" --control Rengøring --outcome exitGroup=job',
    'jobfx compare fixtures/trial/persons-panel.csv --panel fixtures/trial/panel.csv --among-on-benefit --chart uger.svg',
  ],
  formats: TABLE_FORMATS,
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
        .option('--exact', "Fisher's exact test for every yes/no outcome")
        .option(
          '--no-correct',
          'chi-square test without continuity correction (default: with, as R prop.test)',
        )
        .option('--stars', 'significance as stars (*** ** *) instead of a yes/no column')
        .option(
          '--by <field>',
          'repeat the comparison per subgroup: jobcenter (unit), programme, targetGroup, education, gender, ageBand, or a column',
        )
        .option(
          '--age <column>',
          'a column with the age in years, where there is no CPR number (survey data)',
        )
        .option('--balance', 'balance table of target group, education, age band and gender by group')
        .option(
          '--weekly <weeks>',
          'share exited by week 1..N after start (Kaplan–Meier with 95% CI, log-rank test)',
          (v: string) => {
            if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 520)
              throw usageError(`--weekly ${v}: expected a whole number of weeks, 1–520`);
            return Number(v);
          },
        )
        .option('--weekly-exit <groups>', 'exit groups counted by --weekly (comma-separated keys)', 'job')
        .option(
          '--as-of <date>',
          'the date the data was extracted; default: the newest start or end date in the data',
        )
        .option(
          '--chart <file.svg>',
          `with --weekly or --panel: also draw the curve as a line chart (SVG); small cells are left out (--suppress, default ${DEFAULT_SUPPRESSION})`,
        ),
    ),
  check(flags) {
    checkPanelFlags(flags);
    if (flags.chart !== undefined && flags.weekly === undefined && flags.panel === undefined)
      throw usageError('--chart draws the weekly curve or the panel: add --weekly N or --panel FILE');
    if (flags.chart !== undefined && !/\.svg$/i.test(flags.chart))
      throw usageError(`--chart ${flags.chart}: the chart is SVG; give a file name ending in .svg`);
  },
  // Columns named on the command line are kept by header; a file with no dates is a survey.
  load: (flags) => ({ keepColumns: keptColumns(flags), respondents: true }),
  attach: async (data, flags, opts) => attachActivities(await attachPanel(data, flags, opts), flags, opts),
  inputOptions: ['panel', 'activities'],
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
    say.note(`${o.source} has no start or end date column: read as a survey, one row per respondent`);
  const options = resolveCompare(flags, data, o.source);
  const result = compare(data.store, options);
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
    source: `${o.source.split(/[\\/]/).pop()}, ${data.ledger.accepted} ${word(flags.lang, unit === 'course' ? 'courses' : 'respondents')}`,
  });
  for (const r of result.outcomes)
    if (r.kind === 'binary' && r.unmatched.length > 0)
      say.warn(`--outcome "${r.spec.text}": no row has ${r.unmatched.map((v) => `"${v}"`).join(', ')}`);
  if (!result.randomised)
    say.note(
      'the groups are not marked as randomised: the output is a simple effect, not an effect estimate (add --randomised if they were drawn at random)',
    );
  const weekly = tables.find((x) => x.id === 'compare.weekly');
  const curve = (shown: Table) =>
    curveChartSpec(weeklyCurve(shown, { lang: flags.lang, armLabels: labels.armLabels }), flags.lang);
  const charts: ChartRequest[] =
    o.charts && weekly ? [{ table: weekly.id, spec: curve, file: flags.chart }] : [];
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
