/** The canonical Course record: the only thing analyses see. */
import { z } from 'zod';
import type { Day } from '../base/dates.js';
import { CATEGORY_FIELDS, type CategoryField, type Horizon } from '../model/fields.js';

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

const day = z.number().int();
const text = z.string().min(1).nullable();

/**
 * Record invariants, checked on every assembled record. Value-level problems (an unparsable date)
 * are caught earlier with a precise message; this guards what holds across fields.
 */
export const courseSchema = z
  .object({
    ref: z.string().min(1),
    personId: z.string().min(1),
    birthDate: day.nullable(),
    gender: z.enum(['M', 'K']).nullable(),
    ageAtStart: z.number().int().nullable(),
    start: day,
    end: day.nullable(),
    exitReason: text,
    exitGroup: text,
    ...Object.fromEntries(CATEGORY_FIELDS.map((f) => [f, text])),
    followUp: z.object({ 1: text, 3: text, 6: text, 12: text }),
    extra: z.record(z.string(), z.string().nullable()),
  })
  .refine((c) => c.end === null || c.end >= c.start, {
    message: 'the end date is before the start date; correct one of them',
    path: ['end'],
  })
  .refine((c) => c.birthDate === null || c.birthDate <= c.start, {
    message: 'the person is born after the course start (CPR number or start date wrong)',
    path: ['start'],
  });
