/**
 * Columns of a measurement file kept by their header for `progression --by` (docs/definitions.md#by):
 * each row's text, then each course's value. Rows of one course that disagree: the first value in
 * text order, as for the file's own unit and programme (join.ts), and a note says how many.
 */
import type { RawValue } from '../../io/raw.js';
import { text } from '../normalise/ledger.js';
import { matchKey } from '../normalize-text.js';
import { isMissing } from '../values.js';
import type { MeasurementMapping } from './columns.js';
import type { MeasurementColumns } from './store.js';

export interface KeptColumn {
  /** The header as the file writes it. */
  header: string;
  index: number;
  /** Each row's value (by row index). */
  rows: (string | null)[];
}

/** The columns named in `names` that the file has and does not map (an unmapped column, by header). */
export function keptColumns(names: readonly string[], mapping: MeasurementMapping): KeptColumn[] {
  const keys = new Set(names.map(matchKey));
  return mapping.columns
    .filter((c) => c.how === 'ignored' && c.header !== '' && keys.has(matchKey(c.header)))
    .map((c) => ({ header: c.header, index: c.index, rows: [] }));
}

/** Keeps row `row`'s cells of the kept columns. */
export function keepCells(kept: readonly KeptColumn[], row: number, cells: readonly RawValue[]): void {
  for (const k of kept) {
    const v = cells[k.index] ?? null;
    k.rows[row] = isMissing(v) ? null : text(v);
  }
}

/** Each kept column's value per course (by course index); a note when rows of a course disagree. */
export function courseValues(
  kept: readonly KeptColumn[],
  ms: MeasurementColumns,
  courses: number,
  notes: string[],
): Record<string, (string | null)[]> {
  const out: Record<string, (string | null)[]> = {};
  for (const k of kept) {
    const values: (string | null)[] = new Array<string | null>(courses).fill(null);
    const differ = new Set<number>();
    for (let m = 0; m < ms.length; m++) {
      const c = ms.course[m]!;
      const v = k.rows[ms.row[m]!] ?? null;
      if (c < 0 || v === null) continue;
      const had = values[c];
      if (had !== null && had !== v) differ.add(c);
      if (had === null || v < had!) values[c] = v;
    }
    if (differ.size > 0)
      notes.push(
        `${differ.size} course(s) have rows with different values in ${k.header}: the first value in text order is used for --by.`,
      );
    out[k.header] = values;
  }
  return out;
}
