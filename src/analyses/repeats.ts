/**
 * Repeat users (gengangere): persons who start a course in the period and had ended an earlier
 * course at most a window before that start: end₁ < start₂ ≤ end₁ + window, the window in
 * calendar months (addMonths) or in days (docs/definitions.md#repeat-users). A course that
 * starts while the earlier one is still running is not a return; with `minGapDays` N, a course
 * starting within N days of the earlier end is not a return either (start₂ − end₁ > N). Ties
 * between courses: docs/definitions.md#tie-breaks (course-order.ts).
 */
import { addMonths, type Day } from '../base/dates.js';
import type { Course } from '../schema/course.js';
import { CourseStore, NONE, storeOf } from '../schema/course-store.js';
import { groupByPerson } from '../schema/persons.js';
import type { VocabSet } from '../schema/vocab.js';
import { courseOrder, tieBreak } from '../schema/course-order.js';

/** A window: n calendar months ('m', by addMonths) or n days ('d'). */
export interface Window {
  n: number;
  unit: 'd' | 'm';
}

/** The last day a start may fall on to be a return from a course ended on `end`. */
export function windowEnd(end: Day, w: Window): Day {
  return w.unit === 'm' ? addMonths(end, w.n) : ((end + w.n) as Day);
}

/**
 * Whether a start `gap` days after `end` lies inside the window (gap > 0). N calendar months
 * span at least 28·N and at most 31·N days, so addMonths is only called in between: a person
 * with many courses compares every pair.
 */
export function inWindow(end: Day, gap: number, w: Window): boolean {
  if (w.unit === 'd') return gap <= w.n;
  if (gap <= 28 * w.n) return true;
  if (gap > 31 * w.n) return false;
  return end + gap <= addMonths(end, w.n);
}

export interface RepeatOptions {
  from: Day;
  to: Day;
  window: Window;
  minGapDays: number;
  /** The vocabularies: their order breaks ties between courses (docs/definitions.md#tie-breaks). */
  vocab: VocabSet;
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
  include?: (c: Course) => boolean,
): RepeatResult {
  const store = storeOf(courses);
  let mask: Uint8Array | null = null;
  if (include) {
    mask = new Uint8Array(courses.length);
    for (let i = 0; i < courses.length; i++) mask[i] = include(courses[i]!) ? 1 : 0;
  }
  const r = storeReturns(store, o, mask);
  return {
    startedPersons: r.startedPersons,
    startedCourses: r.started.map((i) => courses[i]!),
    returns: r.returns.map((x) => ({
      personId: store.persons.name(store.person[x.course]!),
      course: courses[x.course]!,
      previous: courses[x.previous]!,
    })),
  };
}

export interface StoreReturns {
  startedPersons: number;
  /** Per started person, the index of the course that counts (see RepeatResult.startedCourses). */
  started: number[];
  /** Per returning person, the indices of the return and of the course it returns from. */
  returns: { course: number; previous: number }[];
  /** Counted courses started in the period whose person id is anonymised: in no person figure. */
  anonymousStarted: number;
}

/** findReturns over a store: courses by index, `include` a mask by index (null: all). */
export function storeReturns(store: CourseStore, o: RepeatOptions, include: Uint8Array | null): StoreReturns {
  const index = { of: store.person, count: store.persons.count };
  const { start, end } = store;
  const order1 = courseOrder(store, o.vocab);
  const tie = tieBreak(store, o.vocab);
  // Only persons with a counted course started in the period can count (mark 1). Of those, a
  // person with one course has nothing to return from: only the histories of the others are
  // grouped (mark 2). Each person is looked at once (mark 3).
  const mark = new Uint8Array(index.count);
  const courses = new Uint8Array(index.count);
  const anonymous = store.persons.anonymous;
  let anonymousStarted = 0;
  for (let i = 0; i < store.length; i++) {
    const p = store.person[i]!;
    if (courses[p]! < 2) courses[p]!++;
    if (start[i]! >= o.from && start[i]! <= o.to && (include === null || include[i] === 1)) mark[p] = 1;
  }
  // Anonymised courses have no person to return (docs/definitions.md#records): counted apart.
  if (anonymous >= 0 && mark[anonymous] === 1) {
    for (let i = 0; i < store.length; i++)
      if (
        store.person[i] === anonymous &&
        start[i]! >= o.from &&
        start[i]! <= o.to &&
        (include === null || include[i] === 1)
      )
        anonymousStarted++;
    mark[anonymous] = 0;
  }
  for (let p = 0; p < index.count; p++) if (mark[p] === 1 && courses[p] === 2) mark[p] = 2;
  const { order, start: first } = groupByPerson(
    index,
    mark.map((m) => (m === 2 ? 1 : 0)),
  );
  let startedPersons = 0;
  const started: number[] = [];
  const returns: StoreReturns['returns'] = [];
  const starts: number[] = [];
  // Persons in the order of their first course in the list: the order of the returns (--list).
  for (let i = 0; i < store.length; i++) {
    const p = store.person[i]!;
    const m = mark[p]!;
    if (m === 0 || m === 3) continue;
    mark[p] = 3;
    if (m === 1) {
      // The person's one course, started in the period and counted.
      startedPersons++;
      started.push(i);
      continue;
    }
    const a = first[p]!;
    const b = first[p + 1]!;
    // The person's courses started in the period, by start date; equal starts by the tie-break
    // (docs/definitions.md#tie-breaks), never by file order.
    starts.length = 0;
    for (let k = a; k < b; k++) {
      const c = order[k]!;
      if (start[c]! >= o.from && start[c]! <= o.to && (include === null || include[c] === 1)) starts.push(c);
    }
    if (starts.length === 0) continue;
    if (starts.length > 1) starts.sort((x, y) => start[x]! - start[y]! || tie(x, y));
    startedPersons++;
    let found = -1;
    for (const course of starts) {
      let previous = -1;
      for (let k = a; k < b; k++) {
        const q = order[k]!;
        if (q === course || end[q] === NONE) continue;
        const gap = start[course]! - end[q]!;
        // The earlier course: the latest end, equal ends by the order of courses.
        if (
          gap > 0 &&
          gap > o.minGapDays &&
          inWindow(end[q]! as Day, gap, o.window) &&
          (previous < 0 || end[q]! > end[previous]! || (end[q] === end[previous] && order1(q, previous) < 0))
        )
          previous = q;
      }
      if (previous >= 0) {
        returns.push({ course, previous });
        found = course;
        break;
      }
    }
    started.push(found >= 0 ? found : starts[0]!);
  }
  return { startedPersons, started, returns, anonymousStarted };
}
