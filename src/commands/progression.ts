/**
 * jobfx progression: progression on BIP indicators from a measurement file (issue #16,
 * docs/definitions.md#progression). Its main input is a measurement file, loaded by its own
 * loader (schema/measurements/) with the shared reading machinery; --courses joins a course
 * export for programme, unit, target group, exit reason and the course dates.
 */
import { Option, type Command } from 'commander';
import {
  DEFAULT_WINDOWS,
  progression,
  type ProgressionResult,
  type Windows,
} from '../analyses/progression/index.js';
import { progressionContract } from '../analyses/progression/contract.js';
import { danishOf } from '../base/dates.js';
import { inLang, sayer, type Lang } from '../base/i18n.js';
import { keyedLike } from '../model/keys.js';
import { periodText, resolveOptionalPeriod, type PeriodFlags } from '../base/period.js';
import { usageError } from '../errors.js';
import { labelCol, valueCol, type Table } from '../model/table.js';
import { chartSpec } from '../render/chart.js';
import { loadMeasurements, type Measurements } from '../schema/measurements/load.js';
import { PROGRESSION_TABLES, progressionTables } from '../tables/progression.js';
import { progressionContractTable } from '../tables/progression-contract.js';
import { contractOptions, contractWarnings } from './contract-notes.js';
import {
  addPeriodOptions,
  addTableOutputOptions,
  DEFAULT_SUPPRESSION,
  intArg,
  TABLE_FORMATS,
  type ReadFlags,
  type TableOutputFlags,
  sourceText,
} from './options.js';
import { messages, type BuildOptions, type Built, type CommandSpec } from './spec.js';
import { occasionNotes, withNotes } from './data-notes.js';
import { byKeptColumns, parseBy } from '../analyses/partition.js';
import { progressionBy, type ProgressionBy } from './progression-by.js';

export interface ProgressionFlags extends ReadFlags, TableOutputFlags, PeriodFlags {
  courses?: string;
  /** --by: one or two levels (the indicator, a field or a column), resolved in build. */
  by?: string[];
  threshold?: number;
  baselineDays: number;
  midwayWeeks: [number, number];
  lastDays: number;
  chart?: string;
}

export const progressionCommand: CommandSpec<ProgressionFlags, Measurements> = {
  name: 'progression',
  summary: 'progression on BIP indicators (baseline, midway, last measurement) from a measurement file',
  description:
    'Reads a measurement file (long: one row per person, measurement and indicator; or wide: one column per ' +
    'indicator) and reports progression, stagnation and regression on the mean of the indicators and per ' +
    'indicator (with the mean change and its 95% interval), the mean scores at baseline, midway and the last ' +
    'measurement, and whether the measurements were taken on time. Scores are normalised to 0–1 by their scale. ' +
    '--courses joins a course export (person and date within the course, or the course start) for --by and ' +
    'for the course dates. Tables 2 and 3 are always per indicator.',
  examples: [
    'jobfx progression fixtures/progression/bip-long.csv',
    'jobfx progression bip.xlsx --courses export.xlsx --period 2024H2 --by unit --out progression.xlsx',
    'jobfx progression bip.csv --threshold 0.2 --chart scores.svg --format md',
  ],
  formats: TABLE_FORMATS,
  tables: [
    'progression.overall',
    'progression.indicators',
    'progression.scores',
    'progression.timeliness',
    'progression.contract (when the contract goal is known)',
  ],
  input: {
    what: 'the measurement file: .csv or .xlsx',
    // --by's columns are kept by header, in the export and in the measurement file.
    load: (file, opts, flags) =>
      loadMeasurements(file, {
        ...opts,
        courses: flags.courses,
        keepColumns: [...new Set([...(opts.keepColumns ?? []), ...byKeptColumns(flags.by)])],
      }),
  },
  options: (cmd: Command) =>
    addTableOutputOptions(
      addPeriodOptions(cmd, 'every measured course')
        .option(
          '--courses <export>',
          'course export to join (programme, unit, target group, exit reason, dates)',
        )
        .option(
          '--by <level[,level]>',
          'one row per value in the first table: of indicator, of a field (unit, programme, targetGroup; others with --courses) or of a column of --courses or of the measurement file by its header; two, comma-separated (--by unit,indicator), give a row per combination',
          parseBy,
        )
        .option(
          '--threshold <x>',
          'change of the mean (0–1 scale) that counts as progression/regression; default: one scale step (0.25 on 1–5)',
          parseThreshold,
        )
        .option(
          '--baseline-days <n>',
          'baseline on time within ± this many days of the start',
          intArg('--baseline-days'),
          DEFAULT_WINDOWS.baselineDays,
        )
        .addOption(
          new Option('--midway-weeks <a-b>', 'midway measurement on time in these weeks of the course')
            .argParser(parseWeeks)
            .default(DEFAULT_WINDOWS.midwayWeeks, DEFAULT_WINDOWS.midwayWeeks.join('-')),
        )
        .option(
          '--last-days <n>',
          'last measurement on time within this many days of the end',
          intArg('--last-days'),
          DEFAULT_WINDOWS.lastDays,
        )
        .option(
          '--chart <file.svg>',
          `also draw the mean scores at the three measurements (SVG); small cells left out (--suppress, default ${DEFAULT_SUPPRESSION})`,
        ),
    ),
  check: (flags) => {
    if (flags.chart !== undefined && !/\.svg$/i.test(flags.chart))
      throw usageError(`--chart ${flags.chart}: the chart is SVG; give a file name ending in .svg`);
  },
  build: buildProgression,
  // A step of `jobfx run`: the step's "input" is the measurement file, the report's export its --courses.
  report: { chart: true },
};

function parseThreshold(v: string): number {
  const x = Number(v.replace(',', '.'));
  if (!(x > 0 && x <= 1))
    throw usageError(
      `--threshold ${v}: expected a change on the 0–1 scale, above 0 and at most 1 (e.g. 0.25)`,
    );
  return x;
}

function parseWeeks(v: string): [number, number] {
  const m = /^\s*(\d+)\s*[-–]\s*(\d+)\s*$/.exec(v);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < Number(m[1]))
    throw usageError(`--midway-weeks ${v}: give two weeks of the course, e.g. 5-7`);
  return [Number(m[1]), Number(m[2])];
}

export async function buildProgression(
  data: Measurements,
  flags: ProgressionFlags,
  o: BuildOptions,
): Promise<Built> {
  const t = sayer(flags.lang);
  const say = messages();
  const period = resolveOptionalPeriod(flags);
  const windows: Windows = {
    baselineDays: flags.baselineDays,
    midwayWeeks: flags.midwayWeeks,
    lastDays: flags.lastDays,
  };
  const by = progressionBy(flags.by, data);
  const r = progression(data.measurements, data.courses, {
    threshold: flags.threshold,
    period,
    ...(by.groups ? { groups: by.groups } : {}),
    ...(by.indicator ? { indicator: by.indicator } : {}),
    indicators: data.indicators.list.length,
    windows,
  });
  tell(r, data, by, say);
  const tablesIn = (lang: Lang) =>
    progressionTables(r, {
      lang,
      indicators: data.indicators,
      periodText: period
        ? periodText(period, lang)
        : inLang(lang, { da: 'alle målte forløb', en: 'all measured courses' }),
      byLabel: by.label?.(lang),
      indicatorFirst: by.indicator === 'first',
      threshold: flags.threshold,
      windows,
      source: sourceText(o.source, r.courses, lang),
    });
  // Keyed from the same result's tables in English (model/keys.ts): only their words again.
  const own = tablesIn(flags.lang);
  const tables = keyedLike(own, flags.lang === 'en' ? own : tablesIn('en'));
  const contract = contractTable(r, data, flags, by, period, say);
  if (contract) tables.push(contract);
  const order = occasionNotes(data.mapping, flags.lang);
  order.warnings.forEach((w) => say.warn(`${o.source}: ${w}`));
  // Drawn by the pipeline from the scores table as published (suppressed at the chart threshold).
  const charts: Built['charts'] = o.charts
    ? [
        {
          table: PROGRESSION_TABLES.scores,
          spec: (shown) => chartSpec(chartTable(shown, flags), chartOptions(flags)),
          file: flags.chart,
        },
      ]
    : [];
  return {
    period: period ? { from: period.from, to: period.to } : null,
    title: t('Progression på BIP-indikatorer', 'Progression on BIP indicators'),
    tables: withNotes(tables, order.notes),
    charts,
    messages: say.list,
  };
}

/** Output 5: result goal and extension, when the joined export has the contract's fields. */
function contractTable(
  r: ProgressionResult,
  data: Measurements,
  flags: ProgressionFlags,
  by: ProgressionBy,
  period: ReturnType<typeof resolveOptionalPeriod>,
  say: ReturnType<typeof messages>,
): Table | null {
  const ex = data.export;
  const joined = data.joined;
  if (!ex || joined === null) return null;
  const asOf = ex.store.newestDay() ?? r.asOf ?? 0;
  // The contract's options (its goalReachedBy map, which fields the export has); the period is the progression's.
  const { has, goalMap } = contractOptions(
    ex,
    period ?? { from: 0, to: 0, label: '', source: 'default' },
    asOf,
  );
  // Output 5 has rows per group of the course levels only: a course is not split by indicator.
  const rows = progressionContract(ex.store, data.courses, r.included, by.groups ?? null, {
    asOf,
    has,
    ...(goalMap ? { goalMap } : {}),
  });
  if (!rows) return null;
  for (const w of contractWarnings(ex, joined, rows.at(-1)!.k)) say.warn(w);
  const tableIn = (lang: Lang) =>
    progressionContractTable(rows, {
      lang,
      periodText: period
        ? periodText(period, lang)
        : inLang(lang, { da: 'alle målte forløb', en: 'all measured courses' }),
      byLabel: by.courseLabel?.(lang),
      asOfText: danishOf(asOf),
      source: sourceText(joined, rows.at(-1)!.courses, lang),
    });
  const own = tableIn(flags.lang);
  return keyedLike([own], [flags.lang === 'en' ? own : tableIn('en')])[0]!;
}

function tell(
  r: ProgressionResult,
  data: Measurements,
  by: ProgressionBy,
  say: ReturnType<typeof messages>,
): void {
  if (r.total.n === 0)
    say.warn(
      'no course has both a baseline and a later measurement of the same indicator: the progression tables are empty',
    );
  if (r.undatedOutside > 0)
    say.warn(
      `${r.undatedOutside} course(s) have neither an end date nor a dated measurement and cannot be placed in the period; they are left out (add Dato, or --courses)`,
    );
  by.courseNames.forEach((name, level) => {
    if (r.groups.length > 0 && r.groups.every((g) => g.values[level] === null))
      say.warn(
        `--by ${name}: no course has a value (give --courses EXPORT, or a column for it in the measurement file)`,
      );
  });
  if (r.total.other > 0)
    say.warn(
      `${r.total.other} course(s) could not be compared (measurements neither all numbered nor all dated, or no indicator at both baseline and last)`,
    );
  if (data.joined === null && r.withStart === 0)
    say.note('no course start in the measurement file: the timeliness table is empty; give --courses EXPORT');
}

/** The scores table with only its three mean columns, labelled by measurement, for the chart. */
function chartTable(scores: Table, flags: ProgressionFlags): Table {
  const t = sayer(flags.lang);
  return {
    ...scores,
    columns: [
      labelCol(''),
      valueCol(t('Baseline', 'Baseline')),
      valueCol(t('Midtvejs', 'Midway')),
      valueCol(t('Sidste måling', 'Last')),
    ],
    rows: scores.rows.map((row) => ({ cells: [row.cells[0]!, row.cells[2]!, row.cells[4]!, row.cells[6]!] })),
  };
}

function chartOptions(flags: ProgressionFlags) {
  const t = sayer(flags.lang);
  return {
    lang: flags.lang,
    seriesColumns: [1, 2, 3],
    seriesTitle: t('Måling', 'Measurement'),
    yTitle: t('Gns. score (0–1)', 'Mean score (0–1)'),
  };
}
