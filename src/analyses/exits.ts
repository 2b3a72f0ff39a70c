/**
 * Ended courses by exit reason and exit group. Groups come from the vocabulary (and so from the
 * config); a reason not in the vocabulary is counted as written, in the group 'unmapped'.
 */
import type { CourseStore } from '../schema/course-store.js';
import type { VocabSet } from '../schema/vocab.js';

/** A value and how many courses (or persons) have it. */
export interface Count {
  value: string;
  count: number;
}

export const UNMAPPED_GROUP = 'unmapped';
export const UNKNOWN = 'Uoplyst';

export interface ExitCounts {
  ended: number;
  /** By exit reason: most frequent first (ties in vocabulary order), or in vocabulary order with `sort: 'vocab'`. */
  byReason: (Count & { group: string | null })[];
  /** By exit group key, in the vocabulary's order (zero counts included); 'unmapped' last when present. */
  byGroup: Count[];
}

/**
 * The ended courses of a store at the indices `ended`, by exit reason and group: counted per
 * exit id, then per reason (a reason's group is that of its first course).
 */
export function countStoreExits(
  store: CourseStore,
  ended: ArrayLike<number>,
  vocab: VocabSet,
  sort: 'count' | 'vocab' = 'count',
): ExitCounts {
  const perId = new Int32Array(store.exitReasons.length);
  const seen: number[] = [];
  for (let k = 0; k < ended.length; k++) {
    const id = store.exit[ended[k]!]!;
    if (perId[id]!++ === 0) seen.push(id);
  }
  const reasons = new Map<string, { count: number; group: string | null }>();
  const groups = new Map<string, number>();
  for (const id of seen) {
    const reason = store.exitReasons[id] ?? UNKNOWN;
    const group = store.exitGroups[id]!;
    const r = reasons.get(reason) ?? { count: 0, group };
    r.count += perId[id]!;
    reasons.set(reason, r);
    const g = group ?? UNMAPPED_GROUP;
    groups.set(g, (groups.get(g) ?? 0) + perId[id]!);
  }
  return exitCounts(ended.length, reasons, groups, vocab, sort);
}

function exitCounts(
  ended: number,
  reasons: Map<string, { count: number; group: string | null }>,
  groups: Map<string, number>,
  vocab: VocabSet,
  sort: 'count' | 'vocab',
): ExitCounts {
  const order = (v: string) => vocab.exitReason.orderOf(v);
  const byReason = [...reasons]
    .map(([value, r]) => ({ value, count: r.count, group: r.group }))
    .sort(
      (a, b) =>
        (sort === 'count' ? b.count - a.count : 0) ||
        order(a.value) - order(b.value) ||
        a.value.localeCompare(b.value, 'da'),
    );
  const byGroup = [...exitGroupOrder(vocab)]
    .filter((k) => k !== UNMAPPED_GROUP || groups.has(k))
    .map((value) => ({ value, count: groups.get(value) ?? 0 }));
  return { ended, byReason, byGroup };
}

/** Exit group keys in the vocabulary's order, then 'unmapped'. */
export function exitGroupOrder(vocab: VocabSet): string[] {
  return [...vocab.exitGroups.map((g) => g.key), UNMAPPED_GROUP];
}
