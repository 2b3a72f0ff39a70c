/**
 * The status panel's week tables (docs/definitions.md#status-panel): the share in each status in
 * the reported weeks (one block of status rows per week, with the persons followed that week as
 * the block's total), and the share employed in every week (what the chart draws). Counts are
 * count cells and shares share cells, so suppression works; a difference and its interval are
 * derived from both arms' counts and hidden with them.
 */
import type { PanelResult, ShareDifference } from '../../analyses/compare/panel.js';
import { ARMS, type Arm } from '../../analyses/compare/types.js';
import { sayer, type Lang } from '../../base/i18n.js';
import {
  count,
  empty,
  labelCol,
  num,
  share,
  text,
  valueCol,
  type Cell,
  type Column,
  type Row,
  type Table,
} from '../../model/table.js';
import type { CurveChart, CurvePoint } from '../../render/chart.js';
import { PANEL_STATUS_KEYS, type PanelStatuses } from '../../schema/panel/statuses.js';
import type { CompareTableOptions } from './labels.js';
import { smallest } from './outcomes.js';

export interface PanelTableOptions extends CompareTableOptions {
  statuses: PanelStatuses;
  sourceNote: string;
  titleTail: string;
}

/** Count and share columns of each arm, then difference and interval: the week tables' layout. */
function armColumns(o: PanelTableOptions): Column[] {
  const t = sayer(o.lang);
  const cols: Column[] = [];
  for (const a of ARMS)
    cols.push(
      valueCol(`${o.armLabels[a]}, ${t('antal', 'count')}`),
      valueCol(`${o.armLabels[a]}, ${t('pct.', '%')}`),
    );
  cols.push(
    valueCol(t('Forskel, pct.-point', 'Difference, pp')),
    valueCol(t('95 %-KI, nedre', '95% CI, lower')),
    valueCol(t('95 %-KI, øvre', '95% CI, upper')),
  );
  return cols;
}

/** The cells of one status in one week: counts, shares, difference and interval (in points). */
function armCells(x: Record<Arm, number>, n: Record<Arm, number>, d: ShareDifference['test']): Cell[] {
  const cells: Cell[] = [];
  for (const a of ARMS) cells.push(count(x[a]), share(x[a], n[a]));
  const behind = smallest(x.treatment, x.control, n.treatment - x.treatment, n.control - x.control);
  const pp = (v: number | undefined) => num(v === undefined ? null : 100 * v, 1, behind);
  cells.push(pp(d?.difference), pp(d?.ci[0]), pp(d?.ci[1]));
  return cells;
}

/** Suppression: a difference or interval gives back the counts of both arms; it goes with them. */
const derivedFrom = (first: number): Table['derived'] => {
  const counts = [first, first + 2];
  return [first + 4, first + 5, first + 6].map((col) => ({ col, from: counts }));
};

export function panelStatusTable(p: PanelResult, o: PanelTableOptions): Table {
  const t = sayer(o.lang);
  const rows: Row[] = [];
  const rowGroups: { total: number; parts: number[] }[] = [];
  const at = new Map(p.weeks.map((w) => [w.week, w]));
  for (const w of p.reported) {
    const c = at.get(w)!;
    const parts: number[] = [];
    for (const s of p.statuses) {
      const d = p.differences.find((x) => x.week === w && x.status === s)!;
      parts.push(rows.length);
      rows.push({
        cells: [
          num(w, 0),
          text(o.statuses.label(s, o.lang)),
          ...armCells({ treatment: c.counts.treatment[s]!, control: c.counts.control[s]! }, c.n, d.test),
        ],
      });
    }
    rowGroups.push({ total: rows.length, parts });
    rows.push({
      cells: [
        num(w, 0),
        text(t('Personer fulgt i ugen', 'Persons followed that week')),
        count(c.n.treatment),
        empty,
        count(c.n.control),
        empty,
        empty,
        empty,
        empty,
      ],
      style: 'subtotal',
    });
  }
  return {
    id: 'compare.panel.status',
    title: t(
      `Status uge for uge efter randomisering: ${o.armLabels.treatment} vs. ${o.armLabels.control}${o.titleTail}`,
      `Status week by week after randomisation: ${o.armLabels.treatment} vs. ${o.armLabels.control}${o.titleTail}`,
    ),
    columns: [valueCol(t('Uge', 'Week')), labelCol('Status'), ...armColumns(o)],
    rows,
    additive: { rowGroups },
    derived: derivedFrom(2),
    notes: [...weekNotes(p, o), o.sourceNote],
  };
}

/** The share employed in every week 1..L (the chart's table), linked to the status table's employed counts. */
export function panelEmployedTable(p: PanelResult, o: PanelTableOptions): Table {
  const t = sayer(o.lang);
  const employed = PANEL_STATUS_KEYS.indexOf('employed');
  const at = new Map(p.weeks.map((w) => [w.week, w]));
  const rows: Row[] = p.employedByWeek.map((d) => {
    const c = at.get(d.week)!;
    return {
      cells: [
        num(d.week, 0),
        ...armCells(
          { treatment: c.counts.treatment[employed]!, control: c.counts.control[employed]! },
          c.n,
          d.test,
        ),
      ],
    };
  });
  // The same counts as the status table's employed rows in the reported weeks: one figure, one suppression.
  const statusRow = (w: number) =>
    p.reported.indexOf(w) * (p.statuses.length + 1) + p.statuses.indexOf(employed);
  const links = p.statuses.includes(employed)
    ? p.employedByWeek.flatMap((d, row) =>
        p.reported.includes(d.week)
          ? [1, 3].map((col) => ({
              total: { table: 'compare.panel.status', row: statusRow(d.week), col: col + 1 },
              parts: [{ table: 'compare.panel.employed', row, col }],
            }))
          : [],
      )
    : [];
  return {
    id: 'compare.panel.employed',
    title: t(
      `Andel i beskæftigelse uge for uge efter randomisering: ${o.armLabels.treatment} vs. ${o.armLabels.control}${o.titleTail}`,
      `Share employed week by week after randomisation: ${o.armLabels.treatment} vs. ${o.armLabels.control}${o.titleTail}`,
    ),
    columns: [valueCol(t('Uge', 'Week')), ...armColumns(o)],
    rows,
    links,
    derived: derivedFrom(1),
    notes: [
      t(
        'Andelen af de personer, der er fulgt i ugen, som er i beskæftigelse. Forskellen er indsats minus kontrol; intervallet som R prop.test.',
        'The share of the persons followed that week who are employed. The difference is treatment minus control; the interval as R prop.test.',
      ),
      o.sourceNote,
    ],
  };
}

function weekNotes(p: PanelResult, o: PanelTableOptions): string[] {
  const t = sayer(o.lang);
  const j = p.join;
  const notes = [
    t(
      `Uge 1 begynder på randomiseringsdagen; uge 0 er ugen før. Andelen er af de personer i gruppen, der er fulgt i ugen (har en status den uge). Opfølgningen rækker til uge ${j.last}.`,
      `Week 1 begins on the day of randomisation; week 0 is the week before. The share is of the persons of the group followed that week (with a status that week). The follow-up reaches week ${j.last}.`,
    ),
    t(
      `Forskel: ${o.armLabels.treatment} minus ${o.armLabels.control} i procentpoint, med 95 %-konfidensinterval som R prop.test${o.correct ? ' (med kontinuitetskorrektion)' : ' (uden kontinuitetskorrektion)'}; hver uge og status er sin egen test.`,
      `Difference: ${o.armLabels.treatment} minus ${o.armLabels.control} in percentage points, with the 95% confidence interval of R prop.test${o.correct ? ' (with continuity correction)' : ' (without continuity correction)'}; each week and status is a test of its own.`,
    ),
  ];
  if (p.notReached.length > 0)
    notes.push(
      t(
        `Uger uden data (ikke vist): ${p.notReached.join(', ')}.`,
        `Weeks without data (not shown): ${p.notReached.join(', ')}.`,
      ),
    );
  return notes;
}

/** The employed table as the chart draws it: a line per group over all weeks (Figure 1 of a trial evaluation). */
export function panelCurve(table: Table, lang: Lang, armLabels: Record<Arm, string>): CurveChart {
  const t = sayer(lang);
  const points: CurvePoint[] = [];
  let hidden = 0;
  for (const row of table.rows) {
    const wc = row.cells[0];
    const week = wc?.t === 'num' && wc.v !== null ? wc.v : NaN;
    ARMS.forEach((a, i) => {
      const c = row.cells[2 + 2 * i];
      if (c?.t === 'share')
        points.push({
          week,
          group: armLabels[a],
          share: c.of > 0 ? (100 * c.count) / c.of : 0,
          lower: null,
          upper: null,
        });
      else if (c?.t === 'suppressed') hidden++;
    });
  }
  return {
    title: table.title,
    points,
    hidden,
    groups: ARMS.map((a) => armLabels[a]),
    xTitle: t('Uger efter randomisering', 'Weeks after randomisation'),
    yTitle: t('Pct. i beskæftigelse', '% employed'),
    interpolate: 'linear',
  };
}
