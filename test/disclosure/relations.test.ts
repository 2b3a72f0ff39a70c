/**
 * The relations the table builders declare (Table.additive and Table.links) must hold exactly on
 * real data, else suppression protects the wrong thing; and every link must name a count cell.
 */
import { describe, expect, it } from 'vitest';
import { countStoreExits } from '../../src/analyses/exits.js';
import { storeKeyFigures } from '../../src/analyses/keyfigures.js';
import type { FollowUpOptions } from '../../src/analyses/followup.js';
import { d } from '../helpers.js';
import { partitionStore } from '../../src/analyses/partition.js';
import { parsePeriod } from '../../src/base/period.js';
import { relationErrors } from '../../src/disclosure/relations.js';
import { suppress } from '../../src/disclosure/suppress.js';
import type { Table } from '../../src/model/table.js';
import { NONE } from '../../src/schema/course-store.js';
import { loadCourses, type Loaded } from '../../src/schema/load.js';
import { exitTables } from '../../src/tables/exits.js';
import { keyFigureTables, type KeyFigureColumn } from '../../src/tables/keyfigures.js';

const period = parsePeriod('2025H1');

/** The follow-up as before (the period's cohort), and lagged with every follow-up option on. */
const FOLLOW_UPS: Omit<FollowUpOptions, 'asOf'>[] = [
  { cohort: 'period', coveredFrom: null, consent: false, newCourse: false, byExitGroup: false },
  { cohort: 'lagged', coveredFrom: d('2024-09-01'), consent: false, newCourse: true, byExitGroup: true },
];

function keyfigures(data: Loaded, by: boolean, followUp = FOLLOW_UPS[0]!): Table[] {
  const opts = {
    period,
    asOf: period.to,
    asOfSource: 'periodEnd' as const,
    followUp,
    window: { n: 12, unit: 'm' as const },
    minGapDays: 0,
    vocab: data.vocab,
  };
  const cols: KeyFigureColumn[] = [];
  if (by)
    for (const [value, subset] of partitionStore(data.store, 'unit', data.vocab))
      cols.push({ label: value ?? 'Uoplyst', k: storeKeyFigures(data.store, opts, subset) });
  cols.push({ label: 'I alt', k: storeKeyFigures(data.store, opts, null) });
  return keyFigureTables(cols, { lang: 'da', ...opts, byLabel: by ? 'enhed' : undefined, source: 'test' });
}

function exits(data: Loaded, by: boolean, grouped: boolean): Table[] {
  const ended: number[] = [];
  for (let i = 0; i < data.store.length; i++) {
    const end = data.store.end[i]!;
    if (end !== NONE && end >= period.from && end <= period.to) ended.push(i);
  }
  const cols = [];
  if (by)
    for (const [value, subset] of partitionStore(data.store, 'unit', data.vocab, ended))
      cols.push({ label: value ?? 'Uoplyst', k: countStoreExits(data.store, subset, data.vocab) });
  cols.push({ label: 'I alt', k: countStoreExits(data.store, ended, data.vocab) });
  return exitTables(cols, { lang: 'da', grouped, vocab: data.vocab, periodText: '2025H1', source: 'test' });
}

describe.each(['fixtures/demo/demo-export.xlsx', 'fixtures/keyfigures/edges.csv'])('%s', (file) => {
  it.each([
    [false, 0],
    [true, 0],
    [false, 1],
    [true, 1],
  ])('keyfigures (by unit: %s, follow-up %i): every declared relation holds', async (by, f) => {
    const tables = keyfigures(await loadCourses(file), by, FOLLOW_UPS[f]);
    expect(tables.some((t) => (t.links?.length ?? 0) > 0)).toBe(true);
    expect(relationErrors(tables)).toEqual([]);
    // Every link names a count cell (suppress throws otherwise).
    expect(() => suppress(tables, 5, 'da')).not.toThrow();
  });

  it.each([
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ])('exits (by unit: %s, grouped: %s): every declared relation holds', async (by, grouped) => {
    const tables = exits(await loadCourses(file), by, grouped);
    expect(relationErrors(tables)).toEqual([]);
    expect(() => suppress(tables, 5, 'da')).not.toThrow();
  });
});
