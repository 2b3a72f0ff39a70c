/**
 * A measurement file → measurements, with the reading machinery of course exports (sniffing,
 * title rows, CSV/xlsx, encodings, CPR rules, pseudonyms) and their row accounting: every row
 * read ends accepted, rejected (with its reasons) or skipped (blank, totals). After reading:
 * each indicator's scale is settled, scores outside it and duplicates rejected, and, with a
 * course export, every row joined to its course (join.ts). docs/definitions.md#progression.
 */
import { danishOf } from '../../base/dates.js';
import { readNote, toldNotes, type RawRow, type SourceInfo } from '../../io/raw.js';
import type { InputData } from '../input-data.js';
import { loadConfig } from '../config.js';
import { makePseudonymiser, redactCpr } from '../cpr.js';
import { loadCourses, type Loaded, type LoadOptions } from '../load.js';
import type { Ledger, Rejection } from '../normalise/ledger.js';
import { readSideTable, scanRows } from '../row-scan.js';
import { mapMeasurementColumns, measurementHeaderScore, type MeasurementMapping } from './columns.js';
import { indicatorSet, type IndicatorSet } from './indicators.js';
import { assignCourses, type MeasuredCourse } from './join.js';
import { personIds, rowReader, type ReadRows } from './rows.js';
import { settleScales, rejectDuplicates, type Measurement } from './settle.js';

export type { Measurement } from './settle.js';
export type { ReadRows } from './rows.js';
export type { MeasuredCourse } from './join.js';

export interface Measurements extends InputData {
  mapping: MeasurementMapping;
  indicators: IndicatorSet;
  /** Accepted measurements, each with its course (an index into `courses`). */
  measurements: Measurement[];
  courses: MeasuredCourse[];
  /** The course export the measurements were joined to (--courses), if any. */
  joined: string | null;
  /** That export as loaded: its contract fields (planned end, result goal) for output 5. */
  export?: Loaded;
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
  const table = await readSideTable(file, opts, measurementHeaderScore(indicators));
  const mapping = mapMeasurementColumns(table.headers, indicators, file);
  table.headers = table.headers.map(redactCpr);
  for (const c of mapping.columns) c.header = redactCpr(c.header);
  const pseudonymise =
    courseData?.pseudonymise ??
    makePseudonymiser(process.env.JOBFX_PSEUDONYM_KEY || config.config.pseudonymKey);
  const read = rowReader(
    mapping,
    table.headers,
    indicators,
    personIds(pseudonymise, mapping.personIdKind === 'cpr'),
    table.info.date1904 === true,
  );
  const rows: ReadRows = { refs: [], rowNumbers: [], facts: [], scores: [], rejected: new Map() };
  const take = (r: RawRow) => {
    const reasons: string[] = [];
    const { facts, scores } = read(r.cells, reasons);
    const i = rows.refs.length;
    rows.refs.push(r.ref);
    rows.rowNumbers.push(r.rowNumber);
    rows.facts.push(facts);
    rows.scores.push(scores);
    if (reasons.length > 0 || facts === null) rows.rejected.set(i, reasons);
  };
  const { read: count, skipped } = scanRows(table, take);

  const joinNotes: string[] = [];
  const measurements = settleScales(rows, indicators, file);
  const courses = assignCourses(rows, measurements, joinNotes, courseData);
  const notes = joinNotes.map((n) => readNote('values', n));
  // What the course export's reader and normaliser noted (a totals row, missing exit reasons).
  if (courseData && !loaded)
    for (const n of toldNotes([...courseData.info.notes, ...courseData.notes]))
      notes.push(readNote('values', `${coursesFile}: ${n}`));
  rejectDuplicates(rows, measurements, indicators, courses.length);
  const also: InputData['also'] =
    coursesFile && courseData && !loaded ? [{ file: coursesFile, ledger: courseData.ledger }] : [];
  const kept = measurements.filter((m) => !rows.rejected.has(m.row));
  return {
    info: table.info as SourceInfo,
    mapping,
    ledger: ledgerOf(rows, count, skipped, mapping, table.headers, indicators),
    notes,
    also,
    indicators,
    measurements: kept,
    courses,
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
      ref: rows.refs[i]!,
      rowNumber: rows.rowNumbers[i]!,
      reasons,
      personId: rows.facts[i]?.person ?? null,
      cells: cellsOf(rows, i, mapping, headers, wideColumn, indicators),
    }));
  return { read, accepted: rows.refs.length - rejected.length, rejected, skipped };
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
  const f = rows.facts[i];
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
  for (const s of rows.scores[i] ?? []) {
    put(wideColumn.get(s.indicator) ?? mapping.fields.score, s.score);
    if (mapping.shape === 'long') put(mapping.fields.indicator, indicators.list[s.indicator]!.da);
    if (s.scale) put(mapping.fields.scale, `${s.scale.min}-${s.scale.max}`);
  }
  return out;
}
