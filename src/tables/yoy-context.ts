/** What the parts of a yoy table share: the result, the options, the columns' labels and words. */
import type { YoyMeasure, YoyResult } from '../analyses/yoy.js';
import { sayer, type Lang } from '../base/i18n.js';
import { stepWords } from '../base/steps.js';
import { fieldLabel } from '../model/fields.js';
import type { VocabSet } from '../schema/vocab.js';

export interface YoyTableOptions {
  lang: Lang;
  measure: YoyMeasure;
  vocab: VocabSet;
  /** How the columns were chosen: --years, or the complete years in the data. */
  columnsSource: 'given' | 'default';
  source: string;
  /** --measure count,share: a count and a percent column for every year. */
  shares?: boolean;
  /** --order desc: the newest year first. */
  order?: 'asc' | 'desc';
  /** --blank-before-first: a value's cells in years before it existed are blank, not 0. */
  blankBeforeFirst?: boolean;
  /** --subtotal: a row with the selected rows together (with --rows-select). */
  subtotal?: boolean;
  /** Notes on the given columns (--columns: part years). */
  columnNotes?: string[];
}

/** What every part of a yoy table uses. */
export function yoyContext(r: YoyResult, o: YoyTableOptions) {
  const t = sayer(o.lang);
  const k = r.columns.length;
  const newest = k - 1;
  const prev = k - 2;
  const withChange = k >= 2;
  const heading = fieldLabel(r.field, o.lang);
  const range = k === 1 ? r.columns[0]!.label : `${r.columns[0]!.label}–${r.columns[newest]!.label}`;
  const words = stepWords(r.step, o.lang);
  return {
    r,
    o,
    t,
    m: o.measure,
    k,
    newest,
    prev,
    withChange,
    heading,
    range,
    newestLabel: r.columns[newest]!.label,
    prevLabel: withChange ? r.columns[prev]!.label : '',
    ended: r.basis === 'end',
    /** "året" / "the year", "kvartalet" / "the quarter" ..., as the columns are. */
    theUnit: words.the,
    words,
  };
}

export type YoyContext = ReturnType<typeof yoyContext>;
