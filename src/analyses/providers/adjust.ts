/**
 * Indirect standardisation: a provider's expected count is what its courses would give at the
 * rates of all providers together, stratum by stratum. E_k = Σ_s n_ks · r_s with r_s the share of
 * successes among all providers' courses in stratum s (the combinations of the adjustment fields'
 * values; a missing value is the stratum value "Uoplyst"). O/E has Byar's interval.
 * Definitions: docs/definitions.md#providers-adjusted.
 */
import type { CourseStore } from '../../schema/course-store.js';
import { byar } from '../../stats/benchmark.js';
import type { Selection } from './types.js';
import { stratumReader } from './strata.js';
import type { AdjustedRow, AdjustRef, Standardisation } from './types.js';

/** A stratum with fewer courses than this (with an observed outcome) is named in a note: its rate is uncertain. */
export const SMALL_STRATUM = 10;

interface Stratum {
  n: number;
  successes: number;
  /** Courses per provider (by provider index). */
  byProvider: Map<number, number>;
}

export function standardise(
  store: CourseStore,
  sel: Selection,
  y: Int8Array,
  fields: AdjustRef[],
): Standardisation {
  const stratumOf = stratumReader(store, fields);
  const strata = new Map<string, Stratum>();
  const providers = [...sel.byProvider];
  const observed = providers.map(() => ({ n: 0, successes: 0 }));
  providers.forEach(([, rows], k) => {
    for (const i of rows) {
      if (y[i]! < 0) continue;
      const key = stratumOf(i);
      let s = strata.get(key);
      if (!s) strata.set(key, (s = { n: 0, successes: 0, byProvider: new Map() }));
      s.n++;
      s.successes += y[i]!;
      s.byProvider.set(k, (s.byProvider.get(k) ?? 0) + 1);
      observed[k]!.n++;
      observed[k]!.successes += y[i]!;
    }
  });
  const expected = providers.map(() => 0);
  let smallStrata = 0;
  let smallCourses = 0;
  let singleProvider = 0;
  for (const s of strata.values()) {
    const rate = s.successes / s.n;
    for (const [k, nk] of s.byProvider) expected[k]! += nk * rate;
    if (s.n < SMALL_STRATUM) {
      smallStrata++;
      smallCourses += s.n;
    }
    if (s.byProvider.size === 1) singleProvider += s.n;
  }
  const rows: AdjustedRow[] = providers.map(([value], k) => {
    const o = observed[k]!;
    const e = expected[k]!;
    return {
      value,
      n: o.n,
      observed: o.successes,
      expected: e,
      ratio: e > 0 ? o.successes / e : null,
      ci: byar(o.successes, e),
    };
  });
  return {
    fields,
    rows,
    strata: strata.size,
    small: { strata: smallStrata, courses: smallCourses },
    singleProvider,
  };
}
