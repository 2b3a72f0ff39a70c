/**
 * The statuses of a weekly status panel (DREAM / eIndkomst as trial evaluations use them), read
 * through the vocabulary machinery of schema/vocab.ts: each canonical status has its spellings,
 * and its key (`group`) is what the analysis counts. A spelling not here is not guessed: the
 * person-week is kept as "unknown" and reported (docs/definitions.md#status-panel).
 */
import { inLang, type Lang } from '../../base/i18n.js';
import { Vocabulary, type VocabEntry } from '../vocab.js';

export const PANEL_STATUS_KEYS = ['employed', 'education', 'benefit', 'selfSupport', 'other'] as const;
export type PanelStatusKey = (typeof PANEL_STATUS_KEYS)[number];
/** A status code as the panel keeps it: the index in PANEL_STATUS_KEYS, or UNKNOWN_STATUS. */
export const UNKNOWN_STATUS = PANEL_STATUS_KEYS.length;

const s = (value: string, group: PanelStatusKey, en: string, aliases: string[]): VocabEntry => ({
  value,
  group,
  en,
  aliases,
});

export const PANEL_STATUSES: VocabEntry[] = [
  s('Beskæftiget', 'employed', 'Employed', [
    'Beskæftigelse',
    'I beskæftigelse',
    'Job',
    'I job',
    'Lønmodtager',
    'Lønmodtagerbeskæftigelse',
    'Ordinært job',
    'Ordinær beskæftigelse',
    'Selvstændig',
    'Employed',
    'Employment',
  ]),
  s('Uddannelse', 'education', 'Education', ['I uddannelse', 'Ordinær uddannelse', 'SU', 'Education']),
  s('Offentlig forsørgelse', 'benefit', 'On benefit', [
    'Ydelse',
    'På ydelse',
    'Forsørgelsesydelse',
    'Offentlig ydelse',
    'Kontanthjælp',
    'Uddannelseshjælp',
    'Integrationsydelse',
    'Dagpenge',
    'A-dagpenge',
    'Sygedagpenge',
    'Ledig',
    'Ledighedsydelse',
    'Ressourceforløb',
    'Jobafklaringsforløb',
    'Benefit',
    'On benefit',
  ]),
  s('Selvforsørget', 'selfSupport', 'Self-supporting', [
    'Selvforsørgelse',
    'Selvforsørgende',
    'Self-supporting',
  ]),
  s('Andet', 'other', 'Other', [
    'Øvrige',
    'Pension',
    'Førtidspension',
    'Folkepension',
    'Efterløn',
    'Orlov',
    'Barsel',
    'Udvandret',
    'Død',
    'Other',
  ]),
];

/** The status vocabulary: raw text → status code (UNKNOWN_STATUS when not in it). */
export class PanelStatuses {
  readonly vocabulary = new Vocabulary(PANEL_STATUSES);
  readonly unknownCode = UNKNOWN_STATUS;

  code(raw: string): number {
    const key = this.vocabulary.lookup(raw)?.group as PanelStatusKey | undefined;
    return key === undefined ? UNKNOWN_STATUS : PANEL_STATUS_KEYS.indexOf(key);
  }

  /** The label of a status code; "Ukendt status" / "Unknown status" for UNKNOWN_STATUS. */
  label(code: number, lang: Lang): string {
    const e = PANEL_STATUSES[code];
    return inLang(lang, e ? { da: e.value, en: e.en! } : { da: 'Ukendt status', en: 'Unknown status' });
  }
}
