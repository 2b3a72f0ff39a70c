/**
 * YoyResult → a memo table: one row per value, one column per year (half-year), and for the
 * newest column a percent column and the change from the column before it. Cells show the
 * measure; shares carry their counts. States under the table what was counted.
 */
import { UNKNOWN, UNMAPPED_GROUP } from '../analyses/keyfigures.js';
import type { YoyMeasure, YoyResult, YoyRow } from '../analyses/yoy.js';
import { fieldLabel } from '../model/fields.js';
import { dateText, sayer, type Lang } from '../base/i18n.js';
import { suppress } from '../disclosure/suppress.js';
import {
  count,
  empty,
  labelCol,
  num,
  share,
  text,
  valueCol,
  type Cell,
  type Row,
  type Table,
} from '../model/table.js';
import type { VocabSet } from '../schema/vocab.js';

export interface YoyTableOptions {
  lang: Lang;
  measure: YoyMeasure;
  vocab: VocabSet;
  /** How the columns were chosen: --years, or the complete years in the data. */
  columnsSource: 'given' | 'default';
  source: string;
}

/** Index of the first year column; the year columns are 1 … result.columns.length. */
export const FIRST_YEAR_COLUMN = 1;

export function yoyTable(r: YoyResult, o: YoyTableOptions): Table {
  const t = sayer(o.lang);
  const k = r.columns.length;
  const newest = k - 1;
  const prev = k - 2;
  const withChange = k >= 2;
  const m = o.measure;
  const heading = fieldLabel(r.field, o.lang);
  const inTitle = heading.toLowerCase();
  const range = k === 1 ? r.columns[0]!.label : `${r.columns[0]!.label}–${r.columns[newest]!.label}`;
  const newestLabel = r.columns[newest]!.label;
  const prevLabel = withChange ? r.columns[prev]!.label : '';
  const ended = r.basis === 'end';
  const dateOf = (d: number) => dateText(o.lang, d);

  const rowLabel = (row: YoyRow): string => {
    if (row.kind === 'notEnded') return t('Ikke afsluttet', 'Not ended');
    if (r.field === 'exitGroup')
      return row.key === UNMAPPED_GROUP
        ? t('Ikke i ordlisten', 'Not in the vocabulary')
        : o.vocab.exitGroupLabel(row.key, o.lang);
    if (r.field === 'exitReason') return o.vocab.exitReason.label(row.key, o.lang);
    if (r.field === 'targetGroup') return o.vocab.targetGroup.label(row.key, o.lang);
    if (row.key === UNKNOWN) return t('Uoplyst', 'Unknown');
    return row.key;
  };

  // Percentages as exact numbers, for the change in percentage points (never from rounded ones).
  const pct = (c: number, of: number) => (of === 0 ? null : (100 * c) / of);
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

  const columns = [labelCol(heading), ...r.columns.map((c) => valueCol(c.label))];
  const changeCount = t('Ændring, antal', 'Change, count');
  const changePp = t('Ændring, pct.-point', 'Change, pp');
  let rows: Row[];
  // Median durations: a row of courses that have not ended has none.
  const bodyRows = m === 'median-duration' ? r.rows.filter((x) => x.kind !== 'notEnded') : r.rows;

  if (m === 'count' || m === 'persons') {
    const pick = (x: YoyRow['cells'][number]) => (m === 'count' ? x.courses : x.persons);
    columns.push(valueCol(t(`Pct. ${newestLabel}`, `% ${newestLabel}`)));
    if (withChange) columns.push(valueCol(changeCount), valueCol(changePp));
    const line = (cells: YoyRow['cells'], totals: YoyRow['cells'], label: string, isTotal: boolean): Row => {
      const v = cells.map(pick);
      const of = totals.map(pick);
      const out: Cell[] = [text(label), ...v.map(count), share(v[newest]!, of[newest]!)];
      if (withChange)
        out.push(
          num(v[newest]! - v[prev]!, 0),
          isTotal ? empty : num(diff(pct(v[newest]!, of[newest]!), pct(v[prev]!, of[prev]!)), 1),
        );
      return isTotal ? { cells: out, style: 'total' } : { cells: out };
    };
    rows = bodyRows.map((x) => line(x.cells, r.totals, rowLabel(x), false));
    rows.push(line(r.totals, r.totals, t('I alt', 'Total'), true));
  } else if (m === 'share') {
    if (withChange) columns.push(valueCol(changePp));
    rows = bodyRows.map((x) => {
      const cells: Cell[] = [
        text(rowLabel(x)),
        ...x.cells.map((c, j) => share(c.courses, r.totals[j]!.courses)),
      ];
      if (withChange) {
        const a = r.totals[newest]!.courses;
        const b = r.totals[prev]!.courses;
        cells.push(num(diff(pct(x.cells[newest]!.courses, a), pct(x.cells[prev]!.courses, b)), 1));
      }
      return { cells };
    });
    rows.push({
      cells: [
        text(t('Forløb i alt (n)', 'Courses in total (n)')),
        ...r.totals.map((c) => count(c.courses)),
        ...(withChange ? [empty] : []),
      ],
      style: 'total',
    });
  } else {
    if (withChange) columns.push(valueCol(t('Ændring, dage', 'Change, days')));
    const line = (cells: YoyRow['cells'], label: string, isTotal: boolean): Row => {
      const med = cells.map((c) => c.durationDays.median);
      const out: Cell[] = [text(label), ...cells.map((c) => num(c.durationDays.median, 1, c.durationDays.n))];
      if (withChange) out.push(num(diff(med[newest] ?? null, med[prev] ?? null), 1));
      return isTotal ? { cells: out, style: 'total' } : { cells: out };
    };
    rows = bodyRows.map((x) => line(x.cells, rowLabel(x), false));
    rows.push(line(r.totals, t('Alle afsluttede forløb', 'All ended courses'), true));
  }

  // Title.
  const what = ended
    ? {
        count: t('Afsluttede forløb', 'Ended courses'),
        share: t('Afsluttede forløb, pct.,', 'Ended courses, %,'),
        persons: t('Personer med afsluttet forløb', 'Persons with an ended course'),
        'median-duration': t(
          'Median varighed (dage) af afsluttede forløb',
          'Median duration (days) of ended courses',
        ),
      }[m]
    : {
        count: t('Startede forløb', 'Started courses'),
        share: t('Startede forløb, pct.,', 'Started courses, %,'),
        persons: t('Personer med startet forløb', 'Persons who started a course'),
        'median-duration': t(
          `Median varighed (dage) af forløb startet i ${r.step === 'year' ? 'året' : 'halvåret'}`,
          `Median duration (days) of courses started in the ${r.step === 'year' ? 'year' : 'half-year'}`,
        ),
      }[m];
  const title = t(`${what} efter ${inTitle}, ${range}`, `${what} by ${inTitle}, ${range}`);

  // Notes: basis, measure, columns, definitions, source.
  const unit = r.step === 'year' ? t('Året', 'The year') : t('Halvåret', 'The half-year');
  const inA = r.step === 'year' ? t('i et år', 'in a year') : t('i et halvår', 'in a half-year');
  const notes: string[] = [];
  notes.push(
    ended
      ? t(
          `${unit} er ${r.step === 'year' ? 'året' : 'halvåret'} for forløbets slutdato (afgang); kun afsluttede forløb tælles.`,
          `${unit} is the ${r.step === 'year' ? 'year' : 'half-year'} of the course's end date (exits); only ended courses count.`,
        )
      : t(
          `${unit} er ${r.step === 'year' ? 'året' : 'halvåret'} for forløbets startdato (tilgang); alle forløb, der startede, tælles, også dem der ikke er afsluttet.`,
          `${unit} is the ${r.step === 'year' ? 'year' : 'half-year'} of the course's start date (intake); every course that started counts, also those that have not ended.`,
        ),
  );
  const personsTotals = r.columns.map((c, j) => `${c.label}: ${r.totals[j]!.persons}`).join(', ');
  if (m === 'count')
    notes.push(
      t(
        `Antal forløb; en række, der mangler ${inA}, har 0. Pct. ${newestLabel} = antal / alle ${r.totals[newest]!.courses} forløb i ${newestLabel} × 100.`,
        `Number of courses; a row missing ${inA} has 0. % ${newestLabel} = count / all ${r.totals[newest]!.courses} courses in ${newestLabel} × 100.`,
      ),
    );
  else if (m === 'share')
    notes.push(
      t(
        `Procent = antal forløb i rækken / alle forløb i ${r.step === 'year' ? 'året' : 'halvåret'} × 100, beregnet af antal; nævneren står i rækken "Forløb i alt (n)". En række, der mangler ${inA}, har 0; "-" hvor der ingen forløb er.`,
        `Percent = courses in the row / all courses in the ${r.step === 'year' ? 'year' : 'half-year'} × 100, from counts; the denominator is the row "Courses in total (n)". A row missing ${inA} has 0; "-" where there are no courses.`,
      ),
    );
  else if (m === 'persons')
    notes.push(
      t(
        `Antal forskellige personer. En person med flere forløb tælles én gang pr. række og én gang i "I alt" (forskellige personer i alt), så rækkerne kan summere til mere end "I alt". Pct. ${newestLabel} = personer / alle ${r.totals[newest]!.persons} personer i ${newestLabel} × 100. Personer i alt: ${personsTotals}.`,
        `Number of distinct persons. A person with several courses counts once per row and once in "Total" (distinct persons), so the rows can add up to more than "Total". % ${newestLabel} = persons / all ${r.totals[newest]!.persons} persons in ${newestLabel} × 100. Persons in total: ${personsTotals}.`,
      ),
    );
  else {
    notes.push(
      t(
        'Median af varighed = slutdato − startdato + 1 dag (første og sidste dag tæller med), som R\'s quantile (type 7); "-" hvor der ingen afsluttede forløb er.',
        'Median of duration = end − start + 1 day (first and last day count), as R\'s quantile (type 7); "-" where there are no ended courses.',
      ),
    );
    if (!ended) {
      const left = r.columns.map((c, j) => `${c.label}: ${r.notEnded[j]}`).join(', ');
      notes.push(
        t(
          `Forløb uden slutdato (ikke afsluttet) er udeladt: ${left}.`,
          `Courses without an end date (not ended) are left out: ${left}.`,
        ),
      );
    }
  }
  if (withChange) {
    const pp =
      m === 'median-duration'
        ? t(
            'Ændring i dage = forskellen mellem de to medianer.',
            'Change in days = the difference of the two medians.',
          )
        : t(
            'Ændring i procentpoint = forskellen mellem de to præcise procenter (ikke de afrundede).',
            'Change in percentage points = the difference of the two exact percentages (not the rounded ones).',
          );
    notes.push(
      t(
        `Ændring: ${newestLabel} i forhold til ${prevLabel}. ${pp}`,
        `Change: ${newestLabel} against ${prevLabel}. ${pp}`,
      ),
    );
  }
  const newestData = r.newest === null ? '' : dateOf(r.newest);
  notes.push(
    o.columnsSource === 'default'
      ? t(
          `${r.step === 'year' ? 'År' : 'Halvår'}: ${range}, alle hele ${r.step === 'year' ? 'kalenderår' : 'halvår'} i data (nyeste dato ${newestData}).`,
          `${r.step === 'year' ? 'Years' : 'Half-years'}: ${range}, every complete ${r.step === 'year' ? 'calendar year' : 'half-year'} in the data (newest date ${newestData}).`,
        )
      : t(
          `${r.step === 'year' ? 'År' : 'Halvår'}: ${range}.`,
          `${r.step === 'year' ? 'Years' : 'Half-years'}: ${range}.`,
        ),
  );
  if (r.incomplete.length > 0)
    notes.push(
      t(
        `${r.incomplete.join(', ')} er ikke slut i data (nyeste dato ${newestData}): tallene er ikke endelige.`,
        `${r.incomplete.join(', ')} ${r.incomplete.length === 1 ? 'is' : 'are'} not over in the data (newest date ${newestData}): the figures are not final.`,
      ),
    );
  if (r.rows.some((x) => x.kind === 'notEnded') && m !== 'median-duration')
    notes.push(
      t(
        'Ikke afsluttet: forløb uden slutdato, talt i deres startår.',
        'Not ended: courses without an end date, counted in the year they started.',
      ),
    );
  if (r.field === 'exitGroup')
    notes.push(
      m === 'median-duration'
        ? t(
            'Afgangsgrupper efter ordlisten (indbygget eller fra konfigurationen).',
            'Exit groups by the vocabulary (built in or from the config).',
          )
        : t(
            'Afgangsgrupper efter ordlisten (indbygget eller fra konfigurationen); gruppernes procenter er beregnet af de summerede antal.',
            'Exit groups by the vocabulary (built in or from the config); group percentages are computed from summed counts.',
          ),
    );
  if (r.unknownValues.length > 0)
    notes.push(
      r.field === 'exitGroup'
        ? t(
            `Ikke i ordlisten: afslutningsårsager uden afgangsgruppe: ${r.unknownValues.join(', ')}.`,
            `Not in the vocabulary: exit reasons without an exit group: ${r.unknownValues.join(', ')}.`,
          )
        : t(
            `Ikke i ordlisten (vist som skrevet): ${r.unknownValues.join(', ')}.`,
            `Not in the vocabulary (shown as written): ${r.unknownValues.join(', ')}.`,
          ),
    );
  notes.push(t(`Kilde: ${o.source}.`, `Source: ${o.source}.`));

  const table: Table = { id: `yoy.${r.field}`, title, columns, rows, notes };
  // Courses add up to the total row; persons do not (one person can be in several rows).
  if (m === 'count') table.additive = { rows: true };
  return table;
}

/**
 * Small-cell suppression for a yoy table. The shared suppression hides small cells (and, for
 * course counts, a second cell where a total would give one away); on top of it:
 * - a share table is suppressed as its count table would be (secondary suppression included),
 *   since the shares of a column with its n give the counts away;
 * - the percent and change columns are hidden where a year cell they are computed from is hidden.
 * The result is stable under suppress() with the same threshold, which the output layer applies again.
 */
export function suppressYoy(
  table: Table,
  r: YoyResult,
  measure: YoyMeasure,
  threshold: number,
  lang: Lang,
): Table {
  const shown = suppress(table, threshold, lang);
  const k = r.columns.length;
  const grid =
    measure === 'share'
      ? suppress(
          {
            id: 'grid',
            title: '',
            columns: [],
            rows: table.rows.map((row, i) =>
              i < table.rows.length - 1
                ? {
                    cells: [
                      row.cells[0]!,
                      ...row.cells
                        .slice(FIRST_YEAR_COLUMN, FIRST_YEAR_COLUMN + k)
                        .map((c) => count(c.t === 'share' ? c.count : 0)),
                    ],
                  }
                : { cells: row.cells.slice(0, FIRST_YEAR_COLUMN + k), style: 'total' as const },
            ),
            notes: [],
            additive: { rows: true },
          },
          threshold,
          lang,
        )
      : shown;
  const hidden = (i: number, j: number) => grid.rows[i]!.cells[FIRST_YEAR_COLUMN + j]!.t === 'suppressed';
  const HIDDEN: Cell = { t: 'suppressed', shown: '..' };
  let dependent = false;
  const rows = shown.rows.map((row, i) => {
    const cells = [...row.cells];
    for (let j = 0; j < k; j++)
      if (hidden(i, j) && cells[FIRST_YEAR_COLUMN + j]!.t !== 'suppressed')
        cells[FIRST_YEAR_COLUMN + j] = HIDDEN;
    // Percent and change columns come after the year columns and depend on the last two.
    const newestHidden = hidden(i, k - 1);
    const prevHidden = k >= 2 && hidden(i, k - 2);
    for (let c = FIRST_YEAR_COLUMN + k; c < cells.length; c++) {
      const cell = cells[c]!;
      const isPercent = c === FIRST_YEAR_COLUMN + k && cell.t === 'share';
      const hide = isPercent ? newestHidden : newestHidden || prevHidden;
      if (hide && cell.t !== 'suppressed' && cell.t !== 'empty') {
        cells[c] = HIDDEN;
        if (!isPercent) dependent = true;
      }
    }
    return { ...row, cells };
  });
  const notes = [...shown.notes];
  for (const n of grid.notes) if (!notes.includes(n)) notes.push(n);
  if (dependent)
    notes.push(
      lang === 'da'
        ? 'En ændring, der bygger på et skjult tal, er også vist som "..".'
        : 'A change computed from a hidden number is also shown as "..".',
    );
  return { ...shown, rows, notes };
}
