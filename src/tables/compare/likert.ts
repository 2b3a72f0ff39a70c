/**
 * --likert: the answers by group in the order of the scale (counts and shares of the answers, "Ved
 * ikke" apart, a total row), the chi-square test of the scale answers × group, and the share "i høj
 * grad or more" compared as an outcome row; and the distribution as a stacked bar chart.
 */
import { ARMS, type CompareResult, type LikertResult } from '../../analyses/compare/index.js';
import { sayer, type Lang } from '../../base/i18n.js';
import { formatFixed } from '../../render/format.js';
import type { StackedBars } from '../../render/chart.js';
import {
  count,
  labelCol,
  num,
  pValue,
  share,
  text,
  valueCol,
  type CellRef,
  type Row,
  type Table,
} from '../../model/table.js';
import type { CompareTableOptions } from './labels.js';
import { outcomesTable, type Shared } from './outcomes.js';

/** The distribution: one row per scale category, then Ved ikke, then the total of the answers. */
function distributionTable(
  l: LikertResult,
  res: CompareResult,
  o: CompareTableOptions,
  shared: Shared,
): Table {
  const t = sayer(o.lang);
  const g = o.armLabels;
  const answers = (a: 'treatment' | 'control') => l.counts[a].reduce((s, v) => s + v, 0) + l.dontKnow[a];
  const row = (label: string, tr: number, co: number): Row => ({
    cells: [
      text(label),
      count(tr),
      share(tr, answers('treatment')),
      count(co),
      share(co, answers('control')),
      count(tr + co),
      share(tr + co, answers('treatment') + answers('control')),
    ],
  });
  const rows: Row[] = [
    ...l.spec.order.map((c, k) => row(c, l.counts.treatment[k]!, l.counts.control[k]!)),
    row(l.spec.dontKnow[0] ?? t('Ved ikke', "Don't know"), l.dontKnow.treatment, l.dontKnow.control),
    { ...row(t('Svar i alt', 'Answers, total'), answers('treatment'), answers('control')), style: 'total' },
  ];
  const notes: string[] = [
    t(
      `Svar på "${l.spec.text}" efter gruppe, i skalaens rækkefølge. Procent af gruppens svar (${l.spec.dontKnow.join(', ')} med).`,
      `Answers to "${l.spec.text}" by group, in the order of the scale. Per cent of the group's answers (${l.spec.dontKnow.join(', ')} included).`,
    ),
  ];
  if (ARMS.some((a) => l.missing[a] > 0))
    notes.push(
      t(
        `Ikke besvaret (ikke med): ${g.treatment} ${l.missing.treatment}, ${g.control} ${l.missing.control}.`,
        `No answer (not included): ${g.treatment} ${l.missing.treatment}, ${g.control} ${l.missing.control}.`,
      ),
    );
  if (l.unknown.length > 0)
    notes.push(
      t(
        `Svar, der ikke er på skalaen (ikke med; angiv skalaen med --likert-order eller likert.order i konfigurationen): `,
        `Answers not on the scale (not included; give the scale with --likert-order or likert.order in the config): `,
      ) +
        l.unknown
          .map((u) => `"${u.value}" (${g.treatment} ${u.counts.treatment}, ${g.control} ${u.counts.control})`)
          .join(', ') +
        '.',
    );
  notes.push(shared.sourceNote);
  return {
    id: 'compare.likert',
    title: `${l.spec.text}: ${t('svar efter gruppe', 'answers by group')}, ${shared.vs}${shared.titleTail}`,
    columns: [
      labelCol(t('Svar', 'Answer')),
      valueCol(`${g.treatment}, ${t('antal', 'count')}`),
      valueCol(`${g.treatment}, ${t('pct.', '%')}`),
      valueCol(`${g.control}, ${t('antal', 'count')}`),
      valueCol(`${g.control}, ${t('pct.', '%')}`),
      valueCol(`${t('I alt', 'Total')}, ${t('antal', 'count')}`),
      valueCol(`${t('I alt', 'Total')}, ${t('pct.', '%')}`),
    ],
    rows,
    notes,
    additive: { rows: true, totalColumn: 5 },
  };
}

/** Pearson's chi-square test of the scale answers × group, as a one-row table (numbers in json). */
function chisqTable(l: LikertResult, dist: Table, o: CompareTableOptions, shared: Shared): Table {
  const t = sayer(o.lang);
  const c = l.chisq;
  const from: CellRef[] = l.spec.order.flatMap((_v, row) =>
    [1, 3].map((col) => ({ table: dist.id, row, col })),
  );
  const behind = Math.min(...ARMS.flatMap((a) => l.counts[a].filter((v) => v > 0)), Infinity);
  const n = Number.isFinite(behind) ? behind : 0;
  const notes = [
    t(
      `Pearsons χ²-test af svarene på skalaen (${l.spec.order.length} kategorier) × gruppe, som R's chisq.test; ${l.spec.dontKnow.join(', ')} og svar uden for skalaen er ikke med. Tester, om fordelingen af svar er den samme i de to grupper.`,
      `Pearson's χ² test of the answers on the scale (${l.spec.order.length} categories) × group, as R's chisq.test; ${l.spec.dontKnow.join(', ')} and answers off the scale are not included. Tests whether the answers are distributed alike in the two groups.`,
    ),
  ];
  if (c && c.minExpected < 5)
    notes.push(
      t(
        `Mindste forventede antal er ${formatFixed(c.minExpected, 2, 'da')} (under 5): χ²-tilnærmelsen kan være upræcis (R advarer "Chi-squared approximation may be incorrect"). Brug et eksakt test (R: fisher.test) eller simulering (R: chisq.test(simulate.p.value = TRUE)), eller slå kategorier sammen med --likert-order.`,
        `The smallest expected count is ${formatFixed(c.minExpected, 2, 'en')} (below 5): the χ² approximation may be poor (R warns "Chi-squared approximation may be incorrect"). Use an exact test (R: fisher.test) or simulation (R: chisq.test(simulate.p.value = TRUE)), or merge categories with --likert-order.`,
      ),
    );
  if (!c)
    notes.push(
      t(
        'Ingen test: der skal være svar på mindst to kategorier i begge grupper.',
        'No test: it needs answers in at least two categories and in both groups.',
      ),
    );
  notes.push(shared.sourceNote);
  return {
    id: 'compare.likert.chisq',
    title: `${l.spec.text}: ${t('er svarene fordelt ens?', 'are the answers distributed alike?')}${shared.titleTail}`,
    columns: [
      labelCol('Test'),
      valueCol('χ²'),
      valueCol(t('Frihedsgrader', 'df')),
      valueCol('p'),
      valueCol(t('Mindste forventede antal', 'Smallest expected count')),
    ],
    rows: [
      {
        cells: [
          text('Pearson χ²'),
          num(c?.statistic ?? null, 3, n),
          num(c?.df ?? null, 0, n),
          pValue(c?.pValue ?? null, n),
          num(c?.minExpected ?? null, 2, n),
        ],
      },
    ],
    notes,
    derivedCells: [{ row: 0, cols: [1, 2, 3, 4], from }],
  };
}

/** The tables of --likert: distribution, chi-square test, and the top share as an outcome. */
export function likertTables(res: CompareResult, o: CompareTableOptions, shared: Shared): Table[] {
  const t = sayer(o.lang);
  const l = res.likert!;
  const dist = distributionTable(l, res, o, shared);
  const topLabel = `${l.spec.text}: ${l.spec.order.slice(0, l.spec.top).join(t(' eller ', ' or '))}`;
  const top = outcomesTable({ ...res, outcomes: [l.top] }, o, shared, [topLabel]);
  top.id = 'compare.likert.top';
  top.title = `${topLabel}: ${t('andel', 'share')}, ${shared.vs}${shared.titleTail}`;
  top.notes.unshift(
    t(
      `Andelen, der svarer "${l.spec.order.slice(0, l.spec.top).join('" eller "')}", af gruppens svar (${l.spec.dontKnow.join(', ')} med i nævneren).`,
      `The share answering "${l.spec.order.slice(0, l.spec.top).join('" or "')}", of the group's answers (${l.spec.dontKnow.join(', ')} in the denominator).`,
    ),
  );
  // The share's counts are sums of the distribution's cells: declared, so that suppression hides
  // them together (else a hidden category would be the share's count minus the shown one).
  const totalRow = l.spec.order.length + 1;
  const cell = (table: string, row: number, col: number) => ({ table, row, col });
  top.links = [
    [2, 1, 1],
    [5, 4, 3],
  ].flatMap(([antal, n, col]) => [
    {
      total: cell(top.id, 0, antal!),
      parts: l.spec.order.slice(0, l.spec.top).map((_v, k) => cell(dist.id, k, col!)),
    },
    { total: cell(top.id, 0, n!), parts: [cell(dist.id, totalRow, col!)] },
  ]);
  return [dist, chisqTable(l, dist, o, shared), top];
}

/** The distribution as published (after suppression), for the stacked bar chart. */
export function likertBars(
  shown: Table,
  o: { lang: Lang; armLabels: CompareTableOptions['armLabels'] },
): StackedBars {
  const t = sayer(o.lang);
  const body = shown.rows.filter((r) => r.style !== 'total');
  const categories = body.map((r) => (r.cells[0]?.t === 'text' ? r.cells[0].v : ''));
  const bars: StackedBars['bars'] = [];
  let hidden = 0;
  for (const [a, col] of [
    ['treatment', 2],
    ['control', 4],
  ] as const)
    body.forEach((r, k) => {
      const c = r.cells[col]!;
      if (c.t === 'suppressed') hidden++;
      else if (c.t === 'share' && c.of > 0)
        bars.push({ group: o.armLabels[a], category: categories[k]!, value: (100 * c.count) / c.of });
    });
  return {
    title: shown.title,
    bars,
    hidden,
    groups: [o.armLabels.treatment, o.armLabels.control],
    categories,
    xTitle: t('Pct. af svarene', 'Per cent of the answers'),
  };
}
