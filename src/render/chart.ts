/**
 * A table as a grouped bar chart in SVG, for memos: one group of bars per row (the total row
 * left out), one bar per series column (the years), coloured by series. Built as a vega-lite
 * spec and rendered headless by vega (renderer 'none': no canvas, no browser). vega and
 * vega-lite are large, so they are imported only when a chart is drawn.
 *
 * Like every renderer it draws the cells it is given: a share is drawn as its percentage, a
 * suppressed cell ("<5", "..") is not drawn at all, and the chart says so.
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
  const t = sayer(o.lang);
  const { data, hidden } = chartData(table, o);
  const series = o.seriesColumns.map((j) => table.columns[j]!.label);
  const rows = table.rows
    .filter((r) => r.style !== 'total')
    .map((r) => (r.cells[0]?.t === 'text' ? r.cells[0].v : ''));
  const longLabels = rows.some((r) => r.length > 12);
  const subtitle =
    hidden > 0
      ? t(
          'Tal skjult ved diskretionering er ikke vist.',
          'Numbers hidden by disclosure control are not drawn.',
        )
      : undefined;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title:
      subtitle === undefined
        ? { text: table.title, anchor: 'start' }
        : { text: table.title, subtitle, anchor: 'start' },
    background: 'white',
    padding: 8,
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
    config: {
      locale: { number: o.lang === 'da' ? DA_DK : EN },
      font: 'Arial, Helvetica, sans-serif',
      view: { stroke: null },
    },
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
