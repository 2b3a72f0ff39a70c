/**
 * Time-to-event statistics as R's survival package computes them: the Kaplan–Meier estimate with
 * Greenwood's standard error and survfit's default "log" confidence interval, the estimate at
 * given times as summary(survfit, times = ...) reports it, and the log-rank test of survdiff.
 * Times are numbers (days here); at a time with both events and censorings, the events come first
 * (a course censored on day t was still at risk on day t), as in R.
 */
import { pchisq, qnorm } from './distributions.js';

/** One observation: the time, and whether the event happened then (false: censored). */
export interface Observation {
  time: number;
  event: boolean;
}

/** One row of the Kaplan–Meier table: a distinct time with an event or a censoring. */
export interface KmStep {
  time: number;
  /** At risk just before `time`: observations with time ≥ `time`. */
  nRisk: number;
  nEvent: number;
  nCensor: number;
  /** The survival estimate S(time). */
  surv: number;
  /** Greenwood's standard error of −log S (survfit's std.err); Infinity once S is 0. */
  stdErr: number;
  /** Confidence limits of S (conf.type "log"); null when S is 0 (R gives NA). */
  lower: number | null;
  upper: number | null;
}

export interface KaplanMeier {
  n: number;
  steps: KmStep[];
  confLevel: number;
}

/**
 * The Kaplan–Meier estimate, as R's `summary(survfit(Surv(time, event) ~ 1))` on every distinct
 * time: S(t) = Π (1 − d/n) over event times ≤ t; std.err = √Σ d/(n(n − d)) (Greenwood, on the log
 * scale); limits exp(log S ∓ z·std.err), the upper one capped at 1 (conf.type = "log", the default).
 *
 * @example kaplanMeier([{ time: 1, event: true }, { time: 2, event: false }, { time: 3, event: true }]).steps.map((s) => s.surv) // [0.6666…, 0.6666…, 0]
 */
export function kaplanMeier(observations: readonly Observation[], confLevel = 0.95): KaplanMeier {
  const z = qnorm((1 + confLevel) / 2);
  const sorted = [...observations].sort((a, b) => a.time - b.time);
  const steps: KmStep[] = [];
  let surv = 1;
  let varSum = 0;
  let i = 0;
  const n = sorted.length;
  while (i < n) {
    const time = sorted[i]!.time;
    const nRisk = n - i;
    let nEvent = 0;
    let nCensor = 0;
    while (i < n && sorted[i]!.time === time) {
      if (sorted[i]!.event) nEvent++;
      else nCensor++;
      i++;
    }
    if (nEvent > 0) {
      surv *= 1 - nEvent / nRisk;
      varSum += nEvent === nRisk ? Infinity : nEvent / (nRisk * (nRisk - nEvent));
    }
    const stdErr = Math.sqrt(varSum);
    const [lower, upper] = logLimits(surv, stdErr, z);
    steps.push({ time, nRisk, nEvent, nCensor, surv, stdErr, lower, upper });
  }
  return { n, steps, confLevel };
}

/** The "log" limits exp(log S ∓ z·se), the upper one capped at 1; none once S is 0 (R: NA). */
function logLimits(surv: number, stdErr: number, z: number): [number | null, number | null] {
  if (surv === 0) return [null, null];
  return [Math.exp(Math.log(surv) - z * stdErr), Math.min(1, Math.exp(Math.log(surv) + z * stdErr))];
}

export interface KmAt {
  time: number;
  surv: number;
  /** survfit's std.err (of −log S). */
  stdErr: number;
  /** Standard error of S itself (S × stdErr), as summary.survfit reports it; null when S is 0 (R: NA). */
  seSurv: number | null;
  lower: number | null;
  upper: number | null;
  /** Observations still at risk at `time` (time ≥ `time`). */
  nRisk: number;
  /** Events up to and including `time`. */
  cumEvents: number;
}

/**
 * The Kaplan–Meier estimate at a time, as `summary(fit, times = t, extend = TRUE)` gives surv,
 * std.err (here seSurv: summary reports the standard error of S, not of log S), lower and upper: the values of the last step at or before t (S = 1 before the first
 * event). nRisk counts the observations with time ≥ t.
 *
 * @example kmAt(kaplanMeier([{ time: 1, event: true }, { time: 5, event: false }]), 3).surv // 0.5
 */
export function kmAt(km: KaplanMeier, time: number): KmAt {
  let last: KmStep | undefined;
  let cumEvents = 0;
  let nRisk = 0;
  for (const s of km.steps) {
    if (s.time <= time) {
      last = s;
      cumEvents += s.nEvent;
    } else {
      nRisk += s.nEvent + s.nCensor;
    }
  }
  // Observations at exactly `time` are still at risk at `time`.
  if (last && last.time === time) nRisk += last.nEvent + last.nCensor;
  if (!last) return { time, surv: 1, stdErr: 0, seSurv: 0, lower: 1, upper: 1, nRisk: km.n, cumEvents: 0 };
  const { surv, stdErr, lower, upper } = last;
  return { time, surv, stdErr, seSurv: surv === 0 ? null : surv * stdErr, lower, upper, nRisk, cumEvents };
}

export interface LogRankResult {
  /** Observed and expected events per group. */
  observed: [number, number];
  expected: [number, number];
  /** Variance of O1 − E1 (hypergeometric). */
  variance: number;
  statistic: number;
  df: 1;
  pValue: number;
}

/**
 * The log-rank test of two survival curves, as R's `survdiff(Surv(time, event) ~ group)` (rho = 0):
 * at each distinct event time, E1 += d·n1/n and V += d·(n − d)·n1·n2 / (n²(n − 1));
 * X² = (O1 − E1)² / V on 1 degree of freedom. null when there are no events (V = 0).
 *
 * @example logRank([{ time: 1, event: true }, { time: 2, event: true }], [{ time: 3, event: true }, { time: 4, event: true }]).pValue // 0.0895…
 */
export function logRank(a: readonly Observation[], b: readonly Observation[]): LogRankResult | null {
  const all = [...a.map((o) => ({ ...o, g: 0 })), ...b.map((o) => ({ ...o, g: 1 }))].sort(
    (x, y) => x.time - y.time,
  );
  let n1 = a.length;
  let n2 = b.length;
  let o1 = 0;
  let o2 = 0;
  let e1 = 0;
  let e2 = 0;
  let v = 0;
  let i = 0;
  while (i < all.length) {
    const time = all[i]!.time;
    let d1 = 0;
    let d2 = 0;
    let left1 = 0;
    let left2 = 0;
    while (i < all.length && all[i]!.time === time) {
      const o = all[i]!;
      if (o.g === 0) {
        left1++;
        if (o.event) d1++;
      } else {
        left2++;
        if (o.event) d2++;
      }
      i++;
    }
    const d = d1 + d2;
    const n = n1 + n2;
    if (d > 0) {
      e1 += (d * n1) / n;
      e2 += (d * n2) / n;
      if (n > 1) v += (d * (n - d) * n1 * n2) / (n * n * (n - 1));
      o1 += d1;
      o2 += d2;
    }
    n1 -= left1;
    n2 -= left2;
  }
  if (!(v > 0)) return null;
  const statistic = (o1 - e1) ** 2 / v;
  return {
    observed: [o1, o2],
    expected: [e1, e2],
    variance: v,
    statistic,
    df: 1,
    pValue: pchisq(statistic, 1, false),
  };
}
