/**
 * Language: the languages jobfx writes, and the words that more than one table or message uses.
 * A table module says its own sentences through `sayer(lang)`; a word used in several places is
 * in WORDS, so that "I alt" is written once.
 */
import { danishOf, isoOf, type Day } from './dates.js';

export type Lang = 'da' | 'en';
export const LANGS: readonly Lang[] = ['da', 'en'];

/** A text in both languages. */
export interface Bilingual {
  da: string;
  en: string;
}

/** Words shared by several tables, notes and messages. */
export const WORDS = {
  total: { da: 'I alt', en: 'Total' },
  courses: { da: 'forløb', en: 'courses' },
  persons: { da: 'personer', en: 'persons' },
  respondents: { da: 'respondenter', en: 'respondents' },
  unknown: { da: 'Uoplyst', en: 'Unknown' },
  count: { da: 'Antal', en: 'Count' },
  percent: { da: 'Pct.', en: '%' },
} as const satisfies Record<string, Bilingual>;

/** The word `key` in `lang`. */
export const word = (lang: Lang, key: keyof typeof WORDS): string => WORDS[key][lang];

/** The text of a bilingual pair in `lang`. */
export const inLang = (lang: Lang, text: Bilingual): string => text[lang];

/** A function that picks the text of `lang` from a Danish and an English version. */
export const sayer =
  (lang: Lang) =>
  (da: string, en: string): string =>
    lang === 'da' ? da : en;

/** A date as a reader of the language writes it: 31-12-2025 in Danish, 2025-12-31 in English. */
export const dateText = (lang: Lang, day: Day): string => (lang === 'da' ? danishOf(day) : isoOf(day));

/** A text in both languages, made where it arises (a rejected row's reason) and said where it is output. */
export const both = (da: string, en: string): Bilingual => ({ da, en });

const ROW_WORDS: Record<string, Bilingual> = {
  line: { da: 'linje', en: 'line' },
  row: { da: 'række', en: 'row' },
};

/**
 * A row reference as the readers make it ("line 6" in a CSV file, "row 6" in a sheet) in `lang`:
 * "linje 6", "række 6". Any other text is returned as it is.
 */
export function refIn(lang: Lang, ref: string): string {
  const m = /^(line|row) (\d+)$/.exec(ref);
  return m ? `${ROW_WORDS[m[1]!]![lang]} ${m[2]}` : ref;
}
