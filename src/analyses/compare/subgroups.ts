/** --by: the comparison repeated per value of a field or column, values in a fixed order. */
import type { CourseStore } from '../../schema/course-store.js';
import type { VocabSet } from '../../schema/vocab.js';
import { AGE_BANDS, ageBand, UNKNOWN } from '../keyfigures.js';
import type { ArmRows } from './arms.js';
import { interactionOf } from './interaction.js';
import { outcome, type UnitContext } from './outcomes.js';
import { ARMS, type CompareOptions, type CompareResult, type SubgroupRef } from './types.js';
import { ageOf, extraOf, fieldReader, type Reader } from './values.js';

/** A reader of the subgroup (or balance) value of a row; the age band is null when unknown. */
export function subgroupReader(store: CourseStore, by: SubgroupRef, ageColumn?: string): Reader {
  if (by.kind === 'column') {
    const name = by.name;
    return (i) => extraOf(store, i, name);
  }
  if (by.field === 'ageBand')
    return (i) => {
      const band = ageBand(ageOf(store, i, ageColumn));
      return band === UNKNOWN ? null : band;
    };
  return fieldReader(store, by.field);
}

/**
 * A reader of the combined value of one or two levels (--by provider,programme): one level's
 * value as is; two levels' as the label keyfigures gives a combined column, "Nord / K"
 * (tables/keyfigures.ts byGroupLabel), null when either level has none. `order` sorts the
 * combined values by the first level's order (subgroupOrder), then the second's; null last.
 */
export function levelsReader(
  store: CourseStore,
  levels: readonly SubgroupRef[],
  vocab: VocabSet,
  ageColumn?: string,
): { read: Reader; order: (a: string | null, b: string | null) => number } {
  if (levels.length === 1)
    return { read: subgroupReader(store, levels[0]!, ageColumn), order: subgroupOrder(levels[0]!, vocab) };
  const readers = levels.map((l) => subgroupReader(store, l, ageColumn));
  const orders = levels.map((l) => subgroupOrder(l, vocab));
  const parts = new Map<string, (string | null)[]>();
  const read: Reader = (i) => {
    const values = readers.map((r) => r(i));
    if (values.includes(null)) return null;
    const key = values.join(LEVEL_SEPARATOR);
    if (!parts.has(key)) parts.set(key, values);
    return key;
  };
  const order = (a: string | null, b: string | null): number => {
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    const pa = parts.get(a) ?? [a];
    const pb = parts.get(b) ?? [b];
    for (let k = 0; k < orders.length; k++) {
      const c = orders[k]!(pa[k] ?? null, pb[k] ?? null);
      if (c !== 0) return c;
    }
    return 0;
  };
  return { read, order };
}

/** Between the values of a combined subgroup, as keyfigures labels its combined columns. */
export const LEVEL_SEPARATOR = ' / ';

/** The order of subgroup values: the field's own order (age bands, M before K, a vocabulary's), then alphabetical; null last. */
export function subgroupOrder(
  by: SubgroupRef,
  vocab: VocabSet,
): (a: string | null, b: string | null) => number {
  const rank = (v: string): number => {
    if (by.kind === 'column') return 0;
    switch (by.field) {
      case 'ageBand':
        return (AGE_BANDS as readonly string[]).indexOf(v);
      case 'gender':
        return v === 'M' ? 0 : 1;
      case 'targetGroup':
        return vocab.targetGroup.orderOf(v);
      case 'education':
        return vocab.education.orderOf(v);
      default:
        return 0;
    }
  };
  return (a, b) => (a === null ? 1 : b === null ? -1 : rank(a) - rank(b) || a.localeCompare(b, 'da'));
}

/** The outcomes per subgroup, the number of tests made, and per outcome the test of whether the effects differ. */
export function subgroups(
  store: CourseStore,
  byArm: ArmRows,
  by: readonly SubgroupRef[],
  o: CompareOptions,
  u: UnitContext,
): NonNullable<CompareResult['by']> {
  // Two levels: the subgroups are the combinations ("Nord / K"), the interaction test across them.
  const { read, order } = levelsReader(store, by, o.vocab, o.ageColumn);
  const groups = new Map<string | null, ArmRows>();
  for (const a of ARMS)
    for (const i of byArm[a]) {
      const v = read(i);
      let g = groups.get(v);
      if (!g) groups.set(v, (g = { treatment: [], control: [] }));
      g[a].push(i);
    }
  const ordered = [...groups.keys()].sort(order);
  const results = ordered.map((value) => ({
    value,
    outcomes: o.outcomes.map((spec) => outcome(store, groups.get(value)!, spec, o, u)),
  }));
  const tests = results.reduce((s, g) => s + g.outcomes.filter((r) => r.pValue !== null).length, 0);
  // Whether the effects differ between the subgroups: one test per outcome.
  const interactions = o.outcomes.map((_spec, k) => interactionOf(results, k));
  const name = by.map((b) => (b.kind === 'field' ? b.field : b.name)).join(',');
  return { name, groups: results, tests, interactions };
}
