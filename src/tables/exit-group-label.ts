/**
 * An exit group's label where it heads a row or column, and its key for the json: the slug of its
 * English label (model/keys.ts), the same whatever the language of the tables.
 */
import { UNMAPPED_GROUP } from '../analyses/exits.js';
import { inLang, type Lang } from '../base/i18n.js';
import { slugKey } from '../model/keys.js';
import type { VocabSet } from '../schema/vocab.js';

export function exitGroupLabel(vocab: VocabSet, key: string, lang: Lang): string {
  return key === UNMAPPED_GROUP
    ? inLang(lang, { da: 'Ikke i ordlisten', en: 'Not in the vocabulary' })
    : vocab.exitGroupLabel(key, lang);
}

export const exitGroupKey = (vocab: VocabSet, key: string): string =>
  slugKey(exitGroupLabel(vocab, key, 'en'));
