/**
 * The shape of jobfx's json output, as a zod schema: the tests validate every command's output
 * with it, and schema/jobfx.output.schema.json is its JSON Schema (`npm run schema` writes it),
 * for scripts in other languages. A table document (render/json.ts) or inspect's document
 * (analyses/inspect.ts), whose inner parts are described loosely.
 */
import { z } from 'zod';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date, yyyy-mm-dd');
const key = z.string().min(1);
const count = z.number().int().nonnegative();

const cell = z
  .union([
    z.string().describe('text, or an ISO date'),
    z.number().describe('a count, a measured number or a p-value'),
    z.null().describe('empty, or no value'),
    z.strictObject({ count: z.number(), of: z.number(), percent: z.number().nullable() }).describe('a share'),
    z.strictObject({ value: z.number().nullable(), n: z.number() }).describe('a mean, median ... with its n'),
    z.strictObject({ suppressed: z.string() }).describe('hidden by small-cell suppression, as shown'),
  ])
  .describe('A cell of a table');

const table = z.strictObject({
  id: key.describe('Stable table id, e.g. keyfigures.citizens'),
  title: z.string(),
  columns: z.array(
    z.strictObject({
      key: key.describe('The same in every language; unique in the table'),
      label: z.string(),
      kind: z.enum(['label', 'value']),
    }),
  ),
  rows: z.array(
    z.strictObject({
      key: key.describe('The same in every language; unique in the table'),
      style: z.enum(['total', 'subtotal']).nullable(),
      cells: z.array(cell),
    }),
  ),
  notes: z.array(z.string()),
  additive: z.strictObject({ rows: z.boolean(), totalColumn: z.number().int().nullable() }).nullable(),
  stats: z
    .record(z.string(), z.number().nullable())
    .nullable()
    .optional()
    .describe(
      'Statistics no cell holds (a test statistic, df, p) by name, `row<i>.<name>` for row i; null: withheld by suppression',
    ),
});

export const tablesDocumentSchema = z
  .strictObject({
    command: z.string(),
    input: z.string().describe('The input as the messages name it ("stdin" for -)'),
    period: z.strictObject({ from: isoDay, to: isoDay }).nullable(),
    asOf: isoDay.nullable(),
    options: z
      .record(z.string(), z.unknown())
      .describe('The options that shaped the figures, camelCase, defaults applied'),
    accounting: z.strictObject({
      read: count,
      accepted: count,
      rejected: count,
      skipped: count,
      notStarted: count,
    }),
    tables: z.array(table),
  })
  .describe('The tables of a command (every command but inspect)');

export const inspectDocumentSchema = z
  .looseObject({
    source: z.looseObject({ file: z.string(), format: z.string() }),
    columns: z.array(z.looseObject({ header: z.string() })),
    rows: z.looseObject({ read: count, accepted: count, rejected: count }),
    rejections: z.array(z.unknown()),
    distributions: z.array(z.unknown()),
    notes: z.array(z.string()),
  })
  .describe('jobfx inspect --format json');

export const outputSchema = z.union([tablesDocumentSchema, inspectDocumentSchema]);

/** The JSON Schema of jobfx's json output (schema/jobfx.output.schema.json). */
export function outputJsonSchema(): unknown {
  return z.toJSONSchema(outputSchema, { io: 'output' });
}
