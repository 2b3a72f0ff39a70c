import { dayOf, type Day } from '../src/base/dates.js';
import { CATEGORY_FIELDS, type CategoryField } from '../src/model/fields.js';
import type { Course } from '../src/schema/course.js';
import { storeOf, type CourseStore } from '../src/schema/course-store.js';
import { buildVocabSet, DEFAULT_VOCABULARIES, type VocabSet } from '../src/schema/vocab.js';

const DEFAULT_VOCAB = buildVocabSet(DEFAULT_VOCABULARIES);

/** A day number from an ISO date, for readable expected values. */
export function d(iso: string): Day {
  const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
  const v = dayOf(y, m, day);
  if (v === null) throw new Error(`bad test date ${iso}`);
  return v;
}

/** CPR-shaped strings (DDMMYY-SSSS or 10 digits) that must never appear in any output. */
export const CPR_LIKE = /(?<!\d)[0-3]\d[01]\d{3}-?\d{4}(?!\d)/;

/** The fake CPR numbers used in fixtures/csv (all fail modulus 11; see fixtures/README.md). */
export const FIXTURE_CPRS = [
  '1503851235',
  '0207922348',
  '708990007',
  '0504054002',
  '3112701236',
  '2902004002',
  '3102991235',
];

/**
 * A Course record for analysis tests: the given fields, everything else empty. The exit group
 * follows the exit reason through `vocab` (default: the built-in vocabularies).
 */
export function course(
  ref: string,
  personId: string,
  start: string,
  end: string | null,
  x: Partial<Course> = {},
  vocab: VocabSet = DEFAULT_VOCAB,
): Course {
  const exitReason = x.exitReason ?? null;
  return {
    ref,
    personId,
    birthDate: null,
    gender: null,
    ageAtStart: null,
    start: d(start),
    end: end === null ? null : d(end),
    exitReason,
    exitGroup: exitReason === null ? null : (vocab.groupOf(exitReason) ?? null),
    ...(Object.fromEntries(CATEGORY_FIELDS.map((f) => [f, null])) as Record<CategoryField, null>),
    followUp: { 1: null, 3: null, 6: null, 12: null },
    extra: {},
    ...x,
  };
}

/** The courses of a store as records, for tests that compare whole rows. */
export function coursesOf(store: CourseStore): Course[] {
  return Array.from({ length: store.length }, (_, i) => store.course(i));
}

/** Tests write courses as literals; analyses read a store: storeOf makes one of the other. */
export { storeOf };
