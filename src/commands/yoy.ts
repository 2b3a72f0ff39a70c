import { sayer } from '../base/i18n.js';
import { Option, type Command } from 'commander';
import {
  columnsBetween,
  completeColumns,
  yoy,
  YOY_MEASURES,
  YOY_ROW_FIELDS,
  type YoyBasis,
  type YoyRowField,
  type YoyStep,
} from '../analyses/yoy.js';
import { danishOf } from '../base/dates.js';
import { parseStepRange, STEPS, stepWords } from '../base/steps.js';
import { usageError } from '../errors.js';
import { chartSpec, type ChartOptions as BarChartOptions } from '../render/chart.js';
import { yearColumns, yoyTable, type YoyTableOptions } from '../tables/yoy.js';
import { parseColumns, parseMeasure, resolveSelect } from './yoy-layout.js';
import { byTables, checkByMeasure } from './yoy-by.js';
import { BY_FIELDS, byFieldsOf, byLabelOf, parseBy, resolveBy } from '../analyses/partition.js';
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
import { columnNotes, withFields, withNotes } from './data-notes.js';

export interface YoyFlags extends ReadFlags, TableOutputFlags {
  rows: YoyRowField;
  years?: string;
  /** One measure, or count,share (parseMeasure). */
  measure: string;
  basis?: YoyBasis;
  step: YoyStep;
  chart?: string;
  order: 'asc' | 'desc';
  columns?: string;
  rowsSelect?: string;
  subtotal?: boolean;
  blankBeforeFirst?: boolean;
  /** --by: one or two levels, each a field or a column (resolved against the export in build). */
  by?: string[];
}

const MAX_COLUMNS = 50;

export const yoyCommand: CommandSpec<YoyFlags> = {
  name: 'yoy',
  summary: 'year-over-year tables: a field by year, with the change from the year before',
  description:
    'One row per value of a field (exit reason, exit group, target group, programme or unit), one column per year ' +
    '(or half-year, quarter, month), cells counting courses (or their share, distinct persons, median duration); a percent column ' +
    'for the newest year and the change from the year before, in count and percentage points. A course belongs to ' +
    'the year it ended (--basis end, the default for exit rows) or started (--basis start, intake; the default for ' +
    'other rows). --chart draws the table as a grouped bar chart (SVG).',
  examples: [
    'jobfx yoy export.xlsx',
    'jobfx yoy export.xlsx --rows exitGroup --measure share --years 2021-2025',
    'jobfx yoy export.xlsx --rows targetGroup --basis start --step half --out tilgang.xlsx',
    'jobfx yoy export.xlsx --rows targetGroup --step quarter --years 2024Q1-2025Q2',
    'jobfx yoy export.xlsx --rows exitGroup --chart afgang.svg --format md',
    'jobfx yoy export.xlsx --rows exitGroup --measure count,share --order desc --columns "2023,2024-05-01..2024-12-31"',
    'jobfx yoy export.xlsx --rows exitGroup --basis active --rows-select job,education --subtotal',
    'jobfx yoy export.xlsx --rows unit --measure course-years',
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
          'columns: 2020-2024, 2024, or of the step: 2023H2-2025H1, 2024Q1-2025Q2, 2024-03..2025-02; default: every complete column in the data',
        )
        .option(
          '--measure <measure>',
          `what the cells show: ${YOY_MEASURES.join(', ')}, or count,share (a count and a percent column for every year)`,
          'count',
        )
        .addOption(
          new Option(
            '--basis <basis>',
            'a course belongs to the year it ended (end: exits, only ended courses), started (start: intake, all courses) or to every year it is active in (active; exit rows get "Igangværende" for courses still running); default: active for course-years, end for exitReason/exitGroup rows, start otherwise',
          ).choices(['end', 'start', 'active']),
        )
        .addOption(
          new Option('--step <step>', 'one column per year, half-year, quarter or month')
            .choices([...STEPS])
            .default('year'),
        )
        .addOption(
          new Option('--order <order>', 'the year columns oldest first (asc) or newest first (desc)')
            .choices(['asc', 'desc'])
            .default('asc'),
        )
        .option(
          '--columns <list>',
          'the columns, instead of --years: periods (2011, 2024H1, 2024Q3, 2024-05) or dates (2012-05-01..2012-12-31, a part year), separated by commas',
        )
        .option(
          '--rows-select <values>',
          'only these rows (values of --rows, comma-separated), the others as one row "Øvrige"',
        )
        .option(
          '--by <field[,field]>',
          `one table per value of a field (${BY_FIELDS.join(', ')}) or of a column of the export by its header, then the table of all courses; two, comma-separated (--by unit,gender), one table per combination`,
          parseBy,
        )
        .option('--subtotal', 'with --rows-select: a row with the selected rows together')
        .option(
          '--blank-before-first',
          'a blank cell (not 0) for a value in years that end before its first course in the export',
        )
        .option(
          '--chart <file.svg>',
          `also draw the table as a grouped bar chart (SVG); small cells are left out as in the table (--suppress, default ${DEFAULT_SUPPRESSION})`,
        ),
    ),
  check(flags) {
    parseMeasure(flags.measure);
    if (flags.columns !== undefined && flags.years !== undefined)
      throw usageError('give either --years or --columns, not both');
    if (flags.subtotal && flags.rowsSelect === undefined)
      throw usageError('--subtotal needs --rows-select: the subtotal is of the selected rows');
    if (flags.chart !== undefined && !/\.svg$/i.test(flags.chart))
      throw usageError(`--chart ${flags.chart}: the chart is SVG; give a file name ending in .svg`);
  },
  build: buildYoy,
  report: { chart: true, ownPeriod: true },
};

/**
 * --years: a range of columns of the step (src/base/steps.ts parseStepRange): "2020-2024", "2024",
 * "2023H2-2025H1", "2024Q1-2025Q2", "2024-03..2025-02"; a plain year spans all its columns.
 */
export function parseYears(spec: string, step: YoyStep): { first: number; last: number } {
  return parseStepRange(spec, step, '--years', MAX_COLUMNS);
}

/** The year-over-year table (and chart) of loaded data (no I/O). */
export async function buildYoy(data: Loaded, flags: YoyFlags, o: BuildOptions): Promise<Built> {
  const say = messages();
  const t = sayer(flags.lang);
  const step = flags.step;
  const { measure, shares } = parseMeasure(flags.measure);
  if (flags.by) checkByMeasure(measure, shares);
  const given = flags.columns === undefined ? undefined : parseColumns(flags.columns, flags.lang);
  const range = flags.years === undefined ? undefined : parseYears(flags.years, step);
  const basis: YoyBasis =
    flags.basis ??
    (measure === 'course-years'
      ? 'active'
      : flags.rows === 'exitReason' || flags.rows === 'exitGroup'
        ? 'end'
        : 'start');

  const columns =
    given?.columns ??
    (range ? columnsBetween(range.first, range.last, step) : completeColumns(data.store, step));
  const what = { year: 'year', half: 'half-year', quarter: 'quarter', month: 'month' }[step];
  if (columns.length === 0) {
    if (data.store.length === 0) throw usageError(`${o.source}: no courses to count`);
    throw usageError(`the data holds no complete ${what}; give --years`);
  }
  const select =
    flags.rowsSelect === undefined
      ? undefined
      : resolveSelect(flags.rowsSelect, flags.rows, data.vocab, data.store);
  const analysis = {
    rows: flags.rows,
    basis,
    step,
    measure,
    columns,
    vocab: data.vocab,
    ...(select ? { select } : {}),
  };
  const result = yoy(data.store, analysis);
  const span = columns.length === 1 ? columns[0]!.label : `${columns[0]!.label}–${columns.at(-1)!.label}`;
  if (!range && !given) say.note(`no --years given; using ${span}, every complete ${what} in the data`);
  const outside = columnNotes(columns, data.store, flags.lang);
  outside.warnings.forEach(say.warn);
  if (result.incomplete.length > 0 && result.newest !== null)
    say.warn(
      `${result.incomplete.join(', ')} not over in the data (newest date ${danishOf(result.newest)}); the figures are not final`,
    );

  const tableOptions: YoyTableOptions = {
    lang: flags.lang,
    measure,
    vocab: data.vocab,
    columnsSource: range || given ? 'given' : 'default',
    source: sourceText(o.source, data.ledger.accepted, flags.lang),
    shares,
    order: flags.order,
    blankBeforeFirst: flags.blankBeforeFirst === true,
    subtotal: flags.subtotal === true,
    columnNotes: given?.notes ?? [],
  };
  const by = flags.by ? resolveBy(flags.by, data.headers, data.mapping) : [];
  const tables =
    by.length > 0
      ? withFields(
          byTables(data.store, by, byLabelOf(by, data.headers, flags.lang), result, analysis, tableOptions),
          byFieldsOf(by),
        )
      : [yoyTable(result, tableOptions)];
  const table = tables.at(-1)!;
  const chart: BarChartOptions = {
    lang: flags.lang,
    seriesColumns: yearColumns(columns.length, shares ? 2 : 1, flags.order),
    seriesTitle: stepWords(step, flags.lang).unit,
    yTitle: {
      count: t('Antal forløb', 'Courses'),
      share: t('Pct. af forløbene', '% of courses'),
      persons: t('Antal personer', 'Persons'),
      'median-duration': t('Median varighed, dage', 'Median duration, days'),
      'course-years': t('Årsværker', 'Course-years'),
    }[measure],
    integer: measure === 'count' || measure === 'persons',
  };
  return {
    period: { from: columns[0]!.from, to: columns.at(-1)!.to },
    title: t('År for år', 'Year over year'),
    tables: withNotes(tables, outside.notes),
    charts: o.charts
      ? [{ table: table.id, spec: (shown) => chartSpec(shown, chart), file: flags.chart }]
      : [],
    messages: say.list,
  };
}
