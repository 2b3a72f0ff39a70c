/**
 * The config file (jobfx.config.json): explicit column mapping, vocabulary extensions or
 * replacements, and the pseudonym key. Validated with zod; its JSON Schema is generated from the
 * same zod schema (schema/jobfx.config.schema.json) so editors can check a config as it is typed.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { configError } from '../errors.js';
import { readJsonFile } from './json-file.js';
import { CANONICAL_FIELDS } from './columns.js';
import { DEFAULT_VOCABULARIES, type Vocabularies, type VocabEntry } from './vocab.js';

const entry = z
  .strictObject({
    value: z.string().min(1).describe('The canonical value, as shown in tables'),
    aliases: z.array(z.string().min(1)).optional().describe('Other spellings that mean the same value'),
    en: z.string().optional().describe('English label'),
  })
  .describe('A vocabulary value');

const vocabulary = <T extends z.ZodType>(item: T, what: string) =>
  z
    .strictObject({
      mode: z
        .enum(['extend', 'replace'])
        .default('extend')
        .describe('extend: add to (or override) the built-in values; replace: use only these values'),
      values: z.array(item).describe(`The ${what}`),
    })
    .describe(`The vocabulary of ${what}`);

const exitReasonEntry = entry
  .extend({ group: z.string().min(1).describe('Key of the exit group this reason counts under') })
  .describe('An exit reason and its group');

const exitGroup = z.strictObject({
  key: z.string().min(1).describe('Stable key, used by exit reasons and in --outcome exitGroup=KEY'),
  da: z.string().min(1).describe('Danish label'),
  en: z.string().min(1).describe('English label'),
});

export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    columns: z
      .partialRecord(z.enum(CANONICAL_FIELDS), z.string().min(1))
      .optional()
      .describe('Canonical field → the header of the column in the export that holds it'),
    pseudonymKey: z
      .string()
      .min(16)
      .optional()
      .describe('Secret key for pseudonyms (HMAC-SHA-256); JOBFX_PSEUDONYM_KEY takes precedence'),
    vocabularies: z
      .strictObject({
        exitReasons: vocabulary(exitReasonEntry, 'exit reasons').optional(),
        exitGroups: vocabulary(exitGroup, 'exit groups').optional(),
        targetGroups: vocabulary(entry, 'target groups').optional(),
        education: vocabulary(entry, 'education levels').optional(),
        followUpStatuses: vocabulary(entry, 'follow-up statuses').optional(),
        groups: vocabulary(
          entry.extend({ value: z.enum(['treatment', 'control']) }),
          'treatment/control labels',
        ).optional(),
      })
      .optional(),
  })
  .describe('jobfx configuration: column mapping and vocabularies for one case system or memo');

export type Config = z.infer<typeof configSchema>;

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
export function vocabulariesOf(config: Config): Vocabularies {
  const c = config.vocabularies ?? {};
  const byValue = (x: VocabEntry) => x.value;
  return {
    exitReason: mergeList(DEFAULT_VOCABULARIES.exitReason, c.exitReasons, byValue),
    exitGroups: mergeList(DEFAULT_VOCABULARIES.exitGroups, c.exitGroups, (g) => g.key),
    targetGroup: mergeList(DEFAULT_VOCABULARIES.targetGroup, c.targetGroups, byValue),
    education: mergeList(DEFAULT_VOCABULARIES.education, c.education, byValue),
    followUp: mergeList(DEFAULT_VOCABULARIES.followUp, c.followUpStatuses, byValue),
    group: mergeList(DEFAULT_VOCABULARIES.group, c.groups, byValue),
  };
}

/** extend: config entries first (so they win on a shared spelling), then the defaults they do not redefine. */
function mergeList<T>(defaults: T[], given: { mode?: 'extend' | 'replace'; values: T[] } | undefined, key: (x: T) => string): T[] {
  if (!given) return defaults;
  if (given.mode === 'replace') return given.values;
  const redefined = new Set(given.values.map(key));
  return [...given.values, ...defaults.filter((d) => !redefined.has(key(d)))];
}

/** The JSON Schema of the config file, for editors. */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(configSchema, { io: 'input' });
}
