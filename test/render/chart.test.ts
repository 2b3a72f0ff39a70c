import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blues, chartData, chartSpec, chartSvg, type ChartOptions } from '../../src/render/chart.js';
import { count, labelCol, num, share, text, valueCol, type Table } from '../../src/model/table.js';
import { CHROMIUM, chromiumScreenshot, describeWithTool, expectInked, freshDir } from './tools.js';

/** Three reasons × three years, a hidden cell, a share and a total row that must not be drawn. */
const TABLE: Table = {
  id: 'yoy.exitReason',
  title: 'Afsluttede forløb efter afslutningsårsag, 2022–2024',
  columns: [
    labelCol('Afslutningsårsag'),
    valueCol('2022'),
    valueCol('2023'),
    valueCol('2024'),
    valueCol('Pct. 2024'),
  ],
  rows: [
    { cells: [text('Ordinært job'), count(1200), count(1800), count(2500), share(2500, 4000)] },
    {
      cells: [
        text('Uddannelse'),
        count(900),
        { t: 'suppressed', shown: '<5' },
        count(1000),
        share(1000, 4000),
      ],
    },
    {
      cells: [
        text('Tilbage til jobcenter / anden indsats'),
        count(0),
        count(300),
        count(500),
        share(500, 4000),
      ],
    },
    { cells: [text('I alt'), count(2100), count(2100), count(4000), share(4000, 4000)], style: 'total' },
  ],
  notes: [],
};
const OPTS: ChartOptions = {
  lang: 'da',
  seriesColumns: [1, 2, 3],
  seriesTitle: 'År',
  yTitle: 'Antal forløb',
  integer: true,
};
const bars = (svg: string) => svg.match(/aria-roledescription="bar"/g)?.length ?? 0;

describe('chartData', () => {
  it('takes one bar per body row and year, leaves out the total row and hidden cells', () => {
    const { data, hidden } = chartData(TABLE, OPTS);
    expect(hidden).toBe(1);
    expect(data).toEqual([
      { row: 'Ordinært job', series: '2022', value: 1200 },
      { row: 'Ordinært job', series: '2023', value: 1800 },
      { row: 'Ordinært job', series: '2024', value: 2500 },
      { row: 'Uddannelse', series: '2022', value: 900 },
      { row: 'Uddannelse', series: '2024', value: 1000 },
      { row: 'Tilbage til jobcenter / anden indsats', series: '2022', value: 0 },
      { row: 'Tilbage til jobcenter / anden indsats', series: '2023', value: 300 },
      { row: 'Tilbage til jobcenter / anden indsats', series: '2024', value: 500 },
    ]);
  });

  it('draws a share as its percentage, and nothing for no denominator or no value', () => {
    const t: Table = {
      ...TABLE,
      rows: [{ cells: [text('Job'), share(1, 8), share(0, 0), num(null), num(12.5, 1, 8)] }],
    };
    expect(chartData(t, { ...OPTS, seriesColumns: [1, 2, 3, 4] }).data).toEqual([
      { row: 'Job', series: '2022', value: 12.5 },
      { row: 'Job', series: 'Pct. 2024', value: 12.5 },
    ]);
  });
});

describe('chartSpec', () => {
  it('is a grouped bar chart: x the rows in table order, colour and offset the years', () => {
    const spec = chartSpec(TABLE, OPTS) as unknown as Record<string, Record<string, Record<string, unknown>>>;
    const enc = spec.encoding!;
    expect(enc.x!.field).toBe('row');
    expect(enc.x!.sort).toEqual(['Ordinært job', 'Uddannelse', 'Tilbage til jobcenter / anden indsats']);
    expect(enc.xOffset!.field).toBe('series');
    expect(enc.color!.sort).toEqual(['2022', '2023', '2024']);
    expect(spec.config!.locale).toEqual({
      number: { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' kr.'] },
    });
    expect(spec.title).toMatchObject({ subtitle: 'Tal skjult ved diskretionering er ikke vist.' });
  });

  it('colours the years from light to dark blue', () => {
    expect(blues(1)).toEqual(['#08519c']);
    expect(blues(2)).toEqual(['#9ecae1', '#08306b']);
    expect(blues(6)).toEqual(['#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b']);
    expect(new Set(blues(8)).size).toBe(8);
  });
});

describe('chartSvg', () => {
  it('renders SVG headless: the bars, the years, the title, Danish numbers', async () => {
    const svg = await chartSvg(TABLE, OPTS);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(bars(svg)).toBe(8);
    for (const year of ['2022', '2023', '2024']) expect(svg).toContain(`>${year}</text>`);
    expect(svg).toContain('>Afsluttede forløb efter afslutningsårsag, 2022–2024</text>');
    expect(svg).toContain('>Antal forløb</text>');
    // Axis ticks with the thousands dot; none with a comma.
    expect(svg).toContain('>1.000</text>');
    expect(svg).not.toContain('>1,000</text>');
    // Well-formed enough: every opened element is closed.
    const opened = svg.match(/<(g|text|svg)\b/g)!.length;
    const closed = svg.match(/<\/(g|text|svg)>/g)!.length;
    expect(closed).toBe(opened);
  });

  it('uses the English number format with lang en, and a decimal comma in Danish', async () => {
    expect(await chartSvg(TABLE, { ...OPTS, lang: 'en' })).toContain('>1,000</text>');
    const small: Table = {
      ...TABLE,
      rows: [{ cells: [text('Job'), num(0.4, 1, 9), num(1.2, 1, 9), num(0.9, 1, 9)] }],
    };
    const da = await chartSvg(small, { ...OPTS, integer: false });
    expect(da).toMatch(/>0,2<\/text>/);
    expect(await chartSvg(small, { ...OPTS, integer: false, lang: 'en' })).toMatch(/>0\.2<\/text>/);
  });

  it('gives the same bytes for the same table, also within one process', async () => {
    const a = await chartSvg(TABLE, OPTS);
    const b = await chartSvg(TABLE, OPTS);
    expect(b).toBe(a);
  });
});

describeWithTool(CHROMIUM, 'the chart in Chromium', () => {
  const dir = freshDir('jobfx-chart-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders to a PNG with the chart on it', { timeout: 120_000 }, async () => {
    const file = join(dir, 'chart.svg');
    writeFileSync(file, await chartSvg(TABLE, OPTS));
    const png = join(dir, 'chart.png');
    chromiumScreenshot(file, png, '700,500');
    // Bars, axes and labels: most pixel rows (a short error text would ink a few percent).
    expectInked(png, '700,500', 0.4);
  });
});
