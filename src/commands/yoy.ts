import { sayer } from '../base/i18n.js';
import { Option, type Command } from 'commander';
import {
  columnsBetween,
  completeColumns,
  yoy,
  YOY_MEASURES,
  YOY_ROW_FIELDS,
  type YoyBasis,
  type YoyMeasure,
  type YoyRowField,
  type YoyStep,
} from '../analyses/yoy.js';
import { danishOf } from '../base/dates.js';
import { usageError } from '../errors.js';
import { chartSpec, type ChartOptions as BarChartOptions } from '../render/chart.js';
import { FIRST_YEAR_COLUMN, yoyTable } from '../tables/yoy.js';
import type { Loaded } from '../schema/load.js';
import {
  DEFAULT_SUPPRESSION,
  addTableOutputOptions,
  TABLE_FORMATS,
  sourceText,
  type ReadFlags,
  type TableOutputFlags,
} from './options.js';
import { messages, type BuildOptions, type Built, type CommandSpec } from './spec.js';

export interface YoyFlags extends ReadFlags, TableOutputFlags {
  rows: YoyRowField;
  years?: string;
  measure: YoyMeasure;
  basis?: YoyBasis;
  step: YoyStep;
  chart?: string;
}

const MAX_COLUMNS = 50;

export const yoyCommand: CommandSpec<YoyFlags> = {
  name: 'yoy',
  summary: 'year-over-year tables: a field by year, with the change from the year before',
  description:
    'One row per value of a field (exit reason, exit group, target group, programme or unit), one column per year ' +
    '(or half-year), cells counting courses (or their share, distinct persons, median duration); a percent column ' +
    'for the newest year and the change from the year before, in count and percentage points. A course belongs to ' +
    'the year it ended (--basis end, the default for exit rows) or started (--basis start, intake; the default for ' +
    'other rows). --chart draws the table as a grouped bar chart (SVG).',
  examples: [
    'jobfx yoy export.xlsx',
    'jobfx yoy export.xlsx --rows exitGroup --measure share --years 2021-2025',
    'jobfx yoy export.xlsx --rows targetGroup --basis start --step half --out tilgang.xlsx',
    'jobfx yoy export.xlsx --rows exitGroup --chart afgang.svg --format md',
  ],
  formats: TABLE_FORMATS,
  tables: ['yoy.<--rows field> (yoy.exitReason by default)'],
  options: (cmd: Command) =>
    addTableOutputOptions(
      cmd
        .addOption(
          new Option('--rows <field>', 'the field whose values are the rows')
            .choices([...YOY_ROW_FIELDS])
            .default('exitReason'),
        )
        .option(
          '--years <range>',
          'columns: 2020-2024, 2024, or with --step half also 2023H2-2025H1; default: every complete year (half-year) in the data',
        )
        .addOption(
          new Option('--measure <measure>', 'what the cells show')
            .choices([...YOY_MEASURES])
            .default('count'),
        )
        .addOption(
          new Option(
            '--basis <basis>',
            'a course belongs to the year it ended (end: exits, only ended courses) or started (start: intake, all courses); default: end for exitReason/exitGroup rows, start otherwise',
          ).choices(['end', 'start']),
        )
        .addOption(
          new Option('--step <step>', 'one column per year or per half-year')
            .choices(['year', 'half'])
            .default('year'),
        )
        .option(
          '--chart <file.svg>',
          `also draw the table as a grouped bar chart (SVG); small cells are left out as in the table (--suppress, default ${DEFAULT_SUPPRESSION})`,
        ),
    ),
  check(flags) {
    if (flags.chart !== undefined && !/\.svg$/i.test(flags.chart))
      throw usageError(`--chart ${flags.chart}: the chart is SVG; give a file name ending in .svg`);
  },
  build: buildYoy,
  report: { chart: true, ownPeriod: true },
};

/**
 * --years: "2020-2024", "2024", and with --step half "2023H2-2025H1" (a plain year spans both
 * halves). Returns the first and last column slot (see analyses/yoy.ts slotOf).
 */
export function parseYears(spec: string, step: YoyStep): { first: number; last: number } {
  const m = /^\s*(\d{4})(?:H([12]))?\s*(?:[-–]\s*(\d{4})(?:H([12]))?\s*)?$/i.exec(spec);
  if (!m)
    throw usageError(
      `--years ${spec}: use a range of years (2020-2024), one year (2024), or half-years with --step half (2023H2-2025H1)`,
    );
  const [, y1, h1] = m;
  // One year or half-year: the range is that column alone.
  const [y2, h2] = m[3] === undefined ? [y1, h1] : [m[3], m[4]];
  if ((h1 || h2) && step !== 'half') throw usageError(`--years ${spec}: half-years need --step half`);
  const slot = (y: string, h: string | undefined, end: boolean) =>
    step === 'year' ? Number(y) : Number(y) * 2 + (h ? Number(h) - 1 : end ? 1 : 0);
  const first = slot(y1!, h1, false);
  const last = slot(y2!, h2, true);
  if (last < first) throw usageError(`--years ${spec}: the range ends before it starts`);
  if (last - first + 1 > MAX_COLUMNS)
    throw usageError(`--years ${spec}: ${last - first + 1} columns; at most ${MAX_COLUMNS}`);
  return { first, last };
}

/** The year-over-year table (and chart) of loaded data (no I/O). */
export async function buildYoy(data: Loaded, flags: YoyFlags, o: BuildOptions): Promise<Built> {
  const say = messages();
  const t = sayer(flags.lang);
  const step = flags.step;
  const range = flags.years === undefined ? undefined : parseYears(flags.years, step);
  const basis: YoyBasis =
    flags.basis ?? (flags.rows === 'exitReason' || flags.rows === 'exitGroup' ? 'end' : 'start');

  const columns = range ? columnsBetween(range.first, range.last, step) : completeColumns(data.store, step);
  const what = step === 'year' ? 'year' : 'half-year';
  if (columns.length === 0) {
    if (data.store.length === 0) throw usageError(`${o.source}: no courses to count`);
    throw usageError(`the data holds no complete ${what}; give --years`);
  }
  const result = yoy(data.store, {
    rows: flags.rows,
    basis,
    step,
    measure: flags.measure,
    columns,
    vocab: data.vocab,
  });
  const span = columns.length === 1 ? columns[0]!.label : `${columns[0]!.label}–${columns.at(-1)!.label}`;
  if (!range) say.note(`no --years given; using ${span}, every complete ${what} in the data`);
  if (result.incomplete.length > 0 && result.newest !== null)
    say.warn(
      `${result.incomplete.join(', ')} not over in the data (newest date ${danishOf(result.newest)}); the figures are not final`,
    );

  const table = yoyTable(result, {
    lang: flags.lang,
    measure: flags.measure,
    vocab: data.vocab,
    columnsSource: range ? 'given' : 'default',
    source: sourceText(o.source, data.ledger.accepted, flags.lang),
  });
  const chart: BarChartOptions = {
    lang: flags.lang,
    seriesColumns: columns.map((_c, j) => FIRST_YEAR_COLUMN + j),
    seriesTitle: step === 'year' ? t('År', 'Year') : t('Halvår', 'Half-year'),
    yTitle: {
      count: t('Antal forløb', 'Courses'),
      share: t('Pct. af forløbene', '% of courses'),
      persons: t('Antal personer', 'Persons'),
      'median-duration': t('Median varighed, dage', 'Median duration, days'),
    }[flags.measure],
    integer: flags.measure === 'count' || flags.measure === 'persons',
  };
  return {
    title: t('År for år', 'Year over year'),
    tables: [table],
    charts: o.charts
      ? [{ table: table.id, spec: (shown) => chartSpec(shown, chart), file: flags.chart }]
      : [],
    messages: say.list,
  };
}
