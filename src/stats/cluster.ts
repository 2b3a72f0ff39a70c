/**
 * Cluster-robust (sandwich) standard error of a difference of two means (a difference in
 * proportions is one with 0/1 values), for observations that are not independent: the courses
 * of one person. It is the standard error of the slope b of the linear model y = a + b·T (T = 1
 * in the treatment group) with the variance clustered by person, as R's
 * `sandwich::vcovCL(lm(y ~ T), cluster = ~person)` gives it (type HC1, cadjust = TRUE):
 *
 *   V = G/(G − 1) · (n − 1)/(n − 2) · Σ_g (T_g/n_T − C_g/n_C)²
 *
 * where n_T and n_C are the observations of each group, G the number of clusters, and T_g and
 * C_g the sums of the residuals (y minus its group's mean) of cluster g's treatment and control
 * observations. (This is the (2,2) element of (X'X)⁻¹ B (X'X)⁻¹ for X = [1, T] written out.)
 * The interval is b ± z·√V with the normal quantile, as R's `lmtest::coefci(fit, vcov = V, df = Inf)`.
 * Checked against R written out in fixtures/compare/cluster.R.
 */
import { qnorm } from './distributions.js';

export interface ClusterObservation {
  /** 1 treatment, 0 control. */
  treated: 0 | 1;
  y: number;
  /** Any key that is equal for observations of one cluster (a person). */
  cluster: number;
}

export interface ClusterRobust {
  difference: number;
  se: number;
  ci: [number, number];
  clusters: number;
}

/**
 * The difference of the group means with its cluster-robust standard error and interval; null
 * without observations in both groups or with fewer than two clusters or three observations.
 *
 * @example clusterRobustDifference([{treated:1,y:1,cluster:1},{treated:1,y:0,cluster:1},{treated:0,y:0,cluster:2},{treated:0,y:1,cluster:3}])
 */
export function clusterRobustDifference(
  obs: readonly ClusterObservation[],
  confLevel = 0.95,
): ClusterRobust | null {
  const ys: [number[], number[]] = [[], []];
  for (const o of obs) ys[o.treated].push(o.y);
  const [nC, nT] = [ys[0].length, ys[1].length];
  if (nT === 0 || nC === 0 || obs.length < 3) return null;
  // Summed in ascending order: the order of the rows must not change the last bit.
  const sumOf = (v: number[]) => [...v].sort((a, b) => a - b).reduce((s, x) => s + x, 0);
  const mean = [sumOf(ys[0]) / nC, sumOf(ys[1]) / nT];
  const score = new Map<number, number>();
  for (const o of obs) {
    const e = o.y - mean[o.treated]!;
    score.set(o.cluster, (score.get(o.cluster) ?? 0) + (o.treated === 1 ? e / nT : -e / nC));
  }
  const G = score.size;
  if (G < 2) return null;
  const N = obs.length;
  const meat = sumOf([...score.values()].map((s) => s * s));
  const v = (G / (G - 1)) * ((N - 1) / (N - 2)) * meat;
  const se = Math.sqrt(v);
  const difference = mean[1]! - mean[0]!;
  const z = qnorm(1 - (1 - confLevel) / 2);
  return { difference, se, ci: [difference - z * se, difference + z * se], clusters: G };
}
