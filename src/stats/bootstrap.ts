/**
 * A seeded percentile bootstrap of the difference of two means: the same seed gives the same
 * interval on every machine (mulberry32, a 32-bit generator, and R's type-7 quantile), so a
 * memo's figure can be reproduced. docs/definitions.md#status-panel.
 */
import { quantileSorted } from 'simple-statistics';

/** mulberry32: a small, fast 32-bit generator with a fixed sequence for a seed; values in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BootstrapResult {
  replicates: number;
  seed: number;
  /** Percentile interval of mean(x*) − mean(y*) over the replicates. */
  ci: [number, number];
}

/**
 * Draws each group with replacement to its own size (x first, then y, in each replicate), takes
 * mean(x*) − mean(y*), and returns the (1 − level)/2 and (1 + level)/2 quantiles (type 7) of
 * the differences. The values are sorted first, so the order of the rows never changes a figure.
 * Null when a group is empty.
 *
 * @example bootstrapMeanDifference([1, 2, 3], [1, 1], 1000, 1).ci // about [0, 2]
 */
export function bootstrapMeanDifference(
  xs: readonly number[],
  ys: readonly number[],
  replicates: number,
  seed: number,
  level = 0.95,
): BootstrapResult | null {
  if (xs.length === 0 || ys.length === 0 || replicates < 1) return null;
  const x = [...xs].sort((a, b) => a - b);
  const y = [...ys].sort((a, b) => a - b);
  const r = mulberry32(seed);
  const draw = (v: number[]) => {
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[Math.floor(r() * v.length)]!;
    return s / v.length;
  };
  const diffs = new Float64Array(replicates);
  for (let b = 0; b < replicates; b++) diffs[b] = draw(x) - draw(y);
  diffs.sort();
  const sorted = Array.from(diffs);
  return {
    replicates,
    seed,
    ci: [quantileSorted(sorted, (1 - level) / 2), quantileSorted(sorted, (1 + level) / 2)],
  };
}
