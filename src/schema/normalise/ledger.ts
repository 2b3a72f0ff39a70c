/**
 * Where every row read ends: accepted, rejected (with its reference, column and reason), or
 * skipped (blank or totals row); and how a rejected row is quoted without its CPR number.
 */
import { type Bilingual, type Lang } from '../../base/i18n.js';
import { cut } from '../../base/text.js';
import type { RawRow, RawValue } from '../../io/raw.js';
import type { ColumnMapping } from '../columns.js';
import { redactCpr } from '../cpr.js';
import { textOf } from '../values.js';

export interface Rejection {
  ref: string;
  rowNumber: number;
  /** Every problem of the row, each naming its column, in both languages. */
  reasons: Reason[];
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
  /** Rows accepted as visited but not started (no start date, a visitation date): not courses. */
  notStarted?: number;
  rejected: Rejection[];
  skipped: Skip[];
}

/** A first cell that makes a row a totals row, not a course. */
export const TOTALS_LABEL = /^(i\s*alt|total|totalt|totaler|sum|samlet|i alt:?|grand total)$/i;

/** A cell of a row by column index (undefined: the field has no column). */
export const at = (cells: RawValue[], c: number | undefined): RawValue =>
  c === undefined ? null : (cells[c] ?? null);

/**
 * Why a row is rejected, in both languages: made only for a rejected row (a rare one), so that
 * the accepted rows cost nothing, and said in the output's language by `reasonsText`.
 */
export type Reason = Bilingual;

/** Adds a reason naming its column (f: the header as written), quoting the value when given. */
export function problem(reasons: Reason[], f: string, v: RawValue | undefined, reason: Bilingual): void {
  const value = v === undefined ? '' : `"${quoted(v)}" `;
  reasons.push({ da: `${f}: ${value}${reason.da}`, en: `${f}: ${value}${reason.en}` });
}

/** A row's reasons as one text in `lang`, as tables, side files and stderr show them. */
export const reasonsText = (lang: Lang, reasons: readonly Reason[]): string =>
  reasons.map((r) => r[lang]).join('; ');

/** A value as a reason quotes it: CPR numbers redacted, cut to 60 characters (the row has it all). */
const quoted = (v: RawValue): string => cut(text(v), 60);

/**
 * A cell's text as a course keeps it (categories, kept columns): a CPR number written into a
 * free-text field ("Se 150385-1235") is redacted here, so it reaches no table.
 */
export const text = (v: RawValue): string => redactCpr(textOf(v));

/** The row as text by header, for the rejects file: the person id column holds the pseudonym, never the CPR number. */
export function safeCells(
  row: RawRow,
  headers: string[],
  mapping: ColumnMapping,
  personId: string | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((h, i) => {
    if (h === '') return;
    out[h] = i === mapping.fields.personId ? (personId ?? '') : text(row.cells[i] ?? null);
  });
  return out;
}
