/**
 * compare --panel: the weekly status panel's options, its loading (joined to the loaded export
 * by person, accounted for as the export is) and its tables, chart and messages
 * (docs/definitions.md#status-panel). compare.ts wires these in.
 */
import type { Command } from 'commander';
import { splitArms } from '../analyses/compare/arms.js';
import { joinPanel, type JoinedPanel } from '../analyses/compare/panel-join.js';
import { panelResult, type PanelResult } from '../analyses/compare/panel.js';
import type { Arm, CompareOptions } from '../analyses/compare/types.js';
import { sayer, type Lang } from '../base/i18n.js';
import { usageError } from '../errors.js';
import { protectInput } from '../io/output-guard.js';
import type { Table } from '../model/table.js';
import { curveChartSpec } from '../render/chart.js';
import type { InputData } from '../schema/input-data.js';
import type { Loaded, LoadOptions } from '../schema/load.js';
import { loadPanel, type Panel } from '../schema/panel/load.js';
import { panelAccumulatedTable, panelOnBenefitTable } from '../tables/compare/panel-persons.js';
import {
  panelCurve,
  panelEmployedTable,
  panelStatusTable,
  type PanelTableOptions,
} from '../tables/compare/panel.js';
import type { ChartRequest, messages } from './spec.js';
import { reasonsText } from '../schema/normalise/ledger.js';

export interface PanelFlags {
  panel?: string;
  panelWeeks?: number[];
  bootstrap?: number;
  seed: number;
  amongOnBenefit?: boolean;
}

/** The export with the panel joined (when --panel was given). */
export type WithPanel = Loaded & { panel?: Panel; also?: InputData['also'] };

function weekList(v: string): number[] {
  const weeks = v.split(',').map((x) => x.trim());
  if (weeks.some((w) => !/^\d+$/.test(w) || Number(w) > 520))
    throw usageError(`--panel-weeks ${v}: expected week numbers separated by commas, e.g. 4,8,13,26,52`);
  return weeks.map(Number);
}

export function addPanelOptions(cmd: Command): Command {
  return cmd
    .option(
      '--panel <file>',
      'a weekly status panel: one row per person and week (Borger-id/CPR, Uge or Dato, Status, optionally Timer) or wide (uge1..uge64, timer1..timer64)',
    )
    .option(
      '--panel-weeks <weeks>',
      'with --panel: the weeks of the status table (default 4,8,13,26,39,52 and the last)',
      weekList,
    )
    .option(
      '--bootstrap <n>',
      'with --panel: also a percentile bootstrap interval of the accumulated difference, from N resamples',
      (v: string) => {
        if (!/^\d+$/.test(v) || Number(v) < 100 || Number(v) > 100000)
          throw usageError(`--bootstrap ${v}: expected a number of resamples, 100–100000`);
        return Number(v);
      },
    )
    .option(
      '--seed <n>',
      'the seed of --bootstrap (the same seed gives the same interval)',
      (v: string) => {
        if (!/^\d+$/.test(v)) throw usageError(`--seed ${v}: expected a whole number`);
        return Number(v);
      },
      1,
    )
    .option(
      '--among-on-benefit',
      'with --panel: also the share employed among those on benefit in week 0 (the week before randomisation)',
    );
}

export function checkPanelFlags(flags: PanelFlags & { chart?: string; weekly?: number }): void {
  const needs = [
    ['--panel-weeks', flags.panelWeeks],
    ['--bootstrap', flags.bootstrap],
    ['--among-on-benefit', flags.amongOnBenefit],
  ] as const;
  for (const [name, v] of needs)
    if (v !== undefined && flags.panel === undefined) throw usageError(`${name} goes with --panel FILE`);
  if (flags.chart !== undefined && flags.panel !== undefined && flags.weekly !== undefined)
    throw usageError('--chart draws one chart: the panel (--panel) or the weekly exits (--weekly), not both');
}

/** Reads the panel named by --panel, with the export's pseudonyms, and lists it for the row accounting. */
export async function attachPanel(data: Loaded, flags: PanelFlags, opts: LoadOptions): Promise<WithPanel> {
  if (flags.panel === undefined) return data;
  protectInput(flags.panel, 'the panel file');
  const panel = await loadPanel(flags.panel, opts, data.pseudonymise);
  const also = (data as WithPanel).also ?? [];
  return { ...data, panel, also: [...also, { file: flags.panel, ledger: panel.ledger }] };
}

/** The panel's tables, chart and messages. */
export function buildPanel(
  data: WithPanel & { panel: Panel },
  flags: PanelFlags & { lang: Lang; chart?: string },
  options: CompareOptions,
  o: Omit<PanelTableOptions, 'statuses'>,
  say: ReturnType<typeof messages>,
  charts: boolean,
): { tables: Table[]; chart: ChartRequest | null; joined: JoinedPanel } {
  const { panel } = data;
  const { byArm } = splitArms(data.store, options.group, options.vocab);
  const joined = joinPanel(data.store, byArm, panel, data.unit);
  const result = panelResult(joined, panel.hasHours, {
    ...(flags.panelWeeks ? { weeks: flags.panelWeeks } : {}),
    correct: options.correct,
    amongOnBenefit: Boolean(flags.amongOnBenefit),
    ...(flags.bootstrap ? { bootstrap: { replicates: flags.bootstrap, seed: flags.seed } } : {}),
  });
  const to = { ...o, statuses: panel.statuses };
  const tables = [
    panelStatusTable(result, to),
    panelEmployedTable(result, to),
    panelAccumulatedTable(result, to),
  ];
  if (result.amongOnBenefit) tables.push(panelOnBenefitTable(result, to));
  const notes = panelNotes(result, panel, flags.lang, o.armLabels);
  tables[0]!.notes.splice(tables[0]!.notes.length - 1, 0, ...notes);
  tell(result, panel, say);
  const chart: ChartRequest | null = charts
    ? {
        table: 'compare.panel.employed',
        spec: (shown) => curveChartSpec(panelCurve(shown, flags.lang, o.armLabels), flags.lang),
        file: flags.chart,
      }
    : null;
  return { tables, chart, joined };
}

/** What was not joined or not understood, for the status table's notes. */
function panelNotes(r: PanelResult, panel: Panel, lang: Lang, g: Record<Arm, string>): string[] {
  const t = sayer(lang);
  const j = r.join;
  const out: string[] = [];
  if (j.randomisedFrom === 'start')
    out.push(
      t(
        'Ugerne tæller fra personens første forløbsstart: filen har ingen Randomiseringsdato-kolonne.',
        "The weeks count from the person's first course start: the file has no Randomiseringsdato column.",
      ),
    );
  const counts: [number, string, string][] = [
    [
      j.notInFile.length,
      'personer i panelet findes ikke i filen og er ikke med',
      'persons of the panel are not in the file and are left out',
    ],
    [
      j.notInArm,
      'personer i panelet er i filen uden indsats- eller kontrolgruppe og er ikke med',
      'persons of the panel are in the file without a treatment or control group and are left out',
    ],
    [
      j.unobserved.treatment + j.unobserved.control,
      `personer i grupperne har ingen uger i panelet (${g.treatment} ${j.unobserved.treatment}, ${g.control} ${j.unobserved.control})`,
      `persons of the groups have no weeks in the panel (${g.treatment} ${j.unobserved.treatment}, ${g.control} ${j.unobserved.control})`,
    ],
    [
      j.noRandomisation,
      'personer uden læsbar randomiseringsdato er ikke med',
      'persons without a readable randomisation date are left out',
    ],
    [
      j.randomisedDiffer,
      'personer har flere forskellige randomiseringsdatoer; den tidligste er brugt',
      'persons have several randomisation dates; the earliest is used',
    ],
    [
      j.beforeWeek0,
      'personuger ligger mere end en uge før randomiseringen og er ikke med',
      'person-weeks lie more than a week before randomisation and are left out',
    ],
    [
      j.duplicates,
      `personuger står to gange; den første række i filen er brugt (${j.conflicting} med en anden status)`,
      `person-weeks are given twice; the first row of the file is used (${j.conflicting} with another status)`,
    ],
  ];
  for (const [n, da, en] of counts) if (n > 0) out.push(t(`${n} ${da}.`, `${n} ${en}.`));
  const unknown = [...panel.unknown].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'da'));
  if (unknown.length > 0) {
    const list = unknown.map(([v, n]) => `"${v}" (${n})`).join(', ');
    out.push(
      t(
        `Statusser uden for ordlisten tæller som "Ukendt status" (personuger): ${list}.`,
        `Statuses not in the vocabulary count as "Unknown status" (person-weeks): ${list}.`,
      ),
    );
  }
  return out;
}

/** The same on stderr, with the persons not in the file named and the rejected rows. */
function tell(r: PanelResult, panel: Panel, say: ReturnType<typeof messages>): void {
  const j = r.join;
  if (j.notInFile.length > 0) {
    const shown = j.notInFile.slice(0, 10).join(', ');
    const more = j.notInFile.length > 10 ? ` and ${j.notInFile.length - 10} more` : '';
    say.warn(
      `${panel.file}: ${j.notInFile.length} persons of the panel are not in the file compared: ${shown}${more}; they are left out`,
    );
  }
  if (panel.unknown.size > 0)
    say.warn(
      `${panel.file}: statuses not in the vocabulary (counted as unknown status): ${[...panel.unknown].map(([v, n]) => `"${v}" (${n})`).join(', ')}; see the README section "Weekly status panel" for the statuses jobfx knows`,
    );
  for (const x of panel.ledger.rejected.slice(0, 10))
    say.warn(`${panel.file} ${x.ref}: ${reasonsText('en', x.reasons)}`);
  if (panel.ledger.rejected.length > 10)
    say.warn(`${panel.file}: ${panel.ledger.rejected.length - 10} more panel rows rejected`);
  if (j.duplicates > 0)
    say.note(`${panel.file}: ${j.duplicates} person-weeks given twice; the first row is used`);
  if (j.beforeWeek0 > 0)
    say.note(
      `${panel.file}: ${j.beforeWeek0} person-weeks more than a week before randomisation are not used`,
    );
  if (j.noRandomisation > 0)
    say.warn(
      `${panel.file}: ${j.noRandomisation} persons have no readable randomisation date and are left out`,
    );
}
