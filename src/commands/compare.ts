import { sayer, word } from '../base/i18n.js';
import type { Command } from 'commander';
import { compare, keptColumns, resolveCompare, type CompareRequest } from '../analyses/compare/index.js';
import { usageError } from '../errors.js';
import type { Table } from '../model/table.js';
import { curveChartSpec } from '../render/chart.js';
import type { Loaded } from '../schema/load.js';
import { compareLabels, compareTables, weeklyCurve } from '../tables/compare/index.js';
import {
  DEFAULT_SUPPRESSION,
  addTableOutputOptions,
  TABLE_FORMATS,
  type ReadFlags,
  type TableOutputFlags,
} from './options.js';
import { messages, type BuildOptions, type Built, type CommandSpec } from './spec.js';

export interface CompareFlags extends ReadFlags, TableOutputFlags, CompareRequest {
  stars?: boolean;
  chart?: string;
}

const collect = (v: string, all: string[] | undefined) => [...(all ?? []), v];

export const compareCommand: CommandSpec<CompareFlags> = {
  name: 'compare',
  summary: 'treatment vs control: outcomes by group with difference, 95% CI and p-value',
  description:
    'Compares the treatment and the control group: per outcome the n and share (or mean and SD) of each group, ' +
    'the difference with its 95% confidence interval, and the p-value of the test that fits (chi-square test of ' +
    "two proportions, Fisher's exact test where an expected count is below 5, Welch's t-test for means). " +
    "The unit is a randomised person (all the person's courses, from the randomisation date) when no person has courses in both groups, else a course (--unit). " +
    '--by repeats it per subgroup, --balance tests baseline characteristics, --weekly gives the share exited to ' +
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
    'jobfx compare export.csv --group Værksted --treatment "Park & vej" --control Rengøring --outcome exitGroup=job',
  ],
  formats: TABLE_FORMATS,
  options: (cmd: Command) =>
    addTableOutputOptions(
      cmd
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
          '--by <field>',
          'repeat the comparison per subgroup: jobcenter (unit), programme, targetGroup, education, gender, ageBand, or a column',
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
        .option('--weekly-exit <groups>', 'exit groups counted by --weekly (comma-separated keys)', 'job')
        .option(
          '--as-of <date>',
          'the date the data was extracted; default: the newest start or end date in the data',
        )
        .option(
          '--chart <file.svg>',
          `with --weekly: also draw the curve as a line chart (SVG); small cells are left out (--suppress, default ${DEFAULT_SUPPRESSION})`,
        ),
    ),
  check(flags) {
    if (flags.chart !== undefined && flags.weekly === undefined)
      throw usageError('--chart draws the weekly curve: add --weekly N');
    if (flags.chart !== undefined && !/\.svg$/i.test(flags.chart))
      throw usageError(`--chart ${flags.chart}: the chart is SVG; give a file name ending in .svg`);
  },
  // Columns named on the command line are kept by header; a file with no dates is a survey.
  load: (flags) => ({ keepColumns: keptColumns(flags), respondents: true }),
  build: buildCompare,
  report: { chart: true, ownPeriod: true },
};

/** The comparison tables (and the weekly chart) of loaded rows (no I/O). */
export async function buildCompare(data: Loaded, flags: CompareFlags, o: BuildOptions): Promise<Built> {
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
    source: `${o.source.split(/[\\/]/).pop()}, ${data.ledger.accepted} ${word(flags.lang, unit === 'course' ? 'courses' : unit === 'person' ? 'persons' : 'respondents')}`,
  });
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
  if (!result.randomised)
    say.note(
      'the groups are not marked as randomised: the output is a simple effect, not an effect estimate (add --randomised if they were drawn at random)',
    );
  const weekly = tables.find((x) => x.id === 'compare.weekly');
  const curve = (shown: Table) =>
    curveChartSpec(
      weeklyCurve(shown, {
        lang: flags.lang,
        armLabels: labels.armLabels,
        fromRandomisation: result.unit === 'person',
      }),
      flags.lang,
    );
  return {
    title: t('Sammenligning', 'Comparison'),
    tables,
    charts: o.charts && weekly ? [{ table: weekly.id, spec: curve, file: flags.chart }] : [],
    messages: say.list,
  };
}
