/**
 * Follow-up of ended courses at 1, 3, 6 and 12 months (docs/definitions.md#follow-up): which
 * courses form each horizon's cohort, which are covered (consent, --followup-from), which are due
 * on the as-of date, and their statuses. Pure: a store in, counts out.
 */
import { addMonths, type Day } from '../base/dates.js';
import { FOLLOW_UP_HORIZONS, type Horizon } from '../model/fields.js';
import { NONE, type CourseStore } from '../schema/course-store.js';
import type { VocabSet } from '../schema/vocab.js';
import { UNKNOWN, UNMAPPED_GROUP, type Count } from './exits.js';

/** lagged: the courses ended in the period shifted back N months; period: those ended in the period. */
export const FOLLOW_UP_COHORTS = ['lagged', 'period'] as const;
export type FollowUpCohort = (typeof FOLLOW_UP_COHORTS)[number];

/** The status of a due course without one whose person started a new course by the horizon (option). */
export const NEW_COURSE = 'I nyt forløb';

/** The consent value that puts a course in the follow-up (field `consent`, vocabulary Ja/Nej). */
export const CONSENT_YES = 'Ja';

export interface FollowUpOptions {
  cohort: FollowUpCohort;
  /** Due when end + N months ≤ asOf. */
  asOf: Day;
  /** Courses ended before this day are not covered ("Ikke omfattet"); null: no such limit. */
  coveredFrom: Day | null;
  /** Whether the export has a consent column: then only courses with consent "Ja" are covered. */
  consent: boolean;
  /** Show a due course without a status as "I nyt forløb" when its person started a new course by the horizon. */
  newCourse: boolean;
  /** Also count the statuses by the exit group of the course. */
  byExitGroup: boolean;
}

export interface FollowUpFigure {
  horizon: Horizon;
  /** The ended-date range of the cohort. */
  cohort: { from: Day; to: Day };
  /** Courses of the cohort (ended in its range). */
  ended: number;
  /** Not covered: no consent, or ended before --followup-from. Outside the denominator. */
  notCovered: number;
  /** Covered courses with end + horizon ≤ as-of. */
  due: number;
  notDue: number;
  /** Status counts among due courses; "Uoplyst" for due courses without a status. */
  byStatus: Count[];
  unrecorded: number;
  /** Per exit group (in the vocabulary's order; only groups with due courses): due and statuses. */
  byExitGroup: { group: string; due: number; byStatus: Count[] }[] | null;
}

/**
 * The ended-date range of horizon N's cohort: the period itself, or (lagged) from its start shifted
 * back N months to the day before its next day shifted back N months. For calendar periods that is
 * the period N months earlier (2025H2, 1 month: 01-06-2025 to 30-11-2025); shifting the end itself
 * would drop a month's last day (30-06 − 1 month = 30-05, losing 31-05). So the cohorts of
 * consecutive periods follow one another without a gap or an overlap.
 */
export function cohortRange(
  from: Day,
  to: Day,
  horizon: number,
  cohort: FollowUpCohort,
): { from: Day; to: Day } {
  return cohort === 'period'
    ? { from, to }
    : { from: addMonths(from, -horizon), to: addMonths(to + 1, -horizon) - 1 };
}

/**
 * The follow-up figures of the courses at `indices` (all of the store when null) for the period
 * [from, to]. The whole store is the persons' history (a new course in another --by column counts).
 */
export function followUpFigures(
  store: CourseStore,
  period: { from: Day; to: Day },
  o: FollowUpOptions,
  vocab: VocabSet,
  indices: Int32Array | null,
): FollowUpFigure[] {
  const { end } = store;
  const n = indices === null ? store.length : indices.length;
  const consentIds = o.consent ? store.ids.consent : null;
  const yes = store.values.consent.values.indexOf(CONSENT_YES);
  const starts = o.newCourse ? startsByPerson(store) : null;
  const statuses = vocab.followUp.values;
  const groups = [...vocab.exitGroups.map((g) => g.key), UNMAPPED_GROUP];

  return FOLLOW_UP_HORIZONS.map((horizon) => {
    const range = cohortRange(period.from, period.to, horizon, o.cohort);
    const lastDue = lastDueDay(range.from, range.to, horizon, o.asOf);
    const byStatus = new Map<string, number>();
    const byGroup = new Map<string, Map<string, number>>();
    let ended = 0;
    let notCovered = 0;
    let due = 0;
    let unrecorded = 0;
    for (let k = 0; k < n; k++) {
      const i = indices === null ? k : indices[k]!;
      const e = end[i]!;
      if (e === NONE || e < range.from || e > range.to) continue;
      ended++;
      if ((o.coveredFrom !== null && e < o.coveredFrom) || (consentIds !== null && consentIds[i] !== yes)) {
        notCovered++;
        continue;
      }
      if (e > lastDue) continue;
      due++;
      let status = store.followUps[store.followUp[i]!]![horizon];
      if (status === null) {
        if (starts !== null && startedBy(starts, store.person[i]!, e, addMonths(e, horizon)))
          status = NEW_COURSE;
        else unrecorded++;
      }
      const v = status ?? UNKNOWN;
      byStatus.set(v, (byStatus.get(v) ?? 0) + 1);
      if (o.byExitGroup) {
        const g = store.exitGroups[store.exit[i]!] ?? UNMAPPED_GROUP;
        let m = byGroup.get(g);
        if (!m) byGroup.set(g, (m = new Map()));
        m.set(v, (m.get(v) ?? 0) + 1);
      }
    }
    return {
      horizon,
      cohort: range,
      ended,
      notCovered,
      due,
      notDue: ended - notCovered - due,
      byStatus: statusCounts(byStatus, statuses),
      unrecorded,
      byExitGroup: o.byExitGroup
        ? groups
            .filter((g) => byGroup.has(g))
            .map((g) => {
              const counts = statusCounts(byGroup.get(g)!, statuses);
              return { group: g, due: counts.reduce((s, c) => s + c.count, 0), byStatus: counts };
            })
        : null,
    };
  });
}

/** Status counts in the vocabulary's order, then values not in it (alphabetically), "I nyt forløb", "Uoplyst" last. */
function statusCounts(counts: Map<string, number>, order: readonly string[]): Count[] {
  const rank = (v: string) =>
    v === UNKNOWN
      ? order.length + 2
      : v === NEW_COURSE
        ? order.length + 1
        : order.indexOf(v) < 0
          ? order.length
          : order.indexOf(v);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => rank(a.value) - rank(b.value) || a.value.localeCompare(b.value, 'da'));
}

/** Per person, the start days of their courses, ascending (over the whole store). */
function startsByPerson(store: CourseStore): { first: Int32Array; days: Int32Array } {
  const persons = store.persons.count;
  const first = new Int32Array(persons + 1);
  for (let i = 0; i < store.length; i++) first[store.person[i]! + 1]!++;
  for (let p = 0; p < persons; p++) first[p + 1]! += first[p]!;
  const fill = first.slice(0, persons);
  const days = new Int32Array(store.length);
  for (let i = 0; i < store.length; i++) days[fill[store.person[i]!]!++] = store.start[i]!;
  for (let p = 0; p < persons; p++) days.subarray(first[p]!, first[p + 1]!).sort();
  return { first, days };
}

/** Whether person p started a course after `end` and on or before `by` (end < start ≤ by). */
function startedBy(s: { first: Int32Array; days: Int32Array }, p: number, end: Day, by: Day): boolean {
  for (let k = s.first[p]!; k < s.first[p + 1]!; k++) {
    const d = s.days[k]!;
    if (d > end && d <= by) return true;
  }
  return false;
}

/**
 * The last day d in [from, to] whose follow-up after `months` is due (addMonths(d, months) ≤
 * asOf), from - 1 when none is. addMonths never decreases as d grows (a later day lands on the
 * same or a later day, month ends clamped), so the due days are a prefix: found by bisection.
 */
export function lastDueDay(from: Day, to: Day, months: number, asOf: Day): Day {
  let lo = from - 1; // due through lo
  let hi = to + 1; // not due from hi
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (addMonths(mid, months) <= asOf) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Where the as-of date came from: --as-of, the newest date in the data, or the period's end. */
export type AsOfSource = 'option' | 'newest' | 'periodEnd';
