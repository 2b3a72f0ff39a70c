/**
 * `jobfx compare --likert` and `--population` on the synthetic trial survey (fixtures/trial/), run
 * as a user runs it. Reference values: R's chisq.test and prop.test straight from the fixture
 * files, printed by fixtures/trial/survey-reference.R (output in fixtures/trial/survey-reference.out), to 1e-6.
 * R is not needed to run this test.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

const SURVEY = resolve('fixtures/trial/survey.csv');
type Cell =
  | null
  | number
  | string
  | { value: number | null; n: number }
  | { count: number; of: number; percent: number }
  | { suppressed: string };
type T = { id: string; title: string; rows: { cells: Cell[] }[]; notes: string[] };

function tablesOf(args: string[]): { tables: Map<string, T>; stderr: string } {
  const r = jobfx(['compare', ...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return {
    tables: new Map((JSON.parse(r.stdout).tables as T[]).map((t) => [t.id, t])),
    stderr: r.stderr,
  };
}
const value = (c: Cell | undefined): number | null => {
  if (c === null || c === undefined) return null;
  if (typeof c === 'number') return c;
  if (typeof c === 'string') return NaN;
  if ('percent' in c) return c.percent;
  return 'value' in c ? c.value : NaN;
};
function close(c: Cell | undefined, expected: number, what: string): void {
  const a = value(c);
  expect(a, what).not.toBeNull();
  const err = expected === 0 ? Math.abs(a!) : Math.abs(a! - expected) / Math.abs(expected);
  expect(err, `${what}: got ${a}, R gives ${expected}`).toBeLessThanOrEqual(1e-6);
}

describe('compare --likert on the trial survey', () => {
  const { tables, stderr } = tablesOf([SURVEY, '--likert', 'Hjulpet']);

  it('gives the answers by group in the order of the scale, Ved ikke apart', () => {
    const d = tables.get('compare.likert')!;
    expect(d.rows.map((r) => r.cells[0])).toEqual([
      'I meget høj grad',
      'I høj grad',
      'I nogen grad',
      'I mindre grad',
      'Slet ikke',
      'Ved ikke',
      'Svar i alt',
    ]);
    // table(Hjulpet, Gruppe) on the scale: 21 40 45 27 7 | 9 25 29 27 17 ("i høj grad" and
    // "I nogen grad " read as the scale's answers)
    expect(d.rows.slice(0, 5).map((r) => [r.cells[1], r.cells[3]])).toEqual([
      [21, 9],
      [40, 25],
      [45, 29],
      [27, 27],
      [7, 17],
    ]);
    // top: n = 150, 114 answers (Ved ikke included)
    expect([d.rows[6]!.cells[1], d.rows[6]!.cells[3]]).toEqual([150, 114]);
    expect(d.notes.join('\n')).toContain('"Delvist" (Indsats 1, Kontrol 0)');
    expect(stderr).toContain('the answer "Delvist" (1 row) is not on the scale');
  });

  it('chi-square test as R chisq.test(table(Hjulpet, Gruppe))', () => {
    const c = tables.get('compare.likert.chisq')!.rows[0]!.cells;
    // Hjulpet chisq: 11.68737531423279 4 0.019833934599766734 10.396761133603238
    close(c[1], 11.68737531423279, 'X2');
    close(c[2], 4, 'df');
    close(c[3], 0.019833934599766734, 'p');
    close(c[4], 10.396761133603238, 'min expected');
  });

  it('the share "i høj grad" or more as R prop.test', () => {
    const c = tables.get('compare.likert.top')!.rows[0]!.cells;
    // prop.test(c(61, 34), c(150, 114)): p 0.091292296553384, CI -0.014328515447308871 0.23117062071046682
    expect([c[1], c[2], c[4], c[5]]).toEqual([150, 61, 114, 34]);
    close(c[8], 100 * -0.014328515447308871, 'lower');
    close(c[9], 100 * 0.23117062071046682, 'upper');
    close(c[10], 0.091292296553384, 'p');
  });

  it('another question, in English (R: Tryg)', () => {
    const en = tablesOf([SURVEY, '--likert', 'Tryg', '--lang', 'en']).tables;
    const c = en.get('compare.likert.chisq')!.rows[0]!.cells;
    // Tryg chisq: 6.9505349886950354 4 0.13852542874866275
    close(c[1], 6.9505349886950354, 'X2');
    close(c[3], 0.13852542874866275, 'p');
    expect(en.get('compare.likert')!.rows.at(-1)!.cells[0]).toBe('Answers, total');
  });

  it('--likert-order merges or renames the scale; an answer off it is reported', () => {
    const { tables: t, stderr: err } = tablesOf([
      SURVEY,
      '--likert',
      'Hjulpet',
      '--likert-order',
      'I meget høj grad,I høj grad,I nogen grad,I mindre grad',
      '--likert-top',
      '1',
    ]);
    const d = t.get('compare.likert')!;
    expect(d.rows.map((r) => r.cells[0])).not.toContain('Slet ikke');
    expect(err).toContain('the answer "Slet ikke" (24 rows) is not on the scale');
    expect(t.get('compare.likert.top')!.rows[0]!.cells[2]).toBe(21);
  });

  it('--chart draws the answers as stacked bars (SVG)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-likert-'));
    const svg = join(dir, 'svar.svg');
    const r = jobfx(['compare', SURVEY, '--likert', 'Hjulpet', '--chart', svg, '--format', 'md']);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(svg, 'utf8');
    expect(text).toMatch(/^<svg/);
    for (const w of ['I meget høj grad', 'Slet ikke', 'Ved ikke', 'Indsats', 'Kontrol', 'Pct. af svarene'])
      expect(text).toContain(w);
  });

  it('bad scale options are usage errors (exit 2) that say what to do', () => {
    const dup = jobfx(['compare', SURVEY, '--likert', 'Hjulpet', '--likert-order', 'Ja,ja']);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain('--likert-order: give at least two different answer categories');
    const top = jobfx(['compare', SURVEY, '--likert', 'Hjulpet', '--likert-top', '5']);
    expect(top.code).toBe(2);
    expect(top.stderr).toContain('--likert-top 5: the share counts the first 1–4 categories');
    const col = jobfx(['compare', SURVEY, '--likert', 'Hjulpe']);
    expect(col.code).toBe(2);
    expect(col.stderr).toContain('--likert Hjulpe');
    const alone = jobfx(['compare', SURVEY, '--likert-order', 'A,B', '--balance']);
    expect(alone.code).toBe(2);
  });

  it('the scale from the config file (likert.order)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-likert-cfg-'));
    const cfg = join(dir, 'jobfx.config.json');
    writeFileSync(
      cfg,
      JSON.stringify({ likert: { order: ['I høj grad', 'I nogen grad', 'Slet ikke'], top: 1 } }),
    );
    const r = tablesOf([SURVEY, '--likert', 'Hjulpet', '--config', cfg]);
    expect(r.tables.get('compare.likert')!.rows.map((x) => x.cells[0])).toEqual([
      'I høj grad',
      'I nogen grad',
      'Slet ikke',
      'Ved ikke',
      'Svar i alt',
    ]);
  });
});

describe('compare --population: response and attrition', () => {
  const POPULATION = resolve('fixtures/trial/population.csv');
  const { tables, stderr } = tablesOf([SURVEY, '--population', POPULATION]);

  it('response rate per group as R prop.test, matched by id', () => {
    const c = tables.get('compare.response')!.rows[0]!.cells;
    // prop.test(c(158, 123), c(207, 193)): p 0.0081792938107250364, CI 0.031789260133637656 0.22016938921181034
    expect([c[1], c[2], c[4], c[5]]).toEqual([207, 158, 193, 123]);
    close(c[8], 100 * 0.031789260133637656, 'lower');
    close(c[9], 100 * 0.22016938921181034, 'upper');
    close(c[10], 0.0081792938107250364, 'p');
    expect(stderr).toContain('population.csv: 400 rows read = 400 accepted');
  });

  it('respondents against non-respondents on every baseline column, chi-square as R', () => {
    const t = tables.get('compare.attrition.tests')!;
    expect(t.rows.map((r) => r.cells[0])).toEqual(['Jobcenter', 'Køn', 'Aldersgruppe', 'Ydelse']);
    // chisq.test(table(COLUMN, answered), correct = FALSE)
    const ref: [number, number, number][] = [
      [0.3094266451144812, 2, 0.85666072759179179],
      [3.0198081795681611, 1, 0.082253194615942091],
      [16.457243214385336, 2, 0.00026690397533458992],
      [0.57526731171277989, 1, 0.44817338588530437],
    ];
    ref.forEach(([x2, df, p], k) => {
      close(t.rows[k]!.cells[1], x2, `X2 ${k}`);
      close(t.rows[k]!.cells[2], df, `df ${k}`);
      close(t.rows[k]!.cells[3], p, `p ${k}`);
    });
    const age = tables.get('compare.attrition.3')!;
    expect(age.rows.map((r) => [r.cells[0], r.cells[1], r.cells[3]])).toEqual([
      ['18-29', 55, 44],
      ['30-49', 140, 55],
      ['50+', 86, 20],
      ['I alt', 281, 119],
    ]);
  });

  it('survey ids not in the population are counted, not dropped silently', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-pop-'));
    const pop = join(dir, 'pop.csv');
    const lines = readFileSync(POPULATION, 'utf8').split('\r\n');
    writeFileSync(
      pop,
      lines.filter((l) => !l.startsWith('B00003;') && !l.startsWith('B00004;')).join('\r\n'),
    );
    const t = tablesOf([SURVEY, '--population', pop]).tables.get('compare.response')!;
    expect(t.notes.join('\n')).toContain("2 id'er i spørgeskemaet findes ikke i pop.csv og er ikke med.");
  });

  it('a survey without an id column cannot be matched: exit 2 with a message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-noid-'));
    const noid = join(dir, 'svar.csv');
    const text = readFileSync(SURVEY, 'utf8');
    writeFileSync(
      noid,
      text
        .split('\r\n')
        .map((l) => l.split(';').slice(1).join(';'))
        .join('\r\n'),
    );
    const r = jobfx(['compare', noid, '--population', POPULATION]);
    expect(r.code).toBe(2);
    // Today the reader stops on the missing id; a survey read with row numbers gets "no id column".
    expect(r.stderr).toMatch(/no id column|no column for personId/);
  });

  it('a population file without the group column is a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-nogroup-'));
    const pop = join(dir, 'pop.csv');
    writeFileSync(pop, 'Borger-id;Jobcenter\r\nB00001;Nord\r\nB00002;Syd\r\n');
    const r = jobfx(['compare', SURVEY, '--population', pop]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no group column');
  });

  it('is a step option of jobfx run, its path relative to the report, the same response table as the command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-pop-run-'));
    writeFileSync(join(dir, 'pop.csv'), readFileSync(POPULATION));
    writeFileSync(
      join(dir, 'svar.report.json'),
      JSON.stringify({
        title: 'Svar',
        input: SURVEY,
        period: '2025',
        out: 'pakke',
        tables: [{ command: 'compare', options: { likert: 'Hjulpet', population: 'pop.csv' } }],
      }),
    );
    const r = jobfx(['run', 'svar.report.json', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('pop.csv: 400 rows read = 400 accepted');
    expect(r.stderr).not.toContain('"" → start');
    const md = readFileSync(join(dir, 'pakke', 'notat.md'), 'utf8');
    // The response table's counts, as the command gives them above: 207/158 and 193/123.
    expect(md).toContain('### Svarprocent: Indsats vs. Kontrol');
    const line = md.split('\n').find((l) => l.startsWith('| Besvaret spørgeskemaet'));
    expect(line?.replace(/ +/g, ' ')).toMatch(/\| 207 \| 158 \| 76,3 \| 193 \| 123 \| 63,7 \|/);
  });

  it('a report on a survey (no dates) with a relative period says to give a fixed one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-pop-rel-'));
    writeFileSync(
      join(dir, 'r.json'),
      JSON.stringify({
        title: 'Svar',
        input: SURVEY,
        out: 'pakke',
        tables: [{ command: 'compare', options: { likert: 'Hjulpet' } }],
      }),
    );
    const r = jobfx(['run', 'r.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'the data holds no dates to count "last-complete-half-year" back from; give a fixed "period"',
    );
  });
});
