/**
 * The provider benchmark on fixtures/providers/providers-export.csv against R 4.2.2: per provider
 * n, successes, the Wilson interval and Newcombe's interval of the difference from the others; the
 * indirect standardisation by targetGroup × education × ageBand worked by hand in R (tapply of the
 * stratum rates); and glm(y ~ targetGroup + education + provider, binomial) with its Wald
 * intervals (confint.default) and the average marginal effects with delta-method intervals. Every
 * number was printed by fixtures/providers/reference.R, where the R code is; R is not needed here.
 * Checked to a relative error of 1e-8 (the R values have 10 significant digits).
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { providers, type ProvidersResult } from '../../src/analyses/providers/index.js';
import {
  resolveProviders,
  parseTarget,
  type ProvidersRequest,
} from '../../src/analyses/providers/resolve.js';
import { providersKeptColumns } from '../../src/analyses/providers/resolve.js';
import { loadCourses, type Loaded } from '../../src/schema/load.js';
import { providersYoy, yearBefore } from '../../src/analyses/providers/yoy.js';
import { parsePeriod } from '../../src/base/period.js';
import { dayOf } from '../../src/base/dates.js';

const FILE = resolve('fixtures/providers/providers-export.csv');

function close(actual: number | null | undefined, expected: number, what: string): void {
  expect(actual, what).not.toBeNull();
  expect(Math.abs(actual! - expected), `${what}: got ${actual}, R gives ${expected}`).toBeLessThanOrEqual(
    Math.max(1e-10, 1e-8 * Math.abs(expected)),
  );
}

let data: Loaded;
const request = (r: Partial<ProvidersRequest>): ProvidersRequest => ({
  by: 'Leverandør',
  outcome: ['followUp3=job,education'],
  ...r,
});
const run = (r: Partial<ProvidersRequest>): ProvidersResult =>
  providers(data.store, resolveProviders(request(r), data));

beforeAll(async () => {
  data = await loadCourses(FILE, { keepColumns: providersKeptColumns(request({})) });
  expect(data.ledger.rejected).toEqual([]);
});

describe('shares and differences (prop.test, Newcombe)', () => {
  // [provider, n, successes, prop.test(x, n, correct = FALSE)$conf.int, [difference, Newcombe lower, upper]]
  const R: [string, number, number, [number, number], [number, number, number]][] = [
    ['Job & Co', 211, 102, [0.4168861891, 0.5505316453], [0.1112604235, 0.02882204911, 0.1927565792]],
    ['Klar Start', 129, 33, [0.1883433552, 0.3374071104], [-0.1970162352, -0.2780445156, -0.1042602289]],
    ['Lille Værksted', 3, 0, [0, 0.5614970318], [-0.4129353234, -0.4526640296, 0.149888732]],
    [
      'Nordvest Kompetence',
      112,
      55,
      [0.4003302623, 0.5824047617],
      [0.09835887796, -0.002371498211, 0.1989190465],
    ],
    ['Vejen Videre', 151, 59, [0.3165409622, 0.4703378217], [-0.02685394076, -0.1140501006, 0.06431882619]],
  ];
  it('match R for every provider, in alphabetical order', () => {
    const res = run({});
    const b = res.outcomes[0]!;
    expect(b.providers.map((p) => p.value)).toEqual(R.map((r) => r[0]));
    R.forEach(([name, n, x, ci, d], k) => {
      const p = b.providers[k]!;
      expect([p.n, p.successes], name).toEqual([n, x]);
      close(p.ci![0], ci[0], `${name} lower`);
      close(p.ci![1], ci[1], `${name} upper`);
      close(p.vsOthers!.difference, d[0], `${name} difference`);
      close(p.vsOthers!.ci[0], d[1], `${name} difference lower`);
      close(p.vsOthers!.ci[1], d[2], `${name} difference upper`);
    });
    // total: 606 courses with a status, 249 in job or education, 38 without a status
    expect([b.total.n, b.total.successes, b.total.missing + b.total.censored]).toEqual([606, 249, 38]);
    expect(res.courses).toBe(644);
    expect(res.personsInSeveral).toBeGreaterThan(0);
  });
});

describe('indirect standardisation by targetGroup, education, ageBand', () => {
  // E = tapply(rate[s], provider, sum) with rate = tapply(y, s, mean), s = paste(tg, edu, band);
  // [provider, n, O, E, O/E, Byar lower, upper]
  const R: [string, number, number, number, number, [number, number]][] = [
    ['Job & Co', 211, 102, 103.5241515, 0.9852773338, [0.8033579134, 1.196070435]],
    ['Klar Start', 129, 33, 44.47451587, 0.7419979589, [0.5106739235, 1.042074568]],
    ['Lille Værksted', 3, 0, 0.8853754941, 0, [0, 4.142888364]],
    ['Nordvest Kompetence', 112, 55, 56.89132944, 0.966755401, [0.7282449969, 1.258388939]],
    ['Vejen Videre', 151, 59, 43.22462767, 1.364962596, [1.039012903, 1.760733215]],
  ];
  it('gives the expected counts and O/E of R', () => {
    const s = run({ adjust: 'targetGroup,education,ageBand' }).outcomes[0]!.standardisation!;
    R.forEach(([name, n, o, e, ratio, ci], k) => {
      const r = s.rows[k]!;
      expect([r.value, r.n, r.observed]).toEqual([name, n, o]);
      close(r.expected, e, `${name} E`);
      close(r.ratio, ratio, `${name} O/E`);
      close(r.ci![0], ci[0], `${name} lower`);
      close(r.ci![1], ci[1], `${name} upper`);
    });
    // strata: 87, small (< 10): 64 with 262 courses, single-provider courses: 24
    expect([s.strata, s.small.strata, s.small.courses, s.singleProvider]).toEqual([87, 64, 262, 24]);
    // The expected counts add up to the observed total (indirect standardisation's identity).
    expect(s.rows.reduce((a, r) => a + r.expected, 0)).toBeCloseTo(249, 9);
  });
});

describe('logistic model (glm)', () => {
  // m <- glm(y ~ tg + edu + prov, binomial) without Lille Værksted (all its courses "no");
  // [provider, exp(coef), exp(confint.default), p (summary), AME, AME ± qnorm(0.975) · se]
  const R: [string, number, [number, number], number, number, [number, number]][] = [
    [
      'Vejen Videre',
      2.838514134,
      [1.505335956, 5.35240154],
      0.001264666545,
      0.2067521258,
      [0.09683351763, 0.316670734],
    ],
    [
      'Klar Start',
      0.6748628539,
      [0.3904511374, 1.166445242],
      0.1589792794,
      -0.07495503775,
      [-0.1790720692, 0.02916199369],
    ],
    [
      'Nordvest Kompetence',
      1.018074665,
      [0.6288974379, 1.648084346],
      0.9418966159,
      0.003525426632,
      [-0.09130006287, 0.09835091614],
    ],
  ];
  it('gives glm’s odds ratios and the marginal effects, Job & Co (most courses) the reference', () => {
    const m = run({ adjust: 'targetGroup,education', model: 'logit' }).outcomes[0]!.model!;
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.reference).toBe('Job & Co');
    // deviance(m): 722.7768062
    close(m.deviance, 722.7768062, 'deviance');
    for (const [name, or, ci, p, ame, ameCi] of R) {
      const r = m.rows.find((x) => x.value === name)!;
      close(r.oddsRatio, or, `${name} OR`);
      close(r.ci![0], ci[0], `${name} OR lower`);
      close(r.ci![1], ci[1], `${name} OR upper`);
      close(r.pValue, p, `${name} p`);
      close(r.ame, ame, `${name} AME`);
      close(r.ameCi![0], ameCi[0], `${name} AME lower`);
      close(r.ameCi![1], ameCi[1], `${name} AME upper`);
    }
    const small = m.rows.find((x) => x.value === 'Lille Værksted')!;
    expect([small.excluded, small.oddsRatio]).toEqual([true, null]);
  });
  it('recovers the built-in provider effects within their intervals (Vejen Videre e^0.7, Klar Start e^-0.5)', () => {
    const m = run({ adjust: 'targetGroup,education,ageBand', model: 'logit' }).outcomes[0]!.model!;
    if (!m.ok) throw new Error(m.message);
    const at = (v: string) => m.rows.find((r) => r.value === v)!.ci!;
    expect(at('Vejen Videre')[0]).toBeLessThan(Math.exp(0.7));
    expect(at('Vejen Videre')[1]).toBeGreaterThan(Math.exp(0.7));
    expect(at('Klar Start')[0]).toBeLessThan(Math.exp(-0.5));
    expect(at('Klar Start')[1]).toBeGreaterThan(Math.exp(-0.5));
  });
  it('takes --reference and says when it names no provider', () => {
    const m = run({ adjust: 'targetGroup', model: 'logit', reference: 'vejen videre' }).outcomes[0]!.model!;
    expect(m.ok && m.reference).toBe('Vejen Videre');
    const bad = run({ model: 'logit', reference: 'Nowhere' }).outcomes[0]!.model!;
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/--reference Nowhere: no such provider.*"Job & Co"/);
  });
  it('refuses a model where an adjustment field is the provider itself (singular)', () => {
    const m = run({ adjust: 'Leverandør', model: 'logit' }).outcomes[0]!.model!;
    expect(!m.ok && m.message).toMatch(/determined by the other columns/);
  });
});

describe('the command line, checked before any figure', () => {
  it('reads targets as percentages', () => {
    expect(parseTarget('30%')).toBeCloseTo(0.3, 12);
    expect(parseTarget('30')).toBeCloseTo(0.3, 12);
    expect(parseTarget('0,25')).toBeCloseTo(0.25, 12);
    expect(() => parseTarget('150%')).toThrow(/--target 150%/);
    expect(() => parseTarget('tredive')).toThrow(/percentage/);
  });
  it('names what is wrong', () => {
    expect(() => run({ outcome: [] })).toThrow(/--outcome/);
    expect(() => run({ adjust: 'shoeSize' })).toThrow(/--adjust shoeSize: neither a field/);
    expect(() => run({ model: 'probit' })).toThrow(/--model probit/);
    expect(() => run({ reference: 'Job & Co' })).toThrow(/add --model logit/);
    expect(() => run({ by: 'Nowhere' })).toThrow(/--by Nowhere/);
    expect(() => run({ outcome: ['followUp3=job within 12m'] })).toThrow(/"within" applies to exit outcomes/);
  });
});

describe('--yoy', () => {
  it('takes the same months a year earlier (29 February → 28 February)', () => {
    expect(yearBefore(parsePeriod('2025H1'))).toMatchObject({
      label: '2024H1',
      from: dayOf(2024, 1, 1),
      to: dayOf(2024, 6, 30),
    });
    expect(yearBefore(parsePeriod('2025-03')).label).toBe('2024-03');
    const leap = { from: dayOf(2024, 2, 1)!, to: dayOf(2024, 2, 29)!, label: 'x', source: 'given' as const };
    expect(yearBefore(leap)).toMatchObject({ from: dayOf(2023, 2, 1), to: dayOf(2023, 2, 28) });
  });
  // courses ended in 2024 and 2025 (format(Slutdato, "%Y")); [provider, n 2024, x 2024, n 2025, x 2025,
  // [change, Newcombe lower, upper]] as newcombe(x2025, n2025, x2024, n2024) in reference.R
  const R: [string, number, number, number, number, [number, number, number]][] = [
    ['Job & Co', 104, 49, 107, 53, [0.02417325665, -0.1088864638, 0.1559986738]],
    ['Klar Start', 69, 17, 60, 16, [0.02028985507, -0.1277329736, 0.1709923243]],
    ['Nordvest Kompetence', 52, 23, 60, 32, [0.09102564103, -0.09203224765, 0.2655515662]],
    ['Vejen Videre', 76, 25, 75, 34, [0.1243859649, -0.03067266567, 0.2714893754]],
  ];
  it('gives each period’s counts and the change with its interval as R', () => {
    const o = resolveProviders(request({ period: '2025' }), data);
    const { yoy } = providersYoy(data.store, { ...o, period: o.period! });
    for (const [name, n0, x0, n1, x1, ch] of R) {
      const r = yoy.outcomes[0]!.rows.find((x) => x.value === name)!;
      expect([r.before, r.now], name).toEqual([
        { n: n0, successes: x0 },
        { n: n1, successes: x1 },
      ]);
      close(r.change!.difference, ch[0], `${name} change`);
      close(r.change!.ci[0], ch[1], `${name} lower`);
      close(r.change!.ci[1], ch[2], `${name} upper`);
    }
    // Lille Værksted has no course ended in 2024: no change.
    expect(yoy.outcomes[0]!.rows.find((x) => x.value === 'Lille Værksted')!.change).toBeNull();
  });
});
