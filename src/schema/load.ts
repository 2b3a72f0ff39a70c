/** file → Course records: read, map columns, normalise. The one entry point every command uses. */
import { readTable } from '../io/read.js';
import { mapColumns, requireFields, headerScore } from './columns.js';
import { loadConfig, vocabulariesOf, type LoadedConfig } from './config.js';
import { makePseudonymiser, type Pseudonymiser } from './cpr.js';
import { normalise, type Normalised } from './normalise.js';
import { buildVocabSet, type VocabSet } from './vocab.js';

export interface LoadOptions {
  sheet?: string;
  headerRow?: number;
  encoding?: string;
  delimiter?: string;
  /** --config FILE; else ./jobfx.config.json when present. */
  config?: string;
  keepColumns?: string[];
  /** For tests: the working directory where jobfx.config.json is looked for. */
  cwd?: string;
}

export interface Loaded extends Normalised {
  vocab: VocabSet;
  config: LoadedConfig;
  /** The run's pseudonymiser, so that a second file (follow-up) gets the same pseudonyms. */
  pseudonymise: Pseudonymiser;
}

export async function loadCourses(file: string, opts: LoadOptions = {}): Promise<Loaded> {
  const config = await loadConfig(opts.config, opts.cwd);
  const vocab = buildVocabSet(vocabulariesOf(config.config));
  const table = await readTable(file, {
    sheet: opts.sheet,
    headerRow: opts.headerRow,
    encoding: opts.encoding,
    delimiter: opts.delimiter,
    headerScore,
  });
  const mapping = mapColumns(table.headers, config.config.columns, file);
  requireFields(mapping, table.headers, file);
  const key = process.env.JOBFX_PSEUDONYM_KEY || config.config.pseudonymKey;
  const pseudonymise = makePseudonymiser(key);
  const result = normalise(table, mapping, { vocab, pseudonymise, keepColumns: opts.keepColumns });
  return { ...result, vocab, config, pseudonymise };
}
