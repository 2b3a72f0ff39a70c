/**
 * No raw CPR number in any output: every command, every format, the side files (--rejects,
 * --list), a memo pack of `jobfx run` file by file, stderr, and every golden file committed.
 * The fixtures hold CPR numbers with and without the dash, as 9-digit numbers, and invalid ones
 * (which must not be echoed either). Every run scanned must succeed and print something: a run
 * that stopped early with a usage error would hold no CPR number and prove nothing.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CPR_LIKE } from '../helpers.js';
import { jobfx, type Run } from './run.js';

const INPUTS = [
  resolve('fixtures/demo/demo-export.xlsx'),
  resolve('fixtures/csv/quirks.csv'),
  // CPR numbers where no CPR number belongs: an exit reason, a unit, a target group, a header.
  resolve('fixtures/csv/cpr-in-values.csv'),
];
const COMMANDS: string[][] = [
  ['inspect'],
  ['keyfigures', '--period', '2025H1', '--suppress', '0'],
  ['exits', '--grouped', '--suppress', '0'],
  ['repeats', '--period', '2025H1', '--suppress', '0'],
  // Every fixture has courses in 2024 or 2025; --years keeps yoy from asking for a complete year.
  ['yoy', '--years', '2024-2025', '--suppress', '0'],
  ['flow', '--period', '2025H1', '--suppress', '0'],
];
const DEMO = INPUTS[0]!;
const tmp = mkdtempSync(join(tmpdir(), 'jobfx-nocpr-'));

/**
 * The fixtures' own CPR numbers in every form an output could carry them: with and without the
 * dash, and without the leading zero (Excel's 9 digits), which the CPR shape above misses.
 */
const KNOWN = (() => {
  const digits = new Set<string>();
  for (const f of [
    'fixtures/demo/demo-export.csv',
    'fixtures/csv/quirks.csv',
    'fixtures/csv/cpr-in-values.csv',
  ])
    for (const line of readFileSync(f, 'utf8').split(/\r?\n/).slice(1)) {
      const d = (line.split(';')[0] ?? '').replace(/\D/g, '');
      if (d.length >= 9) digits.add(d.padStart(10, '0'));
    }
  const forms = [...digits].flatMap((d) => [d, `${d.slice(0, 6)}-${d.slice(6)}`, d.replace(/^0/, '')]);
  return new RegExp(`(?<![0-9a-f])(${forms.join('|')})(?![0-9a-f])`);
})();

/** A run that is scanned: it must succeed and print something, or the scan proves nothing. */
function ran(args: string[], opts: { cwd?: string } = {}): Run {
  const r = jobfx(args, opts);
  expect(r.code, `jobfx ${args.join(' ')}\n${r.stderr}`).toBe(0);
  expect(r.stdout.length, `jobfx ${args.join(' ')}: empty stdout`).toBeGreaterThan(0);
  return r;
}

function expectNoCpr(...texts: string[]): void {
  for (const text of texts) {
    expect(text).not.toMatch(CPR_LIKE);
    expect(text).not.toMatch(KNOWN);
  }
}

/** All text of an xlsx workbook's cells. */
async function xlsxText(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const parts: string[] = [];
  wb.eachSheet((ws) => {
    parts.push(ws.name);
    ws.eachRow((row) => row.eachCell((c) => parts.push(String(c.text))));
  });
  return parts.join('\n');
}

describe.each(INPUTS)('%s', (input) => {
  it.each(COMMANDS)('jobfx %s: stdout, stderr and side files hold no CPR number', async (...cmd) => {
    const [name, ...args] = cmd;
    // Every value a table shows is in json; the other renderers only format the same cells, so one
    // command covers them (and keeps this test from running 50 processes).
    const formats = name === 'keyfigures' ? ['terminal', 'md', 'csv', 'json', 'html'] : ['terminal', 'json'];
    for (const format of formats) {
      const rejects = join(tmp, `${name}-${format}-rejects.csv`);
      const extra = name === 'repeats' ? ['--list', join(tmp, `${format}-list.csv`)] : [];
      const r = ran([name!, input, ...args, '--format', format, '--rejects', rejects, ...extra]);
      expectNoCpr(r.stdout, r.stderr);
      // quirks.csv has rejected rows; the other two may have none, and then no --rejects file.
      if (input.endsWith('quirks.csv')) expectNoCpr(readFileSync(rejects, 'utf8'));
      if (extra.length > 0) expectNoCpr(readFileSync(extra[1]!, 'utf8'));
    }
    if (name !== 'inspect') {
      const out = join(tmp, `${name}.xlsx`);
      const r = jobfx([name!, input, ...args, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      expectNoCpr(r.stderr, await xlsxText(out));
    }
  });
});

describe('jobfx compare (the demo export has a Gruppe column)', () => {
  it.each(['terminal', 'json', 'md'])('--format %s: stdout, stderr and --rejects', (format) => {
    const rejects = join(tmp, `compare-${format}-rejects.csv`);
    const r = ran([
      'compare',
      DEMO,
      ...['--outcome', 'exitGroup=job', '--within', '12m', '--numeric', 'duration', '--balance'],
      ...['--suppress', '0', '--format', format, '--rejects', rejects],
    ]);
    expectNoCpr(r.stdout, r.stderr);
  });

  it('--out xlsx and --chart', async () => {
    const [out, chart] = [join(tmp, 'compare.xlsx'), join(tmp, 'compare.svg')];
    const r = jobfx(['compare', DEMO, '--weekly', '12', '--suppress', '0', '--out', out, '--chart', chart]);
    expect(r.code, r.stderr).toBe(0);
    expectNoCpr(r.stderr, await xlsxText(out), readFileSync(chart, 'utf8'));
  });
});

describe('the commands added after the scan was written, on the demo export', () => {
  it.each(['terminal', 'json', 'md'])(
    'providers --format %s: stdout, stderr, --rejects and the funnel',
    (format) => {
      const [rejects, chart] = [
        join(tmp, `providers-${format}-rejects.csv`),
        join(tmp, `providers-${format}.svg`),
      ];
      const r = ran([
        'providers',
        DEMO,
        ...[
          '--by',
          'Leverandør',
          '--outcome',
          'exitGroup=job',
          '--adjust',
          'targetGroup',
          '--model',
          'logit',
        ],
        ...['--suppress', '0', '--format', format, '--rejects', rejects, '--chart', chart],
      ]);
      expectNoCpr(r.stdout, r.stderr, readFileSync(chart, 'utf8'));
    },
  );

  it.each(['terminal', 'json', 'md'])(
    'progression --courses --format %s: stdout, stderr and --rejects',
    (format) => {
      const rejects = join(tmp, `progression-${format}-rejects.csv`);
      const r = ran([
        'progression',
        resolve('fixtures/progression/bip-long.csv'),
        ...['--courses', DEMO, '--suppress', '0', '--format', format, '--rejects', rejects],
      ]);
      // bip-long.csv holds the demo export's persons and two rows that must be rejected.
      expectNoCpr(r.stdout, r.stderr, readFileSync(rejects, 'utf8'));
    },
  );

  it('exits --list-reasons: the free-text reasons file is pseudonymised', () => {
    const list = join(tmp, 'reasons.csv');
    const r = ran(['exits', DEMO, '--list-reasons', list]);
    const text = readFileSync(list, 'utf8');
    expect(text.split('\n').length).toBeGreaterThan(2);
    expectNoCpr(r.stdout, r.stderr, text);
  });
});

describe('jobfx init && jobfx run: every file of the memo pack', () => {
  /** jobfx init in a fresh folder, the report changed by `change`, then jobfx run --json. */
  async function pack(change: (report: Record<string, unknown>) => void): Promise<string[]> {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-nocpr-run-'));
    expect(jobfx(['init'], { cwd: dir }).code).toBe(0);
    const file = join(dir, 'jobfx.report.json');
    const report = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    change(report);
    writeFileSync(file, JSON.stringify(report, null, 2));
    const r = ran(['run', 'jobfx.report.json', '--json', '--out', 'pack'], { cwd: dir });
    const files = readdirSync(join(dir, 'pack'));
    expect(files).toContain('notat.html');
    const texts = [r.stdout, r.stderr];
    for (const f of files) {
      const path = join(dir, 'pack', f);
      texts.push(f.endsWith('.xlsx') ? await xlsxText(path) : readFileSync(path, 'utf8'));
    }
    expectNoCpr(...texts);
    return files;
  }

  it('of the demo export, every table of the report jobfx init writes', async () => {
    const files = await pack((r) => (r.suppress = 0));
    expect(files.filter((f) => f.endsWith('.svg')).length).toBeGreaterThan(0);
  });

  it('of CPR numbers where no CPR number belongs (cpr-in-values.csv)', async () => {
    await pack((r) => {
      Object.assign(r, { input: INPUTS[2], period: '2025H1', suppress: 0, maxRejected: '100%' });
      // The file has no Gruppe column for compare, and no second year for yoy.
      r.tables = (r.tables as { command: string }[]).filter((t) => !['compare', 'yoy'].includes(t.command));
    });
  });
});

describe('the scan itself', () => {
  it("finds the fixtures' numbers where they are (so a pass means something)", () => {
    expect(readFileSync('fixtures/csv/quirks.csv', 'utf8')).toMatch(KNOWN);
    expect('x 708990007 y').toMatch(KNOWN); // the 9-digit form of 070899-0007
    expect('P0708990007ab').not.toMatch(KNOWN); // inside a hex pseudonym it is no CPR number
  });
});

describe('committed outputs', () => {
  it('no golden file or snapshot holds a CPR-shaped string', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(resolve('fixtures/golden'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files.filter((x) => !x.endsWith('.xlsx')))
      expect(readFileSync(f, 'utf8'), f).not.toMatch(CPR_LIKE);
  });
});

/**
 * Every form the CPR parser reads, and the separators people type (space, dot, en and em dash),
 * where no CPR number belongs: values and headers (fixtures/csv/cpr-forms.csv), the folder and
 * the file name of the input, and the sheet names of a workbook made from it. Every command and
 * every format, the side files, the memo pack and its manifest (issue #14).
 */
describe('every CPR form, in values, headers, file, folder and sheet names', () => {
  const FIXTURE = resolve('fixtures/csv/cpr-forms.csv');
  // The fixture's fake numbers (they fail modulus 11; none is born on 1 January).
  const NUMBERS = [
    '1503851235',
    '1503851239',
    '1610851234',
    '1710851234',
    '0912921235',
    '1208861237',
    '0304752468',
    '2203901234',
    '2811780242',
    '0506054123',
  ];
  const SEPARATORS = ['', '-', ' ', '.', '\u2013', '\u2014', '\u2011', '\u00a0'];
  const FORMS = new RegExp(
    `(?<!\\d)(${NUMBERS.flatMap((d) => [
      ...SEPARATORS.map((s) => `${d.slice(0, 6)}${s}${d.slice(6)}`),
      ...(d.startsWith('0') ? [d.slice(1)] : []),
    ]).join('|')})(?!\\d)`,
  );
  const expectNoForm = (...texts: string[]) => {
    for (const t of texts) expect(t).not.toMatch(FORMS);
  };

  const base = mkdtempSync(join(tmpdir(), 'jobfx-forms-'));
  const csvDir = join(base, '171085\u20131234');
  const csv = join(csvDir, '161085.1234.csv');
  const xlsxDir = join(base, '150385 1239');
  const xlsx = join(xlsxDir, '150385-1235.xlsx');
  const out = join(base, 'out');

  it('the scan finds every form in the fixture (so a pass means something)', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    for (const form of [
      '150385-1235',
      '1503851235',
      '150385 1239',
      '161085.1234',
      '171085\u20131234',
      '912921235',
    ])
      expect(text).toContain(form);
    expect('x 171085\u20141234 y').toMatch(FORMS);
    expect('x 912921235 y').toMatch(FORMS);
  });

  /** The inputs: the fixture under a CPR-named folder and name, and a workbook of it with CPR-named sheets. */
  async function inputs(): Promise<string[]> {
    mkdirSync(csvDir, { recursive: true });
    mkdirSync(xlsxDir, { recursive: true });
    mkdirSync(out, { recursive: true });
    copyFileSync(FIXTURE, csv);
    const wb = new ExcelJS.Workbook();
    const data = wb.addWorksheet('912921235');
    for (const line of readFileSync(FIXTURE, 'utf8')
      .split(/\r?\n/)
      .filter((l) => l !== ''))
      // The 9-digit person id as a number, as Excel keeps a CPR number without its leading zero.
      data.addRow(line.split(';').map((v) => (/^\d{9}$/.test(v) ? Number(v) : v)));
    wb.addWorksheet('Noter 171085\u20131234').addRow(['se 161085.1234']);
    await wb.xlsx.writeFile(xlsx);
    return [csv, xlsx];
  }

  const TABLE_FORMATS = ['terminal', 'md', 'csv', 'json', 'html'];
  const COMMANDS: [string, string[], string[]][] = [
    ['inspect', [], ['terminal', 'json']],
    ['keyfigures', ['--period', '2025H1', '--suppress', '0'], TABLE_FORMATS],
    ['exits', ['--grouped', '--suppress', '0'], TABLE_FORMATS],
    ['repeats', ['--period', '2024H1', '--suppress', '0'], TABLE_FORMATS],
    ['yoy', ['--years', '2024-2025', '--suppress', '0'], TABLE_FORMATS],
    [
      'compare',
      ['--outcome', 'exitGroup=job', '--within', '12m', '--weekly', '12', '--suppress', '0'],
      TABLE_FORMATS,
    ],
  ];

  it.each([0, 1])(
    'input %i: every command and format, stdout, stderr and side files',
    async (which) => {
      const input = (await inputs())[which]!;
      const tag = which === 0 ? 'csv' : 'xlsx';
      let stderr = '';
      for (const [name, args, formats] of COMMANDS) {
        for (const format of formats) {
          const rejects = join(out, `${tag}-${name}-${format}-rejects.csv`);
          const extra = name === 'repeats' ? ['--list', join(out, `${tag}-${format}-list.csv`)] : [];
          const r = ran([name, input, ...args, '--format', format, '--rejects', rejects, ...extra]);
          expectNoForm(r.stdout, r.stderr, readFileSync(rejects, 'utf8'));
          if (extra.length > 0) expectNoForm(readFileSync(extra[1]!, 'utf8'));
          stderr += r.stderr;
          if (name === 'inspect' && format === 'json') {
            const doc = JSON.parse(r.stdout) as { source: { file: string; sheets?: string[] } };
            // The name is redacted, the rest of the path kept readable.
            expect(doc.source.file).toBe(join(base, which === 0 ? '[CPR]/[CPR].csv' : '[CPR]/[CPR].xlsx'));
            if (which === 1) expect(doc.source.sheets).toEqual(['[CPR]', 'Noter [CPR]']);
          }
        }
        if (name === 'inspect') continue;
        const file = join(out, `${tag}-${name}.xlsx`);
        const chart = ['yoy', 'compare'].includes(name) ? ['--chart', join(out, `${tag}-${name}.svg`)] : [];
        const r = jobfx([name, input, ...args, '--out', file, ...chart]);
        expect(r.code, r.stderr).toBe(0);
        expectNoForm(r.stderr, await xlsxText(file));
        if (chart.length > 0) expectNoForm(readFileSync(chart[1]!, 'utf8'));
      }
      // The messages quote the file: redacted, and still readable.
      expect(stderr).toContain(which === 0 ? '/[CPR]/[CPR].csv' : '/[CPR]/[CPR].xlsx');
    },
    600_000,
  );

  it('jobfx run: the memo pack, its manifest, the rejects beside it, stdout and stderr', async () => {
    await inputs();
    const dir = join(csvDir, 'rapport');
    mkdirSync(dir, { recursive: true });
    expect(jobfx(['init'], { cwd: dir }).code).toBe(0);
    const file = join(dir, 'jobfx.report.json');
    const report = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    Object.assign(report, { input: csv, period: '2025H1', suppress: 0, maxRejected: '100%' });
    report.tables = (report.tables as { command: string }[]).filter((t) => t.command !== 'compare');
    writeFileSync(file, JSON.stringify(report, null, 2));
    const r = ran(['run', 'jobfx.report.json', '--json', '--out', 'pack'], { cwd: dir });
    // Every CPR form of the fixture is read as a CPR number (docs/definitions.md): a rejects file
    // beside the pack exists only when some row was rejected, and is then scanned too.
    const rejects = join(dir, 'pack.rejects.csv');
    const rejected = (JSON.parse(r.stdout) as { input: { rejected: number } }).input.rejected;
    expect(existsSync(rejects)).toBe(rejected > 0);
    const texts = [r.stdout, r.stderr, ...(rejected > 0 ? [readFileSync(rejects, 'utf8')] : [])];
    for (const f of readdirSync(join(dir, 'pack'))) {
      const path = join(dir, 'pack', f);
      texts.push(f.endsWith('.xlsx') ? await xlsxText(path) : readFileSync(path, 'utf8'));
    }
    expectNoForm(...texts);
    const manifest = JSON.parse(readFileSync(join(dir, 'pack', 'manifest.json'), 'utf8')) as {
      inputs: { file: string; sha256: string }[];
    };
    expect(manifest.inputs[0]!.file).toBe(join(base, '[CPR]/[CPR].csv'));
    expect(manifest.inputs[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  }, 120_000);
});

describe('trial files with CPR numbers as the person id (panel, activities, survey, population)', () => {
  // The trial fixtures hold Borger-ids (B00001); here each becomes a fake CPR number (one that
  // fails modulus 11, as the fixtures' do), so the scan covers what compare prints of them.
  const dir = mkdtempSync(join(tmpdir(), 'jobfx-nocpr-trial-'));
  const fakes = new Map<string, string>();
  const fake = (id: string): string => {
    if (!fakes.has(id)) {
      const n = Number(id.replace(/\D/g, ''));
      const base = `${String(1 + (n % 28)).padStart(2, '0')}${String(1 + (n % 12)).padStart(2, '0')}85${String(1000 + n).slice(-4, -1)}`;
      // The last digit chosen so that the weighted sum is not a multiple of 11 (not a real CPR).
      const w = [4, 3, 2, 7, 6, 5, 4, 3, 2];
      const sum = [...base].reduce((a, c, i) => a + Number(c) * w[i]!, 0);
      const last = [...'0123456789'].find((c) => (sum + Number(c)) % 11 !== 0)!;
      fakes.set(id, `${base.slice(0, 6)}-${base.slice(6)}${last}`);
    }
    return fakes.get(id)!;
  };
  const convert = (name: string) => {
    const text = readFileSync(join('fixtures/trial', name), 'utf8').replace(/^\uFEFF/, '');
    const out = text
      .split(/\r?\n/)
      .map((line, i) =>
        i === 0 ? line.replace('Borger-id', 'CPR-nr.') : line.replace(/^B\d+/, (id) => fake(id)),
      )
      .join('\n');
    const file = join(dir, name);
    writeFileSync(file, out);
    return file;
  };
  const persons = convert('persons-panel.csv');
  const panel = convert('panel.csv');
  const activities = convert('activities.csv');
  const survey = convert('survey.csv');
  const population = convert('population.csv');
  const known = new RegExp(
    [...fakes.values()]
      .flatMap((c) => [c, c.replace('-', ''), c.replace(/^0/, '').replace('-', '')])
      .join('|'),
  );
  const scan = (...texts: string[]) => {
    for (const t of texts) {
      expect(t).not.toMatch(CPR_LIKE);
      expect(t).not.toMatch(known);
    }
  };

  it('the scan finds the fake numbers in the files (so a pass means something)', () => {
    expect(fakes.size).toBeGreaterThan(100);
    expect(readFileSync(panel, 'utf8')).toMatch(known);
  });

  it.each([
    ['--panel', [persons, '--panel', panel, '--among-on-benefit', '--bootstrap', '200']],
    ['--activities', [persons, '--panel', panel, '--activities', activities]],
    ['--likert and --population', [survey, '--likert', 'Hjulpet', '--population', population]],
  ])('compare %s: stdout, stderr, the rejects file and the xlsx', async (_name, args) => {
    for (const format of ['terminal', 'json', 'csv']) {
      const rejects = join(dir, `rejects-${format}.csv`);
      const r = ran(['compare', ...(args as string[]), '--format', format, '--rejects', rejects]);
      scan(r.stdout, r.stderr);
      if (existsSync(rejects)) scan(readFileSync(rejects, 'utf8'));
    }
    const out = join(dir, 'compare.xlsx');
    const r = jobfx(['compare', ...(args as string[]), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    scan(r.stderr, await xlsxText(out));
  });
});
