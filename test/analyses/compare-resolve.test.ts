/**
 * resolveCompare: the command line's words → the options of a comparison, checked against the
 * file, without reading a file (the rules that used to live in the CLI file).
 */
import { describe, expect, it } from 'vitest';
import {
  keptColumns,
  resolveCompare,
  type CompareData,
  type CompareRequest,
} from '../../src/analyses/compare/index.js';
import { mapColumns } from '../../src/schema/columns.js';
import { buildVocabSet, DEFAULT_VOCABULARIES } from '../../src/schema/vocab.js';
import { course, d, storeOf } from '../helpers.js';

const vocab = buildVocabSet(DEFAULT_VOCABULARIES);
const headers = [
  'CPR-nr.',
  'Startdato',
  'Slutdato',
  'Afslutningsårsag',
  'Status 6 mdr',
  'Forsøgsgruppe',
  'Timer',
];
const store = storeOf([
  course('line 2', 'a', '2024-01-01', '2024-03-01', { group: 'treatment' }),
  course('line 3', 'b', '2024-02-01', null, { group: 'control' }),
]);
const data: CompareData = { headers, mapping: mapColumns(headers), vocab, unit: 'course', store };
const req = (x: Partial<CompareRequest>): CompareRequest => ({ correct: true, weeklyExit: 'job', ...x });
const resolve = (x: Partial<CompareRequest>, d0 = data) => resolveCompare(req(x), d0, 'export.csv');

describe('resolveCompare', () => {
  it('resolves outcomes; --within applies to exit outcomes without a span of their own', () => {
    const o = resolve({ outcome: ['exitGroup=job', 'job within 26w', 'Status 6 mdr=job'], within: '12m' });
    expect(o.outcomes.map((x) => (x.kind === 'binary' ? [x.ref, x.within] : null))).toEqual([
      [
        { kind: 'field', field: 'exitGroup' },
        { n: 12, unit: 'm' },
      ],
      [
        { kind: 'field', field: 'exitGroup' },
        { n: 26, unit: 'w' },
      ],
      [{ kind: 'field', field: 'followUp6' }, undefined],
    ]);
    expect(o.group).toEqual({ source: { kind: 'field', header: 'Forsøgsgruppe' } });
    expect(o.asOf).toBe(d('2024-03-01'));
    expect(resolve({ numeric: ['varighed', 'Timer'] }).outcomes.map((x) => x.ref)).toEqual([
      { kind: 'duration' },
      { kind: 'column', name: 'Timer' },
    ]);
  });

  it('refuses what does not make sense, with a usage error that says how to fix it', () => {
    const fails = (x: Partial<CompareRequest>, message: RegExp, d0 = data) =>
      expect(() => resolve(x, d0)).toThrow(message);
    fails({}, /nothing to compare/);
    fails({ outcome: ['exitGroup=job'], treatment: 'A' }, /--treatment and --control go together/);
    fails({ outcome: ['followUp6=job within 12m'] }, /"within" applies to exit outcomes/);
    fails({ outcome: ['followUp6=job'], within: '12m' }, /--within applies to exit outcomes/);
    fails({ outcome: ['exitGroup=work'] }, /"work" is not an exit group/);
    fails({ outcome: ['nosuch=1'] }, /no column "nosuch"/);
    fails({ numeric: ['followUp6'] }, /is not a numeric column/);
    fails({ balance: true, group: 'Hold' }, /--group Hold: no such column/);
    fails({ balance: true, by: 'Startdato' }, /the start column; it cannot be an outcome/);
    fails({ balance: true, age: 'Alder' }, /--age Alder: no such column/);
    fails({ weekly: 4, weeklyExit: 'job,work' }, /--weekly-exit: "work" is not an exit group/);
    fails({ balance: true, asOf: '2024-02-01' }, /--as-of 2024-02-01: the data has dates after it/);
    fails({ balance: true, asOf: 'soon' }, /--as-of soon: /);
    fails({ weekly: 4 }, /export.csv has no start or end date column/, { ...data, unit: 'respondent' });
  });

  it('names the columns to keep when the file is read: those that are not fields', () => {
    expect(
      keptColumns(
        req({
          outcome: ['svar=Ja'],
          numeric: ['duration', 'Timer'],
          group: 'Hold',
          by: 'gender',
          age: 'Alder',
        }),
      ),
    ).toEqual(['svar', 'Timer', 'Hold', 'Alder']);
  });

  it('--balance-fields: fields by short name or header, columns as written; implies --balance; unknown names refused', () => {
    const o = resolve({ balanceFields: 'jobcenter, Status 6 mdr,køn,Timer' });
    expect(o.balance).toBe(true);
    expect(o.balanceFields).toEqual([
      { kind: 'field', field: 'unit' },
      { kind: 'field', field: 'followUp6' },
      { kind: 'field', field: 'gender' },
      { kind: 'column', name: 'Timer' },
    ]);
    expect(keptColumns(req({ balanceFields: 'jobcenter,Timer' }))).toContain('Timer');
    expect(() => resolve({ balanceFields: 'Nosuch' })).toThrow(/--balance-fields Nosuch: no column "Nosuch"/);
    expect(() => resolve({ balanceFields: 'Forsøgsgruppe' })).toThrow(/is the group column/);
    expect(() => resolve({ balanceFields: ' , ' })).toThrow(/name the fields or columns/);
  });

  it('--unit: person or course; refused for a survey, course refused for a person file', () => {
    expect(resolve({ outcome: ['exitGroup=job'] }).unit).toBe('auto');
    expect(resolve({ outcome: ['exitGroup=job'], unit: 'person' }).unit).toBe('person');
    expect(resolve({ outcome: ['exitGroup=job'], unit: 'forløb' }).unit).toBe('course');
    expect(() => resolve({ outcome: ['exitGroup=job'], unit: 'week' })).toThrow(
      /--unit week: use person or course/,
    );
    expect(() =>
      resolve({ outcome: ['exitGroup=job'], unit: 'course' }, { ...data, unit: 'person' }),
    ).toThrow(/export\.csv is a person file/);
    expect(() =>
      resolve({ outcome: ['exitGroup=job'], unit: 'person' }, { ...data, unit: 'respondent' }),
    ).toThrow(/one row per respondent; leave out --unit/);
  });
});
