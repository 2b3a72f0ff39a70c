/**
 * Number formatting: the only place that rounds. Danish: 1.234,5 and "pct."; English: 1,234.5.
 */
import type { Cell } from '../model/table.js';

import { dateText, inLang, type Lang } from '../base/i18n.js';

export interface FormatOptions {
  lang: Lang;
  /** Decimals of percentages. */
  percentDecimals: number;
}

/**
 * 100 × count / of rounded half away from zero to `decimals`, computed in integers so that
 * 1/8 = 12.5 % rounds to 13 and no binary fraction (e.g. 0.145 stored as 0.14499…) rounds the wrong way.
 * Returns the scaled integer (percent × 10^decimals).
 */
export function percentScaled(count: number, of: number, decimals: number): number {
  const num = BigInt(Math.abs(count)) * 100n * 10n ** BigInt(decimals);
  const den = BigInt(of);
  const q = Number((2n * num + den) / (2n * den));
  return count < 0 ? -q : q;
}

/** A number rounded half away from zero to `decimals` (for means and medians, which are not ratios of counts). */
export function roundHalfAway(v: number, decimals: number): number {
  const f = 10 ** decimals;
  // toPrecision removes binary noise (2.675 stored as 2.67499…) before rounding.
  const scaled = Number((Math.abs(v) * f).toPrecision(15));
  return (Math.sign(v) * Math.round(scaled)) / f;
}

export function formatFixed(v: number, decimals: number, lang: Lang): string {
  const [int, frac] = Math.abs(v).toFixed(decimals).split('.') as [string, string | undefined];
  const group = inLang(lang, { da: '.', en: ',' });
  const point = inLang(lang, { da: ',', en: '.' });
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = v < 0 && Number(v.toFixed(decimals)) !== 0 ? '-' : '';
  return sign + grouped + (frac ? point + frac : '');
}

export function formatCount(n: number, lang: Lang): string {
  return formatFixed(n, 0, lang);
}

export function formatPercent(count: number, of: number, decimals: number, lang: Lang): string {
  if (of === 0) return '-';
  return formatFixed(percentScaled(count, of, decimals) / 10 ** decimals, decimals, lang);
}

/** A cell as display text (terminal, markdown, html, csv). */
export function formatCell(cell: Cell, opts: FormatOptions): string {
  switch (cell.t) {
    case 'text':
      return cell.v;
    case 'count':
      return formatCount(cell.v, opts.lang);
    case 'share':
      return formatPercent(cell.count, cell.of, opts.percentDecimals, opts.lang);
    case 'num':
      if (cell.v === null) return '-';
      if (cell.below !== undefined && cell.v < cell.below)
        return `<${formatFixed(cell.below, cell.decimals, opts.lang)}`;
      return formatFixed(roundHalfAway(cell.v, cell.decimals), cell.decimals, opts.lang);
    case 'date':
      return cell.v === null ? '-' : dateText(opts.lang, cell.v);
    case 'empty':
      return '';
    case 'suppressed':
      return cell.shown;
  }
}
