/**
 * Headers → canonical fields. Built-in Danish and English synonyms, matched through matchKey
 * (case, spaces, punctuation, æøå insensitive); a config file can name a column explicitly.
 * Column names of particular case systems live here and in the config, never in an analysis.
 */
import { configError } from '../errors.js';
import type { RawValue } from '../io/raw.js';
import { editDistance, matchKey } from './normalize-text.js';
import { cut } from '../base/text.js';
import { CPR_HEADERS, FIELDS, REQUIRED_FIELDS, type CanonicalField } from '../model/fields.js';

export { CANONICAL_FIELDS, FOLLOW_UP_HORIZONS, REQUIRED_FIELDS } from '../model/fields.js';
export type { CanonicalField, Horizon } from '../model/fields.js';

/** Header synonyms per mappable field, from the field registry. */
export const SYNONYMS = Object.fromEntries(
  FIELDS.filter((f) => f.synonyms.length > 0).map((f) => [f.key, f.synonyms]),
) as Partial<Record<CanonicalField, readonly string[]>>;

// The first field to name a header keeps it (registry order).
const SYNONYM_KEYS = new Map<string, CanonicalField>();
for (const f of FIELDS)
  for (const n of f.synonyms)
    if (!SYNONYM_KEYS.has(matchKey(n))) SYNONYM_KEYS.set(matchKey(n), f.key as CanonicalField);
const CPR_KEYS = new Set(CPR_HEADERS.map(matchKey));

/** Whether a person-id header names a CPR column (age and gender derivable) rather than another id. */
export const isCprHeader = (header: string): boolean => CPR_KEYS.has(matchKey(header));

/** "Status 1 md", "Opfølgning 3 mdr.", "followup_6m", "Status efter 12 måneder" → followUpN. */
function followUpField(header: string): CanonicalField | undefined {
  const k = matchKey(header);
  const m =
    /^(?:status|opfoelgning|followup|arbejdsmarkedsstatus)(?:efter)?(1|3|6|12)(?:md|mdr|maaned|maaneder|m|mo|month|months)?$/.exec(
      k,
    );
  return m ? (`followUp${m[1]}` as CanonicalField) : undefined;
}

/** The canonical field a header names by the built-in synonyms, if any. */
export function fieldOfHeader(header: string): CanonicalField | undefined {
  return SYNONYM_KEYS.get(matchKey(header)) ?? followUpField(header);
}

/** How much a row looks like a header row: the number of distinct fields its cells name. */
export function headerScore(cells: RawValue[]): number {
  const fields = new Set<CanonicalField>();
  for (const c of cells)
    if (typeof c === 'string') {
      const f = fieldOfHeader(c);
      if (f) fields.add(f);
    }
  return fields.size;
}

export interface ColumnMapping {
  /** Canonical field → column index. */
  fields: Partial<Record<CanonicalField, number>>;
  /** Whether the person id column holds CPR numbers (age and gender derivable) or another id. */
  personIdKind: 'cpr' | 'id';
  /** Per header: what became of it. */
  columns: {
    index: number;
    header: string;
    field?: CanonicalField;
    how: 'config' | 'synonym' | 'ignored' | 'duplicate';
  }[];
}

/**
 * Maps headers to fields: the config's explicit mapping first, then synonyms; a field named by
 * two headers takes the first and reports the other as a duplicate. A header the config names
 * that is not in the file is a config error.
 */
export function mapColumns(
  headers: string[],
  explicit: Partial<Record<CanonicalField, string>> = {},
  file = '',
): ColumnMapping {
  const fields: Partial<Record<CanonicalField, number>> = {};
  const how = new Map<number, { field?: CanonicalField; how: ColumnMapping['columns'][number]['how'] }>();
  for (const [field, header] of Object.entries(explicit) as [CanonicalField, string][]) {
    const index = headers.findIndex((h) => matchKey(h) === matchKey(header));
    if (index < 0)
      throw configError(
        `${file}: the config maps ${field} to column "${header}", but the file has no such column (headers: ${headers.map((h) => `"${h}"`).join(', ')})`,
      );
    fields[field] = index;
    how.set(index, { field, how: 'config' });
  }
  headers.forEach((h, index) => {
    if (how.has(index) || h === '') return;
    const field = fieldOfHeader(h);
    if (!field) return;
    if (fields[field] === undefined) {
      fields[field] = index;
      how.set(index, { field, how: 'synonym' });
    } else how.set(index, { field, how: 'duplicate' });
  });
  const pid = fields.personId;
  const personIdKind =
    pid !== undefined &&
    (explicit.personId === undefined ? isCprHeader(headers[pid]!) : /cpr|person\s*n/i.test(headers[pid]!))
      ? 'cpr'
      : 'id';
  return {
    fields,
    personIdKind,
    columns: headers.map((header, index) => ({
      index,
      header,
      ...(how.get(index) ?? { how: 'ignored' as const }),
    })),
  };
}

/** Stops the run when a required field has no column, listing the headers and the closest matches. */
export function requireFields(mapping: ColumnMapping, headers: string[], file: string): void {
  const missing = REQUIRED_FIELDS.filter((f) => mapping.fields[f] === undefined);
  if (missing.length === 0) return;
  const parts = missing.map((f) => {
    const guess = closestHeader(
      f,
      headers.filter((_, i) => mapping.columns[i]?.how === 'ignored'),
    );
    return `${f} (e.g. "${SYNONYMS[f]![0]}")${guess ? `; did you mean "${shortHeader(guess)}"?` : ''}`;
  });
  throw configError(
    `${file}: no column for ${parts.join('; no column for ')}. Headers found: ${headerList(headers)}. ` +
      `Rename the column or map it in jobfx.config.json ("columns": {"${missing[0]}": "<header>"}).`,
  );
}

/**
 * Bounds on the "did you mean" search, so that a file that is one enormous line (no delimiter
 * found) gets its error at once: a header is compared by its first characters only (a synonym
 * is a few words), and only the first headers are tried.
 */
const SUGGEST_CHARS = 100;
const SUGGEST_HEADERS = 500;

function closestHeader(field: CanonicalField, headers: string[]): string | undefined {
  const names = (SYNONYMS[field] ?? []).map(matchKey);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const h of headers.slice(0, SUGGEST_HEADERS)) {
    const k = matchKey(h.slice(0, SUGGEST_CHARS));
    if (k === '') continue;
    for (const n of names) {
      // Distance relative to length, and a bonus when one contains the other ("startdatoforloeb").
      const d = k.includes(n) || n.includes(k) ? 0.1 : editDistance(k, n) / Math.max(k.length, n.length);
      if (d < bestScore) [best, bestScore] = [h, d];
    }
  }
  return bestScore <= 0.4 ? best : undefined;
}

/** Headers as a message shows them: quoted, each cut to 40 characters, at most 30 of them. */
function headerList(headers: string[]): string {
  const shown = headers.slice(0, 30).map((h) => `"${shortHeader(h)}"`);
  if (headers.length > 30) shown.push(`and ${(headers.length - 30).toLocaleString('en')} more`);
  return shown.join(', ');
}

/** A header as a message quotes it: its first 40 characters. */
const shortHeader = (h: string): string => cut(h, 41);
