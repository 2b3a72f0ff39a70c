/**
 * jobfx compare, run as a user runs it, on the demo export (one row per course) and on the survey
 * fixture (one row per respondent). The expected numbers were computed by R straight from the
 * fixture files by fixtures/compare/reference.R (the R call is in the comment above each); they
 * are checked to a relative error of 1e-9. R is not needed to run this test.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CPR_LIKE } from '../helpers.js';
import { jobfx } from './run.js';

const DEMO = resolve('fixtures/demo/demo-export.csv');
const DEMO_XLSX = resolve('fixtures/demo/demo-export.xlsx');
const SURVEY = resolve('fixtures/compare/survey.csv');

type JsonCell =
  | null
  | number
  | string
  | { count: number; of: number; percent: number }
  | { value: number | null; n: number };
type JsonTable = {
  id: string;
  title: string;
  columns: { label: string }[];
  rows: { cells: JsonCell[] }[];
  notes: string[];
  stats?: Record<string, number | null> | null;
};

function run(args: string[]): Map<string, JsonTable> {
  // The reference values of the demo export are per course (reference.R): --unit course, which
  // adds the cluster-robust interval columns (65+ persons have several courses; COLC).
  const unit = args[0] === DEMO || args[0] === DEMO_XLSX ? ['--unit', 'course'] : [];
  const r = jobfx(['compare', ...args, ...unit, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).not.toMatch(CPR_LIKE);
  return new Map((JSON.parse(r.stdout).tables as JsonTable[]).map((t) => [t.id, t]));
}

/** A number out of a cell: counts, num cells' value, shares' percent. */
function v(c: JsonCell | undefined): number | null {
  if (c === null || c === undefined) return null;
  if (typeof c === 'number') return c;
  if (typeof c === 'string') return Number.NaN;
  return 'percent' in c ? c.percent : c.value;
}

function close(actual: JsonCell | undefined, expected: number, what = ''): void {
  const a = v(actual);
  expect(a, what).not.toBeNull();
  expect(
    Math.abs(a! - expected) / Math.abs(expected),
    `${what}: got ${a}, R gives ${expected}`,
  ).toBeLessThanOrEqual(1e-9);
}

/** Outcome table columns with both kinds: label, [n, count, share/mean, SD] × 2, diff, lower, upper, p, test, signif. */
const COL = {
  nT: 1,
  xT: 2,
  pT: 3,
  sdT: 4,
  nC: 5,
  xC: 6,
  pC: 7,
  sdC: 8,
  diff: 9,
  lo: 10,
  hi: 11,
  p: 12,
  test: 13,
  sig: 14,
};
/** The same with the cluster-robust interval columns after the naive ones (--unit course). */
const COLC = { ...COL, clo: 12, chi: 13, p: 14, test: 15, sig: 16 };

describe('jobfx compare on the demo export (courses)', () => {
  const tables = run([
    DEMO,
    '--outcome',
    'exitGroup=job',
    '--within',
    '12m',
    '--outcome',
    'followUp6=job,education',
    '--numeric',
    'duration',
  ]);
  const t = tables.get('compare.outcomes')!;

  it('"job within 12m": counts, shares, difference, CI and p as R prop.test', () => {
    const row = t.rows[0]!.cells;
    expect(row[0]).toBe('Afsluttet til job inden 12 måneder fra start');
    // prop.test(c(65, 47), c(207, 159)); censored: 31, 23
    expect([row[COLC.nT], row[COLC.xT], row[COLC.nC], row[COLC.xC]]).toEqual([207, 65, 159, 47]);
    close(row[COLC.pT], (100 * 65) / 207);
    close(row[COLC.diff], 100 * (65 / 207 - 47 / 159));
    close(row[COLC.lo], 100 * -0.082164226164917753, 'lower');
    close(row[COLC.hi], 100 * 0.11898858128295625, 'upper');
    close(row[COLC.p], 0.79142017598423264, 'p');
    expect(row[COLC.test]).toBe('χ² (Yates)');
    expect(row[COLC.sig]).toBe('Nej');
    expect(t.notes.join('\n')).toContain('er ikke med: Indsats 31, Kontrol 23');
  });

  it('followUp6=job,education: rows without a status are not in n', () => {
    const row = t.rows[1]!.cells;
    // prop.test(c(53, 36), c(120, 100)): p = 0.27528994068122659, conf.int = -0.056901816357993185 0.22023514969132651
    expect([row[COLC.nT], row[COLC.xT], row[COLC.nC], row[COLC.xC]]).toEqual([120, 53, 100, 36]);
    close(row[COLC.lo], 100 * -0.056901816357993185);
    close(row[COLC.hi], 100 * 0.22023514969132651);
    close(row[COLC.p], 0.27528994068122659);
    expect(t.notes.join('\n')).toContain('ikke med i n (ingen værdi): Indsats 118, Kontrol 82');
  });

  it('duration: means, SD, Welch t-test as R t.test', () => {
    const row = t.rows[2]!.cells;
    // t.test(duration of ended courses): t = -0.10633906451100712, df = 338.37489554316346,
    // p = 0.91537635277767726, conf.int = -13.412233840437199 12.036438841980885,
    // means 75.014634146341464 75.702531645569621
    close(row[COLC.pT], 75.014634146341464);
    close(row[COLC.pC], 75.702531645569621);
    close(row[COLC.lo], -13.412233840437199);
    close(row[COLC.hi], 12.036438841980885);
    close(row[COLC.p], 0.91537635277767726);
    expect(row[COLC.test]).toBe('Welch t');
  });

  it('cluster-robust intervals by person next to the naive ones, as R (fixtures/compare/cluster.R)', () => {
    // robust(y, treated, person): lm(y ~ treated), V = G/(G-1)·(N-1)/(N-K)·(X'X)⁻¹ Σ_g X_g'e_g e_g'X_g (X'X)⁻¹,
    // b ± qnorm(0.975)·√V[2,2]; person = the CPR number's digits.
    const [within, fu6, duration] = [0, 1, 2].map((k) => t.rows[k]!.cells);
    close(within![COLC.clo], 100 * -0.076385702747387457, 'within12 lower');
    close(within![COLC.chi], 100 * 0.11321005786542526, 'within12 upper');
    close(fu6![COLC.clo], 100 * -0.047978387985339196, 'fu6 lower');
    close(fu6![COLC.chi], 100 * 0.21131172131867298, 'fu6 upper');
    close(duration![COLC.clo], -13.524245948430254, 'duration lower');
    close(duration![COLC.chi], 12.148450949973929, 'duration upper');
    expect(t.columns[COLC.clo]!.label).toBe('95 %-KI klyngerobust, nedre');
    expect(t.notes.join('\n')).toContain('Forløb for samme person er ikke uafhængige');
  });

  it('says the groups are randomised (mapped Forsøgsgruppe column) and what the unit is', () => {
    expect(t.title).toBe('Resultater: Indsats vs. Kontrol');
    const notes = t.notes.join('\n');
    expect(notes).toContain('markeret som trukket ved lodtrækning');
    expect(notes).toContain(
      'Enhed: ét forløb pr. række (420 forløb, 340 personer); 68 personer har mere end ét forløb',
    );
  });

  it('gives the same figures from the xlsx workbook', () => {
    const x = run([
      DEMO_XLSX,
      '--outcome',
      'exitGroup=job',
      '--within',
      '12m',
      '--outcome',
      'followUp6=job,education',
      '--numeric',
      'duration',
    ]);
    expect(x.get('compare.outcomes')!.rows).toEqual(t.rows);
  });
});

describe('jobfx compare --weekly on the demo export', () => {
  // s <- summary(survfit(Surv(time, status) ~ g), times = 7 * (1:26), extend = TRUE): 1 − surv, 1 − upper, 1 − lower
  const T = {
    share: [
      0.012605042016806678, 0.033613445378151141, 0.050420168067226823, 0.058823529411764608,
      0.067264915015779914, 0.075744324879272851, 0.10152123610930375, 0.1101604549928682,
      0.11899277324900326, 0.1372324583059843, 0.1557640831355398, 0.17921508082621929, 0.19339539917140691,
      0.20317314730769853, 0.20809183158357691, 0.20809183158357691, 0.21313583265629299, 0.21313583265629299,
      0.21824534023644693, 0.22345703796820393, 0.24451705678938318, 0.26044128685755319, 0.2658004079672811,
      0.27671833005431734, 0.27671833005431734, 0.28236896810076795,
    ],
    lower: [
      0, 0.010442335321861007, 0.022210369911662031, 0.028450659012982493, 0.034883409893855521,
      0.041482494501334566, 0.062172352416527521, 0.069290491680858657, 0.076609857905258538,
      0.091849203608476815, 0.10757855560091611, 0.12780548451666396, 0.14019462440277186,
      0.14874755639148529, 0.15306657154868741, 0.15306657154868741, 0.15748645796545502, 0.15748645796545502,
      0.16196676945724764, 0.16653292920771989, 0.18510635874446968, 0.19928898656889849, 0.20408214722455531,
      0.21385448108634042, 0.21385448108634042, 0.21889891377083881,
    ],
    upper: [
      0.026677304107261435, 0.056241989437122331, 0.077816097178275534, 0.088246873916860258,
      0.098559958787116764, 0.10878147963666951, 0.13921913984658674, 0.14923570804760133,
      0.15943034454894001, 0.18034776387530438, 0.20134787459763626, 0.22759445102704157, 0.24330435637723935,
      0.25411898909799768, 0.25954210078660878, 0.25954210078660878, 0.26510947663305506, 0.26510947663305506,
      0.27074449342990436, 0.27649334567243844, 0.29959635394528528, 0.3169232332134333, 0.32273281839163015,
      0.33455529352591762, 0.33455529352591762, 0.34068162620162279,
    ],
  };
  const C = {
    share: [
      0.021978021978022011, 0.038461538461538547, 0.060439560439560558, 0.076923076923077094,
      0.098901098901098994, 0.11552029259084484, 0.12693293397676941, 0.1441274764621856, 0.1441274764621856,
      0.15585286534285292, 0.16783022409951653, 0.17390445604039595, 0.1866136182551591, 0.19296819936254062,
      0.19942445376764029, 0.21233696257783963, 0.21901207306446813, 0.23242033847673926, 0.23242033847673926,
      0.23242033847673926, 0.23946235372007185, 0.24650436896340455, 0.24650436896340455, 0.25374951926183331,
      0.26823981985869083, 0.26823981985869083,
    ],
    lower: [
      0.00044431603404071485, 0.010112792209430288, 0.025173141862755211, 0.037386550414598041,
      0.054469426178671787, 0.067807970080114854, 0.077073835739006169, 0.091271456436447629,
      0.091271456436447629, 0.10104959897151267, 0.11110178995181663, 0.11622562682878601,
      0.12691265338084101, 0.1323040217508511, 0.13778966603323572, 0.14885129172835188, 0.15456557236129032,
      0.16612279204707203, 0.16612279204707203, 0.16612279204707203, 0.17216311944386975, 0.17823715996936118,
      0.17823715996936118, 0.18447400584156992, 0.19705085604536454, 0.19705085604536454,
    ],
    upper: [
      0.043047821309175061, 0.065998423111899074, 0.094430141908624532, 0.11483575646678656,
      0.14124487135295716, 0.16079055847986823, 0.17409850181811848, 0.19390913630330175, 0.19390913630330175,
      0.20731512646904071, 0.22093831656526441, 0.22781892249131108, 0.24223228229127791, 0.24939109599845743,
      0.25665330143219234, 0.27108734996388451, 0.27854589063444901, 0.29344688742539371, 0.29344688742539371,
      0.29344688742539371, 0.30129047763559458, 0.30910034095716865, 0.30910034095716865, 0.31714036831331283,
      0.33311721511631109, 0.33311721511631109,
    ],
  };

  it('share exited to job by week 1..26 with the 95% limits of R survfit, and the log-rank test', () => {
    const w = run([DEMO, '--weekly', '26', '--weekly-rows', 'all']).get('compare.weekly')!;
    expect(w.rows).toHaveLength(26);
    w.rows.forEach((r, i) => {
      expect(r.cells[0]).toBe(i + 1);
      for (const [ref, cols] of [
        [T, [1, 2, 3]],
        [C, [4, 5, 6]],
      ] as const) {
        close(r.cells[cols[0]], 100 * ref.share[i]!, `share week ${i + 1}`);
        if (ref.lower[i] === 0) expect(v(r.cells[cols[1]])).toBe(0);
        else close(r.cells[cols[1]], 100 * ref.lower[i]!, `lower week ${i + 1}`);
        close(r.cells[cols[2]], 100 * ref.upper[i]!, `upper week ${i + 1}`);
      }
    });
    // survdiff(Surv(time, status) ~ g): chisq = 0.014556112307762685, p = 0.90396928205215721, obs 61 45
    const notes = w.notes.join('\n');
    expect(notes).toContain('χ² = 0,01, df = 1, p = 0,904');
    expect(notes).toContain('Observerede / forventede afgange: Indsats 61 / 60,4, Kontrol 45 / 45,6');
    // The same test as numbers in the json (Table.stats).
    const stats = w.stats!;
    close(stats.logRankChisq!, 0.014556112307762685, 'log-rank chi-square');
    close(stats.logRankP!, 0.90396928205215721, 'log-rank p');
    expect([stats.logRankDf, stats.observedTreatment, stats.observedControl]).toEqual([1, 61, 45]);
    close(stats.expectedTreatment! + stats.expectedControl!, 106, 'expected add up to the exits');
  });

  it('by default reports weeks 4, 8, 13 and N, with the same R survfit values', () => {
    const w = run([DEMO, '--weekly', '26']).get('compare.weekly')!;
    expect(w.rows.map((r) => r.cells[0])).toEqual([4, 8, 13, 26]);
    w.rows.forEach((r) => {
      const i = (r.cells[0] as number) - 1;
      close(r.cells[1], 100 * T.share[i]!, `treatment week ${i + 1}`);
      close(r.cells[4], 100 * C.share[i]!, `control week ${i + 1}`);
    });
    expect(w.notes.join('\n')).toContain('Rækker: uge 4, 8, 13, 26');
    // The memo: rows four or more weeks apart leave no cumulative step below 5 exits to hide,
    // where a row per week hides many cells (every week adds only a few exits).
    const weeklyMd = (extra: string[]) =>
      jobfx(['compare', DEMO, '--weekly', '26', ...extra, '--format', 'md']).stdout.split('uge for uge')[1]!;
    expect(weeklyMd([]).split('Rækker')[0]).not.toContain('..');
    expect(weeklyMd(['--weekly-rows', 'all']).split('Rækker')[0]).toMatch(/\| +\.\. \|/);
  });

  it('--weekly-rows chooses the weeks; a bad list is a usage error', () => {
    const w = run([DEMO, '--weekly', '12', '--weekly-rows', '2,6,52']).get('compare.weekly')!;
    // 52 lies beyond N = 12: the rows stop at N.
    expect(w.rows.map((r) => r.cells[0])).toEqual([2, 6, 12]);
    const bad = jobfx(['compare', DEMO, '--weekly', '12', '--weekly-rows', '4,x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--weekly-rows 4,x: expected week numbers');
    const alone = jobfx(['compare', DEMO, '--weekly-rows', '4']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('add --weekly N');
  });

  it('--chart writes an SVG line chart of the curve', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-compare-'));
    const svg = join(dir, 'uger.svg');
    const r = jobfx(['compare', DEMO, '--weekly', '12', '--chart', svg, '--format', 'md']);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(svg, 'utf8');
    expect(text).toMatch(/^<svg/);
    expect(text).toContain('Uger efter randomisering'); // the default unit: the person
    expect(text).toContain('Indsats');
    expect(text).toContain('Kontrol');
    // Printed in grey the two colours look alike: the control curve is dashed, with square points,
    // and the one legend shows both.
    expect(text).toContain('stroke-dasharray="6,3"');
    expect(text).toMatch(
      /legend for shape, fill color, stroke color and strokeDash with 2 values: Indsats, Kontrol/,
    );
  });
});

describe('jobfx compare on the survey (one row per respondent)', () => {
  const tables = run([
    SURVEY,
    '--group',
    'Gruppe',
    '--outcome',
    'arbejde_vigtigt=Ja',
    '--numeric',
    'Timer',
    '--by',
    'Jobcenter',
    '--balance',
    '--age',
    'Alder',
  ]);
  const t = tables.get('compare.outcomes')!;

  it('reads the file as respondents and compares a yes/no answer as R prop.test', () => {
    const row = t.rows[0]!.cells;
    expect(row[0]).toBe('arbejde_vigtigt: Ja');
    // prop.test(c(105, 79), c(163, 137)): p = 0.28131109354120998,
    // conf.int = -0.049854768204488642 0.18491365495385048
    expect([row[COL.nT], row[COL.xT], row[COL.nC], row[COL.xC]]).toEqual([163, 105, 137, 79]);
    close(row[COL.lo], 100 * -0.049854768204488642);
    close(row[COL.hi], 100 * 0.18491365495385048);
    close(row[COL.p], 0.28131109354120998);
    expect(t.notes.join('\n')).toContain('Enhed: én række pr. respondent (320 respondenter).');
    expect(t.notes.join('\n')).toContain(
      'arbejde_vigtigt: Ja: ikke med i n (ingen værdi): Indsats 9, Kontrol 11.',
    );
  });

  it('a numeric column with decimal commas as R t.test (Welch)', () => {
    const row = t.rows[1]!.cells;
    // t.test(Timer[Deltager], Timer[Kontrol]), n = 154, 138: p = 0.025771769719979694,
    // conf.int = 0.27324764524520601 4.2130124714496944, means 11.496753246753247 9.2536231884057969,
    // sd 8.5952462072677989 8.4867858593191876
    expect([row[COL.nT], row[COL.nC]]).toEqual([154, 138]);
    close(row[COL.pT], 11.496753246753247);
    close(row[COL.pC], 9.2536231884057969);
    close(row[COL.sdT], 8.5952462072677989);
    close(row[COL.sdC], 8.4867858593191876);
    close(row[COL.lo], 0.27324764524520601);
    close(row[COL.hi], 4.2130124714496944);
    close(row[COL.p], 0.025771769719979694);
    expect(row[COL.sig]).toBe('Ja');
  });

  it('--by Jobcenter: one row per jobcentre, tests as R, and the note on false positives', () => {
    const by = tables.get('compare.by.1')!;
    expect(by.rows.map((r) => r.cells[0])).toEqual(['Nord', 'Syd', 'Vest', 'I alt']);
    // Nord: prop.test(c(38, 16), c(54, 32)); Syd: prop.test(c(37, 30), c(57, 55)); Vest: prop.test(c(30, 33), c(52, 50))
    const ref = [
      [0.097256261801326127, -0.032944664679843916, 0.44035207208725136],
      [0.35445941689440019, -0.094933867212942308, 0.30227039033893921],
      [0.50969173681574986, -0.29050043775643652, 0.12434659160259023],
    ];
    // Columns without SD (one kind of outcome): label, n, count, %, n, count, %, diff, lower, upper, p.
    ref.forEach(([p, lo, hi], i) => {
      const c = by.rows[i]!.cells;
      close(c[10], p!);
      close(c[8], 100 * lo!);
      close(c[9], 100 * hi!);
    });
    expect(by.notes[0]).toMatch(/^Mange tests i undergrupper giver falske fund/);
    expect(by.notes[0]).toContain('Her er der 6 tests i undergrupper');
  });

  it('--balance: age band from the Alder column and gender, chi-square as R chisq.test(correct = FALSE)', () => {
    // chisq.test(table(age band, group), correct = FALSE): 2.5013208636116233, df 4, p = 0.6443992874658907
    const age = tables.get('compare.balance.ageBand')!;
    expect(age.notes.join('\n')).toContain('χ² = 2,50, df = 4, p = 0,644');
    close(age.stats!.chisq!, 2.5013208636116233, 'chi-square');
    expect(age.stats!.df).toBe(4);
    close(age.stats!.pValue!, 0.6443992874658907, 'p');
    // chisq.test(table(Køn, group), correct = FALSE): 0.26666288600193061, df 1, p = 0.60557917250623805
    const sex = tables.get('compare.balance.gender')!;
    expect(sex.notes.join('\n')).toContain('χ² = 0,27, df = 1, p = 0,606');
    expect(sex.rows.map((r) => r.cells.slice(0, 5))).toEqual([
      [
        'Mænd',
        84,
        { count: 84, of: 172, percent: (100 * 84) / 172 },
        68,
        { count: 68, of: 148, percent: (100 * 68) / 148 },
      ],
      [
        'Kvinder',
        88,
        { count: 88, of: 172, percent: (100 * 88) / 172 },
        80,
        { count: 80, of: 148, percent: (100 * 80) / 148 },
      ],
      ['I alt', 172, { count: 172, of: 172, percent: 100 }, 148, { count: 148, of: 148, percent: 100 }],
    ]);
    expect(tables.has('compare.balance.targetGroup')).toBe(false);
  });

  it('without a randomisation marker: a simple effect, in the title and a note', () => {
    const r = run([
      SURVEY,
      '--group',
      'Jobcenter',
      '--treatment',
      'Nord',
      '--control',
      'Syd',
      '--outcome',
      'arbejde_vigtigt=Ja',
    ]);
    const o = r.get('compare.outcomes')!;
    const sentence = 'Simpel effekt — ikke et effektestimat: grupperne er ikke trukket ved lodtrækning';
    expect(o.title).toBe(`Resultater: Nord vs. Syd (${sentence})`);
    expect(o.notes[0]).toContain(sentence);
    expect(o.notes[0]).toContain('ikke at indsatsen har skabt den');
    expect(o.notes.join('\n')).toContain('Ikke med (hverken indsats eller kontrol): 110 "Vest".');
    // --randomised: the user vouches for the draw.
    const rr = run([
      SURVEY,
      '--group',
      'Jobcenter',
      '--treatment',
      'Nord',
      '--control',
      'Syd',
      '--randomised',
      '--outcome',
      'arbejde_vigtigt=Ja',
    ]);
    expect(rr.get('compare.outcomes')!.title).toBe('Resultater: Nord vs. Syd');
  });

  it('gives the expected memo output, byte for byte (fixtures/compare/survey.expected.md)', () => {
    const r = jobfx([
      'compare',
      SURVEY,
      '--group',
      'Gruppe',
      '--outcome',
      'arbejde_vigtigt=Ja',
      '--numeric',
      'Timer',
      '--by',
      'Jobcenter',
      '--balance',
      '--age',
      'Alder',
      '--format',
      'md',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(readFileSync(resolve('fixtures/compare/survey.expected.md'), 'utf8'));
  });

  it('matches column names without regard to case', () => {
    const r = run([
      SURVEY,
      '--group',
      'gruppe',
      '--outcome',
      'ARBEJDE_VIGTIGT=ja',
      '--numeric',
      'timer',
      '--balance',
      '--age',
      'alder',
    ]);
    const o = r.get('compare.outcomes')!;
    expect(o.rows.map((x) => [x.cells[0], x.cells[COL.nT], x.cells[COL.nC]])).toEqual([
      ['ARBEJDE_VIGTIGT: ja', 163, 137],
      ['timer', 154, 138],
    ]);
    expect(r.has('compare.balance.ageBand')).toBe(true);
  });

  it('refuses outcomes that need dates', () => {
    const r = jobfx(['compare', SURVEY, '--weekly', '4']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no start or end date column, so it is read as one row per respondent');
  });
});

describe('jobfx compare: errors and memo output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jobfx-compare-'));
  const write = (name: string, lines: string[]) => {
    const file = join(dir, name);
    writeFileSync(file, lines.join('\n') + '\n');
    return file;
  };

  it('a single group present: a clear error, exit 1', () => {
    const f = write('one.csv', [
      'Respondent-id;Gruppe;svar',
      'r1;Deltager;Ja',
      'r2;Deltager;Nej',
      'r3;Venteliste;Ja',
    ]);
    const r = jobfx(['compare', f, '--outcome', 'svar=Ja']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'only the treatment group is present (2 rows); a comparison needs both groups',
    );
    expect(r.stderr).toContain('"Venteliste" (1)');
  });

  it('a person in both groups with --unit person: an error with the count and rows, no ids', () => {
    const f = write('both.csv', [
      'Borger-id;Startdato;Slutdato;Afslutningsårsag;Gruppe',
      'b1;01-01-2024;01-02-2024;Job;Indsats',
      'b1;01-03-2024;;;Kontrol',
      'b2;01-01-2024;01-02-2024;Job;Kontrol',
    ]);
    const r = jobfx(['compare', f, '--outcome', 'exitGroup=job', '--unit', 'person']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /1 person is in both the treatment and the control group \(rows of each: line 2 and line 3\)/,
    );
    expect(r.stderr).not.toContain('b1');
  });

  it('usage errors exit 2', () => {
    expect(jobfx(['compare', DEMO]).code).toBe(2);
    expect(jobfx(['compare', DEMO, '--outcome', 'nosuch=1']).stderr).toContain('no column "nosuch"');
    expect(jobfx(['compare', DEMO, '--treatment', 'Indsats', '--outcome', 'exitGroup=job']).code).toBe(2);
    expect(jobfx(['compare', DEMO, '--outcome', 'followUp6=job', '--within', '12m']).code).toBe(2);
  });

  it('memo formats suppress small cells; nothing CPR-like in the output', () => {
    const r = jobfx([
      'compare',
      DEMO,
      '--outcome',
      'job within 26w',
      '--by',
      'targetGroup',
      '--format',
      'md',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('<5');
    expect(r.stdout).not.toMatch(CPR_LIKE);
  });
});
