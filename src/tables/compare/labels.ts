/**
 * The words of the comparison tables: the labels of outcomes, values, spans and groups, and the
 * options every table of a comparison shares.
 */
import {
  canonicalValue,
  type Arm,
  type BalanceField,
  type CompareOptions,
  type FieldRef,
  type Horizon,
  type OutcomeSpec,
} from '../../analyses/compare/index.js';
import { sayer, type Lang } from '../../base/i18n.js';
import type { ColumnMapping } from '../../schema/columns.js';
import type { VocabSet } from '../../schema/vocab.js';
import { fieldLabel } from '../../model/fields.js';

export interface CompareTableOptions {
  lang: Lang;
  vocab: VocabSet;
  /** Column labels of the two groups ("Indsats", "Kontrol", or the values given on the command line). */
  armLabels: Record<Arm, string>;
  /** How the groups were found, for the note: the column and the values of each arm. */
  groupText: string;
  /** --stars: stars instead of a yes/no column. */
  stars: boolean;
  exact: boolean;
  correct: boolean;
  /** Label of the --by field or column. */
  byLabel?: string;
  source: string;
  /** --weekly-rows: the weeks the weekly table shows (default tables/compare/weekly.ts REPORT_WEEKS). */
  weeklyRows?: number[] | 'all';
  /** --population: the population file's name, for the response notes. */
  populationName?: string;
}

/** The sentence the output must carry when the groups were not drawn at random. */
export const SIMPLE_EFFECT_DA =
  'Simpel effekt — ikke et effektestimat: grupperne er ikke trukket ved lodtrækning';
export const SIMPLE_EFFECT_EN = 'Simple effect — not an effect estimate: the groups were not drawn at random';

/** Significance stars as Danish evaluations print them: *** p < 0.001, ** p < 0.01, * p < 0.05. */
export function starsOf(p: number | null): string {
  if (p === null) return '';
  return p < 0.001 ? '***' : p < 0.01 ? '**' : p < 0.05 ? '*' : '';
}

const UNIT_WORDS: Record<Horizon['unit'], [string, string, string, string]> = {
  d: ['dag', 'dage', 'day', 'days'],
  w: ['uge', 'uger', 'week', 'weeks'],
  m: ['måned', 'måneder', 'month', 'months'],
};

export function horizonText(h: Horizon, lang: Lang): string {
  const w = UNIT_WORDS[h.unit];
  const word = lang === 'da' ? (h.n === 1 ? w[0] : w[1]) : h.n === 1 ? w[2] : w[3];
  return `${h.n} ${word}`;
}

/** A value as shown in a label: an exit group's name, a vocabulary value (English label in English), Mænd/Kvinder. */
function valueLabel(ref: FieldRef, v: string, vocab: VocabSet, lang: Lang): string {
  const c = canonicalValue(ref, v, vocab);
  if (ref.kind === 'column') return v;
  if (ref.field === 'exitGroup') return vocab.exitGroupLabel(c, lang).toLowerCase();
  if (ref.field === 'gender')
    return c === 'M'
      ? lang === 'da'
        ? 'mænd'
        : 'men'
      : c === 'K'
        ? lang === 'da'
          ? 'kvinder'
          : 'women'
        : v;
  const vocabulary =
    ref.field === 'exitReason'
      ? vocab.exitReason
      : ref.field === 'targetGroup'
        ? vocab.targetGroup
        : ref.field === 'education'
          ? vocab.education
          : ref.field.startsWith('followUp')
            ? vocab.followUp
            : undefined;
  const entry = vocabulary?.lookup(c);
  return lang === 'en' && entry?.en ? entry.en : c;
}

/**
 * A readable label of an outcome: "Afsluttet til job inden 12 måneder fra start", "arbejde_vigtigt:
 * Ja"; `fromRandomisation` (--unit person): "... fra randomisering", and a person's duration.
 */
export function outcomeLabel(
  spec: OutcomeSpec,
  vocab: VocabSet,
  lang: Lang,
  fromRandomisation = false,
): string {
  const t = sayer(lang);
  const or = t(' eller ', ' or ');
  if (spec.kind === 'numeric')
    return spec.ref.kind === 'duration'
      ? fromRandomisation
        ? t(
            'Dage i forløb (personer med alle forløb afsluttet)',
            'Days in courses (persons with all courses ended)',
          )
        : t('Varighed, dage (afsluttede forløb)', 'Duration, days (ended courses)')
      : spec.ref.name;
  const ref = spec.ref;
  const values = spec.values.map((v) => valueLabel(ref, v, vocab, lang)).join(or);
  const within = spec.within
    ? ` ${t('inden', 'within')} ${horizonText(spec.within, lang)} ${fromRandomisation ? t('fra randomisering', 'of randomisation') : t('fra start', 'of start')}`
    : '';
  if (ref.kind === 'field' && ref.field === 'exitGroup')
    return t(`Afsluttet til ${values}`, `Ended to ${values}`) + within;
  const name = ref.kind === 'column' ? ref.name : fieldLabel(ref.field, lang);
  return `${name}: ${values}${within}`;
}

export function balanceFieldLabel(f: BalanceField, lang: Lang): string {
  if (f === 'ageBand') return lang === 'da' ? 'Aldersgruppe' : 'Age band';
  if (f === 'education') return lang === 'da' ? 'Uddannelse' : 'Education';
  return fieldLabel(f, lang);
}

/** The labels of a comparison: the two arms, how the groups were found, the --by field. */
export function compareLabels(
  options: Pick<CompareOptions, 'group' | 'by'>,
  file: { headers: string[]; mapping: ColumnMapping },
  lang: Lang,
): Pick<CompareTableOptions, 'armLabels' | 'groupText' | 'byLabel'> {
  const t = sayer(lang);
  const { group, by } = options;
  const armLabels: Record<Arm, string> = group.treatment
    ? { treatment: group.treatment[0]!, control: group.control![0]! }
    : { treatment: t('Indsats', 'Treatment'), control: t('Kontrol', 'Control') };
  const column = group.source.kind === 'field' ? group.source.header : group.source.name;
  const groupText = group.treatment
    ? t(
        `Grupper fra kolonnen "${column}": ${armLabels.treatment} = ${group.treatment.join(', ')}; ${armLabels.control} = ${group.control!.join(', ')}.`,
        `Groups from the column "${column}": ${armLabels.treatment} = ${group.treatment.join(', ')}; ${armLabels.control} = ${group.control!.join(', ')}.`,
      )
    : t(
        `Grupper fra kolonnen "${column}", læst med ordlisten for forsøgsgrupper (fx Indsats, Deltager, Forsøg = indsats; Kontrol = kontrol).`,
        `Groups from the column "${column}", read with the trial-group vocabulary (e.g. Indsats, Deltager, Forsøg = treatment; Kontrol = control).`,
      );
  const { headers, mapping } = file;
  // A derived field (exit group) has no column of its own: its label.
  const headerOf = (f: string): string | undefined => {
    const idx = (mapping.fields as Partial<Record<string, number>>)[f];
    return idx === undefined ? undefined : headers[idx];
  };
  const levelLabel = (b: NonNullable<typeof by>[number]): string =>
    b.kind === 'column'
      ? b.name
      : b.field === 'ageBand'
        ? t('Aldersgruppe', 'Age band')
        : (headerOf(b.field) ?? fieldLabel(b.field, lang));
  // Two levels as keyfigures says them: "Jobcenter og køn".
  const byLabel =
    by === undefined
      ? undefined
      : by.map((b, k) => (k === 0 ? levelLabel(b) : levelLabel(b).toLowerCase())).join(t(' og ', ' and '));
  return { armLabels, groupText, ...(byLabel ? { byLabel } : {}) };
}
