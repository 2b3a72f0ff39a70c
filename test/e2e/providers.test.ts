/**
 * jobfx providers, run as a user runs it on fixtures/providers/providers-export.csv: the JSON
 * figures against R (fixtures/providers/reference.R; the R expression above each), small-cell
 * suppression ("for få", and the funnel leaves hidden providers out), both languages, the caveat
 * in every table, the funnel SVG, bad command lines, and a `jobfx run` pack with the funnel.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CPR_LIKE } from '../helpers.js';
import { jobfx } from './run.js';

const FILE = resolve('fixtures/providers/providers-export.csv');
const BASE = ['providers', FILE, '--by', 'Leverandør', '--outcome', 'followUp3=job,education'];

type JsonCell =
  | null
  | number
  | string
  | { count: number; of: number; percent: number }
  | { value: number | null; n: number };
type JsonTable = { id: string; title: string; rows: { cells: JsonCell[] }[]; notes: string[] };

function tables(args: string[]): Map<string, JsonTable> {
  const r = jobfx([...BASE, ...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).not.toMatch(CPR_LIKE);
  return new Map((JSON.parse(r.stdout).tables as JsonTable[]).map((t) => [t.id, t]));
}
const value = (c: JsonCell | undefined): number =>
  typeof c === 'number' ? c : c !== null && typeof c === 'object' && 'value' in c ? c.value! : NaN;
function close(c: JsonCell | undefined, expected: number, what: string): void {
  const a = value(c);
  expect(Math.abs(a - expected), `${what}: got ${a}, R gives ${expected}`).toBeLessThanOrEqual(
    1e-8 * Math.abs(expected) + 1e-10,
  );
}

describe('jobfx providers --format json', () => {
  const t = tables(['--target', '40%', '--adjust', 'targetGroup,education', '--model', 'logit']);
  const shares = t.get('providers.shares')!;
  it('gives the Wilson interval and the difference from the others as R (in percent)', () => {
    // Klar Start: prop.test(33, 129, correct = FALSE)$conf.int = 0.1883433552 0.3374071104;
    // difference from the others -0.1970162352, Newcombe [-0.2780445156, -0.1042602289]
    const row = shares.rows.find((r) => r.cells[0] === 'Klar Start')!.cells;
    expect(row.slice(1, 3)).toEqual([129, 33]);
    close(row[4], 18.83433552, 'lower');
    close(row[5], 33.74071104, 'upper');
    close(row[6], -19.70162352, 'difference');
    close(row[7], -27.80445156, 'difference lower');
    close(row[8], -10.42602289, 'difference upper');
    expect(row[9]).toBe('ja, hele KI');
  });
  it('gives glm’s odds ratio of Vejen Videre against Job & Co', () => {
    // exp(coef(m))["provVejen Videre"] = 2.838514134, exp(confint.default(m)) = 1.505335956 5.35240154
    const row = t.get('providers.model')!.rows.find((r) => r.cells[0] === 'Vejen Videre')!.cells;
    close(row[2], 2.838514134, 'OR');
    close(row[3], 1.505335956, 'lower');
    close(row[4], 5.35240154, 'upper');
    expect(t.get('providers.model')!.rows.find((r) => r.cells[0] === 'Job & Co')!.cells[2]).toBe('reference');
  });
  it('says in every outcome table that an adjusted difference is not an effect estimate', () => {
    for (const id of ['providers.shares', 'providers.adjusted', 'providers.model'])
      expect(t.get(id)!.notes.join(' '), id).toMatch(
        /ikke et effektestimat.*Justeringen tager ikke højde for/s,
      );
  });
});

describe('jobfx providers --format md (suppressed)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jobfx-providers-'));
  const svg = join(dir, 'tragt.svg');
  const r = jobfx([...BASE, '--adjust', 'targetGroup', '--format', 'md', '--chart', svg]);
  it('shows a provider below the threshold as "for få" and hides what would give it away', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\| Lille Værksted +\| +<5 \| +0 \| +for få \|/);
    expect(r.stdout).not.toMatch(CPR_LIKE);
    expect(r.stderr).toMatch(/personer har forløb hos mere end én leverandør/);
  });
  it('draws the funnel without the hidden providers', () => {
    const s = readFileSync(svg, 'utf8');
    expect(s).toMatch(/^<svg/);
    expect(s).toContain('Job &amp; Co');
    expect(s).toContain('Klar Start');
    expect(s).not.toContain('Lille Værksted');
    expect(s).toMatch(/99,8 %-grænser/);
  });
  it('writes English with --lang en', () => {
    const en = jobfx([...BASE, '--format', 'md', '--lang', 'en']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/leverandør compared/);
    expect(en.stdout).toMatch(/not an effect estimate either/);
    expect(en.stdout).toMatch(/too few/);
  });
});

describe('jobfx providers --period 2025 --yoy', () => {
  it('puts 2024 and 2025 side by side, with the case mix of 2024', () => {
    const t = tables(['--period', '2025', '--yoy', '--suppress', '0']);
    const y = t.get('providers.yoy')!;
    expect(y.title).toMatch(/2024 og 2025/);
    // Job & Co: 104 courses ended in 2024 (49 in job or education), 107 in 2025 (53): see reference.R
    const row = y.rows.find((r) => r.cells[0] === 'Job & Co')!.cells;
    expect([row[1], row[3]]).toEqual([104, 107]);
    close(row[5], 2.417325665, 'change');
    expect(t.get('providers.composition.before')!.title).toMatch(/2024$/);
  });
});

describe('bad command lines exit 2 and say what to do', () => {
  it.each([
    [['--adjust', 'shoeSize'], /--adjust shoeSize: neither a field/],
    [['--model', 'probit'], /--model probit/],
    [['--target', '130%'], /--target 130%/],
    [['--chart', 'tragt.png'], /ending in \.svg/],
    [['--yoy'], /--yoy compares a period with the year before: give --period/],
  ])('%j', (args, message) => {
    const r = jobfx([...BASE, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
  it('needs --by', () => {
    const r = jobfx(['providers', FILE, '--outcome', 'exitGroup=job']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--by/);
  });
});

describe('jobfx run with a providers step', () => {
  it('puts the table and the funnel into the pack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-providers-run-'));
    writeFileSync(
      join(dir, 'jobfx.report.json'),
      JSON.stringify({
        title: 'Leverandører',
        input: FILE,
        period: '2025',
        lang: 'da',
        suppress: 5,
        out: 'pakke',
        tables: [
          {
            command: 'providers',
            options: { by: 'Leverandør', outcome: ['followUp3=job,education'], chart: true },
          },
        ],
      }),
    );
    const r = jobfx(['run', 'jobfx.report.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'pakke', 'figur-1.svg'))).toBe(true);
    const md = readFileSync(join(dir, 'pakke', 'notat.md'), 'utf8');
    expect(md).toMatch(/leverandør sammenlignet/);
    expect(md).toMatch(/ikke et effektestimat/);
    expect(md).not.toMatch(CPR_LIKE);
  });
});
