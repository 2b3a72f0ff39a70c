/**
 * `--where FIELD=V[,V]` and `FIELD!=V[,V]`: the courses every figure of a run is computed from,
 * chosen before any figure (docs/definitions.md#where). FIELD is a canonical field, a field's
 * label or a column header as written in the export; values match as the vocabulary matches them.
 * Pure: the pipeline and `jobfx run` apply it to the loaded store and print what it says.
 */
import { sayer, type Lang } from '../base/i18n.js';
import { usageError } from '../errors.js';
import { FIELDS, fieldDef, fieldLabel, fieldValueLabel, type TextField } from '../model/fields.js';
import { fieldOfHeader, type ColumnMapping } from '../schema/columns.js';
import type { CourseStore } from '../schema/course-store.js';
import type { Loaded } from '../schema/load.js';
import { matchKey } from '../schema/normalize-text.js';
import type { VocabSet } from '../schema/vocab.js';
import { canonicalValue } from './compare/values.js';
import type { FieldRef } from './compare/types.js';

export interface WhereClause {
  /** As given, for messages. */
  text: string;
  name: string;
  negate: boolean;
  values: string[];
}

/** The kinds of fields a clause can name: those whose values are texts. */
const TEXT_KINDS = ['exit', 'derived', 'category', 'gender', 'followUp'];
const WHERE_FIELDS = FIELDS.filter((f) => TEXT_KINDS.includes(f.kind)).map((f) => f.key as TextField);
/** A field by its key or its Danish or English label ("targetGroup", "Målgruppe", "Target group"). */
const BY_NAME = new Map<string, TextField>(
  WHERE_FIELDS.flatMap((f) => {
    const d = fieldDef(f)!;
    return [f, d.label.da, d.label.en].map((n) => [matchKey(n), f] as const);
  }),
);
/** A field named by its key or label (not a header synonym: "Team" may be a column of its own). */
export const fieldByName = (name: string): TextField | undefined => BY_NAME.get(matchKey(name));
/** The value a course without one is counted under in every table. */
const NO_VALUE = 'Uoplyst';

/** "FIELD=V1,V2" or "FIELD!=V1,V2" → a clause; a usage error (exit 2) for anything else. */
export function parseWhere(text: string): WhereClause {
  const m = /^\s*([^=!]+?)\s*(!=|=)(.*)$/.exec(text);
  const values = (m?.[3] ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (!m || values.length === 0)
    throw usageError(
      `--where ${text}: use FIELD=VALUE[,VALUE...] or FIELD!=VALUE[,VALUE...], e.g. --where targetGroup=aktivitetsparat or --where "Målgruppe!=Sygedagpengemodtager"`,
    );
  return { text: text.trim(), name: m[1]!, negate: m[2] === '!=', values };
}

/** The commander collector of repeated --where options. */
export const collectWhere = (v: string, previous: WhereClause[] = []): WhereClause[] => [
  ...previous,
  parseWhere(v),
];

/**
 * Names that are not a field (by key, label or header synonym): the loader keeps these columns
 * by header, and only these, so that memory stays flat.
 */
export function whereKeptColumns(clauses: readonly WhereClause[] | undefined): string[] {
  return (
    (clauses ?? [])
      .map((c) => c.name)
      // A header synonym ("Team") may be a column of its own when another column has the field
      // (Værksted → unit), so only a field's key or label is not kept, as for --by.
      .filter((n) => fieldByName(n) === undefined)
  );
}

/** The field or kept column a clause names in this export; a usage error naming what is known. */
export function resolveWhereField(name: string, headers: string[], mapping: ColumnMapping): FieldRef {
  const k = matchKey(name);
  const col = mapping.columns.find((c) => c.header !== '' && matchKey(c.header) === k);
  const field = col ? (col.how === 'duplicate' ? undefined : col.field) : BY_NAME.get(k);
  if (field !== undefined && (WHERE_FIELDS as string[]).includes(field))
    return { kind: 'field', field: field as TextField };
  if (col && field === undefined) return { kind: 'column', name };
  const synonym = fieldOfHeader(name);
  if (!col && synonym !== undefined && (WHERE_FIELDS as string[]).includes(synonym))
    return { kind: 'field', field: synonym as TextField };
  const what = field === undefined ? 'no such field or column' : `${field} cannot be filtered on`;
  throw usageError(
    `--where ${name}: ${what}; use a field (${WHERE_FIELDS.join(', ')}) or a column of the file (${headers
      .filter((h) => h !== '')
      .map((h) => `"${h}"`)
      .join(', ')})`,
  );
}

/** A value given on the command line in the form the store holds it (through the vocabulary). */
function canonical(ref: FieldRef, v: string, vocab: VocabSet): string {
  const name = ref.kind === 'field' ? fieldDef(ref.field)?.vocabulary : undefined;
  if (name === undefined) return canonicalValue(ref, v, vocab);
  const voc = vocab[name];
  const k = matchKey(v);
  return (
    voc.lookup(v)?.value ?? voc.entries.find((e) => e.en !== undefined && matchKey(e.en) === k)?.value ?? v
  );
}

/** The match key of each course's value, by a function of the course index (a null value as "Uoplyst"). */
function keysOf(store: CourseStore, ref: FieldRef): (i: number) => string {
  const key = (v: string | null | undefined) => matchKey(v ?? NO_VALUE);
  if (ref.kind === 'column') {
    const name = ref.name;
    const cache = new Map<string | null, string>();
    return (i) => {
      const v = store.extra?.[i]?.[name] ?? null;
      let k = cache.get(v);
      if (k === undefined) cache.set(v, (k = key(v)));
      return k;
    };
  }
  const { ids, names } = store.textColumn(ref.field);
  const keys = names.map(key);
  return (i) => keys[ids[i]!]!;
}

interface Resolved {
  clause: WhereClause;
  ref: FieldRef;
  /** The values asked for: match key, as the note shows it, and whether any course has it. */
  wanted: { key: string; shown: string; found: boolean }[];
  keyOf: (i: number) => string;
  /** The values the courses have, as written. */
  present: string[];
}

export interface Filtered {
  data: Loaded;
  /** Courses before and after. */
  before: number;
  kept: number;
  /** For under every table, in the tables' language. */
  note: string;
  /** For stderr (a value no course has). */
  warnings: string[];
  /** The accounting line for stderr. */
  line: string;
}

/** The courses (and visited-not-started rows) that meet every clause, with what to say about it. */
export function applyWhere(data: Loaded, clauses: readonly WhereClause[], lang: Lang): Filtered {
  const { store } = data;
  const resolved = clauses.map((clause): Resolved => {
    const ref = resolveWhereField(clause.name, data.headers, data.mapping);
    const keyOf = keysOf(store, ref);
    const present = presentValues(store, ref, keyOf);
    // Shown as the data writes it where a course has it ("syd" given, "Syd" shown).
    const wanted = clause.values.map((v) => {
      const c = canonical(ref, v, data.vocab);
      const key = matchKey(c);
      return {
        key,
        shown: shownValue(ref, present.get(key) ?? c, data.vocab, lang),
        found: present.has(key),
      };
    });
    return { clause, ref, wanted, keyOf, present: [...present.values()].sort() };
  });
  const missing = resolved.flatMap((r) =>
    r.wanted.filter((w) => !w.found).map((w) => ({ r, shown: w.shown })),
  );
  const keep = (s: CourseStore, rs: Resolved[]) => {
    const out: number[] = [];
    for (let i = 0; i < s.length; i++)
      if (rs.every((r) => hasWanted(r, r.keyOf(i)) !== r.clause.negate)) out.push(i);
    return out;
  };
  const kept = keep(store, resolved);
  const notStartedRs = resolved.map((r) => ({ ...r, keyOf: keysOf(data.notStarted, r.ref) }));
  const notStarted = data.notStarted.subset(keep(data.notStarted, notStartedRs));
  const what = resolved.map((r) => clauseText(r, data, lang)).join('; ');
  const t = sayer(lang);
  const en = resolved.map((r) => clauseText(r, data, 'en')).join('; ');
  const none = missing.map((m) =>
    t(
      ` Ingen forløb har ${labelOf(m.r.ref, data, lang)} "${m.shown}".`,
      ` No course has ${labelOf(m.r.ref, data, lang)} "${m.shown}".`,
    ),
  );
  return {
    data: { ...data, store: store.subset(kept), notStarted },
    before: store.length,
    kept: kept.length,
    note:
      t(
        `Afgrænsning: ${what}. Kun forløb, der opfylder afgrænsningen, indgår i tallene.`,
        `Filter: ${what}. Only courses that meet the filter are counted.`,
      ) + none.join(''),
    warnings: missing.map(
      (m) =>
        `--where ${m.r.clause.text}: no course has ${labelOf(m.r.ref, data, 'en')} "${m.shown}"; the values in the file are ${m.r.present
          .slice(0, 20)
          .map((v) => `"${v}"`)
          .join(', ')}`,
    ),
    line: `--where ${en}: ${kept.length} of ${store.length} courses counted, ${store.length - kept.length} left out (filtered, not rejected)`,
  };
}

const hasWanted = (r: Resolved, key: string): boolean => r.wanted.some((w) => w.key === key);

/** The values courses have, by match key, as the store writes them. */
function presentValues(store: CourseStore, ref: FieldRef, keyOf: (i: number) => string): Map<string, string> {
  const present = new Map<string, string>();
  for (let i = 0; i < store.length; i++) {
    const k = keyOf(i);
    if (!present.has(k)) present.set(k, valueOf(ref, store, i));
  }
  return present;
}

/** Course i's value as written in the store ("Uoplyst" when it has none). */
function valueOf(ref: FieldRef, store: CourseStore, i: number): string {
  if (ref.kind === 'column') return store.extra?.[i]?.[ref.name] ?? NO_VALUE;
  const { ids, names } = store.textColumn(ref.field);
  return names[ids[i]!] ?? NO_VALUE;
}

/** "Målgruppe = Aktivitetsparat kontanthjælpsmodtager, Jobparat kontanthjælpsmodtager". */
function clauseText(r: Resolved, data: Loaded, lang: Lang): string {
  const values = r.wanted.map((w) =>
    r.ref.kind === 'field' ? fieldValueLabel(r.ref.field, w.shown, lang) : w.shown,
  );
  return `${labelOf(r.ref, data, lang)} ${r.clause.negate ? '≠' : '='} ${values.join(', ')}`;
}

/** A field by its label, a column by its header as written in the export. */
function labelOf(ref: FieldRef, data: Loaded, lang: Lang): string {
  if (ref.kind === 'field') return fieldLabel(ref.field, lang);
  const k = matchKey(ref.name);
  return data.headers.find((h) => matchKey(h) === k) ?? ref.name;
}

/** A canonical value as a table shows it. */
function shownValue(ref: FieldRef, v: string, vocab: VocabSet, lang: Lang): string {
  if (ref.kind === 'column') return v;
  if (ref.field === 'exitGroup') return vocab.exitGroupLabel(v, lang);
  const name = fieldDef(ref.field)?.vocabulary;
  return name === undefined ? v : vocab[name].label(v, lang);
}
