/**
 * Intervals for benchmarking providers, each written as R computes it so a table from jobfx and a
 * check in R agree to the digit: the Wilson score interval of a share (R `prop.test(x, n, correct
 * = FALSE)$conf.int`), Newcombe's hybrid score interval of a difference of two shares (his method
 * 10, built from the two Wilson intervals), Byar's approximation to the Poisson interval of an
 * observed count (for O/E), and the normal-approximation control limits of a funnel plot.
 * Definitions: docs/definitions.md#providers.
 */
import { qnorm } from './distributions.js';

/**
 * The Wilson score interval of x successes in n, without continuity correction, as R's
 * `prop.test(x, n, correct = FALSE, conf.level = confLevel)$conf.int`: (p + z²/2n ± z·√(p(1−p)/n
 * + z²/4n²)) / (1 + z²/n); the lower limit is 0 when x = 0 and the upper 1 when x = n (as in R).
 * null when n = 0.
 *
 * @example wilson(15, 50) // [0.19100…, 0.43763…]
 */
export function wilson(x: number, n: number, confLevel = 0.95): [number, number] | null {
  if (!(n > 0) || x < 0 || x > n) return null;
  const z = qnorm((1 + confLevel) / 2);
  const p = x / n;
  const z22n = (z * z) / (2 * n);
  const root = z * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n));
  const lower = p <= 0 ? 0 : (p + z22n - root) / (1 + 2 * z22n);
  const upper = p >= 1 ? 1 : (p + z22n + root) / (1 + 2 * z22n);
  return [Math.max(lower, 0), Math.min(upper, 1)];
}

/**
 * Newcombe's hybrid score interval (1998, method 10) of p1 − p2 for two independent shares: with
 * (l1, u1) and (l2, u2) their Wilson intervals, lower = d − √((p1 − l1)² + (u2 − p2)²) and upper =
 * d + √((u1 − p1)² + (p2 − l2)²). Better than Wald's for small groups and shares near 0 or 1, and
 * never outside [−1, 1]. null when a group is empty.
 *
 * @example newcombe(15, 50, 25, 50) // { difference: -0.2, ci: [-0.37262…, -0.00742…] }
 */
export function newcombe(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  confLevel = 0.95,
): { difference: number; ci: [number, number] } | null {
  const w1 = wilson(x1, n1, confLevel);
  const w2 = wilson(x2, n2, confLevel);
  if (!w1 || !w2) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const d = p1 - p2;
  return {
    difference: d,
    ci: [
      d - Math.sqrt((p1 - w1[0]) ** 2 + (w2[1] - p2) ** 2),
      d + Math.sqrt((w1[1] - p1) ** 2 + (p2 - w2[0]) ** 2),
    ],
  };
}

/**
 * Byar's approximation to the exact Poisson interval of an observed count O, divided by the
 * expected count E (the interval of a standardised ratio O/E): lower = O·(1 − 1/(9O) − z/(3√O))³ / E
 * (0 when O = 0), upper = (O + 1)·(1 − 1/(9(O + 1)) + z/(3√(O + 1)))³ / E. Within a few percent of
 * the exact interval from O = 1 on, and closed-form. null when E ≤ 0.
 *
 * @example byar(30, 25) // [0.80965…, 1.71313…]
 */
export function byar(o: number, e: number, confLevel = 0.95): [number, number] | null {
  if (!(e > 0) || o < 0) return null;
  const z = qnorm((1 + confLevel) / 2);
  const lower = o === 0 ? 0 : (o * (1 - 1 / (9 * o) - z / (3 * Math.sqrt(o))) ** 3) / e;
  const o1 = o + 1;
  const upper = (o1 * (1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1))) ** 3) / e;
  return [Math.max(lower, 0), upper];
}

/**
 * Control limits of a funnel plot around the overall share p0 at a provider size n, by the normal
 * approximation to the binomial: p0 ± z·√(p0(1 − p0)/n), with z = qnorm(1 − (1 − level)/2)
 * (1.959964 for 95 %, 3.090232 for 99.8 %), clipped to [0, 1].
 *
 * @example funnelLimits(0.4, 100, 0.95) // [0.30398…, 0.49601…]
 */
export function funnelLimits(p0: number, n: number, level: number): [number, number] {
  const z = qnorm(1 - (1 - level) / 2);
  const half = z * Math.sqrt((p0 * (1 - p0)) / n);
  return [Math.max(p0 - half, 0), Math.min(p0 + half, 1)];
}
