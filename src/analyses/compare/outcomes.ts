/**
 * One outcome in the two arms: counts of success, failure, missing and not yet observable rows
 * with the difference of the shares and its test, or the means with Welch's t-test.
 */
import type { Day } from '../../base/dates.js';
import type { CourseStore } from '../../schema/course-store.js';
import { parseNumber } from '../../schema/values.js';
import { meanSd, welchTTest } from '../../stats/means.js';
import { fisherExact, propTest } from '../../stats/proportions.js';
import type { ArmRows } from './arms.js';
import { deadlineOf } from './parse.js';
import {
  ARMS,
  type Arm,
  type BinaryArm,
  type BinaryResult,
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
 * The outcome of one row. Exit outcomes: an ongoing course has none yet (missing), an ended one
 * is a success when its exit is one of the values (an exit reason outside the vocabulary has no
 * exit group and is no success). "within N": a success when the course ended so by the deadline;
 * an ongoing course whose deadline is after the extract date cannot be judged yet (censored); an
 * ongoing course past its deadline, or one ended after it, is no success.
 */
function observer(
  store: CourseStore,
  spec: BinarySpec,
  read: Reader,
  hit: (v: string) => boolean,
  asOf: Day | null,
): (i: number) => Observed {
  const ref = spec.ref;
  const success = (v: string | null): Observed => (v !== null && hit(v) ? 'success' : 'failure');
  const exit = ref.kind === 'field' && (ref.field === 'exitGroup' || ref.field === 'exitReason');
  if (!exit)
    return (i) => {
      const v = read(i);
      return v === null ? 'missing' : success(v);
    };
  const within = spec.within;
  return (i) => {
    const end = endOf(store, i);
    if (within) {
      const deadline = deadlineOf(store.start[i]!, within);
      if (end !== null && end <= deadline) return success(read(i));
      if (asOf !== null && deadline <= asOf) return 'failure';
      return 'censored';
    }
    return end === null ? 'missing' : success(read(i));
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
  return observer(store, spec, read, matcher(spec.ref, spec.values, o.vocab), o.asOf);
}

export function outcome(
  store: CourseStore,
  byArm: ArmRows,
  spec: OutcomeSpec,
  o: CompareOptions,
): OutcomeResult {
  return spec.kind === 'binary'
    ? binaryOutcome(store, byArm, spec, o)
    : numericOutcome(store, byArm, spec, o);
}

function binaryArms(
  store: CourseStore,
  byArm: ArmRows,
  spec: BinarySpec,
  o: CompareOptions,
): { arms: Record<Arm, BinaryArm>; unmatched: string[] } {
  const hit = matcher(spec.ref, spec.values, o.vocab);
  const read = readerOf(store, spec.ref);
  const observe = observer(store, spec, read, hit, o.asOf);
  const seen = new Set<string>();
  const arms = {} as Record<Arm, BinaryArm>;
  for (const a of ARMS) {
    const arm: BinaryArm = { n: 0, successes: 0, missing: 0, censored: 0 };
    for (const i of byArm[a]) {
      const v = read(i);
      if (v !== null) seen.add(v);
      const x = observe(i);
      if (x === 'missing') arm.missing++;
      else if (x === 'censored') arm.censored++;
      else {
        arm.n++;
        if (x === 'success') arm.successes++;
      }
    }
    arms[a] = arm;
  }
  const unmatched = spec.values.filter((v) => ![...seen].some(matcher(spec.ref, [v], o.vocab)));
  return { arms, unmatched };
}

function binaryOutcome(
  store: CourseStore,
  byArm: ArmRows,
  spec: BinarySpec,
  o: CompareOptions,
): BinaryResult {
  const { arms, unmatched } = binaryArms(store, byArm, spec, o);
  return binaryTest(spec, arms, unmatched, o);
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

/** The numbers of an arm: durations of ended courses, or a column's values read as numbers. */
function numbersOf(
  store: CourseStore,
  rows: number[],
  spec: NumericSpec,
): { xs: number[]; missing: number; invalid: number } {
  const xs: number[] = [];
  let missing = 0;
  let invalid = 0;
  const ref = spec.ref;
  for (const i of rows) {
    if (ref.kind === 'duration') {
      const end = endOf(store, i);
      if (end === null) missing++;
      else xs.push(end - store.start[i]! + 1);
      continue;
    }
    const raw = extraOf(store, i, ref.name);
    if (raw === null) {
      missing++;
      continue;
    }
    const p = parseNumber(raw);
    if (p.ok) xs.push(p.value);
    else invalid++;
  }
  return { xs, missing, invalid };
}

function numericOutcome(
  store: CourseStore,
  byArm: ArmRows,
  spec: NumericSpec,
  o: CompareOptions,
): NumericResult {
  const values = {} as Record<Arm, number[]>;
  const arms = {} as Record<Arm, NumericArm>;
  for (const a of ARMS) {
    const { xs, missing, invalid } = numbersOf(store, byArm[a], spec);
    const m = meanSd(xs);
    values[a] = xs;
    arms[a] = { n: m.n, mean: m.mean, sd: m.sd, missing, invalid };
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
  };
  if (arms.treatment.n === 0 || arms.control.n === 0) return { ...base, noTest: 'empty-group' };
  const difference = arms.treatment.mean! - arms.control.mean!;
  const w = welchTTest(values.treatment, values.control, { confLevel: o.confLevel ?? 0.95 });
  if (typeof w === 'string') return { ...base, difference, noTest: w };
  return { ...base, difference, ci: w.ci, test: 'welch', statistic: w.statistic, df: w.df, pValue: w.pValue };
}
