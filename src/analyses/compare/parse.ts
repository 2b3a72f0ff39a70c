/**
 * The words of the command line as the comparison understands them: spans ("12m"), outcomes
 * ("exitGroup=job within 12m") and the field or column a name means in a file.
 */
import { addMonths, type Day } from '../../base/dates.js';
import { usageError } from '../../errors.js';
import { fieldOfHeader, type CanonicalField, type ColumnMapping } from '../../schema/columns.js';
import { matchKey } from '../../schema/normalize-text.js';
import {
  OUTCOME_FIELDS,
  type FieldRef,
  type Horizon,
  type OutcomeField,
  type ParsedOutcome,
} from './types.js';

/** "12m", "26w", "26u", "90d" → a horizon. */
export function parseHorizon(s: string): Horizon | null {
  const m = /^\s*(\d+)\s*(d|dage?|w|u|uger?|weeks?|m|mdr\.?|md\.?|months?|måneder?)\s*$/i.exec(s);
  if (!m || Number(m[1]) < 1) return null;
  const u = m[2]!.toLowerCase();
  const unit = u.startsWith('d') ? 'd' : u.startsWith('w') || u.startsWith('u') ? 'w' : 'm';
  return { n: Number(m[1]), unit };
}

/** The last day of a horizon counted from the start day: start + N − 1 days, or the day before start + N months. */
export function deadlineOf(start: Day, h: Horizon): Day {
  if (h.unit === 'm') return addMonths(start, h.n) - 1;
  return start + h.n * (h.unit === 'w' ? 7 : 1) - 1;
}

const EXIT_GROUP_NAMES = ['exitgroup', 'afgangsgruppe', 'afgang', 'exit'];

/** --outcome: "FIELD=V1,V2", "FIELD=V within 12m", or "V within 12m" (an exit group). */
export function parseOutcome(spec: string): ParsedOutcome {
  let body = spec.trim();
  let h: Horizon | undefined;
  const w = /^(.*?)\s+(?:within|inden(?:\s+for)?)\s+(\S+(?:\s*\S+)?)$/i.exec(body);
  if (w) {
    const parsed = parseHorizon(w[2]!);
    if (!parsed) throw usageError(`--outcome "${spec}": "${w[2]}" is not a span; use e.g. 12m, 26w or 90d`);
    h = parsed;
    body = w[1]!.trim();
  }
  const eq = body.indexOf('=');
  const name = eq < 0 ? (w ? 'exitGroup' : '') : body.slice(0, eq).trim();
  const valueText = eq < 0 ? body : body.slice(eq + 1);
  const values = valueText
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (name === '' || values.length === 0)
    throw usageError(
      `--outcome "${spec}": use FIELD=VALUE[,VALUE...] (e.g. exitGroup=job, followUp6=job,education, arbejde_vigtigt=Ja) or "job within 12m"`,
    );
  return { text: spec.trim(), name, values, ...(h ? { within: h } : {}) };
}

const FIELD_KEYS = new Map<string, OutcomeField>(OUTCOME_FIELDS.map((f) => [matchKey(f), f]));

/**
 * The field or column a name means: a canonical field name (exitGroup, followUp6 ...), a header of
 * the file (its mapped field if it has one, else the column itself), or a header synonym of a
 * mapped field ("Status 6 mdr"). Returns an error message when nothing fits.
 */
export function resolveName(name: string, headers: string[], mapping: ColumnMapping): FieldRef | string {
  const k = matchKey(name);
  if (EXIT_GROUP_NAMES.includes(k)) return { kind: 'field', field: 'exitGroup' };
  const canonical = FIELD_KEYS.get(k);
  if (canonical) return { kind: 'field', field: canonical };
  const col = mapping.columns.find((c) => matchKey(c.header) === k);
  if (col) {
    const f = col.how === 'duplicate' ? undefined : col.field;
    if (f === 'group' || f === 'personId' || f === 'start' || f === 'end')
      return `"${name}" is the ${f} column; it cannot be an outcome`;
    if (f && FIELD_KEYS.has(matchKey(f))) return { kind: 'field', field: f as OutcomeField };
    // The name as given: it is the key the column was kept under (the store's extra columns).
    return { kind: 'column', name };
  }
  const f = fieldOfHeader(name) as CanonicalField | undefined;
  if (f && mapping.fields[f] !== undefined && FIELD_KEYS.has(matchKey(f)))
    return { kind: 'field', field: f as OutcomeField };
  return `no column "${name}" in the file (columns: ${headers
    .filter((h) => h !== '')
    .map((h) => `"${h}"`)
    .join(', ')}; fields: ${OUTCOME_FIELDS.join(', ')})`;
}
