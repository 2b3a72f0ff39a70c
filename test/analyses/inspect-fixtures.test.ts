/**
 * The generated exports read back against the figures their generator computed
 * independently (scripts/make-demo.py → expected.json).
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { inspect } from '../../src/analyses/inspect.js';
import { loadCourses } from '../../src/schema/load.js';
import { isoOf } from '../../src/base/dates.js';
import { coursesOf } from '../helpers.js';

const CASES = [
  { file: 'fixtures/demo/demo-export.csv', expected: 'fixtures/demo/expected.json', totals: 0, headerRow: 1 },
  {
    file: 'fixtures/demo/demo-export.xlsx',
    expected: 'fixtures/demo/expected.json',
    totals: 1,
    headerRow: 4,
  },
  { file: 'fixtures/big/lo-1000.xlsx', expected: 'fixtures/big/expected.json', totals: 0, headerRow: 1 },
];

describe.each(CASES)('$file', async ({ file, expected, totals, headerRow }) => {
  const e = JSON.parse(readFileSync(expected, 'utf8'));
  const data = await loadCourses(file, { cwd: tmpdir() });
  const r = inspect(data, data.vocab);
  const dist = (field: string) =>
    Object.fromEntries(r.distributions.find((x) => x.field === field)!.values.map((v) => [v.value, v.count]));

  it('accounts for every row', () => {
    expect(r.source.headerRow).toBe(headerRow);
    expect(r.rows).toEqual({
      read: e.rows + totals,
      accepted: e.rows,
      rejected: 0,
      skippedBlank: 0,
      skippedTotals: totals,
    });
  });

  it('counts persons, genders, ended and ongoing courses, and the date range', () => {
    expect(r.persons).toMatchObject({
      distinct: e.persons,
      men: e.persons_men,
      women: e.persons_women,
      withAgeAndGender: e.persons,
    });
    expect(r.dates).toEqual({
      start: { min: e.start_min, max: e.start_max },
      end: { min: e.end_min, max: e.end_max },
      ongoing: e.courses_ongoing,
      ended: e.courses_ended,
    });
  });

  it('reads the values of the categorical columns', () => {
    expect(dist('unit')).toEqual(e.workshop_counts);
    expect(dist('programme')).toEqual(e.programme_counts);
    // Target groups are written in their canonical spelling, so raw and canonical counts agree.
    expect(dist('targetGroup')).toEqual(e.target_group_counts);
    const unknownTarget = r.distributions
      .find((x) => x.field === 'targetGroup')!
      .values.filter((v) => !v.known);
    expect(unknownTarget).toEqual([{ value: 'Ukendt målgruppe X', count: 2, known: false }]);
  });

  it('derives birth date and gender of the first rows', () => {
    const first = coursesOf(data.store)
      .slice(0, 3)
      .map((c) => ({
        birth_date: isoOf(c.birthDate!),
        gender: c.gender,
        start: isoOf(c.start),
        end: c.end === null ? null : isoOf(c.end),
      }));
    expect(first).toEqual(e.first_rows);
  });
});
