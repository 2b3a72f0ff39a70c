/** The outcome tables: one row per outcome, and per outcome one row per subgroup (--by). */
import { ARMS, type CompareResult, type OutcomeResult } from '../../analyses/compare/index.js';
import { sayer } from '../../base/i18n.js';
import {
  count,
  empty,
  labelCol,
  num,
  pValue,
  share,
  text,
  valueCol,
  type Cell,
  type Column,
  type Row,
  type Table,
} from '../../model/table.js';
import { formatFixed } from '../../render/format.js';
import {
  outcomeLabel,
  SIMPLE_EFFECT_DA,
  SIMPLE_EFFECT_EN,
  starsOf,
  type CompareTableOptions,
} from './labels.js';
import { interactionTable, subgroupLabel } from './interaction.js';
import { methodNotes, outcomeNotes } from './notes.js';

/** Smallest positive number among the counts behind a derived figure (0 when all are 0). */
export function smallest(...counts: number[]): number {
  const pos = counts.filter((c) => c > 0);
  return pos.length === 0 ? 0 : Math.min(...pos);
}

function testName(r: OutcomeResult): string {
  if (r.test === null) return '-';
  if (r.test === 'welch') return 'Welch t';
  if (r.test === 'fisher') return 'Fisher';
  return r.kind === 'binary' && r.corrected ? 'χ² (Yates)' : 'χ²';
}

function signifCell(p: number | null, o: CompareTableOptions): Cell {
  if (o.stars) return text(starsOf(p));
  if (p === null) return text('-');
  return text(p < 0.05 ? (o.lang === 'da' ? 'Ja' : 'Yes') : o.lang === 'da' ? 'Nej' : 'No');
}

interface Layout {
  binary: boolean;
  numeric: boolean;
  /** Cluster-robust interval columns after the naive ones (--unit course, persons with several). */
  clustered: boolean;
  columns: Column[];
}

function outcomeLayout(
  results: OutcomeResult[],
  first: string,
  o: CompareTableOptions,
  clustered: boolean,
): Layout {
  const t = sayer(o.lang);
  const binary = results.some((r) => r.kind === 'binary');
  const numeric = results.some((r) => r.kind === 'numeric');
  const columns: Column[] = [labelCol(first)];
  for (const a of ARMS) {
    const g = o.armLabels[a];
    columns.push(valueCol(`${g}, n`));
    if (binary) columns.push(valueCol(`${g}, ${t('antal', 'count')}`));
    columns.push(
      valueCol(
        binary && numeric
          ? `${g}, ${t('pct. / gns.', '% / mean')}`
          : binary
            ? `${g}, ${t('pct.', '%')}`
            : `${g}, ${t('gns.', 'mean')}`,
      ),
    );
    if (numeric) columns.push(valueCol(`${g}, SD`));
  }
  columns.push(
    valueCol(
      binary && numeric
        ? t('Forskel (pct.-point / gns.)', 'Difference (pp / mean)')
        : binary
          ? t('Forskel, pct.-point', 'Difference, pp')
          : t('Forskel, gns.', 'Difference, mean'),
    ),
    valueCol(t('95 %-KI, nedre', '95% CI, lower')),
    valueCol(t('95 %-KI, øvre', '95% CI, upper')),
    ...(clustered
      ? [
          valueCol(t('95 %-KI klyngerobust, nedre', '95% CI cluster-robust, lower'), 'clusterLower'),
          valueCol(t('95 %-KI klyngerobust, øvre', '95% CI cluster-robust, upper'), 'clusterUpper'),
        ]
      : []),
    valueCol('p', 'pValue'),
    labelCol('Test'),
    labelCol(o.stars ? t('Signifikans', 'Significance') : t('Signifikant (5 %)', 'Significant (5%)')),
  );
  return { binary, numeric, clustered, columns };
}

function outcomeRow(label: string, r: OutcomeResult, layout: Layout, o: CompareTableOptions): Row {
  const cells: Cell[] = [text(label)];
  let behind: number;
  let scale: number;
  if (r.kind === 'binary') {
    for (const a of ARMS) {
      const arm = r.arms[a];
      cells.push(count(arm.n), count(arm.successes), share(arm.successes, arm.n));
      if (layout.numeric) cells.push(empty);
    }
    behind = smallest(
      r.arms.treatment.successes,
      r.arms.control.successes,
      r.arms.treatment.n,
      r.arms.control.n,
    );
    scale = 100;
  } else {
    for (const a of ARMS) {
      const arm = r.arms[a];
      cells.push(count(arm.n));
      if (layout.binary) cells.push(empty);
      cells.push(num(arm.mean, 1, arm.n), num(arm.sd, 1, arm.n));
    }
    behind = smallest(r.arms.treatment.n, r.arms.control.n);
    scale = 1;
  }
  const scaled = (v: number | null | undefined) => (v === null || v === undefined ? null : v * scale);
  cells.push(
    num(scaled(r.difference), 1, behind),
    num(scaled(r.ci?.[0]), 1, behind),
    num(scaled(r.ci?.[1]), 1, behind),
    ...(layout.clustered
      ? [num(scaled(r.cluster?.ci[0]), 1, behind), num(scaled(r.cluster?.ci[1]), 1, behind)]
      : []),
    pValue(r.pValue, behind),
    text(testName(r)),
    signifCell(r.pValue, o),
  );
  return { cells };
}

/**
 * Each row's test as numbers (json; Table.stats): the statistic (χ² or t; null for Fisher's test),
 * df (t only), p, and with --unit course the cluster-robust standard error of the difference.
 */
function rowStats(results: OutcomeResult[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  results.forEach((r, i) => {
    out[`row${i}.statistic`] = r.statistic;
    out[`row${i}.df`] = r.kind === 'numeric' ? r.df : r.test === 'chisq' ? 1 : null;
    out[`row${i}.pValue`] = r.pValue;
    if (r.cluster !== undefined) out[`row${i}.clusterSe`] = r.cluster?.se ?? null;
  });
  return out;
}

/** What every table of a comparison shares: "A vs. B", the simple-effect tail of titles, the source note. */
export interface Shared {
  vs: string;
  titleTail: string;
  sourceNote: string;
}

/** All outcomes, one row each, with the notes on method and on each outcome; `given` labels the rows. */
export function outcomesTable(
  res: CompareResult,
  o: CompareTableOptions,
  shared: Shared,
  given?: string[],
): Table {
  const t = sayer(o.lang);
  const labels =
    given ?? res.outcomes.map((r) => outcomeLabel(r.spec, o.vocab, o.lang, res.unit === 'person'));
  const layout = outcomeLayout(res.outcomes, t('Resultat', 'Outcome'), o, res.clustered);
  return {
    id: 'compare.outcomes',
    title: `${t('Resultater', 'Outcomes')}: ${shared.vs}${shared.titleTail}`,
    columns: layout.columns,
    rows: res.outcomes.map((r, i) => outcomeRow(labels[i]!, r, layout, o)),
    stats: rowStats(res.outcomes),
    notes: [
      ...methodNotes(res, o, res.outcomes),
      ...res.outcomes.flatMap((r, i) => outcomeNotes(labels[i]!, r, res, o)),
      shared.sourceNote,
    ],
  };
}

/** The warning every subgroup table carries: k tests give about k/20 false findings. */
function multipleTestsNote(k: number, o: CompareTableOptions): string {
  const t = sayer(o.lang);
  return t(
    `Mange tests i undergrupper giver falske fund: selv uden nogen forskel vil omtrent 1 ud af 20 tests være "signifikant" på 5 %-niveau ved et tilfælde. Her er der ${k} tests i undergrupper, så ca. ${formatFixed(k * 0.05, 1, 'da')} signifikante resultater kan forventes ved et tilfælde. Læs undergrupperne som udforskende; et strengere niveau (Bonferroni) er p < ${formatFixed(0.05 / Math.max(k, 1), 4, 'da')}.`,
    `Many subgroup tests produce false positives: even with no difference at all, about 1 in 20 tests is "significant" at 5% by chance. There are ${k} subgroup tests here, so about ${formatFixed(k * 0.05, 1, 'en')} significant results are expected by chance. Read the subgroups as exploratory; a stricter level (Bonferroni) is p < ${formatFixed(0.05 / Math.max(k, 1), 4, 'en')}.`,
  );
}

/** --by: per outcome a table with one row per subgroup and the total, and the interaction test under it. */
export function byTables(res: CompareResult, o: CompareTableOptions, shared: Shared): Table[] {
  const t = sayer(o.lang);
  const by = res.by!;
  const byLabel = o.byLabel ?? by.name;
  const multiple = multipleTestsNote(by.tests, o);
  const group = (v: string | null) => subgroupLabel(v, by.name, o.lang);
  return res.outcomes.flatMap((overall, i) => {
    const label = outcomeLabel(overall.spec, o.vocab, o.lang, res.unit === 'person');
    const results = by.groups.map((s) => s.outcomes[i]!);
    const layout = outcomeLayout([overall], byLabel, o, res.clustered);
    const table: Table = {
      id: `compare.by.${i + 1}`,
      title: `${label}: ${shared.vs} ${t('efter', 'by')} ${byLabel.toLowerCase()}${shared.titleTail}`,
      columns: layout.columns,
      rows: [
        ...by.groups.map((s, j) => outcomeRow(group(s.value), results[j]!, layout, o)),
        { ...outcomeRow(t('I alt', 'Total'), overall, layout, o), style: 'total' as const },
      ],
      stats: rowStats([...results, overall]),
      notes: [
        multiple,
        ...(res.randomised ? [] : [t(SIMPLE_EFFECT_DA, SIMPLE_EFFECT_EN) + '.']),
        ...by.groups.flatMap((s, j) =>
          results[j]!.noTest === 'empty-group'
            ? [
                t(
                  `${group(s.value)}: ingen test — en af grupperne har ingen rækker her.`,
                  `${group(s.value)}: no test — one of the groups has no rows here.`,
                ),
              ]
            : [],
        ),
        t(
          'Tests og kolonner som i tabellen med alle resultater. Om effekten er forskellig i undergrupperne, testes i tabellen under denne (interaktionstest).',
          'Tests and columns as in the table of all outcomes. Whether the effect differs between the subgroups is tested in the table below this one (interaction test).',
        ),
        shared.sourceNote,
      ],
    };
    return [table, interactionTable(res, i, table, o, shared, label)];
  });
}
