/** What `jobfx inspect` reports about an export: format, mapping, row accounting, value distributions. */
import { isoOf } from '../base/dates.js';
import { inLang, refIn, type Lang } from '../base/i18n.js';
import { noteIn, type SourceInfo } from '../io/raw.js';
import { fieldDef, fieldsWithRole, type CanonicalField, type TextField } from '../model/fields.js';
import { countByName, NONE } from '../schema/course-store.js';
import type { CategoricalField, Normalised, Rejection } from '../schema/normalise/index.js';
import type { VocabSet } from '../schema/vocab.js';

export interface ValueCount {
  value: string;
  count: number;
  /** false when the value is not in the field's vocabulary (fields without a vocabulary: always true). */
  known: boolean;
}

export interface InspectResult {
  /** The notes as text: the JSON document shows them as the user reads them. */
  source: Omit<SourceInfo, 'notes'> & { notes: string[]; titleRows?: number };
  columns: { header: string; field: CanonicalField | null; how: string }[];
  personIdKind: 'cpr' | 'id';
  rows: {
    read: number;
    accepted: number;
    /** Rows kept as visited but not started (only when there are any). */
    notStarted?: number;
    rejected: number;
    skippedBlank: number;
    skippedTotals: number;
  };
  /** The rejected rows, their reference and reasons said in the language asked for. */
  rejections: (Omit<Rejection, 'reasons'> & { reasons: string[] })[];
  /** Per mapped categorical field: its values, most frequent first. Missing values as "(tom)"/null. */
  distributions: { field: CategoricalField; header: string; values: ValueCount[]; missing: number }[];
  dates: {
    start: { min: string | null; max: string | null };
    end: { min: string | null; max: string | null };
    ongoing: number;
    ended: number;
  };
  persons: { distinct: number; withAgeAndGender: number; men: number; women: number };
  notes: string[];
}

/** The fields whose values inspect lists: the registry's 'distribution' role. */
const FIELDS = fieldsWithRole('distribution') as (CategoricalField & TextField)[];

export function inspect(data: Normalised, vocab: VocabSet, lang: Lang = 'en'): InspectResult {
  // Over the columns of the store: counting values needs no record per course.
  const { store, ledger, mapping, headers } = data;
  const vocabOf = (f: CategoricalField) => {
    const name = fieldDef(f)?.vocabulary;
    return name === undefined ? undefined : vocab[name];
  };

  const distributions = FIELDS.filter(
    (f) =>
      mapping.fields[f as CanonicalField] !== undefined || (f === 'exitReason' && data.missingExitReason > 0),
  ).map((field) => {
    const { ids, names } = store.textColumn(field);
    const counts = countByName(names, (i) => ids[i]!, null, store.length);
    const missing = counts.get(null) ?? 0;
    counts.delete(null);
    const known = vocabOf(field);
    const values = [...(counts as Map<string, number>)]
      .map(([value, count]) => ({ value, count, known: known ? known.isKnown(value) : true }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'da'));
    const index = mapping.fields[field as CanonicalField];
    return { field, header: index === undefined ? field : headers[index]!, values, missing };
  });

  let sMin = Infinity,
    sMax = -Infinity,
    eMin = Infinity,
    eMax = -Infinity,
    ongoing = 0;
  for (let i = 0; i < store.length; i++) {
    const start = store.start[i]!;
    const end = store.end[i]!;
    if (start < sMin) sMin = start;
    if (start > sMax) sMax = start;
    if (end === NONE) ongoing++;
    else {
      if (end < eMin) eMin = end;
      if (end > eMax) eMax = end;
    }
  }
  // Each person once, by their first course.
  const seen = new Uint8Array(store.persons.count);
  let distinct = 0,
    withAgeAndGender = 0,
    men = 0,
    women = 0;
  for (let i = 0; i < store.length; i++) {
    const p = store.person[i]!;
    // Anonymised courses have no person (docs/definitions.md#records).
    if (seen[p] === 1 || p === store.persons.anonymous) continue;
    seen[p] = 1;
    distinct++;
    const gender = store.gender[i]!;
    if (store.birth[i] !== NONE && gender !== 0) withAgeAndGender++;
    if (gender === 1) men++;
    if (gender === 2) women++;
  }
  const iso = (d: number) => (Number.isFinite(d) ? isoOf(d) : null);

  return {
    source: { ...data.info, notes: data.info.notes.map((n) => noteIn(lang, n)) },
    columns: mapping.columns.map((c) => ({ header: c.header, field: c.field ?? null, how: c.how })),
    personIdKind: mapping.personIdKind,
    rows: {
      read: ledger.read,
      accepted: ledger.accepted,
      ...(ledger.notStarted ? { notStarted: ledger.notStarted } : {}),
      rejected: ledger.rejected.length,
      skippedBlank: ledger.skipped.filter((s) => s.kind === 'blank').length,
      skippedTotals: ledger.skipped.filter((s) => s.kind === 'totals').length,
    },
    rejections: ledger.rejected.map((r) => ({
      ...r,
      ref: refIn(lang, r.ref),
      reasons: r.reasons.map((x) => inLang(lang, x)),
    })),
    distributions,
    dates: {
      start: { min: iso(sMin), max: iso(sMax) },
      end: { min: iso(eMin), max: iso(eMax) },
      ongoing,
      ended: store.length - ongoing,
    },
    persons: { distinct, withAgeAndGender, men, women },
    notes: [...data.info.notes, ...data.notes].map((n) => noteIn(lang, n)),
  };
}
