/**
 * --by: under each subgroup table, the test of whether the effect differs between the subgroups
 * (arm × subgroup against arm + subgroup). Its figures are computed from the subgroup table's
 * counts, so they are hidden wherever one of those counts is (declared as derivedCells).
 */
import type { CompareResult, ExcludedReason, InteractionResult } from '../../analyses/compare/index.js';
import { sayer, type Lang } from '../../base/i18n.js';
import { labelCol, num, pValue, text, valueCol, type CellRef, type Table } from '../../model/table.js';
import type { CompareTableOptions } from './labels.js';

/** How a subgroup value is shown: Uoplyst for unknown, Mænd/Kvinder for gender. */
export function subgroupLabel(v: string | null, byName: string, lang: Lang): string {
  const t = sayer(lang);
  if (v === null) return t('Uoplyst', 'Unknown');
  if (byName === 'gender' && v === 'M') return t('Mænd', 'Men');
  if (byName === 'gender' && v === 'K') return t('Kvinder', 'Women');
  return v;
}

function reasonText(r: ExcludedReason, lang: Lang): string {
  const t = sayer(lang);
  switch (r) {
    case 'unknown':
      return t('ukendt værdi', 'unknown value');
    case 'empty-arm':
      return t('en af grupperne har ingen rækker', 'one of the groups has no rows');
    case 'no-events':
      return t('ingen har resultatet', 'nobody has the outcome');
    case 'all-events':
      return t('alle har resultatet', 'everybody has the outcome');
  }
}

function failureText(x: InteractionResult, lang: Lang): string {
  const t = sayer(lang);
  const f = x.failure!;
  switch (f.reason) {
    case 'too-few-subgroups':
      return t(
        'Ingen test: der skal være mindst to undergrupper med rækker i begge grupper (og, for et ja/nej-resultat, både med og uden resultatet).',
        'No test: it needs at least two subgroups with rows in both groups (and, for a yes/no outcome, rows with and without the outcome).',
      );
    case 'no-residual':
      return t(
        'Ingen test: ingen variation inden for undergrupperne at måle forskellen op imod.',
        'No test: no variation within the subgroups to measure the difference against.',
      );
    default:
      return t(
        `Ingen test: modellen uden interaktion kunne ikke tilpasses (${f.reason === 'fit' ? f.failure : f.reason}).`,
        `No test: the model without interaction could not be fitted (${f.reason === 'fit' ? f.failure : f.reason}).`,
      );
  }
}

/** The notes of an interaction test: what it tests, how to read it, what was left out and why. */
function interactionNotes(
  x: InteractionResult,
  res: CompareResult,
  o: CompareTableOptions,
  vs: string,
): string[] {
  const t = sayer(o.lang);
  const by = res.by!;
  const name = (v: string | null) => subgroupLabel(v, by.name, o.lang);
  const notes: string[] = [];
  notes.push(
    x.kind === 'lrt'
      ? t(
          `Er forskellen (${vs}) den samme i alle undergrupper? Logistisk regression af resultatet med gruppe × undergruppe mod gruppe + undergruppe; likelihood-ratio-test (χ², frihedsgrader = undergrupper − 1), som R's anova(glm(..., family = binomial), test = "LRT").`,
          `Is the difference (${vs}) the same in every subgroup? Logistic regression of the outcome on group × subgroup against group + subgroup; likelihood-ratio test (χ², degrees of freedom = subgroups − 1), as R's anova(glm(..., family = binomial), test = "LRT").`,
        )
      : t(
          `Er forskellen (${vs}) den samme i alle undergrupper? Lineær model af resultatet med gruppe × undergruppe mod gruppe + undergruppe; F-test, som R's anova(lm(...), lm(...)).`,
          `Is the difference (${vs}) the same in every subgroup? Linear model of the outcome on group × subgroup against group + subgroup; F test, as R's anova(lm(...), lm(...)).`,
        ),
  );
  notes.push(
    t(
      'Et lille p (under 0,05) tyder på, at effekten er forskellig i undergrupperne. Et stort p viser ikke, at den er ens: kun at data ikke kan skelne. Én samlet test i stedet for mange separate tests.',
      'A small p (below 0.05) suggests that the effect differs between the subgroups. A large p does not show that it is the same: only that the data cannot tell. One test instead of many separate ones.',
    ),
  );
  if (x.excluded.length > 0)
    notes.push(
      t('Ikke med i testen: ', 'Not in the test: ') +
        x.excluded.map((e) => `${name(e.value)} (${reasonText(e.reason, o.lang)})`).join('; ') +
        '.',
    );
  if (x.separated.length > 0)
    notes.push(
      t(
        `${x.separated.map(name).join(', ')}: én gruppe har 0 % eller 100 % (separation). Modellen med interaktion rammer den celle eksakt; testen er grænseværdien (R's glm når den med advarslen "fitted probabilities numerically 0 or 1") og er usikker med så få.`,
        `${x.separated.map(name).join(', ')}: one group has 0% or 100% (separation). The model with interaction fits that cell exactly; the test is the limit (R's glm reaches it with the warning "fitted probabilities numerically 0 or 1") and is uncertain with so few.`,
      ),
    );
  if (x.failure) notes.push(failureText(x, o.lang));
  return notes;
}

/** The interaction test of outcome i, under the subgroup table `byTable`. */
export function interactionTable(
  res: CompareResult,
  i: number,
  byTable: Table,
  o: CompareTableOptions,
  shared: { vs: string; titleTail: string; sourceNote: string },
  label: string,
): Table {
  const t = sayer(o.lang);
  const by = res.by!;
  const x = by.interactions[i]!;
  const rowsIn = by.groups.flatMap((g, j) => (x.included.includes(g.value) ? [j] : []));
  const from: CellRef[] = rowsIn.flatMap((row) =>
    byTable.rows[row]!.cells.flatMap((c, col) => (c.t === 'count' ? [{ table: byTable.id, row, col }] : [])),
  );
  // The smallest count behind the test, as for the p-values of the subgroup rows.
  const behind = Math.min(
    ...from.map((r) => {
      const c = byTable.rows[r.row]!.cells[r.col]!;
      return c.t === 'count' && c.v > 0 ? c.v : Infinity;
    }),
  );
  const n = Number.isFinite(behind) ? behind : 0;
  const test = x.test;
  return {
    id: `${byTable.id}.interaction`,
    title: `${label}: ${t('forskellige effekter efter', 'different effects by')} ${(o.byLabel ?? by.name).toLowerCase()}? (${t('interaktionstest', 'interaction test')})${shared.titleTail}`,
    columns: [
      labelCol('Test'),
      valueCol(x.kind === 'lrt' ? 'χ²' : 'F'),
      valueCol(t('Frihedsgrader', 'df')),
      valueCol(t('Frihedsgrader, nævner', 'df, denominator')),
      valueCol('p'),
      valueCol(t('Undergrupper i testen', 'Subgroups in the test')),
      valueCol('n'),
    ],
    rows: [
      {
        cells: [
          text(
            x.kind === 'lrt'
              ? t('Likelihood-ratio (logistisk)', 'Likelihood ratio (logistic)')
              : t('F (lineær model)', 'F (linear model)'),
          ),
          num(test?.statistic ?? null, 3, n),
          num(test?.df ?? null, 0, n),
          num(test?.df2 ?? null, 0, n),
          pValue(test?.pValue ?? null, n),
          // A number of subgroups, not of persons: never a small cell.
          num(x.included.length, 0),
          num(x.n, 0, n),
        ],
      },
    ],
    notes: [...interactionNotes(x, res, o, shared.vs), shared.sourceNote],
    derivedCells: [{ row: 0, cols: [1, 2, 3, 4, 6], from }],
  };
}
