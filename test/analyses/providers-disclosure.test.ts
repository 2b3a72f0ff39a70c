/**
 * Small-cell suppression of the provider tables by declarations alone (issue #12): the build does
 * not suppress; the shares, adjusted, model and yoy tables declare which figures are computed from
 * which counts, and the one suppress() over all tables hides them together.
 *
 * Hand-made data, threshold 5, 2025 (and 2024 for --yoy): A 40 courses (20 to job), B 30 (15),
 * C 20 (2). C's 2 is below 5; the successes column adds up to the total (37), so one more cell of
 * it must go: the smallest shown, B's 15. B's 30 courses stay shown, and B's smallest count behind
 * its figures is 15, so no figure of B is small in itself: only the declarations hide them.
 */
import { describe, expect, it } from 'vitest';
import { providers } from '../../src/analyses/providers/index.js';
import type { ProvidersOptions } from '../../src/analyses/providers/types.js';
import { providersYoy } from '../../src/analyses/providers/yoy.js';
import { parsePeriod } from '../../src/base/period.js';
import { suppress } from '../../src/disclosure/suppress.js';
import type { Table } from '../../src/model/table.js';
import { buildVocabSet, DEFAULT_VOCABULARIES } from '../../src/schema/vocab.js';
import { providersTables, tableId, yoyLinked, yoyTable } from '../../src/tables/providers/index.js';
import { course, d, storeOf } from '../helpers.js';

const vocab = buildVocabSet(DEFAULT_VOCABULARIES);
const GROUPS = ['Jobparat kontanthjælpsmodtager', 'Aktivitetsparat kontanthjælpsmodtager'];

let id = 0;
/** `n` courses of a unit ended in `year`, the first `jobs` of them to a job. */
function courses(unit: string, year: number, n: number, jobs: number) {
  return Array.from({ length: n }, (_, i) => {
    id++;
    return course(String(id), `p${id}`, `${year}-02-01`, `${year}-03-01`, {
      unit,
      exitReason: i < jobs ? 'Ordinært job' : 'Sygdom',
      targetGroup: GROUPS[i % 2]!,
    });
  });
}

const store = storeOf([
  ...courses('A', 2025, 40, 20),
  ...courses('B', 2025, 30, 15),
  ...courses('C', 2025, 20, 2),
  ...courses('A', 2024, 10, 5),
  ...courses('B', 2024, 10, 5),
  ...courses('C', 2024, 10, 5),
]);

const options: ProvidersOptions = {
  by: [{ kind: 'field', field: 'unit' }],
  outcomes: [
    { kind: 'binary', text: 'exitGroup=job', ref: { kind: 'field', field: 'exitGroup' }, values: ['job'] },
  ],
  vocab,
  asOf: d('2026-01-01'),
  adjust: [{ kind: 'field', field: 'targetGroup' }],
  model: true,
  confLevel: 0.95,
  period: parsePeriod('2025'),
};

const o = {
  lang: 'da' as const,
  vocab,
  byLabel: 'Enhed',
  valueLabel: (v: string) => v,
  periodText: '2025',
  source: 'test',
  threshold: 5,
};

function published(): Table[] {
  const res = providers(store, options);
  const tables = providersTables(res, { target: 0.6, adjust: options.adjust }, o);
  const { yoy, before, now } = providersYoy(store, { ...options, period: options.period! });
  const y = yoyTable(before.outcomes[0]!, yoy, 0, o, tableId('yoy', 0));
  tables.push(yoyLinked(y, tableId('shares', 0), now.outcomes[0]!.providers, o.threshold));
  return suppress(tables, 5, 'da');
}

const byId = (ts: Table[], tid: string) => ts.find((t) => t.id === tid)!;
const row = (t: Table, name: string) =>
  t.rows.find((r) => r.cells[0]!.t === 'text' && r.cells[0]!.v === name)!;
const shownAt = (t: Table, name: string, cols: number[]) =>
  cols.filter((j) => row(t, name).cells[j]!.t !== 'suppressed');

describe('provider tables, suppressed once by their declarations', () => {
  const ts = published();
  const [shares, adjusted, model, yoy] = ['shares', 'adjusted', 'model', 'yoy'].map((k) =>
    byId(ts, tableId(k, 0)),
  ) as [Table, Table, Table, Table];

  it('hides the small count and one more in its column, and keeps the courses shown', () => {
    expect(row(shares, 'C').cells.slice(1, 3)).toEqual([
      { t: 'count', v: 20 },
      { t: 'suppressed', shown: '<5' },
    ]);
    expect(row(shares, 'B').cells.slice(1, 3)).toEqual([
      { t: 'count', v: 30 },
      { t: 'suppressed', shown: '..' },
    ]);
    expect(row(shares, 'A').cells[2]).toEqual({ t: 'count', v: 20 });
  });

  it('hides every figure computed from a hidden count, in every table', () => {
    for (const p of ['B', 'C']) {
      // Shares: share, both intervals, the difference and its interval, "under mål".
      expect(shownAt(shares, p, [3, 4, 5, 6, 7, 8, 9])).toEqual([]);
      // Adjusted: O (the same count as in shares), E, O − E, O/E and its interval, expected share.
      expect(shownAt(adjusted, p, [2, 3, 4, 5, 6, 7, 8])).toEqual([]);
      // Model: odds ratio, its interval, p-value, marginal effect and its interval.
      expect(shownAt(model, p, [2, 3, 4, 5, 6, 7])).toEqual([]);
      // Yoy: the 2025 share (the shares table's count over its courses), the change and its interval.
      expect(shownAt(yoy, p, [4, 5, 6, 7])).toEqual([]);
    }
  });

  it('shows what rests on shown counts only', () => {
    // B's courses and its 2024 share (5 of 10) are shown; A's figures are all shown.
    expect(row(adjusted, 'B').cells[1]).toEqual({ t: 'count', v: 30 });
    expect(row(model, 'B').cells[1]).toEqual({ t: 'count', v: 30 });
    expect(row(yoy, 'B').cells.slice(1, 4)).toEqual([
      { t: 'count', v: 10 },
      { t: 'share', count: 5, of: 10 },
      { t: 'count', v: 30 },
    ]);
    expect(shownAt(shares, 'A', [1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(shownAt(adjusted, 'A', [1, 2, 3, 4, 5, 6, 7, 8])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(row(model, 'A').cells[2]).toEqual({ t: 'text', v: 'reference' });
  });
});
