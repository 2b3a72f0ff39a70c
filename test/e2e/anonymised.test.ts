/**
 * Anonymised person ids end to end on fixtures/keyfigures/anonymised.csv (issue #15). By hand:
 * 8 rows, all accepted; lines 4-8 have no person ("Anonymiseret" twice, "xxxxxx-xxxx", empty,
 * "000000-0000"). 2025H1: courses active = lines 2 3 4 5 6 7 9 (7), of which 4 anonymised
 * (4 5 6 7); persons active P1 P2 (2); ended 2 4 5 6 9 (5), persons P1 P2; ongoing 3 7 (2), persons
 * P1 (1). P1 returns (ended 31-03, started 01-05): repeat users 1 of 2. Line 8 (2024) is the only
 * course of 2024.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

const FILE = resolve('fixtures/keyfigures/anonymised.csv');
const NOTE_ACTIVE =
  '4 anonymiserede forløb er aktive i perioden uden en person (tomt eller anonymiseret person-id): de tæller med i forløbene, ikke i personerne.';
const NOTE_STARTED =
  '4 anonymiserede forløb er startet i perioden uden en person (tomt eller anonymiseret person-id): de er ikke med.';

type JsonTable = { id: string; rows: { cells: unknown[] }[]; notes: string[] };
const tablesOf = (args: string[]) => {
  const r = jobfx([...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain('8 rows read = 8 accepted + 0 rejected');
  return new Map((JSON.parse(r.stdout).tables as JsonTable[]).map((t) => [t.id, t]));
};
const column = (t: JsonTable) => Object.fromEntries(t.rows.map((r) => [r.cells[0], r.cells[1]]));

describe('anonymised rows', () => {
  const kf = tablesOf(['keyfigures', FILE, '--period', '2025H1']);

  it('count among the courses and not among the persons, with a note', () => {
    expect(column(kf.get('keyfigures.citizens')!)).toEqual({
      'Forløb aktive i perioden': 7,
      'Personer aktive i perioden': 2,
      'Forløb startet i perioden': 7,
      'Personer startet i perioden': 2,
      'Forløb i gang ved periodens slutning': 2,
      'Personer i gang ved periodens slutning': 1,
      'Forløb afsluttet i perioden': 5,
      'Personer afsluttet i perioden': 2,
    });
    expect(kf.get('keyfigures.citizens')!.notes).toContain(NOTE_ACTIVE);
    expect(column(kf.get('keyfigures.exitReasons')!)).toEqual({
      'Ordinært job': 2,
      Afbrudt: 2, // the two identical anonymised rows: not duplicates of one another
      Uddannelse: 1,
      'I alt': 5,
    });
  });

  it('are left out of the mix and the repeat users, with a note under each', () => {
    for (const id of ['targetGroup', 'education', 'ageBand', 'gender']) {
      const t = kf.get(`keyfigures.mix.${id}`)!;
      expect(column(t)['I alt']).toBe(2);
      expect(t.notes).toContain(NOTE_ACTIVE);
    }
    expect(column(kf.get('keyfigures.repeats')!)).toEqual({
      'Personer startet i perioden': 2,
      'heraf gengangere': 1,
    });
    expect(kf.get('keyfigures.repeats')!.notes).toContain(NOTE_STARTED);
    expect(kf.get('keyfigures.exitReasons')!.notes.join(' ')).not.toMatch(/anonymiserede/);
    const rp = tablesOf(['repeats', FILE, '--period', '2025H1']);
    expect(rp.get('repeats.total')!.notes).toContain(NOTE_STARTED);
    expect(column(rp.get('repeats.total')!)).toMatchObject({ 'heraf gengangere': 1 });
  });

  it('give yoy its courses of a year that only anonymised rows cover', () => {
    const y = [...tablesOf(['yoy', FILE, '--years', '2024']).values()][0]!;
    expect(column(y)).toMatchObject({ Uddannelse: 1, 'I alt': 1 });
  });
});
