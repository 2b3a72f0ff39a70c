/**
 * Dense person numbers for a list of courses: courses of the same personId have the same number,
 * from 0 to count - 1. Counting persons, picking each person's latest course and grouping a
 * history by person then take typed arrays instead of a Map or Set of pseudonyms per question,
 * which at a million courses saves seconds. A store has them (CourseStore.person); a list of
 * records is numbered by personIndex, once per list.
 */
import type { Course } from './course.js';

export interface PersonIndex {
  /** Per course (by its index in the list): its person number. */
  of: Int32Array;
  /** Person numbers are below this (some numbers may have no course in the list). */
  count: number;
}

const cache = new WeakMap<readonly Course[], PersonIndex>();

export function personIndex(courses: readonly Course[]): PersonIndex {
  let index = cache.get(courses);
  if (index === undefined) {
    const numbers = new Map<string, number>();
    const of = new Int32Array(courses.length);
    for (let i = 0; i < courses.length; i++) {
      const id = courses[i]!.personId;
      let p = numbers.get(id);
      if (p === undefined) numbers.set(id, (p = numbers.size));
      of[i] = p;
    }
    index = { of, count: numbers.size };
    cache.set(courses, index);
  }
  return index;
}

/**
 * The courses of each person, in list order: the indices of person p's courses are
 * order[start[p]] .. order[start[p + 1] - 1]. With `keep`, only the courses of the persons p
 * with keep[p] = 1 (the others have no courses in `order`).
 */
export function groupByPerson(
  { of, count }: PersonIndex,
  keep?: Uint8Array,
): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(count + 1);
  for (let i = 0; i < of.length; i++) if (keep === undefined || keep[of[i]!] === 1) start[of[i]! + 1]!++;
  for (let p = 0; p < count; p++) start[p + 1]! += start[p]!;
  const next = start.slice(0, count);
  const order = new Int32Array(start[count]!);
  for (let i = 0; i < of.length; i++)
    if (keep === undefined || keep[of[i]!] === 1) order[next[of[i]!]!++] = i;
  return { order, start };
}
