import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/schema/config.js';

describe('schema/jobfx.config.schema.json', () => {
  it('is the JSON Schema of the zod config schema (run `npm run schema` after changing it)', () => {
    const committed = JSON.parse(readFileSync('schema/jobfx.config.schema.json', 'utf8'));
    expect(committed).toEqual({ title: 'jobfx.config.json', ...(configJsonSchema() as object) });
    expect(committed.properties.columns.propertyNames ?? committed.properties.columns).toBeTruthy();
  });
});
