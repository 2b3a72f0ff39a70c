/**
 * Hostile text in a table (issue #14): characters XML or vega cannot carry, bidi and C1
 * controls, Markdown links and images, and CPR numbers in every form the parser reads. Every
 * renderer starts from safeTables, so each format is checked here; well-formedness by Python's
 * expat (an independent XML parser), not by the writer reading its own output back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itWithTool, PYTHON, requireTool } from './tools.js';
import { renderTables, type Format } from '../../src/render/index.js';
import { chartSvg } from '../../src/render/chart.js';
import { count, labelCol, text, valueCol, type Table } from '../../src/model/table.js';

const HOSTILE = [
  'a\uffffb', // not an XML character
  'c\u0001d\ufffee', // a C0 control and U+FFFE
  'lone \ud800 half',
  'line\u2028sep\u2029para', // vega: "Unexpected token ILLEGAL"
  'evil\u202eTXT.exe\u2066x\u2069', // bidi override and isolate
  'csi\u009b31m c1\u0085', // C1 controls
  '[klik](javascript:alert(1))',
  '![x](http://example.invalid/x.png)',
];
const CPRS = ['150385-1235', '1503851235', '150385 1239', '161085.1234', '171085\u20131234', '708990007'];

const table: Table = {
  id: 't',
  title: `Forløb efter enhed ${CPRS[2]}\u202e`,
  columns: [labelCol(`Enhed ${CPRS[3]}`), valueCol('Antal')],
  rows: [...HOSTILE, ...CPRS].map((v, i) => ({ cells: [text(v), count(i + 1)] })),
  notes: [`Kilde: /tmp/${CPRS[0]}/${CPRS[4]}.csv.`, '[klik](javascript:x) <b>'],
};
const opts = { lang: 'da' as const, percentDecimals: 1, color: false, excelCsv: false };

/** Python's expat over the file: '' when well-formed, else its error. */
function xmlError(file: string): string {
  const py =
    'import sys, xml.dom.minidom as m\ntry:\n m.parse(sys.argv[1]); print("")\nexcept Exception as e: print(e)';
  return execFileSync(requireTool(PYTHON), ['-c', py, file], { encoding: 'utf8' }).trim();
}

/** No unsafe character and no CPR form (the test's own list, not the code's regex) in `s`. */
function expectSafe(s: string, label: string): void {
  expect(s, label).not.toMatch(
    // eslint-disable-next-line no-control-regex -- the characters looked for
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u0080-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]/,
  );
  expect(s, label).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  for (const c of CPRS) expect(s, `${label}: ${c}`).not.toContain(c);
}

describe.each(['terminal', 'md', 'csv', 'json', 'html'] as Format[])('--format %s', (format) => {
  it('carries no unsafe character and no CPR number', async () => {
    const out = (await renderTables([table], format, opts)) as string;
    expectSafe(out, format);
    expect(out).toMatch(/\\?\[CPR\\?\]/);
    expect(out).toContain('\ufffd'); // made visible, not dropped silently
  });
});

describe('markdown', () => {
  it('escapes the brackets of links and images, in cells and notes', async () => {
    const md = (await renderTables([table], 'md', opts)) as string;
    // The "(" after "]" and the ":" of "://" escaped too (no link target, no bare autolink).
    expect(md).toContain('\\[klik\\]\\(javascript:alert(1))');
    expect(md).toContain('!\\[x\\]\\(http\\://example.invalid/x.png)');
    expect(md).toContain('> \\[klik\\]\\(javascript:x) \\<b>');
    expect(md).not.toMatch(/(?<!\\)\[klik/);
  });
});

describe('html', () => {
  itWithTool(PYTHON, 'is well-formed where XML matters (no character expat refuses)', {}, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-safe-'));
    const html = (await renderTables([table], 'html', opts)) as string;
    // The HTML5 doctype and void <meta> tags are no XML: check the tables part.
    const body = html.slice(html.indexOf('<div'), html.lastIndexOf('</div>') + 6);
    writeFileSync(join(dir, 'b.xml'), `<r>${body}</r>`);
    expect(xmlError(join(dir, 'b.xml'))).toBe('');
  });
});

describe('xlsx', () => {
  itWithTool(
    PYTHON,
    'writes well-formed XML parts (U+FFFF in a value made sharedStrings.xml invalid)',
    {},
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jobfx-safe-'));
      const file = join(dir, 't.xlsx');
      writeFileSync(file, (await renderTables([table], 'xlsx', opts)) as Buffer);
      // Python's zipfile: no unzip program needed.
      execFileSync(requireTool(PYTHON), [
        '-c',
        'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])',
        file,
        join(dir, 'x'),
      ]);
      const parts: string[] = [];
      const walk = (d: string): void => {
        for (const f of readdirSync(d)) {
          const p = join(d, f);
          if (statSync(p).isDirectory()) walk(p);
          else if (/\.(xml|rels)$/.test(f)) parts.push(p);
        }
      };
      walk(join(dir, 'x'));
      expect(parts.some((p) => p.endsWith('sharedStrings.xml') || p.includes('sheet1.xml'))).toBe(true);
      for (const p of parts) expect(xmlError(p), p).toBe('');
      const all = parts.map((p) => execFileSync('cat', [p], { encoding: 'utf8' })).join('\n');
      expectSafe(all, 'xlsx');
    },
  );
});

describe('chart', () => {
  itWithTool(
    PYTHON,
    'draws a label with U+2028 (vega crashed) into well-formed SVG without CPR numbers',
    {},
    async () => {
      const chart: Table = { ...table, columns: [labelCol(''), valueCol(`2025 ${CPRS[1]}`)] };
      const svg = await chartSvg(chart, {
        lang: 'da',
        seriesColumns: [1],
        seriesTitle: 'År',
        yTitle: 'Antal',
      });
      const dir = mkdtempSync(join(tmpdir(), 'jobfx-safe-'));
      writeFileSync(join(dir, 'c.svg'), svg);
      expect(xmlError(join(dir, 'c.svg'))).toBe('');
      expectSafe(svg, 'svg');
      expect(svg).toContain('line sep para');
    },
  );
});
