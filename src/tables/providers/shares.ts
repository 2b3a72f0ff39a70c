/** The main benchmark table: per provider the share with its interval, the difference from the others and the target. */
import type { OutcomeBenchmark, ProviderRow, ProvidersResult } from '../../analyses/providers/index.js';
import { sayer } from '../../base/i18n.js';
import {
  count,
  empty,
  labelCol,
  num,
  share,
  text,
  valueCol,
  type Cell,
  type Row,
  type Table,
} from '../../model/table.js';
import { formatFixed } from '../../render/format.js';
import { smallest } from '../compare/outcomes.js';
import { outcomeLabel } from '../compare/index.js';
import { caveat, dataNotes, sourceNote, tooFew, type ProvidersTableOptions } from './notes.js';

/** Columns of the shares table. */
export const SHARES = {
  n: 1,
  successes: 2,
  share: 3,
  lower: 4,
  upper: 5,
  diff: 6,
  diffLower: 7,
  diffUpper: 8,
};

const pct = (v: number | null | undefined) => (v === null || v === undefined ? null : 100 * v);

/** Whether a provider row is shown as "for få" (fewer courses than the small-cell threshold). */
export const isTooFew = (n: number, threshold: number): boolean => threshold > 0 && n < threshold;

function targetText(r: ProviderRow, target: number, o: ProvidersTableOptions): string {
  const t = sayer(o.lang);
  if (r.n === 0) return '-';
  if (r.ci && r.ci[1] < target) return t('ja, hele KI', 'yes, whole CI');
  return r.successes / r.n < target ? t('ja', 'yes') : t('nej', 'no');
}

function providerCells(r: ProviderRow, o: ProvidersTableOptions, target?: number, total = false): Cell[] {
  const missing = count(r.missing + r.censored);
  if (isTooFew(r.n, o.threshold) && !total) {
    const few = text(tooFew(o.lang));
    return [
      count(r.n),
      count(r.successes),
      few,
      empty,
      empty,
      empty,
      empty,
      empty,
      ...(target === undefined ? [] : [empty]),
      missing,
    ];
  }
  const k = smallest(r.successes, r.n - r.successes);
  const d = r.vsOthers;
  return [
    count(r.n),
    count(r.successes),
    share(r.successes, r.n),
    num(pct(r.ci?.[0]), 1, k),
    num(pct(r.ci?.[1]), 1, k),
    total ? empty : num(pct(d?.difference), 1, k),
    total ? empty : num(pct(d?.ci[0]), 1, k),
    total ? empty : num(pct(d?.ci[1]), 1, k),
    ...(target === undefined ? [] : [text(targetText(r, target, o))]),
    missing,
  ];
}

export function sharesTable(
  b: OutcomeBenchmark,
  res: ProvidersResult,
  o: ProvidersTableOptions,
  target: number | undefined,
  id: string,
): Table {
  const t = sayer(o.lang);
  const label = outcomeLabel(b.spec, o.vocab, o.lang);
  const rows: Row[] = b.providers.map((r) => ({
    cells: [text(o.valueLabel(r.value)), ...providerCells(r, o, target)],
  }));
  rows.push({ cells: [text(t('Alle', 'All')), ...providerCells(b.total, o, target, true)], style: 'total' });
  const targetPct =
    target === undefined
      ? ''
      : formatFixed(100 * target, target * 100 === Math.round(target * 100) ? 0 : 1, o.lang);
  const notes = [
    ...caveat(o.lang),
    t(
      `Andel: forløb med udfaldet (${label}) blandt forløb med et kendt udfald. 95 %-KI: Wilsons scoreinterval. Forskel fra øvrige: andelen minus andelen i alle øvrige forløb (de andre rækker tilsammen), i procentpoint, med Newcombes hybride scoreinterval (metode 10).`,
      `Share: courses with the outcome (${label}) among courses with a known outcome. 95% CI: Wilson score interval. Difference from the others: the share minus the share of all other courses (the other rows together), in percentage points, with Newcombe's hybrid score interval (method 10).`,
    ),
    t(
      'Et interval for forskellen, der ikke rummer 0, betyder, at forskellen næppe er tilfældighed alene — ikke at leverandøren er årsagen.',
      'An interval of the difference that does not contain 0 means the difference is hardly chance alone — not that the provider is its cause.',
    ),
    ...(target === undefined
      ? []
      : [
          t(
            `Mål: ${targetPct} %. "Under mål": andelen er under målet; "ja, hele KI": også intervallets øvre grænse er under målet.`,
            `Target: ${targetPct}%. "Under target": the share is below the target; "yes, whole CI": the upper limit of the interval is below it too.`,
          ),
        ]),
    t(
      '"Uden udfald": forløb uden kendt udfald (ingen status, ikke afsluttet eller ikke fulgt længe nok); de er ikke med i andelen.',
      '"No outcome": courses without a known outcome (no status, not ended, or not followed long enough); they are not in the share.',
    ),
    ...(o.threshold > 0
      ? [
          t(
            `"for få": færre end ${o.threshold} forløb; ikke vist og ikke med i tragtdiagrammet.`,
            `"too few": fewer than ${o.threshold} courses; not shown and left out of the funnel plot.`,
          ),
        ]
      : []),
    ...dataNotes(res, o),
    sourceNote(o),
  ];
  return {
    id,
    title: t(
      `${label}: ${o.byLabel.toLowerCase()} sammenlignet`,
      `${label}: ${o.byLabel.toLowerCase()} compared`,
    ),
    columns: [
      labelCol(o.byLabel),
      valueCol(t('Forløb med udfald', 'Courses with outcome')),
      valueCol(t('Heraf med udfaldet', 'With the outcome')),
      valueCol(t('Andel, pct.', 'Share, %')),
      valueCol(t('95 %-KI, nedre', '95% CI, lower')),
      valueCol(t('95 %-KI, øvre', '95% CI, upper')),
      valueCol(t('Forskel fra øvrige, pct.-point', 'Difference from others, pp')),
      valueCol(t('95 %-KI, nedre', '95% CI, lower')),
      valueCol(t('95 %-KI, øvre', '95% CI, upper')),
      ...(target === undefined ? [] : [valueCol(t('Under mål', 'Under target'))]),
      valueCol(t('Uden udfald', 'No outcome')),
    ],
    rows,
    notes,
    additive: { rows: true },
    // The intervals, the difference and the target flag are computed from the row's two counts.
    derived: [4, 5, 6, 7, 8, ...(target === undefined ? [] : [9])].map((col) => ({
      col,
      from: [SHARES.n, SHARES.successes],
    })),
  };
}
