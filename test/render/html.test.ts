import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeHtml, renderHtml } from '../../src/render/html.js';
import { goldenTables } from './sample.js';
import { CHROMIUM, chromiumScreenshot, describeWithTool, expectInked, freshDir } from './tools.js';

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

  it('keeps every style inline: no <style> block, no stylesheet', () => {
    expect(html).not.toMatch(/<style|<link/);
    expect(html.match(/<table /g)).toHaveLength(4);
    expect(html.match(/<caption /g)).toHaveLength(4);
    // The key-figure table has only empty labels: no header row.
    expect(html.match(/<thead>/g)).toHaveLength(3);
    for (const tag of html.match(/<(td|th|table|caption|p)\b[^>]*>/g)!) expect(tag).toContain(' style="');
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
