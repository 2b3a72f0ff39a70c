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
import { findReturns } from './repeats.js';

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
  const active = courses.filter((c) => c.start <= to && (c.end === null || c.end >= from));
  const started = courses.filter((c) => c.start >= from && c.start <= to);
  const ongoing = active.filter((c) => c.end === null || c.end > to);
  const ended = courses.filter((c) => c.end !== null && c.end >= from && c.end <= to);

  const persons = (list: readonly Course[]) => new Set(list.map((c) => c.personId)).size;
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

  // Mix: one row per active person, from their latest active course (latest start; file order breaks ties).
  const latest = new Map<string, Course>();
  for (const c of active) {
    const prev = latest.get(c.personId);
    if (!prev || c.start >= prev.start) latest.set(c.personId, c);
  }
  const people = [...latest.values()];
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
    active: { courses: active.length, persons: persons(active) },
    started: { courses: started.length, persons: persons(started) },
    ongoing: {
      courses: ongoing.length,
      persons: persons(ongoing),
      durationDays: summarise(ongoing.map((c) => days(c, to))),
    },
    ended: {
      courses: ended.length,
      persons: persons(ended),
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
