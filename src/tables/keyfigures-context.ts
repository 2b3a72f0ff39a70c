/** What the sections of the key-figure tables share: the columns, the options, words and helpers. */
import type { Day } from '../base/dates.js';
import type { Count, KeyFigures } from '../analyses/keyfigures.js';
import { distributionColumns, distributionRows, type DataColumn } from './distribution.js';
import { periodName, periodText as fullPeriodText, type Period } from '../base/period.js';
import { dateText, sayer, type Lang } from '../base/i18n.js';
import { exitGroupKey, exitGroupLabel } from './exit-group-label.js';
import { count, labelCol, num, text, valueCol, type Row } from '../model/table.js';
import type { Summary } from '../stats/describe.js';
import type { VocabSet } from '../schema/vocab.js';
import type { Window } from '../analyses/repeats.js';
import type { AsOfSource, FollowUpOptions } from '../analyses/followup.js';
import type { ContractFigures } from '../analyses/contract.js';

export type KeyFigureColumn = DataColumn<KeyFigures>;
/** A column of the contract tables (src/tables/contract.ts): one per --by value, then the total. */
export type ContractColumn = DataColumn<ContractFigures>;

export interface KeyFigureTableOptions {
  lang: Lang;
  period: Period;
  asOf: Day;
  /** Where the as-of date came from, for the follow-up tables' note. */
  asOfSource: AsOfSource;
  followUp: Omit<FollowUpOptions, 'asOf'>;
  window: Window;
  minGapDays: number;
  vocab: VocabSet;
  /** Name of the --by field, for titles; undefined for one column. */
  byLabel?: string;
  source: string;
  /** The contract's figures per column (tables/contract.ts), when the export has its fields. */
  contract?: ContractColumn[];
}

/** What every section of the key-figure tables uses. */
export function sectionContext(cols: KeyFigureColumn[], o: KeyFigureTableOptions) {
  const t = sayer(o.lang);
  const dateOf = (day: Day) => dateText(o.lang, day);
  const p = o.period;
  const periodText = fullPeriodText(p, o.lang);
  const name = periodName(p, o.lang);
  const single = cols.length === 1;
  const total = cols[cols.length - 1]!.k;
  const pct = t('Pct.', '%');
  const n = t('Antal', 'Count');
  // One column per --by value and the total, keyed by its English label (model/keys.ts).
  const valueCols = cols.map((c) => valueCol(c.label, c.key));

  const distColumns = (first: string) => distributionColumns(cols, first, o.lang);
  const distRows = (
    pick: (k: KeyFigures) => Count[],
    denominator: (k: KeyFigures) => number,
    label: (v: string) => string,
  ) => distributionRows(cols, pick, denominator, label, o.lang);
  // Courses add up across --by columns; persons need not (one person can be in two units).
  const courseAdditive = single ? { rows: true } : { rows: true, totalColumn: cols.length };
  const personAdditive = { rows: true };
  const durationRows = (pick: (k: KeyFigures) => Summary): Row[] => {
    const line = (
      key: string,
      label: string,
      f: (s: Summary) => number | null,
      divisor: number,
      decimals: number,
    ): Row => ({
      key,
      cells: [
        text(label),
        ...cols.map((c) => {
          const s = pick(c.k);
          const v = f(s);
          return num(v === null ? null : v / divisor, decimals, s.n);
        }),
      ],
    });
    return [
      { key: 'courses', cells: [text(t('Forløb', 'Courses')), ...cols.map((c) => count(pick(c.k).n))] },
      line('meanDays', t('Gennemsnit, dage', 'Mean, days'), (s) => s.mean, 1, 1),
      line('medianDays', t('Median, dage', 'Median, days'), (s) => s.median, 1, 1),
      line('lowerQuartileDays', t('Nedre kvartil, dage', 'Lower quartile, days'), (s) => s.q1, 1, 1),
      line('upperQuartileDays', t('Øvre kvartil, dage', 'Upper quartile, days'), (s) => s.q3, 1, 1),
      line('meanWeeks', t('Gennemsnit, uger', 'Mean, weeks'), (s) => s.mean, 7, 1),
      line('medianWeeks', t('Median, uger', 'Median, weeks'), (s) => s.median, 7, 1),
    ];
  };
  const durationColumns = [
    labelCol('', 'label'),
    ...(single ? [valueCol(t('Værdi', 'Value'), 'value')] : valueCols),
  ];
  const durationNote = t(
    "Varighed = slutdato − startdato + 1 dag (første og sidste dag tæller med); uger = dage / 7. Median og kvartiler som R's quantile (type 7).",
    "Duration = end − start + 1 day (first and last day count); weeks = days / 7. Median and quartiles as R's quantile (type 7).",
  );
  const groupLabel = (key: string) => exitGroupLabel(o.vocab, key, o.lang);
  const groupKey = (key: string) => exitGroupKey(o.vocab, key);
  const statusLabel = (v: string) => o.vocab.followUp.label(v, o.lang);
  return {
    t,
    dateOf,
    p,
    periodText,
    name,
    single,
    total,
    pct,
    n,
    valueCols,
    distColumns,
    distRows,
    courseAdditive,
    personAdditive,
    cols,
    o,
    durationRows,
    durationColumns,
    durationNote,
    groupLabel,
    groupKey,
    statusLabel,
  };
}

export type SectionContext = ReturnType<typeof sectionContext>;
