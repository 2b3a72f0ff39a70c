/**
 * Flow (borgerflow) on fixtures/flow/flow.csv, every figure worked by hand below, plus the
 * identity start + inflow − outflow = end (and the chain from one step to the next) on random
 * courses, and the relations the table declares for suppression.
 *
 *  id  person start       end          what it exercises
 *  c01 P1  01-12-2024  15-01-2025   in the stock on 1 Jan, ends in Jan ...
 *  c02 P1  16-01-2025  31-03-2025   ... and P1 changes course: no person flow in Jan
 *  c03 P2  10-02-2025  20-02-2025   comes and goes in Feb
 *  c04 P3  01-01-2025  -            starts on a step's first day: inflow, not stock at start
 *  c05 P4  01-11-2024  31-01-2025   ends on a step's last day: outflow, not stock at end
 *  c06 P5  01-10-2024  -            ongoing through the period
 *  c07 P5  01-02-2025  28-02-2025   a second course at once: no person flow
 *  c08 P6  01-03-2025  31-03-2025   comes and goes in Mar ...
 *  c09 P6  01-04-2025  -            ... and returns the day after (in Q2)
 *  c10 P7  01-06-2024  31-12-2024   ended before the period: nowhere
 *  c11 P8  01-04-2025  30-04-2025   after Q1 (newest date)
 *  c12 -   15-02-2025  -            no person: a course, never a person
 *  c13 P2  10-03-2025  -            P2 comes back in Mar: two inflows in the quarter's months
 *
 * Courses, month by month (start | in | out | end | active):
 *  Jan: stock c01 c05 c06 = 3 | c02 c04 = 2 | c01 c05 = 2 | c02 c04 c06 = 3 | 5
 *  Feb: c02 c04 c06 = 3 | c03 c07 c12 = 3 | c03 c07 = 2 | c02 c04 c06 c12 = 4 | 6
 *  Mar: c02 c04 c06 c12 = 4 | c08 c13 = 2 | c02 c08 = 2 | c04 c06 c12 c13 = 4 | 6
 *  Q1:  c01 c05 c06 = 3 | 7 | 6 | 4 | 10 (the flows are the months' sums)
 * Persons (P1 … P6; c12 left out):
 *  Jan: P1 P4 P5 = 3 | P3 = 1 | P4 = 1 | P1 P3 P5 = 3 | 4
 *  Feb: P1 P3 P5 = 3 | P2 = 1 | P2 = 1 | P1 P3 P5 = 3 | 4
 *  Mar: P1 P3 P5 = 3 | P2 P6 = 2 | P1 P6 = 2 | P2 P3 P5 = 3 | 5
 *  Q1:  P1 P4 P5 = 3 | P2 P3 P6 = 3 | P1 P4 P6 = 3 | P2 P3 P5 = 3 | 6 (P2 came in twice: not 4)
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flow, type FlowFigures } from '../../src/analyses/flow.js';
import { parsePeriod } from '../../src/base/period.js';
import { columnsBetween, slotOf } from '../../src/base/steps.js';
import { relationErrors } from '../../src/disclosure/relations.js';
import { suppress } from '../../src/disclosure/suppress.js';
import { loadCourses } from '../../src/schema/load.js';
import { flowTable } from '../../src/tables/flow.js';
import { course, d, storeOf } from '../helpers.js';

const FILE = resolve('fixtures/flow/flow.csv');
const months = (p: string) => {
  const { from, to } = parsePeriod(p);
  return columnsBetween(slotOf(from, 'month'), slotOf(to, 'month'), 'month');
};
const row = (start: number, inflow: number, outflow: number, end: number, active: number): FlowFigures => ({
  startStock: start,
  inflow,
  outflow,
  endStock: end,
  active,
});

describe('flow', () => {
  it('counts courses: stock at start, inflow, outflow, stock at end per month', async () => {
    const data = await loadCourses(FILE);
    const r = flow(data.store, months('2025Q1'), 'courses');
    expect(r.steps).toEqual([row(3, 2, 2, 3, 5), row(3, 3, 2, 4, 6), row(4, 2, 2, 4, 6)]);
    expect(r.whole).toEqual(row(3, 7, 6, 4, 10));
  });

  it('counts persons: a change of course, two courses at once are no flow; no-person courses left out', async () => {
    const data = await loadCourses(FILE);
    const r = flow(data.store, months('2025Q1'), 'persons');
    expect(r.steps).toEqual([row(3, 1, 1, 3, 4), row(3, 1, 1, 3, 4), row(3, 2, 2, 3, 5)]);
    expect(r.whole).toEqual(row(3, 3, 3, 3, 6));
    expect(r.anonymous).toBe(1);
  });

  it('holds start + in − out = end, end = next start, active = start + in, on random courses', () => {
    // A small linear congruential generator: the same courses every run.
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const base = d('2024-01-01');
    const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
    const courses = Array.from({ length: 400 }, (_x, i) => {
      const s = base + rnd(700);
      const e = rnd(5) === 0 ? null : s + rnd(200);
      return course(`c${i}`, `P${rnd(120)}`, iso(s), e === null ? null : iso(e));
    });
    const steps = months('2024').concat(months('2025'));
    for (const count of ['persons', 'courses'] as const) {
      const r = flow(storeOf(courses), steps, count);
      r.steps.forEach((f, i) => {
        expect(f.startStock + f.inflow - f.outflow).toBe(f.endStock);
        expect(f.startStock + f.inflow).toBe(f.active);
        if (i > 0) expect(f.startStock).toBe(r.steps[i - 1]!.endStock);
      });
      expect(r.whole.startStock + r.whole.inflow - r.whole.outflow).toBe(r.whole.endStock);
      expect(r.whole.endStock).toBe(r.steps.at(-1)!.endStock);
      if (count === 'courses') expect(r.whole.inflow).toBe(r.steps.reduce((a, f) => a + f.inflow, 0));
    }
  });

  it('declares relations that hold, and suppression leaves no hidden count to work out', async () => {
    const data = await loadCourses(FILE);
    for (const count of ['persons', 'courses'] as const) {
      const steps = months('2025Q1');
      const table = flowTable(flow(data.store, steps, count), {
        lang: 'da',
        step: 'month',
        steps,
        period: parsePeriod('2025Q1'),
        source: 'flow.csv',
      });
      expect(relationErrors([table])).toEqual([]);
      // Threshold 3: the 1s and 2s are hidden; each relation then has at least two hidden cells.
      const shown = suppress(table, 3, 'da');
      const hidden = shown.rows.map((r) => r.cells.map((c) => c.t === 'suppressed'));
      for (const link of table.links!) {
        const cells = [link.total, ...link.parts].map((c) => hidden[c.row]![c.col]!);
        expect(cells.filter(Boolean).length).not.toBe(1);
      }
    }
  });
});
