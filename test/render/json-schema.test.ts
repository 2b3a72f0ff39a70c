import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outputJsonSchema, tablesDocumentSchema } from '../../src/render/json-schema.js';
import { renderJson } from '../../src/render/json.js';
import { goldenTables } from './sample.js';

const context = {
  command: 'keyfigures',
  input: 'x.csv',
  period: { from: 20089, to: 20269 },
  asOf: null,
  options: { period: '2025H1' },
  accounting: { read: 3, accepted: 2, rejected: 1, skipped: 0, notStarted: 0 },
};

describe('schema/jobfx.output.schema.json', () => {
  it('is the JSON Schema of the zod output schema (run `npm run schema` after changing it)', () => {
    const committed = JSON.parse(readFileSync('schema/jobfx.output.schema.json', 'utf8'));
    expect(committed).toEqual({ title: 'jobfx --format json', ...(outputJsonSchema() as object) });
  });

  it('accepts the rendered sample, and refuses a row without a key or a stray field', () => {
    const doc = JSON.parse(renderJson(goldenTables, context)) as {
      period: unknown;
      tables: { rows: Record<string, unknown>[] }[];
    };
    expect(doc.period).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(tablesDocumentSchema.safeParse(doc).success).toBe(true);
    const noKey = structuredClone(doc);
    delete noKey.tables[0]!.rows[0]!.key;
    expect(tablesDocumentSchema.safeParse(noKey).success).toBe(false);
    const stray = structuredClone(doc);
    stray.tables[0]!.rows[0]!.cells = [{ value: 0.5, n: 3, text: 'p' }];
    expect(tablesDocumentSchema.safeParse(stray).success).toBe(false);
  });
});
