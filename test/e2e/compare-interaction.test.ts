/**
 * `jobfx compare --by`: the interaction test under each subgroup table, run as a user runs it.
 * Reference values: R's anova(glm(y ~ g + s, binomial), glm(y ~ g * s, binomial), test = "LRT") and
 * anova(lm(y ~ g + s), lm(y ~ g * s)) on fixtures/compare/survey.csv, printed by
 * fixtures/compare/interaction.R (output in fixtures/compare/interaction.out), to 1e-6. R is not
 * needed to run this test.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

const SURVEY = resolve('fixtures/compare/survey.csv');
type Cell = null | number | string | { value: number | null; n: number } | { suppressed: string };
type T = { id: string; title: string; rows: { cells: Cell[] }[]; notes: string[] };

function tablesOf(args: string[]): { tables: Map<string, T>; stderr: string } {
  const r = jobfx(['compare', ...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return {
    tables: new Map((JSON.parse(r.stdout).tables as T[]).map((t) => [t.id, t])),
    stderr: r.stderr,
  };
}
const value = (c: Cell | undefined): number | null =>
  c === null || c === undefined
    ? null
    : typeof c === 'number'
      ? c
      : typeof c === 'string'
        ? NaN
        : 'value' in c
          ? c.value
          : NaN;
function close(c: Cell | undefined, expected: number, what: string): void {
  const a = value(c);
  expect(a, what).not.toBeNull();
  expect(
    Math.abs(a! - expected) / Math.abs(expected),
    `${what}: got ${a}, R gives ${expected}`,
  ).toBeLessThanOrEqual(1e-6);
}

describe('compare --by: interaction test on the survey fixture', () => {
  const { tables } = tablesOf([
    SURVEY,
    '--group',
    'Gruppe',
    '--outcome',
    'arbejde_vigtigt=Ja',
    '--numeric',
    'Timer',
    '--by',
    'Jobcenter',
  ]);

  it('yes/no outcome: likelihood-ratio test as R glm + anova(test = "LRT")', () => {
    const t = tables.get('compare.by.1.interaction')!;
    const c = t.rows[0]!.cells;
    // survey arbejde_vigtigt=Ja by Jobcenter lrt: 4.1757384430362663 2 0.12395096668768819
    close(c[1], 4.1757384430362663, 'LR');
    close(c[2], 2, 'df');
    expect(value(c[3])).toBeNull();
    close(c[4], 0.12395096668768819, 'p');
    expect(c[5]).toBe(3);
    close(c[6], 300, 'n');
    expect(t.notes[0]).toContain('likelihood-ratio-test');
  });

  it('numeric outcome: the linear model F test as R anova(lm, lm)', () => {
    const c = tables.get('compare.by.2.interaction')!.rows[0]!.cells;
    // survey Timer by Jobcenter F: 2.9568387930509354 2 286 0.05357438620712595
    close(c[1], 2.9568387930509354, 'F');
    close(c[2], 2, 'df');
    close(c[3], 286, 'df2');
    close(c[4], 0.05357438620712595, 'p');
  });

  it('by gender from a column, in English', () => {
    const { tables: en } = tablesOf([
      SURVEY,
      '--group',
      'Gruppe',
      '--outcome',
      'arbejde_vigtigt=Ja',
      '--by',
      'Køn',
      '--lang',
      'en',
    ]);
    const t = en.get('compare.by.1.interaction')!;
    // survey arbejde_vigtigt=Ja by Køn lrt: 0.72024974770982908 1 0.39606199960067456
    close(t.rows[0]!.cells[1], 0.72024974770982908, 'LR');
    close(t.rows[0]!.cells[4], 0.39606199960067456, 'p');
    expect(t.title).toContain('interaction test');
  });
});

describe('compare --by: subgroups the test cannot use are named, never dropped silently', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jobfx-interaction-'));
  const file = join(dir, 'svar.csv');
  // A: opposite effects to B; C: only the treatment group; D: nobody answered Ja.
  const rows = ['Id;Gruppe;Jobcenter;Svar'];
  let id = 0;
  const add = (g: string, jc: string, ja: number, nej: number) => {
    for (let i = 0; i < ja + nej; i++) rows.push(`R${++id};${g};${jc};${i < ja ? 'Ja' : 'Nej'}`);
  };
  add('Deltager', 'A', 6, 4);
  add('Kontrol', 'A', 3, 7);
  add('Deltager', 'B', 3, 7);
  add('Kontrol', 'B', 6, 4);
  add('Deltager', 'C', 4, 4);
  add('Deltager', 'D', 0, 6);
  add('Kontrol', 'D', 0, 7);
  writeFileSync(file, rows.join('\n') + '\n');

  it('leaves C and D out with the reason, in the note and on stderr, and tests A and B as R', () => {
    const { tables, stderr } = tablesOf([
      file,
      '--group',
      'Gruppe',
      '--outcome',
      'Svar=Ja',
      '--by',
      'Jobcenter',
    ]);
    const t = tables.get('compare.by.1.interaction')!;
    // Hand-made cells of R's "two lrt": 3.6960663345210918, p 0.054540909238596093
    close(t.rows[0]!.cells[1], 3.6960663345210918, 'LR');
    close(t.rows[0]!.cells[4], 0.054540909238596093, 'p');
    expect(t.rows[0]!.cells[5]).toBe(2);
    expect(t.notes.join('\n')).toContain(
      'Ikke med i testen: C (en af grupperne har ingen rækker); D (ingen har resultatet).',
    );
    expect(stderr).toContain('subgroup C left out of the test (empty-arm)');
    expect(stderr).toContain('subgroup D left out of the test (no-events)');
  });

  it('with one usable subgroup there is no test, and it says why', () => {
    const { tables, stderr } = tablesOf([
      file,
      '--group',
      'Gruppe',
      '--outcome',
      'Svar=Ja',
      '--by',
      'Jobcenter',
      '--lang',
      'en',
    ]);
    expect(tables.get('compare.by.1.interaction')).toBeDefined();
    expect(stderr).not.toContain('no test');
    const one = join(dir, 'en.csv');
    writeFileSync(one, rows.filter((r) => !/;B;/.test(r)).join('\n') + '\n');
    const r = tablesOf([
      one,
      '--group',
      'Gruppe',
      '--outcome',
      'Svar=Ja',
      '--by',
      'Jobcenter',
      '--lang',
      'en',
    ]);
    const t = r.tables.get('compare.by.1.interaction')!;
    expect(value(t.rows[0]!.cells[1])).toBeNull();
    expect(t.notes.join('\n')).toContain('No test: it needs at least two subgroups');
    expect(r.stderr).toContain('no test (too-few-subgroups)');
  });

  it('in a memo format the test is hidden with the small counts it is computed from', () => {
    const r = jobfx([
      'compare',
      file,
      '--group',
      'Gruppe',
      '--outcome',
      'Svar=Ja',
      '--by',
      'Jobcenter',
      '--format',
      'md',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const part = r.stdout.slice(r.stdout.indexOf('interaktionstest)'));
    // A and B have counts below 5 (3 Ja): the statistic, df and p are "..".
    expect(part).toMatch(/\| Likelihood-ratio \(logistisk\) \|\s+\.\. \|/);
  });
});
