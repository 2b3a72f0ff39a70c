/**
 * The follow-up tables of keyfigures: status 1, 3, 6 and 12 months after the course ended, each
 * of its own cohort (docs/definitions.md#follow-up), and with --followup-by exitGroup the statuses
 * by the exit group of the course ("Fortsat i job").
 */
import type { FollowUpFigure } from '../analyses/followup.js';
import { NEW_COURSE } from '../analyses/followup.js';
import { UNKNOWN } from '../analyses/exits.js';
import { count, empty, labelCol, share, text, valueCol, type Row, type Table } from '../model/table.js';
import type { SectionContext } from './keyfigures-context.js';
import { inLang, word, type Lang } from '../base/i18n.js';
import { slugKey } from '../model/keys.js';

export function followUpTables(c: SectionContext): Table[] {
  const { t, total, o } = c;
  const tables: Table[] = [];
  for (const h of [0, 1, 2, 3]) {
    tables.push(followUpTable(c, h));
    if (o.followUp.byExitGroup) tables.push(byExitGroupTable(c, total.followUp[h]!));
  }
  // The as-of date is the same for every horizon: said once per table, with where it came from.
  const asOf =
    o.asOfSource === 'option'
      ? t(`Opgjort pr. ${c.dateOf(o.asOf)} (--as-of).`, `Measured as of ${c.dateOf(o.asOf)} (--as-of).`)
      : o.asOfSource === 'newest'
        ? t(
            `Opgjort pr. ${c.dateOf(o.asOf)}, den nyeste start- eller slutdato i udtrækket (--as-of ændrer den).`,
            `Measured as of ${c.dateOf(o.asOf)}, the newest start or end date in the export (--as-of changes it).`,
          )
        : t(
            `Opgjort pr. ${c.dateOf(o.asOf)}, periodens slutning (udtrækket har ingen datoer).`,
            `Measured as of ${c.dateOf(o.asOf)}, the end of the period (the export has no dates).`,
          );
  for (const tb of tables) tb.notes.splice(1, 0, asOf);
  return tables;
}

/** "forløb afsluttet 01-01-2025–30-06-2025": the cohort a title names. */
function cohortText(c: SectionContext, f: FollowUpFigure): string {
  const range = `${c.dateOf(f.cohort.from)}–${c.dateOf(f.cohort.to)}`;
  return c.t(`forløb afsluttet ${range}`, `courses ended ${range}`);
}

function monthsText(c: SectionContext, h: number): string {
  return h === 1 ? c.t('1 måned', '1 month') : c.t(`${h} måneder`, `${h} months`);
}

/** Whether the "Ikke omfattet" row is shown: with a consent column or --followup-from. */
const coverageShown = (c: SectionContext) => c.o.followUp.consent || c.o.followUp.coveredFrom !== null;

function followUpTable(c: SectionContext, h: number): Table {
  const { t, single, total, distColumns, distRows, cols, statusLabel } = c;
  const f = total.followUp[h]!;
  const months = monthsText(c, f.horizon);
  const label = (v: string) => (v === NEW_COURSE ? t(NEW_COURSE, 'In a new course') : statusLabel(v));
  const statusRows = distRows(
    (k) => k.followUp[h]!.byStatus,
    (k) => k.followUp[h]!.due,
    label,
  );
  const due = statusRows[statusRows.length - 1]!;
  const line = (key: string, words: string, pick: (x: FollowUpFigure) => number): Row => ({
    key,
    cells: [text(words), ...cols.map((col) => count(pick(col.k.followUp[h]!))), empty],
  });
  const rows: Row[] = [
    ...statusRows.slice(0, -1),
    {
      key: 'dueTotal',
      cells: [text(t('Opgjort i alt', 'Due, total')), ...due.cells.slice(1)],
      style: 'subtotal',
    },
    line('notYetDue', t('Endnu ikke opgjort', 'Not yet due'), (x) => x.notDue),
    ...(coverageShown(c) ? [line('notCovered', t('Ikke omfattet', 'Not covered'), (x) => x.notCovered)] : []),
    {
      ...line('endedCoursesTotal', t('Afsluttede forløb i alt', 'Ended courses, total'), (x) => x.ended),
      style: 'total',
    },
  ];
  const s = statusRows.length - 1; // the "Opgjort i alt" row
  return {
    id: `keyfigures.followUp${f.horizon}`,
    fields: [`followUp${f.horizon}`],
    title: t(
      `Status ${months} efter afsluttet forløb, ${cohortText(c, f)}`,
      `Status ${months} after the course ended, ${cohortText(c, f)}`,
    ),
    columns: distColumns(t('Status', 'Status')),
    rows,
    notes: followUpNotes(c, f),
    // Statuses add up to the due courses; due + not yet due (+ not covered) to the cohort (and across --by columns).
    additive: {
      rowGroups: [
        { total: s, parts: statusRows.slice(0, -1).map((_r, i) => i) },
        { total: rows.length - 1, parts: rows.slice(s, -1).map((_r, i) => s + i) },
      ],
      ...(single ? {} : { totalColumn: cols.length }),
    },
  };
}

function followUpNotes(c: SectionContext, f: FollowUpFigure): string[] {
  const { t, o } = c;
  const n = f.horizon;
  const unit = t(n === 1 ? 'md.' : 'mdr.', n === 1 ? 'month' : 'months');
  const cohort =
    o.followUp.cohort === 'lagged'
      ? t(
          `Forløb afsluttet i perioden forskudt ${n} ${unit} tilbage (${cohortText(c, f)}), så opfølgningen efter ${n} ${unit} kan være nået.`,
          `Courses ended in the period shifted back ${n} ${unit} (${cohortText(c, f)}), so that the ${n}-month follow-up can have passed.`,
        )
      : t('Forløb afsluttet i perioden.', 'Courses ended in the period.');
  const notes = [
    cohort +
      t(
        ` Opgjort: slutdato + ${n} ${unit} ≤ opgørelsesdatoen. Procent af de opgjorte. Status måles på ét tidspunkt, ikke "på noget tidspunkt i perioden". Uoplyst: ingen registreret status. Endnu ikke opgjort: afsluttet for nyligt.`,
        ` Due: end + ${n} ${unit} ≤ the as-of date. Percent of the due courses. Status is measured at one point in time. Unknown: no status recorded. Not yet due: ended too recently.`,
      ),
  ];
  const covered: string[] = [];
  if (o.followUp.consent)
    covered.push(
      t(
        'uden samtykke til opfølgning (Samtykke ikke "Ja")',
        'without consent to follow-up (Consent not "Ja")',
      ),
    );
  if (o.followUp.coveredFrom !== null)
    covered.push(
      t(
        `afsluttet før ${c.dateOf(o.followUp.coveredFrom)}`,
        `ended before ${c.dateOf(o.followUp.coveredFrom)}`,
      ),
    );
  if (covered.length > 0)
    notes.push(
      t(
        `Ikke omfattet: forløb ${covered.join(' eller ')}; de er uden for nævneren, som "Endnu ikke opgjort".`,
        `Not covered: courses ${covered.join(' or ')}; they are outside the denominator, like "Not yet due".`,
      ),
    );
  if (o.followUp.newCourse)
    notes.push(
      t(
        `I nyt forløb: opgjort forløb uden registreret status, hvor personen har startet et nyt forløb efter slutdatoen og senest ${n} ${unit} efter den.`,
        `In a new course: a due course without a recorded status whose person started a new course after its end and at most ${n} ${unit} after it.`,
      ),
    );
  return notes;
}

/** Statuses at horizon N by the exit group of the course: the total column's cohort, one count and percent per group. */
function byExitGroupTable(c: SectionContext, f: FollowUpFigure): Table {
  const { t, o, groupLabel, groupKey } = c;
  const groups = f.byExitGroup ?? [];
  const values = [...f.byStatus.map((s) => s.value)];
  const labelIn = (lang: Lang) => (v: string) =>
    v === NEW_COURSE
      ? inLang(lang, { da: NEW_COURSE, en: 'In a new course' })
      : v === UNKNOWN
        ? word(lang, 'unknown')
        : o.vocab.followUp.label(v, lang);
  const label = labelIn(o.lang);
  const key = (v: string) => slugKey(labelIn('en')(v));
  const pct = t('Pct.', '%');
  const cells = (counts: { value: string; count: number }[], due: number, v: string) => {
    const k = counts.find((x) => x.value === v)?.count ?? 0;
    return [count(k), share(k, due)];
  };
  const rows: Row[] = values.map((v) => ({
    key: key(v),
    cells: [
      text(label(v)),
      ...groups.flatMap((g) => cells(g.byStatus, g.due, v)),
      ...cells(f.byStatus, f.due, v),
    ],
  }));
  rows.push({
    key: 'dueTotal',
    cells: [
      text(t('Opgjort i alt', 'Due, total')),
      ...groups.flatMap((g) => [count(g.due), share(g.due, g.due)]),
      count(f.due),
      share(f.due, f.due),
    ],
    style: 'total',
  });
  const months = monthsText(c, f.horizon);
  return {
    id: `keyfigures.followUp${f.horizon}.byExitGroup`,
    fields: [`followUp${f.horizon}`],
    title: t(
      `Status ${months} efter afsluttet forløb efter afgangsgruppe, ${cohortText(c, f)}`,
      `Status ${months} after the course ended by exit group, ${cohortText(c, f)}`,
    ),
    columns: [
      labelCol(t('Status', 'Status'), 'status'),
      ...groups.flatMap((g) => [valueCol(groupLabel(g.group), groupKey(g.group)), valueCol(pct, 'percent')]),
      valueCol(t('I alt', 'Total'), 'total'),
      valueCol(pct, 'percent'),
    ],
    rows,
    notes: [
      t(
        `De opgjorte forløb i tabellen "Status ${months} efter afsluttet forløb" efter afgangsgruppen ved forløbets afslutning; procent af gruppens opgjorte. Fortsat i job: andelen i job blandt dem, der afsluttede til job (kolonnen Job). ${c.single ? '' : 'Alle kolonner i alt.'}`.trim(),
        `The due courses of the table "Status ${months} after the course ended" by the exit group at the end of the course; percent of the group's due courses. Still in a job: the share in a job of those who ended to a job (column Job). ${c.single ? '' : 'All columns in total.'}`.trim(),
      ),
    ],
    additive: { rows: true, totalColumn: 1 + 2 * groups.length },
  };
}
