/**
 * Lookups over the field registry (model/field-registry.ts): the fields of a kind or role, a
 * field's label and definition. Module-level lists are derived here once, from the registry only.
 */
import { inLang, type Bilingual, type Lang } from '../base/i18n.js';
import { FIELDS, type FieldDef, type FieldKind, type FieldRole, type Horizon } from './field-registry.js';

export { CPR_HEADERS, FIELDS, FOLLOW_UP_HORIZONS } from './field-registry.js';
export type { FieldDef, FieldKind, FieldRole, Horizon, VocabularyName } from './field-registry.js';

type Entry = (typeof FIELDS)[number];

/** Every canonical field. */
export type FieldKey = Entry['key'];
/** The fields an export's column can be mapped to (all but the derived exit group). */
export type CanonicalField = Exclude<FieldKey, Extract<Entry, { kind: 'derived' }>['key']>;
/**
 * The fields kept in the course store as a column of value ids: the categories, and the optional
 * days, numbers and free texts, which are kept as their text (see FieldKind).
 */
export type CategoryField = Extract<Entry, { kind: 'category' | 'day' | 'number' | 'freeText' }>['key'];
/** The kinds kept as value ids (CategoryField). */
const VALUE_KINDS: readonly FieldKind[] = ['category', 'day', 'number', 'freeText'];
/** The fields whose values are texts (what `--by`, `--rows`, outcomes and inspect count). */
export type TextField = Extract<
  Entry,
  { kind: 'exit' | 'derived' | 'category' | 'gender' | 'followUp' }
>['key'];
export type FollowUpField = `followUp${Horizon}`;

const BY_KEY = new Map<string, FieldDef>(FIELDS.map((f) => [f.key, f]));

/** The definition of a field; undefined for a name that is not a field. */
export const fieldDef = (key: string): FieldDef | undefined => BY_KEY.get(key);

/** The keys of the fields of a kind, in registry order. */
export const fieldsOfKind = (kind: FieldKind): FieldKey[] =>
  FIELDS.filter((f) => f.kind === kind).map((f) => f.key);

/** The keys of the fields that can play a role, in registry order. */
export const fieldsWithRole = (role: FieldRole): TextField[] =>
  FIELDS.filter((f) => (f.roles as readonly FieldRole[]).includes(role)).map((f) => f.key as TextField);

/** The fields an export's column can be mapped to, in registry order. */
export const CANONICAL_FIELDS = FIELDS.filter((f) => f.kind !== 'derived').map(
  (f) => f.key,
) as CanonicalField[];

/** The fields kept as value ids (categories, optional days, numbers, free texts), in registry order. */
export const CATEGORY_FIELDS = FIELDS.filter((f) => VALUE_KINDS.includes(f.kind)).map(
  (f) => f.key,
) as readonly CategoryField[];

/** The fields a course cannot be read without. */
export const REQUIRED_FIELDS = FIELDS.filter((f) => 'required' in f && f.required).map(
  (f) => f.key,
) as CanonicalField[];

/** A field's label in a language; a name that is not a field is shown as written. */
export const fieldLabel = (key: string, lang: Lang): string => BY_KEY.get(key)?.label[lang] ?? key;

/** The trial arms as the output names them; the data keep them as the keys 'treatment' and 'control'. */
const ARM_LABELS: Record<string, Bilingual> = {
  treatment: { da: 'Indsats', en: 'Treatment' },
  control: { da: 'Kontrol', en: 'Control' },
};

/** A field's canonical value as shown in `lang`: a trial arm by its name, any other value as written. */
export const fieldValueLabel = (key: string, value: string, lang: Lang): string => {
  const arm = key === 'group' ? ARM_LABELS[value] : undefined;
  return arm ? inLang(lang, arm) : value;
};

/** The horizon of a follow-up field (followUp3 → 3). */
export const horizonOf = (f: FollowUpField): Horizon => Number(f.slice('followUp'.length)) as Horizon;
