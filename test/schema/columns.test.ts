import { describe, expect, it } from 'vitest';
import { fieldOfHeader, headerScore, mapColumns, requireFields } from '../../src/schema/columns.js';

describe('header synonyms', () => {
  it.each([
    ['Forløb start', 'start'],
    ['Startdato', 'start'],
    ['Start dato', 'start'],
    ['start_date', 'start'],
    ['FORLOEBSSTART', 'start'],
    ['CPR-nr.', 'personId'],
    ['Borger-id', 'personId'],
    ['Ophørsårsag', 'exitReason'],
    ['Ophoersaarsag', 'exitReason'],
    ['Højest fuldførte uddannelse', 'education'],
    ['Status 1 md', 'followUp1'],
    ['Opfølgning 3 mdr.', 'followUp3'],
    ['followup_6m', 'followUp6'],
    ['Status efter 12 måneder', 'followUp12'],
    ['Værksted', 'unit'],
    ['Forsøgsgruppe', 'group'],
  ])('%s → %s', (header, field) => expect(fieldOfHeader(header)).toBe(field));

  it('leaves unknown headers unmapped', () => {
    expect(fieldOfHeader('Bemærkning')).toBeUndefined();
    expect(fieldOfHeader('Status 2 mdr')).toBeUndefined();
  });

  it('scores header rows by the distinct fields they name', () => {
    expect(headerScore(['Udtræk fra Momentum', null])).toBe(0);
    expect(headerScore(['CPR', 'Startdato', 'Slutdato', 'Start'])).toBe(3);
  });
});

describe('mapColumns', () => {
  it('maps by synonym, keeps the first of two candidates, and tells CPR from other ids', () => {
    const m = mapColumns(['CPR-nr.', 'Startdato', 'Start', 'Bemærkning']);
    expect(m.fields).toEqual({ personId: 0, start: 1 });
    expect(m.personIdKind).toBe('cpr');
    expect(m.columns.map((c) => c.how)).toEqual(['synonym', 'synonym', 'duplicate', 'ignored']);
    expect(mapColumns(['Borger-id', 'Startdato']).personIdKind).toBe('id');
  });

  it('lets the config name columns, and refuses a config column the file lacks', () => {
    const m = mapColumns(['Nr', 'Dato ind', 'Dato ud'], {
      personId: 'Nr',
      start: 'Dato ind',
      end: 'dato UD',
    });
    expect(m.fields).toEqual({ personId: 0, start: 1, end: 2 });
    expect(() => mapColumns(['Nr'], { start: 'Begyndt' }, 'x.csv')).toThrow(/no such column/);
  });

  it('stops on a missing required column with the headers and a suggestion', () => {
    const headers = ['CPR-nr.', 'Start tidspunkt', 'Slutdato'];
    const m = mapColumns(headers);
    expect(() => requireFields(m, headers, 'x.csv')).toThrow(
      /no column for start .*did you mean "Start tidspunkt"\?.*Headers found: "CPR-nr\.", "Start tidspunkt", "Slutdato"/,
    );
    try {
      requireFields(m, headers, 'x.csv');
    } catch (e) {
      expect(e).toMatchObject({ kind: 'config' });
    }
  });
});

describe('the missing-column message stays short and on one line', () => {
  it('cuts long headers and long header lists', () => {
    const headers = ['CPR-nr.', `Start${'x'.repeat(300)}`, ...Array.from({ length: 98 }, (_, i) => `K${i}`)];
    const m = mapColumns(headers, undefined, 'x.csv');
    let message = '';
    try {
      requireFields(m, headers, 'x.csv');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(`"Start${'x'.repeat(35)}…"`);
    expect(message).toContain('"K27", and 70 more.');
    expect(message.length).toBeLessThan(1000);
  });
});
