/**
 * Splitting courses by the value of a field or a column, for side-by-side columns (--by), at one
 * or two levels (`--by unit,gender`: every combination). docs/definitions.md#by.
 */
import { sayer, type Lang } from '../base/i18n.js';
import { usageError } from '../errors.js';
import { fieldDef, fieldLabel, fieldsWithRole, type TextField } from '../model/fields.js';
import type { ColumnMapping } from '../schema/columns.js';
import type { CourseStore } from '../schema/course-store.js';
import { matchKey } from '../schema/normalize-text.js';
import type { VocabSet } from '../schema/vocab.js';
import { fieldByName, resolveWhereField } from './where.js';

/** The fields `--by` takes: those the registry gives the role 'by'. */
export const BY_FIELDS = fieldsWithRole('by');
export type ByField = TextField;
/** What a --by level names: a field, or a column of the export kept by its header. */
export type ByRef = { kind: 'field'; field: TextField } | { kind: 'column'; name: string };

/** --by "unit,gender" → the names of its levels (one or two); a usage error for more. */
export function parseBy(v: string): string[] {
  const names = v
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
  if (names.length < 1 || names.length > 2)
    throw usageError(
      `--by ${v}: give one field or column, or two separated by a comma (--by unit,gender); fields: ${BY_FIELDS.join(', ')}`,
    );
  return names;
}

/** The levels of --by in this export: a `by` field (by key, label or header) or an unmapped column. */
export function resolveBy(names: readonly string[], headers: string[], mapping: ColumnMapping): ByRef[] {
  return names.map((name) => {
    let ref;
    try {
      ref = resolveWhereField(name, headers, mapping);
    } catch {
      ref = undefined;
    }
    if (ref?.kind === 'column' || (ref && (BY_FIELDS as string[]).includes(ref.field))) return ref;
    throw usageError(
      `--by ${name}: use a field (${BY_FIELDS.join(', ')}) or a column of the file (${headers
        .filter((h) => h !== '')
        .map((h) => `"${h}"`)
        .join(', ')})`,
    );
  });
}

/** The registry fields among the --by levels (for Table.fields). */
export const byFieldsOf = (refs: readonly ByRef[]): string[] =>
  refs.flatMap((r) => (r.kind === 'field' ? [r.field] : []));

/** The --by levels as a title says them: "enhed og køn". */
export function byLabelOf(refs: readonly ByRef[], headers: string[], lang: Lang): string {
  const one = (r: ByRef) =>
    r.kind === 'field'
      ? fieldLabel(r.field, lang).toLowerCase()
      : (headers.find((h) => matchKey(h) === matchKey(r.name)) ?? r.name);
  return refs.map(one).join(sayer(lang)(' og ', ' and '));
}

/**
 * Names kept by header for --by: the levels that are not a field's key or label (the loader keeps
 * only these). A header synonym ("Team") is kept too: an export may have it as a column of its
 * own beside the mapped one (Værksted), and resolveBy then names that column.
 */
export function byKeptColumns(by: unknown): string[] {
  const names = Array.isArray(by) ? (by as string[]) : typeof by === 'string' ? by.split(',') : [];
  return names.map((n) => n.trim()).filter((n) => n !== '' && fieldByName(n) === undefined);
}

/** A group of courses: its value at each level (null: none) and the indices of its courses. */
export interface ByGroup {
  values: (string | null)[];
  courses: Int32Array;
}

/** A level's value of each row, as ids into its names (id 0 may be null: no value). */
export interface LevelIds {
  ids: ArrayLike<number>;
  names: readonly (string | null)[];
}

/**
 * What partitionRows splits: rows (courses of a store, measured courses of progression, persons)
 * and each level's value of every row. partitionBy is this over a course store.
 */
export interface ByRows {
  length: number;
  level(ref: ByRef): LevelIds;
}

/**
 * The courses of a store (those at the indices `subset`, or all) grouped by the levels: every
 * combination that has courses, first level first. At each level values are in vocabulary order
 * where the field has a vocabulary, else alphabetical (Danish); courses without a value last.
 */
export function partitionBy(
  store: CourseStore,
  refs: readonly ByRef[],
  vocab: VocabSet,
  subset: ArrayLike<number> | null = null,
): ByGroup[] {
  return partitionRows(storeRows(store), refs, vocab, subset);
}

/** partitionBy over any rows (ByRows): every combination of the levels that has rows. */
export function partitionRows(
  rows: ByRows,
  refs: readonly ByRef[],
  vocab: VocabSet | undefined,
  subset: ArrayLike<number> | null = null,
): ByGroup[] {
  const levels = refs.map((r) => ({ ref: r, ids: rows.level(r) }));
  const go = (k: number, sub: ArrayLike<number> | null): ByGroup[] => {
    const level = levels[k];
    if (!level) return [{ values: [], courses: indicesOf(rows.length, sub) }];
    return splitOne(rows.length, level.ids, level.ref, vocab, sub).flatMap(([value, courses]) =>
      go(k + 1, courses).map((g) => ({ values: [value, ...g.values], courses: g.courses })),
    );
  };
  return go(0, subset);
}

/** A group's key (a Map key for two partitions of the same levels). */
export const groupKey = (values: readonly (string | null)[]): string => JSON.stringify(values);

function indicesOf(length: number, subset: ArrayLike<number> | null): Int32Array {
  if (subset !== null) return Int32Array.from(subset);
  return Int32Array.from({ length }, (_, i) => i);
}

/** The rows of a course store: a field's store column, or a kept column's values numbered here. */
export function storeRows(store: CourseStore): ByRows {
  return {
    length: store.length,
    level: (ref) => {
      if (ref.kind === 'field') {
        const { ids, names } = store.textColumn(ref.field);
        return { ids, names: [...names] };
      }
      return levelOfValues(store.length, (i) => store.extra?.[i]?.[ref.name] ?? null);
    },
  };
}

/** A level from each row's value (null: none), numbered in the order met. */
export function levelOfValues(length: number, valueOf: (i: number) => string | null): LevelIds {
  const names: (string | null)[] = [null];
  const byName = new Map<string, number>();
  const ids = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const v = valueOf(i);
    if (v === null) continue;
    let id = byName.get(v);
    if (id === undefined) byName.set(v, (id = names.push(v) - 1));
    ids[i] = id;
  }
  return { ids, names };
}

/** One level: each value with the indices of its courses, in store order. */
export function partitionOne(
  store: CourseStore,
  ref: ByRef,
  vocab: VocabSet,
  subset: ArrayLike<number> | null = null,
): [string | null, Int32Array][] {
  return splitOne(store.length, storeRows(store).level(ref), ref, vocab, subset);
}

function splitOne(
  length: number,
  { ids, names }: LevelIds,
  ref: ByRef,
  vocab: VocabSet | undefined,
  subset: ArrayLike<number> | null,
): [string | null, Int32Array][] {
  const n = subset === null ? length : subset.length;
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
  return ordered(groups, ref, vocab);
}

/** One level by a field: partitionOne of the field (kept for the callers that split by a field). */
export function partitionStore(
  store: CourseStore,
  by: ByField,
  vocab: VocabSet,
  subset: ArrayLike<number> | null = null,
): [string | null, Int32Array][] {
  return partitionOne(store, { kind: 'field', field: by }, vocab, subset);
}

function ordered<T>(
  groups: Map<string | null, T>,
  ref: ByRef,
  vocab: VocabSet | undefined,
): [string | null, T][] {
  const name = ref.kind === 'field' ? fieldDef(ref.field)?.vocabulary : undefined;
  const vocabulary = name === undefined ? undefined : vocab?.[name];
  const rank = (v: string) => vocabulary?.orderOf(v) ?? 0;
  return [...groups].sort(([a], [b]) =>
    a === null ? 1 : b === null ? -1 : rank(a) - rank(b) || a.localeCompare(b, 'da'),
  );
}
