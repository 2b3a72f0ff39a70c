/** --where's words: FIELD=V,V and FIELD!=V; anything else is a usage error (exit 2). */
import { describe, expect, it } from 'vitest';
import { collectWhere, parseWhere, whereKeptColumns } from '../../src/analyses/where.js';

describe('parseWhere', () => {
  it('reads = and != with a list of values, trimmed', () => {
    expect(parseWhere('targetGroup = aktivitetsparat, jobparat ')).toEqual({
      text: 'targetGroup = aktivitetsparat, jobparat',
      name: 'targetGroup',
      negate: false,
      values: ['aktivitetsparat', 'jobparat'],
    });
    expect(parseWhere('Målgruppe!=Sygedagpengemodtager')).toMatchObject({ name: 'Målgruppe', negate: true });
  });

  it('refuses a clause without a value or a field', () => {
    for (const bad of ['Målgruppe', 'Målgruppe=', '=x', 'x=,'])
      expect(() => parseWhere(bad)).toThrow(/FIELD=VALUE/);
  });

  it("collects repeated options, and keeps every name that is not a field's key or label", () => {
    const clauses = collectWhere('Spor=A', collectWhere('Målgruppe=x'));
    expect(clauses.map((c) => c.name)).toEqual(['Målgruppe', 'Spor']);
    expect(whereKeptColumns(clauses)).toEqual(['Spor']);
    // "Jobcenter" is a synonym of unit, but may be a column of its own when another column is the
    // unit (Værksted): it is kept, and read as the field only when it is the field's column.
    expect(whereKeptColumns([parseWhere('Jobcenter=Nord'), parseWhere('unit=Nord')])).toEqual(['Jobcenter']);
  });
});
