/**
 * Exit-reason rules (schema/vocab-presets.ts): "reason R only when field F matches one of V". A
 * course that breaks a rule is counted as written; this says how many and which rows, for inspect
 * and the exit tables' notes (docs/definitions.md#exit-reason-rules).
 */
import { fieldLabel } from '../model/fields.js';
import { refIn, sayer, type Lang } from '../base/i18n.js';
import type { CourseStore } from '../schema/course-store.js';
import { matchKey } from '../schema/normalize-text.js';
import type { ExitRule } from '../schema/vocab-presets.js';

export interface RuleBreach {
  rule: ExitRule;
  /** The rows of the courses that break it, in store order. */
  refs: string[];
}

/** The rules broken by the courses `indices` (null: all), each with its rows; rules kept are left out. */
export function ruleBreaches(
  store: CourseStore,
  rules: readonly ExitRule[],
  indices: ArrayLike<number> | null,
): RuleBreach[] {
  const out: RuleBreach[] = [];
  const n = indices === null ? store.length : indices.length;
  for (const rule of rules) {
    const reason = matchKey(rule.reason);
    const wanted = rule.matches.map(matchKey);
    const refs: string[] = [];
    for (let k = 0; k < n; k++) {
      const i = indices === null ? k : indices[k]!;
      const r = store.exitReasons[store.exit[i]!];
      if (r === null || r === undefined || matchKey(r) !== reason) continue;
      const v = matchKey(store.value(rule.field, i) ?? '');
      if (!wanted.some((w) => v.includes(w))) refs.push(store.ref(i));
    }
    if (refs.length > 0) out.push({ rule, refs });
  }
  return out;
}

/** One note per broken rule: how many courses and the first rows. */
export function breachNotes(breaches: RuleBreach[], lang: Lang): string[] {
  const t = sayer(lang);
  return breaches.map(({ rule, refs }) => {
    const rows =
      refs
        .slice(0, 5)
        .map((r) => refIn(lang, r))
        .join(', ') + (refs.length > 5 ? ' …' : '');
    const field = fieldLabel(rule.field, lang).toLowerCase();
    const values = rule.matches.join(' / ');
    return t(
      `Regel: "${rule.reason}" bruges kun, når ${field} er ${values}; ${refs.length} forløb bryder den (${rows}). De tælles som skrevet.`,
      `Rule: "${rule.reason}" is used only when the ${field} is ${values}; ${refs.length} course(s) break it (${rows}). They are counted as written.`,
    );
  });
}
