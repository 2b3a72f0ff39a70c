/**
 * KeyFigures → memo tables. One column of figures, or with --by one column per value and a
 * total column. Each table states under it what was counted.
 */
import { inLang, word, type Lang } from '../base/i18n.js';
import { type Table } from '../model/table.js';
import { contractTables } from './contract.js';
import { linkKeyFigureTables } from './keyfigures-links.js';
import { sectionContext, type KeyFigureColumn, type KeyFigureTableOptions } from './keyfigures-context.js';
import {
  citizensTables,
  durationTables,
  endedDurationTables,
  exitTables,
  followUpTables,
  mixTables,
  repeatTables,
} from './keyfigures-sections.js';

export type { KeyFigureColumn, KeyFigureTableOptions } from './keyfigures-context.js';

/**
 * The key-figure tables of the columns (the last one is the total), one builder per section;
 * definitions: docs/definitions.md#key-figures.
 */
export function keyFigureTables(cols: KeyFigureColumn[], o: KeyFigureTableOptions): Table[] {
  const c = sectionContext(cols, o);
  const tables: Table[] = [
    ...citizensTables(c),
    ...durationTables(c),
    ...exitTables(c),
    ...endedDurationTables(c),
    ...mixTables(c),
    ...followUpTables(c),
    ...repeatTables(c),
    ...contractTables(c, o.contract),
  ];
  const { t, single, periodText } = c;
  const byNote = single
    ? []
    : [
        t(
          `Kolonner efter ${o.byLabel}; "I alt" tæller hver person én gang, så personer i flere kolonner gør totalen mindre end summen.`,
          `Columns by ${o.byLabel}; "Total" counts each person once, so persons in several columns make the total less than the sum.`,
        ),
      ];
  const source = t(`Kilde: ${o.source}.`, `Source: ${o.source}.`);
  for (const tb of tables) tb.notes.push(...(tb.id === 'keyfigures.citizens' ? byNote : []), source);
  linkKeyFigureTables(tables, cols, { ...o, periodText });
  return tables;
}

export function byValueLabel(v: string | null, lang: Lang): string {
  if (v === null) return word(lang, 'unknown');
  if (v === 'treatment') return inLang(lang, { da: 'Indsats', en: 'Treatment' });
  if (v === 'control') return inLang(lang, { da: 'Kontrol', en: 'Control' });
  return v;
}
