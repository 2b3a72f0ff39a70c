/**
 * The zod schema of the config file (jobfx.config.json) and the JSON Schema generated from it
 * (schema/jobfx.config.schema.json), so editors can check a config as it is typed. Apart from
 * config.ts, which loads it only when there is a config file to check: zod takes 0.1 s to load.
 */
import { z } from 'zod';
import { CANONICAL_FIELDS } from './columns.js';
import { PRESET_NAMES } from './vocab-presets.js';

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

const indicator = z
  .strictObject({
    name: z.string().min(1).describe('The indicator as tables show it (Danish)'),
    replaces: z
      .string()
      .min(1)
      .optional()
      .describe('A built-in indicator (name or alias) this entry renames; its old names stay aliases'),
    aliases: z.array(z.string().min(1)).optional().describe('Other spellings in measurement files'),
    en: z.string().optional().describe('English label'),
    scale: z
      .string()
      .regex(/^\s*-?\d+\s*(-|–|til|to)\s*-?\d+\s*$/)
      .optional()
      .describe('Its scale when the file has no Skala column, e.g. "1-10" (default 1-5)'),
  })
  .describe('A BIP indicator for jobfx progression: a new one, or a built-in one renamed or rescaled');

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
    goalReachedBy: z
      .record(z.string().min(1), z.array(z.string().min(1)))
      .optional()
      .describe(
        'Result goal → the exit reasons that count as reaching it, for an export with a result goal and no "Resultatmål nået" column',
      ),
    exitRules: z
      .array(
        z.strictObject({
          reason: z.string().min(1).describe('The exit reason the rule is about'),
          field: z.enum(['targetGroup', 'programme', 'resultGoal']).describe('The field it depends on'),
          matches: z
            .array(z.string().min(1))
            .min(1)
            .describe('Words the field must contain (any one; case- and æøå-insensitive)'),
        }),
      )
      .optional()
      .describe(
        'Rules such as "Raskmeldt only in sygedagpenge courses": checked and reported, never enforced',
      ),
    vocabularies: z
      .strictObject({
        preset: z
          .enum(PRESET_NAMES as [string, ...string[]])
          .optional()
          .describe(
            "A built-in vocabulary preset (bip-kontrakt: the contract annex's 16 exit categories and rules)",
          ),
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
    likert: z
      .strictObject({
        order: z
          .array(z.string().min(1))
          .min(2)
          .optional()
          .describe(
            'The answer categories of the scale, highest first (default: I meget høj grad … Slet ikke)',
          ),
        dontKnow: z
          .array(z.string().min(1))
          .optional()
          .describe('Answers kept apart from the scale (default: Ved ikke)'),
        top: z
          .number()
          .int()
          .min(1)
          .optional()
          .describe('The share counts the first TOP categories ("i høj grad or more"; default 2)'),
      })
      .optional()
      .describe('The Likert scale of jobfx compare --likert'),
    indicators: z
      .array(indicator)
      .optional()
      .describe(
        'BIP indicators added to (or renaming, or rescaling) the 11 built-in ones (jobfx progression)',
      ),
  })
  .describe('jobfx configuration: column mapping and vocabularies for one case system or memo');

export type Config = z.infer<typeof configSchema>;

/** The JSON Schema of the config file, for editors. */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(configSchema, { io: 'input' });
}
