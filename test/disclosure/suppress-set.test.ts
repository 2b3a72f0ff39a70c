/** suppress() over a set of tables: links, facts, the audit, and how table ids are resolved. */
import { describe, expect, it } from 'vitest';
import { relationErrors } from '../../src/disclosure/relations.js';
import { suppress } from '../../src/disclosure/suppress.js';
import { count, labelCol, text, valueCol, type Cell, type Table } from '../../src/model/table.js';

const LT5: Cell = { t: 'suppressed', shown: '<5' };
const DOTS: Cell = { t: 'suppressed', shown: '..' };

/** One count column, body rows adding up to a total row. */
const dist = (id: string, values: [string, number][], extra: Partial<Table> = {}): Table => ({
  id,
  title: id,
  columns: [labelCol(''), valueCol('Antal')],
  rows: [
    ...values.map(([l, v]) => ({ cells: [text(l), count(v)] })),
    { cells: [text('I alt'), count(values.reduce((a, [, v]) => a + v, 0))], style: 'total' as const },
  ],
  notes: [],
  additive: { rows: true },
  ...extra,
});
const column = (t: Table) => t.rows.map((r) => r.cells[1]);

describe('facts: the same figure in two tables', () => {
  const a = dist('a', [
    ['x', 3],
    ['y', 10],
    ['z', 20],
  ]);
  const b = dist('b', [
    ['y', 10],
    ['w', 7],
  ]);
  const keyed = (t: Table): Table => ({ ...t, facts: [{ key: 'y', row: t.id === 'a' ? 1 : 0, col: 1 }] });

  it('per table, b shows the y that a hides, which gives x back (33 − 10 − 20)', () => {
    expect(column(suppress(a, 5, 'da'))).toEqual([LT5, DOTS, count(20), count(33)]);
    expect(column(suppress(b, 5, 'da'))).toEqual([count(10), count(7), count(17)]);
  });

  it('together, y is hidden in both, and so is a second cell of b', () => {
    const [sa, sb] = suppress([keyed(a), keyed(b)], 5, 'da');
    expect(column(sa!)).toEqual([LT5, DOTS, count(20), count(33)]);
    expect(column(sb!)).toEqual([DOTS, DOTS, count(17)]);
    expect(sb!.notes).toContain(
      'Tal, der hænger sammen med tal i de andre tabeller, er også vist som "..", så de skjulte tal ikke kan regnes ud ved at lægge tabellerne sammen.',
    );
  });
});

describe('links', () => {
  const reasons = dist('r', [
    ['job', 20],
    ['a-dagpenge', 6],
    ['sygedagpenge', 2],
  ]);
  const groups = (id = 'g'): Table =>
    dist(
      id,
      [
        ['job', 20],
        ['benefit', 8],
      ],
      {
        links: [
          { total: { table: id, row: 0, col: 1 }, parts: [{ table: 'r', row: 0, col: 1 }] },
          {
            total: { table: id, row: 1, col: 1 },
            parts: [
              { table: 'r', row: 1, col: 1 },
              { table: 'r', row: 2, col: 1 },
            ],
          },
        ],
      },
    );

  it('hide a part of a group when its sibling is hidden, and the group when needed', () => {
    const [r, g] = suppress([reasons, groups()], 5, 'da');
    // sygedagpenge 2 → <5; its column and its group each need a second cell: a-dagpenge 6.
    expect(column(r!)).toEqual([count(20), DOTS, LT5, count(28)]);
    expect(column(g!)).toEqual([count(20), count(8), count(28)]);
  });

  it('are ignored when the table they name is not printed', () => {
    expect(suppress(groups(), 5, 'da')).toEqual(groups());
  });

  it('name the nearest earlier table with the id, so two runs of a command stay apart', () => {
    const big = dist('r', [
      ['job', 20],
      ['a-dagpenge', 60],
      ['sygedagpenge', 20],
    ]);
    const bigGroups: Table = {
      ...groups(),
      rows: [
        { cells: [text('job'), count(20)] },
        { cells: [text('benefit'), count(80)] },
        { cells: [text('I alt'), count(100)], style: 'total' },
      ],
    };
    expect(relationErrors([reasons, groups(), big, bigGroups])).toEqual([]);
    expect(relationErrors([reasons, bigGroups])).toHaveLength(1);
    const out = suppress([reasons, groups(), big, bigGroups], 5, 'da');
    expect(column(out[3]!)).toEqual([count(20), count(80), count(100)]);
  });

  it('must name a count cell', () => {
    const bad: Table = { ...groups(), links: [{ total: { table: 'r', row: 0, col: 0 }, parts: [] }] };
    expect(() => suppress([reasons, bad], 5, 'da')).toThrow(/holds no count/);
  });
});

describe('the audit', () => {
  it('hides more when the relations together determine a hidden cell', () => {
    // T = a + b and a = b + c, with a = b = 3 hidden and c = 0 shown: each relation has two hidden
    // cells, so the line rule is content, but a + b = 6 and a − b = 0 give a = b = 3. The audit
    // hides the smallest non-zero shown cell of a relation holding a: T.
    const t: Table = {
      id: 't',
      title: 't',
      columns: [labelCol(''), valueCol('Antal')],
      rows: [
        { cells: [text('T'), count(6)] },
        { cells: [text('a'), count(3)] },
        { cells: [text('b'), count(3)] },
        { cells: [text('c'), count(0)] },
      ],
      notes: [],
      additive: {
        rowGroups: [
          { total: 0, parts: [1, 2] },
          { total: 1, parts: [2, 3] },
        ],
      },
    };
    expect(column(suppress(t, 5, 'da'))).toEqual([DOTS, LT5, LT5, count(0)]);
  });
});

describe('statistics (Table.stats) of a table with hidden cells', () => {
  const stats = { chisq: 1.5, df: 2, pValue: 0.47 };

  it('are withheld (null) where a cell is hidden, and kept where none is', () => {
    const small = dist('s', [
      ['x', 3],
      ['y', 10],
      ['z', 20],
    ]);
    expect(suppress({ ...small, stats }, 5, 'da').stats).toBeNull();
    const large = dist('l', [
      ['x', 30],
      ['y', 10],
    ]);
    expect(suppress({ ...large, stats }, 5, 'da').stats).toEqual(stats);
    expect(suppress(large, 5, 'da').stats).toBeUndefined();
  });
});
