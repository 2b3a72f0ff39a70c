/**
 * The compare analysis on hand-built courses: which rows count as success, failure, missing or
 * not yet observable (worked out by hand in the comments), and the statistics on them checked
 * against R 4.2.2 (the R call above each value). Also the errors: one group only, a person in both
 * groups, repeated respondents.
 */
import { describe, expect, it } from 'vitest';
import {
  armOf as armOfRow,
  compare as compareStore,
  deadlineOf,
  parseHorizon,
  parseOutcome,
  resolveName,
  type BinaryResult,
  type CompareOptions,
  type GroupRule,
  type NumericResult,
  type OutcomeSpec,
} from '../../src/analyses/compare/index.js';
import { mapColumns } from '../../src/schema/columns.js';
import type { Course } from '../../src/schema/course.js';
import { buildVocabSet, DEFAULT_VOCABULARIES, type VocabSet } from '../../src/schema/vocab.js';
import { course as testCourse, d, storeOf } from '../helpers.js';

const vocab = buildVocabSet(DEFAULT_VOCABULARIES);
let refNo = 0;

function course(
  personId: string,
  group: string | null,
  start: string,
  end: string | null,
  x: Partial<Course> = {},
): Course {
  const exitReason = x.exitReason ?? (end === null ? null : 'Ordinært job');
  return testCourse(`line ${++refNo}`, personId, start, end, { group, ...x, exitReason }, vocab);
}

/** The analysis runs over a store: these tests write its rows as courses. */
const compare = (rows: readonly Course[], o: CompareOptions) => compareStore(storeOf(rows), o);
const armOf = (c: Course, rule: GroupRule, v: VocabSet) => armOfRow(storeOf([c]), 0, rule, v);

const FIELD_GROUP = { source: { kind: 'field' as const, header: 'Forsøgsgruppe' } };

function options(outcomes: OutcomeSpec[], x: Partial<CompareOptions> = {}): CompareOptions {
  return {
    group: FIELD_GROUP,
    declaredRandomised: false,
    outcomes,
    vocab,
    unit: 'course',
    asOf: d('2025-06-30'),
    exact: false,
    correct: true,
    balance: false,
    ...x,
  };
}

const jobWithin12m: OutcomeSpec = {
  kind: 'binary',
  text: 'job within 12m',
  ref: { kind: 'field', field: 'exitGroup' },
  values: ['job'],
  within: { n: 12, unit: 'm' },
};

/** Relative error ≤ 1e-10. */
function close(actual: number | null | undefined, expected: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected) / Math.abs(expected)).toBeLessThanOrEqual(1e-10);
}

describe('parsing', () => {
  it('reads outcomes in both forms', () => {
    expect(parseOutcome('exitGroup=job')).toEqual({
      text: 'exitGroup=job',
      name: 'exitGroup',
      values: ['job'],
    });
    expect(parseOutcome('followUp6=job, education')).toMatchObject({
      name: 'followUp6',
      values: ['job', 'education'],
    });
    expect(parseOutcome('job within 12m')).toMatchObject({
      name: 'exitGroup',
      values: ['job'],
      within: { n: 12, unit: 'm' },
    });
    expect(parseOutcome('exitGroup=job,education within 26 uger')).toMatchObject({
      values: ['job', 'education'],
      within: { n: 26, unit: 'w' },
    });
    expect(() => parseOutcome('job')).toThrow(/FIELD=VALUE/);
    expect(() => parseOutcome('exitGroup=')).toThrow(/FIELD=VALUE/);
    expect(() => parseOutcome('job within soon')).toThrow(/not a span/);
  });

  it('reads spans: days, weeks, months', () => {
    expect(parseHorizon('90d')).toEqual({ n: 90, unit: 'd' });
    expect(parseHorizon('26w')).toEqual({ n: 26, unit: 'w' });
    expect(parseHorizon('26u')).toEqual({ n: 26, unit: 'w' });
    expect(parseHorizon('12 mdr.')).toEqual({ n: 12, unit: 'm' });
    expect(parseHorizon('0m')).toBeNull();
  });

  it('deadline: the day before start + N months (month end clamped), or start + N·7 − 1 days', () => {
    expect(deadlineOf(d('2024-01-15'), { n: 12, unit: 'm' })).toBe(d('2025-01-14'));
    expect(deadlineOf(d('2024-01-31'), { n: 1, unit: 'm' })).toBe(d('2024-02-28')); // 29 Feb − 1
    expect(deadlineOf(d('2024-02-29'), { n: 12, unit: 'm' })).toBe(d('2025-02-27')); // 28 Feb 2025 − 1
    expect(deadlineOf(d('2025-01-01'), { n: 1, unit: 'w' })).toBe(d('2025-01-07'));
    expect(deadlineOf(d('2025-01-01'), { n: 1, unit: 'd' })).toBe(d('2025-01-01'));
  });

  it('resolves names: canonical fields, mapped headers, unmapped columns', () => {
    const headers = ['CPR-nr.', 'Startdato', 'Status 6 mdr', 'Forsøgsgruppe', 'arbejde_vigtigt'];
    const m = mapColumns(headers);
    expect(resolveName('followUp6', headers, m)).toEqual({ kind: 'field', field: 'followUp6' });
    expect(resolveName('Status 6 mdr', headers, m)).toEqual({ kind: 'field', field: 'followUp6' });
    expect(resolveName('afgangsgruppe', headers, m)).toEqual({ kind: 'field', field: 'exitGroup' });
    expect(resolveName('Arbejde_Vigtigt', headers, m)).toEqual({ kind: 'column', name: 'Arbejde_Vigtigt' });
    expect(resolveName('Forsøgsgruppe', headers, m)).toMatch(/group column/);
    expect(resolveName('Timer', headers, m)).toMatch(/no column "Timer"/);
  });
});

describe('groups', () => {
  it('maps values through the vocabulary, or through --treatment/--control', () => {
    const c = course('p', 'treatment', '2024-01-01', null);
    expect(armOf(c, FIELD_GROUP, vocab)).toBe('treatment');
    expect(armOf(course('p', 'control', '2024-01-01', null), FIELD_GROUP, vocab)).toBe('control');
    expect(armOf(course('p', 'Venteliste', '2024-01-01', null), FIELD_GROUP, vocab)).toBe('other');
    expect(armOf(course('p', null, '2024-01-01', null), FIELD_GROUP, vocab)).toBe('missing');
    const col = { source: { kind: 'column' as const, name: 'Gruppe' } };
    const x = course('p', null, '2024-01-01', null, { extra: { Gruppe: 'Deltager' } });
    expect(armOf(x, col, vocab)).toBe('treatment');
    const explicit = { ...col, treatment: ['A'], control: ['b'] };
    expect(armOf(course('p', null, '2024-01-01', null, { extra: { Gruppe: 'a' } }), explicit, vocab)).toBe(
      'treatment',
    );
    expect(armOf(course('p', null, '2024-01-01', null, { extra: { Gruppe: 'B' } }), explicit, vocab)).toBe(
      'control',
    );
    expect(armOf(x, explicit, vocab)).toBe('other');
    // Explicit values against the mapped column (already canonical): matched through the vocabulary.
    expect(armOf(c, { ...FIELD_GROUP, treatment: ['Indsats'], control: ['Kontrol'] }, vocab)).toBe(
      'treatment',
    );
  });

  it('marks the comparison randomised only for the mapped group column read by the vocabulary, or --randomised', () => {
    const rows = [
      course('a', 'treatment', '2024-01-01', '2024-02-01'),
      course('b', 'control', '2024-01-01', '2024-02-01'),
    ];
    const spec: OutcomeSpec = {
      kind: 'binary',
      text: 'x',
      ref: { kind: 'field', field: 'exitGroup' },
      values: ['job'],
    };
    expect(compare(rows, options([spec])).randomised).toBe(true);
    const explicit = { ...FIELD_GROUP, treatment: ['treatment'], control: ['control'] };
    expect(compare(rows, options([spec], { group: explicit })).randomised).toBe(false);
    expect(compare(rows, options([spec], { group: explicit, declaredRandomised: true })).randomised).toBe(
      true,
    );
  });

  it('is an error with a single group, naming the other values', () => {
    const rows = [
      course('a', 'treatment', '2024-01-01', null),
      course('b', 'Venteliste', '2024-01-01', null),
    ];
    expect(() => compare(rows, options([jobWithin12m]))).toThrow(
      /only the treatment group is present \(1 rows\).*"Venteliste" \(1\)/,
    );
    expect(() => compare([], options([jobWithin12m]))).toThrow(/neither a treatment nor a control group/);
  });

  it('a person in both groups: an error with --unit person (rows named, never the person); else the unit is the course', () => {
    refNo = 0;
    const rows = [
      course('p1', 'treatment', '2024-01-01', null),
      course('p1', 'control', '2024-05-01', null),
      course('p2', 'treatment', '2024-01-01', null),
      course('p2', 'control', '2024-05-01', null),
      course('p3', 'control', '2024-01-01', null),
    ];
    const person = () => compare(rows, options([jobWithin12m], { unit: 'person', source: 'x.csv' }));
    expect(person).toThrow(
      /^x\.csv: 2 persons are in both the treatment and the control group \(rows of each: line 1 and line 2; line 3 and line 4\)/,
    );
    expect(person).not.toThrow(/p1|p2/);
    expect(compare(rows, options([jobWithin12m], { unit: 'course' }))).toMatchObject({
      unit: 'course',
      mixedPersons: 0,
    });
    expect(compare(rows, options([jobWithin12m], { unit: 'auto' }))).toMatchObject({
      unit: 'course',
      mixedPersons: 2,
      clustered: true,
    });
  });

  it('counts persons with several courses (course data); refuses repeated respondents (survey data)', () => {
    const rows = [
      course('p1', 'treatment', '2024-01-01', '2024-02-01'),
      course('p1', 'treatment', '2024-05-01', null),
      course('p2', 'control', '2024-01-01', null),
    ];
    const spec: OutcomeSpec = {
      kind: 'binary',
      text: 'x',
      ref: { kind: 'column', name: 'svar' },
      values: ['Ja'],
    };
    expect(compare(rows, options([spec])).personsWithSeveral).toBe(1);
    expect(() => compare(rows, options([spec], { unit: 'respondent', asOf: null }))).toThrow(
      /1 respondent id occurs on more than one row/,
    );
  });
});

describe('binary outcomes', () => {
  // asOf 2025-06-30. Deadline = addMonths(start, 12) − 1.
  const rows = [
    course('t1', 'treatment', '2024-01-15', '2024-06-01'), // job before 2025-01-14: success
    course('t2', 'treatment', '2024-01-31', '2025-01-30'), // job on the deadline 2025-01-30: success
    course('t3', 'treatment', '2024-01-31', '2025-01-31'), // job one day late: failure
    course('t4', 'treatment', '2024-02-29', '2025-02-27'), // deadline 2025-02-27 (28 Feb − 1): success
    course('t5', 'treatment', '2024-03-01', '2024-05-01', { exitReason: 'Afbrudt', exitGroup: 'dropout' }), // failure
    course('t6', 'treatment', '2024-03-01', null), // ongoing, deadline 2025-02-28 ≤ asOf: failure
    course('t7', 'treatment', '2024-09-01', null), // ongoing, deadline 2025-08-31 > asOf: censored
    course('t8', 'treatment', '2024-09-01', '2024-10-01'), // job, ended before the deadline: success
    course('t9', 'treatment', '2024-09-01', '2025-03-01', {
      exitReason: 'Uddannelse',
      exitGroup: 'education',
    }), // failure
    course('c1', 'control', '2024-01-10', '2024-02-10'), // success
    course('c2', 'control', '2024-01-10', '2025-03-01'), // late: failure
    course('c3', 'control', '2024-05-05', null), // ongoing past its deadline 2025-05-04: failure
    course('c4', 'control', '2025-01-01', null), // censored
    course('c5', 'control', '2024-04-01', '2024-04-01', {
      exitReason: 'Stoppet af andre årsager',
      exitGroup: null,
    }), // unmapped: failure
    course('c6', 'control', '2024-02-01', '2024-12-01', { exitReason: 'Fleksjob', exitGroup: 'job' }), // success
  ];

  it('"job within 12m": successes, failures and courses not yet observable, by the definition', () => {
    const r = compare(rows, options([jobWithin12m])).outcomes[0] as BinaryResult;
    expect(r.arms.treatment).toEqual({ n: 8, successes: 4, missing: 0, censored: 1 });
    expect(r.arms.control).toEqual({ n: 5, successes: 2, missing: 0, censored: 1 });
    // Expected counts below 5: Fisher. fisher.test(matrix(c(4, 2, 4, 3), 2))$p.value = 1
    expect(r.test).toBe('fisher');
    expect(r.pValue).toBeCloseTo(1, 12);
    expect(r.difference).toBeCloseTo(4 / 8 - 2 / 5, 15);
    // prop.test(c(4, 2), c(8, 5))$conf.int = -0.55175684095442745 0.75175684095442741
    close(r.ci![0], -0.55175684095442745);
    close(r.ci![1], 0.75175684095442741);
  });

  it('exitGroup=job without a span: ongoing courses have no outcome yet (missing)', () => {
    const spec: OutcomeSpec = {
      kind: 'binary',
      text: 'exitGroup=job',
      ref: { kind: 'field', field: 'exitGroup' },
      values: ['Job'],
    };
    const r = compare(rows, options([spec])).outcomes[0] as BinaryResult;
    // Treatment ended: t1 t2 t3 t4 t8 job (5), t5 t9 not; ongoing t6 t7.
    expect(r.arms.treatment).toEqual({ n: 7, successes: 5, missing: 2, censored: 0 });
    // Control ended: c1 c2 c6 job, c5 unmapped; ongoing c3 c4.
    expect(r.arms.control).toEqual({ n: 4, successes: 3, missing: 2, censored: 0 });
  });

  // 40 of 100 vs 25 of 90: large enough for the chi-square test.
  const big = [
    ...Array.from({ length: 100 }, (_x, i) =>
      course(
        `t${i}`,
        'treatment',
        '2024-01-01',
        '2024-03-01',
        i < 40 ? {} : { exitReason: 'Afbrudt', exitGroup: 'dropout' },
      ),
    ),
    ...Array.from({ length: 90 }, (_x, i) =>
      course(
        `c${i}`,
        'control',
        '2024-01-01',
        '2024-03-01',
        i < 25 ? {} : { exitReason: 'Afbrudt', exitGroup: 'dropout' },
      ),
    ),
  ];
  const jobSpec: OutcomeSpec = {
    kind: 'binary',
    text: 'exitGroup=job',
    ref: { kind: 'field', field: 'exitGroup' },
    values: ['job'],
  };

  it('chi-square with continuity correction by default (R prop.test)', () => {
    const r = compare(big, options([jobSpec])).outcomes[0] as BinaryResult;
    expect(r.test).toBe('chisq');
    expect(r.corrected).toBe(true);
    // prop.test(c(40, 25), c(100, 90)): X-squared = 2.6243384615384624, p = 0.10523635699804561,
    // conf.int = -0.021684088040430982 0.26612853248487545
    close(r.statistic, 2.6243384615384624);
    close(r.pValue, 0.10523635699804561);
    close(r.ci![0], -0.021684088040430982);
    close(r.ci![1], 0.26612853248487545);
  });

  it('without correction (--no-correct), and Fisher for all with --exact', () => {
    const nc = compare(big, options([jobSpec], { correct: false })).outcomes[0] as BinaryResult;
    // prop.test(c(40, 25), c(100, 90), correct = FALSE): 3.1439316239316248, p = 0.076209894885049326,
    // conf.int = -0.011128532484875414 0.25557297692931991
    expect(nc.corrected).toBe(false);
    close(nc.statistic, 3.1439316239316248);
    close(nc.pValue, 0.076209894885049326);
    close(nc.ci![0], -0.011128532484875414);
    close(nc.ci![1], 0.25557297692931991);
    const ex = compare(big, options([jobSpec], { exact: true })).outcomes[0] as BinaryResult;
    expect(ex.test).toBe('fisher');
    // fisher.test(matrix(c(40, 25, 60, 65), 2))$p.value = 0.092397858130567889
    close(ex.pValue, 0.092397858130567889);
  });

  it('follow-up and column outcomes: missing values left out and counted; values through the vocabulary', () => {
    const rows2 = [
      course('a', 'treatment', '2024-01-01', '2024-02-01', {
        followUp: { 1: null, 3: null, 6: 'Job', 12: null },
        extra: { svar: 'Ja' },
      }),
      course('b', 'treatment', '2024-01-01', '2024-02-01', {
        followUp: { 1: null, 3: null, 6: 'Uddannelse', 12: null },
        extra: { svar: 'nej' },
      }),
      course('c', 'treatment', '2024-01-01', '2024-02-01', { extra: { svar: null } }),
      course('d', 'control', '2024-01-01', '2024-02-01', {
        followUp: { 1: null, 3: null, 6: 'Forsørgelsesydelse', 12: null },
        extra: { svar: 'JA' },
      }),
    ];
    const fu: OutcomeSpec = {
      kind: 'binary',
      text: 'f',
      ref: { kind: 'field', field: 'followUp6' },
      values: ['job', 'education'],
    };
    const col: OutcomeSpec = {
      kind: 'binary',
      text: 's',
      ref: { kind: 'column', name: 'svar' },
      values: ['ja', 'måske'],
    };
    const [f, s] = compare(rows2, options([fu, col])).outcomes as [BinaryResult, BinaryResult];
    expect(f.arms.treatment).toEqual({ n: 2, successes: 2, missing: 1, censored: 0 });
    expect(f.arms.control).toEqual({ n: 1, successes: 0, missing: 0, censored: 0 });
    expect(f.unmatched).toEqual([]);
    expect(s.arms.treatment).toEqual({ n: 2, successes: 1, missing: 1, censored: 0 });
    expect(s.arms.control).toEqual({ n: 1, successes: 1, missing: 0, censored: 0 });
    expect(s.unmatched).toEqual(['måske']);
  });

  it('has no test when a group has no observed rows, and says why', () => {
    const rows3 = [
      course('a', 'treatment', '2024-01-01', '2024-02-01'),
      course('b', 'control', '2024-01-01', null),
    ];
    const r = compare(rows3, options([jobSpec])).outcomes[0] as BinaryResult;
    expect(r.noTest).toBe('empty-group');
    expect(r.pValue).toBeNull();
    expect(r.difference).toBeNull();
  });
});

describe('numeric outcomes', () => {
  const timer = (v: string | null) => ({ extra: { Timer: v } });
  const rows = [
    course('t1', 'treatment', '2024-01-01', '2024-01-10', timer('12,5')),
    course('t2', 'treatment', '2024-01-01', '2024-01-31', timer('7')),
    course('t3', 'treatment', '2024-01-01', null, timer(null)),
    course('t4', 'treatment', '2024-01-01', '2024-01-01', timer('abc')),
    course('t5', 'treatment', '2024-01-01', '2024-01-02', timer('20,25')),
    course('t6', 'treatment', '2024-01-01', '2024-01-05', timer('3')),
    course('c1', 'control', '2024-01-01', '2024-03-01', timer('10')),
    course('c2', 'control', '2024-01-01', null, timer('0')),
    course('c3', 'control', '2024-01-01', '2024-01-01', timer('5,5')),
    course('c4', 'control', '2024-01-01', '2024-01-07', timer('8.75')),
  ];

  it('a column with decimal commas: missing and unreadable values left out and counted; Welch t-test as R', () => {
    const spec: OutcomeSpec = { kind: 'numeric', text: 'Timer', ref: { kind: 'column', name: 'Timer' } };
    const r = compare(rows, options([spec])).outcomes[0] as NumericResult;
    expect(r.arms.treatment).toMatchObject({
      n: 4,
      mean: (12.5 + 7 + 20.25 + 3) / 4,
      missing: 1,
      invalid: 1,
    });
    expect(r.arms.control).toMatchObject({ n: 4, mean: (10 + 0 + 5.5 + 8.75) / 4, missing: 0, invalid: 0 });
    // t.test(c(12.5, 7, 20.25, 3), c(10, 0, 5.5, 8.75)): t = 1.0628703129541548, df = 4.9005348286893433,
    // p = 0.33738630271053249, conf.int = -6.6293257265236738 15.879325726523675
    expect(r.test).toBe('welch');
    close(r.statistic, 1.0628703129541548);
    close(r.df, 4.9005348286893433);
    close(r.pValue, 0.33738630271053249);
    close(r.ci![0], -6.6293257265236738);
    close(r.ci![1], 15.879325726523675);
  });

  it('duration: end − start + 1 days of ended courses; ongoing ones left out', () => {
    const spec: OutcomeSpec = { kind: 'numeric', text: 'duration', ref: { kind: 'duration' } };
    const r = compare(rows, options([spec])).outcomes[0] as NumericResult;
    // Treatment: 10, 31, 1, 2, 5 days; control: 61, 1, 7.
    expect(r.arms.treatment).toMatchObject({ n: 5, mean: 49 / 5, missing: 1 });
    expect(r.arms.control).toMatchObject({ n: 3, mean: 69 / 3, missing: 1 });
  });

  it('n = 1 in a group: means, no test', () => {
    const spec: OutcomeSpec = { kind: 'numeric', text: 'Timer', ref: { kind: 'column', name: 'Timer' } };
    const r = compare(rows.slice(0, 7), options([spec])).outcomes[0] as NumericResult;
    expect(r.arms.control.n).toBe(1);
    expect(r.arms.control.sd).toBeNull();
    expect(r.noTest).toBe('too-few');
    expect(r.difference).toBeCloseTo((12.5 + 7 + 20.25 + 3) / 4 - 10, 12);
  });
});

describe('subgroups and balance', () => {
  const rows = [
    ...['M', 'M', 'M', 'K', 'K', null].map((g, i) =>
      course(`t${i}`, 'treatment', '2024-01-01', '2024-02-01', { gender: g as 'M' | 'K' | null }),
    ),
    ...['M', 'K', 'K', 'K', 'K', null].map((g, i) =>
      course(`c${i}`, 'control', '2024-01-01', '2024-02-01', { gender: g as 'M' | 'K' | null }),
    ),
  ];
  const spec: OutcomeSpec = {
    kind: 'binary',
    text: 'x',
    ref: { kind: 'field', field: 'exitGroup' },
    values: ['job'],
  };

  it('--by: one result per value, in order (M, K, unknown last), and the number of tests', () => {
    const r = compare(rows, options([spec], { by: [{ kind: 'field', field: 'gender' }] }));
    expect(r.by!.groups.map((g) => g.value)).toEqual(['M', 'K', null]);
    expect(r.by!.groups.map((g) => (g.outcomes[0] as BinaryResult).arms.treatment.n)).toEqual([3, 2, 1]);
    expect(r.by!.tests).toBe(3);
  });

  it('balance: counts, standardised differences and the chi-square test as R chisq.test(correct = FALSE)', () => {
    const r = compare(rows, options([], { balance: true }));
    expect(r.balance!.skipped).toEqual(['targetGroup', 'education', 'ageBand']);
    const g = r.balance!.results[0]!;
    expect(g.field).toBe('gender');
    expect(g.rows.map((x) => [x.value, x.counts.treatment, x.counts.control])).toEqual([
      ['M', 3, 1],
      ['K', 2, 4],
      ['Uoplyst', 1, 1],
    ]);
    const p1 = 3 / 6;
    const p2 = 1 / 6;
    close(g.rows[0]!.d, (p1 - p2) / Math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / 2));
    expect(g.rows[2]!.d).toBe(0);
    // chisq.test(rbind(c(3, 1), c(2, 4), c(1, 1)), correct = FALSE): X-squared = 1.6666666666666665,
    // df = 2, p = 0.4345982085070782
    close(g.chisq!.statistic, 1.6666666666666665);
    expect(g.chisq!.df).toBe(2);
    close(g.chisq!.pValue, 0.4345982085070782);
  });

  it('age band from the age column where there is no CPR number', () => {
    const withAge = rows.map((c, i) => ({ ...c, extra: { Alder: String(20 + 5 * i) } }));
    const r = compare(withAge, options([], { balance: true, ageColumn: 'Alder' }));
    const a = r.balance!.results.find((x) => x.field === 'ageBand')!;
    expect(a.rows.map((x) => x.value)).toEqual(['<25', '25-29', '30-39', '40-49', '50+']);
  });
});

describe('weekly (Kaplan–Meier of time to exit to job)', () => {
  // asOf 2025-03-31; --weekly 4: everything censored at day 28.
  const j = (p: string, g: string, start: string, end: string | null, reason = 'Ordinært job') =>
    course(
      p,
      g,
      start,
      end,
      end === null ? {} : { exitReason: reason, exitGroup: vocab.groupOf(reason) ?? null },
    );
  const rows = [
    j('a1', 'treatment', '2025-01-01', '2025-01-03'), // day 3, event
    j('a2', 'treatment', '2025-01-01', '2025-01-07'), // day 7, event
    j('a3', 'treatment', '2025-01-01', '2025-01-07', 'Afbrudt'), // other exit: followed to asOf (90 days) → censored 28
    j('a4', 'treatment', '2025-01-01', '2025-01-14'), // day 14, event
    j('a5', 'treatment', '2025-03-20', null), // ongoing, followed 12 days: censored 12
    j('a6', 'treatment', '2025-01-01', '2025-02-20'), // day 51 > 28: censored 28
    j('a7', 'treatment', '2025-01-01', '2025-01-20'), // day 20, event
    j('a8', 'treatment', '2025-03-10', '2025-03-15'), // day 6, event
    j('b1', 'control', '2025-01-01', '2025-01-10'), // day 10, event
    j('b2', 'control', '2025-01-01', '2025-01-10'), // day 10, event (tie)
    j('b3', 'control', '2025-03-25', null), // ongoing, censored 7
    j('b4', 'control', '2025-01-01', '2025-01-28'), // day 28, event (on the horizon)
    j('b5', 'control', '2025-01-01', '2025-01-05', 'Uddannelse'), // other exit → censored 28
    j('b6', 'control', '2025-03-29', '2025-03-29'), // day 1, event
  ];

  it('share exited by week, with limits, as 1 − R summary(survfit, times = c(7, 14, 21, 28))', () => {
    const w = compare(
      rows,
      options([], { asOf: d('2025-03-31'), weekly: { weeks: 4, exitGroups: ['job'] } }),
    ).weekly!;
    // ta <- c(3, 7, 28, 14, 12, 28, 20, 6); ea <- c(1, 1, 0, 1, 0, 0, 1, 1)
    // s <- summary(survfit(Surv(ta, ea) ~ 1), times = c(7, 14, 21, 28), extend = TRUE)
    const A = {
      surv: [0.625, 0.46875, 0.3125, 0.3125],
      lower: [0.36540027868240926, 0.21490110187084879, 0.10223285305231944, 0.10223285305231944],
      upper: [1, 1, 0.95523353877273398, 0.95523353877273398],
      nrisk: [6, 4, 2, 2],
    };
    // tb <- c(10, 10, 7, 28, 28, 1); eb <- c(1, 1, 0, 1, 0, 1)
    const B = {
      surv: [0.83333333333333337, 0.41666666666666669, 0.41666666666666669, 0.20833333333333334],
      lower: [0.58265479547713961, 0.14679191553447152, 0.14679191553447152, 0.036761506502715251],
      upper: [1, 1, 1, 1],
      nrisk: [5, 2, 2, 2],
    };
    for (const [arm, ref] of [
      ['treatment', A],
      ['control', B],
    ] as const) {
      const pts = w.arms[arm].points;
      pts.forEach((p, i) => {
        close(1 - p.share!, ref.surv[i]!);
        close(1 - p.upper!, ref.lower[i]!);
        if (ref.upper[i] === 1) expect(p.lower).toBe(0);
        else close(1 - p.lower!, ref.upper[i]!);
        expect(p.nRisk).toBe(ref.nrisk[i]);
      });
    }
    expect(w.arms.treatment).toMatchObject({ n: 8, censored: 1, otherExits: 1 });
    expect(w.arms.control).toMatchObject({ n: 6, censored: 1, otherExits: 1 });
    // survdiff(Surv(c(ta, tb), c(ea, eb)) ~ rep(c("a", "b"), c(8, 6))): chisq = 0.017665203518327337,
    // p = 0.89426415532040582, exp = 5.1933788433788433 3.8066211566211563
    close(w.logRank!.statistic, 0.017665203518327337);
    close(w.logRank!.pValue, 0.89426415532040582);
    close(w.logRank!.expected[0], 5.1933788433788433);
    expect(w.logRank!.observed).toEqual([5, 4]);
  });

  it('needs dates: refused for survey data', () => {
    expect(() =>
      compare(
        rows,
        options([], { asOf: null, unit: 'respondent', weekly: { weeks: 4, exitGroups: ['job'] } }),
      ),
    ).toThrow(/need start and end dates/);
  });
});
