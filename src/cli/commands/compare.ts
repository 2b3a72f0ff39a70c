import { sayer } from '../../base/i18n.js';
import type { Command } from 'commander';
import {
  compare,
  parseHorizon,
  parseOutcome,
  resolveName,
  type Arm,
  type GroupRule,
  type Horizon,
  type OutcomeSpec,
  type SubgroupRef,
} from '../../analyses/compare.js';
import type { Day } from '../../base/dates.js';
import { usageError } from '../../errors.js';
import { writeAtomic } from '../../io/write.js';
import { renderSvg } from '../../render/chart.js';
import { suppress } from '../../disclosure/suppress.js';
import type { ColumnMapping } from '../../schema/columns.js';
import { loadCourses, type Loaded } from '../../schema/load.js';
import { matchKey } from '../../schema/normalize-text.js';
import type { VocabSet } from '../../schema/vocab.js';
import { compareTables, weeklyChartSpec } from '../../tables/compare.js';
import { fieldLabel } from '../../model/fields.js';
import { finishAccounting } from '../accounting.js';
import type { RunContext } from '../context.js';
import { loadOptionsOf, type ReadFlags } from '../options.js';
import {
  addTableOutputOptions,
  DEFAULT_SUPPRESSION,
  suppressionThreshold,
  TABLE_FORMATS,
  writeTables,
  type BuildOptions,
  type Built,
  type TableOutputFlags,
} from '../output.js';
import { dateArg, newestDate } from '../period-options.js';
import type { CommandSpec } from '../registry.js';

export interface CompareFlags extends ReadFlags, TableOutputFlags {
  outcome?: string[];
  numeric?: string[];
  within?: string;
  group?: string;
  treatment?: string;
  control?: string;
  randomised?: boolean;
  exact?: boolean;
  correct: boolean;
  stars?: boolean;
  by?: string;
  age?: string;
  balance?: boolean;
  weekly?: number;
  weeklyExit: string;
  asOf?: string;
  chart?: string;
}

const collect = (v: string, all: string[] | undefined) => [...(all ?? []), v];
const DURATION = ['duration', 'varighed'];
const BY_ALIASES: Record<string, Extract<SubgroupRef, { kind: 'field' }>['field']> = {
  unit: 'unit',
  jobcenter: 'unit',
  enhed: 'unit',
  programme: 'programme',
  program: 'programme',
  tilbud: 'programme',
  targetgroup: 'targetGroup',
  maalgruppe: 'targetGroup',
  education: 'education',
  uddannelse: 'education',
  gender: 'gender',
  koen: 'gender',
  ageband: 'ageBand',
  age: 'ageBand',
  alder: 'ageBand',
  aldersgruppe: 'ageBand',
};

export const compareCommand: CommandSpec<CompareFlags> = {
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
          `with --weekly: also draw the curve as a line chart (SVG); small cells are left out (--suppress, default ${DEFAULT_SUPPRESSION})`,
        ),
    ),
  async run(ctx, file, given) {
    const flags = withDefaults(given);
    if (flags.chart !== undefined && flags.weekly === undefined)
      throw usageError('--chart draws the weekly curve: add --weekly N');
    if (flags.chart !== undefined && !/\.svg$/i.test(flags.chart))
      throw usageError(`--chart ${flags.chart}: the chart is SVG; give a file name ending in .svg`);
    const { data } = await loadRows(ctx, file, flags, compareColumns(flags));
    const built = await buildCompare(ctx, data, flags, {
      threshold: suppressionThreshold(flags),
      charts: flags.chart !== undefined,
      source: file,
    });
    await writeTables(ctx, built.tables, flags, built.title);
    if (flags.chart !== undefined) await writeAtomic(flags.chart, built.charts[0]!.svg);
    return finishAccounting(ctx, file, data.ledger, data.headers, flags);
  },
};

function horizonArg(v: string): Horizon {
  const h = parseHorizon(v);
  if (!h) throw usageError(`--within ${v}: use a span such as 12m (months), 26w (weeks) or 90d (days)`);
  return h;
}

/** Exit group keys for the given names (key, Danish or English label); a usage error for an unknown one. */
function checkExitGroups(values: string[], vocab: VocabSet, flag: string): string[] {
  return values.map((v) => {
    const k = matchKey(v);
    const g = vocab.exitGroups.find((x) => [x.key, x.da, x.en].some((s) => matchKey(s) === k));
    if (!g)
      throw usageError(
        `${flag}: "${v}" is not an exit group (${vocab.exitGroups.map((x) => x.key).join(', ')})`,
      );
    return g.key;
  });
}

function groupRule(flags: CompareFlags, headers: string[], mapping: ColumnMapping): GroupRule {
  const list = (v: string | undefined) =>
    v === undefined
      ? undefined
      : v
          .split(',')
          .map((x) => x.trim())
          .filter((x) => x !== '');
  const explicit = {
    ...(flags.treatment ? { treatment: list(flags.treatment) } : {}),
    ...(flags.control ? { control: list(flags.control) } : {}),
  };
  const mapped = mapping.fields.group;
  if (flags.group === undefined) {
    if (mapped === undefined)
      throw usageError(
        'no group column found (Gruppe, Forsøgsgruppe ...); name it with --group COLUMN, and its values with --treatment and --control if they are not indsats/deltager/forsøg and kontrol',
      );
    return { source: { kind: 'field', header: headers[mapped]! }, ...explicit };
  }
  const k = matchKey(flags.group);
  if (mapped !== undefined && (k === 'group' || k === matchKey(headers[mapped]!)))
    return { source: { kind: 'field', header: headers[mapped]! }, ...explicit };
  const header = headers.find((h) => matchKey(h) === k);
  if (header === undefined)
    throw usageError(
      `--group ${flags.group}: no such column (columns: ${headers
        .filter((h) => h !== '')
        .map((h) => `"${h}"`)
        .join(', ')})`,
    );
  return { source: { kind: 'column', name: flags.group }, ...explicit };
}

function subgroupRef(v: string, headers: string[], mapping: ColumnMapping): SubgroupRef {
  const alias = BY_ALIASES[matchKey(v)];
  if (alias) return { kind: 'field', field: alias };
  const ref = resolveName(v, headers, mapping);
  if (typeof ref === 'string') throw usageError(`--by ${v}: ${ref}`);
  if (ref.kind === 'column') return ref;
  const f = ref.field;
  if (f === 'unit' || f === 'programme' || f === 'targetGroup' || f === 'education' || f === 'gender')
    return { kind: 'field', field: f };
  throw usageError(
    `--by ${v}: use jobcenter (unit), programme, targetGroup, education, gender, ageBand or a column`,
  );
}

/** The rows to compare: courses, or a survey's respondents (one row per person, no dates). */
async function loadRows(
  ctx: RunContext,
  file: string,
  flags: CompareFlags,
  keepColumns: string[],
): Promise<{ data: Loaded; unit: 'course' | 'respondent' }> {
  const data = await loadCourses(file, {
    ...loadOptionsOf(flags, ctx),
    keepColumns,
    respondents: true,
  });
  if (data.unit === 'respondent')
    ctx.stderr(
      `jobfx: note: ${file} has no start or end date column: read as a survey, one row per respondent\n`,
    );
  return { data, unit: data.unit };
}

/** The flags with list options defaulted. */
function withDefaults(given: CompareFlags): CompareFlags & { outcome: string[]; numeric: string[] } {
  return { ...given, outcome: given.outcome ?? [], numeric: given.numeric ?? [] };
}

/** Columns the comparison names on the command line that are not canonical fields: kept by header when the file is read. */
export function compareColumns(given: CompareFlags): string[] {
  const flags = withDefaults(given);
  const parsed = flags.outcome.map((s) => parseOutcome(s));
  // Columns named on the command line are kept by header (those that are not canonical fields).
  return [
    ...parsed.map((p) => p.name),
    ...flags.numeric.filter((n) => !DURATION.includes(matchKey(n))),
    ...(flags.group ? [flags.group] : []),
    ...(flags.by && !(matchKey(flags.by) in BY_ALIASES) ? [flags.by] : []),
    ...(flags.age ? [flags.age] : []),
  ];
}

/** The comparison tables (and the weekly chart) of loaded rows (no I/O). */
export async function buildCompare(
  ctx: RunContext,
  data: Loaded,
  given: CompareFlags,
  o: BuildOptions,
): Promise<Built> {
  const flags = withDefaults(given);
  const unit = data.unit;
  if ((flags.treatment === undefined) !== (flags.control === undefined))
    throw usageError('--treatment and --control go together: name the values of both groups');
  const within = flags.within === undefined ? undefined : horizonArg(flags.within);
  const parsed = flags.outcome.map((s) => parseOutcome(s));
  if (parsed.length === 0 && flags.numeric.length === 0 && !flags.balance && flags.weekly === undefined)
    throw usageError(
      'nothing to compare: give --outcome (e.g. "exitGroup=job"), --numeric COLUMN, --balance or --weekly N',
    );

  const { headers, mapping, vocab } = data;

  const outcomes: OutcomeSpec[] = [];
  for (const p of parsed) {
    const ref = resolveName(p.name, headers, mapping);
    if (typeof ref === 'string') throw usageError(`--outcome "${p.text}": ${ref}`);
    const exit = ref.kind === 'field' && (ref.field === 'exitGroup' || ref.field === 'exitReason');
    // --within applies to the exit outcomes that do not give their own span.
    if (exit && !p.within && within) p.within = within;
    if (p.within && !exit)
      throw usageError(
        `--outcome "${p.text}": "within" applies to exit outcomes (exitGroup, exitReason); ${p.name} has no date`,
      );
    if (ref.kind === 'field' && ref.field === 'exitGroup')
      checkExitGroups(p.values, vocab, `--outcome "${p.text}"`);
    outcomes.push({
      kind: 'binary',
      text: p.text,
      ref,
      values: p.values,
      ...(p.within ? { within: p.within } : {}),
    });
  }
  for (const n of flags.numeric) {
    if (DURATION.includes(matchKey(n))) {
      outcomes.push({ kind: 'numeric', text: n, ref: { kind: 'duration' } });
      continue;
    }
    const ref = resolveName(n, headers, mapping);
    if (typeof ref === 'string') throw usageError(`--numeric ${n}: ${ref}`);
    if (ref.kind !== 'column') throw usageError(`--numeric ${n}: ${n} is not a numeric column`);
    outcomes.push({ kind: 'numeric', text: n, ref });
  }
  if (within && !outcomes.some((o) => o.kind === 'binary' && o.within === within))
    throw usageError(
      '--within applies to exit outcomes (--outcome exitGroup=job or exitReason=...); there is none',
    );
  const needsDates =
    flags.weekly !== undefined ||
    outcomes.some(
      (o) => (o.kind === 'binary' && o.within) || (o.kind === 'numeric' && o.ref.kind === 'duration'),
    );
  if (unit === 'respondent' && needsDates)
    throw usageError(
      `${o.source} has no start or end date column, so it is read as one row per respondent; "within", duration and --weekly need course dates`,
    );

  const group = groupRule(flags, headers, mapping);
  const by = flags.by === undefined ? undefined : subgroupRef(flags.by, headers, mapping);
  if (flags.age !== undefined && !headers.some((h) => matchKey(h) === matchKey(flags.age!)))
    throw usageError(`--age ${flags.age}: no such column`);
  const weeklyExit =
    flags.weekly === undefined ? [] : checkExitGroups(flags.weeklyExit.split(','), vocab, '--weekly-exit');

  let asOf: Day | null = null;
  if (unit === 'course') {
    const newest = newestDate(data.courses);
    asOf = flags.asOf === undefined ? newest : dateArg('--as-of', flags.asOf);
    if (newest !== null && asOf !== null && asOf < newest)
      throw usageError(
        `--as-of ${flags.asOf}: the data has dates after it; give the date the data was extracted`,
      );
  }

  const result = compare(data.courses, {
    group,
    declaredRandomised: Boolean(flags.randomised),
    outcomes,
    vocab,
    unit,
    asOf,
    exact: Boolean(flags.exact),
    correct: flags.correct,
    ...(by ? { by } : {}),
    ...(flags.age ? { ageColumn: flags.age } : {}),
    balance: Boolean(flags.balance),
    ...(flags.weekly !== undefined ? { weekly: { weeks: flags.weekly, exitGroups: weeklyExit } } : {}),
  });

  const t = sayer(flags.lang);
  const armLabels: Record<Arm, string> = group.treatment
    ? { treatment: group.treatment[0]!, control: group.control![0]! }
    : { treatment: t('Indsats', 'Treatment'), control: t('Kontrol', 'Control') };
  const column = group.source.kind === 'field' ? group.source.header : group.source.name;
  const groupText = group.treatment
    ? t(
        `Grupper fra kolonnen "${column}": ${armLabels.treatment} = ${group.treatment.join(', ')}; ${armLabels.control} = ${group.control!.join(', ')}.`,
        `Groups from the column "${column}": ${armLabels.treatment} = ${group.treatment.join(', ')}; ${armLabels.control} = ${group.control!.join(', ')}.`,
      )
    : t(
        `Grupper fra kolonnen "${column}", læst med ordlisten for forsøgsgrupper (fx Indsats, Deltager, Forsøg = indsats; Kontrol = kontrol).`,
        `Groups from the column "${column}", read with the trial-group vocabulary (e.g. Indsats, Deltager, Forsøg = treatment; Kontrol = control).`,
      );
  const byLabel =
    by === undefined
      ? undefined
      : by.kind === 'column'
        ? by.name
        : by.field === 'ageBand'
          ? t('Aldersgruppe', 'Age band')
          : mapping.fields[by.field] !== undefined
            ? headers[mapping.fields[by.field]!]!
            : fieldLabel(by.field, flags.lang);
  const tables = compareTables(result, {
    lang: flags.lang,
    vocab,
    armLabels,
    groupText,
    stars: Boolean(flags.stars),
    exact: Boolean(flags.exact),
    correct: flags.correct,
    ...(byLabel ? { byLabel } : {}),
    source: `${o.source.split(/[\\/]/).pop()}, ${data.ledger.accepted} ${unit === 'course' ? t('forløb', 'courses') : t('respondenter', 'respondents')}`,
  });
  for (const r of result.outcomes)
    if (r.kind === 'binary' && r.unmatched.length > 0)
      ctx.stderr(
        `jobfx: warning: --outcome "${r.spec.text}": no row has ${r.unmatched.map((v) => `"${v}"`).join(', ')}\n`,
      );
  if (!result.randomised)
    ctx.stderr(
      'jobfx: note: the groups are not marked as randomised: the output is a simple effect, not an effect estimate (add --randomised if they were drawn at random)\n',
    );
  const charts: Built['charts'] = [];
  if (o.charts && flags.weekly !== undefined) {
    // A chart goes into a memo: suppressed by default whatever the table's format.
    const weeklyTable = tables.find((x) => x.id === 'compare.weekly')!;
    const threshold = flags.suppress ?? (o.threshold || DEFAULT_SUPPRESSION);
    const shown = threshold > 0 ? suppress(weeklyTable, threshold, flags.lang) : weeklyTable;
    charts.push({
      after: weeklyTable.id,
      svg: await renderSvg(weeklyChartSpec(shown, { lang: flags.lang, armLabels })),
    });
  }
  return { title: t('Sammenligning', 'Comparison'), tables, charts };
}
