import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/schema/config-schema.js';
import { reportJsonSchema } from '../../src/report/config.js';

describe('schema/jobfx.config.schema.json', () => {
  it('is the JSON Schema of the zod config schema (run `npm run schema` after changing it)', () => {
    const committed = JSON.parse(readFileSync('schema/jobfx.config.schema.json', 'utf8'));
    expect(committed).toEqual({ title: 'jobfx.config.json', ...(configJsonSchema() as object) });
    expect(committed.properties.columns.propertyNames ?? committed.properties.columns).toBeTruthy();
  });
});

describe('schema/jobfx.report.schema.json', () => {
  it('is the JSON Schema of the zod report schema (run `npm run schema` after changing it)', () => {
    const committed = JSON.parse(readFileSync('schema/jobfx.report.schema.json', 'utf8'));
    expect(committed).toEqual({ title: 'jobfx.report.json', ...(reportJsonSchema() as object) });
    expect(committed.properties.tables.description).toMatch(/in order/);
  });
});
