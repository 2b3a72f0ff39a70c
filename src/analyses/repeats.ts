/**
 * Repeat users (gengangere): persons who start a course in the period and had ended an earlier
 * course at most `windowDays` before that start: end₁ < start₂ ≤ end₁ + window. A course that
 * starts while the earlier one is still running is not a return; with `minGapDays` N, a course
 * starting within N days of the earlier end is not a return either (start₂ − end₁ > N).
 */
import type { Day } from '../dates.js';
import type { Course } from '../schema/course.js';
import { coursesByPerson, personIndex } from '../schema/persons.js';

export interface RepeatOptions {
  from: Day;
  to: Day;
  windowDays: number;
  minGapDays: number;
}

export interface Return {
  personId: string;
  /** The course started in the period. */
  course: Course;
  /** The earlier course it returns from: the one that ended last before the start. */
  previous: Course;
}

export interface RepeatResult {
  /** Persons with a course starting in the period: the denominator. */
  startedPersons: number;
  /** Per started person the course that counts: the return, else the first course started in the period. */
  startedCourses: Course[];
  /** One per returning person: their first return in the period. */
  returns: Return[];
}

/**
 * `courses` must hold each person's whole history, also courses outside the period (and, with
 * `include`, outside the subset counted): a return from another unit's course is a return.
 * `include` picks which courses started in the period are counted (default: all).
 */
export function findReturns(
  courses: readonly Course[],
  o: RepeatOptions,
  include: (c: Course) => boolean = () => true,
): RepeatResult {
  const { order, start: first } = coursesByPerson(courses);
  // Persons in the order of their first course in the list: the order of the returns (--list).
  const { of, count } = personIndex(courses);
  const seen = new Uint8Array(count);
  const persons: number[] = [];
  for (let i = 0; i < of.length; i++)
    if (seen[of[i]!] === 0) {
      seen[of[i]!] = 1;
      persons.push(of[i]!);
    }
  let startedPersons = 0;
  const returns: Return[] = [];
  const startedCourses: Course[] = [];
  const list: Course[] = [];
  for (const p of persons) {
    // The person's courses in file order, and those started in the period by start date
    // (a stable sort: file order among equal starts).
    list.length = 0;
    for (let k = first[p]!; k < first[p + 1]!; k++) list.push(courses[order[k]!]!);
    const starts = list.filter((c) => c.start >= o.from && c.start <= o.to && include(c));
    if (starts.length === 0) continue;
    if (starts.length > 1) starts.sort((a, b) => a.start - b.start);
    startedPersons++;
    const personId = list[0]!.personId;
    let found: Return | undefined;
    for (const course of starts) {
      let previous: Course | undefined;
      for (const q of list) {
        if (q === course || q.end === null) continue;
        const gap = course.start - q.end;
        if (gap > 0 && gap > o.minGapDays && gap <= o.windowDays && (!previous || q.end > previous.end!))
          previous = q;
      }
      if (previous) {
        found = { personId, course, previous };
        returns.push(found);
        break;
      }
    }
    startedCourses.push(found ? found.course : starts[0]!);
  }
  return { startedPersons, startedCourses, returns };
}
