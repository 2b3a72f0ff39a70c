import { describe, expect, it } from 'vitest';
import { suppress } from '../../src/disclosure/suppress.js';
import {
  count,
  labelCol,
  num,
  share,
  text,
  valueCol,
  type Cell,
  type Row,
  type Table,
} from '../../src/model/table.js';
import { byUnit, exits } from './sample.js';

const S = (shown: string): Cell => ({ t: 'suppressed', shown });
const LT5 = S('<5');
const DOTS = S('..');
const NOTE_DA =
  'Tal under 5 er vist som "<5" (diskretionering); procenter og gennemsnit for under 5 personer er vist som "..".';
const NOTE2_DA =
  'Desuden er en celle mere pr. række/kolonne vist som "..", så de skjulte tal ikke kan regnes ud af totalen.';

const table = (rows: Row[], additive?: Table['additive'], columns = 3): Table => ({
  id: 't',
  title: 'T',
  columns: [labelCol('L'), ...Array.from({ length: columns - 1 }, (_v, j) => valueCol(`V${j}`))],
  rows,
  notes: ['Kilde: udtræk.'],
  ...(additive ? { additive } : {}),
});
const row = (...cells: Cell[]): Row => ({ cells });
const total = (...cells: Cell[]): Row => ({ cells, style: 'total' });

describe('primary suppression', () => {
  it('hides counts 0 < v < N as "<N" with their shares as "..", keeps zeros', () => {
    const t = table([
      row(text('a'), count(3), share(3, 15)),
      row(text('b'), count(12), share(12, 15)),
      row(text('c'), count(0), share(0, 15)),
      row(text('d'), count(5), share(5, 15)),
      total(text('I alt'), count(15), share(15, 15)),
    ]);
    const s = suppress(t, 5, 'da');
    expect(s.rows.map((r) => r.cells)).toEqual([
      [text('a'), LT5, DOTS],
      [text('b'), count(12), share(12, 15)],
      [text('c'), count(0), share(0, 15)],
      [text('d'), count(5), share(5, 15)],
      [text('I alt'), count(15), share(15, 15)],
    ]);
    expect(s.notes).toEqual(['Kilde: udtræk.', NOTE_DA]);
  });

  it('hides a share whose count or denominator is small, by itself', () => {
    const t = table(
      [
        row(text('a'), share(2, 40), share(0, 4)),
        row(text('b'), share(0, 0), share(7, 7)),
        row(text('c'), share(0, 40), share(5, 5)),
      ],
      undefined,
      3,
    );
    expect(suppress(t, 5, 'da').rows.map((r) => r.cells)).toEqual([
      [text('a'), DOTS, DOTS],
      [text('b'), share(0, 0), share(7, 7)],
      [text('c'), share(0, 40), share(5, 5)],
    ]);
  });

  it('hides means, medians, minima of fewer than N persons', () => {
    const t = table([
      row(text('a'), num(12.5, 1, 4), num(3, 0, 1)),
      row(text('b'), num(12.5, 1, 5), num(null, 1, 0)),
      row(text('c'), num(7, 1), num(2.25, 2, 1000)),
    ]);
    const s = suppress(t, 5, 'da');
    expect(s.rows.map((r) => r.cells)).toEqual([
      [text('a'), DOTS, DOTS],
      [text('b'), num(12.5, 1, 5), num(null, 1, 0)],
      [text('c'), num(7, 1), num(2.25, 2, 1000)],
    ]);
    expect(s.notes).toEqual(['Kilde: udtræk.', NOTE_DA]);
  });

  it('uses the threshold given: N = 3 (Statistics Denmark) hides 1 and 2', () => {
    const t = table([row(text('a'), count(2), count(3)), row(text('b'), count(1), count(0))]);
    const s = suppress(t, 3, 'en');
    expect(s.rows.map((r) => r.cells)).toEqual([
      [text('a'), S('<3'), count(3)],
      [text('b'), S('<3'), count(0)],
    ]);
    expect(s.notes[1]).toBe(
      'Numbers below 3 are shown as "<3" (statistical disclosure control); percentages and averages for fewer than 3 persons are shown as "..".',
    );
  });

  it('changes nothing, and adds no note, when no cell is small', () => {
    const t = table(
      [row(text('a'), count(0), share(0, 10)), total(text('I alt'), count(10), share(10, 10))],
      {
        rows: true,
      },
    );
    expect(suppress(t, 5, 'da')).toEqual(t);
  });

  it('rejects a threshold that is not a whole number ≥ 1', () => {
    expect(() => suppress(exits, 0, 'da')).toThrow(RangeError);
    expect(() => suppress(exits, 2.5, 'da')).toThrow(RangeError);
  });
});

describe('secondary suppression', () => {
  it('in rows: hides the smallest other non-zero count of the column, and its share', () => {
    const s = suppress(exits, 5, 'da');
    // 3 is hidden; 9.872 − (4.936 + 3.699 + 0) would give it back, so 1.234 (the smallest
    // non-zero other count) goes too. 0 is not a candidate.
    expect(s.rows.map((r) => r.cells)).toEqual([
      [text('Ordinært job'), DOTS, DOTS],
      [text('Uddannelse'), count(4936), share(4936, 9872)],
      [text('Virksomhedspraktik'), LT5, DOTS],
      [text('Andet'), count(3699), share(3699, 9872)],
      [text('Uoplyst'), count(0), share(0, 9872)],
      [text('I alt'), count(9872), share(9872, 9872)],
    ]);
    expect(s.notes).toEqual(['Forløb afsluttet 1. januar–30. juni 2024.', NOTE_DA, NOTE2_DA]);
  });

  it('in rows: on a tie the first row goes; nothing more when two are hidden already', () => {
    const t = table(
      [
        row(text('a'), count(20), count(1)),
        row(text('b'), count(2), count(2)),
        row(text('c'), count(20), count(30)),
        total(text('I alt'), count(42), count(33)),
      ],
      { rows: true },
    );
    expect(suppress(t, 5, 'da').rows.map((r) => r.cells)).toEqual([
      [text('a'), DOTS, LT5],
      [text('b'), LT5, LT5],
      [text('c'), count(20), count(30)],
      [text('I alt'), count(42), count(33)],
    ]);
  });

  it('in rows: not when the total is hidden too, nor without additive.rows', () => {
    const small = table(
      [row(text('a'), count(3)), row(text('b'), count(0)), total(text('I alt'), count(3))],
      { rows: true },
      2,
    );
    expect(suppress(small, 5, 'da').rows.map((r) => r.cells)).toEqual([
      [text('a'), LT5],
      [text('b'), count(0)],
      [text('I alt'), LT5],
    ]);
    expect(suppress(small, 5, 'da').notes).toEqual(['Kilde: udtræk.', NOTE_DA]);
    const notAdditive = { ...exits, additive: undefined };
    expect(suppress(notAdditive, 5, 'da').rows[0]!.cells).toEqual([
      text('Ordinært job'),
      count(1234),
      share(1234, 9872),
    ]);
  });

  it('in columns: along each row across the count columns, the total column excluded', () => {
    const t = table(
      [
        row(text('a'), count(2), count(30), count(12), count(44)),
        row(text('b'), count(10), count(20), count(0), count(30)),
        total(text('I alt'), count(12), count(50), count(12), count(74)),
      ],
      { totalColumn: 4 },
      5,
    );
    const s = suppress(t, 5, 'da');
    expect(s.rows.map((r) => r.cells)).toEqual([
      [text('a'), LT5, count(30), DOTS, count(44)],
      [text('b'), count(10), count(20), count(0), count(30)],
      [text('I alt'), count(12), count(50), count(12), count(74)],
    ]);
    expect(s.notes).toEqual(['Kilde: udtræk.', NOTE_DA, NOTE2_DA]);
  });

  it('in both directions until nothing changes (the side-by-side sample)', () => {
    // Primary: Afklaringsforløb/Job 2 → "<5".
    // Column Afklaringsforløb: 15 is the smallest other non-zero → "..".
    // Row Job: Individuel vejledning 40 → "..". Row Uddannelse: now one hidden → 25 → "..".
    // Column Individuel vejledning then has two hidden, as has every row: stable.
    const s = suppress(byUnit, 5, 'da');
    const c = (a: number, of: number) => [count(a), share(a, of)];
    expect(s.rows.map((r) => r.cells)).toEqual([
      [text('Job'), DOTS, DOTS, LT5, DOTS, ...c(42, 120)],
      [text('Uddannelse'), DOTS, DOTS, DOTS, DOTS, ...c(40, 120)],
      [text('Praktik'), ...c(10, 80), ...c(0, 40), ...c(10, 120)],
      [text('Andet'), ...c(5, 80), ...c(23, 40), ...c(28, 120)],
      [text('I alt'), ...c(80, 80), ...c(40, 40), ...c(120, 120)],
    ]);
    expect(s.rows[4]!.style).toBe('total');
    expect(s.notes).toEqual([NOTE_DA, NOTE2_DA]);
  });

  it('writes the second note in English too', () => {
    expect(suppress(exits, 5, 'en').notes[2]).toBe(
      'In addition, one more cell per row/column is shown as "..", so that the hidden numbers cannot be worked out from the total.',
    );
  });
});

describe('secondary suppression with explicit row groups', () => {
  // Follow-up layout: statuses add up to "due" (a subtotal), due + not due add up to "ended".
  const followUp = (job: number, edu: number, notDue: number) =>
    table(
      [
        row(text('Job'), count(job)),
        row(text('Uddannelse'), count(edu)),
        { cells: [text('Opgjort'), count(job + edu)], style: 'subtotal' },
        row(text('Endnu ikke opgjort'), count(notDue)),
        total(text('Afsluttet'), count(job + edu + notDue)),
      ],
      {
        rowGroups: [
          { total: 2, parts: [0, 1] },
          { total: 4, parts: [2, 3] },
        ],
      },
      2,
    );

  it('hides the not-yet-due count, the due subtotal that would give it back, and a status', () => {
    // not due 3 → "<5"; ended 40 − due 37 would reveal it, so due goes too (".."). The statuses
    // would then give the due subtotal back (20 + 17 = 37, and 40 − 37 = 3): a relation must not
    // have exactly one hidden cell, its total included, so the smaller status goes as well.
    const s = suppress(followUp(20, 17, 3), 5, 'da');
    expect(s.rows.map((r) => r.cells[1])).toEqual([count(20), DOTS, DOTS, LT5, count(40)]);
  });

  it('walks the hierarchy: a small status hides a sibling, not the subtotal', () => {
    const s = suppress(followUp(20, 2, 10), 5, 'da');
    // Uddannelse 2 → "<5"; Opgjort 22 − Job 20 would reveal it, so Job goes too.
    expect(s.rows.map((r) => r.cells[1])).toEqual([DOTS, LT5, count(22), count(10), count(32)]);
  });

  it('uses a relation among non-adjacent rows: active = ended + ongoing', () => {
    const t = table(
      [
        row(text('Aktive forløb'), count(10)),
        row(text('Aktive personer'), count(8)),
        row(text('I gang'), count(4)),
        row(text('Afsluttet'), count(6)),
      ],
      { rowGroups: [{ total: 0, parts: [2, 3] }] },
      2,
    );
    const s = suppress(t, 5, 'da');
    // I gang 4 → "<5"; 10 − 6 would reveal it, so Afsluttet goes too; persons are in no relation.
    expect(s.rows.map((r) => r.cells[1])).toEqual([count(10), count(8), LT5, DOTS]);
    // When the parts are published elsewhere, the total is the cell to hide.
    const u = suppress(
      { ...t, additive: { rowGroups: [{ total: 0, parts: [2, 3], secondary: 'total' }] } },
      5,
      'da',
    );
    expect(u.rows.map((r) => r.cells[1])).toEqual([DOTS, count(8), LT5, count(6)]);
  });
});

describe('suppress as a function', () => {
  it('is pure and idempotent, and maps an array to an array', () => {
    const before = structuredClone(byUnit);
    const once = suppress(byUnit, 5, 'da');
    expect(byUnit).toEqual(before);
    expect(suppress(once, 5, 'da')).toEqual(once);
    const many = suppress([exits, byUnit], 5, 'da');
    expect(many).toHaveLength(2);
    expect(many[1]).toEqual(once);
  });
});

describe('cumulative columns (a weekly curve)', () => {
  // Week, then arm A (share, lower, upper), arm B (share, lower, upper), difference. The n of a
  // cell is the exits so far. Threshold 5, by hand:
  //   A: 0, 6, 8, 12, 30  → week 1 shown (none), 2 shown (6 ≥ 5), 3 hidden (+2), 4 shown (+6 since
  //      week 2), 5 shown (+18).
  //   B: 0, 2, 9, 10, 16  → week 2 hidden (primary: 2 < 5), 3 shown (+9 since week 1), 4 hidden
  //      (+1), 5 shown (+7 since week 3).
  const arm = (share: number, events: number): Cell[] => [
    num(share, 1, events),
    num(share - 1, 1, events),
    num(share + 1, 1, events),
  ];
  const weeks: [number, number, number, number][] = [
    [0, 0, 0, 0],
    [2.5, 6, 1, 2],
    [3.4, 8, 3.8, 9],
    [5, 12, 4.2, 10],
    [12.6, 30, 6.7, 16],
  ];
  const curve: Table = {
    ...table(
      weeks.map(([a, ea, b, eb], i) => ({
        cells: [num(i + 1, 0), ...arm(a, ea), ...arm(b, eb), num(a - b, 1, Math.min(ea, eb) || undefined)],
      })),
      undefined,
      8,
    ),
    cumulative: {
      sets: [
        [1, 2, 3],
        [4, 5, 6],
      ],
      derived: [7],
    },
  };
  const shown = (t: Table, col: number) =>
    t.rows.map((r) => (r.cells[col]!.t === 'suppressed' ? '..' : 'shown'));

  it('shows a week only when the exits since the last shown week are none or at least the threshold', () => {
    const out = suppress(curve, 5, 'da');
    expect(shown(out, 1)).toEqual(['shown', 'shown', '..', 'shown', 'shown']);
    expect(shown(out, 3)).toEqual(shown(out, 1));
    expect(shown(out, 4)).toEqual(['shown', '..', 'shown', '..', 'shown']);
    expect(shown(out, 6)).toEqual(shown(out, 4));
    // The difference needs both arms.
    expect(shown(out, 7)).toEqual(['shown', '..', '..', '..', 'shown']);
    expect(out.notes).toContain(
      'Uger, hvor der siden sidst viste uge er under 5 afgange, er vist som "..", så forskellen mellem to uger ikke afslører et lille tal.',
    );
  });

  it('changes nothing when every step is large enough', () => {
    const out = suppress(curve, 1, 'da');
    expect(out.rows.flatMap((r) => r.cells).some((c) => c.t === 'suppressed')).toBe(false);
    expect(out.notes).toEqual(curve.notes);
  });
});
