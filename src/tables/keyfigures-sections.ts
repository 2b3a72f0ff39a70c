/** The sections of the key-figure tables, one builder each (docs/definitions.md#key-figures). */
import type { Count, KeyFigures } from '../analyses/keyfigures.js';
import { count, labelCol, num, share, text, valueCol, type Row, type Table } from '../model/table.js';
import type { Summary } from '../stats/describe.js';
import { windowNote, windowWords } from './repeats.js';
import type { SectionContext } from './keyfigures-context.js';

export function citizensTables(c: SectionContext): Table[] {
  const { t, periodText, single, n, cols, valueCols } = c;
  const tables: Table[] = [];
  // 1. Citizens in the programme.
  const figure = (key: string, label: string, f: (k: KeyFigures) => number): Row => ({
    key,
    cells: [text(label), ...cols.map((c) => count(f(c.k)))],
  });
  tables.push({
    id: 'keyfigures.citizens',
    title: t(`Borgere i indsatsen, ${periodText}`, `Citizens in the programme, ${periodText}`),
    columns: [labelCol('', 'label'), ...(single ? [valueCol(n, 'count')] : valueCols)],
    rows: [
      figure(
        'activeCourses',
        t('Forløb aktive i perioden', 'Courses active in the period'),
        (k) => k.active.courses,
      ),
      figure(
        'activePersons',
        t('Personer aktive i perioden', 'Persons active in the period'),
        (k) => k.active.persons,
      ),
      figure(
        'startedCourses',
        t('Forløb startet i perioden', 'Courses started in the period'),
        (k) => k.started.courses,
      ),
      figure(
        'startedPersons',
        t('Personer startet i perioden', 'Persons who started in the period'),
        (k) => k.started.persons,
      ),
      figure(
        'ongoingCourses',
        t('Forløb i gang ved periodens slutning', 'Courses ongoing at the end of the period'),
        (k) => k.ongoing.courses,
      ),
      figure(
        'ongoingPersons',
        t('Personer i gang ved periodens slutning', 'Persons ongoing at the end of the period'),
        (k) => k.ongoing.persons,
      ),
      figure(
        'endedCourses',
        t('Forløb afsluttet i perioden', 'Courses ended in the period'),
        (k) => k.ended.courses,
      ),
      figure(
        'endedPersons',
        t('Personer afsluttet i perioden', 'Persons with a course ended in the period'),
        (k) => k.ended.persons,
      ),
    ],
    // Active courses = ended + ongoing: a hidden one must not be recoverable. Ended courses are the
    // total of the exit tables, so the cell to hide with a small ongoing count is the active one.
    // With --by, only the course rows add up across the columns (links in keyfigures-links.ts).
    additive: { rowGroups: [{ total: 0, parts: [4, 6], secondary: 'total' }] },
    notes: [
      t(
        'Aktiv: start ≤ periodens slutning og (ingen slutdato eller slut ≥ periodens start). Startet/afsluttet: start-/slutdato i perioden. I gang: start ≤ periodens slutning og (ingen slutdato eller slut efter periodens slutning). En person tælles én gang pr. linje, også med flere forløb.',
        'Active: start ≤ end of period and (no end date or end ≥ start of period). Started/ended: start/end date in the period. Ongoing: start ≤ end of period and (no end date or end after the end of the period). A person counts once per line, also with several courses.',
      ),
    ],
  });
  return tables;
}

export function durationTables(c: SectionContext): Table[] {
  const { t, dateOf, p, name, durationRows, durationColumns, durationNote } = c;
  const tables: Table[] = [];
  // 2. Durations: ongoing (so far) and ended.
  tables.push({
    id: 'keyfigures.ongoingDuration',
    title: t(
      `Varighed indtil videre af forløb i gang ved periodens slutning, ${name}`,
      `Duration so far of courses ongoing at the end of the period, ${name}`,
    ),
    columns: durationColumns,
    rows: durationRows((k) => k.ongoing.durationDays),
    notes: [
      t(
        `Varighed indtil videre = ${dateOf(p.to)} − startdato + 1 dag.`,
        `Duration so far = ${dateOf(p.to)} − start + 1 day.`,
      ),
      durationNote,
    ],
  });
  return tables;
}

export function exitTables(c: SectionContext): Table[] {
  const { t, name, single, total, distColumns, distRows, courseAdditive, o, groupLabel } = c;
  const tables: Table[] = [];
  // 3. Ended courses by exit reason and by exit group.
  const endedNote = t(
    `Afsluttede forløb: slutdato i perioden. Procent af alle ${total.ended.courses} afsluttede forløb${single ? '' : ' i alt'}.`,
    `Ended courses: end date in the period. Percent of all ${total.ended.courses} ended courses${single ? '' : ' in total'}.`,
  );
  const unknownReasons = total.ended.byReason
    .filter((r) => r.group === null && r.value !== 'Uoplyst')
    .map((r) => r.value);
  tables.push({
    id: 'keyfigures.exitReasons',
    title: t(`Afsluttede forløb efter afslutningsårsag, ${name}`, `Ended courses by exit reason, ${name}`),
    columns: distColumns(t('Afslutningsårsag', 'Exit reason')),
    rows: distRows(
      (k) => k.ended.byReason,
      (k) => k.ended.courses,
      (v) => o.vocab.exitReason.label(v, o.lang),
    ),
    notes: [
      endedNote,
      ...(unknownReasons.length > 0
        ? [
            t(
              `Ikke i ordlisten (vist som skrevet): ${unknownReasons.join(', ')}.`,
              `Not in the vocabulary (shown as written): ${unknownReasons.join(', ')}.`,
            ),
          ]
        : []),
    ],
    additive: courseAdditive,
  });
  tables.push({
    id: 'keyfigures.exitGroups',
    title: t(`Afsluttede forløb efter afgangsgruppe, ${name}`, `Ended courses by exit group, ${name}`),
    columns: distColumns(t('Afgangsgruppe', 'Exit group')),
    rows: distRows(
      (k) => k.ended.byGroup,
      (k) => k.ended.courses,
      groupLabel,
    ),
    notes: [
      endedNote,
      t(
        'Gruppernes andele er beregnet af de summerede antal, ikke ved at lægge afrundede procenter sammen.',
        'Group shares are computed from summed counts, not by adding rounded percentages.',
      ),
    ],
    additive: courseAdditive,
  });
  return tables;
}

export function endedDurationTables(c: SectionContext): Table[] {
  const { t, name, single, total, durationRows, durationColumns, durationNote, groupLabel, groupKey } = c;
  const tables: Table[] = [];
  // 4. Duration of ended courses: by exit group (one column), or overall per --by value.
  if (single) {
    const groups = total.ended.byGroup.filter((g) => g.count > 0).map((g) => g.value);
    const row = (key: string, label: string, s: Summary, style?: 'total'): Row => ({
      key,
      cells: [
        text(label),
        count(s.n),
        num(s.mean, 1, s.n),
        num(s.median, 1, s.n),
        num(s.q1, 1, s.n),
        num(s.q3, 1, s.n),
      ],
      ...(style ? { style } : {}),
    });
    tables.push({
      id: 'keyfigures.endedDuration',
      title: t(
        `Varighed af afsluttede forløb (dage) efter afgangsgruppe, ${name}`,
        `Duration of ended courses (days) by exit group, ${name}`,
      ),
      columns: [
        labelCol(t('Afgangsgruppe', 'Exit group'), 'exitGroup'),
        valueCol(t('Forløb', 'Courses'), 'courses'),
        valueCol(t('Gennemsnit', 'Mean'), 'mean'),
        valueCol(t('Median', 'Median'), 'median'),
        valueCol(t('Nedre kvartil', 'Lower quartile'), 'lowerQuartile'),
        valueCol(t('Øvre kvartil', 'Upper quartile'), 'upperQuartile'),
      ],
      rows: [
        ...groups.map((g) => row(groupKey(g), groupLabel(g), total.ended.durationDaysByGroup[g]!)),
        row('total', t('I alt', 'Total'), total.ended.durationDays, 'total'),
      ],
      notes: [durationNote],
      additive: { rows: true },
    });
  } else {
    tables.push({
      id: 'keyfigures.endedDuration',
      title: t(`Varighed af afsluttede forløb, ${name}`, `Duration of ended courses, ${name}`),
      columns: durationColumns,
      rows: durationRows((k) => k.ended.durationDays),
      notes: [durationNote],
    });
  }
  return tables;
}

export function mixTables(c: SectionContext): Table[] {
  const { t, name, distColumns, distRows, personAdditive, o } = c;
  const tables: Table[] = [];
  // 5. Who they are: active persons by target group, education, age band, gender.
  const mixNote = t(
    'Personer aktive i perioden, hver talt én gang efter sit seneste aktive forløb (senest startede; starter to samme dag, det, der slutter senest, igangværende senest, derefter ordlistens rækkefølge). Alder ved forløbets start, afledt af CPR-nummeret.',
    'Persons active in the period, each counted once by their latest active course (latest start; of two starting the same day, the one that ends later, ongoing latest, then vocabulary order). Age at the course start, derived from the CPR number.',
  );
  const uoplyst = (v: string) => (v === 'Uoplyst' ? t('Uoplyst', 'Unknown') : v);
  const targetLabel = (v: string) => o.vocab.targetGroup.label(v, o.lang);
  const educationLabel = (v: string) => o.vocab.education.label(v, o.lang);
  const mix: [string, string, string, (k: KeyFigures) => Count[], (v: string) => string][] = [
    [
      'targetGroup',
      t('målgruppe', 'target group'),
      t('Målgruppe', 'Target group'),
      (k) => k.mix.targetGroup,
      targetLabel,
    ],
    [
      'education',
      t('højest fuldførte uddannelse', 'highest completed education'),
      t('Uddannelse', 'Education'),
      (k) => k.mix.education,
      educationLabel,
    ],
    [
      'ageBand',
      t('alder', 'age'),
      t('Alder', 'Age'),
      (k) => k.mix.ageBand,
      (v) => (v === 'Uoplyst' ? uoplyst(v) : `${v} ${t('år', 'years')}`),
    ],
    [
      'gender',
      t('køn', 'gender'),
      t('Køn', 'Gender'),
      (k) => k.mix.gender,
      (v) => (v === 'M' ? t('Mænd', 'Men') : v === 'K' ? t('Kvinder', 'Women') : uoplyst(v)),
    ],
  ];
  for (const [id, what, head, pick, label] of mix)
    tables.push({
      id: `keyfigures.mix.${id}`,
      title: t(`Personer efter ${what}, ${name}`, `Persons by ${what}, ${name}`),
      columns: distColumns(head),
      rows: distRows(pick, (k) => k.mix.persons, label),
      notes: [mixNote],
      additive: personAdditive,
      fields: [id],
    });
  return tables;
}

export function repeatTables(c: SectionContext): Table[] {
  const { t, name, single, total, pct, n, cols, o, valueCols } = c;
  const tables: Table[] = [];
  // 7. Repeat users.
  const w = windowWords(o.window, o.lang);
  const windowText = w.text;
  tables.push({
    id: 'keyfigures.repeats',
    title: t(`Gengangere inden for ${windowText}, ${name}`, `Repeat users within ${windowText}, ${name}`),
    columns: single
      ? [labelCol('', 'label'), valueCol(n, 'count'), valueCol(pct, 'percent')]
      : [labelCol('', 'label'), ...valueCols, valueCol(pct, 'percent')],
    rows: [
      {
        key: 'personsWhoStartedInThePeriod',
        cells: [
          text(t('Personer startet i perioden', 'Persons who started in the period')),
          ...cols.map((c) => count(c.k.repeats.startedPersons)),
          share(total.repeats.startedPersons, total.repeats.startedPersons),
        ],
        style: 'total',
      },
      {
        key: 'ofWhomRepeatUsers',
        cells: [
          text(t('heraf gengangere', 'of whom repeat users')),
          ...cols.map((c) => count(c.k.repeats.returning)),
          share(total.repeats.returning, total.repeats.startedPersons),
        ],
      },
    ],
    notes: [
      t(
        `Gengangere: personer, der starter et forløb i perioden og har afsluttet et tidligere forløb højst ${w.within} før (${w.rule}). ${windowNote(o.window, 'da')} Et forløb, der starter mens det tidligere stadig kører, er ikke en tilbagevenden${o.minGapDays > 0 ? `; heller ikke et, der starter inden for ${o.minGapDays} dage efter det tidligere slut` : ''}. Der findes ingen officiel national definition.`,
        `Repeat user: a person who starts a course in the period and ended an earlier course at most ${w.within} before (${w.rule}). ${windowNote(o.window, 'en')} A course starting while the earlier one still runs is not a return${o.minGapDays > 0 ? `; nor one starting within ${o.minGapDays} days of the earlier end` : ''}. There is no official national definition.`,
      ),
    ],
  });
  return tables;
}
