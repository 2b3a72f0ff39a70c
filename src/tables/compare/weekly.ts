/** --weekly: the share exited week by week per arm as a table, and the table as curves to draw. */
import { ARMS, type Arm, type CompareResult } from '../../analyses/compare/index.js';
import { danishOf, isoOf } from '../../base/dates.js';
import { sayer, type Lang } from '../../base/i18n.js';
import { num, valueCol, type Cell, type Row, type Table } from '../../model/table.js';
import type { CurveChart, CurvePoint } from '../../render/chart.js';
import { formatFixed } from '../../render/format.js';
import { SIMPLE_EFFECT_DA, SIMPLE_EFFECT_EN, type CompareTableOptions } from './labels.js';
import { smallest } from './outcomes.js';

/** Column indices of the weekly table: share, lower, upper for each arm. */
export const WEEKLY_COLUMNS: Record<Arm, [number, number, number]> = {
  treatment: [1, 2, 3],
  control: [4, 5, 6],
};

export function weeklyTable(
  res: CompareResult,
  o: CompareTableOptions,
  sourceNote: string,
  titleTail: string,
): Table {
  const t = sayer(o.lang);
  const w = res.weekly!;
  const g = o.armLabels;
  const groups = w.exitGroups
    .map((k) => o.vocab.exitGroupLabel(k, o.lang).toLowerCase())
    .join(t(' eller ', ' or '));
  const pct = (v: number | null) => (v === null ? null : 100 * v);
  const rows: Row[] = [];
  for (const week of reportedWeeks(w.weeks, o.weeklyRows)) {
    const i = week - 1;
    // The week number is a label, not a count: a num cell without n, so suppression leaves it alone.
    const cells: Cell[] = [num(week, 0)];
    const pts = ARMS.map((a) => w.arms[a].points[i]!);
    for (const p of pts)
      cells.push(
        num(pct(p.share), 1, p.events),
        num(pct(p.lower), 1, p.events),
        num(pct(p.upper), 1, p.events),
      );
    const [a, b] = pts as [(typeof pts)[0], (typeof pts)[0]];
    cells.push(
      num(
        a.share === null || b.share === null ? null : 100 * (a.share - b.share),
        1,
        smallest(a.events, b.events),
      ),
    );
    rows.push({ cells });
  }
  return {
    id: 'compare.weekly',
    // Cumulative exits per arm: share and interval go together; the difference needs both arms.
    cumulative: { sets: [WEEKLY_COLUMNS.treatment, WEEKLY_COLUMNS.control], derived: [7] },
    title: t(
      `Andel afsluttet til ${groups} uge for uge efter ${res.unit === 'person' ? 'randomisering' : 'start'}: ${g.treatment} vs. ${g.control}${titleTail}`,
      `Share ended to ${groups} week by week after ${res.unit === 'person' ? 'randomisation' : 'start'}: ${g.treatment} vs. ${g.control}${titleTail}`,
    ),
    columns: [
      valueCol(t('Uge', 'Week')),
      valueCol(`${g.treatment}, ${t('pct.', '%')}`),
      valueCol(t('95 %-KI, nedre', '95% CI, lower')),
      valueCol(t('95 %-KI, øvre', '95% CI, upper')),
      valueCol(`${g.control}, ${t('pct.', '%')}`),
      valueCol(t('95 %-KI, nedre', '95% CI, lower')),
      valueCol(t('95 %-KI, øvre', '95% CI, upper')),
      valueCol(t('Forskel, pct.-point', 'Difference, pp')),
    ],
    rows,
    notes: [...weeklyNotes(res, o, groups), sourceNote],
    // The log-rank test as numbers (json): the note prints them rounded.
    stats: {
      logRankChisq: w.logRank?.statistic ?? null,
      logRankDf: w.logRank ? 1 : null,
      logRankP: w.logRank?.pValue ?? null,
      observedTreatment: w.logRank?.observed[0] ?? null,
      observedControl: w.logRank?.observed[1] ?? null,
      expectedTreatment: w.logRank?.expected[0] ?? null,
      expectedControl: w.logRank?.expected[1] ?? null,
    },
  };
}

/** The weeks a memo reports by default: a month, two, a quarter, half a year, a year. */
export const REPORT_WEEKS = [4, 8, 13, 26, 52];

/**
 * The weeks the table shows: the reporting weeks up to N, and N itself; 'all' shows every week.
 * Fixed weeks far apart keep the cumulative counts between rows large enough that suppression
 * does not have to hide every other week, as it does when every week is a row.
 */
export function reportedWeeks(n: number, rows: number[] | 'all' = REPORT_WEEKS): number[] {
  if (rows === 'all') return Array.from({ length: n }, (_, i) => i + 1);
  return [...new Set([...rows.filter((x) => x < n), n])].sort((a, b) => a - b);
}

/** What the weekly figures are, how the curve and the test were made, what "-" means. */
function weeklyNotes(res: CompareResult, o: CompareTableOptions, groups: string): string[] {
  const t = sayer(o.lang);
  const w = res.weekly!;
  const g = o.armLabels;
  const asOf = res.asOf === null ? '' : o.lang === 'da' ? danishOf(res.asOf) : isoOf(res.asOf);
  const lr = w.logRank;
  const fmt = (v: number, d: number) => formatFixed(v, d, o.lang);
  return [
    res.unit === 'person'
      ? t(
          `Andelen af personerne med et forløb afsluttet til ${groups} senest på dag 7 × uge efter randomiseringen (randomiseringsdagen er dag 1; uden randomiseringsdato fra første forløbs start). Personer: ${g.treatment} ${w.arms.treatment.n}, ${g.control} ${w.arms.control.n}. "Forløb" nedenfor er personer.`,
          `The share of persons with a course ended to ${groups} by day 7 × week after randomisation (the randomisation day is day 1; without a randomisation date from the first course's start). Persons: ${g.treatment} ${w.arms.treatment.n}, ${g.control} ${w.arms.control.n}. "Courses" below are persons.`,
        )
      : t(
          `Andelen af forløbene, der er afsluttet til ${groups} senest på dag 7 × uge efter start (startdagen er dag 1). Forløb: ${g.treatment} ${w.arms.treatment.n}, ${g.control} ${w.arms.control.n}.`,
          `The share of courses ended to ${groups} by day 7 × week after start (the start day is day 1). Courses: ${g.treatment} ${w.arms.treatment.n}, ${g.control} ${w.arms.control.n}.`,
        ),
    t(
      `Kaplan–Meier-kurve (som R survfit) med 95 %-konfidensinterval efter survfits standard (log-skala). Forløb, der stadig er i gang, er censureret på datoen for de nyeste data (${asOf}); forløb fulgt under ${w.weeks} uger uden afgang: ${g.treatment} ${w.arms.treatment.censored}, ${g.control} ${w.arms.control.censored}. Forløb afsluttet til noget andet (${g.treatment} ${w.arms.treatment.otherExits}, ${g.control} ${w.arms.control.otherExits}) kommer ikke til ${groups} fra dette forløb: de tæller som ikke afgået, så længe data rækker. Uden censurering er tallet blot andelen af forløbene.`,
      `Kaplan–Meier curve (as R survfit) with the 95% confidence interval survfit gives by default (log scale). Courses still ongoing are censored on the date of the newest data (${asOf}); courses followed for less than ${w.weeks} weeks without an exit: ${g.treatment} ${w.arms.treatment.censored}, ${g.control} ${w.arms.control.censored}. Courses ended to something else (${g.treatment} ${w.arms.treatment.otherExits}, ${g.control} ${w.arms.control.otherExits}) will not end to ${groups} from this course: they count as not exited for as long as the data reaches. Without censoring the figure is simply the share of the courses.`,
    ),
    lr
      ? t(
          `Log-rank-test (som R survdiff) af kurverne til og med uge ${w.weeks}: χ² = ${fmt(lr.statistic, 2)}, df = 1, p = ${lr.pValue < 0.001 ? '<0,001' : fmt(lr.pValue, 3)}${lr.pValue < 0.05 ? ' — signifikant forskel på 5 %-niveau' : ' — ikke signifikant på 5 %-niveau'}. Observerede / forventede afgange: ${g.treatment} ${lr.observed[0]} / ${fmt(lr.expected[0], 1)}, ${g.control} ${lr.observed[1]} / ${fmt(lr.expected[1], 1)}.`,
          `Log-rank test (as R survdiff) of the curves up to week ${w.weeks}: χ² = ${fmt(lr.statistic, 2)}, df = 1, p = ${lr.pValue < 0.001 ? '<0.001' : fmt(lr.pValue, 3)}${lr.pValue < 0.05 ? ' — significant difference at 5%' : ' — not significant at 5%'}. Observed / expected exits: ${g.treatment} ${lr.observed[0]} / ${fmt(lr.expected[0], 1)}, ${g.control} ${lr.observed[1]} / ${fmt(lr.expected[1], 1)}.`,
        )
      : t('Ingen log-rank-test: ingen afgange.', 'No log-rank test: no exits.'),
    t(
      `Rækker: uge ${reportedWeeks(w.weeks, o.weeklyRows).join(', ')} (--weekly-rows; "all" viser hver uge).`,
      `Rows: week ${reportedWeeks(w.weeks, o.weeklyRows).join(', ')} (--weekly-rows; "all" shows every week).`,
    ),
    t(
      '"-": ingen forløb i gruppen er fulgt så længe.',
      '"-": no course in the group has been followed that long.',
    ),
    ...(res.randomised ? [] : [t(SIMPLE_EFFECT_DA, SIMPLE_EFFECT_EN) + '.']),
  ];
}

/**
 * A percentage as the chart holds it: two decimals, far below a pixel. The SVG's labels print
 * the data, and twelve digits of a share can read as a CPR number to a scan of the output.
 */
const chartPercent = (v: number): number => Math.round(v * 100) / 100;

/**
 * The weekly table as the chart draws it (render/chart.ts curveChartSpec): one curve per group
 * with its 95% band, from the table's cells, so cells hidden by suppression are not drawn.
 */
export function weeklyCurve(
  table: Table,
  o: { lang: Lang; armLabels: Record<Arm, string>; fromRandomisation?: boolean },
): CurveChart {
  const t = sayer(o.lang);
  const points: CurvePoint[] = [];
  let hidden = 0;
  const numOf = (c: Cell | undefined): number | null | 'hidden' =>
    c?.t === 'num' ? c.v : c?.t === 'suppressed' ? 'hidden' : null;
  for (const row of table.rows) {
    const wc = row.cells[0];
    const week = wc?.t === 'num' && wc.v !== null ? wc.v : NaN;
    for (const a of ARMS) {
      const [s, l, u] = WEEKLY_COLUMNS[a].map((j) => numOf(row.cells[j]));
      if (s === 'hidden') {
        hidden++;
        continue;
      }
      if (s === null || s === undefined) continue;
      points.push({
        week,
        group: o.armLabels[a],
        share: chartPercent(s),
        lower: typeof l === 'number' ? chartPercent(l) : null,
        upper: typeof u === 'number' ? chartPercent(u) : null,
      });
    }
  }
  return {
    title: table.title,
    points,
    hidden,
    groups: ARMS.map((a) => o.armLabels[a]),
    xTitle: o.fromRandomisation
      ? t('Uger efter randomisering', 'Weeks after randomisation')
      : t('Uger efter start', 'Weeks after start'),
    yTitle: t('Pct. afsluttet (95 %-KI)', '% ended (95% CI)'),
  };
}
