import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/render/csv-table.js';
import { FORMATS, isFormat, renderTables } from '../../src/render/index.js';
import { renderJson } from '../../src/render/json.js';
import { escapeMarkdown, renderMarkdown } from '../../src/render/markdown.js';
import { count, labelCol, num, share, text, valueCol, type Table } from '../../src/model/table.js';
import { goldenTables, keyFigures } from './sample.js';

const da = { lang: 'da' as const, percentDecimals: 1 };
const en = { lang: 'en' as const, percentDecimals: 1 };

const small: Table = {
  id: 's',
  title: 'Small',
  columns: [labelCol('Group'), valueCol('n'), valueCol('%'), valueCol('Mean')],
  rows: [
    { cells: [text('a'), count(1234), share(1, 8), num(2.675, 2)] },
    { cells: [text('b'), count(0), share(0, 0), num(null)] },
    { cells: [text('Total'), count(1234), share(1, 1), num(-1234.5, 0)], style: 'total' },
  ],
  notes: ['n = persons.'],
};

describe('markdown', () => {
  it('escapes pipes, emphasis and tags, leaves "<5" alone', () => {
    expect(escapeMarkdown('a|b *c* _d_ `e` \\ <b> </i> <5 <!-- x')).toBe(
      'a\\|b \\*c\\* \\_d\\_ \\`e\\` \\\\ \\<b> \\</i> <5 \\<!-- x',
    );
    expect(escapeMarkdown('two\nlines')).toBe('two lines');
  });

  it('leaves no link, image or autolink in a value: "(" after "]", and scheme, www and @ escaped', () => {
    // Each escape is a CommonMark backslash escape of ASCII punctuation: shown as the character.
    const cases: [string, string][] = [
      ['[x](javascript:alert(1))', '\\[x\\]\\(javascript:alert(1))'],
      ['![img](http://evil.example/a.png)', '!\\[img\\]\\(http\\://evil.example/a.png)'],
      ['http://evil.example', 'http\\://evil.example'],
      ['se HTTPS://evil.example/x?a=1', 'se HTTPS\\://evil.example/x?a=1'],
      ['ftp://x.example og file://y', 'ftp\\://x.example og file\\://y'],
      ['www.evil.example', 'www\\.evil.example'],
      ['(WWW.evil.example)', '(WWW\\.evil.example)'],
      ['ring til x@evil.example', 'ring til x\\@evil.example'],
      ['mailto:x og xmpp:y', 'mailto\\:x og xmpp\\:y'],
      ['[x]: http://evil.example', '\\[x\\]: http\\://evil.example'],
      // What is not a link stays as it is: parentheses, a colon in a note, a time, "awww.".
      ['Job (ordinært): 10:30, awww.', 'Job (ordinært): 10:30, awww.'],
    ];
    for (const [value, escaped] of cases) expect(escapeMarkdown(value), value).toBe(escaped);
  });

  it('escapes hostile values in cells, labels, titles and notes of a rendered table', () => {
    const evil = 'http://evil.example';
    const md = renderMarkdown(
      [
        {
          ...small,
          title: `[klik](${evil})`,
          columns: [labelCol('www.evil.example'), valueCol('n')],
          rows: [{ cells: [text(`![x](${evil})`), count(7)] }],
          notes: [`Kilde: ${evil} og a@b.example`],
        },
      ],
      en,
    );
    expect(md.split('\n')).toEqual([
      '### \\[klik\\]\\(http\\://evil.example)',
      '',
      // The widest cell, !\[x\]\(http\://evil.example), is 29 characters: the rest padded to it.
      '| www\\.evil.example' + ' '.repeat(29 - 17) + ' |   n |',
      '| :' + '-'.repeat(28) + ' | --: |',
      '| !\\[x\\]\\(http\\://evil.example) |   7 |',
      '',
      '> Kilde: http\\://evil.example og a\\@b.example',
      '',
    ]);
  });

  it('aligns label columns left and value columns right, bolds totals, rounds in English', () => {
    expect(renderMarkdown([small], en)).toBe(
      [
        '### Small',
        '',
        '| Group     |         n |         % |       Mean |',
        '| :-------- | --------: | --------: | ---------: |',
        '| a         |     1,234 |      12.5 |       2.68 |',
        '| b         |         0 |         - |          - |',
        '| **Total** | **1,234** | **100.0** | **-1,235** |',
        '',
        '> n = persons.',
        '',
      ].join('\n'),
    );
  });

  it('gives a table with empty labels a header line all the same', () => {
    const md = renderMarkdown([keyFigures], da);
    expect(md.split('\n').slice(2, 4)).toEqual([
      '|                       |            |',
      '| :-------------------- | ---------: |',
    ]);
  });
});

describe('csv', () => {
  it('writes plain numbers with "." and no grouping by default', () => {
    expect(renderCsv([small], { ...da, excel: false })).toBe(
      'Small\nGroup,n,%,Mean\na,1234,12.5,2.68\nb,0,,\nTotal,1234,100.0,-1235\nn = persons.\n',
    );
  });

  it('writes ";", decimal comma, BOM and CRLF for Excel, whatever the language', () => {
    const csv = renderCsv([small, small], { ...en, excel: true });
    expect(csv.startsWith('\uFEFFSmall\r\nGroup;n;%;Mean\r\na;1234;12,5;2,68\r\n')).toBe(true);
    expect(csv).toContain('Total;1234;100,0;-1235\r\nn = persons.\r\n\r\nSmall\r\n');
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    const t: Table = { ...small, title: '=HYPERLINK("x")', rows: [{ cells: [text('@cmd'), count(-3)] }] };
    expect(
      renderCsv([t], { ...da, excel: false })
        .split('\n')
        .slice(0, 3),
    ).toEqual([`"'=HYPERLINK(""x"")"`, 'Group,n,%,Mean', "'@cmd,-3,,"]);
  });
});

describe('json', () => {
  it('keeps numbers unrounded and says what cannot be computed', () => {
    const j = JSON.parse(renderJson([small])) as {
      tables: { rows: { style: string | null; cells: unknown[] }[] }[];
    };
    expect(j.tables[0]!.rows[0]!.cells).toEqual(['a', 1234, { count: 1, of: 8, percent: 12.5 }, 2.675]);
    expect(j.tables[0]!.rows[1]!.cells).toEqual(['b', 0, { count: 0, of: 0, percent: null }, null]);
    expect(j.tables[0]!.rows[2]!.style).toBe('total');
    expect(renderJson([]).endsWith('}\n')).toBe(true);
  });

  it('statistics (Table.stats) only in json, unrounded, in the order named; null when withheld; absent when none', () => {
    const stats = { chisq: 0.052777039954780024, df: 2, pValue: Number.NaN };
    const j = JSON.parse(renderJson([{ ...small, stats }, { ...small, stats: null }, small])) as {
      tables: { stats?: unknown }[];
    };
    expect(j.tables[0]!.stats).toEqual({ chisq: 0.052777039954780024, df: 2, pValue: null });
    expect(Object.keys(j.tables[0]!.stats as object)).toEqual(['chisq', 'df', 'pValue']);
    expect(j.tables[1]!.stats).toBeNull();
    expect('stats' in j.tables[2]!).toBe(false);
    expect(renderMarkdown([{ ...small, stats }], da)).not.toContain('0.0527');
  });
});

describe('renderTables', () => {
  it('knows the formats', () => {
    expect(FORMATS).toEqual(['terminal', 'md', 'csv', 'json', 'html', 'xlsx']);
    expect(isFormat('md')).toBe(true);
    expect(isFormat('pdf')).toBe(false);
  });

  it('dispatches to each renderer', async () => {
    const opts = { ...da, color: false, excelCsv: true, title: 'Memo' };
    const out = Object.fromEntries(
      await Promise.all(FORMATS.map(async (f) => [f, await renderTables(goldenTables, f, opts)])),
    );
    expect(out.terminal).toContain('│ I alt              │ 9.872 │ 100,0 │');
    expect(out.terminal).not.toContain('\u001b[');
    expect(out.md).toContain('### Afsluttede forløb efter årsag');
    expect(out.csv).toMatch(/^\uFEFFAfsluttede forløb efter årsag\r\n/);
    expect(out.json).toMatch(/^\{\n {2}"tables": \[/);
    expect(out.html).toContain('<h1 style="');
    expect(Buffer.isBuffer(out.xlsx)).toBe(true);
    expect((out.xlsx as Buffer).subarray(0, 2).toString()).toBe('PK');
  });
});
