/** Splitting courses by the value of a field, for side-by-side columns (--by). */
import type { Course } from '../schema/course.js';
import type { VocabSet } from '../schema/vocab.js';

export const BY_FIELDS = ['unit', 'programme', 'targetGroup', 'education', 'group', 'gender'] as const;
export type ByField = (typeof BY_FIELDS)[number];

/**
 * Courses grouped by a field's value, in a stable order: vocabulary order where the field has a
 * vocabulary, else alphabetical (Danish); courses without a value last (key null).
 */
export function partition(
  courses: readonly Course[],
  by: ByField,
  vocab: VocabSet,
): [string | null, Course[]][] {
  const groups = new Map<string | null, Course[]>();
  for (const c of courses) {
    const v = c[by];
    let list = groups.get(v);
    if (!list) groups.set(v, (list = []));
    list.push(c);
  }
  const ordered =
    by === 'targetGroup'
      ? vocab.targetGroup
      : by === 'education'
        ? vocab.education
        : by === 'group'
          ? vocab.group
          : undefined;
  const rank = (v: string) => ordered?.orderOf(v) ?? 0;
  return [...groups].sort(([a], [b]) =>
    a === null ? 1 : b === null ? -1 : rank(a) - rank(b) || a.localeCompare(b, 'da'),
  );
}
