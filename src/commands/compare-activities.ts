/**
 * compare --activities: treatment intensity from an activity file (conversations per
 * person-week against --target-share, weeks in a work placement), its loading and its tables
 * (docs/definitions.md#treatment-intensity).
 */
import type { Command } from 'commander';
import { splitArms } from '../analyses/compare/arms.js';
import { intensity } from '../analyses/compare/intensity.js';
import type { JoinedPanel } from '../analyses/compare/panel-join.js';
import type { CompareOptions } from '../analyses/compare/types.js';
import { usageError } from '../errors.js';
import { protectInput } from '../io/output-guard.js';
import type { Table } from '../model/table.js';
import type { LoadOptions } from '../schema/load.js';
import { loadActivities, type Activities } from '../schema/panel/activities.js';
import { conversationTable, placementTable } from '../tables/compare/intensity.js';
import type { PanelTableOptions } from '../tables/compare/panel.js';
import type { WithPanel } from './compare-panel.js';
import type { messages } from './spec.js';
import { reasonsText } from '../schema/normalise/ledger.js';

export interface ActivityFlags {
  activities?: string;
  targetShare: number;
}

export type WithActivities = WithPanel & { activities?: Activities };

/** 80%, 80 or 0.8 → 0.8. */
export function shareArg(v: string): number {
  const m = /^(\d+(?:[.,]\d+)?)\s*%?$/.exec(v.trim());
  const x = m ? Number(m[1]!.replace(',', '.')) : NaN;
  const share = v.includes('%') || x > 1 ? x / 100 : x;
  if (!(share > 0 && share <= 1))
    throw usageError(`--target-share ${v}: expected a share such as 80% (or 0.8)`);
  return share;
}

export function addActivityOptions(cmd: Command): Command {
  return cmd
    .option(
      '--activities <file>',
      'an activity file (Borger-id/CPR, Dato, optionally Slutdato, Aktivitet: Samtale, Virksomhedspraktik ...): treatment intensity',
    )
    .option(
      '--target-share <share>',
      'with --activities: the target share of weeks with a conversation',
      shareArg,
      0.8,
    );
}

export async function attachActivities(
  data: WithPanel,
  flags: ActivityFlags,
  opts: LoadOptions,
): Promise<WithActivities> {
  if (flags.activities === undefined) return data;
  protectInput(flags.activities, 'the activity file');
  const activities = await loadActivities(flags.activities, opts, data.pseudonymise);
  return {
    ...data,
    activities,
    also: [...(data.also ?? []), { file: flags.activities, ledger: activities.ledger }],
  };
}

export function buildActivities(
  data: WithActivities & { activities: Activities },
  options: CompareOptions,
  panel: JoinedPanel | null,
  targetShare: number,
  o: Omit<PanelTableOptions, 'statuses'>,
  say: ReturnType<typeof messages>,
): Table[] {
  const acts = data.activities;
  const { byArm } = splitArms(data.store, options.group, options.vocab);
  const r = intensity(data.store, byArm, acts, data.unit, panel, targetShare);
  if (acts.unknown.size > 0)
    say.warn(
      `${acts.file}: activity types jobfx does not know (not counted): ${[...acts.unknown].map(([v, n]) => `"${v}" (${n})`).join(', ')}`,
    );
  if (r.notInFile > 0)
    say.warn(`${acts.file}: ${r.notInFile} activities of persons not in the groups are not counted`);
  for (const x of acts.ledger.rejected.slice(0, 10))
    say.warn(`${acts.file} ${x.ref}: ${reasonsText('en', x.reasons)}`);
  if (acts.ledger.rejected.length > 10)
    say.warn(`${acts.file}: ${acts.ledger.rejected.length - 10} more activity rows rejected`);
  return [conversationTable(r, o), placementTable(r, o)];
}
