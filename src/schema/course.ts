/** The canonical Course record: the only thing analyses see. */
import type { Day } from '../base/dates.js';
import type { CategoryField, Horizon } from '../model/fields.js';

/** A course as a record: the core fields, and a value (or null) per category field of the registry. */
export type Course = CourseCore & Record<CategoryField, string | null>;

interface CourseCore {
  /** Where the row is in the file ("line 14", "row 14"), for messages and case review. */
  ref: string;
  /** Keyed pseudonym of the person; never the CPR number. */
  personId: string;
  birthDate: Day | null;
  gender: 'M' | 'K' | null;
  /** Whole years on the start date. */
  ageAtStart: number | null;
  start: Day;
  /** null while the course is ongoing. */
  end: Day | null;
  /** Canonical exit reason when known, the raw text when not in the vocabulary; null for ongoing courses. */
  exitReason: string | null;
  /** Exit group key ('job', 'education', ...); null when the reason is not in the vocabulary or the course is ongoing. */
  exitGroup: string | null;
  /** Follow-up status per horizon in months: canonical value, raw text if unknown, null if not recorded. */
  followUp: Record<Horizon, string | null>;
  /** Values of extra columns asked for by name (e.g. --numeric Timer), as raw text. */
  extra: Record<string, string | null>;
}
