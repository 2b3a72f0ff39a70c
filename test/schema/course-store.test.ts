/**
 * The column store: a list of records goes in and comes out the same; pseudonyms are made only
 * when asked for; and neither the store nor its JSON holds a CPR number.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CourseStore, MAX_RESERVE, NONE, Persons } from '../../src/schema/course-store.js';
import { makePseudonymiser } from '../../src/schema/cpr.js';
import { loadCourses } from '../../src/schema/load.js';
import { course, coursesOf, CPR_LIKE, d, storeOf } from '../helpers.js';

describe('CourseStore', () => {
  const list = [
    course('line 2', 'Pa', '2024-01-01', '2024-03-31', {
      exitReason: 'Ordinært job',
      targetGroup: 'Jobparat',
      gender: 'K',
      birthDate: d('1990-05-01'),
      ageAtStart: 33,
      followUp: { 1: 'Job', 3: null, 6: null, 12: 'Uddannelse' },
    }),
    course('line 3', 'Pb', '2024-02-01', null, { unit: 'Park', extra: { Timer: '12' } }),
    course('row 9 of the old sheet', 'Pa', '2024-05-01', '2024-05-02', { exitReason: 'Noget andet' }),
  ];

  it('subset: keeps the courses asked for, field for field, with their references and kept columns', () => {
    const store = storeOf(list);
    const sub = store.subset([1, 2]);
    expect(sub.length).toBe(2);
    expect(sub.course(0)).toEqual(list[1]);
    expect(sub.course(1)).toEqual(list[2]);
    expect(sub.persons).toBe(store.persons);
    expect(store.subset([]).length).toBe(0);
  });

  it('gives back every record of a list it was made of, field for field', () => {
    const store = storeOf(list);
    expect(store.length).toBe(3);
    expect([...store.person]).toEqual([0, 1, 0]);
    expect(store.end[1]).toBe(NONE);
    for (let i = 0; i < list.length; i++) expect(store.course(i)).toEqual(list[i]);
    // The reference that is not "line N" is kept as written.
    expect(store.ref(2)).toBe('row 9 of the old sheet');
    expect(coursesOf(store)).toEqual(list);
    expect(JSON.stringify(store)).toBe('{"courses":3,"persons":2}');
    expect(store.newestDay()).toBe(d('2024-05-02'));
  });

  it('reserves room up to a cap, for an estimate from a file whose first rows mislead', () => {
    const store = new CourseStore(new Persons(), 'line');
    store.reserve(1e12);
    expect(store.row.length).toBe(MAX_RESERVE);
    const i = store.push();
    expect(i).toBe(0);
  });

  it('widens an id column that outgrows 16 bits', () => {
    const many = Array.from({ length: 70_000 }, (_, i) =>
      course(`line ${i + 2}`, `P${i % 7}`, '2024-01-01', null, { unit: `U${i}` }),
    );
    const store = storeOf(many);
    expect(store.ids.unit).toBeInstanceOf(Int32Array);
    expect(store.ids.targetGroup).toBeInstanceOf(Uint16Array);
    for (const i of [0, 65_534, 65_535, 65_536, 69_999]) expect(store.value('unit', i)).toBe(`U${i}`);
  });

  it('interns values: one id per value, 0 for none', () => {
    const store = storeOf(list);
    expect(store.values.targetGroup.values).toEqual([null, 'Jobparat']);
    expect([...store.ids.targetGroup]).toEqual([1, 0, 0]);
    expect(store.exitReasons[store.exit[2]!]).toBe('Noget andet');
    expect(store.exitGroups[store.exit[2]!]).toBeNull();
    expect(store.exit[1]).toBe(0);
  });

  it("makes a CPR person's pseudonym when first asked, and never shows the key", () => {
    const calls: string[] = [];
    const base = makePseudonymiser('a-test-key-of-some-length');
    const ps = Object.assign((s: string) => (calls.push(s), base(s)), { stable: true });
    const persons = new Persons(ps);
    const p = persons.addKey(1503851235, d('1985-03-15'), 1);
    expect(calls).toEqual([]);
    const name = persons.name(p);
    expect(name).toBe(base('1503851235'));
    expect(persons.name(p)).toBe(name);
    expect(calls).toHaveLength(1);
    expect(JSON.stringify(persons)).not.toMatch(CPR_LIKE);
    expect(JSON.stringify(persons)).not.toContain('1503851235');
  });

  it('is what normalise makes, on both CSV paths and xlsx', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-store-'));
    const rows = [
      'CPR-nr.;Startdato;Slutdato;Afslutningsårsag;Målgruppe',
      '1503851235;01-02-2024;15-03-2024;Ordinært job;Jobparat',
      '150385-1235;01-04-2024;;;Aktivitetsparat',
      '0207922348;01-02-2024;01-03-2024;;',
    ];
    for (const [name, text] of [
      ['fast', rows.join('\n') + '\n'],
      ['general', rows.join('\n') + '\n"0207922348";02-02-2024;;;\n'],
    ] as const) {
      const file = join(dir, `${name}.csv`);
      writeFileSync(file, text);
      const data = await loadCourses(file);
      const s = data.store;
      expect(s.length).toBe(name === 'fast' ? 3 : 4);
      expect([...s.person.subarray(0, 3)]).toEqual([0, 0, 1]);
      expect(s.ref(2)).toBe('line 4');
      expect([s.start[0], s.end[0], s.end[1]]).toEqual([d('2024-02-01'), d('2024-03-15'), NONE]);
      // An ended course without a reason counts as "Uoplyst".
      expect(s.exitReasons[s.exit[2]!]).toBe('Uoplyst');
      expect(s.value('targetGroup', 1)).toBe('Aktivitetsparat kontanthjælpsmodtager');
      expect([s.gender[0], s.age[0], s.age[2]]).toEqual([1, 38, 31]);
      expect(coursesOf(data.store).map((c) => c.personId)).toEqual(
        [0, 1, 2, 3].slice(0, s.length).map((i) => s.persons.name(s.person[i]!)),
      );
      expect(JSON.stringify(data)).not.toMatch(CPR_LIKE);
    }
    const demo = await loadCourses('fixtures/demo/demo-export.xlsx');
    expect(demo.store.ref(0)).toMatch(/^row \d+$/);
    expect(coursesOf(storeOf(coursesOf(demo.store)))).toEqual(coursesOf(demo.store));
  });
});
