/**
 * The title of a yoy table and the notes under it, one function per note: what a column counts
 * (basis), what a cell is (measure), the change, the columns, and the caveats of the data.
 */
import { dateText } from '../base/i18n.js';
import type { YoyContext } from './yoy-context.js';
import { activeBasisNote, courseYearsNote, layoutNotes } from './yoy-layout-notes.js';

export function yoyTitle(c: YoyContext): string {
  const { t, m, range, theUnit } = c;
  const ended = t('Afsluttede forløb', 'Ended courses');
  const what = {
    end: {
      count: ended,
      share: t('Afsluttede forløb, pct.,', 'Ended courses, %,'),
      persons: t('Personer med afsluttet forløb', 'Persons with an ended course'),
      'median-duration': t(
        'Median varighed (dage) af afsluttede forløb',
        'Median duration (days) of ended courses',
      ),
      'course-years': t('Årsværker i afsluttede forløb', 'Course-years of ended courses'),
    },
    start: {
      count: t('Startede forløb', 'Started courses'),
      share: t('Startede forløb, pct.,', 'Started courses, %,'),
      persons: t('Personer med startet forløb', 'Persons who started a course'),
      'median-duration': t(
        `Median varighed (dage) af forløb startet i ${theUnit}`,
        `Median duration (days) of courses started in the ${theUnit}`,
      ),
      'course-years': t('Årsværker i startede forløb', 'Course-years of started courses'),
    },
    active: {
      count: t('Aktive forløb', 'Active courses'),
      share: t('Aktive forløb, pct.,', 'Active courses, %,'),
      persons: t('Personer med aktivt forløb', 'Persons with an active course'),
      'median-duration': t(
        'Median varighed (dage) af afsluttede forløb',
        'Median duration (days) of ended courses',
      ),
      'course-years': t('Årsværker', 'Course-years'),
    },
  }[c.r.basis][m];
  const withShares = c.o.shares ? t(', antal og pct.,', ', count and %,') : '';
  const inTitle = c.heading.toLowerCase();
  return t(`${what}${withShares} efter ${inTitle}, ${range}`, `${what}${withShares} by ${inTitle}, ${range}`);
}

/** Notes: basis, measure, change, columns, caveats, source. */
export function yoyNotes(c: YoyContext): string[] {
  return [
    basisNote(c),
    ...measureNotes(c),
    ...changeNotes(c),
    columnsNote(c),
    ...(c.o.columnNotes ?? []),
    ...layoutNotes(c),
    ...caveatNotes(c),
    c.t(`Kilde: ${c.o.source}.`, `Source: ${c.o.source}.`),
  ];
}

/** Which date puts a course in a column, and which courses count. */
function basisNote(c: YoyContext): string {
  const { t, ended, words, theUnit } = c;
  const unit = words.The;
  if (c.r.basis === 'active') return activeBasisNote(c);
  return ended
    ? t(
        `${unit} er ${theUnit} for forløbets slutdato (afgang); kun afsluttede forløb tælles.`,
        `${unit} is the ${theUnit} of the course's end date (exits); only ended courses count.`,
      )
    : t(
        `${unit} er ${theUnit} for forløbets startdato (tilgang); alle forløb, der startede, tælles, også dem der ikke er afsluttet.`,
        `${unit} is the ${theUnit} of the course's start date (intake); every course that started counts, also those that have not ended.`,
      );
}

/** What a cell is, and its percent column. */
function measureNotes(c: YoyContext): string[] {
  const { r, t, m, words, theUnit, newest, newestLabel, ended } = c;
  const inA = words.inA;
  if (m === 'course-years') return [courseYearsNote(c)];
  if (m === 'count' && c.o.shares)
    return [
      t(
        `Antal forløb og pct. = antal / alle forløb i ${theUnit} ("I alt") × 100, beregnet af antal; en række, der mangler ${inA}, har 0.`,
        `Number of courses, and % = count / all courses in the ${theUnit} ("Total") × 100, from counts; a row missing ${inA} has 0.`,
      ),
    ];
  if (m === 'count')
    return [
      t(
        `Antal forløb; en række, der mangler ${inA}, har 0. Pct. ${newestLabel} = antal / alle ${r.totals[newest]!.courses} forløb i ${newestLabel} × 100.`,
        `Number of courses; a row missing ${inA} has 0. % ${newestLabel} = count / all ${r.totals[newest]!.courses} courses in ${newestLabel} × 100.`,
      ),
    ];
  if (m === 'share')
    return [
      t(
        `Procent = antal forløb i rækken / alle forløb i ${theUnit} × 100, beregnet af antal; nævneren står i rækken "Forløb i alt (n)". En række, der mangler ${inA}, har 0; "-" hvor der ingen forløb er.`,
        `Percent = courses in the row / all courses in the ${theUnit} × 100, from counts; the denominator is the row "Courses in total (n)". A row missing ${inA} has 0; "-" where there are no courses.`,
      ),
    ];
  if (m === 'persons') {
    const personsTotals = r.columns.map((col, j) => `${col.label}: ${r.totals[j]!.persons}`).join(', ');
    return [
      t(
        `Antal forskellige personer. En person med flere forløb tælles én gang pr. række og én gang i "I alt" (forskellige personer i alt), så rækkerne kan summere til mere end "I alt". Pct. ${newestLabel} = personer / alle ${r.totals[newest]!.persons} personer i ${newestLabel} × 100. Personer i alt: ${personsTotals}.`,
        `Number of distinct persons. A person with several courses counts once per row and once in "Total" (distinct persons), so the rows can add up to more than "Total". % ${newestLabel} = persons / all ${r.totals[newest]!.persons} persons in ${newestLabel} × 100. Persons in total: ${personsTotals}.`,
      ),
    ];
  }
  const median = t(
    'Median af varighed = slutdato − startdato + 1 dag (første og sidste dag tæller med), som R\'s quantile (type 7); "-" hvor der ingen afsluttede forløb er.',
    'Median of duration = end − start + 1 day (first and last day count), as R\'s quantile (type 7); "-" where there are no ended courses.',
  );
  if (ended || c.r.basis === 'active') return [median];
  const left = r.columns.map((col, j) => `${col.label}: ${r.notEnded[j]}`).join(', ');
  return [
    median,
    t(
      `Forløb uden slutdato (ikke afsluttet) er udeladt: ${left}.`,
      `Courses without an end date (not ended) are left out: ${left}.`,
    ),
  ];
}

/** What the change columns compare, and how. */
function changeNotes({ t, m, withChange, newestLabel, prevLabel }: YoyContext): string[] {
  if (!withChange) return [];
  const pp =
    m === 'course-years'
      ? t(
          'Ændring i årsværk = forskellen mellem de to års årsværk.',
          'Change in course-years = the difference of the two.',
        )
      : m === 'median-duration'
        ? t(
            'Ændring i dage = forskellen mellem de to medianer.',
            'Change in days = the difference of the two medians.',
          )
        : t(
            'Ændring i procentpoint = forskellen mellem de to præcise procenter (ikke de afrundede).',
            'Change in percentage points = the difference of the two exact percentages (not the rounded ones).',
          );
  return [
    t(
      `Ændring: ${newestLabel} i forhold til ${prevLabel}. ${pp}`,
      `Change: ${newestLabel} against ${prevLabel}. ${pp}`,
    ),
  ];
}

/** The columns: given by --years, or every complete column of the step in the data. */
function columnsNote(c: YoyContext): string {
  const { o, t, words, range } = c;
  const newestData = newestDate(c);
  return o.columnsSource === 'default'
    ? t(
        `${words.plural}: ${range}, ${words.every} i data (nyeste dato ${newestData}).`,
        `${words.plural}: ${range}, ${words.every} in the data (newest date ${newestData}).`,
      )
    : `${words.plural}: ${range}.`;
}

/** What is not final, not ended, not in the vocabulary. */
function caveatNotes(c: YoyContext): string[] {
  const { r, t, m, theUnit } = c;
  const notes: string[] = [];
  if (r.incomplete.length > 0)
    notes.push(
      t(
        `${r.incomplete.join(', ')} er ikke slut i data (nyeste dato ${newestDate(c)}): tallene er ikke endelige.`,
        `${r.incomplete.join(', ')} ${r.incomplete.length === 1 ? 'is' : 'are'} not over in the data (newest date ${newestDate(c)}): the figures are not final.`,
      ),
    );
  if (r.rows.some((x) => x.kind === 'notEnded') && m !== 'median-duration')
    notes.push(
      t(
        `Ikke afsluttet: forløb uden slutdato, talt i ${theUnit}, de startede.`,
        `Not ended: courses without an end date, counted in the ${theUnit} they started.`,
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
  return notes;
}

const newestDate = ({ r, o }: YoyContext): string => (r.newest === null ? '' : dateText(o.lang, r.newest));
