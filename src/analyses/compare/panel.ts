/**
 * A weekly status panel compared by arm (docs/definitions.md#status-panel): the share in each
 * status week by week with the difference and its interval (R's prop.test), the weeks (and
 * hours) in employment accumulated over the follow-up per person (Welch's t-test, and a seeded
 * percentile bootstrap when asked), and the share in employment among those on benefit in the
 * baseline week. Pure: the joined grids in (panel-join.ts), numbers out.
 */
import { bootstrapMeanDifference, type BootstrapResult } from '../../stats/bootstrap.js';
import { meanSd, welchTTest, type MeanSd, type WelchResult } from '../../stats/means.js';
import { propTest, type PropTestResult } from '../../stats/proportions.js';
import { PANEL_STATUS_KEYS, UNKNOWN_STATUS } from '../../schema/panel/statuses.js';
import type { JoinedPanel, PersonGrid } from './panel-join.js';
import { ARMS, type Arm } from './types.js';

export const DEFAULT_PANEL_WEEKS = [4, 8, 13, 26, 39, 52] as const;
const EMPLOYED = PANEL_STATUS_KEYS.indexOf('employed');
const BENEFIT = PANEL_STATUS_KEYS.indexOf('benefit');

export interface PanelOptions {
  /** Weeks of the status table (--panel-weeks); default DEFAULT_PANEL_WEEKS and the last week. */
  weeks?: number[];
  correct: boolean;
  bootstrap?: { replicates: number; seed: number };
  amongOnBenefit: boolean;
  confLevel?: number;
}

/** One week: persons observed and persons in each status code (UNKNOWN_STATUS last), by arm. */
export interface WeekCounts {
  week: number;
  n: Record<Arm, number>;
  counts: Record<Arm, number[]>;
}

export interface ShareDifference {
  week: number;
  status: number;
  /** Treatment minus control, and prop.test's interval; null when an arm has nobody that week. */
  test: PropTestResult | null;
}

export interface Accumulated {
  /** Persons observed in every week 1..L, by arm: the figure's persons. */
  values: Record<Arm, MeanSd>;
  welch: WelchResult | 'too-few' | 'constant';
  bootstrap: BootstrapResult | null;
}

export interface PanelResult {
  join: Omit<JoinedPanel, 'arms' | 'gridOf'>;
  /** Every week 0..L with an observation. */
  weeks: WeekCounts[];
  /** The weeks of the status table (those with observations). */
  reported: number[];
  /** Weeks asked for that the panel does not reach. */
  notReached: number[];
  /** The status codes with a person-week, in vocabulary order (unknown last). */
  statuses: number[];
  /** Per reported week and status; and for employment in every week (the chart). */
  differences: ShareDifference[];
  employedByWeek: ShareDifference[];
  /** Persons of each arm in the panel but missing a week of 1..L: not in the accumulated figures. */
  incomplete: Record<Arm, number>;
  weeksEmployed: Accumulated;
  hoursEmployed: Accumulated | null;
  amongOnBenefit: AmongOnBenefit | null;
}

export interface AmongOnBenefit {
  /** The baseline week: 0 when the panel has week 0, else 1. */
  baseline: number;
  cohort: Record<Arm, number>;
  weeks: {
    week: number;
    n: Record<Arm, number>;
    employed: Record<Arm, number>;
    test: PropTestResult | null;
  }[];
}

function weekCounts(
  grids: Record<Arm, PersonGrid[]>,
  last: number,
  keep?: (g: PersonGrid) => boolean,
): WeekCounts[] {
  const out: WeekCounts[] = [];
  for (let w = 0; w <= last; w++) {
    const n = { treatment: 0, control: 0 };
    const counts = {
      treatment: new Array<number>(UNKNOWN_STATUS + 1).fill(0),
      control: new Array<number>(UNKNOWN_STATUS + 1).fill(0),
    };
    for (const a of ARMS)
      for (const g of grids[a]) {
        const s = g.status[w]!;
        if (s === 0 || (keep && !keep(g))) continue;
        n[a]++;
        counts[a][s - 1]!++;
      }
    if (n.treatment + n.control > 0) out.push({ week: w, n, counts });
  }
  return out;
}

const test = (c: WeekCounts, status: number, o: PanelOptions): PropTestResult | null =>
  propTest(c.counts.treatment[status]!, c.n.treatment, c.counts.control[status]!, c.n.control, {
    correct: o.correct,
    confLevel: o.confLevel ?? 0.95,
  });

function accumulate(
  grids: Record<Arm, PersonGrid[]>,
  last: number,
  value: (g: PersonGrid) => number,
  o: PanelOptions,
): Accumulated {
  const by = { treatment: [] as number[], control: [] as number[] };
  for (const a of ARMS) for (const g of grids[a]) by[a].push(value(g));
  return {
    values: { treatment: meanSd(by.treatment), control: meanSd(by.control) },
    welch: welchTTest(by.treatment, by.control, { confLevel: o.confLevel ?? 0.95 }),
    bootstrap: o.bootstrap
      ? bootstrapMeanDifference(
          by.treatment,
          by.control,
          o.bootstrap.replicates,
          o.bootstrap.seed,
          o.confLevel,
        )
      : null,
  };
}

/** The panel's figures by arm. `hasHours`: the panel has an hours column. */
export function panelResult(joined: JoinedPanel, hasHours: boolean, o: PanelOptions): PanelResult {
  const { arms, gridOf: _grids, ...join } = joined;
  const last = joined.last;
  const weeks = weekCounts(arms, last);
  const observed = new Set(weeks.map((w) => w.week));
  const asked = o.weeks ?? [...DEFAULT_PANEL_WEEKS, last];
  const wanted = [...new Set(asked)].sort((a, b) => a - b);
  const reported = wanted.filter((w) => observed.has(w));
  const statuses = [...Array(UNKNOWN_STATUS + 1).keys()].filter((s) =>
    weeks.some((w) => w.counts.treatment[s]! + w.counts.control[s]! > 0),
  );
  const at = new Map(weeks.map((w) => [w.week, w]));
  const differences = reported.flatMap((w) =>
    statuses.map((s) => ({ week: w, status: s, test: test(at.get(w)!, s, o) })),
  );
  const employedByWeek = weeks
    .filter((w) => w.week >= 1)
    .map((w) => ({ week: w.week, status: EMPLOYED, test: test(w, EMPLOYED, o) }));
  // The accumulated figures: persons observed in every week 1..L.
  const complete = (g: PersonGrid) => {
    for (let w = 1; w <= last; w++) if (g.status[w] === 0) return false;
    return true;
  };
  const full = { treatment: arms.treatment.filter(complete), control: arms.control.filter(complete) };
  const sum = (g: PersonGrid, f: (w: number) => number) => {
    let s = 0;
    for (let w = 1; w <= last; w++) s += f(w);
    return s;
  };
  return {
    join,
    weeks,
    reported,
    notReached: wanted.filter((w) => !observed.has(w)),
    statuses,
    differences,
    employedByWeek,
    incomplete: {
      treatment: arms.treatment.length - full.treatment.length,
      control: arms.control.length - full.control.length,
    },
    weeksEmployed: accumulate(full, last, (g) => sum(g, (w) => (g.status[w] === EMPLOYED + 1 ? 1 : 0)), o),
    hoursEmployed: hasHours ? accumulate(full, last, (g) => sum(g, (w) => g.hours[w]!), o) : null,
    amongOnBenefit: o.amongOnBenefit ? amongOnBenefit(arms, weeks, reported, o) : null,
  };
}

/**
 * The share employed in each reported week among the persons on benefit in the baseline week
 * (week 0, the week before randomisation, when the panel has it; else week 1).
 */
function amongOnBenefit(
  arms: Record<Arm, PersonGrid[]>,
  weeks: WeekCounts[],
  reported: number[],
  o: PanelOptions,
): AmongOnBenefit {
  const baseline = weeks.some((w) => w.week === 0) ? 0 : 1;
  const onBenefit = (g: PersonGrid) => g.status[baseline] === BENEFIT + 1;
  const cohort = { treatment: arms.treatment.filter(onBenefit), control: arms.control.filter(onBenefit) };
  const last = Math.max(0, ...weeks.map((w) => w.week));
  const counts = new Map(weekCounts(cohort, last).map((w) => [w.week, w]));
  return {
    baseline,
    cohort: { treatment: cohort.treatment.length, control: cohort.control.length },
    weeks: reported
      .filter((w) => w > baseline && counts.has(w))
      .map((w) => {
        const c = counts.get(w)!;
        return {
          week: w,
          n: c.n,
          employed: { treatment: c.counts.treatment[EMPLOYED]!, control: c.counts.control[EMPLOYED]! },
          test: test(c, EMPLOYED, o),
        };
      }),
  };
}
