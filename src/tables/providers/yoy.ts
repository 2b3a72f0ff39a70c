/** --yoy: per provider the share in the year before and now, side by side, and the change. */
import type { OutcomeBenchmark } from '../../analyses/providers/index.js';
import type { ProvidersYoy, YoyRow } from '../../analyses/providers/yoy.js';
import { sayer } from '../../base/i18n.js';
import { periodName } from '../../base/period.js';
import {
  count,
  empty,
  labelCol,
  num,
  share,
  text,
  valueCol,
  type Cell,
  type Table,
} from '../../model/table.js';
import { outcomeLabel } from '../compare/index.js';
import { smallest } from '../compare/outcomes.js';
import { caveat, sourceNote, tooFew, type ProvidersTableOptions } from './notes.js';
import { isTooFew } from './shares.js';

function periodCells(p: YoyRow['before'], o: ProvidersTableOptions, total: boolean): Cell[] {
  if (p === null) return [count(0), empty];
  if (isTooFew(p.n, o.threshold) && !total) return [count(p.n), text(tooFew(o.lang))];
  return [count(p.n), share(p.successes, p.n)];
}

function cells(r: YoyRow, o: ProvidersTableOptions, total = false): Cell[] {
  const shown = (p: YoyRow['before']) => p !== null && (total || !isTooFew(p.n, o.threshold));
  const k = smallest(...[r.before, r.now].flatMap((p) => (p ? [p.successes, p.n - p.successes] : [])));
  const pp = (v: number | undefined) => (v === undefined ? null : 100 * v);
  const change =
    r.change && shown(r.before) && shown(r.now)
      ? [num(pp(r.change.difference), 1, k), num(pp(r.change.ci[0]), 1, k), num(pp(r.change.ci[1]), 1, k)]
      : [empty, empty, empty];
  return [...periodCells(r.before, o, total), ...periodCells(r.now, o, total), ...change];
}

export function yoyTable(
  b: OutcomeBenchmark,
  y: ProvidersYoy,
  k: number,
  o: ProvidersTableOptions,
  id: string,
): Table {
  const t = sayer(o.lang);
  const label = outcomeLabel(b.spec, o.vocab, o.lang);
  const before = periodName(y.before, o.lang);
  const now = periodName(y.now, o.lang);
  const yo = y.outcomes[k]!;
  return {
    id,
    title: t(`${label}: ${before} og ${now}`, `${label}: ${before} and ${now}`),
    columns: [
      labelCol(o.byLabel),
      valueCol(`${before}, ${t('forløb', 'courses')}`),
      valueCol(`${before}, ${t('pct.', '%')}`),
      valueCol(`${now}, ${t('forløb', 'courses')}`),
      valueCol(`${now}, ${t('pct.', '%')}`),
      valueCol(t('Ændring, pct.-point', 'Change, pp')),
      valueCol(t('95 %-KI, nedre', '95% CI, lower')),
      valueCol(t('95 %-KI, øvre', '95% CI, upper')),
    ],
    rows: [
      ...yo.rows.map((r) => ({ cells: [text(o.valueLabel(r.value)), ...cells(r, o)] })),
      { cells: [text(t('Alle', 'All')), ...cells(yo.total, o, true)], style: 'total' as const },
    ],
    notes: [
      ...caveat(o.lang),
      t(
        `Forløb afsluttet i hver periode med kendt udfald, og andelen med udfaldet. Ændring: andelen ${now} minus andelen ${before}, med Newcombes interval (perioderne regnet som uafhængige). En ændring kan skyldes, at leverandøren får andre borgere: se borgersammensætningen for begge perioder.`,
        `Courses ended in each period with a known outcome, and the share with the outcome. Change: the share ${now} minus the share ${before}, with Newcombe's interval (the periods taken as independent). A change can come from the provider receiving other citizens: see the case mix of both periods.`,
      ),
      sourceNote(o),
    ],
    additive: { rows: true },
    // Each share with its courses gives its count away (the total row too); the change and its
    // interval come from both periods' counts.
    sharesAsCounts: { columns: [2, 4] },
    derived: [5, 6, 7].map((col) => ({ col, from: [1, 2, 3, 4] })),
  };
}
