/**
 * KeyFigures → memo tables. One column of figures, or with --by one column per value and a
 * total column. Each table states under it what was counted.
 */
import { inLang, word, type Lang } from '../base/i18n.js';
import { type Table } from '../model/table.js';
import { slugKey } from '../model/keys.js';
import { followUpTables } from './keyfigures-followup.js';
import { contractTables } from './contract.js';
import { linkKeyFigureTables } from './keyfigures-links.js';
import { sectionContext, type KeyFigureColumn, type KeyFigureTableOptions } from './keyfigures-context.js';
import {
  citizensTables,
  durationTables,
  endedDurationTables,
  exitTables,
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
  const anonymous = anonymousNotes(c);
  for (const tb of tables)
    tb.notes.push(...(tb.id === 'keyfigures.citizens' ? byNote : []), ...(anonymous(tb.id) ?? []), source);
  linkKeyFigureTables(tables, cols, { ...o, periodText, followUpOfPeriod: o.followUp.cohort === 'period' });
  return tables;
}

/**
 * "N anonymiserede forløb" under the tables that count persons: the courses whose person id is
 * anonymised count among courses and in no person figure (docs/definitions.md#records).
 */
function anonymousNotes(c: ReturnType<typeof sectionContext>): (id: string) => string[] | undefined {
  const { t, total } = c;
  const { active, started } = total.anonymous;
  const note = (n: number, da: string, en: string) =>
    n === 0 ? undefined : [t(`${n} anonymiserede forløb ${da}`, `${n} anonymised course(s) ${en}`)];
  const activeNote = note(
    active,
    'er aktive i perioden uden en person (tomt eller anonymiseret person-id): de tæller med i forløbene, ikke i personerne.',
    'are active in the period without a person (empty or anonymised person id): they count among the courses, not the persons.',
  );
  return (id) =>
    id === 'keyfigures.citizens' || id.startsWith('keyfigures.mix.')
      ? activeNote
      : id === 'keyfigures.repeats'
        ? note(
            started,
            'er startet i perioden uden en person (tomt eller anonymiseret person-id): de er ikke med.',
            'started in the period without a person (empty or anonymised person id): they are left out.',
          )
        : undefined;
}

/** The key of a --by group's column: its English label slugged, "nordK" (model/keys.ts). */
export const byGroupKey = (values: readonly (string | null)[]): string => slugKey(byGroupLabel(values, 'en'));

/** The label of a --by group: its value at each level, "Nord / K". */
export const byGroupLabel = (values: readonly (string | null)[], lang: Lang): string =>
  values.map((v) => byValueLabel(v, lang)).join(' / ');

export function byValueLabel(v: string | null, lang: Lang): string {
  if (v === null) return word(lang, 'unknown');
  if (v === 'treatment') return inLang(lang, { da: 'Indsats', en: 'Treatment' });
  if (v === 'control') return inLang(lang, { da: 'Kontrol', en: 'Control' });
  return v;
}
