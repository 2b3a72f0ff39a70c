/**
 * --yoy: the same benchmark for the period and for the same period a year earlier, so a change in
 * a provider's share (and in who it receives) shows side by side. The change has Newcombe's
 * interval, the two periods' courses taken as independent.
 */
import { addMonths, danishOf } from '../../base/dates.js';
import type { Period } from '../../base/period.js';
import type { CourseStore } from '../../schema/course-store.js';
import { newcombe } from '../../stats/benchmark.js';
import { providers } from './index.js';
import type { ProvidersOptions, ProvidersResult } from './types.js';

/** The period a year before: the same months, the label's year one less ("2025H1" → "2024H1"). */
export function yearBefore(p: Period): Period {
  const from = addMonths(p.from, -12);
  // The last day: the day before (to + 1 day) − 12 months, so 29 February → 28 February.
  const to = addMonths(p.to + 1, -12) - 1;
  const m = /^(\d{4})((?:H[12]|Q[1-4]|-\d{2})?)$/.exec(p.label);
  const label = m ? `${Number(m[1]) - 1}${m[2]}` : `${danishOf(from)}–${danishOf(to)}`;
  return { from, to, label, source: p.source };
}

export interface YoyRow {
  value: string;
  before: { n: number; successes: number } | null;
  now: { n: number; successes: number } | null;
  /** Share now − share before, with Newcombe's interval; null unless both periods have courses. */
  change: { difference: number; ci: [number, number] } | null;
}

export interface YoyOutcome {
  rows: YoyRow[];
  total: YoyRow;
}

export interface ProvidersYoy {
  before: Period;
  now: Period;
  outcomes: YoyOutcome[];
}

function row(
  value: string,
  a: { n: number; successes: number } | undefined,
  b: { n: number; successes: number } | undefined,
  confLevel: number,
): YoyRow {
  const pick = (r: typeof a) => (r ? { n: r.n, successes: r.successes } : null);
  const before = pick(a);
  const now = pick(b);
  const change =
    before && now && before.n > 0 && now.n > 0
      ? newcombe(now.successes, now.n, before.successes, before.n, confLevel)
      : null;
  return { value, before, now, change };
}

/** The benchmark of the period and of the year before, provider by provider (either period may lack one). */
export function providersYoy(
  store: CourseStore,
  o: ProvidersOptions & { period: Period },
): { yoy: ProvidersYoy; now: ProvidersResult; before: ProvidersResult } {
  const beforePeriod = yearBefore(o.period);
  const now = providers(store, { ...o, adjust: [], model: false });
  const before = providers(store, { ...o, period: beforePeriod, adjust: [], model: false });
  const outcomes = now.outcomes.map((b, k): YoyOutcome => {
    const a = before.outcomes[k]!;
    const names = [...new Set([...a.providers, ...b.providers].map((p) => p.value))].sort((x, y) =>
      x.localeCompare(y, 'da'),
    );
    const of = (list: typeof a.providers, v: string) => list.find((p) => p.value === v);
    return {
      rows: names.map((v) => row(v, of(a.providers, v), of(b.providers, v), o.confLevel)),
      total: row('', a.total, b.total, o.confLevel),
    };
  });
  return { yoy: { before: beforePeriod, now: o.period, outcomes }, now, before };
}
