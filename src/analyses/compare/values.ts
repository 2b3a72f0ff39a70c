/**
 * A row's values as the comparison reads them from the store's columns: a field through
 * `store.textColumn`, a kept column through `store.extra`, the age from the CPR number or a
 * column; and the values given on the command line in the form the store holds them.
 */
import { NONE, type CourseStore } from '../../schema/course-store.js';
import { matchKey } from '../../schema/normalize-text.js';
import { parseGender, parseNumber } from '../../schema/values.js';
import type { VocabSet, Vocabulary } from '../../schema/vocab.js';
import type { FieldRef, OutcomeField } from './types.js';

/** Reads the value of row i. */
export type Reader = (i: number) => string | null;

/** The kept column `name` of row i (null when absent). */
export function extraOf(store: CourseStore, i: number, name: string): string | null {
  return store.extra?.[i]?.[name] ?? null;
}

/** A reader of a text field (as the store's textColumn names them). */
export function fieldReader(store: CourseStore, field: OutcomeField | 'group'): Reader {
  const { ids, names } = store.textColumn(field);
  return (i) => names[ids[i]!] ?? null;
}

/** A reader of a field or a kept column. */
export function readerOf(store: CourseStore, ref: FieldRef): Reader {
  if (ref.kind === 'field') return fieldReader(store, ref.field);
  const name = ref.name;
  return (i) => extraOf(store, i, name);
}

/** The end day of row i, null while ongoing. */
export function endOf(store: CourseStore, i: number): number | null {
  const e = store.end[i]!;
  return e === NONE ? null : e;
}

/** The age of a row: from the CPR number, else from the age column. */
export function ageOf(store: CourseStore, i: number, ageColumn?: string): number | null {
  const age = store.age[i]!;
  if (age !== NONE) return age;
  if (!ageColumn) return null;
  const raw = extraOf(store, i, ageColumn);
  if (raw === null) return null;
  const p = parseNumber(raw);
  return p.ok && p.value >= 0 ? Math.floor(p.value) : null;
}

function vocabularyOf(ref: FieldRef, vocab: VocabSet): Vocabulary | undefined {
  if (ref.kind === 'column') return undefined;
  if (ref.field === 'exitReason') return vocab.exitReason;
  if (ref.field === 'targetGroup') return vocab.targetGroup;
  if (ref.field === 'education') return vocab.education;
  if (ref.field.startsWith('followUp')) return vocab.followUp;
  return undefined;
}

/**
 * The canonical form of a value given on the command line: an exit group's key ("Job" → job), a
 * vocabulary value (by its spellings or its English label: "education" → Uddannelse), M/K for
 * gender, else the value as given (compared case- and accent-insensitively).
 */
export function canonicalValue(ref: FieldRef, v: string, vocab: VocabSet): string {
  const k = matchKey(v);
  if (ref.kind === 'field' && ref.field === 'exitGroup')
    return vocab.exitGroups.find((x) => [x.key, x.da, x.en].some((s) => matchKey(s) === k))?.key ?? v;
  if (ref.kind === 'field' && ref.field === 'gender') return parseGender(v) ?? v;
  const vocabulary = vocabularyOf(ref, vocab);
  if (!vocabulary) return v;
  return (
    vocabulary.lookup(v)?.value ??
    vocabulary.entries.find((e) => e.en !== undefined && matchKey(e.en) === k)?.value ??
    v
  );
}

/** A predicate for "the value is one of these", through the field's vocabulary. */
export function matcher(ref: FieldRef, values: string[], vocab: VocabSet): (v: string) => boolean {
  const keys = new Set(values.map((v) => matchKey(canonicalValue(ref, v, vocab))));
  return (v) => keys.has(matchKey(v));
}
