/** The case-mix adjusted tables: indirect standardisation (O, E, O − E, O/E) and the logistic model. */
import {
  adjustName,
  SMALL_STRATUM,
  type ModelResult,
  type OutcomeBenchmark,
  type Standardisation,
} from '../../analyses/providers/index.js';
import { sayer } from '../../base/i18n.js';
import {
  count,
  empty,
  labelCol,
  num,
  pValue,
  text,
  valueCol,
  type Cell,
  type Table,
} from '../../model/table.js';
import { smallest } from '../compare/outcomes.js';
import { outcomeLabel } from '../compare/index.js';
import { aProvider, caveat, sourceNote, theProvider, tooFew, type ProvidersTableOptions } from './notes.js';
import { isTooFew } from './shares.js';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? null : 100 * v);

export function standardisedTable(
  b: OutcomeBenchmark,
  s: Standardisation,
  o: ProvidersTableOptions,
  id: string,
): Table {
  const t = sayer(o.lang);
  const label = outcomeLabel(b.spec, o.vocab, o.lang);
  const fields = s.fields.map(adjustName).join(', ');
  const rows = s.rows.map((r) => {
    const k = smallest(r.observed, r.n - r.observed);
    const cells: Cell[] = isTooFew(r.n, o.threshold)
      ? [count(r.n), count(r.observed), text(tooFew(o.lang)), empty, empty, empty, empty, empty]
      : [
          count(r.n),
          count(r.observed),
          num(r.expected, 1, k),
          num(r.n === 0 ? null : (100 * (r.observed - r.expected)) / r.n, 1, k),
          num(r.ratio, 2, k),
          num(r.ci?.[0] ?? null, 2, k),
          num(r.ci?.[1] ?? null, 2, k),
          num(r.n === 0 || r.ratio === null ? null : (100 * r.expected) / r.n, 1, k),
        ];
    return { cells: [text(o.valueLabel(r.value)), ...cells] };
  });
  const notes = [
    ...caveat(o.lang),
    t(
      `Indirekte standardisering efter ${fields}: forventet (E) er det antal, ${theProvider(o)}s forløb ville have givet med alle leverandørers andel i hvert stratum (kombination af værdierne; manglende værdi er stratummet "Uoplyst"). O − E i procentpoint = (O − E) / forløb. O/E over 1: flere end forventet ud fra borgersammensætningen. 95 %-KI for O/E: Byars tilnærmelse til Poisson-intervallet. "Forventet andel": E / forløb.`,
      `Indirect standardisation by ${fields}: expected (E) is the count ${theProvider(o)}'s courses would have given at all providers' share in each stratum (a combination of the values; a missing value is the stratum "Unknown"). O − E in percentage points = (O − E) / courses. O/E above 1: more than expected from the case mix. 95% CI of O/E: Byar's approximation to the Poisson interval. "Expected share": E / courses.`,
    ),
    t(
      `${s.strata} strata; ${s.small.strata} har færre end ${SMALL_STRATUM} forløb (${s.small.courses} forløb): deres andele er usikre.` +
        (s.singleProvider > 0
          ? ` ${s.singleProvider} forløb ligger i strata med kun én ${aProvider(o)}: der er forventet lig observeret.`
          : ''),
      `${s.strata} strata; ${s.small.strata} have fewer than ${SMALL_STRATUM} courses (${s.small.courses} courses): their shares are uncertain.` +
        (s.singleProvider > 0
          ? ` ${s.singleProvider} courses are in strata with only one ${aProvider(o)}: there expected equals observed.`
          : ''),
    ),
    sourceNote(o),
  ];
  return {
    id,
    title: t(`${label}: justeret for ${fields}`, `${label}: adjusted for ${fields}`),
    columns: [
      labelCol(o.byLabel),
      valueCol(t('Forløb med udfald', 'Courses with outcome')),
      valueCol(t('Observeret (O)', 'Observed (O)')),
      valueCol(t('Forventet (E)', 'Expected (E)')),
      valueCol(t('O − E, pct.-point', 'O − E, pp')),
      valueCol('O/E'),
      valueCol(t('95 %-KI, nedre', '95% CI, lower')),
      valueCol(t('95 %-KI, øvre', '95% CI, upper')),
      valueCol(t('Forventet andel, pct.', 'Expected share, %')),
    ],
    rows,
    notes,
    // E, O − E, O/E and its interval come from the row's courses and observed count ("for få" stays).
    derived: derivedOf([3, 4, 5, 6, 7, 8], [1, 2], shownRows(s.rows, o)),
  };
}

/** The rows not shown as "for få": in them a derived figure is hidden with the counts behind it. */
function shownRows(rows: { n: number }[], o: ProvidersTableOptions): number[] {
  return rows.flatMap((r, i) => (isTooFew(r.n, o.threshold) ? [] : [i]));
}

const derivedOf = (cols: number[], from: number[], rows: number[]): NonNullable<Table['derived']> =>
  cols.map((col) => ({ col, from, rows }));

export function modelTable(
  b: OutcomeBenchmark,
  m: ModelResult,
  o: ProvidersTableOptions,
  fields: string,
  id: string,
): Table {
  const t = sayer(o.lang);
  const label = outcomeLabel(b.spec, o.vocab, o.lang);
  const title = t(`${label}: logistisk regression`, `${label}: logistic regression`);
  const columns = [
    labelCol(o.byLabel),
    valueCol(t('Forløb med udfald', 'Courses with outcome')),
    valueCol(t('Odds ratio', 'Odds ratio')),
    valueCol(t('95 %-KI, nedre', '95% CI, lower')),
    valueCol(t('95 %-KI, øvre', '95% CI, upper')),
    valueCol(t('p-værdi', 'p-value'), 'pValue'),
    valueCol(t('Gns. marginal forskel, pct.-point', 'Average marginal effect, pp')),
    valueCol(t('95 %-KI, nedre', '95% CI, lower')),
    valueCol(t('95 %-KI, øvre', '95% CI, upper')),
  ];
  if (!m.ok)
    return {
      id,
      title,
      columns,
      rows: [],
      notes: [
        t(`Modellen kunne ikke beregnes: ${m.message}.`, `The model could not be fitted: ${m.message}.`),
        sourceNote(o),
      ],
    };
  const successes = new Map(b.providers.map((r) => [r.value, r.successes]));
  const rows = m.rows.map((r) => {
    const k = smallest(successes.get(r.value) ?? 0, r.n - (successes.get(r.value) ?? 0));
    const blank = (s: string): Cell[] => [text(s), empty, empty, empty, empty, empty, empty];
    let cells: Cell[];
    if (isTooFew(r.n, o.threshold)) cells = blank(tooFew(o.lang));
    else if (r.reference) cells = blank(t('reference', 'reference'));
    else if (r.excluded) cells = blank(t('ikke i modellen', 'not in the model'));
    else
      cells = [
        num(r.oddsRatio, 2, k),
        num(r.ci?.[0] ?? null, 2, k),
        num(r.ci?.[1] ?? null, 2, k),
        pValue(r.pValue, k),
        num(pct(r.ame), 1, k),
        num(pct(r.ameCi?.[0]), 1, k),
        num(pct(r.ameCi?.[1]), 1, k),
      ];
    return { cells: [text(o.valueLabel(r.value)), count(r.n), ...cells] };
  });
  const excluded = m.rows.filter((r) => r.excluded).map((r) => r.value);
  return {
    id,
    title,
    columns,
    rows,
    notes: [
      ...caveat(o.lang),
      t(
        `Logistisk regression (IRLS, som R's glm) af udfaldet på ${fields ? `${fields} (som faktorer, hyppigste værdi som reference) og ` : ''}${o.byLabel.toLowerCase()}, med ${m.reference} som reference (${m.n} forløb, ${m.parameters} parametre). Odds ratio over 1: højere odds for udfaldet end hos referencen ved samme ${fields || 'sammensætning'}; 95 %-KI og p-værdi: Wald. Gns. marginal forskel: gennemsnittet over alle forløb af den forudsagte andel hos ${theProvider(o)} minus hos referencen, med delta-metodens interval.`,
        `Logistic regression (IRLS, as R's glm) of the outcome on ${fields ? `${fields} (as factors, the most common value the reference) and ` : ''}${o.byLabel.toLowerCase()}, with ${m.reference} as the reference (${m.n} courses, ${m.parameters} parameters). Odds ratio above 1: higher odds of the outcome than at the reference for the same ${fields || 'mix'}; 95% CI and p-value: Wald. Average marginal effect: the mean over all courses of the predicted share at ${theProvider(o)} minus that at the reference, with the delta-method interval.`,
      ),
      ...(excluded.length > 0
        ? [
            t(
              `Ikke i modellen (alle forløb har samme udfald, så odds ratio er 0 eller uendelig): ${excluded.join(', ')}.`,
              `Not in the model (every course has the same outcome, so the odds ratio is 0 or infinite): ${excluded.join(', ')}.`,
            ),
          ]
        : []),
      sourceNote(o),
    ],
    // The odds ratio, p-value and marginal effect come from the row's courses (and its successes,
    // which the shares table shows: providersTables declares that).
    derived: derivedOf([2, 3, 4, 5, 6, 7, 8], [1], shownRows(m.rows, o)),
  };
}
