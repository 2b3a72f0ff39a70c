/**
 * One outcome in the two arms: counts of success, failure, missing and not yet observable rows
 * with the difference of the shares and its test, or the means with Welch's t-test.
 */
import type { Day } from '../../base/dates.js';
import type { CourseStore } from '../../schema/course-store.js';
import { parseNumber } from '../../schema/values.js';
import { clusterRobustDifference, type ClusterObservation } from '../../stats/cluster.js';
import { meanSd, welchTTest } from '../../stats/means.js';
import { fisherExact, propTest } from '../../stats/proportions.js';
import type { ArmRows } from './arms.js';
import { deadlineOf } from './parse.js';
import { rowUnits, type Units } from './units.js';
import {
  ARMS,
  type Arm,
  type BinaryArm,
  type BinaryResult,
  type ClusterInterval,
  type CompareOptions,
  type NumericArm,
  type NumericResult,
  type OutcomeResult,
  type OutcomeSpec,
} from './types.js';
import { endOf, extraOf, matcher, readerOf, type Reader } from './values.js';

type BinarySpec = Extract<OutcomeSpec, { kind: 'binary' }>;
type NumericSpec = Extract<OutcomeSpec, { kind: 'numeric' }>;
export type Observed = 'missing' | 'censored' | 'success' | 'failure';

/**
 * The outcome of one row, followed from `origin` (its start, or its person's randomisation date).
 * Exit outcomes: an ongoing course has none yet (missing), an ended one is a success when its exit
 * is one of the values (an exit reason outside the vocabulary has no exit group and is no
 * success). "within N": a success when the course ended so by the deadline; an ongoing course
 * whose deadline is after the extract date cannot be judged yet (censored); an ongoing course
 * past its deadline, or one ended after it, is no success.
 */
function observer(
  store: CourseStore,
  spec: BinarySpec,
  read: Reader,
  hit: (v: string) => boolean,
  asOf: Day | null,
): (i: number, origin: Day) => Observed {
  const ref = spec.ref;
  const success = (v: string | null): Observed => (v !== null && hit(v) ? 'success' : 'failure');
  const exit = ref.kind === 'field' && (ref.field === 'exitGroup' || ref.field === 'exitReason');
  if (!exit)
    return (i) => {
      const v = read(i);
      return v === null ? 'missing' : success(v);
    };
  const within = spec.within;
  return (i, origin) => {
    const end = endOf(store, i);
    if (within) {
      const deadline = deadlineOf(origin, within);
      if (end !== null && end <= deadline) return success(read(i));
      if (asOf !== null && deadline <= asOf) return 'failure';
      return 'censored';
    }
    return end === null ? 'missing' : success(read(i));
  };
}

const RANK: Record<Observed, number> = { missing: 0, failure: 1, censored: 2, success: 3 };

/**
 * The outcome of an observation (docs/definitions.md#compare-unit): a course's own; a person's a
 * success when any of the person's courses is one, else the most telling of the courses' outcomes
 * (censored before failure before missing). "within N" for a person: a success when a course
 * ended so between the randomisation date and its deadline; else no success once the deadline is
 * on or before the extract date, and not yet observable (censored) before.
 */
function unitObserver(
  store: CourseStore,
  spec: BinarySpec,
  rowObserve: (i: number, origin: Day) => Observed,
  hit: (v: string) => boolean,
  read: Reader,
  units: Units,
  asOf: Day | null,
): (i: number) => Observed {
  if (units.kind === 'person' && spec.within) {
    const within = spec.within;
    return (i) => {
      const origin = units.originOf(i);
      const deadline = deadlineOf(origin, within);
      for (const r of units.rowsOf(i)) {
        const end = endOf(store, r);
        const v = read(r);
        if (end !== null && end >= origin && end <= deadline && v !== null && hit(v)) return 'success';
      }
      return asOf !== null && deadline <= asOf ? 'failure' : 'censored';
    };
  }
  return (i) => {
    const origin = units.originOf(i);
    let best: Observed = 'missing';
    for (const r of units.rowsOf(i)) {
      const x = rowObserve(r, origin);
      if (RANK[x] > RANK[best]) best = x;
    }
    return best;
  };
}

/**
 * The outcome of each row for a yes/no outcome, as the comparison reads it (the same rule for
 * every command that counts a yes/no outcome: providers reads it here).
 */
export function rowObserver(
  store: CourseStore,
  spec: BinarySpec,
  o: Pick<CompareOptions, 'vocab' | 'asOf'>,
): (i: number) => Observed {
  const read = readerOf(store, spec.ref);
  const observe = observer(store, spec, read, matcher(spec.ref, spec.values, o.vocab), o.asOf);
  return (i) => observe(i, store.start[i]!);
}

/** How the observations are made of rows, and whether to add cluster-robust intervals (--unit course). */
export interface UnitContext {
  units: Units;
  clustered: boolean;
}

/** Every row its own course, no clusters: the context of a comparison of courses as independent. */
export const courseContext = (store: CourseStore): UnitContext => ({
  units: rowUnits(store, 'course'),
  clustered: false,
});

export function outcome(
  store: CourseStore,
  byArm: ArmRows,
  spec: OutcomeSpec,
  o: CompareOptions,
  u: UnitContext = courseContext(store),
): OutcomeResult {
  return spec.kind === 'binary'
    ? binaryOutcome(store, byArm, spec, o, u)
    : numericOutcome(store, byArm, spec, o, u);
}

/** The cluster key of row i: its person; a row of no person (anonymised) is a cluster of its own. */
function clusterOf(store: CourseStore, i: number): number {
  const p = store.person[i]!;
  return p === store.persons.anonymous ? -1 - i : p;
}

function clusterInterval(obs: ClusterObservation[], o: CompareOptions): ClusterInterval | null {
  const c = clusterRobustDifference(obs, o.confLevel ?? 0.95);
  return c ? { se: c.se, ci: c.ci, clusters: c.clusters } : null;
}

function binaryArms(
  store: CourseStore,
  byArm: ArmRows,
  spec: BinarySpec,
  o: CompareOptions,
  u: UnitContext,
): { arms: Record<Arm, BinaryArm>; unmatched: string[]; cluster: ClusterObservation[] } {
  const hit = matcher(spec.ref, spec.values, o.vocab);
  const read = readerOf(store, spec.ref);
  const observe = unitObserver(
    store,
    spec,
    observer(store, spec, read, hit, o.asOf),
    hit,
    read,
    u.units,
    o.asOf,
  );
  const seen = new Set<string>();
  const arms = {} as Record<Arm, BinaryArm>;
  const cluster: ClusterObservation[] = [];
  for (const a of ARMS) {
    const arm: BinaryArm = { n: 0, successes: 0, missing: 0, censored: 0 };
    for (const i of byArm[a]) {
      for (const r of u.units.rowsOf(i)) {
        const v = read(r);
        if (v !== null) seen.add(v);
      }
      const x = observe(i);
      if (x === 'missing') arm.missing++;
      else if (x === 'censored') arm.censored++;
      else {
        arm.n++;
        if (x === 'success') arm.successes++;
        if (u.clustered)
          cluster.push({
            treated: a === 'treatment' ? 1 : 0,
            y: x === 'success' ? 1 : 0,
            cluster: clusterOf(store, i),
          });
      }
    }
    arms[a] = arm;
  }
  const unmatched = spec.values.filter((v) => ![...seen].some(matcher(spec.ref, [v], o.vocab)));
  return { arms, unmatched, cluster };
}

function binaryOutcome(
  store: CourseStore,
  byArm: ArmRows,
  spec: BinarySpec,
  o: CompareOptions,
  u: UnitContext,
): BinaryResult {
  const { arms, unmatched, cluster } = binaryArms(store, byArm, spec, o, u);
  const result = binaryTest(spec, arms, unmatched, o);
  return u.clustered ? { ...result, cluster: clusterInterval(cluster, o) } : result;
}

/**
 * The difference of two shares with its interval and test, from the counts of each arm (also for
 * counts that are not a column's values, as the Likert share "i høj grad or more").
 */
export function binaryTest(
  spec: BinarySpec,
  arms: Record<Arm, BinaryArm>,
  unmatched: string[],
  o: Pick<CompareOptions, 'correct' | 'exact' | 'confLevel'>,
): BinaryResult {
  const base: BinaryResult = {
    kind: 'binary',
    spec,
    arms,
    difference: null,
    ci: null,
    test: null,
    corrected: false,
    statistic: null,
    pValue: null,
    minExpected: null,
    unmatched,
  };
  const t = arms.treatment;
  const c = arms.control;
  const pt = propTest(t.successes, t.n, c.successes, c.n, {
    correct: o.correct,
    confLevel: o.confLevel ?? 0.95,
  });
  if (!pt) return { ...base, noTest: 'empty-group' };
  const minExpected = Math.min(...pt.expected.flat());
  const useFisher = o.exact || minExpected < 5;
  return {
    ...base,
    difference: pt.difference,
    ci: pt.ci,
    test: useFisher ? 'fisher' : 'chisq',
    corrected: pt.corrected,
    statistic: useFisher ? null : pt.statistic,
    pValue: useFisher
      ? fisherExact(t.successes, t.n - t.successes, c.successes, c.n - c.successes)
      : pt.pValue,
    minExpected,
  };
}

/**
 * The numbers of an arm's observations: a course's duration (ended courses) or a column's value
 * read as a number; a person's total days in courses (only when all the person's courses have
 * ended) or the mean of the values on the person's rows (a value that is not a number leaves the
 * person out). Each number with the row that names its observation.
 */
function numbersOf(
  store: CourseStore,
  rows: number[],
  spec: NumericSpec,
  units: Units,
): { xs: number[]; at: number[]; missing: number; invalid: number } {
  const xs: number[] = [];
  const at: number[] = [];
  let missing = 0;
  let invalid = 0;
  const ref = spec.ref;
  for (const i of rows) {
    const members = units.rowsOf(i);
    const values: number[] = [];
    let bad = false;
    let open = false;
    for (const r of members) {
      if (ref.kind === 'duration') {
        const end = endOf(store, r);
        if (end === null) open = true;
        else values.push(end - store.start[r]! + 1);
        continue;
      }
      const raw = extraOf(store, r, ref.name);
      if (raw === null) continue;
      const p = parseNumber(raw);
      if (!p.ok) bad = true;
      else values.push(p.value);
    }
    if (bad) invalid++;
    else if (open || values.length === 0) missing++;
    else {
      // Summed in ascending order: the order of the rows must not change the last bit.
      const total = values.sort((a, b) => a - b).reduce((s, x) => s + x, 0);
      xs.push(ref.kind === 'duration' ? total : total / values.length);
      at.push(i);
    }
  }
  return { xs, at, missing, invalid };
}

function numericOutcome(
  store: CourseStore,
  byArm: ArmRows,
  spec: NumericSpec,
  o: CompareOptions,
  u: UnitContext,
): NumericResult {
  const values = {} as Record<Arm, number[]>;
  const arms = {} as Record<Arm, NumericArm>;
  const cluster: ClusterObservation[] = [];
  for (const a of ARMS) {
    const { xs, at, missing, invalid } = numbersOf(store, byArm[a], spec, u.units);
    const m = meanSd(xs);
    values[a] = xs;
    arms[a] = { n: m.n, mean: m.mean, sd: m.sd, missing, invalid };
    if (u.clustered)
      xs.forEach((y, k) =>
        cluster.push({ treated: a === 'treatment' ? 1 : 0, y, cluster: clusterOf(store, at[k]!) }),
      );
  }
  const base: NumericResult = {
    kind: 'numeric',
    spec,
    arms,
    difference: null,
    ci: null,
    test: null,
    statistic: null,
    df: null,
    pValue: null,
    ...(u.clustered ? { cluster: clusterInterval(cluster, o) } : {}),
  };
  if (arms.treatment.n === 0 || arms.control.n === 0) return { ...base, noTest: 'empty-group' };
  const difference = arms.treatment.mean! - arms.control.mean!;
  const w = welchTTest(values.treatment, values.control, { confLevel: o.confLevel ?? 0.95 });
  if (typeof w === 'string') return { ...base, difference, noTest: w };
  return { ...base, difference, ci: w.ci, test: 'welch', statistic: w.statistic, df: w.df, pValue: w.pValue };
}
