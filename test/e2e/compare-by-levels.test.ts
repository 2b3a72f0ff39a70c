/**
 * compare --by at two levels: the subgroups are the combinations, and the interaction test asks
 * whether the effect differs across them (df = subgroups in the test − 1). Reference values: R's
 * anova(glm(y ~ g + s, binomial), glm(y ~ g * s, binomial), test = "LRT") and anova(lm, lm) with
 * s = interaction(level₁, level₂), printed by fixtures/compare/interaction.R into
 * fixtures/compare/interaction.out (R is not needed to run this test). Counts of
 * fixtures/pivot/compare.csv by hand (it was written as these counts):
 *   H1 / Mand   Deltager 4 (3 Ja)  Kontrol 4 (1 Ja)
 *   H1 / Kvinde Deltager 5 (2 Ja)  Kontrol 5 (3 Ja)
 *   H2 / Mand   Deltager 3 (1 Ja)  Kontrol 4 (2 Ja)
 *   H2 / Kvinde Deltager 2 (2 Ja)  no Kontrol: left out of the test
 *   no Hold     Deltager 1 (1 Ja)  unknown: left out of the test
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

type Cell = null | number | string | { value: number | null; n: number } | { suppressed: string };
type T = { id: string; title: string; rows: { cells: Cell[] }[]; notes: string[] };

function run(args: string[]): { tables: Map<string, T>; stderr: string } {
  const r = jobfx(['compare', ...args, '--suppress', '0', '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return { tables: new Map((JSON.parse(r.stdout).tables as T[]).map((t) => [t.id, t])), stderr: r.stderr };
}
const value = (c: Cell | undefined): number =>
  typeof c === 'number' ? c : c !== null && typeof c === 'object' && 'value' in c ? c.value! : NaN;
const close = (c: Cell | undefined, expected: number, what: string) =>
  expect(
    Math.abs(value(c) - expected) / Math.abs(expected),
    `${what}: got ${value(c)}, R gives ${expected}`,
  ).toBeLessThanOrEqual(1e-6);
/** Test, statistic, df, df2, p, subgroups in the test, n. */
const test = (t: Map<string, T>, id: string) => t.get(id)!.rows[0]!.cells;

describe('compare --by two levels', () => {
  it('survey --by Jobcenter,Køn: six combined subgroups, LRT and F as R with the combined factor', () => {
    const { tables } = run([
      ...[resolve('fixtures/compare/survey.csv'), '--group', 'Gruppe'],
      ...['--outcome', 'arbejde_vigtigt=Ja', '--numeric', 'Timer', '--by', 'Jobcenter,Køn'],
    ]);
    const by = tables.get('compare.by.1')!;
    expect(by.title).toContain('efter jobcenter og køn');
    expect(by.rows.map((r) => r.cells[0])).toEqual([
      ...['Nord / M', 'Nord / K', 'Syd / M', 'Syd / K', 'Vest / M', 'Vest / K', 'I alt'],
    ]);
    // survey arbejde_vigtigt=Ja by Jobcenter,Køn lrt: 5.0080942605229097 5 0.41489315092178097
    const lrt = test(tables, 'compare.by.1.interaction');
    close(lrt[1], 5.0080942605229097, 'LR');
    expect(value(lrt[2])).toBe(5);
    close(lrt[4], 0.41489315092178097, 'p');
    expect(lrt[5]).toBe(6);
    // survey Timer by Jobcenter,Køn F: 1.7120165536477598 5 280 0.13184220975997268
    const f = test(tables, 'compare.by.2.interaction');
    close(f[1], 1.7120165536477598, 'F');
    expect([value(f[2]), value(f[3])]).toEqual([5, 280]);
    close(f[4], 0.13184220975997268, 'p');
  });

  it('--by Hold,Køn with an unmapped column: hand-counted cells, the untestable subgroups named, LRT as R', () => {
    const { tables, stderr } = run([
      ...[
        resolve('fixtures/pivot/compare.csv'),
        '--group',
        'Gruppe',
        '--outcome',
        'Svar=Ja',
        '--by',
        'Hold,Køn',
      ],
    ]);
    // label, treatment n, count, (share), control n, count
    expect(
      tables
        .get('compare.by.1')!
        .rows.map((r) => [0, 1, 2, 4, 5].map((i) => value(r.cells[i]) || r.cells[i])),
    ).toEqual([
      ['H1 / M', 4, 3, 4, 1],
      ['H1 / K', 5, 2, 5, 3],
      ['H2 / M', 3, 1, 4, 2],
      ['H2 / K', 2, 2, 0, 0],
      ['Uoplyst', 1, 1, 0, 0],
      ['I alt', 15, 9, 13, 6],
    ]);
    expect(stderr).toContain('subgroup H2 / K left out of the test (empty-arm)');
    // pivot Svar=Ja by Hold,Køn lrt: 2.6624313459975468 2 0.26415593878559696
    const lrt = test(tables, 'compare.by.1.interaction');
    close(lrt[1], 2.6624313459975468, 'LR');
    expect(value(lrt[2])).toBe(2);
    close(lrt[4], 0.26415593878559696, 'p');
    expect([lrt[5], value(lrt[6])]).toEqual([3, 25]);
  });

  it('a person file --by Jobcenter,Køn: as R', () => {
    const { tables } = run([
      ...[
        resolve('fixtures/trial/persons.csv'),
        '--group',
        'Gruppe',
        '--outcome',
        'Job12=Ja',
        '--by',
        'Jobcenter,Køn',
      ],
    ]);
    // persons Job12=Ja by Jobcenter,Køn lrt: 3.7645186330448723 5 0.58379258340852092
    const lrt = test(tables, 'compare.by.1.interaction');
    close(lrt[1], 3.7645186330448723, 'LR');
    expect(value(lrt[2])).toBe(5);
    close(lrt[4], 0.58379258340852092, 'p');
  });

  it('a course export, unit course: every combination, whose rows add up to the total', () => {
    const { tables } = run([
      ...[
        resolve('fixtures/demo/demo-export.csv'),
        '--outcome',
        'job within 26w',
        '--by',
        'unit,gender',
        '--unit',
        'course',
      ],
    ]);
    const rows = tables.get('compare.by.1')!.rows;
    const groups = rows.slice(0, -1);
    expect(groups.every((r) => / \/ [MK]$/.test(String(r.cells[0])))).toBe(true);
    for (const c of [1, 2, 5, 6])
      expect(groups.reduce((s, r) => s + value(r.cells[c]), 0)).toBe(value(rows.at(-1)!.cells[c]));
    expect(value(test(tables, 'compare.by.1.interaction')[2])).toBe(groups.length - 1);
  });

  it('suppresses the small combined subgroups in a memo format, and says so', () => {
    const r = jobfx([
      'compare',
      'fixtures/pivot/compare.csv',
      '--group',
      'Gruppe',
      '--outcome',
      'Svar=Ja',
      '--by',
      'Hold,Køn',
      '--format',
      'md',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\| H1 \/ M +\| +<5 \|/);
    expect(r.stdout).toContain('Tal under 5 er vist som "<5"');
  });

  it('refuses three levels and an unknown column, naming the columns (exit 2)', () => {
    const base = ['compare', 'fixtures/pivot/compare.csv', '--group', 'Gruppe', '--outcome', 'Svar=Ja'];
    const three = jobfx([...base, '--by', 'Hold,Køn,Svar']);
    expect(three.code).toBe(2);
    expect(three.stderr).toContain('--by Hold,Køn,Svar: give one field or column, or two');
    const unknown = jobfx([...base, '--by', 'Hold,Farve']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      '--by Farve: no column "Farve" in the file (columns: "Id", "Gruppe", "Hold", "Køn", "Svar"',
    );
  });
});
