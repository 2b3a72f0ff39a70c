/**
 * Issue #13: a person column whose header does not say CPR ("Id", or mapped from "Borger" in
 * the config) but holds CPR numbers is read as CPR numbers: every spelling one person, age and
 * gender derived, and a note saying so. A column of citizen ids stays an id column.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NONE } from '../../src/schema/course-store.js';
import { loadCourses, type Loaded } from '../../src/schema/load.js';
import { CPR_LIKE, FIXTURE_CPRS } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'jobfx-cpr-by-value-'));
const NOTE = 'column "Id" holds CPR numbers: read as CPR (age and gender derived)';

async function load(name: string, text: string, config?: object): Promise<{ data: Loaded; notes: string[] }> {
  const file = join(dir, name);
  writeFileSync(file, text);
  let configFile: string | undefined;
  if (config) writeFileSync((configFile = join(dir, `${name}.json`)), JSON.stringify(config));
  const notes: string[] = [];
  const data = await loadCourses(file, { cwd: dir, config: configFile, note: (t) => notes.push(t) });
  return { data, notes };
}

/** What a load says about persons, by course: person number, birth day, gender, age. */
const persons = (d: Loaded) => ({
  count: d.store.persons.count,
  accepted: d.ledger.accepted,
  rejected: d.ledger.rejected.map((r) => `${r.ref}: ${r.reasons.join('; ').replace(/^[^:]*: /, '')}`),
  rows: [...d.store.person].map((p, i) => [p, d.store.birth[i], d.store.gender[i], d.store.age[i]]),
});

describe('CPR numbers in a column not headed as CPR', () => {
  const fixture = readFileSync('fixtures/csv/id-holds-cpr.csv', 'utf8');
  const asCpr = fixture.replace(/^Id;/, 'CPR;');
  const quoted = (t: string) => t + '"150385-1235";01-11-2024;;\n';

  it('uses the fixture CPR numbers, with and without the dash', () => {
    for (const cpr of FIXTURE_CPRS) expect(fixture.replace(/-/g, '')).toContain(cpr);
    expect(fixture).toMatch(/\d{6}-\d{4}/);
  });

  it.each([
    ['fast path', (t: string) => t],
    ['csv-parse path', quoted],
  ])('reads header "Id" as header "CPR" on the %s', async (name, make) => {
    const id = await load(`id-${name}.csv`, make(fixture));
    const cpr = await load(`cpr-${name}.csv`, make(asCpr));
    expect(id.data.mapping.personIdKind).toBe('cpr');
    expect(persons(id.data)).toEqual(persons(cpr.data));
    // 9 courses of 6 persons; the number that is not a date is rejected as in a CPR column.
    expect(id.data.store.persons.count).toBe(6);
    expect(id.data.ledger.rejected.map((r) => r.ref)).toEqual(['line 11']);
    expect([...id.data.store.gender].every((g) => g === 1 || g === 2)).toBe(true);
    expect([...id.data.store.age].every((a) => a !== NONE)).toBe(true);
    expect(id.notes).toEqual([NOTE]);
    expect(id.data.notes).toContainEqual({
      kind: 'person-id',
      text: NOTE,
      da: 'kolonnen "Id" indeholder CPR-numre: læst som CPR (alder og køn afledt)',
    });
    expect(cpr.notes).toEqual([]);
    expect(JSON.stringify(id.data.ledger)).not.toMatch(CPR_LIKE);
  });

  it('reads a column mapped from "Borger" in the config the same way', async () => {
    const { data, notes } = await load('borger.csv', fixture.replace(/^Id;/, 'Borger;'), {
      columns: { personId: 'Borger' },
    });
    const cpr = await load('borger-cpr.csv', asCpr);
    expect(persons(data)).toEqual(persons(cpr.data));
    expect(notes).toEqual([NOTE.replace('"Id"', '"Borger"')]);
  });

  it('gives the demo export its 340 persons under header "Id"', async () => {
    const demo = readFileSync('fixtures/demo/demo-export.csv', 'utf8');
    const { data, notes } = await load('demo-id.csv', demo.replace('CPR-nr.;', 'Id;'));
    const cpr = await load('demo-cpr.csv', demo);
    expect(data.store.persons.count).toBe(340);
    expect(persons(data)).toEqual(persons(cpr.data));
    expect(notes).toEqual([NOTE]);
  });

  it('leaves a column of citizen ids an id column', async () => {
    const ids = fixture
      .split('\n')
      .map((line, i) => (i === 0 || line === '' ? line : line.replace(/^[^;]*/, `B${i + 16}`)))
      .join('\n');
    const { data, notes } = await load('citizen-ids.csv', ids);
    expect(data.mapping.personIdKind).toBe('id');
    expect(data.store.persons.count).toBe(10);
    expect([...data.store.gender].every((g) => g === 0)).toBe(true);
    expect([...data.store.birth].every((b) => b === NONE)).toBe(true);
    expect(notes).toEqual([]);
  });
});
