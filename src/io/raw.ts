/**
 * What a reader hands to the schema layer: the header row and the data rows as raw cell
 * values, each with a reference a person can find in the file ("line 14", "Ark1!row 14").
 * Readers never interpret columns: mapping, parsing and validation happen in src/schema/.
 */
import type { Day } from '../base/dates.js';
import { inLang, type Bilingual, type Lang } from '../base/i18n.js';

/**
 * A raw cell value. CSV gives strings (or null for an empty field). XLSX gives strings, numbers,
 * booleans, or {day} for a real date cell (already turned into a calendar day, time of day
 * dropped), or null for an empty cell. Formula cells give their cached result.
 */
export type RawValue = string | number | boolean | { day: Day } | null;

export interface RawRow {
  /** 1-based line (CSV: the physical line where the record starts) or sheet row number. */
  rowNumber: number;
  /** Human reference for messages: "line 14" or "row 14" (sheet named in SourceInfo). */
  ref: string;
  cells: RawValue[];
}

export interface SourceInfo {
  file: string;
  format: 'csv' | 'xlsx';
  /** CSV only: 'utf-8', 'utf-8 (BOM)', 'windows-1252'. */
  encoding?: string;
  /** CSV only: ';', ',', '\t'. */
  delimiter?: string;
  /** XLSX only: the sheet read, and all sheet names in the workbook. */
  sheet?: string;
  sheets?: string[];
  /** XLSX only: the workbook uses the 1904 date system. */
  date1904?: boolean;
  /** 1-based row/line number of the header row. */
  headerRow: number;
  /** How the header row was found: 'detected' or 'forced' (--header-row). */
  headerRowSource: 'detected' | 'forced';
  /** Things the reader noticed that the user should know (merged title cells, 1904 system ...). */
  notes: ReadNote[];
}

/**
 * A note of the reading, with what it is about, so that a caller can choose what to tell: the
 * pipeline leaves out the slow-reader note (told while reading, for a large file only) and the
 * pseudonyms note (told where pseudonyms are printed).
 */
export interface ReadNote {
  kind: ReadNoteKind;
  /** In English, as stderr tells it. */
  text: string;
  /** In Danish, for output in Danish (inspect's notes); absent: the English is shown. */
  da?: string;
}

export type ReadNoteKind =
  /** The workbook was read with exceljs (slower), and why. */
  | 'slow-reader'
  /** Bytes that are not UTF-8, read as Windows-1252. */
  | 'bytes'
  /** How the workbook is made: the 1904 date system, merged cells. */
  | 'workbook'
  /** A person column read as CPR numbers by its values. */
  | 'person-id'
  /** No pseudonym key: pseudonyms are random per run. */
  | 'pseudonyms'
  /** Rows that are no course (totals rows) skipped. */
  | 'rows'
  /** Values read in a particular way (no exit reason, 31-12-9999 end dates). */
  | 'values';

export const readNote = (kind: ReadNoteKind, text: string | Bilingual): ReadNote =>
  typeof text === 'string' ? { kind, text } : { kind, text: text.en, da: text.da };

/** A read note as the output in `lang` shows it. */
export const noteIn = (lang: Lang, n: ReadNote): string => inLang(lang, { da: n.da ?? n.text, en: n.text });

/**
 * The texts of read notes that a run tells on stderr: not the slow-reader note (told through
 * LoadOptions.note, and only for a large file) nor the random-pseudonyms note (told only where
 * pseudonyms are printed).
 */
export function toldNotes(notes: readonly ReadNote[]): string[] {
  const untold = new Set<ReadNoteKind>(['slow-reader', 'pseudonyms']);
  return notes.filter((n) => !untold.has(n.kind)).map((n) => n.text);
}

export interface RawTable {
  info: SourceInfo;
  headers: string[];
  /** Rows after the header row, including blank and totals rows: the schema layer accounts for them. */
  rows: RawRow[];
  /** Rows above the header row (title rows): not data, reported only as a count. */
  titleRows: number;
  /**
   * Fast CSV path only: the same rows, scanned from the file's bytes on demand, so that a large
   * export never exists as one RawRow per line. `rows` is then built only when read.
   */
  fast?: FastRows;
}

/**
 * A record of the fast CSV path, valid only during the call that receives it: field i is the
 * UTF-8 bytes [start[i], end[i]) of buf (no quotes, no line break of the record's own kind).
 */
export interface ByteRow {
  buf: Buffer;
  start: Int32Array;
  end: Int32Array;
  /** Number of fields. */
  count: number;
  /** 1-based line the record starts on. */
  rowNumber: number;
  /** The record as the general path gives it (decoded cells, '' as null, ref "line N"). */
  materialise(): RawRow;
}

/** Receives the data rows of a fast table in file order, each as a RawRow or as bytes. */
export interface RowSink {
  row(r: RawRow): void;
  bytes(r: ByteRow): void;
  /** About how many rows will come in all (a fast table's estimate from its first rows). */
  expect?(rows: number): void;
}

export interface FastRows {
  /** Hands every data row to the sink, in order; returns how many there were. */
  scan(sink: RowSink): number;
}

export interface ReadOptions {
  /** --sheet: a sheet name or a 1-based index, as given on the command line. */
  sheet?: string;
  /** --header-row: 1-based row (xlsx) or line (csv) of the header. */
  headerRow?: number;
  /** --encoding for CSV: 'utf-8' | 'windows-1252'. */
  encoding?: string;
  /** --delimiter for CSV. */
  delimiter?: string;
  /**
   * Scores how much a row looks like a header row (number of cells that map to a known field).
   * Supplied by the schema layer so readers stay ignorant of column names.
   */
  headerScore: (cells: RawValue[]) => number;
  /** Told how far a long read has come (the CLI draws a bar on a terminal). */
  progress?: ReadProgress;
  /**
   * Told, as it happens, what the user should know about a slow read (a large workbook read
   * with exceljs, and why); the CLI prints it as `jobfx: note: ...`.
   */
  note?: (text: string) => void;
}

/**
 * How far a read has come: `done` of `total` in any unit (bytes of the file, rows of the
 * table), called often and cheaply from the reader's and the schema layer's loops.
 */
export interface ReadProgress {
  update(done: number, total: number): void;
  /** The read is over (or failed): remove whatever was drawn. */
  end(): void;
}

/** How many of the first rows are searched for the header row. */
export const HEADER_SEARCH_ROWS = 30;

/**
 * Picks the header row among the first rows: the first row with the highest score, if that
 * score is at least 2 (a person id and a start date, say). Returns the index into `rows`, or -1.
 */
export function findHeaderRow(rows: RawValue[][], headerScore: (cells: RawValue[]) => number): number {
  let best = -1;
  let bestScore = 1;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const score = headerScore(headerCandidates(rows[i] ?? []));
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/** No header is this long: a longer cell (a file that is one enormous line) is not scored. */
const HEADER_MAX_CHARS = 200;

function headerCandidates(cells: RawValue[]): RawValue[] {
  if (!cells.some((c) => typeof c === 'string' && c.length > HEADER_MAX_CHARS)) return cells;
  return cells.map((c) => (typeof c === 'string' && c.length > HEADER_MAX_CHARS ? null : c));
}

/** A cell is empty when null or a string of only whitespace. */
export function isEmptyCell(v: RawValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}
