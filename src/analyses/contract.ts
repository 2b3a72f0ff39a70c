/**
 * The contract's figures (the progression annex; docs/definitions.md#the-contracts-fields): courses
 * extended past their planned end, result goals reached, the industry and hours of job exits, and
 * the visitation funnel. Pure functions over the course store and the store of rows visited but
 * not started. Each part is null when the export has no column for it, so a memo shows these
 * tables only for exports that have the fields.
 */
import { both } from '../base/i18n.js';
import type { Day } from '../base/dates.js';
import type { Period } from '../base/period.js';
import { CourseStore, NONE } from '../schema/course-store.js';
import type { VocabSet } from '../schema/vocab.js';
import { matchKey } from '../schema/normalize-text.js';
import { groupKey, partitionBy, type ByRef } from './partition.js';
import { summarise, type Summary } from '../stats/describe.js';
import type { Count } from './exits.js';
import { dayColumn, numberColumn, yesNoColumn, type BadValue } from './contract-values.js';

export type { BadValue } from './contract-values.js';

/** The exit group whose courses have an industry and hours (ordinary jobs and flex jobs). */
export const JOB_GROUP = 'job';
/** Hours bands: lower bounds of <10, 10–19, 20–29, 30+ (a band holds h with lo ≤ h < next lo). */
export const HOUR_BANDS = [0, 10, 20, 30] as const;

export interface ExtensionFigures {
  /** Courses active in the period with a valid planned end: the denominator. */
  courses: number;
  extended: number;
  /** Weeks past the planned end, of the extended courses ((end or as-of) − planned end) / 7. */
  weeks: Summary;
  /** Active courses without a planned end, and with one that is not a date or before the start. */
  withoutPlannedEnd: number;
  invalid: number;
}

export interface GoalFigures {
  /** Courses ended in the period with a result goal (all ended ones when there is no goal column). */
  courses: number;
  reached: number;
  notReached: number;
  /** Goal reached empty or neither yes nor no. */
  unknown: number;
  /** No result-goal column: the courses are all those ended in the period. */
  allEnded: boolean;
  /** 'column': by goalReached; 'config': by the config's goal → exit reasons (goalReachedBy). */
  by: 'column' | 'config';
}

export interface JobFigures {
  /** Courses ended in the period in the exit group Job. */
  courses: number;
  /** By industry; null value: none given. Null when the export has no industry column. */
  byIndustry: Count[] | null;
  /** Per hours band (HOUR_BANDS), then the courses without hours (or not a number). Null: no column. */
  hoursBands: number[] | null;
  hours: Summary;
}

export interface FunnelFigures {
  /** Citizens visited in the period: courses with a visitation date in it and rows not started. */
  visited: number;
  started: number;
  /** Of those started: ended by the as-of date. */
  ended: number;
  notStarted: number;
  /** Days from visitation to start, of started courses whose visitation is not after the start. */
  daysToStart: Summary;
}

export interface ContractFigures {
  extension: ExtensionFigures | null;
  goal: GoalFigures | null;
  jobs: JobFigures | null;
  funnel: FunnelFigures | null;
  /** Values that could not be read or break a rule, with the row: said under the table and on stderr. */
  problems: BadValue[];
}

export interface ContractOptions {
  period: Period;
  asOf: Day;
  /**
   * The config's goalReachedBy, by match keys: goal → the exit reasons that count as reaching it.
   * Used when the export has a result goal and no goal-reached column.
   */
  goalMap?: Map<string, Set<string>>;
  /** Which optional fields the export has a column for. */
  has: (field: 'plannedEnd' | 'resultGoal' | 'goalReached' | 'industry' | 'hours' | 'visitation') => boolean;
}

/** The contract's figures of the courses `subset` (null: all) and the not-started rows `visits` (null: all). */
export function contractFigures(
  store: CourseStore,
  subset: ArrayLike<number> | null,
  notStarted: CourseStore,
  visits: ArrayLike<number> | null,
  o: ContractOptions,
): ContractFigures {
  const problems: BadValue[] = [];
  const idx = subset ?? range(store.length);
  const figures = {
    extension: o.has('plannedEnd') ? extension(store, idx, o, problems) : null,
    goal:
      o.has('goalReached') || (o.goalMap !== undefined && o.has('resultGoal'))
        ? goal(store, idx, o, problems)
        : null,
    jobs: o.has('industry') || o.has('hours') ? jobs(store, idx, o, problems) : null,
    funnel: o.has('visitation')
      ? funnel(store, idx, notStarted, visits ?? range(notStarted.length), o, problems)
      : null,
    problems,
  };
  // The order of the rows must not change what is printed: problems in row order, then field.
  problems.sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
  return figures;
}

const range = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);

const activeIn = (s: CourseStore, i: number, p: Period) =>
  s.start[i]! <= p.to && (s.end[i] === NONE || s.end[i]! >= p.from);
const endedIn = (s: CourseStore, i: number, p: Period) =>
  s.end[i] !== NONE && s.end[i]! >= p.from && s.end[i]! <= p.to;

function extension(s: CourseStore, idx: ArrayLike<number>, o: ContractOptions, bad: BadValue[]) {
  const planned = dayColumn(s, 'plannedEnd');
  const weeks: number[] = [];
  const f: ExtensionFigures = {
    courses: 0,
    extended: 0,
    weeks: summarise([]),
    withoutPlannedEnd: 0,
    invalid: 0,
  };
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    if (!activeIn(s, i, o.period)) continue;
    const pe = planned.day(i, bad);
    if (pe === null) {
      f.withoutPlannedEnd++;
      continue;
    }
    if (pe < s.start[i]!) {
      f.invalid++;
      bad.push(
        planned.broken(
          i,
          both(
            'ligger før startdatoen; forløbet er ikke med i tabellen over forlængelse',
            'is before the start date; the course is left out of the extension table',
          ),
        ),
      );
      continue;
    }
    if (Number.isNaN(pe)) {
      f.invalid++;
      continue;
    }
    f.courses++;
    // An ongoing course (or one ending after the as-of date) is measured at the as-of date.
    const ref = s.end[i] !== NONE && s.end[i]! <= o.asOf ? s.end[i]! : o.asOf;
    if (ref > pe) {
      f.extended++;
      weeks.push((ref - pe) / 7);
    }
  }
  f.weeks = summarise(weeks);
  return f;
}

function goal(s: CourseStore, idx: ArrayLike<number>, o: ContractOptions, bad: BadValue[]) {
  const reached = yesNoColumn(s, 'goalReached');
  const withGoal = o.has('resultGoal');
  const byColumn = o.has('goalReached');
  const f: GoalFigures = {
    courses: 0,
    reached: 0,
    notReached: 0,
    unknown: 0,
    allEnded: !withGoal,
    by: byColumn ? 'column' : 'config',
  };
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    if (!endedIn(s, i, o.period)) continue;
    if (withGoal && s.value('resultGoal', i) === null) continue;
    f.courses++;
    const r = byColumn ? reached.yesNo(i, bad) : reachedByExit(s, i, o.goalMap!);
    if (r === true) f.reached++;
    else if (r === false) f.notReached++;
    else f.unknown++;
  }
  return f;
}

/** Reached by the config's map: the exit reason is one of the goal's; null when the goal is not in the map. */
function reachedByExit(s: CourseStore, i: number, map: Map<string, Set<string>>): boolean | null {
  const reasons = map.get(matchKey(s.value('resultGoal', i) ?? ''));
  if (reasons === undefined) return null;
  return reasons.has(matchKey(s.exitReasons[s.exit[i]!] ?? ''));
}

function jobs(s: CourseStore, idx: ArrayLike<number>, o: ContractOptions, bad: BadValue[]) {
  const hours = numberColumn(s, 'hours');
  const industries = new Map<string | null, number>();
  const bands = [0, 0, 0, 0, 0];
  const values: number[] = [];
  let courses = 0;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    if (!endedIn(s, i, o.period) || s.exitGroups[s.exit[i]!] !== JOB_GROUP) continue;
    courses++;
    const ind = s.value('industry', i);
    industries.set(ind, (industries.get(ind) ?? 0) + 1);
    const h = hours.number(i, bad);
    if (h !== null && h < 0)
      bad.push(
        hours.broken(i, both('er negativ; tælles som uden timer', 'is negative; counted as without hours')),
      );
    if (h === null || Number.isNaN(h) || h < 0) bands[4]!++;
    else {
      bands[HOUR_BANDS.filter((lo) => h >= lo).length - 1]!++;
      values.push(h);
    }
  }
  // Industries by count, ties alphabetical (Danish); "none given" last.
  const byIndustry = [...industries]
    .filter(([v]) => v !== null)
    .map(([value, count]) => ({ value: value!, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'da'));
  const none = industries.get(null) ?? 0;
  return {
    courses,
    byIndustry: o.has('industry') ? [...byIndustry, ...(none > 0 ? [{ value: '', count: none }] : [])] : null,
    hoursBands: o.has('hours') ? bands : null,
    hours: summarise(values),
  };
}

function funnel(
  s: CourseStore,
  idx: ArrayLike<number>,
  ns: CourseStore,
  visits: ArrayLike<number>,
  o: ContractOptions,
  bad: BadValue[],
): FunnelFigures {
  const p = o.period;
  const visit = dayColumn(s, 'visitation');
  const days: number[] = [];
  const f: FunnelFigures = { visited: 0, started: 0, ended: 0, notStarted: 0, daysToStart: summarise([]) };
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    const v = visit.day(i, bad);
    if (v === null || Number.isNaN(v) || v < p.from || v > p.to) continue;
    f.visited++;
    f.started++;
    if (s.end[i] !== NONE && s.end[i]! <= o.asOf) f.ended++;
    if (v > s.start[i]!)
      bad.push(
        visit.broken(
          i,
          both(
            'ligger efter startdatoen; forløbet er ikke med i dagene til start',
            'is after the start date; the course is left out of the days to start',
          ),
        ),
      );
    else days.push(s.start[i]! - v);
  }
  // A row kept as not started always has a valid visitation date (normalise checks it).
  const nsVisit = dayColumn(ns, 'visitation');
  for (let k = 0; k < visits.length; k++) {
    const v = nsVisit.day(visits[k]!, bad);
    if (v === null || Number.isNaN(v) || v < p.from || v > p.to) continue;
    f.visited++;
    f.notStarted++;
  }
  f.daysToStart = summarise(days);
  return f;
}

/**
 * The contract's figures per --by value (in partitionStore's order, as the key-figure columns)
 * and in total (last). The rows not started are split by the same field; one whose value no
 * course has counts in the total only.
 */
export function contractColumns(
  store: CourseStore,
  notStarted: CourseStore,
  by: readonly ByRef[] | undefined,
  vocab: VocabSet,
  o: ContractOptions,
): { value: (string | null)[] | null; k: ContractFigures }[] {
  const out: { value: (string | null)[] | null; k: ContractFigures }[] = [];
  if (by && by.length > 0) {
    const visits = new Map(partitionBy(notStarted, by, vocab).map((g) => [groupKey(g.values), g.courses]));
    for (const g of partitionBy(store, by, vocab))
      out.push({
        value: g.values,
        k: contractFigures(store, g.courses, notStarted, visits.get(groupKey(g.values)) ?? [], o),
      });
  }
  out.push({ value: null, k: contractFigures(store, null, notStarted, null, o) });
  return out;
}
