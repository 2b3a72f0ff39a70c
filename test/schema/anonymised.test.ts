/**
 * Rows whose person id is empty or anonymised (docs/definitions.md#records): which ids are
 * anonymised, and that both row paths (fast CSV, general) accept them as courses without a person.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourses } from '../../src/schema/load.js';
import { isAnonymisedId } from '../../src/schema/values.js';

describe('isAnonymisedId', () => {
  it.each([
    '',
    '  ',
    '-',
    '..',
    'Anonymiseret',
    ' anonymiseret ',
    'ANONYM',
    'Slettet',
    'xxxxxx-xxxx',
    'XXXXXXXXXX',
    '000000-0000',
    '0000000000',
    '**********',
    'xxxxxx xxxx',
  ])('%j is anonymised', (v) => expect(isAnonymisedId(v)).toBe(true));

  it.each(['P1', '0', '00', 'x', 'xx-xx', '1503851235', '150385-xxxx', 'Max', 'Borger 17'])(
    '%j is a person',
    (v) => expect(isAnonymisedId(v)).toBe(false),
  );

  it('takes null and the number 0 as anonymised, other numbers not', () => {
    expect(isAnonymisedId(null)).toBe(true);
    expect(isAnonymisedId(0)).toBe(true);
    expect(isAnonymisedId(1503851235)).toBe(false);
  });
});

describe('loading anonymised rows', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jobfx-anon-'));
  const load = async (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return loadCourses(file, { cwd: dir });
  };

  it('accepts them in a CPR column, as one "no person" that no duplicate rule applies to', async () => {
    const r = await load(
      'cpr.csv',
      [
        'CPR-nr.;Startdato;Slutdato;Tilbud',
        '150385-1235;01-02-2025;31-03-2025;A',
        'xxxxxx-xxxx;01-02-2025;31-03-2025;A',
        'xxxxxx-xxxx;01-02-2025;31-03-2025;A',
        '0000000000;01-03-2025;;A',
        ';01-03-2025;;A',
        'Anonymiseret;01-04-2025;;A',
        '150385-1235;01-02-2025;;A',
      ].join('\n'),
    );
    expect(r.ledger.accepted).toBe(6);
    // The last row repeats the first (same person, start, programme): the only rejection.
    expect(r.ledger.rejected.map((x) => x.ref)).toEqual(['line 8']);
    const anon = r.store.persons.anonymous;
    expect(anon).toBeGreaterThanOrEqual(0);
    expect([...r.store.person].filter((p) => p === anon)).toHaveLength(5);
    expect(
      r.notes
        .filter((n) => n.kind === 'person-id')
        .map((n) => n.text)
        .join('\n'),
    ).toMatch(/5 course\(s\) have an empty or anonymised person id/);
  });

  it('sends them from the fast path to the general one with a citizen id column', async () => {
    const r = await load(
      'id.csv',
      [
        'Borger-id;Startdato;Slutdato',
        'B1;01-02-2025;31-03-2025',
        'XXXXXX-XXXX;01-02-2025;',
        'B2;01-03-2025;',
      ].join('\n'),
    );
    expect(r.ledger.accepted).toBe(3);
    expect(r.store.persons.anonymous).toBe(r.store.person[1]);
    expect(r.store.course(1).personId).toBe('(anonymiseret)');
  });
});
