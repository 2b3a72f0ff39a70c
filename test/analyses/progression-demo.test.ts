/**
 * jobfx progression on the demo measurement file (fixtures/progression/bip-long.csv and the same
 * measurements in bip-wide.csv), against the values printed by the independent Python script
 * scripts/check-progression.py (its own reading of docs/definitions.md#progression, scipy's t
 * quantile), pasted here so that the test needs no Python:
 *
 *   python3 scripts/check-progression.py                      → REF.all
 *   python3 scripts/check-progression.py --period 2024H1 \
 *     --courses fixtures/demo/demo-export.csv --threshold 0.1 → REF.h1ByUnit
 *
 * Tally: [n, up, same, down, baselineOnly, noBaseline]; indicator: [n, up, same, down, mean, low,
 * high, [[n, mean] at baseline, midway, last]]; timeliness: [due, onTime, outside, missing].
 */
import { progressionBy } from '../../src/commands/progression-by.js';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOWS,
  progression,
  type ProgressionResult,
} from '../../src/analyses/progression/index.js';
import { loadMeasurements, type Measurements } from '../../src/schema/measurements/load.js';
import { parsePeriod } from '../../src/base/period.js';

interface Ref {
  rejectedRows: number;
  courses: number;
  tally: Record<string, number[]>;
  indicators: Record<string, (number | number[][])[]>;
  timeliness: Record<'baseline' | 'midway' | 'last', number[]>;
}

const REF: Record<'all' | 'h1ByUnit', Ref> = {
  all: {
    rejectedRows: 2,
    courses: 90,
    tally: {
      total: [75, 17, 56, 2, 12, 3],
    },
    indicators: {
      'Beskæftigelsesmedarbejders forventning til at borger kommer i job': [
        75,
        52,
        10,
        13,
        0.11703703703703702,
        0.08066602484768212,
        0.15340804922639192,
        [
          [87, 0.3103448275862069],
          [46, 0.36231884057971014],
          [78, 0.4273504273504274],
        ],
      ],
      'Borgers mestringsforventning ift. job': [
        75,
        37,
        29,
        9,
        0.12666666666666668,
        0.07629671832752694,
        0.17703661500580642,
        [
          [87, 0.35919540229885055],
          [46, 0.42391304347826086],
          [78, 0.5064102564102564],
        ],
      ],
      'Jobsøgningsadfærd og -kompetence': [
        75,
        37,
        29,
        9,
        0.12,
        0.05918557702843697,
        0.18081442297156303,
        [
          [87, 0.3218390804597701],
          [46, 0.44565217391304346],
          [78, 0.4519230769230769],
        ],
      ],
      'Kendskab til arbejdsmarkedet': [
        75,
        39,
        28,
        8,
        0.14,
        0.08974854147056335,
        0.19025145852943667,
        [
          [87, 0.3793103448275862],
          [46, 0.43478260869565216],
          [78, 0.5256410256410257],
        ],
      ],
      'Målrettethed i forhold til arbejde': [
        42,
        24,
        12,
        6,
        0.13095238095238096,
        0.0516568186631956,
        0.21024794324156632,
        [
          [50, 0.345],
          [29, 0.4051724137931034],
          [43, 0.48255813953488375],
        ],
      ],
    },
    timeliness: {
      baseline: [90, 64, 23, 3],
      midway: [54, 36, 8, 10],
      last: [89, 45, 32, 12],
    },
  },
  h1ByUnit: {
    rejectedRows: 2,
    courses: 25,
    tally: {
      'Skoler og dagtilbud': [5, 3, 1, 1, 2, 0],
      total: [21, 13, 5, 3, 4, 0],
      Rengøring: [6, 4, 2, 0, 0, 0],
      'Park & vej': [9, 5, 2, 2, 1, 0],
      Malerværksted: [1, 1, 0, 0, 1, 0],
    },
    indicators: {
      'Beskæftigelsesmedarbejders forventning til at borger kommer i job': [
        21,
        14,
        3,
        4,
        0.15343915343915343,
        0.07594510508432796,
        0.23093320179397892,
        [
          [25, 0.3111111111111111],
          [10, 0.32222222222222224],
          [21, 0.47619047619047616],
        ],
      ],
      'Borgers mestringsforventning ift. job': [
        21,
        9,
        8,
        4,
        0.09523809523809523,
        -0.015540013424579502,
        0.20601620390076997,
        [
          [25, 0.31],
          [10, 0.35],
          [21, 0.38095238095238093],
        ],
      ],
      'Jobsøgningsadfærd og -kompetence': [
        21,
        12,
        7,
        2,
        0.16666666666666666,
        0.045518767782340624,
        0.2878145655509927,
        [
          [25, 0.35],
          [10, 0.325],
          [21, 0.5238095238095238],
        ],
      ],
      'Kendskab til arbejdsmarkedet': [
        21,
        11,
        6,
        4,
        0.11904761904761904,
        0.007437623041388883,
        0.23065761505384919,
        [
          [25, 0.41],
          [10, 0.325],
          [21, 0.5595238095238095],
        ],
      ],
      'Målrettethed i forhold til arbejde': [
        10,
        6,
        3,
        1,
        0.125,
        -0.001458429795121119,
        0.2514584297951211,
        [
          [13, 0.2692307692307692],
          [7, 0.25],
          [10, 0.4],
        ],
      ],
    },
    timeliness: {
      baseline: [25, 19, 6, 0],
      midway: [10, 7, 2, 1],
      last: [24, 15, 5, 4],
    },
  },
};

function check(
  r: ProgressionResult,
  data: Measurements,
  ref: Ref,
  groups: Record<string, unknown> = {},
): void {
  expect(r.courses).toBe(ref.courses);
  const tally = (t: ProgressionResult['total']) => [t.n, t.up, t.same, t.down, t.baselineOnly, t.noBaseline];
  expect(tally(r.total)).toEqual(ref.tally.total);
  expect(Object.fromEntries(r.groups.map((g) => [g.values[0], tally(g.tally)]))).toEqual(groups);
  const seen = r.indicators.filter((x) => x.n > 0 || x.at.some((a) => a.n > 0));
  expect(seen.map((x) => data.indicators.list[x.indicator]!.da).sort()).toEqual(
    Object.keys(ref.indicators).sort(),
  );
  for (const x of seen) {
    const e = ref.indicators[data.indicators.list[x.indicator]!.da]!;
    expect([x.n, x.up, x.same, x.down]).toEqual(e.slice(0, 4));
    for (const [k, v] of ([x.mean, x.low, x.high] as number[]).entries())
      expect(v).toBeCloseTo(e[4 + k] as number, 12);
    (e[7] as number[][]).forEach(([n, mean], k) => {
      expect(x.at[k]!.n).toBe(n);
      expect(x.at[k]!.mean).toBeCloseTo(mean!, 12);
    });
  }
  const tl = (t: ProgressionResult['timeliness']['baseline']) => [t.due, t.onTime, t.outside, t.missing];
  expect(tl(r.timeliness.baseline)).toEqual(ref.timeliness.baseline);
  expect(tl(r.timeliness.midway)).toEqual(ref.timeliness.midway);
  expect(tl(r.timeliness.last)).toEqual(ref.timeliness.last);
}

const opts = (data: Measurements) => ({ indicators: data.indicators.list.length, windows: DEFAULT_WINDOWS });

describe('progression on the demo file, against scripts/check-progression.py', () => {
  it('all measured courses (long file)', async () => {
    const data = await loadMeasurements('fixtures/progression/bip-long.csv');
    expect(data.ledger.rejected).toHaveLength(REF.all.rejectedRows);
    check(progression(data.measurements, data.courses, opts(data)), data, REF.all);
  });

  it('2024H1, joined to the demo export, by unit, --threshold 0.1', async () => {
    const data = await loadMeasurements('fixtures/progression/bip-long.csv', {
      courses: 'fixtures/demo/demo-export.csv',
    });
    const r = progression(data.measurements, data.courses, {
      ...opts(data),
      threshold: 0.1,
      ...progressionBy(['unit'], data),
      period: parsePeriod('2024H1'),
    });
    const { total: _total, ...groups } = REF.h1ByUnit.tally;
    check(r, data, REF.h1ByUnit, groups);
  });

  it('the wide file gives the same figures as the long one (but for timeliness: it has no course dates)', async () => {
    const long = await loadMeasurements('fixtures/progression/bip-long.csv');
    const wide = await loadMeasurements('fixtures/progression/bip-wide.csv', {
      config: 'fixtures/progression/jobfx.config.json',
    });
    expect(wide.ledger.rejected).toEqual([]);
    const a = progression(long.measurements, long.courses, opts(long));
    const b = progression(wide.measurements, wide.courses, opts(wide));
    expect(b.total).toEqual(a.total);
    expect(b.indicators).toEqual(a.indicators);
    expect(b.timeliness.baseline.due).toBe(0);
  });
});
