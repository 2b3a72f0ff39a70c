/** The seeded percentile bootstrap, on samples whose resampling distribution is known by hand. */
import { describe, expect, it } from 'vitest';
import { bootstrapMeanDifference, mulberry32 } from '../../src/stats/bootstrap.js';

describe('bootstrapMeanDifference', () => {
  it('gives the difference itself when neither group varies', () => {
    // Every resample of [3, 3, 3] has mean 3 and of [1, 1] mean 1: every difference is 2.
    expect(bootstrapMeanDifference([3, 3, 3], [1, 1], 500, 7)!.ci).toEqual([2, 2]);
  });

  it('gives the 2.5% and 97.5% points of the resampling distribution', () => {
    // A resample of [0, 1] has mean 0 (1/4), 0.5 (1/2) or 1 (1/4); y = [0] always 0. With 4000
    // replicates about 1000 differences are 0 and 1000 are 1: both percentiles fall on them.
    expect(bootstrapMeanDifference([0, 1], [0], 4000, 1)!.ci).toEqual([0, 1]);
  });

  it('is the same for the same seed and the same whatever the order of the values', () => {
    const x = [5, 1, 4, 2, 8, 3];
    const y = [2, 2, 1, 0, 3];
    const a = bootstrapMeanDifference(x, y, 1000, 42);
    expect(bootstrapMeanDifference([...x].reverse(), [...y].reverse(), 1000, 42)).toEqual(a);
    expect(bootstrapMeanDifference(x, y, 1000, 43)).not.toEqual(a);
  });

  it('is null for an empty group', () => {
    expect(bootstrapMeanDifference([], [1], 100, 1)).toBeNull();
  });

  it('draws values in [0, 1) from a fixed sequence', () => {
    const r = mulberry32(1);
    const first = Array.from({ length: 1000 }, r);
    expect(first.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(Array.from({ length: 1000 }, mulberry32(1))).toEqual(first);
  });
});
