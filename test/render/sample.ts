/**
 * Hand-made tables for the renderer tests. The numbers are chosen so the expected output can be
 * checked by hand: 1.234 / 9.872 = 1/8 = 12,5 pct.; 25/80 = 31,25 → 31,3 (half away from zero).
 */
import { suppress } from '../../src/disclosure/suppress.js';
import {
  count,
  date,
  empty,
  labelCol,
  num,
  share,
  text,
  valueCol,
  type Row,
  type Table,
} from '../../src/model/table.js';
import { d } from '../helpers.js';

const reason = (label: string, n: number, of: number): Row => ({
  cells: [text(label), count(n), share(n, of)],
});

/** Exit reasons as rows, count and share, a total row. Total 9.872. */
export const exits: Table = {
  id: 'exits.reasons',
  title: 'Afsluttede forløb efter årsag',
  columns: [labelCol('Årsag'), valueCol('Antal'), valueCol('Pct.')],
  rows: [
    reason('Ordinært job', 1234, 9872), // 12,5
    reason('Uddannelse', 4936, 9872), // 50,0
    reason('Virksomhedspraktik', 3, 9872), // 0,0
    reason('Andet', 3699, 9872), // 37,469… → 37,5
    reason('Uoplyst', 0, 9872), // 0,0
    { cells: [text('I alt'), count(9872), share(9872, 9872)], style: 'total' },
  ],
  notes: ['Forløb afsluttet 1. januar–30. juni 2024.'],
  additive: { rows: true },
};

const unitRow = (label: string, a: number, b: number, style?: 'total'): Row => ({
  cells: [text(label), count(a), share(a, 80), count(b), share(b, 40), count(a + b), share(a + b, 120)],
  ...(style ? { style } : {}),
});

/** Side by side: two sub-programmes and a total column; counts add up both ways. */
export const byUnit: Table = {
  id: 'exits.byUnit',
  title: 'Afsluttede forløb efter årsag og tilbud',
  columns: [
    labelCol('Årsag'),
    valueCol('Individuel vejledning'),
    valueCol('Pct.'),
    valueCol('Afklaringsforløb'),
    valueCol('Pct.'),
    valueCol('I alt'),
    valueCol('Pct.'),
  ],
  rows: [
    unitRow('Job', 40, 2), // 50,0 | 5,0 | 35,0
    unitRow('Uddannelse', 25, 15), // 31,3 | 37,5 | 33,3
    unitRow('Praktik', 10, 0), // 12,5 | 0,0 | 8,3
    unitRow('Andet', 5, 23), // 6,3 | 57,5 | 23,3
    unitRow('I alt', 80, 40, 'total'),
  ],
  notes: [],
  additive: { rows: true, totalColumn: 5 },
};

/** Durations: num cells with n, dates, a missing value, text that must be escaped or neutralised. */
export const durations: Table = {
  id: 'keyfigures.durations',
  title: 'Varighed af afsluttede forløb',
  columns: [
    labelCol('Værksted'),
    valueCol('Forløb'),
    valueCol('Gns. varighed, dage'),
    valueCol('Median, dage'),
    valueCol('Seneste slutdato'),
  ],
  rows: [
    { cells: [text('Maler'), count(12), num(45.25, 1, 12), num(40.5, 1, 12), date(d('2024-03-15'))] },
    {
      cells: [
        text('Park & vej | <ude>'),
        count(3),
        num(1234.56, 1, 3),
        num(1234, 1, 3),
        date(d('2024-06-30')),
      ],
    },
    { cells: [text('=SUM(A1:A2)'), count(0), num(null, 1, 0), num(null, 1, 0), date(null)] },
    { cells: [text('Skoler *og* dagtilbud'), count(1234), num(10.05, 1, 1234), num(-2.5, 0), empty] },
  ],
  notes: ['Varighed = slutdato − startdato + 1 dag.', 'Gns. = gennemsnit; "<b>" er ikke HTML.'],
};

/** Key figures: a table whose header labels are all empty. */
export const keyFigures: Table = {
  id: 'keyfigures.summary',
  title: 'Nøgletal',
  columns: [labelCol(''), valueCol('')],
  rows: [
    { cells: [text('Personer i perioden'), count(1234567)] },
    { cells: [text('Median varighed, dage'), num(88.5, 1)] },
    { cells: [text('Periodens slutdato'), date(d('2024-06-30'))] },
  ],
  notes: [],
};

export const sampleTables: Table[] = [exits, byUnit, durations, keyFigures];

/** What the golden files show: the side-by-side table suppressed with N = 5, the others as they are. */
export const goldenTables: Table[] = [exits, suppress(byUnit, 5, 'da'), durations, keyFigures];
