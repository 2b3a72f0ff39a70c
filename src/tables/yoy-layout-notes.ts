/**
 * The notes of yoy's memo layouts: courses active in a column (--basis active), course-years,
 * blank cells before a value existed, a selection of rows with a subtotal. Definitions:
 * docs/definitions.md#year-over-year.
 */
import { dateText } from '../base/i18n.js';
import type { YoyContext } from './yoy-context.js';

/** --basis active: a course counts in every column it is active in. */
export function activeBasisNote({ r, t, words, theUnit }: YoyContext): string {
  const exitRows =
    r.rows.some((x) => x.kind === 'ongoing') || r.field === 'exitReason' || r.field === 'exitGroup';
  const plural = words.plural.toLowerCase();
  const base = t(
    `Et forløb tælles i hvert ${words.unit.toLowerCase()}, hvor det er aktivt: startet senest ${theUnit}s sidste dag og ikke afsluttet før ${theUnit}s første dag; et forløb kan derfor tælle i flere ${plural}.`,
    `A course counts in every ${words.unit.toLowerCase()} it is active in: started on or before the ${theUnit}'s last day and not ended before its first day; so one course can count in several ${plural}.`,
  );
  if (!exitRows) return base;
  return (
    base +
    t(
      ` Igangværende: forløb, der ikke er afsluttet ved ${theUnit}s udgang (også dem uden slutdato); et forløb afsluttet i ${theUnit} står under sin afslutningsårsag.`,
      ` Ongoing: courses not ended by the ${theUnit}'s last day (those without an end date too); a course ended in the ${theUnit} is under its exit reason.`,
    )
  );
}

/** Course-years (årsværker): course days in the column / 365. */
export function courseYearsNote({ r, o, t, theUnit }: YoyContext): string {
  const asOf = r.newest === null ? '' : dateText(o.lang, r.newest);
  return t(
    `Årsværk = forløbsdage i ${theUnit} / 365 (første og sidste dag tæller med; et forløb uden slutdato tæller til udtrækkets nyeste dato ${asOf}; 365 også i skudår). "I alt" er summen af rækkerne og er skjult, hvor en række er skjult.`,
    `Course-years = course days in the ${theUnit} / 365 (first and last day count; a course without an end date counts up to the export's newest date ${asOf}; 365 in leap years too). "Total" is the sum of the rows and is hidden where a row is hidden.`,
  );
}

/** Blank cells before a value existed; the selection of rows and its subtotal. */
export function layoutNotes({ r, o, t, theUnit, ended }: YoyContext): string[] {
  const notes: string[] = [];
  if (o.blankBeforeFirst)
    notes.push(
      t(
        `Tom celle: ${theUnit} slutter før værdiens første forløb i udtrækket (dens første ${ended ? 'slutdato' : 'startdato'}), dvs. før kategorien fandtes. 0 betyder, at den fandtes, men ingen forløb havde.`,
        `Blank cell: the ${theUnit} ends before the value's first course in the export (its first ${ended ? 'end' : 'start'} date), i.e. before the category existed. 0 means it existed but had no courses.`,
      ),
    );
  if (r.rows.some((x) => x.kind === 'others'))
    notes.push(
      t(
        `Udvalgte rækker (--rows-select); "Øvrige" er alle andre værdier${o.subtotal ? '; "I alt, udvalgte" er de udvalgte rækker tilsammen' : ''}.`,
        `Selected rows (--rows-select); "Others" are all other values${o.subtotal ? '; "Total, selected" is the selected rows together' : ''}.`,
      ),
    );
  return notes;
}
