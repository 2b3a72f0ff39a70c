/** --weekly: the share exited (to job) week by week after start, as a Kaplan–Meier curve per arm. */
import type { Day } from '../../base/dates.js';
import type { CourseStore } from '../../schema/course-store.js';
import { kaplanMeier, kmAt, logRank, type Observation } from '../../stats/survival.js';
import type { ArmRows } from './arms.js';
import { ARMS, type Arm, type WeeklyPoint, type WeeklyResult } from './types.js';
import { rowUnits, type Units } from './units.js';
import { endOf } from './values.js';

interface ArmObservations {
  obs: Observation[];
  censored: number;
  otherExits: number;
}

/**
 * The observations of an arm (see weekly), with those censored before the horizon and those that
 * exited otherwise. A person's time is to the first of the person's courses that ended to one of
 * the groups on or after the randomisation date; a person with none is censored on the extract
 * date, and counts as exited otherwise when a course of the person has ended.
 */
function observations(
  store: CourseStore,
  rows: number[],
  groups: Set<string>,
  horizon: number,
  asOf: Day,
  units: Units,
): ArmObservations {
  const { exit, exitGroups } = store;
  let censored = 0;
  let otherExits = 0;
  const obs = rows.map((i): Observation => {
    const origin = units.originOf(i);
    let first: number | null = null;
    let ended = false;
    for (const r of units.rowsOf(i)) {
      const end = endOf(store, r);
      if (end === null || end < origin) continue;
      ended = true;
      const group = exitGroups[exit[r]!] ?? null;
      if (group !== null && groups.has(group) && (first === null || end < first)) first = end;
    }
    let o: Observation;
    if (first !== null) o = { time: first - origin + 1, event: true };
    else {
      if (ended) otherExits++;
      o = { time: asOf - origin + 1, event: false };
    }
    if (o.time > horizon) o = { time: horizon, event: false };
    if (!o.event && o.time < horizon) censored++;
    return o;
  });
  return { obs, censored, otherExits };
}

function points(obs: Observation[], weeks: number, confLevel: number): WeeklyPoint[] {
  const km = kaplanMeier(obs, confLevel);
  const out: WeeklyPoint[] = [];
  for (let w = 1; w <= weeks; w++) {
    const at = kmAt(km, 7 * w);
    const followed = obs.some((x) => x.time >= 7 * w) || at.surv === 0;
    out.push({
      week: w,
      share: followed ? 1 - at.surv : null,
      lower: followed && at.upper !== null ? 1 - at.upper : null,
      upper: followed && at.lower !== null ? 1 - at.lower : null,
      nRisk: at.nRisk,
      events: at.cumEvents,
    });
  }
  return out;
}

/**
 * Time to exit (to one of `exitGroups`) in days from the start, or for a person from the
 * randomisation date (a course ended on its start day exits on day 1). An ongoing course is censored on the extract date. A course that ended to
 * another exit will never exit to these from this course: it stays in the risk set, censored on
 * the extract date (as long as it could have been followed), so 1 − S is the share that has
 * exited to these groups, not a share that ignores the other exits. Everything is censored at
 * the last day of week N, so the log-rank test compares the curves as shown.
 */
export function weekly(
  store: CourseStore,
  byArm: ArmRows,
  weeks: number,
  exitGroups: string[],
  asOf: Day,
  confLevel = 0.95,
  units: Units = rowUnits(store, 'course'),
): WeeklyResult {
  const groups = new Set(exitGroups);
  const obsOf = {} as Record<Arm, Observation[]>;
  const arms = {} as WeeklyResult['arms'];
  for (const a of ARMS) {
    const { obs, censored, otherExits } = observations(store, byArm[a], groups, 7 * weeks, asOf, units);
    obsOf[a] = obs;
    arms[a] = { n: obs.length, points: points(obs, weeks, confLevel), censored, otherExits };
  }
  const lr = logRank(obsOf.treatment, obsOf.control);
  return {
    weeks,
    exitGroups,
    arms,
    logRank: lr
      ? { statistic: lr.statistic, pValue: lr.pValue, observed: lr.observed, expected: lr.expected }
      : null,
  };
}
