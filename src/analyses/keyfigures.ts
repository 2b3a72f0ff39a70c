/**
 * The key figures (nøgletal) of a programme for a period, as defined in docs/definitions.md#key-figures:
 * citizens in the programme, ended courses by exit reason and group, who they are, follow-up,
 * and repeat users. Pure: courses in, counts and summaries out.
 */
import type { Day } from '../base/dates.js';
import type { Period } from '../base/period.js';
import type { Course } from '../schema/course.js';
import { countByName, CourseStore, GENDERS, NONE, storeOf } from '../schema/course-store.js';
import type { VocabSet } from '../schema/vocab.js';
import { summarise, type Summary } from '../stats/describe.js';
import { countStoreExits, exitGroupOrder, UNKNOWN, UNMAPPED_GROUP } from './exits.js';
import { tieBreak } from '../schema/course-order.js';
import { storeReturns, type Window } from './repeats.js';
import { followUpFigures, type FollowUpFigure, type FollowUpOptions } from './followup.js';

export { lastDueDay } from './followup.js';

/** The follow-up options an analysis call leaves out. */
const FOLLOW_UP_DEFAULTS: Omit<FollowUpOptions, 'asOf'> = {
  cohort: 'period',
  coveredFrom: null,
  consent: false,
  newCourse: false,
  byExitGroup: false,
};

/** Bits of the figures a course counts in (keyFigures). */
const ACTIVE = 1;
const STARTED = 2;
const ONGOING = 4;
const ENDED = 8;

import type { Count } from './exits.js';
export type { Count };

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
  /** Per horizon (1, 3, 6, 12 months): docs/definitions.md#follow-up. */
  followUp: FollowUpFigure[];
  repeats: { startedPersons: number; returning: number };
  /** Courses whose person id is anonymised: counted among courses, in no person figure (docs/definitions.md#records). */
  anonymous: { active: number; started: number };
}

export interface KeyFigureOptions {
  period: Period;
  /** Follow-up is due when end + N months ≤ asOf (the CLI's default: the newest date in the data). */
  asOf: Day;
  /** Which courses are followed up and how (default: the period's own cohort, every course covered). */
  followUp?: Partial<Omit<FollowUpOptions, 'asOf'>>;
  /** The repeat-user window (docs/definitions.md#repeat-users). */
  window: Window;
  minGapDays: number;
  vocab: VocabSet;
}

export const AGE_BANDS = ['<25', '25-29', '30-39', '40-49', '50+'] as const;
export { UNKNOWN, UNMAPPED_GROUP };

export function ageBand(age: number | null): string {
  return age === null ? UNKNOWN : AGE_BANDS[ageBandIndex(age)]!;
}

/** The index of an age's band in AGE_BANDS. */
export function ageBandIndex(age: number): number {
  return age < 25 ? 0 : age < 30 ? 1 : age < 40 ? 2 : age < 50 ? 3 : 4;
}

/**
 * `courses` are the courses to count (e.g. one unit's); `history` holds every course of the
 * same persons (all units), so that a return from another unit's course is found. A store is
 * counted whole, as its own history.
 */
export function keyFigures(
  courses: readonly Course[] | CourseStore,
  o: KeyFigureOptions,
  history: readonly Course[] = courses as readonly Course[],
): KeyFigures {
  if (courses instanceof CourseStore) return storeKeyFigures(courses, o, null);
  const store = storeOf(history);
  if (history === courses) return storeKeyFigures(store, o, null);
  const at = new Map<Course, number>();
  history.forEach((c, i) => at.set(c, i));
  const subset = Int32Array.from(courses, (c) => {
    const i = at.get(c);
    if (i === undefined) throw new Error(`keyFigures: ${c.ref} is counted but not in the history`);
    return i;
  });
  return storeKeyFigures(store, o, subset);
}

/**
 * The key figures of the courses of a store at the indices `subset` (in store order; null: all
 * of them), with the whole store as the persons' history. One pass over the columns sorts the
 * courses into the four figures and counts each figure's persons by person number: a bit per
 * person and figure instead of a Set of pseudonyms each.
 */
export function storeKeyFigures(
  store: CourseStore,
  o: KeyFigureOptions,
  subset: Int32Array | null,
): KeyFigures {
  const { from, to } = o.period;
  const { start, end, person } = store;
  const n = subset === null ? store.length : subset.length;
  const count = store.persons.count;
  const marks = new Uint8Array(count);
  const personsIn = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  // Per person, their latest active course (docs/definitions.md#tie-breaks), for the mix.
  const latest = new Int32Array(count).fill(-1);
  const tie = tieBreak(store, o.vocab);
  let active = 0;
  let started = 0;
  const anonymous = store.persons.anonymous;
  let anonActive = 0;
  let anonStarted = 0;
  const ongoingDays: number[] = [];
  const ended: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = subset === null ? k : subset[k]!;
    const s = start[i]!;
    const e = end[i]!; // NONE (below any day) while ongoing
    const p = person[i]!;
    let m = 0;
    if (s <= to && (e === NONE || e >= from)) {
      active++;
      m |= ACTIVE;
      if (e === NONE || e > to) {
        ongoingDays.push(to - s + 1);
        m |= ONGOING;
      }
      const prev = latest[p]!;
      if (p === anonymous) anonActive++;
      else if (prev < 0 || s > start[prev]! || (s === start[prev]! && tie(i, prev) < 0)) latest[p] = i;
    }
    if (s >= from && s <= to) {
      started++;
      m |= STARTED;
      if (p === anonymous) anonStarted++;
    }
    if (e !== NONE && e >= from && e <= to) {
      ended.push(i);
      m |= ENDED;
    }
    // An anonymised course is no one's: it counts in no person figure.
    const fresh = p === anonymous ? 0 : m & ~marks[p]!;
    if (fresh !== 0) {
      marks[p]! |= fresh;
      if (fresh & ACTIVE) personsIn[ACTIVE]!++;
      if (fresh & STARTED) personsIn[STARTED]!++;
      if (fresh & ONGOING) personsIn[ONGOING]!++;
      if (fresh & ENDED) personsIn[ENDED]!++;
    }
  }
  const persons = (bit: number): number => personsIn[bit]!;

  // Ended: reasons, groups, and durations by group.
  const exits = countStoreExits(store, ended, o.vocab);
  const endedDays: number[] = [];
  const groupDurations = new Map<string, number[]>();
  for (const i of ended) {
    const d = end[i]! - start[i]! + 1;
    endedDays.push(d);
    const g = store.exitGroups[store.exit[i]!] ?? UNMAPPED_GROUP;
    let list = groupDurations.get(g);
    if (!list) groupDurations.set(g, (list = []));
    list.push(d);
  }
  const durationDaysByGroup: Record<string, Summary> = {};
  for (const k of exitGroupOrder(o.vocab)) durationDaysByGroup[k] = summarise(groupDurations.get(k) ?? []);

  // Mix: one row per active person, from their latest active course.
  const people: number[] = [];
  for (let p = 0; p < count; p++) if (latest[p]! >= 0) people.push(latest[p]!);
  const mixOf = (names: readonly (string | null)[], idOf: (i: number) => number) =>
    countByName(names, idOf, people, 0, UNKNOWN) as Map<string, number>;
  const column = (f: 'targetGroup' | 'education') => mixOf(store.values[f].values, (i) => store.ids[f][i]!);
  const bands: (string | null)[] = [...AGE_BANDS, null];
  const bandOf = (i: number) => (store.age[i] === NONE ? AGE_BANDS.length : ageBandIndex(store.age[i]!));

  // Follow-up (docs/definitions.md#follow-up): each horizon's cohort, coverage, due, statuses.
  const followUp = followUpFigures(
    store,
    o.period,
    { ...FOLLOW_UP_DEFAULTS, ...o.followUp, asOf: o.asOf },
    o.vocab,
    subset,
  );

  const repeats = storeReturns(
    store,
    { from, to, window: o.window, minGapDays: o.minGapDays, vocab: o.vocab },
    subset === null ? null : maskOf(subset, store.length),
  );

  return {
    courses: n,
    active: { courses: active, persons: persons(ACTIVE) },
    started: { courses: started, persons: persons(STARTED) },
    ongoing: {
      courses: ongoingDays.length,
      persons: persons(ONGOING),
      durationDays: summarise(ongoingDays),
    },
    ended: {
      courses: ended.length,
      persons: persons(ENDED),
      byReason: exits.byReason,
      byGroup: exits.byGroup,
      durationDays: summarise(endedDays),
      durationDaysByGroup,
    },
    mix: {
      persons: people.length,
      targetGroup: tally(column('targetGroup'), o.vocab.targetGroup.values),
      education: tally(column('education'), o.vocab.education.values),
      ageBand: tally(mixOf(bands, bandOf), AGE_BANDS),
      gender: tally(
        mixOf(GENDERS, (i) => store.gender[i]!),
        ['M', 'K'],
      ),
    },
    followUp,
    repeats: { startedPersons: repeats.startedPersons, returning: repeats.returns.length },
    anonymous: { active: anonActive, started: anonStarted },
  };
}

/**
 * Counts by value as table rows: values in `order` first in that order, then others (most
 * frequent first when there is no order), alphabetically among equals; "Uoplyst" last.
 */
function tally(counts: Map<string, number>, order: readonly string[] = []): Count[] {
  const rank = (v: string) =>
    v === UNKNOWN ? Infinity : order.indexOf(v) < 0 ? order.length : order.indexOf(v);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort(
      (a, b) =>
        rank(a.value) - rank(b.value) ||
        (order.length === 0 ? b.count - a.count : 0) ||
        a.value.localeCompare(b.value, 'da'),
    );
}

function maskOf(indices: Int32Array, length: number): Uint8Array {
  const mask = new Uint8Array(length);
  for (const i of indices) mask[i] = 1;
  return mask;
}
