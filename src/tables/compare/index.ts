/**
 * CompareResult → memo tables: the outcomes (one row per outcome), the same per subgroup (one
 * table per outcome, one row per subgroup), balance (one table per characteristic) and the
 * week-by-week exit curve; and the curve as the chart draws it. Counts are count cells and
 * shares are share cells, so small-cell suppression works; every derived number (mean, difference,
 * interval, p) is a num cell carrying the smallest count behind it. Notes say what each number is.
 */
import type { CompareResult } from '../../analyses/compare/index.js';
import { sayer } from '../../base/i18n.js';
import type { Table } from '../../model/table.js';
import { balanceTable } from './balance.js';
import { balanceFieldLabel, SIMPLE_EFFECT_DA, SIMPLE_EFFECT_EN, type CompareTableOptions } from './labels.js';
import { byTables, outcomesTable } from './outcomes.js';
import { likertTables } from './likert.js';
import { responseTables } from './response.js';
import { weeklyTable } from './weekly.js';

export {
  balanceFieldLabel,
  compareLabels,
  horizonText,
  outcomeLabel,
  SIMPLE_EFFECT_DA,
  SIMPLE_EFFECT_EN,
  starsOf,
  type CompareTableOptions,
} from './labels.js';
export { WEEKLY_COLUMNS, weeklyCurve } from './weekly.js';
export { likertBars } from './likert.js';

/** The tables of a comparison, in the order of the memo: outcomes, by subgroup, balance, weekly. */
export function compareTables(res: CompareResult, o: CompareTableOptions): Table[] {
  const t = sayer(o.lang);
  const shared = {
    vs: `${o.armLabels.treatment} vs. ${o.armLabels.control}`,
    titleTail: res.randomised ? '' : ` (${t(SIMPLE_EFFECT_DA, SIMPLE_EFFECT_EN)})`,
    sourceNote: t(`Kilde: ${o.source}.`, `Source: ${o.source}.`),
  };
  const tables: Table[] = [];
  if (res.outcomes.length > 0) tables.push(outcomesTable(res, o, shared));
  if (res.by) tables.push(...byTables(res, o, shared));
  const { sourceNote, titleTail } = shared;
  if (res.balance) {
    for (const b of res.balance.results) tables.push(balanceTable(b, res, o, sourceNote));
    if (res.balance.skipped.length > 0 && tables.length > 0) {
      const last = tables[tables.length - 1]!;
      last.notes.push(
        t(
          `Ingen data (ikke vist): ${res.balance.skipped.map((f) => balanceFieldLabel(f, 'da').toLowerCase()).join(', ')}.`,
          `No data (not shown): ${res.balance.skipped.map((f) => balanceFieldLabel(f, 'en').toLowerCase()).join(', ')}.`,
        ),
      );
    }
  }

  if (res.response) tables.push(...responseTables(res, o, shared, o.populationName ?? '--population'));
  if (res.likert) tables.push(...likertTables(res, o, shared));
  if (res.weekly) tables.push(weeklyTable(res, o, sourceNote, titleTail));
  return tables;
}
