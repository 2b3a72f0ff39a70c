/** --balance: one table per baseline characteristic, counts and shares by arm with standardised differences. */
import type { BalanceResult, CompareResult } from '../../analyses/compare/index.js';
import { sayer } from '../../base/i18n.js';
import {
  count,
  empty,
  labelCol,
  num,
  share,
  text,
  valueCol,
  type Row,
  type Table,
} from '../../model/table.js';
import { formatFixed } from '../../render/format.js';
import { matchKey } from '../../schema/normalize-text.js';
import { balanceFieldLabel, SIMPLE_EFFECT_DA, SIMPLE_EFFECT_EN, type CompareTableOptions } from './labels.js';
import { smallest } from './outcomes.js';

export function balanceTable(
  b: BalanceResult,
  res: CompareResult,
  o: CompareTableOptions,
  sourceNote: string,
): Table {
  const t = sayer(o.lang);
  const g = o.armLabels;
  const label = balanceFieldLabel(b.field, o.lang);
  const significant = b.chisq !== null && b.chisq.pValue < 0.05;
  const value = (v: string) =>
    b.field === 'gender' ? (v === 'M' ? t('Mænd', 'Men') : v === 'K' ? t('Kvinder', 'Women') : v) : v;
  const rows: Row[] = b.rows.map((r) => {
    const behind = smallest(r.counts.treatment, r.counts.control);
    const flag = r.d === null || Math.abs(r.d) > 0.1;
    return {
      cells: [
        text(value(r.value)),
        count(r.counts.treatment),
        share(r.counts.treatment, b.n.treatment),
        count(r.counts.control),
        share(r.counts.control, b.n.control),
        num(r.d, 2, behind),
        text(flag ? t('ubalance', 'imbalance') : ''),
      ],
    };
  });
  rows.push({
    cells: [
      text(t('I alt', 'Total')),
      count(b.n.treatment),
      share(b.n.treatment, b.n.treatment),
      count(b.n.control),
      share(b.n.control, b.n.control),
      empty,
      empty,
    ],
    style: 'total',
  });
  const fmt = (v: number, d: number) => formatFixed(v, d, o.lang);
  const test = b.chisq
    ? t(
        `χ²-test af fordelingen på ${label.toLowerCase()} i de to grupper (Pearson, uden kontinuitetskorrektion, som R chisq.test(correct = FALSE)): χ² = ${fmt(b.chisq.statistic, 2)}, df = ${b.chisq.df}, p = ${b.chisq.pValue < 0.001 ? '<0,001' : fmt(b.chisq.pValue, 3)}${significant ? ' — signifikant forskel på 5 %-niveau (*)' : ' — ikke signifikant på 5 %-niveau'}.` +
          (b.chisq.minExpected < 5 ? ' En forventet celle er under 5, så testen er kun vejledende.' : ''),
        `Chi-square test of the distribution of ${label.toLowerCase()} in the two groups (Pearson, no continuity correction, as R chisq.test(correct = FALSE)): χ² = ${fmt(b.chisq.statistic, 2)}, df = ${b.chisq.df}, p = ${b.chisq.pValue < 0.001 ? '<0.001' : fmt(b.chisq.pValue, 3)}${significant ? ' — significant difference at 5% (*)' : ' — not significant at 5%'}.` +
          (b.chisq.minExpected < 5 ? ' An expected count is below 5, so the test is only indicative.' : ''),
      )
    : t('Ingen χ²-test: kun én kategori har rækker.', 'No chi-square test: only one category has rows.');
  return {
    // A column's id is its header's match key: no spaces or æøå in a json key or sheet name.
    id: `compare.balance.${b.ref.kind === 'field' ? b.field : matchKey(b.field)}`,
    title: `${t('Balance', 'Balance')}: ${label.toLowerCase()}, ${g.treatment} vs. ${g.control}${significant ? ' *' : ''}`,
    columns: [
      labelCol(label),
      valueCol(`${g.treatment}, ${t('antal', 'count')}`),
      valueCol(`${g.treatment}, ${t('pct.', '%')}`),
      valueCol(`${g.control}, ${t('antal', 'count')}`),
      valueCol(`${g.control}, ${t('pct.', '%')}`),
      valueCol(t('Std. forskel', 'Std. difference')),
      labelCol(t('|d| > 0,1', '|d| > 0.1')),
    ],
    rows,
    // The test as numbers (json): the note prints them rounded.
    stats: {
      chisq: b.chisq?.statistic ?? null,
      df: b.chisq?.df ?? null,
      pValue: b.chisq?.pValue ?? null,
      minExpected: b.chisq?.minExpected ?? null,
    },
    notes: [
      t(
        `Standardiseret forskel d = (p₁ − p₂) / √((p₁(1 − p₁) + p₂(1 − p₂)) / 2) med p₁ = andelen i ${g.treatment}, p₂ i ${g.control}; |d| > 0,1 markeres som ubalance.`,
        `Standardised difference d = (p₁ − p₂) / √((p₁(1 − p₁) + p₂(1 − p₂)) / 2) with p₁ the share in ${g.treatment}, p₂ in ${g.control}; |d| > 0.1 is marked as an imbalance.`,
      ),
      test,
      ...(res.randomised
        ? [
            t(
              'Ved lodtrækning er forskelle her tilfældige; mange ubalancer eller en signifikant test tyder på, at lodtrækningen ikke har virket, eller at grupperne er udvalgt forskelligt.',
              'With random assignment differences here are chance; many imbalances or a significant test suggest the randomisation did not work, or the groups were selected differently.',
            ),
          ]
        : [t(SIMPLE_EFFECT_DA, SIMPLE_EFFECT_EN) + '.']),
      sourceNote,
    ],
    additive: { rows: true },
  };
}
