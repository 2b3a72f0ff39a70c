/**
 * --by: do the effects differ between the subgroups? The interaction test of each outcome
 * (src/stats/interaction.ts) over the subgroups that can take part. A subgroup is left out, and
 * named with the reason, when its value is unknown (R's glm drops missing values too), when one
 * group has no rows in it (no effect to compare), or, for a yes/no outcome, when nobody or
 * everybody in it has the outcome (its effect cannot be estimated). A subgroup where one group has
 * 0 % or 100 % is kept (the likelihood-ratio test has a finite limit) and named as separated.
 * Definition: docs/definitions.md#compare.
 */
import {
  linearInteractionF,
  logisticInteractionLrt,
  type InteractionFailure,
  type InteractionTestResult,
} from '../../stats/interaction.js';
import type { ExcludedReason, InteractionResult, OutcomeResult, SubgroupResult } from './types.js';

export type { ExcludedReason, InteractionResult } from './types.js';

function exclusion(r: OutcomeResult, value: string | null): ExcludedReason | null {
  if (value === null) return 'unknown';
  if (r.arms.treatment.n === 0 || r.arms.control.n === 0) return 'empty-arm';
  if (r.kind === 'numeric') return null;
  const events = r.arms.treatment.successes + r.arms.control.successes;
  if (events === 0) return 'no-events';
  if (events === r.arms.treatment.n + r.arms.control.n) return 'all-events';
  return null;
}

/** The interaction test of outcome `i` over the subgroups. */
export function interactionOf(groups: readonly SubgroupResult[], i: number): InteractionResult {
  const included: SubgroupResult[] = [];
  const excluded: InteractionResult['excluded'] = [];
  for (const g of groups) {
    const reason = exclusion(g.outcomes[i]!, g.value);
    if (reason) excluded.push({ value: g.value, reason });
    else included.push(g);
  }
  const results = included.map((g) => g.outcomes[i]!);
  const n = results.reduce((s, r) => s + r.arms.treatment.n + r.arms.control.n, 0);
  const separated = included
    .filter((g) => {
      const r = g.outcomes[i]!;
      if (r.kind !== 'binary') return false;
      const { treatment: t, control: c } = r.arms;
      return t.successes === 0 || t.successes === t.n || c.successes === 0 || c.successes === c.n;
    })
    .map((g) => g.value);
  const kind = results[0]?.kind ?? groups[0]?.outcomes[i]?.kind ?? 'binary';
  let out: InteractionTestResult | InteractionFailure;
  if (kind === 'binary')
    out = logisticInteractionLrt(
      results.map((r) => {
        if (r.kind !== 'binary') throw new Error('mixed outcome kinds');
        const cell = (a: 'treatment' | 'control') => ({ n: r.arms[a].n, successes: r.arms[a].successes });
        return { treatment: cell('treatment'), control: cell('control') };
      }),
    );
  else
    out = linearInteractionF(
      results.map((r) => {
        if (r.kind !== 'numeric') throw new Error('mixed outcome kinds');
        const cell = (a: 'treatment' | 'control') => ({
          n: r.arms[a].n,
          mean: r.arms[a].mean!,
          sd: r.arms[a].sd,
        });
        return { treatment: cell('treatment'), control: cell('control') };
      }),
    );
  return {
    kind: kind === 'binary' ? 'lrt' : 'f',
    test: 'statistic' in out ? out : null,
    failure: 'statistic' in out ? null : out,
    included: included.map((g) => g.value),
    n,
    excluded,
    separated,
  };
}
