/**
 * The funnel plot: each provider's share against its number of courses, with control limits
 * around the overall share that narrow as n grows (95 % and 99.8 %, normal approximation: see
 * stats/benchmark.ts funnelLimits). A provider outside the 99.8 % limits is unlikely to differ
 * from the overall share by chance alone (about 1 in 500 per provider). Drawn from the shares
 * table as printed: a provider shown "for få" or with its share hidden is not drawn.
 */
import type { TopLevelSpec } from 'vega-lite';
import { sayer, type Lang } from '../../base/i18n.js';
import type { Table } from '../../model/table.js';
import { funnelLimits } from '../../stats/benchmark.js';
import { SHARES } from './shares.js';

export interface FunnelPoint {
  provider: string;
  n: number;
  share: number;
}

/** The drawable providers of a (suppressed) shares table, and how many were left out. */
export function funnelPoints(table: Table): { points: FunnelPoint[]; left: number } {
  const points: FunnelPoint[] = [];
  let left = 0;
  for (const row of table.rows) {
    if (row.style === 'total') continue;
    const label = row.cells[0];
    const n = row.cells[SHARES.n];
    const s = row.cells[SHARES.share];
    if (label?.t === 'text' && n?.t === 'count' && s?.t === 'share' && s.of > 0)
      points.push({ provider: label.v, n: n.v, share: (100 * s.count) / s.of });
    else left++;
  }
  return { points, left };
}

/** The limit curves from n = 1 to a little beyond the largest provider, at 120 points on a log scale. */
export function funnelCurves(p0: number, maxN: number): { n: number; curve: string; value: number }[] {
  const out: { n: number; curve: string; value: number }[] = [];
  const top = Math.max(10, Math.ceil(maxN * 1.15));
  const steps = 120;
  for (let s = 0; s <= steps; s++) {
    const n = Math.exp((Math.log(top) * s) / steps);
    for (const level of [0.95, 0.998]) {
      const [lo, hi] = funnelLimits(p0, n, level);
      const name = level === 0.95 ? '95' : '99,8';
      out.push(
        { n, curve: `${name} lower`, value: 100 * lo },
        { n, curve: `${name} upper`, value: 100 * hi },
      );
    }
  }
  return out;
}

export function funnelSpec(table: Table, o: { lang: Lang; p0: number; xTitle: string }): TopLevelSpec {
  const t = sayer(o.lang);
  const { points, left } = funnelPoints(table);
  const maxN = Math.max(1, ...points.map((p) => p.n));
  const curves = funnelCurves(o.p0, maxN).map((c) => ({
    ...c,
    level: c.curve.startsWith('95') ? t('95 %-grænser', '95% limits') : t('99,8 %-grænser', '99.8% limits'),
  }));
  const locale =
    o.lang === 'da'
      ? { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' kr.'] as [string, string] }
      : { decimal: '.', thousands: ',', grouping: [3], currency: ['', ''] as [string, string] };
  const x = {
    field: 'n',
    type: 'quantitative' as const,
    title: o.xTitle,
    scale: { domain: [0, Math.ceil(maxN * 1.15)] },
  };
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: t('Andel, pct.', 'Share, %'),
    scale: { domain: [0, 100] },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: t(`Tragtdiagram: ${table.title}`, `Funnel plot: ${table.title}`),
      anchor: 'start',
      subtitle: [
        t(
          `Linjer: andelen for alle (${(100 * o.p0).toFixed(1).replace('.', o.lang === 'da' ? ',' : '.')} %) og 95 %- og 99,8 %-grænser (normaltilnærmelse).`,
          `Lines: the share of all (${(100 * o.p0).toFixed(1)}%) and 95% and 99.8% limits (normal approximation).`,
        ),
        ...(left > 0
          ? [
              t(
                `${left} ikke vist (for få forløb eller skjult ved diskretionering).`,
                `${left} not drawn (too few courses or hidden by disclosure control).`,
              ),
            ]
          : []),
      ],
    },
    background: 'white',
    padding: 8,
    width: 480,
    height: 320,
    layer: [
      {
        data: { values: curves },
        mark: { type: 'line', color: '#6baed6', strokeWidth: 1.5 },
        encoding: {
          x,
          y,
          detail: { field: 'curve', type: 'nominal' },
          strokeDash: {
            field: 'level',
            type: 'nominal',
            title: null,
            legend: { orient: 'bottom', direction: 'horizontal' },
          },
        },
      },
      {
        data: { values: [{ value: 100 * o.p0 }] },
        mark: { type: 'rule', color: '#08306b' },
        encoding: { y },
      },
      {
        data: { values: points.map((p) => ({ n: p.n, value: p.share, provider: p.provider })) },
        layer: [
          { mark: { type: 'point', filled: true, size: 60, color: '#e6550d' }, encoding: { x, y } },
          {
            mark: { type: 'text', align: 'left', dx: 6, dy: -6, fontSize: 11 },
            encoding: { x, y, text: { field: 'provider', type: 'nominal' } },
          },
        ],
      },
    ],
    config: { locale: { number: locale }, font: 'Arial, Helvetica, sans-serif', view: { stroke: null } },
  };
}
