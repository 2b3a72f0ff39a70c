/**
 * What any main input (a course export, a measurement file) gives the pipeline to account for it.
 */
import type { ReadNote, SourceInfo } from '../io/raw.js';
import type { Ledger } from './normalise/index.js';

/** The headers of an input and what became of each: what --rejects and the stderr columns line show. */
export interface MappedColumns {
  columns: {
    index: number;
    header: string;
    field?: string;
    how: 'config' | 'synonym' | 'ignored' | 'duplicate';
  }[];
}

/**
 * What the pipeline needs of any main input to account for it, whatever it holds: the reader's
 * notes, the column mapping, the row ledger (read = accepted + rejected + skipped).
 */
export interface InputData {
  info: SourceInfo;
  mapping: MappedColumns;
  ledger: Ledger;
  /** What the schema layer noted (stderr). */
  notes: ReadNote[];
  /** Other files the loader read (a course export joined to measurements), each accounted for. */
  also?: { file: string; ledger: Ledger }[];
}
