/**
 * RawTable → Course records + a ledger. Every row read ends in exactly one place: accepted,
 * rejected (with its reference, column and reason), or skipped (blank or totals row).
 * The raw CPR number is used here to derive birth date and gender and is then replaced by a
 * pseudonym; it is never stored, returned or put in a message.
 */
import { ageOn, type Day } from '../dates.js';
import type { RawRow, RawTable, RawValue, SourceInfo } from '../io/raw.js';
import { isEmptyCell } from '../io/raw.js';
import { FOLLOW_UP_HORIZONS, type CanonicalField, type ColumnMapping, type Horizon } from './columns.js';
import { courseSchema, type Course } from './course.js';
import { parseCpr, redactCpr, type Pseudonymiser } from './cpr.js';
import { matchKey } from './normalize-text.js';
import { isMissing, parseDate, textOf } from './values.js';
import type { VocabSet, Vocabulary } from './vocab.js';

export interface Rejection {
  ref: string;
  rowNumber: number;
  /** Every problem of the row, each naming its column. */
  reasons: string[];
  /** The pseudonym, when the row had a valid person id. */
  personId: string | null;
  /** The row's cells by header, with the person id replaced by the pseudonym (or removed). */
  cells: Record<string, string>;
}

export interface Skip {
  ref: string;
  rowNumber: number;
  kind: 'blank' | 'totals';
}

export interface Ledger {
  read: number;
  accepted: number;
  rejected: Rejection[];
  skipped: Skip[];
}

export type CategoricalField = 'exitReason' | 'targetGroup' | 'education' | 'programme' | 'unit' | 'group' | `followUp${Horizon}`;

export interface Normalised {
  info: SourceInfo;
  headers: string[];
  mapping: ColumnMapping;
  courses: Course[];
  ledger: Ledger;
  /** Raw values not in their vocabulary, per field, with counts. */
  unknownValues: Partial<Record<CategoricalField, Map<string, number>>>;
  /** Ended courses with no exit reason: counted as "Uoplyst". */
  missingExitReason: number;
  notes: string[];
}

export interface NormaliseOptions {
  vocab: VocabSet;
  pseudonymise: Pseudonymiser;
  /** Extra columns to keep by header (e.g. for --numeric or --group on an unmapped column). */
  keepColumns?: string[];
}

const TOTALS_LABEL = /^(i\s*alt|total|totalt|totaler|sum|samlet|i alt:?|grand total)$/i;

export function normalise(table: RawTable, mapping: ColumnMapping, opts: NormaliseOptions): Normalised {
  const { info, headers, rows } = table;
  const { vocab, pseudonymise } = opts;
  const col = mapping.fields;
  const header = (f: CanonicalField) => headers[col[f]!] ?? f;
  const keep = (opts.keepColumns ?? []).map((name) => {
    const index = headers.findIndex((h) => matchKey(h) === matchKey(name));
    return { name, index };
  });

  const courses: Course[] = [];
  const rejected: Rejection[] = [];
  const skipped: Skip[] = [];
  const unknownValues: Normalised['unknownValues'] = {};
  const seen = new Map<string, string>();
  let missingExitReason = 0;

  const categorical = (field: CategoricalField, v: RawValue, vocabulary?: Vocabulary): string | null => {
    if (isMissing(v)) return null;
    const raw = textOf(v);
    if (!vocabulary) return raw;
    const entry = vocabulary.lookup(raw);
    if (entry) return entry.value;
    const counts = (unknownValues[field] ??= new Map());
    counts.set(raw, (counts.get(raw) ?? 0) + 1);
    return raw;
  };

  for (const row of rows) {
    const cells = row.cells;
    const at = (f: CanonicalField): RawValue => (col[f] === undefined ? null : (cells[col[f]!] ?? null));

    if (cells.every((c) => isEmptyCell(c) || isMissing(c))) {
      skipped.push({ ref: row.ref, rowNumber: row.rowNumber, kind: 'blank' });
      continue;
    }
    const first = cells.find((c) => !isEmptyCell(c));
    if (typeof first === 'string' && TOTALS_LABEL.test(first.trim())) {
      skipped.push({ ref: row.ref, rowNumber: row.rowNumber, kind: 'totals' });
      continue;
    }

    const reasons: string[] = [];
    const problem = (f: CanonicalField | string, v: RawValue | undefined, reason: string) =>
      reasons.push(v === undefined ? `${f}: ${reason}` : `${f}: "${redactCpr(textOf(v))}" ${reason}`);

    // Person: derive what the CPR number tells, then forget it.
    let personId: string | null = null;
    let birthDate: Day | null = null;
    let gender: 'M' | 'K' | null = null;
    const pid = at('personId');
    if (isMissing(pid)) problem(header('personId'), undefined, 'is empty; every course needs a person');
    else if (mapping.personIdKind === 'cpr') {
      const cpr = parseCpr(typeof pid === 'number' ? pid : textOf(pid));
      if (cpr.ok) {
        personId = pseudonymise(cpr.digits);
        birthDate = cpr.facts.birthDate;
        gender = cpr.facts.gender;
      } else problem(header('personId'), undefined, `the value ${cpr.reason}; correct it in the case system`);
    } else personId = pseudonymise(textOf(pid));
    if (gender === null && col.gender !== undefined) gender = genderOf(at('gender'));

    const start = dateField('start', true);
    const end = dateField('end', false);

    function dateField(f: 'start' | 'end', required: boolean): Day | null {
      const v = at(f);
      if (isMissing(v)) {
        if (required) problem(header(f), undefined, 'is empty; every course needs a start date');
        return null;
      }
      const parsed = parseDate(v, info.date1904);
      if (parsed.ok) return parsed.value;
      problem(header(f), v, parsed.reason);
      return null;
    }

    let exitReason: string | null = null;
    let exitGroup: string | null = null;
    if (end !== null || !isMissing(at('exitReason'))) {
      exitReason = categorical('exitReason', at('exitReason'), vocab.exitReason);
      if (exitReason === null && end !== null) {
        exitReason = vocab.exitReason.lookup('Uoplyst')?.value ?? 'Uoplyst';
        missingExitReason++;
      }
      exitGroup = exitReason === null ? null : (vocab.groupOf(exitReason) ?? null);
    }

    const followUp = {} as Record<Horizon, string | null>;
    for (const h of FOLLOW_UP_HORIZONS) followUp[h] = categorical(`followUp${h}`, at(`followUp${h}`), vocab.followUp);

    const extra: Record<string, string | null> = {};
    for (const k of keep) extra[k.name] = k.index < 0 || isMissing(cells[k.index] ?? null) ? null : textOf(cells[k.index]!);

    if (reasons.length === 0 && start !== null && personId !== null) {
      const candidate = {
        ref: row.ref,
        personId,
        birthDate,
        gender,
        ageAtStart: birthDate === null ? null : ageOn(birthDate, start),
        start,
        end,
        exitReason,
        exitGroup,
        targetGroup: categorical('targetGroup', at('targetGroup'), vocab.targetGroup),
        education: categorical('education', at('education'), vocab.education),
        programme: categorical('programme', at('programme')),
        unit: categorical('unit', at('unit')),
        group: categorical('group', at('group'), vocab.group),
        followUp,
        extra,
      };
      const checked = courseSchema.safeParse(candidate);
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          const f = issue.path[0] as CanonicalField;
          problem(col[f] !== undefined ? header(f) : String(f), undefined, issue.message);
        }
      } else {
        const key = `${personId}\u0000${start}\u0000${candidate.programme ?? ''}`;
        const first = seen.get(key);
        if (first !== undefined)
          reasons.push(`duplicate course: same person, start date and programme as ${first}; remove one of the rows`);
        else {
          seen.set(key, row.ref);
          courses.push(candidate);
          continue;
        }
      }
    }
    rejected.push({ ref: row.ref, rowNumber: row.rowNumber, reasons, personId, cells: safeCells(row, headers, mapping, personId) });
  }

  const read = rows.length;
  const notes: string[] = [];
  if (!pseudonymise.stable)
    notes.push(
      'No pseudonym key was set (JOBFX_PSEUDONYM_KEY or "pseudonymKey" in the config): pseudonyms are random per run and cannot be compared across runs.',
    );
  const totals = skipped.filter((s) => s.kind === 'totals');
  if (totals.length > 0)
    notes.push(`${totals.map((s) => s.ref).join(', ')}: a totals row ("I alt"/"Total") is not a course and was skipped.`);
  if (missingExitReason > 0)
    notes.push(`${missingExitReason} ended course(s) have no exit reason; they are counted as "Uoplyst".`);

  return {
    info: table.info,
    headers,
    mapping,
    courses,
    ledger: { read, accepted: courses.length, rejected, skipped },
    unknownValues,
    missingExitReason,
    notes,
  };
}

/** The row as text by header, for the rejects file: the person id column holds the pseudonym, never the CPR number. */
function safeCells(row: RawRow, headers: string[], mapping: ColumnMapping, personId: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((h, i) => {
    if (h === '') return;
    out[h] = i === mapping.fields.personId ? (personId ?? '') : redactCpr(textOf(row.cells[i] ?? null));
  });
  return out;
}

function genderOf(v: RawValue): 'M' | 'K' | null {
  const k = matchKey(textOf(v));
  if (['m', 'mand', 'maend', 'male', 'dreng'].includes(k)) return 'M';
  if (['k', 'kvinde', 'kvinder', 'f', 'female', 'pige'].includes(k)) return 'K';
  return null;
}
