/**
 * Adding a field is one entry in the registry. This test adds a field that exists only here
 * ("testColour", header "Testfarve") to model/field-registry.ts and checks that it reaches
 * mapping, the course store, inspect, --by, the config schema and a memo table with no other
 * change. The figures are counted by hand from the six rows below.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/model/field-registry.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/model/field-registry.js')>();
  const testColour = {
    key: 'testColour',
    kind: 'category',
    label: { da: 'Testfarve', en: 'Test colour' },
    synonyms: ['Testfarve', 'Test colour'],
    roles: ['by', 'rows', 'distribution'],
  } as const;
  return { ...real, FIELDS: [...real.FIELDS, testColour] };
});

const CSV = [
  'Borger-id;Startdato;Slutdato;Afslutningsårsag;Testfarve',
  'B1;06-01-2025;31-01-2025;Ordinært job;Rød',
  'B2;03-02-2025;28-02-2025;Uddannelse;Blå',
  'B3;03-03-2025;;;Rød',
  'B4;07-04-2025;30-04-2025;Ordinært job;Rød',
  'B5;05-05-2025;30-05-2025;Afbrudt;',
  'B6;02-06-2025;;;Blå',
].join('\r\n');

async function load() {
  const dir = mkdtempSync(join(tmpdir(), 'jobfx-field-'));
  const file = join(dir, 'export.csv');
  writeFileSync(file, CSV + '\r\n');
  const { loadCourses } = await import('../../src/schema/load.js');
  return loadCourses(file, { cwd: dir });
}

describe('a field added in the registry only', () => {
  it('is mapped from its header and kept as a column of the store', async () => {
    const data = await load();
    expect(data.ledger.accepted).toBe(6);
    const m = data.mapping.columns.find((c) => c.header === 'Testfarve');
    expect(m).toMatchObject({ field: 'testColour', how: 'synonym' });
    const store = data.store as unknown as { value(f: string, i: number): string | null };
    expect([0, 1, 2, 3, 4, 5].map((i) => store.value('testColour', i))).toEqual([
      'Rød',
      'Blå',
      'Rød',
      'Rød',
      null,
      'Blå',
    ]);
  });

  it('is listed by inspect with its values', async () => {
    const data = await load();
    const { inspect } = await import('../../src/analyses/inspect.js');
    const r = inspect(data, data.vocab);
    const dist = r.distributions.find((d) => (d.field as string) === 'testColour');
    expect(dist?.header).toBe('Testfarve');
    expect(dist?.values.map((v) => [v.value, v.count])).toEqual([
      ['Rød', 3],
      ['Blå', 2],
    ]);
    expect(dist?.missing).toBe(1);
  });

  it('is a --by choice that splits the courses', async () => {
    const { BY_FIELDS, partitionStore } = await import('../../src/analyses/partition.js');
    expect(BY_FIELDS).toContain('testColour');
    const data = await load();
    const parts = partitionStore(data.store, 'testColour' as never, data.vocab);
    expect(parts.map(([v, idx]) => [v, [...idx]])).toEqual([
      ['Blå', [1, 5]],
      ['Rød', [0, 2, 3]],
      [null, [4]],
    ]);
  });

  it('may be named in the config file', async () => {
    const { configSchema } = await import('../../src/schema/config-schema.js');
    expect(configSchema.safeParse({ columns: { testColour: 'Farve' } }).success).toBe(true);
    expect(configSchema.safeParse({ columns: { noSuchField: 'Farve' } }).success).toBe(false);
  });

  it('labels the columns of a memo table (exits --by testColour)', async () => {
    const data = await load();
    const { buildExits } = await import('../../src/commands/exits.js');
    const built = await buildExits(
      data,
      { by: ['testColour'], sort: 'count', lang: 'da' },
      { threshold: 0, charts: false, source: 'export.csv' },
    );
    const reasons = built.tables[0]!;
    // Ended: B1 Rød job, B2 Blå education, B4 Rød job, B5 (none) dropout.
    expect(reasons.columns.map((c) => c.label)).toEqual([
      'Afslutningsårsag',
      'Blå',
      'Rød',
      'Uoplyst',
      'I alt',
      'Pct.',
    ]);
    expect(reasons.notes).toContain('Kolonner efter testfarve.');
  });
});
