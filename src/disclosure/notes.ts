/** The notes a table gets when suppression hid something in it. */
import type { Lang } from '../base/i18n.js';
import type { Marks } from './grid.js';

export function suppressionNotes(marks: Marks, n: number, lang: Lang): string[] {
  const da = lang === 'da';
  const notes: string[] = [];
  if (!marks.primary && !marks.secondary && !marks.crossTable && !marks.differencing) return notes;
  notes.push(
    da
      ? `Tal under ${n} er vist som "<${n}" (diskretionering); procenter og gennemsnit for under ${n} personer er vist som "..".`
      : `Numbers below ${n} are shown as "<${n}" (statistical disclosure control); percentages and averages for fewer than ${n} persons are shown as "..".`,
  );
  if (marks.differencing)
    notes.push(
      da
        ? `Uger, hvor der siden sidst viste uge er under ${n} afgange, er vist som "..", så forskellen mellem to uger ikke afslører et lille tal.`
        : `Weeks with fewer than ${n} exits since the last week shown are shown as "..", so that the difference between two weeks does not give away a small number.`,
    );
  if (marks.secondary)
    notes.push(
      da
        ? 'Desuden er en celle mere pr. række/kolonne vist som "..", så de skjulte tal ikke kan regnes ud af totalen.'
        : 'In addition, one more cell per row/column is shown as "..", so that the hidden numbers cannot be worked out from the total.',
    );
  if (marks.crossTable)
    notes.push(
      da
        ? 'Tal, der hænger sammen med tal i de andre tabeller, er også vist som "..", så de skjulte tal ikke kan regnes ud ved at lægge tabellerne sammen.'
        : 'Numbers tied to numbers in the other tables are also shown as "..", so that the hidden numbers cannot be worked out by combining the tables.',
    );
  return notes;
}
