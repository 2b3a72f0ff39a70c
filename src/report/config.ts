/**
 * The report file of `jobfx run` (jobfx.report.json): the input, the period, the mapping config
 * and the list of tables, each a command with its command-line options. Validated with zod; its
 * JSON Schema (schema/jobfx.report.schema.json) is generated from the same zod schema.
 */
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { REPORT_STEPS } from '../commands/registry.js';
import { readJsonFile } from '../schema/json-file.js';

/** The commands a report can name: the registry's commands that can be steps of a pack. */
export const REPORT_COMMANDS = REPORT_STEPS.map((s) => s.name) as [string, ...string[]];
export type ReportCommand = string;

export const RELATIVE_PERIODS = [
  'last-complete-half-year',
  'last-complete-month',
  'last-complete-year',
] as const;

const optionValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

const table = z
  .strictObject({
    command: z.enum(REPORT_COMMANDS).describe('The jobfx command that makes the table(s)'),
    input: z
      .string()
      .min(1)
      .optional()
      .describe(
        `The step's own input, relative to this file, for ${REPORT_STEPS.filter((s) => s.input)
          .map((s) => s.name)
          .join(' and ')} (the measurement file); the report's "input" is joined to it as its --courses`,
      ),
    options: z
      .record(z.string(), optionValue)
      .default({})
      .describe(
        'The command\'s options as on the command line, without the dashes: {"by": "unit", "min-gap-days": 14, "grouped": true}. ' +
          'A list repeats the option (e.g. several "outcome"s, or "where": ["targetGroup=aktivitetsparat", "Jobcenter!=Syd"] to count only some courses in this step). "format", "out", "rejects" and "list" are the pack\'s business and not allowed; ' +
          `for ${REPORT_STEPS.filter((s) => s.report?.chart)
            .map((s) => s.name)
            .join(' and ')}, "chart": true draws the chart into the memo.`,
      ),
  })
  .describe('One step of the memo: a command and its options');

export const reportSchema = z
  .strictObject({
    $schema: z.string().optional(),
    title: z.string().min(1).describe('Title of the memo (html heading, xlsx)'),
    input: z.string().min(1).describe('The export (CSV or xlsx), relative to this file'),
    sheet: z.string().optional().describe('Worksheet of the export (name or 1-based index)'),
    config: z
      .string()
      .optional()
      .describe('Mapping and vocabulary config (jobfx.config.json), relative to this file'),
    followup: z.string().optional().describe('A separate follow-up file, relative to this file'),
    period: z
      .union([
        z.string().min(1),
        z.strictObject({ from: z.string().describe('dd-mm-yyyy'), to: z.string().describe('dd-mm-yyyy') }),
      ])
      .default('last-complete-half-year')
      .describe(
        'The reporting period: "2025H1", "2025", "2025Q1", "2025-03", {"from": ..., "to": ...}, or relative: ' +
          RELATIVE_PERIODS.map((p) => `"${p}"`).join(', '),
      ),
    periodRelativeTo: z
      .enum(['data', 'run-date'])
      .default('data')
      .describe(
        'What a relative period counts back from: the newest date in the data, or the day of the run',
      ),
    lang: z.enum(['da', 'en']).default('da').describe('Language of the tables'),
    suppress: z
      .number()
      .int()
      .min(0)
      .default(5)
      .describe('Small-cell suppression threshold for every table (0: off; a memo is public, so keep it on)'),
    out: z
      .string()
      .min(1)
      .default('memo')
      .describe('Output folder, relative to this file; --out overrides it'),
    maxRejected: z
      .union([z.number().int().min(0), z.string().regex(/^\d+(\.\d+)?%$/)])
      .optional()
      .describe(
        'Fail (exit 1, the last pack kept) when more rows are rejected: a count (10) or a share of the rows read ("2%")',
      ),
    tables: z.array(table).min(1).describe('The tables of the memo, in order'),
  })
  .describe('A jobfx report: what `jobfx run` makes into a memo pack');

export type Report = z.infer<typeof reportSchema>;

export interface LoadedReport {
  report: Report;
  file: string;
  /** Resolves a path written in the report relative to the report file. */
  path: (p: string) => string;
}

export async function loadReport(file: string): Promise<LoadedReport> {
  const report = await readJsonFile(
    file,
    reportSchema,
    'report',
    'check the path (jobfx init writes an example)',
  );
  const dir = dirname(resolve(file));
  return { report, file, path: (p) => resolve(dir, p) };
}

/** The JSON Schema of the report file, for editors. */
export function reportJsonSchema(): unknown {
  return z.toJSONSchema(reportSchema, { io: 'input' });
}
