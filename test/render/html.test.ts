import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeHtml, renderHtml } from '../../src/render/html.js';
import { goldenTables } from './sample.js';
import { count, labelCol, num, text, valueCol, type Table } from '../../src/model/table.js';
import {
  CHROMIUM,
  chromiumDom,
  chromiumPdf,
  chromiumScreenshot,
  describeWithTool,
  expectInked,
  freshDir,
} from './tools.js';

const opts = { lang: 'da' as const, percentDecimals: 1 };

describe('renderHtml', () => {
  const html = renderHtml(goldenTables, opts);

  it('is a complete document in the right language', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
    expect(renderHtml([], { lang: 'en', percentDecimals: 1 })).toContain('<html lang="en">');
    // The document title falls back to the first table's title; no heading without opts.title.
    expect(html).toContain('<title>Afsluttede forløb efter årsag</title>');
    expect(html).not.toContain('<h1');
  });

  it('keeps every style inline; the one <style> block is for print only', () => {
    expect(html).not.toMatch(/<link/);
    expect(html.match(/<style/g)).toEqual(['<style']);
    expect(html).toContain('<style media="print">');
    expect(html.match(/<table /g)).toHaveLength(4);
    // The title is a heading above its table (a caption would wrap at the table's width).
    expect(html.match(/<h2 id="t\d" /g)).toHaveLength(4);
    expect(html).toContain('<h2 id="t1" style="');
    expect(html).toContain('<table aria-labelledby="t1" style="');
    // The key-figure table has only empty labels: no header row.
    expect(html.match(/<thead>/g)).toHaveLength(3);
    for (const tag of html.match(/<(td|th|table|h2|p)\b[^>]*>/g)!) expect(tag).toContain(' style="');
  });

  it('puts a table of more than 7 columns on a landscape page of its own when printed', () => {
    expect(html).not.toContain('class="wide"');
    const page = renderHtml([...goldenTables, wideTable], opts);
    expect(page.match(/<div class="wide"/g)).toHaveLength(1);
    expect(page).toContain('@page wide { size: A4 landscape;');
  });

  it('escapes text and marks total rows', () => {
    expect(html).toContain('>Park &amp; vej | &lt;ude&gt;</td>');
    expect(html).toContain('Gns. = gennemsnit; &quot;&lt;b&gt;&quot; er ikke HTML.</p>');
    expect(html).not.toContain('<ude>');
    expect(escapeHtml(`<a href='x'>&"`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&quot;');
    expect(html).toMatch(
      /<td style="[^"]*text-align: right[^"]*font-weight: bold; border-top: 2px solid #000000">9\.872<\/td>/,
    );
    expect(html).toMatch(/<td style="[^"]*text-align: right[^"]*">12,5<\/td>/);
  });

  it('puts the notes under their table', () => {
    expect(html).toMatch(
      /<\/table>\n<p class="note" style="[^"]*">Forløb afsluttet 1\. januar–30\. juni 2024\.<\/p>/,
    );
  });
});

/** A comparison-like table of 12 columns: long headers, wide numbers. */
const wideTable: Table = {
  id: 'compare.outcomes',
  title: 'Resultater: Indsats vs. Kontrol, afsluttede forløb 1. januar–31. december 2025, efter køn',
  columns: [
    labelCol('Resultat'),
    ...['Indsats, n', 'Indsats, andel', 'Kontrol, n', 'Kontrol, andel'].map((l) => valueCol(l)),
    ...['Forskel, pct.-point', '95 %-KI, nedre', '95 %-KI, øvre', 'p-værdi', 'Test', 'Signifikant'].map((l) =>
      valueCol(l),
    ),
    valueCol('Relativ risiko (95 %-KI)'),
  ],
  rows: ['Kvinde', 'Mand', 'I alt'].map((g) => ({
    cells: [
      text(`Afsluttet til ordinært job eller uddannelse inden 12 måneder, ${g}`),
      count(12345),
      num(45.6, 1),
      count(12001),
      num(44.4, 1),
      num(1.2, 1),
      num(-0.1, 1),
      num(2.5, 1),
      num(0.071, 3),
      text('Chi-i-anden'),
      text('Nej'),
      text('1,03 (1,00–1,06)'),
    ],
  })),
  notes: ['Forløb, der er startet i perioden.'],
};

describeWithTool(CHROMIUM, 'the document in Chromium', () => {
  const dir = freshDir('jobfx-chromium-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders to a screenshot with text on it', { timeout: 120_000 }, () => {
    const page = join(dir, 'sample.html');
    writeFileSync(
      page,
      renderHtml(goldenTables, { ...opts, title: 'Nøgletal for straksaktivering, 1. halvår 2024' }),
    );
    const png = join(dir, 'sample.png');
    chromiumScreenshot(page, png);
    // Title, tables and notes: about half the pixel rows.
    expectInked(png, '1000,800', 0.25);
  });
});

describeWithTool(CHROMIUM, 'the document printed from Chromium', () => {
  const dir = freshDir('jobfx-print-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const html = renderHtml([...goldenTables, wideTable], { ...opts, title: 'Notat' });

  it('prints the narrow tables on A4 portrait and the wide one on A4 landscape', { timeout: 120_000 }, () => {
    const page = join(dir, 'print.html');
    writeFileSync(page, html);
    const pdf = join(dir, 'print.pdf');
    chromiumPdf(page, pdf);
    // Chromium writes each page's size uncompressed: A4 is 595.92 × 841.92 pt.
    const boxes = (readFileSync(pdf, 'latin1').match(/\/MediaBox \[[^\]]*\]/g) ?? []).map((b) =>
      b.slice(11, -1).trim().split(/\s+/).map(Number),
    );
    const portrait = boxes.filter(([, , w, h]) => Math.round(w!) === 595 && Math.round(h!) === 842);
    const landscape = boxes.filter(([, , w, h]) => Math.round(w!) === 842 && Math.round(h!) === 595);
    expect(portrait.length).toBeGreaterThanOrEqual(1);
    expect(landscape).toHaveLength(1);
    expect(portrait.length + landscape.length).toBe(boxes.length);
  });

  it(
    'fits the wide table within the landscape page, and a title is not cut to its table',
    { timeout: 120_000 },
    () => {
      // The print size of the tables, measured in a window as wide as the landscape page's
      // printable width: 297 mm − 2 × 12 mm = 273 mm = 1032 px at 96 px per inch.
      const measure = `<style>table { font-size: 8.5pt !important; } body { margin: 0 !important; }</style>
<script>addEventListener('load', () => { const o = document.createElement('pre'); o.id = 'fit';
o.textContent = JSON.stringify([...document.querySelectorAll('table')].map((t) =>
[Math.ceil(t.getBoundingClientRect().width), Math.ceil(t.previousElementSibling.getBoundingClientRect().width)]));
document.body.append(o); });</script>`;
      const page = join(dir, 'measure.html');
      writeFileSync(page, html.replace('</head>', `${measure}\n</head>`));
      const dom = chromiumDom(page, '1032,800');
      const sizes = JSON.parse(/<pre id="fit">([^<]*)<\/pre>/.exec(dom)![1]!) as [number, number][];
      expect(sizes).toHaveLength(5);
      for (const [table, title] of sizes) {
        expect(table).toBeLessThanOrEqual(1032);
        // The heading spans the page, however narrow its table.
        expect(title).toBeGreaterThanOrEqual(table);
        expect(title).toBeGreaterThan(900);
      }
    },
  );
});
