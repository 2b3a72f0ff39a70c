/**
 * The rules across the fields of a course, stated once: both row paths ask `courseRules`, and
 * only the general path words what it finds (the fast path leaves such a row to it). The values
 * are typed by construction (dates are days, categories texts or null), so nothing else is
 * checked here; docs/definitions.md#records says what makes a course.
 */
import { both, refIn, type Bilingual } from '../../base/i18n.js';
import { NONE } from '../course-store.js';
import type { DuplicateIndex } from '../duplicates.js';

/** The course ends before it starts. */
export const END_BEFORE_START = 1;
/** The person is born after the course starts. */
export const BORN_AFTER_START = 2;
/** An accepted course has the same person, start date and programme. */
export const DUPLICATE = 4;

/** A course of a row, in the store's terms (NONE: no end, no birth date). */
export interface CourseKey {
  person: number;
  start: number;
  end: number;
  birth: number;
  /** The store's id of the programme. */
  programme: number;
}

/**
 * The rules a course breaks, as a set of the flags above (0: none). A duplicate is looked for
 * only when the dates are right; `newPerson` (a person first met in this row, so with no course
 * yet) spares the look; `programmeOf`, when given, sets `c.programme` only then (the general
 * path makes the store's id of a programme for a course that passed the date rules). `found.duplicate` is then the accepted course it repeats.
 */
export function courseRules(
  c: CourseKey,
  accepted: DuplicateIndex,
  newPerson: boolean,
  found: { duplicate: number },
  programmeOf?: () => number,
): number {
  let broken = 0;
  if (c.end !== NONE && c.end < c.start) broken |= END_BEFORE_START;
  if (c.birth !== NONE && c.birth > c.start) broken |= BORN_AFTER_START;
  if (broken !== 0 || newPerson) return broken;
  if (programmeOf) programmeOf();
  const dup = accepted.find(c.person, c.start, c.programme);
  if (dup < 0) return 0;
  found.duplicate = dup;
  return DUPLICATE;
}

/** The words of the broken rules, each with the field whose column it names, in this order. */
export function ruleReasons(
  broken: number,
  duplicateRef: () => string,
): { field: 'end' | 'start' | null; message: Bilingual }[] {
  const out: { field: 'end' | 'start' | null; message: Bilingual }[] = [];
  if (broken & END_BEFORE_START)
    out.push({
      field: 'end',
      message: both(
        'slutdatoen ligger før startdatoen; ret en af dem',
        'the end date is before the start date; correct one of them',
      ),
    });
  if (broken & BORN_AFTER_START)
    out.push({
      field: 'start',
      message: both(
        'personen er født efter forløbets start (CPR-nummer eller startdato er forkert)',
        'the person is born after the course start (CPR number or start date wrong)',
      ),
    });
  if (broken & DUPLICATE) {
    const ref = duplicateRef();
    out.push({
      field: null,
      message: both(
        `dobbeltregistreret forløb: samme person, startdato og tilbud som ${refIn('da', ref)}; slet en af rækkerne`,
        `duplicate course: same person, start date and programme as ${ref}; remove one of the rows`,
      ),
    });
  }
  return out;
}
