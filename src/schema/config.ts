/**
 * The config file (jobfx.config.json): explicit column mapping, vocabulary extensions or
 * replacements, and the pseudonym key. Validated with the zod schema in config-schema.ts.
 */
import { existsSync } from 'node:fs';
import { configError } from '../errors.js';
import type { Config } from './config-schema.js';
import { readJsonFile } from './json-file.js';
import { DEFAULT_VOCABULARIES, type Vocabularies, type VocabEntry } from './vocab.js';

export type { Config } from './config-schema.js';

export const CONFIG_FILE = 'jobfx.config.json';

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or undefined when none was given or found. */
  file?: string;
}

/** Loads --config FILE, else ./jobfx.config.json if present, else the built-in defaults. */
export async function loadConfig(explicit: string | undefined, cwd = process.cwd()): Promise<LoadedConfig> {
  const file = explicit ?? (existsSync(`${cwd}/${CONFIG_FILE}`) ? `${cwd}/${CONFIG_FILE}` : undefined);
  if (file === undefined) return { config: {} };
  const { configSchema } = await import('./config-schema.js');
  const data = await readJsonFile(file, configSchema, 'config', 'check the --config path');
  const exitGroupKeys = new Set(
    mergeList(DEFAULT_VOCABULARIES.exitGroups, data.vocabularies?.exitGroups, (g) => g.key).map((g) => g.key),
  );
  for (const [i, r] of (data.vocabularies?.exitReasons?.values ?? []).entries())
    if (!exitGroupKeys.has(r.group))
      throw configError(
        `${file}: vocabularies.exitReasons.values.${i}: group "${r.group}" is not an exit group (known: ${[...exitGroupKeys].join(', ')})`,
      );
  return { config: data, file };
}

/** The vocabularies in force: built-in defaults, extended or replaced by the config. */
export function vocabulariesOf(config: Config, base: Vocabularies = DEFAULT_VOCABULARIES): Vocabularies {
  const c = config.vocabularies ?? {};
  const byValue = (x: VocabEntry) => x.value;
  return {
    exitReason: mergeList(base.exitReason, c.exitReasons, byValue),
    exitGroups: mergeList(base.exitGroups, c.exitGroups, (g) => g.key),
    targetGroup: mergeList(DEFAULT_VOCABULARIES.targetGroup, c.targetGroups, byValue),
    education: mergeList(DEFAULT_VOCABULARIES.education, c.education, byValue),
    followUp: mergeList(DEFAULT_VOCABULARIES.followUp, c.followUpStatuses, byValue),
    group: mergeList(DEFAULT_VOCABULARIES.group, c.groups, byValue),
    // Built in only: consent is Ja or Nej (docs/definitions.md#follow-up).
    consent: DEFAULT_VOCABULARIES.consent,
  };
}

/** extend: config entries first (so they win on a shared spelling), then the defaults they do not redefine. */
function mergeList<T>(
  defaults: T[],
  given: { mode?: 'extend' | 'replace'; values: T[] } | undefined,
  key: (x: T) => string,
): T[] {
  if (!given) return defaults;
  if (given.mode === 'replace') return given.values;
  const redefined = new Set(given.values.map(key));
  return [...given.values, ...defaults.filter((d) => !redefined.has(key(d)))];
}
