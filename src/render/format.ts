/**
 * Number formatting: the only place that rounds. Danish: 1.234,5 and "pct."; English: 1,234.5.
 */
import type { Cell, Table } from '../model/table.js';
import { safeText } from '../base/text.js';

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

/**
 * The tables with every text made safe for output (safeText: no character XML, vega or a
 * terminal cannot carry, no CPR number in any form): each renderer starts here, so every format
 * is covered whoever calls it (a command, the memo pack, a chart). Tables without such text are
 * returned as they are.
 */
export function safeTables(tables: Table[]): Table[] {
  return tables.map(safeTable);
}

export function safeTable(t: Table): Table {
  return {
    ...t,
    title: safeText(t.title),
    columns: t.columns.map((c) => ({ ...c, label: safeText(c.label) })),
    rows: t.rows.map((r) => ({ ...r, cells: r.cells.map(safeCell) })),
    notes: t.notes.map(safeText),
  };
}

function safeCell(c: Cell): Cell {
  if (c.t === 'text') return { t: 'text', v: safeText(c.v) };
  if (c.t === 'suppressed') return { t: 'suppressed', shown: safeText(c.shown) };
  return c;
}
