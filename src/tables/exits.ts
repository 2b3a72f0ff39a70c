/** Exit-reason and exit-group distributions → memo tables. */
import type { ExitCounts } from '../analyses/exits.js';
import { UNKNOWN, UNMAPPED_GROUP } from '../analyses/exits.js';
import type { Lang } from '../render/format.js';
import type { Table } from '../render/table.js';
import type { VocabSet } from '../schema/vocab.js';
import { distributionColumns, distributionRows, type DataColumn } from './distribution.js';

export interface ExitTableOptions {
  lang: Lang;
  vocab: VocabSet;
  /** "2025H1 (01-01-2025 – 30-06-2025)" or "alle afsluttede forløb". */
  periodText: string;
  byLabel?: string;
  source: string;
}

export function exitTables(cols: DataColumn<ExitCounts>[], o: ExitTableOptions): Table[] {
  const t = (da: string, en: string) => (o.lang === 'da' ? da : en);
  const total = cols[cols.length - 1]!.k;
  const additive = cols.length === 1 ? { rows: true } : { rows: true, totalColumn: cols.length };
  const groupLabel = (key: string) =>
    key === UNMAPPED_GROUP
      ? t('Ikke i ordlisten', 'Not in the vocabulary')
      : o.vocab.exitGroupLabel(key, o.lang);
  const reasonLabel = (v: string) => (v === UNKNOWN && o.lang === 'en' ? 'Unknown' : v);
  const unmapped = total.byReason.filter((r) => r.group === null).map((r) => r.value);
  const common = [
    t(
      `Afsluttede forløb: forløb med slutdato i perioden. Procent af alle ${total.ended} afsluttede forløb${cols.length > 1 ? ' i alt' : ''}.`,
      `Ended courses: courses with an end date in the period. Percent of all ${total.ended} ended courses${cols.length > 1 ? ' in total' : ''}.`,
    ),
    ...(cols.length > 1 ? [t(`Kolonner efter ${o.byLabel}.`, `Columns by ${o.byLabel}.`)] : []),
  ];
  const source = t(`Kilde: ${o.source}.`, `Source: ${o.source}.`);
  return [
    {
      id: 'exits.reasons',
      title: t(
        `Afsluttede forløb efter afslutningsårsag, ${o.periodText}`,
        `Ended courses by exit reason, ${o.periodText}`,
      ),
      columns: distributionColumns(cols, t('Afslutningsårsag', 'Exit reason'), o.lang),
      rows: distributionRows(
        cols,
        (k) => k.byReason,
        (k) => k.ended,
        reasonLabel,
        o.lang,
      ),
      notes: [
        ...common,
        t(
          'Et afsluttet forløb uden årsag tælles som "Uoplyst".',
          'An ended course without a reason counts as "Unknown".',
        ),
        ...(unmapped.length > 0
          ? [
              t(
                `Ikke i ordlisten (vist som skrevet): ${unmapped.join(', ')}.`,
                `Not in the vocabulary (shown as written): ${unmapped.join(', ')}.`,
              ),
            ]
          : []),
        source,
      ],
      additive,
    },
    {
      id: 'exits.groups',
      title: t(
        `Afsluttede forløb efter afgangsgruppe, ${o.periodText}`,
        `Ended courses by exit group, ${o.periodText}`,
      ),
      columns: distributionColumns(cols, t('Afgangsgruppe', 'Exit group'), o.lang),
      rows: distributionRows(
        cols,
        (k) => k.byGroup,
        (k) => k.ended,
        groupLabel,
        o.lang,
      ),
      notes: [
        ...common,
        t(
          'Grupperne og hvilke årsager de dækker følger ordlisten (kan ændres i jobfx.config.json). Andelene er beregnet af de summerede antal, ikke ved at lægge afrundede procenter sammen.',
          'The groups and the reasons they cover follow the vocabulary (configurable in jobfx.config.json). Shares are computed from summed counts, not by adding rounded percentages.',
        ),
        source,
      ],
      additive,
    },
  ];
}
