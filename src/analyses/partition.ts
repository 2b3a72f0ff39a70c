/** Splitting courses by the value of a field, for side-by-side columns (--by). */
import { fieldDef, fieldsWithRole, type TextField } from '../model/fields.js';
import type { CourseStore } from '../schema/course-store.js';
import type { VocabSet } from '../schema/vocab.js';

/** The fields `--by` takes: those the registry gives the role 'by'. */
export const BY_FIELDS = fieldsWithRole('by');
export type ByField = TextField;

/**
 * The courses of a store (those at the indices `subset`, or all) grouped by a field's value:
 * each value with the indices of its courses, in store order. Values in a stable order:
 * vocabulary order where the field has a vocabulary, else alphabetical (Danish); courses
 * without a value last (key null).
 */
export function partitionStore(
  store: CourseStore,
  by: ByField,
  vocab: VocabSet,
  subset: ArrayLike<number> | null = null,
): [string | null, Int32Array][] {
  const { ids, names } = store.textColumn(by);
  const n = subset === null ? store.length : subset.length;
  const perId = new Int32Array(names.length);
  for (let k = 0; k < n; k++) perId[ids[subset === null ? k : subset[k]!]!]!++;
  const lists = Array.from(perId, (count) => new Int32Array(count));
  const filled = new Int32Array(names.length);
  for (let k = 0; k < n; k++) {
    const i = subset === null ? k : subset[k]!;
    const id = ids[i]!;
    lists[id]![filled[id]!++] = i;
  }
  const groups = new Map<string | null, Int32Array>();
  names.forEach((v, id) => {
    if (perId[id]! > 0) groups.set(v, lists[id]!);
  });
  return ordered(groups, by, vocab);
}

function ordered<T>(groups: Map<string | null, T>, by: ByField, vocab: VocabSet): [string | null, T][] {
  const name = fieldDef(by)?.vocabulary;
  const vocabulary = name === undefined ? undefined : vocab[name];
  const rank = (v: string) => vocabulary?.orderOf(v) ?? 0;
  return [...groups].sort(([a], [b]) =>
    a === null ? 1 : b === null ? -1 : rank(a) - rank(b) || a.localeCompare(b, 'da'),
  );
}
