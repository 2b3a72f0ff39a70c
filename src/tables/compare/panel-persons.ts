/**
 * The status panel's per-person tables (docs/definitions.md#status-panel): weeks (and hours) in
 * employment accumulated over the follow-up, mean per group with Welch's interval and p (and a
 * bootstrap interval when asked); and the share employed among those on benefit in the baseline
 * week (--among-on-benefit). Means are num cells carrying their persons, so a small group's mean
 * is hidden.
 */
import type { Accumulated, PanelResult } from '../../analyses/compare/panel.js';
import { ARMS } from '../../analyses/compare/types.js';
import { sayer } from '../../base/i18n.js';
import {
  count,
  labelCol,
  num,
  pValue,
  share,
  text,
  valueCol,
  type Cell,
  type Row,
  type Table,
} from '../../model/table.js';
import { formatFixed } from '../../render/format.js';
import type { PanelTableOptions } from './panel.js';
import { smallest } from './outcomes.js';

function accumulatedRow(label: string, r: Accumulated, boot: boolean): Row {
  const cells: Cell[] = [text(label)];
  for (const a of ARMS)
    cells.push(
      count(r.values[a].n),
      num(r.values[a].mean, 1, r.values[a].n),
      num(r.values[a].sd, 1, r.values[a].n),
    );
  const n = smallest(r.values.treatment.n, r.values.control.n);
  const w = typeof r.welch === 'string' ? null : r.welch;
  cells.push(
    num(w?.difference ?? null, 1, n),
    num(w?.ci[0] ?? null, 1, n),
    num(w?.ci[1] ?? null, 1, n),
    pValue(w?.pValue ?? null, n),
  );
  if (boot) cells.push(num(r.bootstrap?.ci[0] ?? null, 1, n), num(r.bootstrap?.ci[1] ?? null, 1, n));
  return { cells };
}

export function panelAccumulatedTable(p: PanelResult, o: PanelTableOptions): Table {
  const t = sayer(o.lang);
  const L = p.join.last;
  const boot = p.weeksEmployed.bootstrap !== null;
  const columns = [labelCol(t('Udfald', 'Outcome'))];
  for (const a of ARMS)
    columns.push(
      valueCol(`${o.armLabels[a]}, ${t('personer', 'persons')}`),
      valueCol(`${o.armLabels[a]}, ${t('gns.', 'mean')}`),
      valueCol(`${o.armLabels[a]}, SD`),
    );
  columns.push(
    valueCol(t('Forskel, gns.', 'Difference, mean')),
    valueCol(t('95 %-KI, nedre (Welch)', '95% CI, lower (Welch)')),
    valueCol(t('95 %-KI, øvre (Welch)', '95% CI, upper (Welch)')),
    valueCol('p (Welch t)'),
  );
  if (boot)
    columns.push(
      valueCol(t('95 %-KI, nedre (bootstrap)', '95% CI, lower (bootstrap)')),
      valueCol(t('95 %-KI, øvre (bootstrap)', '95% CI, upper (bootstrap)')),
    );
  const rows = [
    accumulatedRow(
      t(`Uger i beskæftigelse, uge 1–${L}`, `Weeks employed, weeks 1–${L}`),
      p.weeksEmployed,
      boot,
    ),
  ];
  if (p.hoursEmployed)
    rows.push(
      accumulatedRow(
        t(`Timer i beskæftigelse, uge 1–${L}`, `Hours employed, weeks 1–${L}`),
        p.hoursEmployed,
        boot,
      ),
    );
  const b = p.weeksEmployed.bootstrap;
  return {
    id: 'compare.panel.accumulated',
    title: t(
      `Akkumuleret beskæftigelse pr. person over opfølgningen: ${o.armLabels.treatment} vs. ${o.armLabels.control}${o.titleTail}`,
      `Employment accumulated per person over the follow-up: ${o.armLabels.treatment} vs. ${o.armLabels.control}${o.titleTail}`,
    ),
    columns,
    rows,
    notes: [
      t(
        `Pr. person: antal uger med status beskæftiget i uge 1–${L}${p.hoursEmployed ? ', og summen af timerne i de uger (tomme timer tæller 0)' : ''}. Kun personer med en status i hver uge 1–${L}; personer med huller i panelet er ikke med (${o.armLabels.treatment} ${p.incomplete.treatment}, ${o.armLabels.control} ${p.incomplete.control}).`,
        `Per person: the number of weeks with status employed in weeks 1–${L}${p.hoursEmployed ? ', and the sum of the hours in those weeks (empty hours count 0)' : ''}. Only persons with a status in every week 1–${L}; persons with gaps in the panel are left out (${o.armLabels.treatment} ${p.incomplete.treatment}, ${o.armLabels.control} ${p.incomplete.control}).`,
      ),
      t(
        'Forskel og 95 %-konfidensinterval med Welchs t-test (som R t.test, ulige varianser).',
        "Difference and 95% confidence interval by Welch's t-test (as R t.test, unequal variances).",
      ),
      ...(b
        ? [
            t(
              `Bootstrap: ${b.replicates} gentrækninger med tilbagelægning inden for hver gruppe (frø ${b.seed}); percentilinterval (2,5 % og 97,5 %, R's kvantiltype 7).`,
              `Bootstrap: ${b.replicates} resamples with replacement within each group (seed ${b.seed}); percentile interval (2.5% and 97.5%, R's quantile type 7).`,
            ),
          ]
        : []),
      o.sourceNote,
    ],
  };
}

export function panelOnBenefitTable(p: PanelResult, o: PanelTableOptions): Table {
  const t = sayer(o.lang);
  const r = p.amongOnBenefit!;
  const rows: Row[] = r.weeks.map((w) => {
    const cells: Cell[] = [num(w.week, 0)];
    for (const a of ARMS) cells.push(count(w.employed[a]), share(w.employed[a], w.n[a]));
    const behind = smallest(
      w.employed.treatment,
      w.employed.control,
      w.n.treatment - w.employed.treatment,
      w.n.control - w.employed.control,
    );
    const pp = (v: number | undefined) => num(v === undefined ? null : 100 * v, 1, behind);
    cells.push(pp(w.test?.difference), pp(w.test?.ci[0]), pp(w.test?.ci[1]));
    return { cells };
  });
  const fmt = (v: number) => formatFixed(v, 0, o.lang);
  return {
    id: 'compare.panel.onBenefit',
    title: t(
      `Andel i beskæftigelse blandt dem på offentlig forsørgelse i uge ${r.baseline}: ${o.armLabels.treatment} vs. ${o.armLabels.control}${o.titleTail}`,
      `Share employed among those on benefit in week ${r.baseline}: ${o.armLabels.treatment} vs. ${o.armLabels.control}${o.titleTail}`,
    ),
    columns: [
      valueCol(t('Uge', 'Week')),
      ...ARMS.flatMap((a) => [
        valueCol(`${o.armLabels[a]}, ${t('antal', 'count')}`),
        valueCol(`${o.armLabels[a]}, ${t('pct.', '%')}`),
      ]),
      valueCol(t('Forskel, pct.-point', 'Difference, pp')),
      valueCol(t('95 %-KI, nedre', '95% CI, lower')),
      valueCol(t('95 %-KI, øvre', '95% CI, upper')),
    ],
    rows,
    derived: [5, 6, 7].map((col) => ({ col, from: [1, 3] })),
    notes: [
      t(
        `Nævneren er de personer, der havde status offentlig forsørgelse i uge ${r.baseline}${r.baseline === 0 ? ' (ugen før randomisering)' : ' (panelet har ingen uge 0)'} og er fulgt i ugen: ${o.armLabels.treatment} ${fmt(r.cohort.treatment)}, ${o.armLabels.control} ${fmt(r.cohort.control)} personer i uge ${r.baseline}.`,
        `The denominator is the persons with status on benefit in week ${r.baseline}${r.baseline === 0 ? ' (the week before randomisation)' : ' (the panel has no week 0)'} who are followed that week: ${o.armLabels.treatment} ${fmt(r.cohort.treatment)}, ${o.armLabels.control} ${fmt(r.cohort.control)} persons in week ${r.baseline}.`,
      ),
      o.sourceNote,
    ],
  };
}
