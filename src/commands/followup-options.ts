/**
 * The follow-up options of keyfigures (and so of `jobfx run`) turned into what the analysis reads:
 * the as-of date and where it came from, the cohort, consent and --followup-from. Definitions:
 * docs/definitions.md#follow-up.
 */
import type { Day } from '../base/dates.js';
import type { Period } from '../base/period.js';
import type { AsOfSource, FollowUpCohort, FollowUpOptions } from '../analyses/followup.js';
import type { CourseStore } from '../schema/course-store.js';
import type { Loaded } from '../schema/load.js';
import { sayer, type Lang } from '../base/i18n.js';
import type { DataNotes } from './data-notes.js';
import { dateArg } from './options.js';

/** Where the as-of date came from: --as-of, the newest date in the data, or (no courses) the period's end. */
export type { AsOfSource } from '../analyses/followup.js';

/** The as-of date: --as-of, else the newest start or end date in the data (as compare), else the period's end. */
export function asOfOf(
  given: string | undefined,
  store: CourseStore,
  period: Period,
): { day: Day; source: AsOfSource } {
  if (given !== undefined) return { day: dateArg('--as-of', given), source: 'option' };
  const newest = store.newestDay();
  return newest === null ? { day: period.to, source: 'periodEnd' } : { day: newest, source: 'newest' };
}

export interface FollowUpFlags {
  followupCohort?: FollowUpCohort;
  followupBy?: 'exitGroup';
  followupFrom?: string;
  followupNewCourse?: boolean;
}

/** The follow-up options of the flags; consent counts when the export has a consent column. */
export function followUpOptionsOf(flags: FollowUpFlags, data: Loaded): Omit<FollowUpOptions, 'asOf'> {
  return {
    cohort: flags.followupCohort ?? 'lagged',
    coveredFrom: flags.followupFrom === undefined ? null : dateArg('--followup-from', flags.followupFrom),
    consent: data.mapping.fields.consent !== undefined,
    newCourse: flags.followupNewCourse === true,
    byExitGroup: flags.followupBy === 'exitGroup',
  };
}

/** A consent value that is neither Ja nor Nej: its courses are not covered, and the user is told. */
export function consentWarnings(data: Loaded, lang: Lang): DataNotes {
  const unknown = data.unknownValues.consent;
  const col = data.mapping.fields.consent;
  if (unknown === undefined || unknown.size === 0 || col === undefined) return { warnings: [], notes: [] };
  const header = data.mapping.columns.find((c) => c.index === col)?.header ?? 'consent';
  const values = [...unknown].map(([v, n]) => `"${v}" (${n} row${n === 1 ? '' : 's'})`).join(', ');
  const rows = [...unknown.values()].reduce((a, b) => a + b, 0);
  const listed = [...unknown.keys()].join(', ');
  return {
    warnings: [
      `column "${header}": ${values} is not Ja or Nej; those courses are counted as not covered by the follow-up ("Ikke omfattet"); correct the values in the export`,
    ],
    notes: [
      sayer(lang)(
        `${rows} forløb har en værdi i "${header}", der hverken er Ja eller Nej (${listed}); de er talt som ikke omfattet.`,
        `${rows} course(s) have a value in "${header}" that is neither Ja nor Nej (${listed}); they are counted as not covered.`,
      ),
    ],
  };
}
