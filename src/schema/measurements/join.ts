/**
 * Which course each measurement belongs to (docs/definitions.md#progression). Without a course
 * export: the person and the course start the file gives (Startdato), or the person alone. With
 * --courses: the person's course with the start the row gives; else the course whose span
 * (start − 7 days … end + 14 days, or ongoing) holds the date of measurement, the latest start
 * winning; else, with no date, the person's only course. When both files have a course id
 * (Forløbs-id), a row with an id joins the course of that id instead, and without an export the
 * id tells the person's courses apart. A row that fits no course is rejected, with its reason.
 */
import type { Day } from '../../base/dates.js';
import { both, type Bilingual } from '../../base/i18n.js';
import { danishOf } from '../../base/dates.js';
import { courseOrder } from '../course-order.js';
import { NONE } from '../course-store.js';
import type { Loaded } from '../load.js';
import { dayOrNull, type MeasurementColumns, type ReadRows } from './store.js';

export interface MeasuredCourse {
  person: string;
  start: Day | null;
  end: Day | null;
  programme: string | null;
  unit: string | null;
  targetGroup: string | null;
  exitReason: string | null;
  exitGroup: string | null;
  /** The course's index in the joined export's store (--courses), for its contract fields. */
  storeIndex?: number;
}

/** How far before a course's start, and after its end, a measurement still belongs to it (days). */
export const JOIN_BEFORE_START = 7;
export const JOIN_AFTER_END = 14;

/** Sets each measurement's course; returns the courses. Rows that fit no course are rejected. */
export function assignCourses(
  rows: ReadRows,
  ms: MeasurementColumns,
  notes: string[],
  joined: Loaded | undefined,
  /** The measurement file has a course-id column. */
  hasCourseId = false,
): MeasuredCourse[] {
  const courseOfRow = new Int32Array(rows.length).fill(-1);
  const courses: MeasuredCourse[] = [];
  if (joined === undefined) ownCourses(rows, courseOfRow, courses, notes);
  else joinCourses(rows, courseOfRow, courses, joined, notes, hasCourseId);
  for (let k = 0; k < ms.length; k++) ms.course[k] = courseOfRow[ms.row[k]!]!;
  return courses;
}

const COURSE_TEXTS = ['programme', 'unit', 'targetGroup'] as const;

/** Courses from the measurement file itself: person + Startdato (when given). */
function ownCourses(
  rows: ReadRows,
  courseOfRow: Int32Array,
  courses: MeasuredCourse[],
  notes: string[],
): void {
  // Key: the person's id and the start (days within ±500,000 of 1970; NONE: no start); a row
  // with a course id: the person and the id (negative keys, apart from the others).
  const byKey = new Map<number, number>();
  let conflicts = 0;
  let withoutStart = false;
  const text = (ids: Int32Array, i: number) => rows.text(ids[i]!);
  // The rows of a course mostly follow one another: the course of the row before, found again
  // without a Map lookup (its keys pass 2^31, so each lookup would box a number).
  let lastKey = NaN;
  let lastCourse = -1;
  // Only the text columns the file has (an absent one is an empty array: every value null).
  const texts = COURSE_TEXTS.filter((k) => rows[k].length > 0);
  for (let i = 0; i < rows.length; i++) {
    if (rows.person[i] === 0 || rows.rejected.has(i)) continue;
    const start = rows.courseStart[i]!;
    if (start === NONE) withoutStart = true;
    const id = rows.courseId[i] ?? 0; // an absent column is empty
    const key =
      id !== 0
        ? -(id * 2_097_152 + rows.person[i]!) - 1
        : rows.person[i]! * 1_000_003 + (start === NONE ? 0 : start + 500_001);
    let c = key === lastKey ? lastCourse : byKey.get(key);
    lastKey = key;
    const end = dayOrNull(rows.courseEnd[i]!);
    if (c === undefined) {
      byKey.set(key, (c = courses.length));
      courses.push({
        person: rows.persons.values[rows.person[i]!]!,
        start: dayOrNull(start),
        end,
        programme: text(rows.programme, i),
        unit: text(rows.unit, i),
        targetGroup: text(rows.targetGroup, i),
        exitReason: null,
        exitGroup: null,
      });
    } else {
      const course = courses[c]!;
      if (end !== null && (course.end === null || end > course.end)) {
        if (course.end !== null) conflicts++;
        course.end = end;
      }
      for (const k of texts) {
        // Rows of one course that disagree: the first value in text order, never the first row.
        const v = text(rows[k], i);
        if (v !== null && v !== course[k]) {
          if (course[k] !== null) conflicts++;
          if (course[k] === null || v < course[k]) course[k] = v;
        }
      }
    }
    courseOfRow[i] = lastCourse = c;
  }
  if (withoutStart)
    notes.push(
      'Some rows give no course start (Startdato): all measurements of such a person without one are taken as one course. Give --courses EXPORT or a Startdato column to tell courses apart.',
    );
  if (conflicts > 0)
    notes.push(
      `${conflicts} row(s) give another end date, programme, unit or target group than other rows of the same course: the latest end date, and the first value in text order, are used.`,
    );
}

function joinCourses(
  rows: ReadRows,
  courseOfRow: Int32Array,
  courses: MeasuredCourse[],
  data: Loaded,
  notes: string[],
  hasCourseId: boolean,
): void {
  const file = data.info.file;
  const store = data.store;
  const exportIds = data.mapping.fields.courseId !== undefined;
  const byId = hasCourseId && exportIds ? courseIds(data) : null;
  if (hasCourseId && !exportIds)
    notes.push(
      `The measurement file has course ids, but ${file} has no course-id column (Forløbs-id): measurements are joined by the person and the date instead.`,
    );
  const unknownIds = new Set<string>();
  let withoutId = 0;
  const order = courseOrder(store, data.vocab);
  const byPerson = new Map<string, number[]>();
  for (let i = 0; i < store.length; i++) {
    const name = store.persons.name(store.person[i]!);
    const list = byPerson.get(name);
    if (list) list.push(i);
    else byPerson.set(name, [i]);
  }
  const dense = new Map<number, number>();
  for (let r = 0; r < rows.length; r++) {
    if (rows.person[r] === 0 || rows.rejected.has(r)) continue;
    const person = rows.persons.values[rows.person[r]!]!;
    const f = { courseStart: dayOrNull(rows.courseStart[r]!), day: dayOrNull(rows.day[r]!) };
    const id = byId && rows.text(rows.courseId[r]);
    if (byId && id === null) withoutId++;
    const found =
      byId && id
        ? courseOfId(id, person, byId, store, order, file, unknownIds)
        : courseOf(f, byPerson.get(person) ?? [], store, order, file);
    if (typeof found !== 'number') {
      rows.rejected.set(r, [found]);
      continue;
    }
    let c = dense.get(found);
    if (c === undefined) {
      dense.set(found, (c = courses.length));
      const end = store.end[found]!;
      const course = store.course(found);
      courses.push({
        person,
        start: store.start[found]!,
        end: end === NONE ? null : end,
        programme: course.programme,
        unit: course.unit,
        targetGroup: course.targetGroup,
        exitReason: course.exitReason,
        exitGroup: course.exitGroup,
        storeIndex: found,
      });
    }
    courseOfRow[r] = c;
  }
  if (byId && unknownIds.size > 0) {
    const list = [...unknownIds].sort((a, b) => a.localeCompare(b, 'da'));
    notes.push(
      `${list.length} course id(s) of the measurement file are not in ${file}, and their rows are rejected: ` +
        `${list.slice(0, 10).join(', ')}${list.length > 10 ? ', …' : ''}. Check the ids, or that the export covers the same period.`,
    );
  }
  if (byId && withoutId > 0)
    notes.push(
      `${withoutId} row(s) have no course id: they are joined to ${file} by the person and the date, as in a file without course ids.`,
    );
}

/** The export's courses by course id (several courses of one id: in course order). */
function courseIds(data: Loaded): Map<string, number[]> {
  const map = new Map<string, number[]>();
  const store = data.store;
  for (let i = 0; i < store.length; i++) {
    const id = store.value('courseId', i);
    if (id === null) continue;
    const list = map.get(id);
    if (list) list.push(i);
    else map.set(id, [i]);
  }
  return map;
}

/** The course of a course id: the id's course of the same person, or why there is none. */
function courseOfId(
  id: string,
  person: string,
  byId: Map<string, number[]>,
  store: Loaded['store'],
  order: (a: number, b: number) => number,
  file: string,
  unknown: Set<string>,
): number | Bilingual {
  const list = byId.get(id);
  if (!list) {
    unknown.add(id);
    return both(`forløbs-id'et "${id}" findes ikke i ${file}`, `the course id "${id}" is not in ${file}`);
  }
  const own = list.filter((i) => store.persons.name(store.person[i]!) === person);
  if (own.length === 0)
    return both(
      `forløbs-id'et "${id}" tilhører en anden person i ${file}; tjek id'et og personen`,
      `the course id "${id}" belongs to another person in ${file}; check the id and the person`,
    );
  return [...own].sort(order)[0]!;
}

function courseOf(
  f: { courseStart: Day | null; day: Day | null },
  candidates: number[],
  store: { start: ArrayLike<number>; end: ArrayLike<number> },
  order: (a: number, b: number) => number,
  file: string,
): number | Bilingual {
  if (candidates.length === 0)
    return both(`personen har intet forløb i ${file}`, `the person has no course in ${file}`);
  const first = (list: number[]) => [...list].sort(order)[0]!;
  if (f.courseStart !== null) {
    const same = candidates.filter((i) => store.start[i] === f.courseStart);
    if (same.length > 0) return first(same);
    return both(
      `personen har intet forløb i ${file}, der starter ${danishOf(f.courseStart)}`,
      `the person has no course in ${file} that starts on ${danishOf(f.courseStart)}`,
    );
  }
  if (f.day !== null) {
    const day = f.day;
    const span = candidates.filter((i) => {
      const end = store.end[i]!;
      return store.start[i]! - JOIN_BEFORE_START <= day && (end === NONE || day <= end + JOIN_AFTER_END);
    });
    // The latest start wins (then the order of courses): a new course takes over from an old one.
    if (span.length > 0) return first(span);
    return both(
      `intet af personens forløb i ${file} løber ${danishOf(day)} (fra ${JOIN_BEFORE_START} dage før start til ${JOIN_AFTER_END} dage efter slut)`,
      `no course of the person in ${file} runs on ${danishOf(day)} (from ${JOIN_BEFORE_START} days before its start to ${JOIN_AFTER_END} days after its end)`,
    );
  }
  if (candidates.length === 1) return candidates[0]!;
  return both(
    `personen har ${candidates.length} forløb i ${file}; angiv målingens dato (Dato) eller forløbets start (Startdato), så det er klart hvilket`,
    `the person has ${candidates.length} courses in ${file}; add the date of measurement (Dato) or the course start (Startdato) to say which`,
  );
}
