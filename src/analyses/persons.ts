/**
 * Dense person numbers for a list of courses: person k is the k-th distinct personId in list
 * order. Counting persons, picking each person's latest course and grouping a history by person
 * then take typed arrays instead of a Map or Set of pseudonyms per question, which at a million
 * courses saves seconds. Computed once per list (the same list is asked again, e.g. by
 * keyFigures and findReturns).
 */
import type { Course } from '../schema/course.js';

export interface PersonIndex {
  /** Per course (by its index in the list): its person number. */
  of: Int32Array;
  /** The number of distinct persons. */
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
 * order[start[p]] .. order[start[p + 1] - 1].
 */
export function coursesByPerson(courses: readonly Course[]): { order: Int32Array; start: Int32Array } {
  const { of, count } = personIndex(courses);
  const start = new Int32Array(count + 1);
  for (let i = 0; i < of.length; i++) start[of[i]! + 1]!++;
  for (let p = 0; p < count; p++) start[p + 1]! += start[p]!;
  const next = start.slice(0, count);
  const order = new Int32Array(of.length);
  for (let i = 0; i < of.length; i++) order[next[of[i]!]!++] = i;
  return { order, start };
}
