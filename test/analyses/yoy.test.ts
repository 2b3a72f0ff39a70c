/**
 * Year-over-year on twenty hand-made courses (the same as fixtures/yoy/exits.csv), built to hit
 * reasons present in only some years, courses running across a year end, an exit reason not in
 * the vocabulary, an ended course without a reason, ongoing courses, one person with two courses
 * in a year, and dates on 1 Jan, 30 Jun, 1 Jul and 31 Dec. Every expected value is worked out by
 * hand in the comments, not taken from the program.
 *
 *  id  person unit  target start       end         reason (canonical)        end yr  start yr  days
 *  c01 A  Park  JP   2021-03-01  2021-06-30  Ordinært job              2021H1  2021      122 (31+30+31+30)
 *  c02 B  Park  FL   2021-05-10  2021-07-01  Ordinært job ("Job")      2021H2  2021       53 (22+30+1)
 *  c03 C  Maler JP   2021-09-01  2021-12-31  Afbrudt                   2021H2  2021      122 (30+31+30+31)
 *  c04 D  Maler JP   2021-12-15  2022-01-01  Uddannelse                2022H1  2021       18 (17+1)
 *  c05 A  Park  JP   2022-02-01  2022-02-01  Fleksjob                  2022H1  2022        1
 *  c06 E  Park  FL   2022-03-01  2022-08-31  Ordinært job              2022H2  2022      184
 *  c07 E  Park  FL   2022-09-01  2022-12-31  Ordinært job              2022H2  2022      122
 *  c08 F  Maler -    2022-11-01  2023-02-28  Virksomhedspraktik        2023H1  2022      120 (30+31+31+28)
 *  c09 G  Maler JP   2023-01-01  2023-06-30  Stoppet af andre årsager  2023H1  2023      181
 *  c10 H  Park  FL   2023-04-01  2023-09-30  Uoplyst (empty)           2023H2  2023      183
 *  c11 B  Park  FL   2023-05-01  -           (ongoing)                 -       2023        -
 *  c12 I  Maler JP   2023-12-01  2024-01-31  Afbrudt                   2024H1  2023       62
 *  c13 J  Park  JP   2024-02-01  2024-05-31  Ordinært job              2024H1  2024      121 (29+31+30+31)
 *  c14 K  Park  FL   2024-03-01  2024-12-31  Barsel                    2024H2  2024      306 (366−31−29)
 *  c15 C  Maler JP   2024-06-01  2024-07-01  Virksomhedspraktik        2024H2  2024       31
 *  c16 L  Park  FL   2024-10-01  2025-01-15  Ordinært job              2025H1  2024      107 (31+30+31+15)
 *  c17 D  Maler JP   2024-11-01  -           (ongoing)                 -       2024        -
 *  c18 A  Park  JP   2025-02-10  -           (ongoing; newest date)    -       2025        -
 *  c19 M  Park  JP   2024-01-01  2024-01-01  Ordinært job ("Afsluttet til job") 2024H1 2024  1
 *  c20 J  Maler JP   2024-08-01  2024-09-15  Afbrudt                   2024H2  2024       46 (31+15)
 *
 * Earliest date 2021-03-01, newest 2025-02-10: complete years 2021–2024 (31-12-2025 is after the
 * newest date), complete half-years 2021H1–2024H2.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  columnsBetween,
  completeColumns,
  yoy,
  type YoyOptions,
  type YoyResult,
} from '../../src/analyses/yoy.js';
import { suppress } from '../../src/disclosure/suppress.js';
import type { Cell, Table } from '../../src/model/table.js';
import type { Course } from '../../src/schema/course.js';
import { loadCourses } from '../../src/schema/load.js';
import { buildVocabSet, DEFAULT_VOCABULARIES, type VocabSet } from '../../src/schema/vocab.js';
import { yoyTable, type YoyTableOptions } from '../../src/tables/yoy.js';
import { course, coursesOf, d } from '../helpers.js';

const vocab = buildVocabSet(DEFAULT_VOCABULARIES);
const JP = 'Jobparat kontanthjælpsmodtager';
const FL = 'Forsikret ledig';
const OJ = 'Ordinært job';
const STOP = 'Stoppet af andre årsager';

type Spec = [string, string, string, string | null, string, string | null, string | null, string?];
const SPECS: Spec[] = [
  ['c01', 'A', 'Park', JP, '2021-03-01', '2021-06-30', OJ],
  ['c02', 'B', 'Park', FL, '2021-05-10', '2021-07-01', OJ],
  ['c03', 'C', 'Maler', JP, '2021-09-01', '2021-12-31', 'Afbrudt'],
  ['c04', 'D', 'Maler', JP, '2021-12-15', '2022-01-01', 'Uddannelse'],
  ['c05', 'A', 'Park', JP, '2022-02-01', '2022-02-01', 'Fleksjob', 'Nytteindsats'],
  ['c06', 'E', 'Park', FL, '2022-03-01', '2022-08-31', OJ],
  ['c07', 'E', 'Park', FL, '2022-09-01', '2022-12-31', OJ],
  ['c08', 'F', 'Maler', null, '2022-11-01', '2023-02-28', 'Virksomhedspraktik'],
  ['c09', 'G', 'Maler', JP, '2023-01-01', '2023-06-30', STOP],
  ['c10', 'H', 'Park', FL, '2023-04-01', '2023-09-30', 'Uoplyst'],
  ['c11', 'B', 'Park', FL, '2023-05-01', null, null],
  ['c12', 'I', 'Maler', JP, '2023-12-01', '2024-01-31', 'Afbrudt'],
  ['c13', 'J', 'Park', JP, '2024-02-01', '2024-05-31', OJ],
  ['c14', 'K', 'Park', FL, '2024-03-01', '2024-12-31', 'Barsel', 'Nytteindsats'],
  ['c15', 'C', 'Maler', JP, '2024-06-01', '2024-07-01', 'Virksomhedspraktik'],
  ['c16', 'L', 'Park', FL, '2024-10-01', '2025-01-15', OJ],
  ['c17', 'D', 'Maler', JP, '2024-11-01', null, null],
  ['c18', 'A', 'Park', JP, '2025-02-10', null, null],
  ['c19', 'M', 'Park', JP, '2024-01-01', '2024-01-01', OJ],
  ['c20', 'J', 'Maler', JP, '2024-08-01', '2024-09-15', 'Afbrudt'],
];

function coursesWith(v: VocabSet): Course[] {
  return SPECS.map(([ref, personId, unit, targetGroup, start, end, exitReason, programme]) =>
    course(
      ref,
      personId,
      start,
      end,
      { exitReason, targetGroup, unit, programme: programme ?? 'Straksaktivering' },
      v,
    ),
  );
}
const COURSES = coursesWith(vocab);
const YEARS = columnsBetween(2021, 2024, 'year');

function run(o: Partial<YoyOptions> = {}): YoyResult {
  return yoy(COURSES, {
    rows: 'exitReason',
    basis: 'end',
    step: 'year',
    measure: 'count',
    columns: YEARS,
    vocab,
    ...o,
  });
}
/** Row key → courses per column. */
const counts = (r: YoyResult) =>
  Object.fromEntries(r.rows.map((x) => [x.key || '(not ended)', x.cells.map((c) => c.courses)]));
const keys = (r: YoyResult) => r.rows.map((x) => x.key || '(not ended)');

describe('columns', () => {
  it('are the complete years (half-years) in the data by default', () => {
    expect(completeColumns(COURSES, 'year').map((c) => c.label)).toEqual(['2021', '2022', '2023', '2024']);
    expect(completeColumns(COURSES, 'half').map((c) => c.label)).toEqual([
      '2021H1',
      '2021H2',
      '2022H1',
      '2022H2',
      '2023H1',
      '2023H2',
      '2024H1',
      '2024H2',
    ]);
    const c = (ids: string[]) => COURSES.filter((x) => ids.includes(x.ref));
    // newest 2024-12-31 (c14's end) completes 2024; newest 2024-05-31 (c13) does not.
    expect(completeColumns(c(['c01', 'c14']), 'year').map((x) => x.label)).toEqual([
      '2021',
      '2022',
      '2023',
      '2024',
    ]);
    expect(completeColumns(c(['c01', 'c13']), 'year').map((x) => x.label)).toEqual(['2021', '2022', '2023']);
    // 2024-05-31: 2024H1 (ends 30 Jun) not complete; 2021-06-30 alone completes 2021H1.
    expect(completeColumns(c(['c01', 'c13']), 'half').at(-1)!.label).toBe('2023H2');
    expect(completeColumns(c(['c01']), 'half').map((x) => x.label)).toEqual(['2021H1']);
    // Data inside one year: no complete year.
    expect(completeColumns(c(['c13']), 'year')).toEqual([]);
    expect(completeColumns([], 'year')).toEqual([]);
  });

  it('have calendar bounds', () => {
    const [h1, h2] = columnsBetween(2024 * 2, 2024 * 2 + 1, 'half');
    expect([h1!.from, h1!.to, h2!.from, h2!.to]).toEqual([
      d('2024-01-01'),
      d('2024-06-30'),
      d('2024-07-01'),
      d('2024-12-31'),
    ]);
  });
});

describe('yoy, basis end (exits)', () => {
  const r = run();

  it('counts ended courses in the year of their end date', () => {
    // 2021: c01 c02 c03 · 2022: c04 (started 2021) c05 c06 c07 · 2023: c08 (started 2022) c09 c10
    // 2024: c12 (started 2023) c13 c14 c15 c19 c20; c16 ends 2025 and ongoing courses are not exits.
    expect(r.totals.map((c) => c.courses)).toEqual([3, 4, 3, 6]);
    expect(counts(r)).toEqual({
      'Ordinært job': [2, 2, 0, 2],
      Afbrudt: [1, 0, 0, 2],
      Virksomhedspraktik: [0, 0, 1, 1],
      Barsel: [0, 0, 0, 1],
      Fleksjob: [0, 1, 0, 0],
      Uddannelse: [0, 1, 0, 0],
      Uoplyst: [0, 0, 1, 0],
      [STOP]: [0, 0, 1, 0],
    });
  });

  it('sorts by the newest year, ties by vocabulary order, unknown reasons last', () => {
    // 2024: OJ 2, Afbrudt 2 (vocab 0 < 25); then 1s: Virksomhedspraktik (3) < Barsel (20);
    // then 0s: Fleksjob (1) < Uddannelse (2) < Uoplyst (29) < not in the vocabulary.
    expect(keys(r)).toEqual([
      OJ,
      'Afbrudt',
      'Virksomhedspraktik',
      'Barsel',
      'Fleksjob',
      'Uddannelse',
      'Uoplyst',
      STOP,
    ]);
    expect(r.unknownValues).toEqual([STOP]);
  });

  it('counts distinct persons per row and year, and in the year', () => {
    // 2022 OJ: c06 and c07 are both E. 2024: I, J (twice), K, C, M = 5 persons; rows add to 6 (J in two rows).
    const oj = r.rows.find((x) => x.key === OJ)!;
    expect(oj.cells.map((c) => [c.courses, c.persons])).toEqual([
      [2, 2],
      [2, 1],
      [0, 0],
      [2, 2],
    ]);
    expect(r.totals.map((c) => c.persons)).toEqual([3, 3, 3, 5]);
    expect(r.rows.reduce((s, x) => s + x.cells[3]!.persons, 0)).toBe(6);
  });

  it('takes the median duration of ended courses (type 7)', () => {
    const oj = r.rows.find((x) => x.key === OJ)!;
    // 2021: 122, 53 → 87.5 · 2022: 184, 122 → 153 · 2023: none · 2024: 121, 1 → 61
    expect(oj.cells.map((c) => c.durationDays.median)).toEqual([87.5, 153, null, 61]);
    expect(oj.cells.map((c) => c.durationDays.n)).toEqual([2, 2, 0, 2]);
    // All: 2021 53,122,122 → 122 · 2022 1,18,122,184 → 70 · 2023 120,181,183 → 181 · 2024 1,31,46,62,121,306 → 54
    expect(r.totals.map((c) => c.durationDays.median)).toEqual([122, 70, 181, 54]);
  });

  it('notes years that are not over in the data', () => {
    expect(r.incomplete).toEqual([]);
    expect(run({ columns: columnsBetween(2024, 2025, 'year') }).incomplete).toEqual(['2025']);
    expect(r.newest).toBe(d('2025-02-10'));
  });

  it('groups exits by exit group in the vocabulary order, every group, unknown reasons apart', () => {
    const g = run({ rows: 'exitGroup' });
    expect(counts(g)).toEqual({
      job: [2, 3, 0, 2], // OJ + Fleksjob
      education: [0, 1, 0, 0],
      jobActivity: [0, 0, 1, 1],
      jobcentre: [0, 0, 0, 0],
      benefit: [0, 0, 0, 0],
      other: [0, 0, 0, 1], // Barsel
      dropout: [1, 0, 0, 2],
      unknown: [0, 0, 1, 0], // c10, no reason
      unmapped: [0, 0, 1, 0], // c09, "Stoppet af andre årsager"
    });
    expect(keys(g)).toEqual([
      'job',
      'education',
      'jobActivity',
      'jobcentre',
      'benefit',
      'other',
      'dropout',
      'unknown',
      'unmapped',
    ]);
  });

  it('groups by a config that redefines the groups', () => {
    // Afbrudt → other; "Stoppet af andre årsager" → dropout; Virksomhedspraktik → a new group.
    // Config entries come first in the vocabulary (extend mode), so the new group's order is theirs.
    const v = buildVocabSet({
      ...DEFAULT_VOCABULARIES,
      exitReason: [
        { value: 'Afbrudt', group: 'other' },
        { value: STOP, group: 'dropout' },
        { value: 'Virksomhedspraktik', group: 'activation' },
        ...DEFAULT_VOCABULARIES.exitReason.filter(
          (e) => !['Afbrudt', 'Virksomhedspraktik'].includes(e.value),
        ),
      ],
      exitGroups: [
        { key: 'other', da: 'Andet inkl. afbrudt', en: 'Other incl. interrupted' },
        { key: 'activation', da: 'Aktivering', en: 'Activation' },
        ...DEFAULT_VOCABULARIES.exitGroups.filter((g) => g.key !== 'other'),
      ],
    });
    const g = yoy(coursesWith(v), {
      rows: 'exitGroup',
      basis: 'end',
      step: 'year',
      measure: 'count',
      columns: YEARS,
      vocab: v,
    });
    expect(counts(g)).toEqual({
      other: [1, 0, 0, 3], // Afbrudt 2021 c03; 2024 c12, c20 + Barsel c14
      activation: [0, 0, 1, 1],
      job: [2, 3, 0, 2],
      education: [0, 1, 0, 0],
      jobActivity: [0, 0, 0, 0],
      jobcentre: [0, 0, 0, 0],
      benefit: [0, 0, 0, 0],
      dropout: [0, 0, 1, 0], // c09
      unknown: [0, 0, 1, 0],
    });
    expect(g.unknownValues).toEqual([]);
    const t = yoyTable(g, tableOpts({ vocab: v }));
    expect(t.rows.map((x) => (x.cells[0] as { v: string }).v).slice(0, 3)).toEqual([
      'Andet inkl. afbrudt',
      'Aktivering',
      'Job',
    ]);
  });

  it('makes half-year columns', () => {
    const h = run({ step: 'half', columns: completeColumns(COURSES, 'half') });
    // 2021H1 c01 · H2 c02 (1 Jul), c03 · 2022H1 c04 (1 Jan), c05 · H2 c06, c07 · 2023H1 c08, c09 (30 Jun)
    // · H2 c10 · 2024H1 c12, c13, c19 · H2 c14, c15 (1 Jul), c20
    expect(h.totals.map((c) => c.courses)).toEqual([1, 2, 2, 2, 2, 1, 3, 3]);
    expect(counts(h)[OJ]).toEqual([1, 1, 0, 2, 0, 0, 2, 0]);
  });
});

describe('yoy, basis start (intake)', () => {
  const r = run({ basis: 'start' });

  it('counts every course in its start year, ongoing ones in a row of their own', () => {
    // 2021: c01-c04 · 2022: c05-c08 · 2023: c09-c12 (c11 ongoing) · 2024: c13-c17, c19, c20 (c17 ongoing); c18 starts 2025.
    expect(r.totals.map((c) => c.courses)).toEqual([4, 4, 4, 7]);
    expect(r.notEnded).toEqual([0, 0, 1, 1]);
    expect(counts(r)).toEqual({
      'Ordinært job': [2, 2, 0, 3], // 2024: c13, c16 (ends 2025), c19
      Virksomhedspraktik: [0, 1, 0, 1],
      Barsel: [0, 0, 0, 1],
      Afbrudt: [1, 0, 1, 1],
      Fleksjob: [0, 1, 0, 0],
      Uddannelse: [1, 0, 0, 0],
      Uoplyst: [0, 0, 1, 0],
      [STOP]: [0, 0, 1, 0],
      '(not ended)': [0, 0, 1, 1],
    });
    expect(keys(r).at(-1)).toBe('(not ended)');
  });

  it('leaves courses that have not ended out of durations', () => {
    // 2023: c09 181, c10 183, c12 62 (c11 ongoing) → 181 · 2024: 1,31,46,107,121,306 → 76.5
    expect(r.totals.map((c) => [c.durationDays.n, c.durationDays.median])).toEqual([
      [4, 87.5], // 18, 53, 122, 122
      [4, 121], // 1, 120, 122, 184
      [3, 181],
      [6, 76.5],
    ]);
  });

  it('counts target groups, programmes and units, "Uoplyst" for no value', () => {
    const tg = run({ basis: 'start', rows: 'targetGroup' });
    expect(counts(tg)).toEqual({ [JP]: [3, 1, 2, 5], [FL]: [1, 2, 2, 2], Uoplyst: [0, 1, 0, 0] });
    expect(keys(tg)).toEqual([JP, FL, 'Uoplyst']);
    expect(tg.unknownValues).toEqual([]);
    // A target group not in the vocabulary is kept as written and listed (c13 copied, started 2024).
    const odd = yoy([...COURSES, { ...COURSES[12]!, ref: 'x', targetGroup: 'Ukendt målgruppe X' }], {
      rows: 'targetGroup',
      basis: 'start',
      step: 'year',
      measure: 'count',
      columns: YEARS,
      vocab,
    });
    expect(counts(odd)['Ukendt målgruppe X']).toEqual([0, 0, 0, 1]);
    expect(odd.unknownValues).toEqual(['Ukendt målgruppe X']);
    expect(counts(run({ basis: 'start', rows: 'programme' }))).toEqual({
      Straksaktivering: [4, 3, 4, 6],
      Nytteindsats: [0, 1, 0, 1],
    });
    // Park: 2021 c01 c02 · 2022 c05 c06 c07 · 2023 c10 c11 · 2024 c13 c14 c16 c19
    // Maler: 2021 c03 c04 · 2022 c08 · 2023 c09 c12 · 2024 c15 c17 c20
    expect(counts(run({ basis: 'start', rows: 'unit' }))).toEqual({
      Park: [2, 3, 2, 4],
      Maler: [2, 1, 2, 3],
    });
  });

  it('sorts by persons for the persons measure, by courses otherwise', () => {
    // Unit A: three courses of one person; unit B: two courses of two persons.
    const c = (ref: string, personId: string, unit: string): Course => ({
      ...COURSES[0]!,
      ref,
      personId,
      unit,
    });
    const few = [
      c('a1', 'P1', 'A'),
      c('a2', 'P1', 'A'),
      c('a3', 'P1', 'A'),
      c('b1', 'P2', 'B'),
      c('b2', 'P3', 'B'),
    ];
    const o = {
      rows: 'unit',
      basis: 'end',
      step: 'year',
      columns: columnsBetween(2021, 2021, 'year'),
      vocab,
    } as const;
    expect(keys(yoy(few, { ...o, measure: 'count' }))).toEqual(['A', 'B']);
    expect(keys(yoy(few, { ...o, measure: 'persons' }))).toEqual(['B', 'A']);
  });
});

function tableOpts(o: Partial<YoyTableOptions> = {}): YoyTableOptions {
  return { lang: 'da', measure: 'count', vocab, columnsSource: 'default', source: 'test', ...o };
}
const body = (t: Table, label: string) =>
  t.rows.find((x) => (x.cells[0] as { v: string }).v === label)!.cells;

describe('yoyTable', () => {
  it('adds a percent column for the newest year and the change from the year before', () => {
    const t = yoyTable(run(), tableOpts());
    expect(t.columns.map((c) => c.label)).toEqual([
      'Afslutningsårsag',
      '2021',
      '2022',
      '2023',
      '2024',
      'Pct. 2024',
      'Ændring, antal',
      'Ændring, pct.-point',
    ]);
    // OJ: 2, 2, 0, 2; 2/6 of 2024; +2; 100·2/6 − 100·0/3 = 33.33… pp
    expect(body(t, OJ)).toEqual([
      { t: 'text', v: OJ },
      { t: 'count', v: 2 },
      { t: 'count', v: 2 },
      { t: 'count', v: 0 },
      { t: 'count', v: 2 },
      { t: 'share', count: 2, of: 6 },
      { t: 'num', v: 2, decimals: 0 },
      { t: 'num', v: 100 / 3, decimals: 1 },
    ]);
    // Virksomhedspraktik: 1/6 − 1/3 = −16.67 pp
    expect(body(t, 'Virksomhedspraktik').at(-1)).toEqual({ t: 'num', v: 100 / 6 - 100 / 3, decimals: 1 });
    const total = t.rows.at(-1)!;
    expect(total.style).toBe('total');
    expect(total.cells).toEqual([
      { t: 'text', v: 'I alt' },
      { t: 'count', v: 3 },
      { t: 'count', v: 4 },
      { t: 'count', v: 3 },
      { t: 'count', v: 6 },
      { t: 'share', count: 6, of: 6 },
      { t: 'num', v: 3, decimals: 0 },
      { t: 'empty' },
    ]);
    expect(t.additive).toEqual({ rows: true });
    expect(t.title).toBe('Afsluttede forløb efter afslutningsårsag, 2021–2024');
    expect(t.notes.join(' ')).toMatch(/slutdato \(afgang\); kun afsluttede forløb/);
    expect(t.notes.join(' ')).toMatch(/Ikke i ordlisten \(vist som skrevet\): Stoppet af andre årsager/);
  });

  it('shows shares from counts, "-" for a year without courses, and a row with the denominators', () => {
    const r = run({ columns: columnsBetween(2020, 2024, 'year') });
    const t = yoyTable(r, tableOpts({ measure: 'share', columnsSource: 'given' }));
    expect(t.columns.map((c) => c.label)).toEqual([
      'Afslutningsårsag',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      'Ændring, pct.-point',
    ]);
    expect(body(t, OJ).slice(1)).toEqual([
      { t: 'share', count: 0, of: 0 },
      { t: 'share', count: 2, of: 3 },
      { t: 'share', count: 2, of: 4 },
      { t: 'share', count: 0, of: 3 },
      { t: 'share', count: 2, of: 6 },
      { t: 'num', v: 100 / 3, decimals: 1 },
    ]);
    expect(t.rows.at(-1)!.cells.map((c) => (c.t === 'count' ? c.v : c.t))).toEqual([
      'text',
      0,
      3,
      4,
      3,
      6,
      'empty',
    ]);
    expect(t.additive).toBeUndefined();
  });

  it('counts persons with a total of distinct persons, not additive', () => {
    const t = yoyTable(run(), tableOpts({ measure: 'persons' }));
    expect(t.rows.at(-1)!.cells.slice(1, 6)).toEqual([
      { t: 'count', v: 3 },
      { t: 'count', v: 3 },
      { t: 'count', v: 3 },
      { t: 'count', v: 5 },
      { t: 'share', count: 5, of: 5 },
    ]);
    // Virksomhedspraktik 2024: 1 of 5 persons; 2023: 1 of 3 → 20 − 33.33 pp
    expect(body(t, 'Virksomhedspraktik').slice(5)).toEqual([
      { t: 'share', count: 1, of: 5 },
      { t: 'num', v: 0, decimals: 0 },
      { t: 'num', v: 20 - 100 / 3, decimals: 1 },
    ]);
    expect(t.additive).toBeUndefined();
  });

  it('shows medians with their n and the change in days; basis start leaves ongoing courses out and says so', () => {
    const t = yoyTable(run({ basis: 'start' }), tableOpts({ measure: 'median-duration' }));
    expect(body(t, 'Afbrudt').slice(1)).toEqual([
      { t: 'num', v: 122, decimals: 1, n: 1 },
      { t: 'num', v: null, decimals: 1, n: 0 },
      { t: 'num', v: 62, decimals: 1, n: 1 },
      { t: 'num', v: 46, decimals: 1, n: 1 },
      { t: 'num', v: -16, decimals: 1 },
    ]);
    expect(t.rows.some((x) => (x.cells[0] as { v: string }).v === 'Ikke afsluttet')).toBe(false);
    expect(t.notes.join(' ')).toMatch(
      /Forløb uden slutdato \(ikke afsluttet\) er udeladt: 2021: 0, 2022: 0, 2023: 1, 2024: 1/,
    );
  });

  it('labels exit groups, unknown reasons and ongoing courses, in English too', () => {
    const t = yoyTable(run({ rows: 'exitGroup', basis: 'start' }), tableOpts({ lang: 'en' }));
    const labels = t.rows.map((x) => (x.cells[0] as { v: string }).v);
    expect(labels.slice(0, 2)).toEqual(['Job', 'Education']);
    expect(labels.slice(-3)).toEqual(['Not in the vocabulary', 'Not ended', 'Total']);
    expect(t.title).toBe('Started courses by exit group, 2021–2024');
  });
});

describe('suppression of a yoy table (its declared percent, change and share columns)', () => {
  // X, Y, Z with 10, 3, 7 courses ending in 2023 and 12, 8, 6 in 2024.
  const make = (n: number, reason: string, year: number): Course[] =>
    Array.from({ length: n }, (_x, i) => ({
      ...COURSES[0]!,
      ref: `${reason}${year}-${i}`,
      personId: `${reason}${year}-${i}`,
      start: d(`${year}-03-01`),
      end: d(`${year}-04-01`),
      exitReason: reason,
      exitGroup: null,
    }));
  const courses = [
    ...make(10, 'X', 2023),
    ...make(3, 'Y', 2023),
    ...make(7, 'Z', 2023),
    ...make(12, 'X', 2024),
    ...make(8, 'Y', 2024),
    ...make(6, 'Z', 2024),
  ];
  const result = yoy(courses, {
    rows: 'exitReason',
    basis: 'end',
    step: 'year',
    measure: 'count',
    columns: columnsBetween(2023, 2024, 'year'),
    vocab,
  });
  const shownOf = (c: Cell) => (c.t === 'suppressed' ? c.shown : c.t === 'count' ? c.v : c.t);

  it('hides a second cell where the total gives one away, and the changes computed from hidden cells', () => {
    const t = suppress(yoyTable(result, tableOpts()), 5, 'da');
    // Y 2023 = 3 < 5; the 2023 column would give it away from the total 20, so Z 2023 (7, the smallest other) goes too.
    expect(t.rows.map((r) => r.cells.map(shownOf))).toEqual([
      ['text', 10, 12, 'share', 'num', 'num'],
      ['text', '<5', 8, 'share', '..', '..'],
      ['text', '..', 6, 'share', '..', '..'],
      ['text', 20, 26, 'share', 'num', 'empty'],
    ]);
    expect(t.notes.join(' ')).toMatch(/En ændring, der bygger på et skjult tal/);
    // The output layer suppresses again: nothing changes.
    expect(suppress(t, 5, 'da')).toEqual(t);
  });

  it('hides shares as their counts would be hidden', () => {
    const t = suppress(yoyTable(result, tableOpts({ measure: 'share' })), 5, 'da');
    expect(t.rows.map((r) => r.cells.map(shownOf))).toEqual([
      ['text', 'share', 'share', 'num'],
      ['text', '..', 'share', '..'],
      ['text', '..', 'share', '..'],
      ['text', 20, 26, 'empty'],
    ]);
    expect(suppress(t, 5, 'da')).toEqual(t);
  });
});

describe('the fixture file', () => {
  it('holds the same courses as the table above', async () => {
    const data = await loadCourses(resolve('fixtures/yoy/exits.csv'), { cwd: resolve('fixtures/yoy') });
    const view = (c: Course) => [
      c.start,
      c.end,
      c.exitReason,
      c.exitGroup,
      c.targetGroup,
      c.programme,
      c.unit,
    ];
    expect(coursesOf(data.store).map(view)).toEqual(COURSES.map(view));
    // Person ids are pseudonyms: the same person gets the same one.
    const ids = coursesOf(data.store).map((c) => c.personId);
    expect(new Set(ids).size).toBe(13);
    expect(ids[0]).toBe(ids[4]); // c01, c05: A
  });
});
