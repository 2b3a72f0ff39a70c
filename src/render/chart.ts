/**
 * The one home of chart specs: a table as a grouped bar chart (yoy), curves over weeks with
 * their 95% bands (compare --weekly), and a distribution as stacked bars (compare --likert), in SVG for memos. Built as vega-lite specs and rendered
 * headless by vega (renderer 'none': no canvas, no browser). vega and vega-lite are large, so
 * they are imported only when a chart is drawn.
 *
 * Callers pass the data as it is published, after suppression: a share is drawn as its
 * percentage, a suppressed cell ("<5", "..") is not drawn at all, and the chart says so.
 */
import type { TopLevelSpec } from 'vega-lite';
import { sayer, type Lang } from '../base/i18n.js';
import { safeDeep } from '../base/text.js';
import type { Cell, Table } from '../model/table.js';

export interface ChartOptions {
  lang: Lang;
  /** Indices of the table columns drawn as bars (the years), oldest first. */
  seriesColumns: number[];
  /** Legend title, e.g. "År". */
  seriesTitle: string;
  /** Title of the value axis, e.g. "Antal forløb". */
  yTitle: string;
  /** The values are whole numbers (counts): integer ticks. */
  integer?: boolean;
}

export interface ChartDatum {
  row: string;
  series: string;
  value: number;
}

/** Danish number format for vega (d3-format locale): 1.234,5. */
const DA_DK = { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' kr.'] as [string, string] };
const EN = { decimal: '.', thousands: ',', grouping: [3], currency: ['', ''] as [string, string] };

/** ColorBrewer Blues from its 4th to its 9th step: light (oldest) to dark (newest), each visible on white. */
const BLUES = ['#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];

/** n colours spread evenly over BLUES, interpolated in RGB between its steps. */
export function blues(n: number): string[] {
  if (n <= 1) return [BLUES[4]!];
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return Array.from({ length: n }, (_x, i) => {
    const pos = (i * (BLUES.length - 1)) / (n - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, BLUES.length - 1);
    const a = rgb(BLUES[lo]!);
    const b = rgb(BLUES[hi]!);
    const f = pos - lo;
    return `#${a
      .map((v, c) =>
        Math.round(v + (b[c]! - v) * f)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
  });
}

function valueOf(cell: Cell): number | null | 'hidden' {
  switch (cell.t) {
    case 'count':
      return cell.v;
    case 'share':
      return cell.of === 0 ? null : (100 * cell.count) / cell.of;
    case 'num':
      return cell.v;
    case 'suppressed':
      return 'hidden';
    default:
      return null;
  }
}

/** The bars: one per body row × series column with a value; how many cells were hidden. */
export function chartData(table: Table, o: ChartOptions): { data: ChartDatum[]; hidden: number } {
  const data: ChartDatum[] = [];
  let hidden = 0;
  for (const row of table.rows) {
    if (row.style === 'total') continue;
    const first = row.cells[0];
    const label = first?.t === 'text' ? first.v : '';
    for (const j of o.seriesColumns) {
      const v = valueOf(row.cells[j] ?? { t: 'empty' });
      if (v === 'hidden') hidden++;
      else if (v !== null) data.push({ row: label, series: table.columns[j]!.label, value: v });
    }
  }
  return { data, hidden };
}

export function chartSpec(table: Table, o: ChartOptions): TopLevelSpec {
  const { data, hidden } = chartData(table, o);
  const series = o.seriesColumns.map((j) => table.columns[j]!.label);
  const rows = table.rows
    .filter((r) => r.style !== 'total')
    .map((r) => (r.cells[0]?.t === 'text' ? r.cells[0].v : ''));
  const longLabels = rows.some((r) => r.length > 12);
  return {
    ...frame(table.title, hidden, o.lang),
    width: { step: Math.max(24, 14 * series.length + 10), for: 'position' },
    height: 280,
    data: { values: data },
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'row',
        type: 'nominal',
        sort: rows,
        scale: { domain: rows },
        // No axis title: the chart title names the rows ("... efter afgangsgruppe"). Headless text
        // widths are estimated generously, so labels get room enough not to be cut.
        title: null,
        axis: longLabels
          ? { labelAngle: -35, labelAlign: 'right', labelLimit: 400 }
          : { labelAngle: 0, labelLimit: 400 },
      },
      xOffset: { field: 'series', type: 'nominal', sort: series, scale: { domain: series } },
      y: {
        field: 'value',
        type: 'quantitative',
        title: o.yTitle,
        axis: o.integer ? { format: ',d', tickMinStep: 1 } : { format: ',~r' },
      },
      color: {
        field: 'series',
        type: 'ordinal',
        sort: series,
        title: o.seriesTitle,
        scale: { domain: series, range: blues(series.length) },
      },
    },
    config: config(o.lang),
  };
}

/** A point of a curve: the share (%) of a group by a week, with its 95% band where known. */
export interface CurvePoint {
  week: number;
  group: string;
  share: number;
  lower: number | null;
  upper: number | null;
}

export interface CurveChart {
  title: string;
  points: CurvePoint[];
  /** Points hidden by suppression (not drawn; the chart says so). */
  hidden: number;
  /** The groups, in the order of the legend. */
  groups: string[];
  xTitle: string;
  yTitle: string;
  /** 'step-after' (a Kaplan–Meier curve, the default) or 'linear' (a share measured each week). */
  interpolate?: 'step-after' | 'linear';
}

/**
 * Colours of the curves: the bars' darkest blue, and an orange apart from it. A memo is often
 * printed in grey, where the two come out alike: the second curve is also dashed, with square
 * points, so that the curves are told apart without colour.
 */
const CURVE_COLOURS = ['#08519c', '#e6550d', '#31a354', '#756bb1'];
const CURVE_DASHES = [
  [1, 0],
  [6, 3],
  [2, 2],
  [8, 2, 2, 2],
];
const CURVE_SHAPES = ['circle', 'square', 'triangle-up', 'diamond'];

/** One step line per group over the weeks, with its 95% band, on a 0–100 scale. */
export function curveChartSpec(c: CurveChart, lang: Lang): TopLevelSpec {
  const x = { field: 'week', type: 'quantitative' as const, title: c.xTitle, axis: { tickMinStep: 1 } };
  const color = {
    field: 'group',
    type: 'nominal' as const,
    title: null,
    scale: { domain: c.groups, range: CURVE_COLOURS },
    legend: { orient: 'bottom' as const, direction: 'horizontal' as const },
  };
  // A curve known every week is drawn as the step function it is; one known only at reporting
  // weeks (4, 8, 13, ...) is joined by straight lines, not drawn flat between them as if known.
  const weeks = [...new Set(c.points.map((p) => p.week))].sort((a, b) => a - b);
  const everyWeek = weeks.every((w, i) => i === 0 || w === weeks[i - 1]! + 1);
  const interpolate = c.interpolate ?? (everyWeek ? ('step-after' as const) : ('linear' as const));
  // The same field, title and legend as the colour: vega-lite merges the three into one legend.
  const byGroup = (range: unknown[]) => ({ ...color, scale: { domain: c.groups, range } });
  return {
    ...frame(c.title, c.hidden, lang),
    width: 480,
    height: 280,
    data: { values: c.points },
    // The lines first: the legend takes its symbols from the first layer, and should show each
    // curve's dash and point shape.
    layer: [
      {
        mark: { type: 'line', interpolate, point: true },
        encoding: {
          x,
          y: { field: 'share', type: 'quantitative', title: c.yTitle, scale: { domain: [0, 100] } },
          color,
          strokeDash: byGroup(CURVE_DASHES),
          shape: byGroup(CURVE_SHAPES),
        },
      },
      {
        mark: { type: 'area', opacity: 0.15, interpolate },
        encoding: {
          x,
          y: { field: 'lower', type: 'quantitative' },
          y2: { field: 'upper' },
          color,
        },
      },
    ],
    config: config(lang),
  };
}

/** A distribution per group as stacked bars: one bar per group, a segment per category (%). */
export interface StackedBars {
  title: string;
  bars: { group: string; category: string; value: number }[];
  /** Segments hidden by suppression (not drawn; the chart says so). */
  hidden: number;
  groups: string[];
  /** The categories in the order of the scale, highest first. */
  categories: string[];
  xTitle: string;
}

/** Colours of a scale, highest first: dark to light blue, then grey for "Ved ikke" and what follows. */
function scaleColours(n: number, onScale: number): string[] {
  const greys = ['#bdbdbd', '#969696', '#737373'];
  return [...blues(onScale).reverse(), ...Array.from({ length: n - onScale }, (_x, i) => greys[i % 3]!)];
}

/** Horizontal stacked bars, one per group, segments in the order of the scale, on a 0–100 scale. */
export function stackedBarSpec(c: StackedBars, lang: Lang, onScale = c.categories.length): TopLevelSpec {
  const order = Object.fromEntries(c.categories.map((v, k) => [v, k]));
  return {
    ...frame(c.title, c.hidden, lang),
    width: 480,
    height: { step: 36 },
    data: { values: c.bars.map((b) => ({ ...b, order: order[b.category] ?? 0 })) },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'group', type: 'nominal', sort: c.groups, title: null },
      x: {
        field: 'value',
        type: 'quantitative',
        stack: 'zero',
        title: c.xTitle,
        scale: { domain: [0, 100] },
      },
      color: {
        field: 'category',
        type: 'nominal',
        sort: c.categories,
        title: null,
        scale: { domain: c.categories, range: scaleColours(c.categories.length, onScale) },
        legend: { orient: 'bottom', direction: 'horizontal', columns: 3 },
      },
      order: { field: 'order', type: 'quantitative' },
    },
    config: config(lang),
  };
}

/** What every chart starts with: the schema, the title (and that hidden numbers are not drawn). */
function frame(text: string, hidden: number, lang: Lang) {
  const subtitle =
    hidden > 0
      ? sayer(lang)(
          'Tal skjult ved diskretionering er ikke vist.',
          'Numbers hidden by disclosure control are not drawn.',
        )
      : undefined;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title:
      subtitle === undefined
        ? { text, anchor: 'start' as const }
        : { text, subtitle, anchor: 'start' as const },
    background: 'white',
    padding: 8,
  };
}

/** Numbers as the language writes them, one font, no frame around the plot. */
function config(lang: Lang) {
  return {
    locale: { number: lang === 'da' ? DA_DK : EN },
    font: 'Arial, Helvetica, sans-serif',
    view: { stroke: null },
  };
}

/** Renders a vega-lite spec to SVG text, headless; the same spec gives the same bytes. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  // Every label reaches vega's expression parser, which fails on U+2028 ("Unexpected token
  // ILLEGAL"), and the SVG, which must be well-formed XML and hold no CPR number.
  const compiled = vl.compile(safeDeep(spec)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    const svg = await view.toSVG();
    return svg.endsWith('\n') ? svg : `${svg}\n`;
  } finally {
    view.finalize();
  }
}

export async function chartSvg(table: Table, o: ChartOptions): Promise<string> {
  return renderSvg(chartSpec(table, o));
}
