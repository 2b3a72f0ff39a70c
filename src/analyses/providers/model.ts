/**
 * --model logit: a logistic regression of the outcome on the adjustment fields (each a factor,
 * its most common value the reference level) and the provider (reference: --reference, else the
 * provider with most courses). Per provider the odds ratio against the reference with a Wald
 * interval, and the average marginal effect: the mean over all courses of the predicted share at
 * this provider minus that at the reference, with a delta-method interval.
 * Definitions: docs/definitions.md#providers-model.
 */
import type { CourseStore } from '../../schema/course-store.js';
import { matchKey } from '../../schema/normalize-text.js';
import { qnorm } from '../../stats/distributions.js';
import { logisticRegression, wald, type LogisticFailure } from '../../stats/logistic.js';
import type { Selection } from './types.js';
import { adjustName, adjustReader } from './strata.js';
import type { ModelResult, ModelRow, ProvidersOptions } from './types.js';

interface Factor {
  name: string;
  /** Levels with a column (all but the reference), in order. */
  levels: string[];
  reference: string;
  valueOf: (i: number) => string;
}

/** The levels of a factor over the rows, most common first (ties alphabetical). */
function levelsOf(rows: number[], valueOf: (i: number) => string): string[] {
  const counts = new Map<string, number>();
  for (const i of rows) counts.set(valueOf(i), (counts.get(valueOf(i)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'da')).map(([v]) => v);
}

function referenceProvider(sel: Selection, rows: number[], o: ProvidersOptions): string | string[] {
  const names = [...sel.byProvider.keys()];
  if (o.reference !== undefined) {
    const hit = names.find((v) => matchKey(v) === matchKey(o.reference!));
    return hit ?? names;
  }
  const inRows = new Set(rows);
  let best = names[0]!;
  let most = -1;
  for (const [v, r] of sel.byProvider) {
    const n = r.filter((i) => inRows.has(i)).length;
    if (n > most) [best, most] = [v, n];
  }
  return best;
}

function failureText(f: LogisticFailure, columns: string[]): string {
  switch (f.reason) {
    case 'separation':
      return f.column === 0
        ? `every course has the same outcome (${f.all === 1 ? 'all yes' : 'all no'}): there is nothing to model`
        : `every course with ${columns[f.column]} has the outcome ${f.all === 1 ? '"yes"' : '"no"'} (separation): the odds ratio is infinite. Leave that field out of --adjust, or drop --model`;
    case 'singular':
      return `${columns[f.column]} is determined by the other columns of the model (e.g. an adjustment field that is the provider itself): leave it out of --adjust`;
    case 'not-converged':
      return `the fit did not converge in ${f.iterations} iterations (often near-separation: a provider or stratum where almost every course has the same outcome)`;
    case 'fitted-0-or-1':
      return 'fitted probabilities of 0 or 1 occurred (near-separation): the intervals would be meaningless';
  }
}

/**
 * Providers whose courses (with an observed outcome) all have the same outcome: their odds ratio
 * is 0 or infinite (separation), so they are left out of the model, and the table says so.
 */
function singleOutcome(sel: Selection, y: Int8Array): Set<string> {
  const out = new Set<string>();
  for (const [v, rows] of sel.byProvider) {
    let n = 0;
    let s = 0;
    for (const i of rows)
      if (y[i]! >= 0) {
        n++;
        s += y[i]!;
      }
    if (n > 0 && (s === 0 || s === n)) out.add(v);
  }
  return out;
}

export function fitModel(store: CourseStore, sel: Selection, y: Int8Array, o: ProvidersOptions): ModelResult {
  const providerOf = new Map<number, string>();
  for (const [v, r] of sel.byProvider) for (const i of r) providerOf.set(i, v);
  const excluded = singleOutcome(sel, y);
  const rows = [...sel.byProvider.values()]
    .flat()
    .filter((i) => y[i]! >= 0 && !excluded.has(providerOf.get(i)!));
  rows.sort((a, b) => a - b);
  const ref = referenceProvider(sel, rows, o);
  if (Array.isArray(ref))
    return {
      ok: false,
      reference: o.reference ?? '',
      message: `--reference ${o.reference}: no such provider (providers: ${ref.map((v) => `"${v}"`).join(', ')})`,
    };
  const factors: Factor[] = o.adjust.map((a) => {
    const valueOf = adjustReader(store, a);
    const [reference, ...levels] = levelsOf(rows, valueOf);
    return { name: adjustName(a), levels, reference: reference!, valueOf };
  });
  const providerLevels = [...sel.byProvider.keys()].filter(
    (v) => v !== ref && rows.some((i) => providerOf.get(i) === v),
  );
  const columns = ['(intercept)', ...factors.flatMap((f) => f.levels.map((l) => `${f.name}=${l}`))];
  const firstProvider = columns.length;
  columns.push(...providerLevels.map((v) => `provider=${v}`));
  const x = rows.map((i) => {
    const row = new Float64Array(columns.length);
    row[0] = 1;
    let j = 1;
    for (const f of factors) {
      const at = f.levels.indexOf(f.valueOf(i));
      if (at >= 0) row[j + at] = 1;
      j += f.levels.length;
    }
    const at = providerLevels.indexOf(providerOf.get(i)!);
    if (at >= 0) row[firstProvider + at] = 1;
    return row;
  });
  const yy = Uint8Array.from(rows, (i) => y[i]!);
  const fit = logisticRegression(x, yy);
  if (!fit.ok) return { ok: false, reference: ref, message: failureText(fit, columns) };
  const z = qnorm((1 + o.confLevel) / 2);
  // Courses with an observed outcome, also of a provider left out of the model.
  const nOf = (v: string) => sel.byProvider.get(v)!.filter((i) => y[i]! >= 0).length;
  const out: ModelRow[] = [...sel.byProvider.keys()].map((v) => {
    const k = providerLevels.indexOf(v);
    if (k < 0)
      return {
        value: v,
        n: nOf(v),
        reference: v === ref,
        excluded: excluded.has(v),
        oddsRatio: null,
        ci: null,
        pValue: null,
        ame: null,
        ameCi: null,
      };
    const j = firstProvider + k;
    const w = wald(fit.coef[j]!, fit.se[j]!, o.confLevel);
    const m = marginalEffect(x, fit.coef, fit.vcov, firstProvider, j);
    return {
      value: v,
      n: nOf(v),
      reference: false,
      excluded: false,
      oddsRatio: Math.exp(fit.coef[j]!),
      ci: [Math.exp(w.ci[0]), Math.exp(w.ci[1])],
      pValue: w.pValue,
      ame: m.ame,
      ameCi: [m.ame - z * m.se, m.ame + z * m.se],
    };
  });
  return {
    ok: true,
    reference: ref,
    rows: out,
    n: rows.length,
    parameters: columns.length,
    iterations: fit.iterations,
    deviance: fit.deviance,
  };
}

/**
 * Average marginal effect of provider column j against the reference: the mean over all rows of
 * σ(x⁽ʲ⁾β) − σ(x⁽⁰⁾β), where x⁽ʲ⁾ is the row with its provider set to j and x⁽⁰⁾ to the reference;
 * its variance by the delta method, gᵀVg with g the mean of σ'(x⁽ʲ⁾β)x⁽ʲ⁾ − σ'(x⁽⁰⁾β)x⁽⁰⁾.
 */
function marginalEffect(
  x: Float64Array[],
  coef: number[],
  vcov: number[][],
  firstProvider: number,
  j: number,
): { ame: number; se: number } {
  const p = coef.length;
  const g = new Array<number>(p).fill(0);
  let ame = 0;
  for (const row of x) {
    let base = 0;
    for (let a = 0; a < firstProvider; a++) base += row[a]! * coef[a]!;
    const p0 = 1 / (1 + Math.exp(-base));
    const p1 = 1 / (1 + Math.exp(-(base + coef[j]!)));
    ame += p1 - p0;
    const d0 = p0 * (1 - p0);
    const d1 = p1 * (1 - p1);
    for (let a = 0; a < firstProvider; a++) g[a]! += (d1 - d0) * row[a]!;
    g[j]! += d1;
  }
  const n = x.length;
  let v = 0;
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) v += (g[a]! / n) * vcov[a]![b]! * (g[b]! / n);
  return { ame: ame / n, se: Math.sqrt(v) };
}
