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
import type { RawTable, ReadProgress, SourceInfo } from '../../io/raw.js';
import type { ColumnMapping } from '../columns.js';
import type { CourseStore } from '../course-store.js';
import type { Pseudonymiser } from '../cpr.js';
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
  /** Told every few thousand rows how far the rows are read (a fast CSV table tells it itself). */
  progress?: ReadProgress;
}

export function normalise(table: RawTable, mapping: ColumnMapping, opts: NormaliseOptions): Normalised {
  const n = new Normaliser(table, mapping, opts);
  let read: number;
  const fast = table.fast;
  if (fast)
    read = fast.scan({
      row: (r) => generalRow(n, r),
      bytes: (r) => {
        if (!fastRow(n, r)) generalRow(n, r.materialise());
      },
      expect: (rows) => n.expect(rows),
    });
  else {
    const rows = table.rows;
    const progress = opts.progress;
    for (let i = 0; i < rows.length; i++) {
      if (progress && (i & 4095) === 0) progress.update(i, rows.length);
      generalRow(n, rows[i]!);
    }
    read = rows.length;
  }
  return finish(n, read, []);
}

/** The result, after the notes of the reading (`notes`). */
function finish(n: Normaliser, read: number, notes: string[]): Normalised {
  const { pseudonymise, skipped, missingExitReason } = n;
  const store = n.store.seal();
  if (!pseudonymise.stable)
    notes.push(
      'No pseudonym key was set (JOBFX_PSEUDONYM_KEY or "pseudonymKey" in the config): pseudonyms are random per run and cannot be compared across runs.',
    );
  const totals = skipped.filter((s) => s.kind === 'totals');
  if (totals.length > 0)
    notes.push(
      `${totals.map((s) => s.ref).join(', ')}: a totals row ("I alt"/"Total") is not a course and was skipped.`,
    );
  if (missingExitReason > 0)
    notes.push(`${missingExitReason} ended course(s) have no exit reason; they are counted as "Uoplyst".`);
  return {
    info: n.info,
    headers: n.headers,
    mapping: n.mapping,
    store,
    ledger: { read, accepted: store.length, rejected: n.rejected, skipped },
    unknownValues: n.unknownValues,
    missingExitReason,
    notes,
  };
}
