/** InspectResult → Tables for the terminal, markdown and other human formats. */
import type { InspectResult } from '../analyses/inspect.js';
import { fieldLabel, fieldValueLabel } from '../model/fields.js';
import { sayer, type Lang } from '../base/i18n.js';
import { count, labelCol, share, text, valueCol, type Row, type Table } from '../model/table.js';

/** Rejections listed in the human report; the rest are counted and go to --rejects FILE. */
export const REJECTIONS_SHOWN = 20;

export function inspectTables(r: InspectResult, lang: Lang): Table[] {
  const t = sayer(lang);
  const kv = (k: string, v: string): Row => ({ cells: [text(k), text(v)] });
  const s = r.source;

  const source: Table = {
    id: 'inspect.source',
    title: t('Fil', 'File'),
    columns: [labelCol(''), labelCol('')],
    rows: [
      kv(t('Fil', 'File'), s.file),
      kv(t('Format', 'Format'), s.format === 'csv' ? 'CSV' : 'Excel (xlsx)'),
      ...(s.encoding ? [kv(t('Tegnsæt', 'Encoding'), s.encoding)] : []),
      ...(s.delimiter ? [kv(t('Skilletegn', 'Delimiter'), s.delimiter === '\t' ? 'tab' : s.delimiter)] : []),
      ...(s.sheet
        ? [
            kv(
              t('Ark', 'Sheet'),
              `${s.sheet}${s.sheets && s.sheets.length > 1 ? t(` (af ${s.sheets.join(', ')})`, ` (of ${s.sheets.join(', ')})`) : ''}`,
            ),
          ]
        : []),
      ...(s.date1904 ? [kv(t('Datosystem', 'Date system'), '1904')] : []),
      kv(
        t('Overskriftsrække', 'Header row'),
        `${s.headerRow} (${s.headerRowSource === 'forced' ? t('angivet', 'forced') : t('fundet', 'detected')})`,
      ),
      kv(
        t('Person-id', 'Person id'),
        r.personIdKind === 'cpr'
          ? t('CPR-nummer (alder og køn afledt)', 'CPR number (age and gender derived)')
          : t('borger-id (ingen alder/køn)', 'citizen id (no age/gender)'),
      ),
    ],
    notes: [],
  };

  const howLabel: Record<string, string> = {
    config: t('konfiguration', 'config'),
    synonym: t('genkendt', 'recognised'),
    ignored: t('ignoreret', 'ignored'),
    duplicate: t('ignoreret (feltet er allerede dækket)', 'ignored (field already mapped)'),
  };
  const columns: Table = {
    id: 'inspect.columns',
    title: t('Kolonner', 'Columns'),
    columns: [
      labelCol(t('Kolonne i filen', 'Column in file')),
      labelCol(t('Felt', 'Field')),
      labelCol(t('Hvordan', 'How')),
    ],
    rows: r.columns.map((c) => ({
      cells: [
        text(c.header === '' ? t('(uden overskrift)', '(no header)') : c.header),
        text(c.field ? fieldLabel(c.field, lang) : '-'),
        text(howLabel[c.how] ?? c.how),
      ],
    })),
    notes: [],
  };

  const rows: Table = {
    id: 'inspect.rows',
    title: t('Rækker', 'Rows'),
    columns: [labelCol(''), valueCol(t('Antal', 'Count'))],
    rows: [
      { cells: [text(t('Indlæst', 'Read')), count(r.rows.read)], style: 'total' },
      { cells: [text(t('Godkendt (forløb)', 'Accepted (courses)')), count(r.rows.accepted)] },
      ...(r.rows.notStarted
        ? [
            {
              cells: [
                text(t('Godkendt: visiteret, ikke startet', 'Accepted: visited, not started')),
                count(r.rows.notStarted),
              ],
            },
          ]
        : []),
      { cells: [text(t('Afvist', 'Rejected')), count(r.rows.rejected)] },
      { cells: [text(t('Sprunget over: tomme', 'Skipped: blank')), count(r.rows.skippedBlank)] },
      { cells: [text(t('Sprunget over: totalrækker', 'Skipped: totals')), count(r.rows.skippedTotals)] },
    ],
    notes: [
      r.rows.notStarted
        ? t(
            'Indlæst = godkendt (forløb og visiteret, ikke startet) + afvist + sprunget over. En række med visitationsdato og uden start- og slutdato er "visiteret, ikke startet": ikke et forløb.',
            'Read = accepted (courses and visited, not started) + rejected + skipped. A row with a visitation date and no start or end date is "visited, not started": not a course.',
          )
        : t('Indlæst = godkendt + afvist + sprunget over.', 'Read = accepted + rejected + skipped.'),
    ],
  };

  const tables = [source, columns, rows];

  if (r.rejections.length > 0) {
    const shown = r.rejections.slice(0, REJECTIONS_SHOWN);
    tables.push({
      id: 'inspect.rejections',
      title: t('Afviste rækker', 'Rejected rows'),
      columns: [labelCol(t('Række', 'Row')), labelCol(t('Årsag', 'Reason'))],
      rows: shown.map((x) => ({ cells: [text(x.ref), text(x.reasons.join('; '))] })),
      notes:
        r.rejections.length > shown.length
          ? [
              t(
                `${r.rejections.length - shown.length} flere afviste rækker; skriv dem alle med --rejects FIL.`,
                `${r.rejections.length - shown.length} more rejected rows; write them all with --rejects FILE.`,
              ),
            ]
          : [],
    });
  }

  const d = r.dates;
  tables.push({
    id: 'inspect.dates',
    title: t('Datoer og personer', 'Dates and persons'),
    columns: [labelCol(''), labelCol(t('Fra', 'From')), labelCol(t('Til', 'To'))],
    rows: [
      { cells: [text(t('Startdatoer', 'Start dates')), text(d.start.min ?? '-'), text(d.start.max ?? '-')] },
      { cells: [text(t('Slutdatoer', 'End dates')), text(d.end.min ?? '-'), text(d.end.max ?? '-')] },
      { cells: [text(t('Afsluttede forløb', 'Ended courses')), count(d.ended), text('')] },
      { cells: [text(t('Igangværende forløb', 'Ongoing courses')), count(d.ongoing), text('')] },
      {
        cells: [text(t('Personer (forskellige)', 'Persons (distinct)')), count(r.persons.distinct), text('')],
      },
      ...(r.personIdKind === 'cpr' || r.persons.men + r.persons.women > 0
        ? [
            { cells: [text(t('Mænd', 'Men')), count(r.persons.men), text('')] },
            { cells: [text(t('Kvinder', 'Women')), count(r.persons.women), text('')] },
          ]
        : []),
    ],
    notes: [],
  });

  for (const dist of r.distributions) {
    const total = dist.values.reduce((a, v) => a + v.count, 0) + dist.missing;
    const unknown = dist.values.filter((v) => !v.known).length;
    tables.push({
      id: `inspect.values.${dist.field}`,
      title: `${fieldLabel(dist.field, lang)} (${t('kolonne', 'column')} "${dist.header}")`,
      columns: [labelCol(t('Værdi', 'Value')), valueCol(t('Antal', 'Count')), valueCol(t('Pct.', '%'))],
      rows: [
        ...dist.values.map((v) => ({
          cells: [
            text(
              v.known
                ? fieldValueLabel(dist.field, v.value, lang)
                : `${v.value}  [${t('ukendt', 'unknown')}]`,
            ),
            count(v.count),
            share(v.count, total),
          ],
        })),
        ...(dist.missing > 0
          ? [{ cells: [text(t('(tom)', '(empty)')), count(dist.missing), share(dist.missing, total)] }]
          : []),
        { cells: [text(t('I alt', 'Total')), count(total), share(total, total)], style: 'total' as const },
      ],
      notes:
        unknown > 0
          ? [
              t(
                `${unknown} værdi(er) er ikke i ordlisten og er beholdt som skrevet; tilføj dem i jobfx.config.json.`,
                `${unknown} value(s) are not in the vocabulary and are kept as written; add them in jobfx.config.json.`,
              ),
            ]
          : [],
    });
  }
  return tables;
}
