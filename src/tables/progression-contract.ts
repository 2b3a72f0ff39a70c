/**
 * Output 5 of progression: result goal reached and courses extended, of the progression's
 * courses joined to the export (docs/definitions.md#progression). Shown only when the export
 * has the fields. Relations for suppression: with --by the group rows add up to the total row.
 */
import type { ProgressionContractRow } from '../analyses/progression/contract.js';
import { refIn, sayer, word, type Lang } from '../base/i18n.js';
import { count, labelCol, share, text, valueCol, type Row, type Table } from '../model/table.js';
import { byGroupLabel } from './keyfigures.js';

export const PROGRESSION_CONTRACT_TABLE = 'progression.contract';

export interface ProgressionContractOptions {
  lang: Lang;
  periodText: string;
  byLabel?: string;
  /** The as-of date as printed (an ongoing course is measured at it). */
  asOfText: string;
  source: string;
}

export function progressionContractTable(
  rows: ProgressionContractRow[],
  o: ProgressionContractOptions,
): Table {
  const t = sayer(o.lang);
  const total = rows.at(-1)!.k;
  const goal = total.goal;
  const ext = total.extension;
  const columns = [
    labelCol(o.byLabel ? o.byLabel.charAt(0).toUpperCase() + o.byLabel.slice(1) : ''),
    valueCol(t('Forløb', 'Courses')),
    ...(goal
      ? [
          valueCol(
            goal.allEnded
              ? t('Afsluttede forløb', 'Ended courses')
              : t('Afsluttede forløb med resultatmål', 'Ended courses with a result goal'),
          ),
          valueCol(t('Resultatmål nået', 'Result goal reached')),
          valueCol(t('Pct.', '%')),
        ]
      : []),
    ...(ext
      ? [
          valueCol(t('Forløb med planlagt slutdato', 'Courses with a planned end')),
          valueCol(t('Forlænget', 'Extended')),
          valueCol(t('Pct.', '%')),
        ]
      : []),
  ];
  const body: Row[] = rows.map((r) => ({
    cells: [
      text(r.total ? word(o.lang, 'total') : byGroupLabel(r.values, o.lang)),
      count(r.courses),
      ...(r.k.goal
        ? [count(r.k.goal.courses), count(r.k.goal.reached), share(r.k.goal.reached, r.k.goal.courses)]
        : []),
      ...(r.k.extension
        ? [
            count(r.k.extension.courses),
            count(r.k.extension.extended),
            share(r.k.extension.extended, r.k.extension.courses),
          ]
        : []),
    ],
    ...(r.total ? { style: 'total' as const } : {}),
  }));
  const bad = total.problems;
  return {
    id: PROGRESSION_CONTRACT_TABLE,
    title: t(
      `Resultatmål og forlængelse for de målte forløb, ${o.periodText}${o.byLabel ? `, efter ${o.byLabel}` : ''}`,
      `Result goal and extension of the measured courses, ${o.periodText}${o.byLabel ? `, by ${o.byLabel}` : ''}`,
    ),
    columns,
    rows: body,
    notes: [
      t(
        'Forløb: de forløb, progressionen tæller i perioden, koblet til forløbsudtrækket (--courses).',
        'Courses: those the progression counts in the period, joined to the course export (--courses).',
      ),
      ...(goal
        ? [
            goal.by === 'column'
              ? t(
                  'Resultatmål nået efter kolonnen Resultatmål nået (Ja/Nej) for afsluttede forløb; et tomt eller ukendt svar tæller i nævneren, ikke som nået.',
                  'Result goal reached by the column Resultatmål nået (yes/no), for ended courses; an empty or unknown answer counts in the denominator, not as reached.',
                )
              : t(
                  'Resultatmål nået: afslutningsårsagen er en af dem, konfigurationens goalReachedBy giver målet (afsluttede forløb).',
                  "Result goal reached: the exit reason is one of those the config's goalReachedBy gives the goal (ended courses).",
                ),
          ]
        : []),
      ...(ext
        ? [
            t(
              `Forlænget: slutdatoen (for et forløb i gang: ${o.asOfText}) ligger efter den planlagte slutdato. Forløb uden gyldig planlagt slutdato står uden for nævneren.`,
              `Extended: the end date (for an ongoing course: ${o.asOfText}) is after the planned end. Courses without a valid planned end are outside the denominator.`,
            ),
          ]
        : []),
      ...(bad.length > 0
        ? [
            t(
              `${bad.length} værdi(er) kunne ikke bruges: ${bad
                .slice(0, 5)
                .map((p) => `${refIn('da', p.ref)} "${p.value}" ${p.message.da.split(';')[0]}`)
                .join('; ')}${bad.length > 5 ? ' …' : ''}.`,
              `${bad.length} value(s) could not be used: ${bad
                .slice(0, 5)
                .map((p) => `${p.ref} "${p.value}" ${p.message.en.split(';')[0]}`)
                .join('; ')}${bad.length > 5 ? ' …' : ''}.`,
            ),
          ]
        : []),
      t(`Kilde: ${o.source}.`, `Source: ${o.source}.`),
    ],
    ...(o.byLabel ? { additive: { rows: true } } : {}),
  };
}
