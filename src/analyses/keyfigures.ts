/**
 * The key figures (nøgletal) of a programme for a period, as defined in DOMAIN.md:
 * citizens in the programme, ended courses by exit reason and group, who they are, follow-up,
 * and repeat users. Pure: courses in, counts and summaries out.
 */
import { addMonths, type Day } from '../dates.js';
import type { Period } from '../period.js';
import { FOLLOW_UP_HORIZONS, type Horizon } from '../schema/columns.js';
import type { Course } from '../schema/course.js';
import type { VocabSet } from '../schema/vocab.js';
import { summarise, type Summary } from '../stats/describe.js';
import { countExits, exitGroupOrder, UNKNOWN, UNMAPPED_GROUP } from './exits.js';
import { personIndex } from '../schema/persons.js';
import { findReturns } from './repeats.js';

/** Bits of the figures a course counts in (keyFigures). */
const ACTIVE = 1;
const STARTED = 2;
const ONGOING = 4;
const ENDED = 8;

export interface Count {
  value: string;
  count: number;
}

export interface KeyFigures {
  courses: number;
  active: { courses: number; persons: number };
  started: { courses: number; persons: number };
  ongoing: { courses: number; persons: number; durationDays: Summary };
  ended: {
    courses: number;
    persons: number;
    /** By exit reason, most frequent first; unknown reasons as written. */
    byReason: (Count & { group: string | null })[];
    /** By exit group key, in the vocabulary's order; 'unmapped' for reasons not in the vocabulary. */
    byGroup: Count[];
    durationDays: Summary;
    durationDaysByGroup: Record<string, Summary>;
  };
  /** Active persons, each counted once, by the values of their latest active course. */
  mix: { persons: number; targetGroup: Count[]; education: Count[]; ageBand: Count[]; gender: Count[] };
  followUp: {
    horizon: Horizon;
    /** Courses ended in the period with end + horizon ≤ as-of. */
    due: number;
    notDue: number;
    /** Status counts among due courses; 'uoplyst' (null value) for due courses without a status. */
    byStatus: Count[];
    unrecorded: number;
  }[];
  repeats: { startedPersons: number; returning: number };
}

export interface KeyFigureOptions {
  period: Period;
  /** Follow-up is due when end + N months ≤ asOf; default the period's end. */
  asOf: Day;
  windowDays: number;
  minGapDays: number;
  vocab: VocabSet;
}

export const AGE_BANDS = ['<25', '25-29', '30-39', '40-49', '50+'] as const;
export { UNKNOWN, UNMAPPED_GROUP };

export function ageBand(age: number | null): string {
  if (age === null) return UNKNOWN;
  if (age < 25) return '<25';
  if (age < 30) return '25-29';
  if (age < 40) return '30-39';
  if (age < 50) return '40-49';
  return '50+';
}

/**
 * `courses` are the courses to count (e.g. one unit's); `history` holds every course of the
 * same persons (all units), so that a return from another unit's course is found.
 */
export function keyFigures(
  courses: readonly Course[],
  o: KeyFigureOptions,
  history: readonly Course[] = courses,
): KeyFigures {
  const { from, to } = o.period;
  // One pass sorts the courses into the four figures and counts each figure's persons by
  // person number (persons.ts): a bit per person and figure instead of a Set of pseudonyms each.
  const { of, count } = personIndex(courses);
  const active: Course[] = [];
  const started: Course[] = [];
  const ongoing: Course[] = [];
  const ended: Course[] = [];
  const marks = new Uint8Array(count);
  const personsIn = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  // Per person, their latest active course (latest start; file order breaks ties), for the mix.
  const latest = new Int32Array(count).fill(-1);
  for (let i = 0; i < courses.length; i++) {
    const c = courses[i]!;
    const p = of[i]!;
    let m = 0;
    if (c.start <= to && (c.end === null || c.end >= from)) {
      active.push(c);
      m |= ACTIVE;
      if (c.end === null || c.end > to) {
        ongoing.push(c);
        m |= ONGOING;
      }
      const prev = latest[p]!;
      if (prev < 0 || c.start >= courses[prev]!.start) latest[p] = i;
    }
    if (c.start >= from && c.start <= to) {
      started.push(c);
      m |= STARTED;
    }
    if (c.end !== null && c.end >= from && c.end <= to) {
      ended.push(c);
      m |= ENDED;
    }
    const fresh = m & ~marks[p]!;
    if (fresh !== 0) {
      marks[p]! |= fresh;
      if (fresh & ACTIVE) personsIn[ACTIVE]!++;
      if (fresh & STARTED) personsIn[STARTED]!++;
      if (fresh & ONGOING) personsIn[ONGOING]!++;
      if (fresh & ENDED) personsIn[ENDED]!++;
    }
  }
  const persons = (bit: number): number => personsIn[bit]!;
  const days = (c: Course, end: Day) => end - c.start + 1;

  // Ended: reasons, groups, and durations by group.
  const exits = countExits(ended, o.vocab);
  const groupDurations = new Map<string, number[]>();
  for (const c of ended) {
    const g = c.exitGroup ?? UNMAPPED_GROUP;
    let list = groupDurations.get(g);
    if (!list) groupDurations.set(g, (list = []));
    list.push(days(c, c.end!));
  }
  const durationDaysByGroup: Record<string, Summary> = {};
  for (const k of exitGroupOrder(o.vocab)) durationDaysByGroup[k] = summarise(groupDurations.get(k) ?? []);

  // Mix: one row per active person, from their latest active course.
  const people: Course[] = [];
  for (let p = 0; p < count; p++) if (latest[p]! >= 0) people.push(courses[latest[p]!]!);
  const tally = (values: (string | null)[], order: readonly string[] = []): Count[] => {
    const m = new Map<string, number>();
    for (const v of values) m.set(v ?? UNKNOWN, (m.get(v ?? UNKNOWN) ?? 0) + 1);
    const rank = (v: string) =>
      v === UNKNOWN ? Infinity : order.indexOf(v) < 0 ? order.length : order.indexOf(v);
    return [...m]
      .map(([value, count]) => ({ value, count }))
      .sort(
        (a, b) =>
          rank(a.value) - rank(b.value) ||
          (order.length === 0 ? b.count - a.count : 0) ||
          a.value.localeCompare(b.value, 'da'),
      );
  };

  // Follow-up of courses ended in the period.
  const followUp = FOLLOW_UP_HORIZONS.map((horizon) => {
    const due = ended.filter((c) => addMonths(c.end!, horizon) <= o.asOf);
    const statuses = due.map((c) => c.followUp[horizon]);
    return {
      horizon,
      due: due.length,
      notDue: ended.length - due.length,
      byStatus: tally(statuses, o.vocab.followUp.values),
      unrecorded: statuses.filter((s) => s === null).length,
    };
  });

  const counted = history === courses ? undefined : new Set(courses);
  const repeats = findReturns(
    history,
    { from, to, windowDays: o.windowDays, minGapDays: o.minGapDays },
    counted ? (c) => counted.has(c) : undefined,
  );

  return {
    courses: courses.length,
    active: { courses: active.length, persons: persons(ACTIVE) },
    started: { courses: started.length, persons: persons(STARTED) },
    ongoing: {
      courses: ongoing.length,
      persons: persons(ONGOING),
      durationDays: summarise(ongoing.map((c) => days(c, to))),
    },
    ended: {
      courses: ended.length,
      persons: persons(ENDED),
      byReason: exits.byReason,
      byGroup: exits.byGroup,
      durationDays: summarise(ended.map((c) => days(c, c.end!))),
      durationDaysByGroup,
    },
    mix: {
      persons: people.length,
      targetGroup: tally(
        people.map((c) => c.targetGroup),
        o.vocab.targetGroup.values,
      ),
      education: tally(
        people.map((c) => c.education),
        o.vocab.education.values,
      ),
      ageBand: tally(
        people.map((c) => ageBand(c.ageAtStart)),
        AGE_BANDS,
      ),
      gender: tally(
        people.map((c) => c.gender),
        ['M', 'K'],
      ),
    },
    followUp,
    repeats: { startedPersons: repeats.startedPersons, returning: repeats.returns.length },
  };
}
