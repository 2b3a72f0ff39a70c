/**
 * RawTable → the course store + a ledger. Every row read ends in exactly one place: accepted,
 * rejected (with its reference, column and reason), or skipped (blank or totals row); see
 * docs/definitions.md#records. The raw CPR number is used here to derive birth date and gender
 * and is then replaced by a pseudonym; it is never stored, returned or put in a message
 * (docs/definitions.md#cpr-numbers).
 *
 * One row path (row.ts) with one set of rules (rules.ts); the fast CSV reader's rows may be
 * committed straight from their bytes (fast-row.ts) when they are of the common shape and pass
 * the same rules, and go through row.ts otherwise.
 */
import { both, refIn } from '../../base/i18n.js';
import {
  readNote,
  type ReadNote,
  type RawRow,
  type RawTable,
  type ReadProgress,
  type SourceInfo,
} from '../../io/raw.js';
import type { ColumnMapping } from '../columns.js';
import type { CourseStore } from '../course-store.js';
import { parseCpr, type Pseudonymiser } from '../cpr.js';
import { isMissing, textOf } from '../values.js';
import type { VocabSet } from '../vocab.js';
import { fastRow } from './fast-row.js';
import type { Ledger } from './ledger.js';
import { Normaliser } from './normaliser.js';
import { generalRow } from './row.js';
import type { CategoricalField } from './slots.js';

export type { Ledger, Rejection, Skip } from './ledger.js';
export type { CategoricalField } from './slots.js';

export interface Normalised {
  info: SourceInfo;
  headers: string[];
  mapping: ColumnMapping;
  /** The accepted courses, as columns. */
  store: CourseStore;
  /** Rows accepted as visited but not started: no start date (docs/definitions.md#visitation-funnel). */
  notStarted: CourseStore;
  ledger: Ledger;
  /** Raw values not in their vocabulary, per field, with counts. */
  unknownValues: Partial<Record<CategoricalField, Map<string, number>>>;
  /** Ended courses with no exit reason: counted as "Uoplyst". */
  missingExitReason: number;
  notes: ReadNote[];
}

export interface NormaliseOptions {
  vocab: VocabSet;
  pseudonymise: Pseudonymiser;
  /** Extra columns to keep by header (e.g. for --numeric or --group on an unmapped column). */
  keepColumns?: string[];
  /** Told every few thousand rows how far the rows are read (a fast CSV table tells it itself). */
  progress?: ReadProgress;
  /** Told what the reading decided that the user should know at once (stderr). */
  note?: (text: string) => void;
}

export function normalise(table: RawTable, mapping: ColumnMapping, opts: NormaliseOptions): Normalised {
  const sniffing = mapping.personIdKind === 'id' && mapping.fields.personId !== undefined;
  const fast = table.fast;
  const notes: ReadNote[] = [];
  const kindOf = (rows: readonly RawRow[]) => personKindOf(rows, table, mapping, notes, opts.note);
  if (!fast) {
    const n = new Normaliser(table, sniffing ? kindOf(table.rows) : mapping, opts);
    const rows = table.rows;
    const progress = opts.progress;
    for (let i = 0; i < rows.length; i++) {
      if (progress && (i & 4095) === 0) progress.update(i, rows.length);
      generalRow(n, rows[i]!);
    }
    return finish(n, rows.length, notes);
  }
  // The fast CSV path streams: an id column's kind is decided on its first rows, held back
  // (as RawRows, through the general path) until then.
  let n = sniffing ? null : new Normaliser(table, mapping, opts);
  const held: RawRow[] = [];
  let expected = 0;
  const decide = (): Normaliser => {
    const m = new Normaliser(table, kindOf(held), opts);
    if (expected > 0) m.expect(expected);
    for (const r of held) generalRow(m, r);
    held.length = 0;
    return (n = m);
  };
  const read = fast.scan({
    row: (r) => {
      if (n) generalRow(n, r);
      else if (held.push(r) >= SNIFF_ROWS) decide();
    },
    bytes: (r) => {
      if (!n) {
        if (held.push(r.materialise()) >= SNIFF_ROWS) decide();
      } else if (!fastRow(n, r)) generalRow(n, r.materialise());
    },
    expect: (rows) => (n ? n.expect(rows) : (expected = rows)),
  });
  return finish(n ?? decide(), read, notes);
}

/** How many rows of a person column not headed as CPR are looked at, and the share of CPR numbers that makes it one. */
const SNIFF_ROWS = 1000;
const CPR_SHARE = 0.9;

/**
 * The mapping to read the rows with: a person column whose header does not say CPR ("Id", or
 * mapped from "Borger" in the config) is read as CPR numbers when at least 90% of the non-empty
 * values of its first rows are CPR numbers (parseCpr), and said so; else as it is. A later value
 * that is no CPR number is then rejected, as in any CPR column (docs/definitions.md#cpr-numbers).
 */
function personKindOf(
  rows: readonly RawRow[],
  table: RawTable,
  mapping: ColumnMapping,
  notes: ReadNote[],
  say: ((text: string) => void) | undefined,
): ColumnMapping {
  const c = mapping.fields.personId!;
  let values = 0;
  let cprs = 0;
  for (let i = 0; i < rows.length && i < SNIFF_ROWS; i++) {
    const v = rows[i]!.cells[c] ?? null;
    if (isMissing(v) || (typeof v !== 'string' && typeof v !== 'number')) continue;
    values++;
    if (parseCpr(typeof v === 'number' ? v : textOf(v)).ok) cprs++;
  }
  if (values === 0 || cprs < values * CPR_SHARE) return mapping;
  const header = table.headers[c] ?? '';
  const note = both(
    `kolonnen "${header}" indeholder CPR-numre: læst som CPR (alder og køn afledt)`,
    `column "${header}" holds CPR numbers: read as CPR (age and gender derived)`,
  );
  say?.(note.en);
  notes.push(readNote('person-id', note));
  return { ...mapping, personIdKind: 'cpr' };
}

/** The result, after the notes of the reading (`notes`). */
function finish(n: Normaliser, read: number, notes: ReadNote[]): Normalised {
  const { pseudonymise, skipped, missingExitReason } = n;
  const store = n.store.seal();
  const notStarted = n.notStarted.seal();
  if (!pseudonymise.stable)
    notes.push(
      readNote(
        'pseudonyms',
        both(
          'Der er ikke sat en pseudonymnøgle (JOBFX_PSEUDONYM_KEY eller "pseudonymKey" i konfigurationen): pseudonymerne er tilfældige for hver kørsel og kan ikke sammenlignes på tværs af kørsler.',
          'No pseudonym key was set (JOBFX_PSEUDONYM_KEY or "pseudonymKey" in the config): pseudonyms are random per run and cannot be compared across runs.',
        ),
      ),
    );
  const totals = skipped.filter((s) => s.kind === 'totals');
  if (totals.length > 0)
    notes.push(
      readNote(
        'rows',
        both(
          `${totals.map((s) => refIn('da', s.ref)).join(', ')}: en totalrække ("I alt"/"Total") er ikke et forløb og er sprunget over.`,
          `${totals.map((s) => s.ref).join(', ')}: a totals row ("I alt"/"Total") is not a course and was skipped.`,
        ),
      ),
    );
  if (n.anonymised > 0)
    notes.push(
      readNote(
        'person-id',
        both(
          `${n.anonymised} forløb har et tomt eller anonymiseret person-id (fx "Anonymiseret", "xxxxxx-xxxx"); de tæller med som forløb, men ikke i noget tal for personer.`,
          `${n.anonymised} course(s) have an empty or anonymised person id (e.g. "Anonymiseret", "xxxxxx-xxxx"); they count as courses, not in any person figure.`,
        ),
      ),
    );
  if (missingExitReason > 0)
    notes.push(
      readNote(
        'values',
        both(
          `${missingExitReason} afsluttede forløb har ingen afslutningsårsag; de tælles som "Uoplyst".`,
          `${missingExitReason} ended course(s) have no exit reason; they are counted as "Uoplyst".`,
        ),
      ),
    );
  if (n.noEndDates > 0)
    notes.push(
      readNote(
        'values',
        both(
          `${n.noEndDates} forløb har slutdatoen 31-12-9999, som er læst som ingen slutdato (igangværende).`,
          `${n.noEndDates} course(s) have end date 31-12-9999, read as no end date (ongoing).`,
        ),
      ),
    );
  return {
    info: n.info,
    headers: n.headers,
    mapping: n.mapping,
    store,
    notStarted,
    ledger: { read, accepted: store.length, notStarted: notStarted.length, rejected: n.rejected, skipped },
    unknownValues: n.unknownValues,
    missingExitReason,
    notes,
  };
}
