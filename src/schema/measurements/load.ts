/**
 * A measurement file → measurements, with the reading machinery of course exports (sniffing,
 * title rows, CSV/xlsx, encodings, CPR rules, pseudonyms) and their row accounting: every row
 * read ends accepted, rejected (with its reasons) or skipped (blank, totals). After reading:
 * each indicator's scale is settled, scores outside it and duplicates rejected, and, with a
 * course export, every row joined to its course (join.ts). docs/definitions.md#progression.
 */
import { danishOf } from '../../base/dates.js';
import { readTable } from '../../io/read.js';
import {
  isEmptyCell,
  readNote,
  toldNotes,
  type RawRow,
  type RawValue,
  type SourceInfo,
} from '../../io/raw.js';
import type { InputData } from '../input-data.js';
import { loadConfig } from '../config.js';
import { makePseudonymiser, redactCpr } from '../cpr.js';
import { loadCourses, type Loaded, type LoadOptions } from '../load.js';
import { TOTALS_LABEL, type Ledger, type Reason, type Rejection } from '../normalise/ledger.js';
import { isMissing } from '../values.js';
import { mapMeasurementColumns, measurementHeaderScore, type MeasurementMapping } from './columns.js';
import { indicatorSet, type IndicatorSet } from './indicators.js';
import { cellDecoder } from './cells.js';
import { fastRowReader } from './fast-rows.js';
import { assignCourses, type MeasuredCourse } from './join.js';
import { personIds, rowReader } from './rows.js';
import { settleScales, rejectDuplicates } from './settle.js';
import { keepMeasurements, ReadRows, type MeasurementColumns } from './store.js';
import { courseValues, keepCells, keptColumns } from './kept.js';

export type { MeasurementColumns } from './store.js';
export { ReadRows } from './store.js';
export type { MeasuredCourse } from './join.js';

export interface Measurements extends InputData {
  mapping: MeasurementMapping;
  indicators: IndicatorSet;
  /** Accepted measurements, in columns, each with its course (an index into `courses`). */
  measurements: MeasurementColumns;
  courses: MeasuredCourse[];
  /** The course export the measurements were joined to (--courses), if any. */
  joined: string | null;
  /** That export as loaded: its contract fields (planned end, result goal) for output 5. */
  export?: Loaded;
  /** Unmapped columns of the measurement file kept for --by: header → each course's value. */
  kept: Record<string, (string | null)[]>;
}

export async function loadMeasurements(
  file: string,
  opts: LoadOptions & { courses?: string; loaded?: Loaded } = {},
): Promise<Measurements> {
  const config = await loadConfig(opts.config, opts.cwd);
  // The course export first: its pseudonymiser names the measurements' persons too, so they join.
  // `jobfx run` hands over the export it has already loaded (and accounted for) as `loaded`.
  const { courses: coursesFile, loaded, ...courseOpts } = opts;
  const courseData =
    loaded ?? (coursesFile === undefined ? undefined : await loadCourses(coursesFile, courseOpts));
  const indicators = indicatorSet(config.config.indicators);
  const progress = opts.progress?.(file);
  let table;
  try {
    table = await readTable(file, {
      sheet: opts.sheet,
      headerRow: opts.headerRow,
      encoding: opts.encoding,
      delimiter: opts.delimiter,
      headerScore: measurementHeaderScore(indicators),
      progress,
      note: opts.note,
    });
  } finally {
    progress?.end();
  }
  const mapping = mapMeasurementColumns(table.headers, indicators, file);
  table.headers = table.headers.map(redactCpr);
  for (const c of mapping.columns) c.header = redactCpr(c.header);
  const pseudonymise =
    courseData?.pseudonymise ??
    makePseudonymiser(process.env.JOBFX_PSEUDONYM_KEY || config.config.pseudonymKey);
  const person = personIds(pseudonymise, mapping.personIdKind === 'cpr');
  const date1904 = table.info.date1904 === true;
  const read = rowReader(mapping, table.headers, indicators, person, date1904);
  const rows = new ReadRows(
    table.info.format === 'csv' ? 'line' : 'row',
    (['programme', 'unit', 'targetGroup', 'courseId'] as const).filter(
      (f) => mapping.fields[f] === undefined,
    ),
  );
  const kept = keptColumns(opts.keepColumns ?? [], mapping);
  const skipped: Ledger['skipped'] = [];
  let count = 0;
  // `ref` undefined: the reader's own "line N" (the fast path, which makes no ref per row).
  const take = (cells: RawValue[], rowNumber: number, ref?: string) => {
    count++;
    if (cells.every((c) => isEmptyCell(c) || isMissing(c)))
      return void skipped.push({ ref: ref ?? `line ${rowNumber}`, rowNumber, kind: 'blank' });
    const first = cells[0];
    if (typeof first === 'string' && TOTALS_LABEL.test(first.trim()))
      return void skipped.push({ ref: ref ?? `line ${rowNumber}`, rowNumber, kind: 'totals' });
    const reasons: Reason[] = [];
    read(cells, reasons, rows, rowNumber, ref);
    const i = rows.length - 1;
    if (kept.length > 0) keepCells(kept, i, cells);
    if (reasons.length > 0 || rows.person[i] === 0) rows.rejected.set(i, reasons);
  };
  const takeRow = (r: RawRow) => take(r.cells, r.rowNumber, r.ref);
  // The fast CSV path hands rows one by one: a large file never exists as one object per line.
  // A clean row is read from its bytes (fast-rows.ts); any other is decoded and read as above.
  if (table.fast) {
    const decode = cellDecoder();
    const fast = fastRowReader(mapping, indicators, person, rows, date1904);
    table.fast.scan({
      row: takeRow,
      // Columns kept for --by are read from decoded cells: those runs take the general reader.
      bytes: (b) => (kept.length === 0 && fast(b) ? count++ : take(decode(b), b.rowNumber)),
      expect: (n) => rows.reserve(n),
    });
  } else table.rows.forEach(takeRow);

  const joinNotes: string[] = [];
  const measurements = settleScales(rows, indicators, file);
  const courses = assignCourses(
    rows,
    measurements,
    joinNotes,
    courseData,
    mapping.fields.courseId !== undefined,
  );
  const notes = joinNotes.map((n) => readNote('values', n));
  // What the course export's reader and normaliser noted (a totals row, missing exit reasons).
  if (courseData && !loaded)
    for (const n of toldNotes([...courseData.info.notes, ...courseData.notes]))
      notes.push(readNote('values', `${coursesFile}: ${n}`));
  rejectDuplicates(rows, measurements, indicators, courses.length);
  const also: InputData['also'] =
    coursesFile && courseData && !loaded ? [{ file: coursesFile, ledger: courseData.ledger }] : [];
  const accepted =
    rows.rejected.size === 0
      ? measurements
      : keepMeasurements(measurements, (k) => !rows.rejected.has(measurements.row[k]!));
  const keptNotes: string[] = [];
  const keptValues = courseValues(kept, accepted, courses.length, keptNotes);
  for (const n of keptNotes) notes.push(readNote('values', n));
  return {
    info: table.info as SourceInfo,
    mapping,
    ledger: ledgerOf(rows, count, skipped, mapping, table.headers, indicators),
    notes,
    also,
    indicators,
    measurements: accepted,
    courses,
    kept: keptValues,
    joined: coursesFile ?? null,
    ...(courseData ? { export: courseData } : {}),
  };
}

function ledgerOf(
  rows: ReadRows,
  read: number,
  skipped: Ledger['skipped'],
  mapping: MeasurementMapping,
  headers: string[],
  indicators: IndicatorSet,
): Ledger {
  const wideColumn = new Map(
    [...mapping.indicatorColumns].map(([c, ind]) => [indicators.list.indexOf(ind), c]),
  );
  const rejected: Rejection[] = [...rows.rejected]
    .sort((a, b) => a[0] - b[0])
    .map(([i, reasons]) => ({
      ref: rows.ref(i),
      rowNumber: rows.rowNumber[i]!,
      reasons,
      personId: rows.facts(i)?.person ?? null,
      cells: cellsOf(rows, i, mapping, headers, wideColumn, indicators),
    }));
  return { read, accepted: rows.length - rejected.length, rejected, skipped };
}

/** A rejected row's mapped cells for the rejects file, from what was read (never the CPR number). */
function cellsOf(
  rows: ReadRows,
  i: number,
  mapping: MeasurementMapping,
  headers: string[],
  wideColumn: Map<number, number>,
  indicators: IndicatorSet,
): Record<string, string> {
  const f = rows.facts(i);
  const out: Record<string, string> = {};
  const put = (c: number | undefined, v: string | number | null | undefined) => {
    if (c !== undefined && v !== null && v !== undefined) out[headers[c]!] = String(v);
  };
  put(mapping.fields.occasion, f?.slot || null);
  put(mapping.fields.date, f?.day === null || f?.day === undefined ? null : danishOf(f.day));
  put(
    mapping.fields.courseStart,
    f?.courseStart === null || f?.courseStart === undefined ? null : danishOf(f.courseStart),
  );
  put(
    mapping.fields.courseEnd,
    f?.courseEnd === null || f?.courseEnd === undefined ? null : danishOf(f.courseEnd),
  );
  for (const s of rows.scoresOf(i)) {
    put(wideColumn.get(s.indicator) ?? mapping.fields.score, s.score);
    if (mapping.shape === 'long') put(mapping.fields.indicator, indicators.list[s.indicator]!.da);
    if (s.scale) put(mapping.fields.scale, `${s.scale.min}-${s.scale.max}`);
  }
  return out;
}
