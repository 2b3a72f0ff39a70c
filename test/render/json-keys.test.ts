import { describe, expect, it } from 'vitest';
import { count, labelCol, text, valueCol, type Table } from '../../src/model/table.js';
import { slugKey, withKeys } from '../../src/render/json-keys.js';
import { keyedLike } from '../../src/model/keys.js';

describe('slugKey: the fallback key of a row or column', () => {
  it('camelCases words, spells out symbols, keeps two numbers apart', () => {
    expect(slugKey('Persons active in the period')).toBe('personsActiveInThePeriod');
    expect(slugKey('Indsats, pct.')).toBe('indsatsPct');
    expect(slugKey('95 %-KI, øvre')).toBe('95PercentKIOevre');
    expect(slugKey('10-19')).toBe('10_19');
    expect(slugKey('<25')).toBe('under25');
    expect(slugKey('50+')).toBe('50Plus');
    expect(slugKey('Åbenlyst uddannelsesparat')).toBe('aabenlystUddannelsesparat');
    expect(slugKey('Café')).toBe('cafe');
    expect(slugKey('')).toBe('');
    expect(slugKey('–')).toBe('');
  });
});

describe('keys set by a builder', () => {
  it('never spell out a CPR number: a slug is of the redacted label', () => {
    // A --by value or a label of the data, slugged by its builder before the json redacts.
    expect(slugKey('Nord 150385-1235')).toBe('nordCPR');
    expect(slugKey('1503851235')).not.toMatch(/1503851235|150385/);
  });

  it('come from the same tables in English where a builder set none (keyedLike)', () => {
    const da: Table = {
      id: 'x',
      title: 'X',
      columns: [labelCol(''), valueCol('Antal', 'count')],
      rows: [{ cells: [text('Forløb i alt'), count(3)] }, { key: 'job', cells: [text('Job'), count(1)] }],
      notes: [],
    };
    const en: Table = {
      ...da,
      columns: [labelCol(''), valueCol('Count', 'count')],
      rows: [{ cells: [text('Courses in total'), count(3)] }, { key: 'job', cells: [text('Job'), count(1)] }],
    };
    const [k] = keyedLike([da], [en]);
    expect(k!.columns.map((c) => c.key)).toEqual(['label', 'count']);
    expect(k!.rows.map((r) => r.key)).toEqual(['coursesInTotal', 'job']);
    // Another shape is not the same table: nothing is keyed from it.
    expect(keyedLike([da], [{ ...en, rows: en.rows.slice(1) }])[0]!.rows[0]!.key).toBeUndefined();
  });
});

describe('withKeys', () => {
  const table = (lang: 'da' | 'en'): Table => ({
    id: 't',
    title: 'T',
    columns: [labelCol(''), valueCol(lang === 'da' ? 'Antal' : 'Count'), valueCol('x', 'mine')],
    rows: [
      { cells: [text(lang === 'da' ? 'Forløb' : 'Courses'), count(1), count(2)] },
      { key: 'given', cells: [text('x'), count(1), count(2)] },
      { cells: [text(lang === 'da' ? 'Forløb' : 'Courses'), count(1), count(2)] },
      { cells: [text(''), count(1), count(2)], style: 'total' },
      { cells: [text(''), count(1), count(2)] },
    ],
    notes: [],
  });

  it('takes a given key, else the English label; unique in the table', () => {
    const [t] = withKeys([table('da')], [table('en')]);
    expect(t!.columns.map((c) => c.key)).toEqual(['label', 'count', 'mine']);
    expect(t!.rows.map((r) => r.key)).toEqual(['courses', 'given', 'courses_2', 'total', 'row5']);
  });

  it('without an English table of the same shape, the own label', () => {
    const other = { ...table('en'), rows: [] };
    expect(withKeys([table('da')], [other])[0]!.rows[0]!.key).toBe('forloeb');
  });
});
