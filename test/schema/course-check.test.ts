/**
 * courseIssues (the hand check normalise runs on every record) against courseSchema (zod, the
 * documented invariant): the same issues, paths and words, in the same order, on thousands of
 * fuzzed records: valid ones, ones that break the cross-field rules, and ones with values of
 * every wrong type.
 */
import { describe, expect, it } from 'vitest';
import { courseSchema } from '../../src/schema/course.js';
import { courseIssues } from '../../src/schema/normalise.js';
import { pick, rng } from '../../scripts/lib/testdata.mjs';
import { course } from '../helpers.js';

const WRONG: unknown[] = [
  undefined,
  null,
  '',
  'x',
  '19000',
  0,
  -0,
  1.5,
  NaN,
  Infinity,
  -Infinity,
  2 ** 60,
  -(2 ** 60),
  true,
  false,
  [],
  ['a'],
  {},
  { day: 1 },
  new Date(0),
  5n,
];
const DAYS = [-1, 0, 1, 19000, 19001, 19002, 20000];

function record(r: () => number): Record<string, unknown> {
  const wrong = () => pick(r, WRONG);
  const often = <T>(good: () => T): unknown => (r() < 0.9 ? good() : wrong());
  const text = () => (r() < 0.5 ? null : pick(r, ['Job', 'Uoplyst', 'x']));
  const c: Record<string, unknown> = {
    ref: often(() => pick(r, ['line 2', 'row 7'])),
    personId: often(() => 'P0123456789abcdef'),
    birthDate: often(() => (r() < 0.3 ? null : pick(r, DAYS))),
    gender: often(() => pick(r, ['M', 'K', null])),
    ageAtStart: often(() => (r() < 0.3 ? null : pick(r, [0, 30, 99]))),
    start: often(() => pick(r, DAYS)),
    end: often(() => (r() < 0.3 ? null : pick(r, DAYS))),
    exitReason: often(text),
    exitGroup: often(text),
    targetGroup: often(text),
    education: often(text),
    programme: often(text),
    unit: often(text),
    group: often(text),
    followUp: often(() => ({ 1: often(text), 3: often(text), 6: often(text), 12: often(text) })),
    extra: often(() => (r() < 0.5 ? {} : { Timer: often(() => pick(r, ['', '7,5', null])) })),
  };
  if (r() < 0.05) delete c[pick(r, Object.keys(c))];
  return c;
}

const zodIssues = (c: unknown) => {
  const r = courseSchema.safeParse(c);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
};
const handIssues = (c: unknown) =>
  courseIssues(c).map((i) => ({ path: i.path.map(String), message: i.message }));

describe('courseIssues = courseSchema.safeParse', () => {
  it('on fuzzed records', () => {
    const r = rng(20261123);
    let invalid = 0;
    for (let i = 0; i < 20_000; i++) {
      const c = record(r);
      const expected = zodIssues(c);
      if (expected.length > 0) invalid++;
      expect(
        handIssues(c),
        JSON.stringify(c, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)),
      ).toEqual(expected);
    }
    // Both kinds are well represented.
    expect(invalid).toBeGreaterThan(5_000);
    expect(invalid).toBeLessThan(19_000);
  });

  it('on the cross-field rules alone', () => {
    // Day numbers as such (not from dates), so that the rules are seen at their edges.
    const base = course('line 2', 'P1', '1970-01-01', null, {
      birthDate: 100,
      gender: 'K',
      ageAtStart: 30,
      start: 200,
      end: 300,
    });
    for (const c of [
      base,
      { ...base, end: 199 },
      { ...base, birthDate: 201 },
      { ...base, end: 1, birthDate: 300 },
    ])
      expect(handIssues(c)).toEqual(zodIssues(c));
    expect(handIssues({ ...base, end: 199 })).toEqual([
      { path: ['end'], message: 'the end date is before the start date; correct one of them' },
    ]);
    for (const c of [5, null, [], 'x']) expect(handIssues(c)).toEqual(zodIssues(c));
  });
});
