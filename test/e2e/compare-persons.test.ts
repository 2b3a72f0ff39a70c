/**
 * jobfx compare with the person as the unit, run as a user runs it: the person file
 * fixtures/trial/persons.csv, the demo export as persons (from the first course's start), a
 * survey without an id column, and the errors. Expected numbers from R straight from the fixture
 * files (fixtures/trial/reference.R; the R call in the comment above each), to a relative error of
 * 1e-9; the small files are worked out by hand. R is not needed to run this test.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CPR_LIKE } from '../helpers.js';
import { jobfx } from './run.js';

const PERSONS = resolve('fixtures/trial/persons.csv');
const DEMO = resolve('fixtures/demo/demo-export.csv');

type JsonCell =
  | null
  | number
  | string
  | { count: number; of: number; percent: number }
  | { value: number | null; n: number };
interface JsonTable {
  id: string;
  columns: { label: string }[];
  rows: { cells: JsonCell[] }[];
  notes: string[];
  stats?: Record<string, number | null> | null;
}

function run(args: string[]): { tables: Map<string, JsonTable>; stderr: string } {
  const r = jobfx(['compare', ...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).not.toMatch(CPR_LIKE);
  const tables = new Map((JSON.parse(r.stdout).tables as JsonTable[]).map((t) => [t.id, t]));
  return { tables, stderr: r.stderr };
}

function v(c: JsonCell | undefined): number | null {
  if (c === null || c === undefined) return null;
  if (typeof c === 'number') return c;
  if (typeof c === 'string') return Number.NaN;
  return 'percent' in c ? c.percent : c.value;
}

function close(actual: JsonCell | undefined, expected: number, what = ''): void {
  const a = v(actual);
  expect(a, what).not.toBeNull();
  expect(
    Math.abs(a! - expected) / Math.abs(expected),
    `${what}: got ${a}, R gives ${expected}`,
  ).toBeLessThanOrEqual(1e-9);
}

/** label, [n, count, share/mean, SD] × 2, diff, lower, upper, p, test, signif. */
const COL = { nT: 1, xT: 2, pT: 3, nC: 5, xC: 6, pC: 7, lo: 10, hi: 11, p: 12 };
/** Yes/no outcomes only (no SD columns): label, [n, count, share] × 2, diff, lower, upper, p, test, signif. */
const COLB = { nT: 1, xT: 2, nC: 4, xC: 5, lo: 8, hi: 9, p: 10 };

function tmpFile(name: string, text: string): string {
  const f = join(mkdtempSync(join(tmpdir(), 'jobfx-persons-')), name);
  writeFileSync(f, text);
  return f;
}

describe('a person file (one row per randomised person)', () => {
  const { tables, stderr } = run([
    PERSONS,
    '--group',
    'Gruppe',
    '--outcome',
    'Job12=Ja',
    '--numeric',
    'Uger_i_job',
  ]);
  const t = tables.get('compare.outcomes')!;

  it('is read as persons and says so', () => {
    expect(stderr).toContain('read as a person file, one row per randomised person');
    expect(t.notes.join('\n')).toContain(
      'Enhed: én randomiseret person pr. række i personfilen (300 personer)',
    );
  });

  it('a yes/no column: as R prop.test', () => {
    const row = t.rows[0]!.cells;
    // prop.test(c(63, 48), c(161, 139))
    expect([row[COL.nT], row[COL.xT], row[COL.nC], row[COL.xC]]).toEqual([161, 63, 139, 48]);
    close(row[COL.lo], 100 * -0.069951237884195633, 'lower');
    close(row[COL.hi], 100 * 0.16191245152198105, 'upper');
    close(row[COL.p], 0.48227619174161707, 'p');
  });

  it('a numeric column: as R t.test', () => {
    const row = t.rows[1]!.cells;
    // t.test(Uger_i_job[Indsats], Uger_i_job[Kontrol])
    close(row[COL.pT], 8.2670807453416142);
    close(row[COL.pC], 6.4316546762589928);
    close(row[COL.lo], 0.21130116023441847);
    close(row[COL.hi], 3.4595509779308244);
    close(row[COL.p], 0.026900229369272839);
  });

  it('the tests as numbers in the json (stats): t and df as R t.test', () => {
    // t.test: t = 2.2241163175223435, df = 293.92834745122167; prop.test: X-squared = 0.4937118436381136
    close(t.stats!['row0.statistic']!, 0.4937118436381136, 'chi-square');
    expect(t.stats!['row0.df']).toBe(1);
    close(t.stats!['row1.statistic']!, 2.2241163175223435, 't');
    close(t.stats!['row1.df']!, 293.92834745122167, 'df');
    close(t.stats!['row1.pValue']!, 0.026900229369272839, 'p');
  });

  it('--balance-fields: any baseline column; the chi-square as R chisq.test in the json', () => {
    const { tables: b } = run([PERSONS, '--group', 'Gruppe', '--balance-fields', 'Jobcenter,Køn,Alder']);
    expect([...b.keys()]).toEqual([
      'compare.balance.unit',
      'compare.balance.gender',
      'compare.balance.ageBand',
    ]);
    // chisq.test(table(Jobcenter, group), correct = FALSE): 0.052777039954780024, df 2, p 0.97395661448909754
    const jc = b.get('compare.balance.unit')!;
    close(jc.stats!.chisq!, 0.052777039954780024, 'chi-square');
    expect(jc.stats!.df).toBe(2);
    close(jc.stats!.pValue!, 0.97395661448909754, 'p');
    expect(jc.rows.map((r) => r.cells[0])).toEqual(['Nord', 'Syd', 'Vest', 'I alt']);
  });

  it('--unit course and "within" outcomes are refused: a person file has no courses', () => {
    const r = jobfx(['compare', PERSONS, '--group', 'Gruppe', '--outcome', 'Job12=Ja', '--unit', 'course']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a person file (one row per randomised person) and has no courses');
    const w = jobfx(['compare', PERSONS, '--group', 'Gruppe', '--outcome', 'job within 12m']);
    expect(w.code).toBe(2);
    expect(w.stderr).toContain('is a person file');
  });

  it('a person on two rows is an error naming the rows', () => {
    const f = tmpFile(
      'p.csv',
      'Borger-id;Gruppe;Randomiseringsdato;Job\nB1;Indsats;01-02-2024;Ja\nB2;Kontrol;01-02-2024;Nej\nB1;Indsats;03-02-2024;Nej\n',
    );
    const r = jobfx(['compare', f, '--outcome', 'Job=Ja']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/p\.csv: 1 person occurs on more than one row \(line 2 and line 4\)/);
    expect(r.stderr).not.toContain('B1');
  });
});

describe('a person file with CPR numbers', () => {
  it('age at the randomisation date and gender from the CPR number; no CPR number in the output', () => {
    // Fake CPR numbers (fail modulus 11). Ages on the randomisation date: 010190 on 01-02-2024 is
    // 34, 030370 on 15-03-2024 is 54 (Indsats); 020285 is 38, 040460 is 63 (Kontrol): each group
    // one in 30-39 and one in 50+. Last digits odd: all men.
    const f = tmpFile(
      'cpr.csv',
      'CPR-nr.;Gruppe;Randomiseringsdato;Job\n010190-1235;Indsats;01-02-2024;Ja\n020285-1235;Kontrol;01-02-2024;Nej\n' +
        '030370-1235;Indsats;15-03-2024;Nej\n040460-1235;Kontrol;01-02-2024;Ja\n',
    );
    const { tables } = run([f, '--outcome', 'Job=Ja', '--balance-fields', 'ageBand,gender']);
    const age = tables.get('compare.balance.ageBand')!;
    expect(age.rows.map((r) => [r.cells[0], r.cells[1], r.cells[3]])).toEqual([
      ['30-39', 1, 1],
      ['50+', 1, 1],
      ['I alt', 2, 2],
    ]);
    expect(
      tables.get('compare.balance.gender')!.rows.map((r) => [r.cells[0], r.cells[1], r.cells[3]]),
    ).toEqual([
      ['Mænd', 2, 2],
      ['I alt', 2, 2],
    ]);
  });
});

describe('the demo export as persons (the default: no person is in both groups)', () => {
  it('"job within 12m" of the first course start, any course: as R prop.test', () => {
    const { tables } = run([DEMO, '--outcome', 'job within 12m']);
    const t = tables.get('compare.outcomes')!;
    const row = t.rows[0]!.cells;
    // persons: 340; prop.test(c(58, 44), c(113, 101)); censored 74, 52
    expect(row[0]).toBe('Afsluttet til job inden 12 måneder fra randomisering');
    expect([row[COLB.nT], row[COLB.xT], row[COLB.nC], row[COLB.xC]]).toEqual([113, 58, 101, 44]);
    close(row[COLB.lo], 100 * -0.065325359575653524);
    close(row[COLB.hi], 100 * 0.22058690342915396);
    close(row[COLB.p], 0.31827401305411673);
    const notes = t.notes.join('\n');
    expect(notes).toContain('Enhed: én randomiseret person (340 personer)');
    expect(notes).toContain('for 340 personer uden randomiseringsdato fra første forløbs start');
    expect(notes).toContain('er ikke med: Indsats 74, Kontrol 52');
  });
});

describe('persons in both groups', () => {
  // Fake CPR numbers (fail modulus 11): 010190-1235 in both groups on lines 2 and 3.
  const f = tmpFile(
    'both.csv',
    'CPR-nr.;Startdato;Slutdato;Afslutningsårsag;Forsøgsgruppe\n' +
      '010190-1235;01-02-2024;01-03-2024;Ordinært job;Indsats\n' +
      '010190-1235;01-05-2024;;;Kontrol\n' +
      '020290-1235;01-02-2024;01-03-2024;Ordinært job;Kontrol\n' +
      '030390-1235;01-02-2024;;;Indsats\n',
  );

  it('--unit person: an error naming the file and rows, never the CPR number', () => {
    const r = jobfx(['compare', f, '--outcome', 'exitGroup=job', '--unit', 'person']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /both\.csv: 1 person is in both the treatment and the control group \(rows of each: line 2 and line 3\)/,
    );
    expect(r.stderr).not.toMatch(CPR_LIKE);
  });

  it('by default: the unit is the course, and the output says why', () => {
    const { tables, stderr } = run([f, '--outcome', 'exitGroup=job', '--lang', 'en']);
    expect(stderr).toContain('the unit is the course: 1 persons have courses in both groups');
    expect(tables.get('compare.outcomes')!.notes.join('\n')).toContain(
      'The unit is the course because 1 persons have courses in both groups',
    );
  });
});

describe('a survey without an id column', () => {
  it('is read with the row number as the respondent', () => {
    // Hand-worked: Deltager Ja, Ja, Nej → 2 of 3; Kontrol Nej, Ja, (empty) → 1 of 2.
    const f = tmpFile(
      'svar.csv',
      'Gruppe;svar\nDeltager;Ja\nKontrol;Nej\nDeltager;Ja\nKontrol;Ja\nDeltager;Nej\nKontrol;\n',
    );
    const { tables, stderr } = run([f, '--group', 'Gruppe', '--outcome', 'svar=Ja']);
    expect(stderr).toContain(
      'no id column: read as a survey, one row per respondent, known by its row number',
    );
    const row = tables.get('compare.outcomes')!.rows[0]!.cells;
    expect([row[COLB.nT], row[COLB.xT], row[COLB.nC], row[COLB.xC]]).toEqual([3, 2, 2, 1]);
    expect(tables.get('compare.outcomes')!.notes.join('\n')).toContain(
      'Enhed: én række pr. respondent (6 respondenter)',
    );
  });
});
