/**
 * Descriptive statistics of a sample, as R computes them: mean, and median and quartiles by R's
 * default quantile (type 7, linear interpolation), which simple-statistics' quantileSorted
 * implements. Guarded: an empty sample gives n = 0 and nulls instead of throwing or NaN.
 */
import { quantileSorted } from 'simple-statistics';

export interface Summary {
  n: number;
  mean: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
}

/**
 * @example summarise([1, 2, 3, 4]) // { n: 4, mean: 2.5, median: 2.5, q1: 1.75, q3: 3.25, min: 1, max: 4 }
 */
export function summarise(values: ArrayLike<number>): Summary {
  const n = values.length;
  if (n === 0) return { n: 0, mean: null, median: null, q1: null, q3: null, min: null, max: null };
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const arr = Array.from(sorted);
  return {
    n,
    mean: sum / n,
    median: quantileSorted(arr, 0.5),
    q1: quantileSorted(arr, 0.25),
    q3: quantileSorted(arr, 0.75),
    min: sorted[0]!,
    max: sorted[n - 1]!,
  };
}
