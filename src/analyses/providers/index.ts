/**
 * Providers (or units) side by side on a yes/no outcome: per provider the share with its Wilson
 * interval and its difference from all the other providers' courses (Newcombe's interval), and
 * on request the share adjusted for case mix by indirect standardisation (adjust.ts) and a
 * logistic regression (model.ts). Pure: the course store in, numbers out.
 *
 * Unit: one course. A person with courses at two providers counts once at each (a note says how
 * many persons). Rows without a provider value are left out and counted. With a period, the
 * courses are those that ended in it. Definitions: docs/definitions.md#providers.
 */
import { NONE, type CourseStore } from '../../schema/course-store.js';
import { newcombe, wilson } from '../../stats/benchmark.js';
import { canonicalValue, rowObserver } from '../compare/index.js';
import { levelsReader } from '../compare/subgroups.js';
import { readerOf } from '../compare/values.js';
import { matchKey } from '../../schema/normalize-text.js';
import { standardise } from './adjust.js';
import { compositionOf } from './composition.js';
import { fitModel } from './model.js';
import type {
  BinarySpec,
  OutcomeBenchmark,
  ProviderRow,
  ProvidersOptions,
  ProvidersResult,
  Selection,
} from './types.js';

export * from './types.js';
export { adjustName, adjustReader } from './strata.js';
export { SMALL_STRATUM } from './adjust.js';

export function selectCourses(store: CourseStore, o: ProvidersOptions): Selection {
  const { read } = levelsReader(store, o.by, o.vocab);
  const byProvider = new Map<string, number[]>();
  let noProvider = 0;
  for (let i = 0; i < store.length; i++) {
    if (o.period) {
      const end = store.end[i]!;
      if (end === NONE || end < o.period.from || end > o.period.to) continue;
    }
    const v = read(i);
    if (v === null) {
      noProvider++;
      continue;
    }
    let rows = byProvider.get(v);
    if (!rows) byProvider.set(v, (rows = []));
    rows.push(i);
  }
  const sorted = new Map([...byProvider].sort(([a], [b]) => a.localeCompare(b, 'da')));
  return { byProvider: sorted, noProvider };
}

/** Persons with courses at more than one provider. */
function personsInSeveral(store: CourseStore, sel: Selection): number {
  const first = new Int32Array(store.persons.count).fill(-1);
  const several = new Uint8Array(store.persons.count);
  let k = 0;
  for (const rows of sel.byProvider.values()) {
    for (const i of rows) {
      const p = store.person[i]!;
      if (first[p] === -1) first[p] = k;
      else if (first[p] !== k) several[p] = 1;
    }
    k++;
  }
  return several.reduce((s, v) => s + v, 0);
}

/** 1 (success), 0 (failure) or -1 (no observed outcome) per course of the store. */
export function outcomeCodes(
  store: CourseStore,
  spec: BinarySpec,
  o: ProvidersOptions,
): { y: Int8Array; censored: Uint8Array } {
  const observe = rowObserver(store, spec, o);
  const y = new Int8Array(store.length).fill(-1);
  const censored = new Uint8Array(store.length);
  for (let i = 0; i < store.length; i++) {
    const x = observe(i);
    if (x === 'success') y[i] = 1;
    else if (x === 'failure') y[i] = 0;
    else if (x === 'censored') censored[i] = 1;
  }
  return { y, censored };
}

function providerRow(value: string, rows: number[], y: Int8Array, censored: Uint8Array): ProviderRow {
  const r: ProviderRow = { value, n: 0, successes: 0, missing: 0, censored: 0, ci: null, vsOthers: null };
  for (const i of rows) {
    if (y[i]! >= 0) {
      r.n++;
      r.successes += y[i]!;
    } else if (censored[i]) r.censored++;
    else r.missing++;
  }
  return r;
}

function benchmark(
  store: CourseStore,
  sel: Selection,
  spec: BinarySpec,
  o: ProvidersOptions,
): OutcomeBenchmark {
  const { y, censored } = outcomeCodes(store, spec, o);
  const providers = [...sel.byProvider].map(([v, rows]) => providerRow(v, rows, y, censored));
  const total = providerRow('', [...sel.byProvider.values()].flat(), y, censored);
  total.ci = wilson(total.successes, total.n, o.confLevel);
  for (const r of providers) {
    r.ci = wilson(r.successes, r.n, o.confLevel);
    r.vsOthers = newcombe(r.successes, r.n, total.successes - r.successes, total.n - r.n, o.confLevel);
  }
  const result: OutcomeBenchmark = { spec, providers, total, unmatched: unmatchedValues(store, spec, o) };
  if (o.adjust.length > 0) result.standardisation = standardise(store, sel, y, o.adjust);
  if (o.model) result.model = fitModel(store, sel, y, o);
  return result;
}

/** Values of the outcome that no course has (a spelling mistake?). */
function unmatchedValues(store: CourseStore, spec: BinarySpec, o: ProvidersOptions): string[] {
  if (spec.ref.kind === 'field' && spec.ref.field === 'exitGroup') return [];
  const seen = new Set<string>();
  const read = readerOf(store, spec.ref);
  for (let i = 0; i < store.length; i++) {
    const v = read(i);
    if (v !== null) seen.add(matchKey(v));
  }
  return spec.values.filter((v) => !seen.has(matchKey(canonicalValue(spec.ref, v, o.vocab))));
}

/** The benchmark of every outcome over the selected courses. */
export function providers(store: CourseStore, o: ProvidersOptions): ProvidersResult {
  const sel = selectCourses(store, o);
  let courses = 0;
  for (const rows of sel.byProvider.values()) courses += rows.length;
  return {
    courses,
    noProvider: sel.noProvider,
    personsInSeveral: personsInSeveral(store, sel),
    outcomes: o.outcomes.map((spec) => benchmark(store, sel, spec, o)),
    composition: compositionOf(store, sel, o.vocab),
  };
}
