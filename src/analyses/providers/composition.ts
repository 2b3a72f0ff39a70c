/**
 * Who each provider receives: courses per target group, median age at start, and courses of
 * persons with only primary school (Grundskole), so a change in case mix is visible beside the
 * outcome. Over all selected courses, whether or not their outcome is observed.
 */
import { NONE, type CourseStore } from '../../schema/course-store.js';
import type { VocabSet } from '../../schema/vocab.js';
import { summarise } from '../../stats/describe.js';
import { fieldReader } from '../compare/values.js';
import type { Selection } from './types.js';
import { UOPLYST, type Composition } from './types.js';

/** The education value that means "only primary school". */
export const PRIMARY_SCHOOL = 'Grundskole';

export function compositionOf(store: CourseStore, sel: Selection, vocab: VocabSet): Composition[] {
  const target = fieldReader(store, 'targetGroup');
  const education = fieldReader(store, 'education');
  return [...sel.byProvider].map(([value, rows]) => {
    const targetGroup = new Map<string, number>();
    const ages: number[] = [];
    let primarySchool = 0;
    let educationKnown = 0;
    for (const i of rows) {
      const t = target(i) ?? UOPLYST;
      targetGroup.set(t, (targetGroup.get(t) ?? 0) + 1);
      const age = store.age[i]!;
      if (age !== NONE) ages.push(age);
      const e = education(i);
      if (e !== null && vocab.education.isKnown(e) && e !== UOPLYST) {
        educationKnown++;
        if (e === PRIMARY_SCHOOL) primarySchool++;
      }
    }
    return {
      value,
      courses: rows.length,
      targetGroup,
      medianAge: summarise(ages).median,
      ages: ages.length,
      primarySchool,
      educationKnown,
    };
  });
}
