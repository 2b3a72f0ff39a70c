/**
 * The fast CSV path against the general one (csv-parse), on every CSV fixture and on a few
 * hundred generated files full of what exports get wrong: the same RawTable (cells, line
 * numbers, header, title rows, trailing lines) and, through the schema layer, the same courses,
 * rejections, skips, unknown values and notes. The fast path may decline a file (quotes, not
 * UTF-8); it may never give a different answer.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvFast } from '../../src/io/fast-csv.js';
import type { RawTable, ReadOptions } from '../../src/io/raw.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { headerScore, mapColumns } from '../../src/schema/columns.js';
import { makePseudonymiser } from '../../src/schema/cpr.js';
import { normalise } from '../../src/schema/normalise/index.js';
import { buildVocabSet, DEFAULT_VOCABULARIES } from '../../src/schema/vocab.js';
import { pick, rng } from '../../scripts/lib/testdata.mjs';

const dir = mkdtempSync(join(tmpdir(), 'jobfx-fastcsv-'));
const vocab = buildVocabSet(DEFAULT_VOCABULARIES);

type Outcome = { ok: true; table: RawTable } | { ok: false; error: string } | { ok: 'declined' };

async function general(file: string, opts: ReadOptions): Promise<Outcome> {
  try {
    return { ok: true, table: await readCsvFile(file, readFileSync(file), opts) };
  } catch (e) {
    return { ok: false, error: `${(e as { kind?: string }).kind}: ${(e as Error).message}` };
  }
}

function fast(file: string, opts: ReadOptions): Outcome {
  try {
    const table = readCsvFast(file, opts);
    return table ? { ok: true, table } : { ok: 'declined' };
  } catch (e) {
    return { ok: false, error: `${(e as { kind?: string }).kind}: ${(e as Error).message}` };
  }
}

const tableJson = (t: RawTable) =>
  JSON.stringify({ info: t.info, headers: t.headers, rows: t.rows, titleRows: t.titleRows });

/** Normalised through the table's own path (fast: bytes; general: RawRows), as comparable JSON. */
function normalisedJson(t: RawTable, keepColumns?: string[]): string {
  let mapping;
  try {
    mapping = mapColumns(t.headers, {}, 'f');
  } catch (e) {
    return `config error: ${(e as Error).message}`;
  }
  const r = normalise(t, mapping, {
    vocab,
    pseudonymise: makePseudonymiser('a-test-key-of-some-length'),
    keepColumns,
  });
  return JSON.stringify(r, (_k, v: unknown) => (v instanceof Map ? [...v] : v));
}

/** Both paths on one file: declined, or exactly the same answer. Returns whether the fast path took it. */
async function same(file: string, opts: Partial<ReadOptions> = {}, keepColumns?: string[]): Promise<boolean> {
  const o = { headerScore, ...opts };
  const a = fast(file, o);
  if (a.ok === 'declined') return false;
  const b = await general(file, o);
  if (a.ok === false || b.ok === false) {
    expect(a.ok === false ? a.error : 'no error', file).toBe(b.ok === false ? b.error : 'no error');
    return true;
  }
  if (a.ok !== true || b.ok !== true) throw new Error('unreachable');
  expect(tableJson(a.table), file).toBe(tableJson(b.table));
  // A fresh fast table, so that normalise scans bytes rather than the rows read above.
  const again = readCsvFast(file, o)!;
  expect(normalisedJson(again, keepColumns), file).toBe(normalisedJson(b.table, keepColumns));
  return true;
}

describe('fast CSV path = csv-parse path', () => {
  const fixtures = [
    'fixtures/csv',
    'fixtures/demo',
    'fixtures/keyfigures',
    'fixtures/yoy',
    'fixtures/compare',
    'fixtures/hostile',
  ]
    .flatMap((d) => readdirSync(d).map((f) => join(d, f)))
    .filter((f) => f.endsWith('.csv'));

  it.each(fixtures)('%s', async (file) => {
    await same(file);
    await same(file, { delimiter: ';' });
  });

  it('takes RFC 4180 quotes, Windows-1252 and UTF-8 with stray bytes; declines stray quotes', async () => {
    const quoted = join(dir, 'quoted.csv');
    writeFileSync(
      quoted,
      'CPR-nr.;Startdato;"Vær;ksted"\n"010203-1234";01-01-2024;"Park ""Vest""\r\nog ;vej"\n',
    );
    expect(readCsvFast(quoted, { headerScore })).not.toBeNull();
    expect(await same(quoted)).toBe(true);
    const latin = join(dir, 'latin.csv');
    writeFileSync(
      latin,
      Buffer.from('CPR-nr.;Startdato;V\xe6rksted\n0102031234;01-01-2024;Park \x80\n', 'latin1'),
    );
    expect(readCsvFast(latin, { headerScore })?.info.encoding).toBe('windows-1252');
    expect(await same(latin)).toBe(true);
    const plain = join(dir, 'plain.csv');
    writeFileSync(plain, 'CPR-nr.;Startdato\n0102031234;01-01-2024\n');
    expect(readCsvFast(plain, { headerScore, encoding: 'windows-1252' })?.info.encoding).toBe('windows-1252');
    expect(readCsvFast(plain, { headerScore })).not.toBeNull();
    for (const [name, text] of [
      ['stray', 'CPR-nr.;Startdato\n01020"3-1234;01-01-2024\n'],
      ['after-close', 'CPR-nr.;Startdato\n"010203"-1234;01-01-2024\n'],
      ['unclosed', 'CPR-nr.;Startdato\n"010203-1234;01-01-2024\n'],
    ] as const) {
      const f = join(dir, `q-${name}.csv`);
      writeFileSync(f, text);
      expect(readCsvFast(f, { headerScore }), name).toBeNull();
    }
    const mixed = join(dir, 'mixed.csv');
    writeFileSync(
      mixed,
      Buffer.concat([Buffer.from('CPR-nr.;Startdato;Værksted\n'), Buffer.from('x;y;\xe6\n', 'latin1')]),
    );
    // UTF-8 with one stray Windows-1252 byte (line 2): the fast path decodes it per chunk.
    const taken = readCsvFast(mixed, { headerScore });
    expect(taken?.info.encoding).toBe('utf-8');
    expect(taken?.info.notes.map((n) => n.text).join()).toMatch(/1 byte\(s\) on line 2 are not UTF-8/);
    expect(await same(mixed)).toBe(true);
  });

  it('reads quoted and Windows-1252 files larger than one read like csv-parse', async () => {
    const rows = ['"CPR-nr.";"Startdato";"Slutdato";"Afslutningsårsag";"Værksted"'];
    for (let i = 0; i < 40_000; i++)
      rows.push(
        `"${String((i % 28) + 1).padStart(2, '0')}0385-${String(1000 + (i % 8999))}";"15-01-2024";"";"";"Park ""${i}""${i % 7 === 0 ? '\r\nvej' : ''}; æ"`,
      );
    const file = join(dir, 'big-quoted.csv');
    writeFileSync(file, rows.join('\r\n') + '\r\n');
    expect(await same(file)).toBe(true);
    const latin = join(dir, 'big-latin.csv');
    writeFileSync(latin, Buffer.from(rows.join('\n') + '\n', 'latin1'));
    expect(await same(latin)).toBe(true);
  }, 240_000);

  it('reads UTF-16 and UTF-8 with stray bytes chunk by chunk like the whole-file decode', async () => {
    // Rows over several reads (the decoder reads 512 KB at a time) with every line end, quotes,
    // æøå and a character outside the BMP (a UTF-16 surrogate pair).
    const rows = ['CPR-nr.;Startdato;Slutdato;Afslutningsårsag;Værksted'];
    for (let i = 0; i < 30_000; i++)
      rows.push(
        `${String((i % 28) + 1).padStart(2, '0')}0385-${String(1000 + (i % 8999))};15-01-2024;;${i % 3 ? 'Job' : '"Afbrudt ""x"";\r\ny"'};Park ø${i % 11 ? '' : ' \u{1F600}'}`,
      );
    const ends = ['\r\n', '\n', '\r'];
    const text = rows.map((r, i) => r + ends[i % 3]).join('');
    for (const enc of ['utf16le', 'utf16be'] as const) {
      const file = join(dir, `big-${enc}.csv`);
      const le = Buffer.from('\uFEFF' + text, 'utf16le');
      writeFileSync(file, enc === 'utf16le' ? le : Buffer.from(le).swap16());
      const t = readCsvFast(file, { headerScore });
      expect(t?.info.encoding, enc).toBe(enc === 'utf16le' ? 'utf-16le' : 'utf-16be');
      expect(await same(file)).toBe(true);
    }
    // UTF-8 with a stray Windows-1252 "æ" (byte E6) on every 97th line, and, where a read ends,
    // a stray byte as the last byte of the read and a UTF-8 "æ" cut in two by it.
    const parts: Buffer[] = [];
    let size = 0;
    const add = (b: Buffer) => {
      parts.push(b);
      size += b.length;
    };
    const READ = 1 << 19;
    rows.forEach((r, i) => {
      const line = Buffer.from(r + ends[i % 3]);
      if (size < READ && size + line.length + 2 >= READ) {
        add(Buffer.from('x'.repeat(READ - 1 - size)));
        add(Buffer.from([0xe6])); // the last byte of the first read
        add(Buffer.from('\n'));
      }
      if (size < 2 * READ && size + line.length + 2 >= 2 * READ) {
        add(Buffer.from('y'.repeat(2 * READ - 1 - size)));
        add(Buffer.from('æ\r')); // C3 | A6: cut by the second read's end
      }
      add(i % 97 === 5 ? Buffer.concat([line.subarray(0, 3), Buffer.from([0xe6]), line.subarray(3)]) : line);
    });
    const stray = join(dir, 'big-stray.csv');
    writeFileSync(stray, Buffer.concat(parts));
    const t = readCsvFast(stray, { headerScore });
    expect(t?.info.encoding).toBe('utf-8');
    // Worked by hand: 310 rows r = 5 + 97k (k = 0..309) and the one at the read's end; row r
    // is on line 1 + r + (rows before it spanning two lines: 1, 4, 7, ...): 8, 137, 266.
    expect(t?.info.notes[0]?.text).toMatch(/is UTF-8, but 311 byte\(s\) on lines 8, 137, 266, /);
    expect(await same(stray)).toBe(true);
    // With a BOM, too (decode() then repairs even without a UTF-8 sequence).
    const bom = join(dir, 'big-stray-bom.csv');
    writeFileSync(bom, Buffer.concat([Buffer.from('\uFEFF'), ...parts]));
    expect(readCsvFast(bom, { headerScore })?.info.encoding).toBe('utf-8 (BOM)');
    expect(await same(bom)).toBe(true);
    // --encoding utf-8 over the same bytes: U+FFFD for each, as the whole-file decoder gives.
    expect(await same(stray, { encoding: 'utf-8' })).toBe(true);
  }, 240_000);

  it('takes the common export and scans it in pieces larger than one read', async () => {
    const rows = ['\uFEFFCPR-nr.;Startdato;Slutdato;Afslutningsårsag;Værksted'];
    for (let i = 0; i < 60_000; i++)
      rows.push(
        `${String((i % 28) + 1).padStart(2, '0')}0385-${String(1000 + (i % 8999))};15-01-2024;;;Park & vej`,
      );
    const file = join(dir, 'big.csv');
    writeFileSync(file, rows.join('\r\n') + '\r\n');
    expect(await same(file)).toBe(true);
  });

  it('agrees on generated exports with every quirk (seeded)', async () => {
    let taken = 0;
    const cases = 250;
    for (let seed = 1; seed <= cases; seed++) {
      const file = join(dir, `gen-${seed}.csv`);
      const text = generate(seed);
      // Some files as Windows-1252 (æøå as single bytes), as Danish Excel writes them.
      // And some as UTF-16, or as UTF-8 with a stray Windows-1252 byte pasted in.
      const bytes =
        seed % 5 === 0
          ? Buffer.from(text.replace(/^\uFEFF+/, ''), 'latin1')
          : seed % 7 === 0
            ? Buffer.from(text, 'utf16le')
            : seed % 11 === 0
              ? Buffer.concat([
                  Buffer.from(text.slice(0, text.length >> 1)),
                  Buffer.from([0xf8]),
                  Buffer.from(text.slice(text.length >> 1)),
                ])
              : Buffer.from(text);
      writeFileSync(file, bytes);
      const r = rng(seed);
      const opts: Partial<ReadOptions> = r() < 0.15 ? { headerRow: 1 + Math.floor(r() * 4) } : {};
      if (r() < 0.15) opts.delimiter = pick(r, [';', ',', '\t']);
      if (r() < 0.1) opts.encoding = 'utf-8';
      if (await same(file, opts, r() < 0.2 ? ['Værksted', 'Ukendt kolonne'] : undefined)) taken++;
    }
    // The generator leaves most files unquoted and UTF-8: the fast path must take them.
    expect(taken).toBeGreaterThan(cases * 0.6);
  });
});

// ---------------------------------------------------------------------------------------------
// A generator of awkward exports.

const HEADERS = [
  'CPR-nr.',
  'Borger-id',
  'Startdato',
  'Slutdato',
  'Afslutningsårsag',
  'Målgruppe',
  'Uddannelse',
  'Tilbud',
  'Værksted',
  'Gruppe',
  'Køn',
  'Status 1 md',
  'Status 3 mdr',
  'Noget andet',
  '',
];
const CPRS = [
  '150385-1235',
  '1503851235',
  '708990007',
  '150385 1235',
  ' 150385-1235',
  '150385-1235 ',
  '310285-1234',
  '3102851234',
  '0101011111',
  '010101-4111',
  '12345',
  'abc',
  '',
  '-',
  '..',
  '150385\u00a01235',
  '2902004002',
  '010125-4123',
  '0101254123',
  '160124-4123',
];
const DATES = [
  '15-01-2024',
  '14-01-2024',
  '16-01-2024',
  '2024-01-14',
  '01-03-2024',
  '5-1-2024',
  '15.01.2024',
  '15/01/2024',
  '2024-01-15',
  '2024-1-5',
  '15-01-24',
  '31-02-2024',
  '29-02-2024',
  '29-02-2023',
  '00-01-2024',
  '15-13-2024',
  '15-01-0050',
  '15-01-0999',
  ' 15-01-2024',
  '15-01-2024 00:00',
  '2024-01-15T10:00:00Z',
  '45123',
  '0',
  '',
  '-',
  '.',
  'ukendt',
  '15-01-2024x',
  '1x-01-2024',
  '15-01-20x4',
  '2x24-01-15',
];
const VALUES = [
  'Ordinært job',
  'ordinært JOB',
  'Job',
  'Afbrudt',
  'Noget helt andet',
  'Uoplyst',
  'Jobparat',
  'Forsikret ledig',
  'Grundskole',
  'Gymnasial uddannelse',
  'Indsats',
  'Kontrol',
  'M',
  'kvinde',
  'Ledig',
  'Selvforsørget',
  'I alt',
  'Total',
  'sum',
  'total 5',
  'Grand total',
  ' ',
  '',
  '-',
  '..',
  '\u00a0',
  'æøå ÆØÅ',
  'Park & vej',
  'tab\there',
  '=SUM(A1)',
  'x'.repeat(300),
  '\u3000',
];

function generate(seed: number): string {
  const r = rng(seed * 7919);
  const d = pick(r, [';', ';', ';', ',', '\t', '|']);
  const nl = () => pick(r, ['\n', '\r\n', '\r\n', '\r']);
  const width = 3 + Math.floor(r() * 9);
  const headers = Array.from({ length: width }, (_, i) =>
    i === 0 ? pick(r, ['CPR-nr.', 'CPR-nr.', 'Borger-id']) : i === 1 ? 'Startdato' : pick(r, HEADERS),
  );
  const lines: string[] = [];
  if (r() < 0.2) lines.push('Udtræk fra Momentum', '');
  lines.push(headers.join(d));
  const n = Math.floor(r() * 40);
  for (let i = 0; i < n; i++) {
    const kind = r();
    if (kind < 0.05) lines.push('');
    else if (kind < 0.08) lines.push(d.repeat(Math.floor(r() * 4)));
    else if (kind < 0.1) lines.push(['-', '.', '..'].join(d));
    else if (kind < 0.13) lines.push(pick(r, ['I alt', ' Total', 'Sum:', 'i  alt']) + d + '42');
    else {
      const w = width + (r() < 0.1 ? Math.floor(r() * 5) - 2 : 0);
      const cells = Array.from({ length: Math.max(1, w) }, (_, j) => {
        const h = headers[j] ?? '';
        if (j === 0) return pick(r, CPRS);
        if (h === 'Startdato' || h === 'Slutdato') return pick(r, DATES);
        return pick(r, VALUES);
      });
      // A delimiter inside a value would need quotes: keep the row's shape honest.
      lines.push(cells.map((c) => c.split(d).join(' ')).join(d));
    }
    if (r() < 0.05 && lines.length > 2) lines.push(lines[lines.length - 2]!);
  }
  let text = lines.map((l) => l + nl()).join('');
  if (r() < 0.3) text = text.replace(/[\r\n]+$/, '');
  if (r() < 0.2) text += nl() + nl() + '  ' + nl();
  if (r() < 0.05) text = text.replace(/Ordinært job/g, '"Ordinært job"');
  // RFC 4180 quoting of whole fields, with "" and delimiters and line breaks inside.
  if (r() < 0.2)
    text = text.replace(
      /(^|[;,\t|\r\n])(Park & vej|æøå ÆØÅ|Job|Ledig|15-01-2024)(?=[;,\t|\r\n]|$)/g,
      (_m, pre: string, v: string) =>
        r() < 0.5
          ? `${pre}"${pick(r, [v, `${v}""x""`, `${v}${d}y`, `${v}\r\nz`, `${v}\rz`, ''])}"`
          : `${pre}${v}`,
    );
  return (r() < 0.5 ? '\uFEFF' : '') + (r() < 0.03 ? '\uFEFF' : '') + text;
}
