/** file → Course records: read, map columns, normalise. The one entry point every command uses. */
import { readTable } from '../io/read.js';
import { isEmptyCell, type RawTable, type ReadProgress } from '../io/raw.js';
import { mapColumns, requireFields, headerScore, type ColumnMapping } from './columns.js';
import { loadConfig, vocabulariesOf, type LoadedConfig } from './config.js';
import { makePseudonymiser, redactCpr, type Pseudonymiser } from './cpr.js';
import { normalise, type Normalised } from './normalise/index.js';
import { NONE } from './course-store.js';
import { isMissing } from './values.js';
import { buildVocabSet, DEFAULT_VOCABULARIES, type VocabSet } from './vocab.js';
import { PRESET_NAMES, VOCAB_PRESETS, withPreset, type ExitRule } from './vocab-presets.js';
import { usageError } from '../errors.js';

export interface LoadOptions {
  sheet?: string;
  headerRow?: number;
  encoding?: string;
  delimiter?: string;
  /** --config FILE; else ./jobfx.config.json when present. */
  config?: string;
  keepColumns?: string[];
  /** Keep every column by its header (a population file, whose baseline columns are not known in advance). */
  keepAllColumns?: boolean;
  /** The run's pseudonymiser, for a second file whose ids must match the first's (compare --population). */
  pseudonymise?: Pseudonymiser;
  /**
   * Accept a file with neither a start nor an end date column as respondents (a survey, one row
   * per person) instead of stopping on the missing start column. Only compare can use such rows.
   */
  respondents?: boolean;
  /** A built-in vocabulary preset (`--vocab`); else the config's `vocabularies.preset`. */
  vocab?: string;
  /** For tests: the working directory where jobfx.config.json is looked for. */
  cwd?: string;
  /** Makes a progress display for reading this file (the CLI's bar on a terminal). */
  progress?: (file: string) => ReadProgress;
  /** Told what the user should know while the file is read (a slow xlsx read, and why). */
  note?: (text: string) => void;
}

export interface Loaded extends Normalised {
  vocab: VocabSet;
  config: LoadedConfig;
  /** The run's pseudonymiser, so that a second file (follow-up) gets the same pseudonyms. */
  pseudonymise: Pseudonymiser;
  /** Exit-reason rules in force: the preset's, then the config's (checked, never enforced). */
  exitRules: ExitRule[];
  /**
   * 'respondent': a survey read with `respondents`; its records carry a placeholder start day (and,
   * without an id column, the row number as the respondent). 'person': a person file read with
   * `respondents` (a person id and a randomisation date, no course dates); the randomisation date
   * is each record's start day.
   */
  unit: 'course' | 'respondent' | 'person';
}

export async function loadCourses(file: string, opts: LoadOptions = {}): Promise<Loaded> {
  const config = await loadConfig(opts.config, opts.cwd);
  const progress = opts.progress?.(file);
  try {
    return await load(file, opts, config, progress);
  } finally {
    progress?.end();
  }
}

async function load(
  file: string,
  opts: LoadOptions,
  config: LoadedConfig,
  progress: ReadProgress | undefined,
): Promise<Loaded> {
  const presetName = opts.vocab ?? config.config.vocabularies?.preset;
  const preset = presetName === undefined ? undefined : VOCAB_PRESETS[presetName];
  if (presetName !== undefined && !preset)
    throw usageError(`--vocab ${presetName}: no such vocabulary preset (known: ${PRESET_NAMES.join(', ')})`);
  const vocab = buildVocabSet(vocabulariesOf(config.config, withPreset(DEFAULT_VOCABULARIES, preset)));
  const exitRules = [...(preset?.rules ?? []), ...(config.config.exitRules ?? [])];
  const read = await readTable(file, {
    sheet: opts.sheet,
    headerRow: opts.headerRow,
    encoding: opts.encoding,
    delimiter: opts.delimiter,
    headerScore,
    progress,
    note: opts.note,
  });
  const found = mapColumns(read.headers, config.config.columns, file);
  // Mapped on the headers as written; from here on a header that holds a CPR number (a mislaid
  // data row) is redacted, so that no output carries it ("[CPR]" must not map to the person).
  read.headers = read.headers.map(redactCpr);
  for (const c of found.columns) c.header = redactCpr(c.header);
  const unit = unitOf(opts, found);
  const survey = unit === 'respondent';
  const { table, mapping } =
    unit === 'person'
      ? { table: read, mapping: randomisedAsStart(found) }
      : survey
        ? withPlaceholderStart(
            found.fields.personId === undefined ? withRowIds(read, found) : { table: read, mapping: found },
          )
        : { table: read, mapping: found };
  requireFields(mapping, table.headers, file);
  const key = process.env.JOBFX_PSEUDONYM_KEY || config.config.pseudonymKey;
  const pseudonymise = opts.pseudonymise ?? makePseudonymiser(key);
  const result = normalise(table, mapping, {
    vocab,
    pseudonymise,
    keepColumns: opts.keepAllColumns ? read.headers : opts.keepColumns,
    progress,
    note: opts.note,
  });
  // A respondent's age at a placeholder date means nothing (compare takes ages from --age).
  if (survey) result.store.age.fill(NONE);
  return {
    info: result.info,
    mapping: result.mapping,
    store: result.store,
    notStarted: result.notStarted,
    ledger: result.ledger,
    unknownValues: result.unknownValues,
    missingExitReason: result.missingExitReason,
    notes: result.notes,
    headers: read.headers,
    vocab,
    config,
    exitRules,
    pseudonymise,
    unit,
  };
}

/**
 * What one row of the file is, for a command that takes rows without course dates (compare): a
 * file with neither a start nor an end column is a person file when it has a person id and a
 * randomisation date (one row per randomised person), else a survey (one row per respondent).
 */
function unitOf(opts: LoadOptions, found: ColumnMapping): Loaded['unit'] {
  const dated = found.fields.start !== undefined || found.fields.end !== undefined;
  if (opts.respondents !== true || dated) return 'course';
  if (found.fields.personId !== undefined && found.fields.randomised !== undefined) return 'person';
  return 'respondent';
}

/**
 * A person file: the randomisation date is read as the row's start day (its errors name its
 * column), and the columns line still shows it as the randomisation date.
 */
function randomisedAsStart(found: ColumnMapping): ColumnMapping {
  const index = found.fields.randomised!;
  const fields = { ...found.fields, start: index };
  delete fields.randomised;
  return {
    ...found,
    fields,
    columns: found.columns,
  };
}

/**
 * A survey without an id column: each row is its own respondent, known by its row number (a
 * citizen id "row N", never a CPR number), so that the rows are read as any survey's.
 */
function withRowIds(table: RawTable, mapping: ColumnMapping): { table: RawTable; mapping: ColumnMapping } {
  const index = table.headers.length;
  const rows = table.rows.map((r) =>
    r.cells.every((c) => isEmptyCell(c) || isMissing(c))
      ? r
      : {
          ...r,
          cells: [
            ...r.cells,
            ...Array<null>(Math.max(0, index - r.cells.length)).fill(null),
            `row ${r.rowNumber}`,
          ],
        },
  );
  return {
    table: { ...table, headers: [...table.headers, ''], rows },
    mapping: {
      ...mapping,
      personIdKind: 'id',
      fields: { ...mapping.fields, personId: index },
      columns: [...mapping.columns, { index, header: '', field: 'personId', how: 'config' }],
    },
  };
}

/**
 * Respondents get a placeholder start day, unique per row, so that the record can be built and a
 * repeated respondent id is found (as a duplicate) rather than merged. No analysis of courses
 * sees these records: compare refuses outcomes that need a date for respondents.
 */
function withPlaceholderStart({ table, mapping }: { table: RawTable; mapping: ColumnMapping }): {
  table: RawTable;
  mapping: ColumnMapping;
} {
  const index = table.headers.length;
  const base = 3_000_000; // the day number of a date in the year 10183: never a real date
  const rows = table.rows.map((r, i) =>
    r.cells.every((c) => isEmptyCell(c) || isMissing(c))
      ? r
      : {
          ...r,
          cells: [
            ...r.cells,
            ...Array<null>(Math.max(0, index - r.cells.length)).fill(null),
            { day: base + i },
          ],
        },
  );
  return {
    table: { ...table, headers: [...table.headers, ''], rows },
    mapping: {
      ...mapping,
      fields: { ...mapping.fields, start: index },
      columns: [...mapping.columns, { index, header: '', field: 'start', how: 'config' }],
    },
  };
}
