/**
 * The one order of a person's courses that never depends on the order of the rows
 * (docs/definitions.md#tie-breaks). Wherever one of several courses must be picked (the latest
 * course of a person, the course of a repeat user that counts, the earlier course a return comes
 * from, the course a follow-up measurement belongs to), the first course in this order wins:
 *
 * 1. the later start;
 * 2. the later end (an ongoing course counts as the latest);
 * 3. the values, field by field: the registry's category fields in registry order, then the exit
 *    reason; per field, values of its vocabulary first in vocabulary order, then values outside
 *    it, by text (Danish collation), the empty value last.
 *
 * Courses equal on all of these are interchangeable: no figure depends on which one is taken.
 */
import { CATEGORY_FIELDS, fieldDef, type CategoryField } from '../model/fields.js';
import { NONE, type CourseStore } from './course-store.js';
import type { Vocabulary, VocabSet } from './vocab.js';

/** Store indices a, b → negative when a comes first (wins), positive when b does, 0 when interchangeable. */
export type CourseComparator = (a: number, b: number) => number;

/** An end for comparing: ongoing (NONE) after every day. */
const endKey = (e: number): number => (e === NONE ? Infinity : e);

/**
 * Per value id of a table of values, its rank: vocabulary values in vocabulary order, then
 * other values by text (Danish collation), null (empty) last.
 */
export function valueRanks(
  values: readonly (string | null)[],
  vocabulary: Vocabulary | undefined,
): Int32Array {
  const outside = vocabulary ? vocabulary.entries.length : 0;
  const key = (v: string | null): number => (v === null ? outside + 1 : (vocabulary?.orderOf(v) ?? outside));
  const ids = values.map((_v, id) => id);
  ids.sort((x, y) => {
    const a = values[x]!;
    const b = values[y]!;
    return key(a) - key(b) || (a !== null && b !== null ? a.localeCompare(b, 'da') : 0) || x - y;
  });
  const ranks = new Int32Array(values.length);
  // Values that compare equal (the same vocabulary entry, the same text) share a rank.
  let rank = 0;
  ids.forEach((id, k) => {
    if (k > 0) {
      const prev = values[ids[k - 1]!]!;
      const v = values[id]!;
      const same =
        key(prev) === key(v) &&
        (prev === v || (prev !== null && v !== null && prev.localeCompare(v, 'da') === 0));
      if (!same) rank++;
    }
    ranks[id] = rank;
  });
  return ranks;
}

/** The comparator of the courses of a store (docs/definitions.md#tie-breaks). */
export function courseOrder(store: CourseStore, vocab: VocabSet): CourseComparator {
  const tie = tieBreak(store, vocab);
  const { start } = store;
  return (a, b) => start[b]! - start[a]! || tie(a, b);
}

/**
 * The comparator without the start: later end first, then the values. For courses known to
 * start on the same day (the starts of a person taken in date order).
 */
export function tieBreak(store: CourseStore, vocab: VocabSet): CourseComparator {
  const { end } = store;
  let ranks: { ids: ArrayLike<number>; rank: Int32Array }[] | null = null;
  // The ranks are made when first needed: only ties between courses look at values.
  const ranked = () =>
    (ranks ??= [
      ...CATEGORY_FIELDS.map((f: CategoryField) => {
        const name = fieldDef(f)?.vocabulary;
        const vocabulary = name === undefined ? undefined : (vocab[name] as Vocabulary);
        return { ids: store.ids[f], rank: valueRanks(store.values[f].values, vocabulary) };
      }),
      { ids: store.exit, rank: valueRanks(store.exitReasons, vocab.exitReason) },
    ]);
  return (a, b) => {
    const ea = endKey(end[a]!);
    const eb = endKey(end[b]!);
    if (ea !== eb) return ea > eb ? -1 : 1;
    for (const { ids, rank } of ranked()) {
      const d = rank[ids[a]!]! - rank[ids[b]!]!;
      if (d !== 0) return d;
    }
    return 0;
  };
}
