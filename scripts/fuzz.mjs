// npm run fuzz: mutates the fixtures and runs the real binary on them, for a bounded time.
//
// Every input must end in one of two ways: success with read = accepted + rejected + skipped,
// or one clear message (`jobfx: error: ...`, no stack trace) and the exit code of the scheme
// (1 data, 2 usage/config, 3 unreadable input). A crash (any other exit, a stack trace, an
// "unexpected error") or a hang (no answer within the time limit) is a failure; the input is
// saved under fixtures/fuzz/ as a regression fixture, which test/fuzz/regressions.test.ts runs.
// CSV inputs are also read in-process by the fast and the general path, which must agree.
//
//   npm run fuzz                     5 minutes, figures written to BENCHMARKS.md
//   npm run fuzz:ci                  45 seconds, nothing written, exit 1 on any failure
//   node scripts/fuzz.mjs --seconds 60 --seed 7 --no-write --no-save
//   node scripts/fuzz.mjs --seconds 60 --planted --no-write --no-save   CPR forms and hostile text only
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { inflateRawSync } from 'node:zlib';
import { hostilePathCase } from './lib/fuzz-paths.mjs';
import { SaxesParser } from 'saxes';
import { minimalParts, rng, zip } from './lib/testdata.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const argv = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const seconds = Number(arg('--seconds', '300'));
const seed0 = Number(arg('--seed', String(Date.now() % 1_000_000)));
const jobs = Number(arg('--jobs', String(Math.max(1, os.cpus().length))));
const timeoutMs = Number(arg('--timeout', '30')) * 1000;
const write = !argv.includes('--no-write');
const save = !argv.includes('--no-save');
// Only the planted CPR numbers and hostile characters (plantedExport), e.g. after changing a writer.
const onlyPlanted = argv.includes('--planted');

if (!existsSync(join(root, 'dist/main.js'))) {
  console.error('build first: npm run build');
  process.exit(2);
}
const tmp = mkdtempSync(join(os.tmpdir(), 'jobfx-fuzz-'));
const saveDir = join(root, 'fixtures/fuzz');

// ---------------------------------------------------------------------------------------------
// Seeds and mutators.

let r = rng(seed0);
const int = (n) => Math.floor(r() * n);
const pick = (xs) => xs[int(xs.length)];

const fixtureFiles = [
  'fixtures/csv',
  'fixtures/demo',
  'fixtures/keyfigures',
  'fixtures/yoy',
  'fixtures/xlsx',
  'fixtures/big',
  'fixtures/compare',
  'fixtures/hostile',
]
  .flatMap((d) => (existsSync(join(root, d)) ? readdirSync(join(root, d)).map((f) => join(root, d, f)) : []))
  .filter((f) => /\.(csv|xlsx)$/.test(f));
const seeds = fixtureFiles.map((f) => ({ name: basename(f), ext: extname(f), bytes: readFileSync(f) }));
const csvSeeds = seeds.filter((s) => s.ext === '.csv' && s.bytes.length > 0);
const xlsxSeeds = seeds.filter((s) => s.ext === '.xlsx' && s.bytes[0] === 0x50 && s.bytes[1] === 0x4b);

const CSV_MUTATORS = {
  truncate: (b) => b.subarray(0, int(b.length + 1)),
  'flip bytes': (b) => {
    const c = Buffer.from(b);
    for (let i = 0, n = 1 + int(20); i < n && c.length; i++) c[int(c.length)] ^= 1 << int(8);
    return c;
  },
  'shuffle delimiters': (b) => {
    const s = b.toString('latin1');
    const ds = [';', ',', '\t', '|'];
    return Buffer.from(
      s.replace(/[;,\t]/g, (d) => (r() < 0.2 ? pick(ds) : r() < 0.05 ? '' : d)),
      'latin1',
    );
  },
  'drop and add quotes': (b) => {
    const s = b.toString('latin1');
    let out = '';
    for (const ch of s) {
      if (ch === '"' && r() < 0.3) continue;
      out += ch;
      if (r() < 0.003) out += '"';
    }
    return Buffer.from(out, 'latin1');
  },
  'drop and duplicate lines': (b) => {
    const lines = b.toString('latin1').split('\n');
    const out = [];
    for (const l of lines) {
      if (r() < 0.1) continue;
      out.push(l);
      if (r() < 0.1) out.push(l);
    }
    if (r() < 0.3) out.splice(int(out.length), 0, ...Array(1000).fill(''));
    return Buffer.from(out.join(pick(['\n', '\r\n', '\r'])), 'latin1');
  },
  'very long field': (b) => {
    const s = b.toString('utf8');
    const at = int(s.length);
    return Buffer.from(
      s.slice(0, at) + pick(['x', 'æ', '1', ' ', '-']).repeat(50_000 + int(200_000)) + s.slice(at),
    );
  },
  '10,000 columns': (b) => {
    const lines = b.toString('utf8').split(/\r?\n/);
    const wide = Array.from({ length: 10_000 }, (_, i) => `Kolonne ${i}`).join(';');
    const i = int(Math.min(lines.length, 5));
    lines[i] = (lines[i] ?? '') + ';' + wide;
    if (lines[i + 1] !== undefined) lines[i + 1] += ';' + '1;'.repeat(10_000);
    return Buffer.from(lines.join('\n'));
  },
  'binary junk': (b) => {
    const junk = Buffer.from(Array.from({ length: 1 + int(5000) }, () => int(256)));
    const at = int(b.length + 1);
    return r() < 0.3 ? junk : Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]);
  },
  'wrong encoding': (b) => {
    const s = b.toString('utf8');
    switch (int(4)) {
      case 0:
        return Buffer.from(s, 'utf16le');
      case 1:
        return Buffer.from(Buffer.from(s, 'utf8').toString('latin1'), 'utf8'); // UTF-8 twice
      case 2:
        return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
      default:
        return Buffer.from(s, 'latin1');
    }
  },
  'line ends and BOMs': (b) => {
    let s = b.toString('utf8').replace(/\r?\n/g, () => pick(['\n', '\r\n', '\r', '\n\n']));
    if (r() < 0.5) s = '\uFEFF\uFEFF' + s;
    return Buffer.from(s);
  },
  empty: () => Buffer.from(pick(['', '\uFEFF', '\n\n\n', ';;;', '\u0000'])),
};

// Valid exports made from scratch, in the shapes that once lost rows or misread text (issue
// #14): every line end, encodings (Windows-1252, UTF-8 with one 1252 word, UTF-16), RFC 4180
// quoting, "no end" dates. Each knows its row count, and a run that reads another number of
// rows fails (a merged or split row keeps read = accepted + rejected, so only this finds it).
const CPRS = ['1503851235', '0207922348', '708990007', '0504054002', '3112701236', '2902004002'];
function generatedExport() {
  const n = 1 + int(300);
  const d = pick([';', ',', '\t']);
  const quote = r() < 0.4;
  // A field with a delimiter, quote or line break is always quoted; others now and then.
  const q = (v) =>
    quote && (r() < 0.7 || /["\r\n]/.test(v) || v.includes(d)) ? `"${v.replaceAll('"', '""')}"` : v;
  const head = ['CPR-nr.', 'Startdato', 'Slutdato', 'Afslutningsårsag', 'Værksted'];
  const ends = pick([['\n'], ['\r\n'], ['\r'], ['\n', '\r\n', '\r']]);
  const lines = [head.map(q).join(d)];
  for (let i = 0; i < n; i++) {
    const start = `${String(1 + (i % 28)).padStart(2, '0')}-${String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')}-${2000 + Math.floor(i / 336)}`;
    const end = pick(['', '31-12-9999', '9999-12-31', '31.12.2030', '15-13-2024', '01-01-1850']);
    const unit = pick([
      'Park & vej',
      'Malerværksted',
      'Rengøring',
      quote ? 'Park "Vest"; hal 2' : 'Park Vest',
    ]);
    const reason = quote && r() < 0.1 ? 'Job\r\nog uddannelse' : pick(['Job', 'Uddannelse', '']);
    // The person in any form the parser reads (the separators the redaction knows): none may be
    // rejected as "not a CPR number" (judge).
    const cpr = CPRS[i % CPRS.length];
    const person =
      cpr.length === 10 && r() < 0.5
        ? cpr.slice(0, 6) + pick(PLANT_SEPARATORS.filter((x) => x !== d)) + cpr.slice(6)
        : cpr;
    lines.push([person, start, end, reason, unit].map(q).join(d));
  }
  const text = lines.map((l) => l + pick(ends)).join('');
  let bytes;
  let what;
  switch (int(5)) {
    case 0:
      // Windows-1252 has no en dash or minus sign at the code points 'latin1' writes: a hyphen.
      [bytes, what] = [Buffer.from(text.replace(/[\u2011-\u2014\u2212]/g, '-'), 'latin1'), 'windows-1252'];
      break;
    case 1: {
      const at = text.indexOf('Malerværksted');
      bytes =
        at < 0
          ? Buffer.from(text)
          : Buffer.concat([
              Buffer.from(text.slice(0, at)),
              Buffer.from('Malerværksted', 'latin1'),
              Buffer.from(text.slice(at + 13)),
            ]);
      what = 'utf-8 with a 1252 word';
      break;
    }
    case 2:
      [bytes, what] = [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'];
      break;
    case 3:
      [bytes, what] = [
        Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
        'utf-16be',
      ];
      break;
    default:
      [bytes, what] = [Buffer.from('\uFEFF' + text), 'utf-8'];
  }
  return {
    kind: `generated: ${what}${quote ? ', quoted' : ''}`,
    ext: '.csv',
    bytes,
    seed: 'generator',
    expectRows: n,
  };
}

/** Inputs that are huge or not files at all: each must end (or be refused) within the time limit. */
function oddInput() {
  switch (int(3)) {
    case 0:
      return {
        kind: 'odd: one 5 MB line',
        ext: '.csv',
        bytes: Buffer.from('Startdatoforloeb'.repeat(5 * 65536)),
        seed: 'generator',
      };
    case 1:
      return {
        kind: 'odd: 100,000 short lines of one field',
        ext: '.csv',
        bytes: Buffer.from('x\r'.repeat(100_000)),
        seed: 'generator',
      };
    default:
      return {
        kind: 'odd: /dev/zero',
        ext: '',
        path: '/dev/zero',
        bytes: Buffer.alloc(0),
        seed: 'generator',
      };
  }
}

// CPR numbers where none belongs, and characters no output can carry (issue #14): every form
// the CPR parser reads (and the separators people type) in values, headers, the file name, the
// folder name and, in a workbook, the sheet names; U+2028/U+2029 (vega), U+FFFF and C0 controls
// (XML), bidi and C1 controls (terminals), Markdown links and images. A run must print none of
// the planted numbers in any form, anywhere (stdout, stderr, side files), and write well-formed
// xlsx and SVG and Markdown without a live link (judgePlanted).
const PLANT_NUMBERS = ['1503851235', '1610851234', '1710851234', '0912921235', '1208861237'];
const PLANT_SEPARATORS = ['', '-', ' ', '.', '\u2013', '\u2014', '\u2011', '\u2212', '\u00a0'];
const cprForm = () => {
  const d = pick(PLANT_NUMBERS);
  return d.startsWith('0') && r() < 0.3 ? d.slice(1) : d.slice(0, 6) + pick(PLANT_SEPARATORS) + d.slice(6);
};
// Characters no output may carry (controls, bidi overrides, line separators, non-characters).
/* eslint-disable no-control-regex -- the point of this pattern */
const UNSAFE_CHARS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u0080-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]/;
/* eslint-enable no-control-regex */
/** Every form of every planted number, for the scan (digits on either side: a longer number). */
const PLANTED = new RegExp(
  `(?<!\\d)(${PLANT_NUMBERS.flatMap((d) => [
    ...PLANT_SEPARATORS.map((s) => d.slice(0, 6) + s + d.slice(6)),
    ...(d.startsWith('0') ? [d.slice(1)] : []),
  ]).join('|')})(?!\\d)`,
);
/** What GFM makes a link of by itself: a scheme's "://", "www.", an e-mail address (unescaped). */
const MD_AUTOLINK = /(?:https?|ftp):\/\/|(?<![\\\w])www\.|[\w.+-]@[\w-]+\./i;
const HOSTILE_XML_OK = [
  '\u2028',
  '\u2029',
  '\u202e',
  '\u2066',
  '\u0085',
  '\u009b',
  '[klik](javascript:alert(1))',
  '![x](http://example.invalid/x.png)',
  // Bare URLs and addresses GFM turns into links by itself.
  'http://evil.example',
  'se www.evil.example',
  'skriv til x@evil.example',
];
const HOSTILE = [...HOSTILE_XML_OK, '\uffff', '\ufffe', '\u0001', '\u001b[31m'];

function plantedExport() {
  const xlsx = r() < 0.35;
  const hostile = xlsx ? HOSTILE_XML_OK : HOSTILE;
  const odd = () => (r() < 0.5 ? cprForm() : `x${pick(hostile)}y`);
  const head = [
    'CPR-nr.',
    'Startdato',
    'Slutdato',
    'Afslutningsårsag',
    'Værksted',
    'Målgruppe',
    `Note ${cprForm()}`,
  ];
  const rows = [];
  for (let i = 0, n = 5 + int(40); i < n; i++) {
    const d = pick(CPRS);
    const person = d.length === 10 && r() < 0.5 ? d.slice(0, 6) + pick(['-', ' ']) + d.slice(6) : d;
    const start = `${String(1 + (i % 28)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${2024 + (i % 2)}`;
    rows.push([
      r() < 0.1 ? cprForm() : person,
      start,
      r() < 0.3 ? '' : `28-${String(1 + (i % 12)).padStart(2, '0')}-2026`,
      r() < 0.3 ? `Se ${odd()}` : pick(['Job', 'Uddannelse', '']),
      r() < 0.4 ? odd() : 'Park & vej',
      r() < 0.3 ? odd() : 'Jobparat',
      odd(),
    ]);
  }
  const dir = cprForm();
  const name = cprForm();
  if (!xlsx) {
    const text =
      [head, ...rows].map((l) => l.map((v) => v.replaceAll(';', ',')).join(';')).join('\r\n') + '\r\n';
    return {
      kind: 'planted: csv',
      ext: '.csv',
      bytes: Buffer.from(text),
      seed: 'generator',
      dir,
      name,
      plant: true,
    };
  }
  const esc = (s) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
  const col = (j) => String.fromCharCode(65 + j);
  const sheetRows = [head, ...rows]
    .map(
      (l, i) =>
        `<row r="${i + 1}">${l.map((v, j) => `<c r="${col(j)}${i + 1}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`).join('')}</row>`,
    )
    .join('');
  const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`;
  const sheets = [`Ark ${cprForm()}`.slice(0, 31), cprForm()];
  const workbook = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`;
  const bytes = zip([
    ['xl/workbook.xml', Buffer.from(workbook)],
    ['xl/_rels/workbook.xml.rels', Buffer.from(rels)],
    ['xl/worksheets/sheet1.xml', Buffer.from(sheet)],
    [
      'xl/worksheets/sheet2.xml',
      Buffer.from(
        `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`,
      ),
    ],
  ]);
  return { kind: 'planted: xlsx', ext: '.xlsx', bytes, seed: 'generator', dir, name, plant: true };
}

/** The commands a planted input runs: every format, and the side files (SIDE is replaced by a path). */
const PLANT_COMMANDS = [
  ['inspect', '--format', 'json', '--rejects', 'SIDE.csv'],
  ['inspect', '--rejects', 'SIDE.csv'],
  ['keyfigures', '--period', '2024', '--suppress', '0', '--format', 'md'],
  ['keyfigures', '--period', '2024', '--suppress', '0', '--out', 'SIDE.xlsx'],
  ['exits', '--grouped', '--suppress', '0', '--format', 'html'],
  ['exits', '--grouped', '--suppress', '0', '--format', 'csv', '--rejects', 'SIDE.csv'],
  ['repeats', '--period', '2024', '--suppress', '0', '--format', 'json', '--list', 'SIDE.csv'],
  [
    'yoy',
    '--rows',
    'unit',
    '--years',
    '2024-2025',
    '--suppress',
    '0',
    '--format',
    'md',
    '--chart',
    'SIDE.svg',
  ],
  ['yoy', '--rows', 'targetGroup', '--years', '2024-2025', '--suppress', '0', '--out', 'SIDE.xlsx'],
];

/** XML that saxes (a conforming parser) reads without an error; the error otherwise. */
function xmlError(text) {
  const p = new SaxesParser();
  let error = null;
  p.on('error', (e) => {
    error ??= e.message;
  });
  try {
    p.write(text).close();
  } catch (e) {
    error ??= e.message;
  }
  return error;
}

/** null when a planted input's run printed no planted number and wrote well-formed files, else what is wrong. */
function judgePlanted(res, sides) {
  const texts = [
    ['stdout', res.stdout],
    ['stderr', res.stderr],
  ];
  for (const f of sides) {
    if (!existsSync(f)) continue;
    if (f.endsWith('.xlsx')) {
      const entries = unzip(readFileSync(f));
      if (!entries) return `${basename(f)}: not a zip`;
      for (const [n, data] of entries)
        if (/\.(xml|rels)$/.test(n)) {
          const text = data.toString('utf8');
          const error = xmlError(text);
          if (error) return `${basename(f)} ${n}: not well-formed XML (${error})`;
          texts.push([`${basename(f)} ${n}`, text]);
        }
    } else {
      const text = readFileSync(f, 'utf8');
      if (f.endsWith('.svg')) {
        const error = xmlError(text);
        if (error) return `${basename(f)}: not well-formed SVG (${error})`;
      }
      texts.push([basename(f), text]);
    }
  }
  if (
    res.code === 0 &&
    sides.some((f) => f.endsWith('.svg')) &&
    !sides.some((f) => f.endsWith('.svg') && existsSync(f))
  )
    return 'no chart written';
  for (const [where, text] of texts) {
    const m = PLANTED.exec(text);
    if (m) return `a CPR number in ${where}: ${JSON.stringify(m[0].replace(/\d/g, '9'))}`;
    if (UNSAFE_CHARS.test(text)) return `an unsafe character in ${where}`;
    if (where === 'stdout' && res.args.includes('md') && /(?<!\\)!?\[[^\]\n]*(?<!\\)\]\(/.test(text))
      return `a live Markdown link in ${where}`;
    if (where === 'stdout' && res.args.includes('md') && MD_AUTOLINK.test(text))
      return `a Markdown autolink in ${where}`;
  }
  return null;
}

const XLSX_MUTATORS = {
  'not a zip': () =>
    r() < 0.5
      ? Buffer.from('CPR-nr.;Startdato\n0102031234;01-01-2024\n')
      : Buffer.from(Array.from({ length: 2000 }, () => int(256))),
  'truncated zip': (b) => b.subarray(0, int(b.length)),
  'flip zip bytes': (b) => {
    const c = Buffer.from(b);
    for (let i = 0, n = 1 + int(10); i < n; i++) c[int(c.length)] ^= 1 << int(8);
    return c;
  },
  'zip that is not an xlsx': () =>
    zip([
      ['readme.txt', Buffer.from('hej')],
      [pick(['xl/workbook.bin', 'content.xml', 'data/sheet1.xml']), Buffer.from('<x/>')],
    ]),
  'zip bomb': () => bomb(r() < 0.5),
  'mutate the XML': (b) =>
    mutateParts(b, (name, data) => {
      if (!/\.xml$/.test(name) || r() < 0.5) return data;
      const s = data.toString('utf8');
      switch (int(6)) {
        case 0:
          return Buffer.from(s.slice(0, int(s.length)));
        case 1:
          return Buffer.from(
            s.replace(/<v>(\d+)<\/v>/g, (m, v) =>
              r() < 0.1 ? `<v>${pick(['999999', '-1', 'x', '', '1e308', v + v])}</v>` : m,
            ),
          );
        case 2:
          return Buffer.from(
            s.replace(/ r="([A-Z]+)(\d+)"/g, (m, c, n) =>
              r() < 0.05 ? ` r="${pick(['', 'A0', c + (Number(n) + 1000000), 'ZZZZ1', c])}"` : m,
            ),
          );
        case 3:
          return Buffer.from(
            s.replace(/ t="\w+"/g, (m) =>
              r() < 0.1 ? pick([' t="b"', ' t="e"', ' t="str"', ' t="d"', ' t="x"', '']) : m,
            ),
          );
        case 4:
          return Buffer.from(
            s
              .replace(/<\/row>/g, (m) => (r() < 0.02 ? '' : m))
              .replace(/&/g, () => (r() < 0.1 ? '&bogus;' : '&')),
          );
        default: {
          const c = Buffer.from(s);
          for (let i = 0; i < 5; i++) c[int(c.length)] = pick([0x3c, 0x3e, 0x22, 0x26, 0x00, 0xff]);
          return c;
        }
      }
    }),
  'drop a part': (b) => mutateParts(b, (name, data) => (r() < 0.25 ? null : data)),
  'many rows': () => {
    const rows = Array.from(
      { length: 2000 },
      (_, i) =>
        `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>0102031234</t></is></c><c r="B${i + 2}"><v>45000</v></c></row>`,
    ).join('');
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>CPR-nr.</t></is></c><c r="B1" t="inlineStr"><is><t>Startdato</t></is></c></row>${rows}</sheetData></worksheet>`;
    return zip([...minimalParts(), ['xl/worksheets/sheet1.xml', Buffer.from(sheet)]]);
  },
};

/** 520 MB of spaces as a sheet, deflated to half a megabyte; optionally claiming to be 1 kB. Made once. */
const bombs = new Map();
function bomb(lying) {
  if (!bombs.has(lying)) {
    const big = Buffer.alloc(520e6, 0x20);
    bombs.set(lying, zip([...minimalParts(), ['xl/worksheets/sheet1.xml', big, lying ? 1000 : undefined]]));
  }
  return bombs.get(lying);
}

function unzip(buf) {
  try {
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
      if (buf.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    if (eocd < 0) return null;
    const out = [];
    let p = buf.readUInt32LE(eocd + 16);
    for (let n = buf.readUInt16LE(eocd + 10); n > 0; n--) {
      const method = buf.readUInt16LE(p + 10);
      const csize = buf.readUInt32LE(p + 20);
      const nameLen = buf.readUInt16LE(p + 28);
      const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
      const local = buf.readUInt32LE(p + 42);
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const raw = buf.subarray(start, start + csize);
      out.push([name, method === 8 ? inflateRawSync(raw) : raw]);
      p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    return out;
  } catch {
    return null;
  }
}

function mutateParts(b, f) {
  const entries = unzip(b);
  if (!entries) return b;
  return zip(entries.map(([n, d]) => [n, f(n, d)]).filter(([, d]) => d !== null));
}

function nextInput() {
  if (onlyPlanted || r() < 0.1) return plantedExport();
  if (r() < 0.15) return generatedExport();
  if (r() < 0.03) return oddInput();
  if (r() < 0.65 && csvSeeds.length > 0) {
    const s = pick(csvSeeds);
    const name = pick(Object.keys(CSV_MUTATORS));
    let bytes = CSV_MUTATORS[name](s.bytes);
    if (r() < 0.3) bytes = CSV_MUTATORS[pick(Object.keys(CSV_MUTATORS))](bytes);
    return { kind: `csv: ${name}`, ext: '.csv', bytes, seed: s.name };
  }
  const s = pick(xlsxSeeds);
  const name = pick(Object.keys(XLSX_MUTATORS));
  return { kind: `xlsx: ${name}`, ext: '.xlsx', bytes: XLSX_MUTATORS[name](s.bytes), seed: s.name };
}

// ---------------------------------------------------------------------------------------------
// Running one input and judging it.

const COMMANDS = [
  ['keyfigures', '--period', '2024', '--format', 'json'],
  ['keyfigures', '--format', 'csv', '--excel-csv'],
  ['inspect', '--format', 'json'],
  ['inspect'],
  ['exits', '--period', '2024', '--grouped', '--format', 'md'],
  ['repeats', '--period', '2024', '--format', 'json'],
  ['yoy', '--format', 'csv'],
  ['compare', '--outcome', 'exitGroup=job', '--format', 'json'],
];

function run(file, args) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, 'bin/jobfx.js'), args[0], file, ...args.slice(1)], {
      env: {
        ...process.env,
        NO_COLOR: '1',
        JOBFX_PSEUDONYM_KEY: 'fuzz-key-not-secret-0123456789',
        JOBFX_MAX_INPUT_MB: '64',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout.length < 4e6 ? (stdout += d) : null));
    child.stderr.on('data', (d) => (stderr.length < 1e6 ? (stderr += d) : null));
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ args, code, signal, stdout, stderr, hung });
    });
  });
}

/** null when the run kept the contract, else what went wrong. */
function judge(res, input) {
  if (res.hung) return 'hang';
  if (input?.expectRows !== undefined && res.code === 0) {
    const m = /(\d+) rows read =/.exec(res.stderr);
    let read = m ? Number(m[1]) : NaN;
    if (res.args[0] === 'inspect' && res.args.includes('json')) read = JSON.parse(res.stdout).rows.read;
    if (!Number.isNaN(read) && read !== input.expectRows)
      return `lost rows: ${read} read of ${input.expectRows} written`;
  }
  if (input?.expectRows !== undefined && res.args[0] === 'inspect' && res.code !== 0)
    return `a valid export was refused: ${res.stderr.split('\n')[0]}`;
  if (input?.expectRows !== undefined && /not a CPR number/.test(res.stdout + res.stderr))
    return 'a CPR number in a form the parser reads was rejected';
  const lines = res.stderr.split('\n').filter((l) => l !== '');
  if (/^\s+at /m.test(res.stderr) || /unexpected error/.test(res.stderr))
    return 'crash: stack trace or unexpected error';
  if (res.code === 0) {
    const m = /(\d+) rows read = (\d+) accepted \+ (\d+) rejected \+ (\d+) skipped/.exec(res.stderr);
    if (res.args[0] === 'inspect' && res.args.includes('json')) {
      try {
        const rows = JSON.parse(res.stdout).rows;
        if (rows.read !== rows.accepted + rows.rejected + rows.skippedBlank + rows.skippedTotals)
          return 'crash: read ≠ accepted + rejected + skipped';
      } catch {
        return 'crash: inspect --format json printed no JSON';
      }
      return null;
    }
    if (res.args[0] === 'inspect') return null;
    if (!m) return 'crash: success without the row accounting';
    if (Number(m[1]) !== Number(m[2]) + Number(m[3]) + Number(m[4]))
      return 'crash: read ≠ accepted + rejected + skipped';
    return null;
  }
  if (![1, 2, 3].includes(res.code)) return `crash: exit ${res.code ?? res.signal}`;
  const errors = lines.filter((l) => l.startsWith('jobfx: error: '));
  if (errors.length !== 1) return `crash: ${errors.length} error lines`;
  const other = lines.filter(
    (l) =>
      !/^jobfx: (error|warning|note): /.test(l) && !/^\(run jobfx --help/.test(l) && !/rows read =/.test(l),
  );
  if (other.length > 0) return `crash: stray stderr: ${other[0].slice(0, 100)}`;
  return null;
}

// The in-process comparison of the fast and the general CSV path.
const { readCsvFast } = await import(join(root, 'dist/io/fast-csv.js'));
const { readCsvFile } = await import(join(root, 'dist/io/read-csv.js'));
const { headerScore, mapColumns } = await import(join(root, 'dist/schema/columns.js'));
const { normalise } = await import(join(root, 'dist/schema/normalise/index.js'));
const { makePseudonymiser } = await import(join(root, 'dist/schema/cpr.js'));
const { buildVocabSet, DEFAULT_VOCABULARIES } = await import(join(root, 'dist/schema/vocab.js'));
const vocab = buildVocabSet(DEFAULT_VOCABULARIES);

async function compareCsv(file) {
  const opts = { headerScore };
  const outcome = async (read) => {
    try {
      const t = await read();
      if (t === null) return null;
      let normalised;
      try {
        normalised = normalise(t, mapColumns(t.headers, {}, file), {
          vocab,
          pseudonymise: makePseudonymiser('fuzz-key-0123456789abcdef'),
        });
      } catch (e) {
        normalised = `error ${e.message}`;
      }
      return JSON.stringify(
        { info: t.info, headers: t.headers, titleRows: t.titleRows, n: normalised },
        (_k, v) => (v instanceof Map ? [...v] : v),
      );
    } catch (e) {
      return `error ${e.kind}: ${e.message}`;
    }
  };
  const fast = await outcome(() => readCsvFast(file, opts));
  if (fast === null) return 'declined';
  const general = await outcome(() => readCsvFile(file, readFileSync(file), opts));
  return fast === general ? 'same' : 'different';
}

// ---------------------------------------------------------------------------------------------

const stats = {
  tried: 0,
  ok: 0,
  byExit: {},
  crashes: 0,
  hangs: 0,
  differences: 0,
  fastTaken: 0,
  csvCompared: 0,
  saved: [],
};
const kinds = {};
const deadline = Date.now() + seconds * 1000;
let serial = 0;

async function worker() {
  while (Date.now() < deadline) {
    // Each input from its own generator: seed and number reproduce it, whatever runs beside it.
    const n = serial++;
    r = rng(seed0 * 7919 + n);
    if (r() < 0.08) {
      await pathCase(n);
      continue;
    }
    const input = nextInput();
    // A planted input lies in a folder and under a name holding CPR numbers; its side files in tmp.
    const sides = [];
    const args = input.plant
      ? pick(PLANT_COMMANDS).map((a) =>
          a.startsWith('SIDE') ? (sides.push(join(tmp, `side-${n}${a.slice(4)}`)), sides.at(-1)) : a,
        )
      : pick(COMMANDS);
    const folder = input.dir === undefined ? tmp : join(tmp, `${n}-${input.dir}`);
    mkdirSync(folder, { recursive: true });
    const file =
      input.path ??
      join(folder, input.name === undefined ? `in-${n}${input.ext}` : `${input.name}${input.ext}`);
    if (!input.path) writeFileSync(file, input.bytes);
    const res = await run(file, args);
    let verdict = judge(res, input);
    if (!verdict && input.plant) verdict = judgePlanted(res, sides);
    if (!verdict && !input.path && input.ext === '.csv' && input.bytes.length < 3e6) {
      const c = await compareCsv(file);
      stats.csvCompared++;
      if (c === 'different') verdict = 'fast and general CSV paths differ';
      // A generated export (RFC 4180 quotes, any encoding) must stream: the general path holds
      // the whole file as one string (memory, and a crash past 512 MB).
      if (c === 'declined' && input.expectRows !== undefined)
        verdict = 'a generated export went the whole-string (general) CSV path';
      if (c === 'same') stats.fastTaken++;
    }
    stats.tried++;
    kinds[input.kind] = (kinds[input.kind] ?? 0) + 1;
    const exit = res.hung ? 'hang' : String(res.code ?? res.signal);
    stats.byExit[exit] = (stats.byExit[exit] ?? 0) + 1;
    if (!verdict) stats.ok++;
    else {
      if (verdict === 'hang') stats.hangs++;
      else if (verdict.startsWith('fast and general')) stats.differences++;
      else stats.crashes++;
      const name = `${input.kind.replace(/[^a-z0-9]+/gi, '-')}-${createHash('sha256').update(input.bytes).digest('hex').slice(0, 10)}${input.ext}`;
      console.log(
        `FAIL ${verdict} — ${input.kind} of ${input.seed} (jobfx ${res.args.join(' ')})\n  ${res.stderr.split('\n').slice(0, 4).join('\n  ')}`,
      );
      if (save && !input.path && input.bytes.length < 2e6) {
        mkdirSync(saveDir, { recursive: true });
        writeFileSync(join(saveDir, name), input.bytes);
        stats.saved.push(name);
      }
    }
    if (!input.path) rmSync(file, { force: true });
    for (const f of sides) rmSync(f, { force: true });
    if (folder !== tmp) rmSync(folder, { recursive: true, force: true });
  }
}

/** A hostile output path (scripts/lib/fuzz-paths.mjs): nothing outside a jobfx pack may change. */
async function pathCase(n) {
  const caseRoot = join(tmp, `paths-${n}`);
  const res = await hostilePathCase({
    r,
    root: caseRoot,
    binary: join(root, 'bin/jobfx.js'),
    fixtures: {
      xlsx: join(root, 'fixtures/demo/demo-export.xlsx'),
      csv: join(root, 'fixtures/csv/quirks.csv'),
    },
    timeoutMs,
  });
  stats.tried++;
  kinds['hostile path'] = (kinds['hostile path'] ?? 0) + 1;
  stats.byExit[String(res.code)] = (stats.byExit[String(res.code)] ?? 0) + 1;
  if (res.verdict === null) stats.ok++;
  else {
    stats.crashes++;
    console.log(`FAIL ${res.verdict} — ${res.kind}\n  ${res.stderr.split('\n').slice(0, 4).join('\n  ')}`);
  }
  rmSync(caseRoot, { recursive: true, force: true });
}

console.log(
  `jobfx fuzz: ${seconds} s, seed ${seed0}, ${jobs} at a time, ${timeoutMs / 1000} s per run before it counts as a hang`,
);
await Promise.all(Array.from({ length: jobs }, () => worker()));
rmSync(tmp, { recursive: true, force: true });

const summary = [
  `inputs tried: ${stats.tried} (${Object.entries(kinds)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')})`,
  `exit codes: ${Object.entries(stats.byExit)
    .sort()
    .map(([k, n]) => `${k}: ${n}`)
    .join(', ')}`,
  `crashes: ${stats.crashes}, hangs: ${stats.hangs}, fast/general CSV differences: ${stats.differences} (of ${stats.csvCompared} CSV inputs compared; the fast path took ${stats.fastTaken})`,
  `regression fixtures saved: ${stats.saved.length}${stats.saved.length ? ` (${stats.saved.join(', ')})` : ''}`,
];
console.log('\n' + summary.join('\n'));

if (write) {
  const path = join(root, 'BENCHMARKS.md');
  const section = [
    '<!-- fuzz:start (written by npm run fuzz) -->',
    `Run of \`npm run fuzz\` (${seconds} s, seed ${seed0}) on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}:`,
    '',
    ...summary.map((s) => `- ${s}`),
    '<!-- fuzz:end -->',
  ].join('\n');
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  writeFileSync(
    path,
    old.includes('<!-- fuzz:start')
      ? old.replace(/<!-- fuzz:start[\s\S]*?<!-- fuzz:end -->/, section)
      : `${old.trimEnd()}\n\n${section}\n`,
  );
}
process.exit(stats.crashes + stats.hangs + stats.differences > 0 ? 1 : 0);
