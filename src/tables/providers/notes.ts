/**
 * The words of the provider tables that more than one table says: the caveat that an adjusted
 * difference is not an effect estimate, what adjustment leaves out, and the notes on the data
 * (courses left out, persons at several providers). Definitions: docs/definitions.md#providers.
 */
import type { ProvidersResult } from '../../analyses/providers/index.js';
import { sayer, type Lang } from '../../base/i18n.js';
import type { VocabSet } from '../../schema/vocab.js';

export interface ProvidersTableOptions {
  lang: Lang;
  vocab: VocabSet;
  /** The provider field or column as a heading: "Leverandør", "Enhed" ("Leverandør og tilbud": two levels). */
  byLabel: string;
  /** --by has two levels: a provider is a combination ("Jobhuset / Straksaktivering"). */
  combined?: boolean;
  /** A provider value as a row label (a trial arm by its name in the language). */
  valueLabel: (value: string) => string;
  /** "Forløb afsluttet 2025H1" or "alle forløb i udtrækket". */
  periodText: string;
  /** The source line under each table. */
  source: string;
  /** Small-cell threshold of the output (0: none): providers with fewer courses show "for få". */
  threshold: number;
}

/**
 * The provider in a sentence: "leverandøren" / "the provider" (one level), "kombinationen" /
 * "the combination" (two levels, where a Danish definite ending on "Leverandør og tilbud" reads wrong).
 */
export function theProvider(o: ProvidersTableOptions): string {
  const t = sayer(o.lang);
  const label = o.byLabel.toLowerCase();
  return o.combined ? t('kombinationen', 'the combination') : t(`${label}en`, `the ${label}`);
}

/** One provider in a sentence: "leverandør", or "kombination" with two levels. */
export function aProvider(o: ProvidersTableOptions): string {
  return o.combined ? sayer(o.lang)('kombination', 'combination') : o.byLabel.toLowerCase();
}

/** Said under every table, every time (issue #17): what the figures are not. */
export function caveat(lang: Lang): string[] {
  const t = sayer(lang);
  return [
    t(
      'Simpel effekt — ikke et effektestimat. En justeret forskel er heller ikke et effektestimat: kun lodtrækning (jobfx compare på et forsøg) viser, hvad leverandøren selv gør forskel på.',
      'Simple effect — not an effect estimate. An adjusted difference is not an effect estimate either: only randomisation (jobfx compare on a trial) shows what difference the provider itself makes.',
    ),
    t(
      'Justeringen tager ikke højde for: forskelle mellem borgerne, som udtrækket ikke viser (varighed på offentlig forsørgelse, helbred, motivation, sprog, sagsbehandlerens visitation), tidspunkt og konjunktur (medmindre startHalf er med i justeringen), forskelle i forløbenes længde og indhold, og tilfældighed (se intervallerne).',
      'The adjustment does not account for: differences between citizens the export does not show (time on benefits, health, motivation, language, how caseworkers refer), timing and the business cycle (unless startHalf is adjusted for), differences in the length and content of courses, and chance (see the intervals).',
    ),
  ];
}

/** Courses left out, persons at several providers, the period: the data notes of the first table. */
export function dataNotes(res: ProvidersResult, o: ProvidersTableOptions): string[] {
  const t = sayer(o.lang);
  const notes = [
    t(
      `Enhed: forløb (${o.periodText}). Én række pr. ${o.byLabel.toLowerCase()}; rækkefølge alfabetisk.`,
      `Unit: courses (${o.periodText}). One row per ${o.byLabel.toLowerCase()}; rows in alphabetical order.`,
    ),
  ];
  if (res.personsInSeveral > 0)
    notes.push(
      t(
        `${res.personsInSeveral} personer har forløb hos mere end én ${aProvider(o)}: hvert forløb tæller hos sin egen, så personen tæller én gang pr. forløb.`,
        `${res.personsInSeveral} persons have courses at more than one ${aProvider(o)}: each course counts at its own, so the person counts once per course.`,
      ),
    );
  if (res.noProvider > 0)
    notes.push(
      t(
        o.combined
          ? `${res.noProvider} forløb uden værdi i ${o.byLabel.toLowerCase()} (i den ene eller begge) er ikke med.`
          : `${res.noProvider} forløb uden værdi i ${o.byLabel} er ikke med.`,
        o.combined
          ? `${res.noProvider} courses without a value in ${o.byLabel.toLowerCase()} (either or both) are left out.`
          : `${res.noProvider} courses without a value in ${o.byLabel} are left out.`,
      ),
    );
  return notes;
}

export const sourceNote = (o: ProvidersTableOptions): string =>
  sayer(o.lang)(`Kilde: ${o.source}.`, `Source: ${o.source}.`);

export const tooFew = (lang: Lang): string => sayer(lang)('for få', 'too few');
