/** What the parts of a yoy table share: the result, the options, the columns' labels and words. */
import type { YoyMeasure, YoyResult } from '../analyses/yoy.js';
import { sayer, type Lang } from '../base/i18n.js';
import { fieldLabel } from '../model/fields.js';
import type { VocabSet } from '../schema/vocab.js';

export interface YoyTableOptions {
  lang: Lang;
  measure: YoyMeasure;
  vocab: VocabSet;
  /** How the columns were chosen: --years, or the complete years in the data. */
  columnsSource: 'given' | 'default';
  source: string;
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
  const year = r.step === 'year';
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
    /** "året" / "the year" or "halvåret" / "the half-year", as the columns are. */
    theUnit: year ? t('året', 'year') : t('halvåret', 'half-year'),
    year,
  };
}

export type YoyContext = ReturnType<typeof yoyContext>;
