/**
 * What the command line asks for → the options of a provider benchmark, checked against the
 * file: the provider field or column (as compare's --by), the outcomes (compare's --outcome
 * syntax, yes/no outcomes only), the adjustment fields, the target and the period. Pure: throws a
 * usage error that says how to fix the command line.
 */
import { resolveOptionalPeriod, type PeriodFlags } from '../../base/period.js';
import { usageError } from '../../errors.js';
import { fieldsWithRole } from '../../model/fields.js';
import { matchKey } from '../../schema/normalize-text.js';
import {
  asOfOf,
  exitGroupKeys,
  isByAlias,
  parseHorizon,
  parseOutcome,
  resolveName,
  subgroupRef,
  type CompareData,
} from '../compare/index.js';
import type { SubgroupRef } from '../compare/types.js';
import { parseBy } from '../partition.js';
import type { AdjustRef, BinarySpec, ProvidersOptions } from './types.js';

export interface ProvidersRequest extends PeriodFlags {
  /** --by: one or two levels (`--by Leverandør,programme`: each combination is a provider). */
  by: string | string[];
  outcome?: string[];
  within?: string;
  adjust?: string;
  model?: string;
  reference?: string;
  target?: string;
}

/** The derived start half-year, by its names; every other adjustment field is named as for --by. */
const START_HALF = new Set(['starthalf', 'starthalvaar']);

const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** --by's levels: a string as given ("Leverandør,programme") or as parsed by parseBy. */
const levelsOf = (by: string | string[]): string[] => (Array.isArray(by) ? by : parseBy(by));

/** Columns named on the command line that are not canonical fields: kept by header when the file is read. */
export function providersKeptColumns(r: ProvidersRequest): string[] {
  return [
    ...(r.outcome ?? []).map((s) => parseOutcome(s).name),
    ...levelsOf(r.by).filter((b) => !isByAlias(b)),
    ...list(r.adjust).filter((a) => !START_HALF.has(matchKey(a)) && !isByAlias(a)),
  ];
}

/** --target 30%, 30 or 0.3 → 0.3. */
export function parseTarget(v: string): number {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*$/.exec(v);
  const x = m ? Number(m[1]!.replace(',', '.')) : NaN;
  const p = m && (m[2] === '%' || x > 1) ? x / 100 : x;
  if (!(p >= 0 && p <= 1))
    throw usageError(`--target ${v}: give the target share as a percentage, e.g. 30% (0–100 %)`);
  return p;
}

function outcomesOf(r: ProvidersRequest, data: CompareData): BinarySpec[] {
  if (!r.outcome || r.outcome.length === 0)
    throw usageError(
      'give the outcome with --outcome, e.g. --outcome followUp3=job,education or --outcome exitGroup=job',
    );
  const within = r.within === undefined ? undefined : parseHorizon(r.within);
  if (r.within !== undefined && !within)
    throw usageError(`--within ${r.within}: use a span such as 12m (months), 26w (weeks) or 90d (days)`);
  return r.outcome.map((s) => {
    const p = parseOutcome(s);
    const ref = resolveName(p.name, data.headers, data.mapping);
    if (typeof ref === 'string') throw usageError(`--outcome "${p.text}": ${ref}`);
    const exit = ref.kind === 'field' && (ref.field === 'exitGroup' || ref.field === 'exitReason');
    const w = p.within ?? (exit ? within : undefined);
    if (w && !exit)
      throw usageError(`--outcome "${p.text}": "within" applies to exit outcomes (exitGroup, exitReason)`);
    if (ref.kind === 'field' && ref.field === 'exitGroup')
      exitGroupKeys(p.values, data.vocab, `--outcome "${p.text}"`);
    return { kind: 'binary', text: p.text, ref, values: p.values, ...(w ? { within: w } : {}) };
  });
}

function adjustOf(r: ProvidersRequest, data: CompareData): AdjustRef[] {
  const seen = new Set<string>();
  return list(r.adjust).map((a): AdjustRef => {
    const k = matchKey(a);
    if (seen.has(k)) throw usageError(`--adjust ${r.adjust}: ${a} is named twice`);
    seen.add(k);
    if (START_HALF.has(k)) return { kind: 'field', field: 'startHalf' };
    try {
      return subgroupRef(a, data.headers, data.mapping);
    } catch {
      throw usageError(
        `--adjust ${a}: neither a field (${fieldsWithRole('by').join(', ')}, ageBand, startHalf) nor a column of the file`,
      );
    }
  });
}

const sameRef = (a: AdjustRef, b: SubgroupRef): boolean =>
  a.kind === 'field'
    ? b.kind === 'field' && a.field === b.field
    : b.kind === 'column' && matchKey(a.name) === matchKey(b.name);

/** The options of the benchmark asked for; `source` names the file in messages. */
export function resolveProviders(r: ProvidersRequest, data: CompareData): ProvidersOptions {
  if (data.unit !== 'course')
    throw usageError('providers compares courses: the file needs start and end date columns');
  const by = levelsOf(r.by).map((b) => subgroupRef(b, data.headers, data.mapping));
  if (r.model !== undefined && r.model !== 'logit')
    throw usageError(`--model ${r.model}: the model jobfx fits is "logit" (logistic regression)`);
  const adjust = adjustOf(r, data);
  // A level of --by in --adjust: with two levels the combination is the provider, so the model's
  // provider factor determines that field (the fit has no solution); standardisation is fine.
  const twice =
    by.length > 1 && r.model !== undefined ? adjust.find((a) => by.some((b) => sameRef(a, b))) : undefined;
  if (twice)
    throw usageError(
      `--adjust ${r.adjust}: ${twice.kind === 'field' ? twice.field : twice.name} is also a level of --by ${levelsOf(r.by).join(',')}; with --model logit the combination determines it: leave it out of --adjust, or compare with --by ${levelsOf(r.by)[0]} --adjust ${r.adjust}`,
    );
  if (r.reference !== undefined && r.model === undefined)
    throw usageError('--reference names the reference provider of --model logit: add --model logit');
  const period = resolveOptionalPeriod(r);
  return {
    by,
    outcomes: outcomesOf(r, data),
    vocab: data.vocab,
    asOf: asOfOf(undefined, data.store),
    ...(period ? { period } : {}),
    adjust,
    model: r.model === 'logit',
    ...(r.reference !== undefined ? { reference: r.reference } : {}),
    ...(r.target !== undefined ? { target: parseTarget(r.target) } : {}),
    confLevel: 0.95,
  };
}
