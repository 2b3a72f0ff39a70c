/** The exit-reason rules broken by a table's courses: a note under the reason table and a warning. */
import type { Lang } from '../base/i18n.js';
import type { Period } from '../base/period.js';
import { breachNotes, ruleBreaches } from '../analyses/exit-rules.js';
import type { Table } from '../model/table.js';
import { NONE, type CourseStore } from '../schema/course-store.js';
import type { Loaded } from '../schema/load.js';
import type { messages } from './spec.js';

export function ruleNotes(
  data: Loaded,
  courses: ArrayLike<number>,
  lang: Lang,
  say: ReturnType<typeof messages>,
  table: Table | undefined,
): void {
  if (data.exitRules.length === 0) return;
  const breaches = ruleBreaches(data.store, checkableRules(data), courses);
  table?.notes.splice(table.notes.length - 1, 0, ...breachNotes(breaches, lang));
  breachNotes(breaches, 'en').forEach(say.warn);
}

/** The courses ended in the period. */
export function endedIn(store: CourseStore, p: Period): number[] {
  const out: number[] = [];
  for (let i = 0; i < store.length; i++)
    if (store.end[i] !== NONE && store.end[i]! >= p.from && store.end[i]! <= p.to) out.push(i);
  return out;
}

/** The rules whose field the export has a column for (a rule on a missing column cannot be checked). */
export const checkableRules = (data: Loaded) =>
  data.exitRules.filter((r) => data.mapping.fields[r.field] !== undefined);
