/**
 * Person numbers: the same number exactly for the same pseudonym, whether normalise gave them
 * (fast CSV path, csv-parse path, xlsx, every spelling of a CPR number) or personIndex worked
 * them out.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Course } from '../../src/schema/course.js';
import { loadCourses } from '../../src/schema/load.js';
import { groupByPerson, personIndex, type PersonIndex } from '../../src/schema/persons.js';
import { course, coursesOf } from '../helpers.js';

/** Same number ⇔ same personId. */
function expectPartition(courses: readonly Course[], index: PersonIndex): void {
  const numberOf = new Map<string, number>();
  const idOf = new Map<number, string>();
  courses.forEach((c, i) => {
    const p = index.of[i]!;
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(index.count);
    expect(numberOf.get(c.personId) ?? p, c.ref).toBe(p);
    expect(idOf.get(p) ?? c.personId, c.ref).toBe(c.personId);
    numberOf.set(c.personId, p);
    idOf.set(p, c.personId);
  });
}

describe('person numbers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jobfx-persons-'));
  // One person in four spellings (with and without the dash, a space, 9 digits), and others;
  // a quote in the second file sends it down the csv-parse path.
  const rows = [
    '0102851235;01-02-2024;',
    '010285-1235;01-03-2024;',
    '010285 1235;01-04-2024;',
    '102851235;01-05-2024;',
    '150385-1236;01-02-2024;',
    '32013x-1234;01-02-2024;',
    '150385-1236;01-06-2024;Job',
    '220490-2468;01-02-2024;',
  ];
  const header = 'CPR-nr.;Startdato;Afslutningsårsag';

  it.each([
    ['fast path', `${header}\n${rows.join('\n')}\n`],
    ['csv-parse path', `${header}\n${rows.join('\n')}\n"220490-2468";01-07-2024;\n`],
  ])('normalise gives them on the %s', async (name, text) => {
    const file = join(dir, `${name}.csv`);
    writeFileSync(file, text);
    const data = await loadCourses(file);
    const persons = { of: data.store.person, count: data.store.persons.count };
    expectPartition(coursesOf(data.store), persons);
    expect(
      new Set(
        coursesOf(data.store)
          .slice(0, 4)
          .map((c) => c.personId),
      ).size,
    ).toBe(1);
    // The numbers normalise gave are the ones personIndex works out from the pseudonyms.
    expect([...personIndex(coursesOf(data.store)).of]).toEqual([...data.store.person]);
  });

  it('normalise gives them for xlsx, and for citizen ids that are not CPR numbers', async () => {
    const demo = await loadCourses('fixtures/demo/demo-export.xlsx');
    expectPartition(coursesOf(demo.store), { of: demo.store.person, count: demo.store.persons.count });
    const file = join(dir, 'ids.csv');
    // " A1" and "A1" are one citizen id, and so one pseudonym and one person.
    writeFileSync(file, 'Borger-id;Startdato\nA1;01-02-2024\n A1;01-03-2024\nB2;01-02-2024\n');
    const ids = await loadCourses(file);
    expect([...ids.store.person]).toEqual([0, 0, 1]);
    expectPartition(coursesOf(ids.store), personIndex(coursesOf(ids.store)));
    expect(personIndex(coursesOf(ids.store)).count).toBe(2);
  });

  it('personIndex and groupByPerson on a list of their own', () => {
    const list = [
      course('line 2', 'A', '2024-01-01', null),
      course('line 3', 'B', '2024-01-01', null),
      course('line 4', 'A', '2024-02-01', null),
    ];
    expect([...personIndex(list).of]).toEqual([0, 1, 0]);
    const { order, start } = groupByPerson(personIndex(list));
    expect([...start]).toEqual([0, 2, 3]);
    expect([...order]).toEqual([0, 2, 1]);
  });
});
