/**
 * Repeat users (gengangere): persons who start a course in the period and had ended an earlier
 * course at most `windowDays` before that start: end₁ < start₂ ≤ end₁ + window. A course that
 * starts while the earlier one is still running is not a return; with `minGapDays` N, a course
 * starting within N days of the earlier end is not a return either (start₂ − end₁ > N).
 */
import type { Day } from '../dates.js';
import type { Course } from '../schema/course.js';

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
  const byPerson = new Map<string, Course[]>();
  for (const c of courses) {
    let list = byPerson.get(c.personId);
    if (!list) byPerson.set(c.personId, (list = []));
    list.push(c);
  }
  let startedPersons = 0;
  const returns: Return[] = [];
  const startedCourses: Course[] = [];
  for (const [personId, list] of byPerson) {
    const starts = list
      .filter((c) => c.start >= o.from && c.start <= o.to && include(c))
      .sort((a, b) => a.start - b.start);
    if (starts.length === 0) continue;
    startedPersons++;
    for (const course of starts) {
      let previous: Course | undefined;
      for (const p of list) {
        if (p === course || p.end === null) continue;
        const gap = course.start - p.end;
        if (gap > 0 && gap > o.minGapDays && gap <= o.windowDays && (!previous || p.end > previous.end!))
          previous = p;
      }
      if (previous) {
        returns.push({ personId, course, previous });
        break;
      }
    }
    startedCourses.push(returns.at(-1)?.personId === personId ? returns.at(-1)!.course : starts[0]!);
  }
  return { startedPersons, startedCourses, returns };
}
