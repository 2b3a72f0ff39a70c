/**
 * --population FILE: who answered the survey. Every randomised person (the population file: id,
 * group, baseline columns) is a respondent when the survey has a row with the same id (matched
 * through the run's pseudonyms). Gives the response rate per group with the difference and its
 * test, and respondents against non-respondents on each baseline column (distribution and
 * Pearson's chi-square test). The group is the population file's: the randomisation record.
 * Definition: docs/definitions.md#compare.
 */
import type { CourseStore } from '../../schema/course-store.js';
import { matchKey } from '../../schema/normalize-text.js';
import { chisqTest } from '../../stats/proportions.js';
import { splitArms } from './arms.js';
import { binaryTest } from './outcomes.js';
import {
  ARMS,
  type Arm,
  type AttritionField,
  type CompareOptions,
  type GroupRule,
  type ResponseResult,
} from './types.js';

export type { AttritionField, ResponseResult } from './types.js';
import { extraOf } from './values.js';

export interface ResponseInput {
  survey: CourseStore;
  /** The survey's arm of each row (to tell a differing group). */
  surveyArm: (i: number) => Arm | null;
  population: CourseStore;
  populationHeaders: string[];
  /** Headers of the population file that are not baseline fields (its id and group columns). */
  notBaseline: string[];
  group: GroupRule;
}

export function responseOf(
  x: ResponseInput,
  o: Pick<CompareOptions, 'vocab' | 'correct' | 'exact' | 'confLevel'>,
): ResponseResult {
  const surveyArmOf = new Map<string, Arm | null>();
  for (let i = 0; i < x.survey.length; i++)
    surveyArmOf.set(x.survey.persons.name(x.survey.person[i]!), x.surveyArm(i));
  const { byArm, noGroup, otherGroup } = splitArms(x.population, x.group, o.vocab);
  const popIds = new Set<string>();
  const answered = new Uint8Array(x.population.length);
  let groupDiffers = 0;
  const arms = {} as Record<Arm, { n: number; successes: number; missing: number; censored: number }>;
  for (const a of ARMS) {
    arms[a] = { n: byArm[a].length, successes: 0, missing: 0, censored: 0 };
    for (const i of byArm[a]) {
      const id = x.population.persons.name(x.population.person[i]!);
      popIds.add(id);
      if (!surveyArmOf.has(id)) continue;
      answered[i] = 1;
      arms[a].successes++;
      const s = surveyArmOf.get(id);
      if (s !== null && s !== a) groupDiffers++;
    }
  }
  let unmatched = 0;
  for (const id of surveyArmOf.keys()) if (!popIds.has(id)) unmatched++;
  const rate = binaryTest(
    { kind: 'binary', text: 'response', ref: { kind: 'column', name: 'response' }, values: ['yes'] },
    arms,
    [],
    o,
  );
  const skip = new Set(x.notBaseline.map(matchKey));
  const rows = [...byArm.treatment, ...byArm.control];
  const fields = x.populationHeaders
    .filter((h) => h.trim() !== '' && !skip.has(matchKey(h)))
    .map((column) => attrition(x.population, rows, answered, column));
  return {
    rate,
    unmatched,
    noGroup: noGroup + otherGroup.reduce((s, g) => s + g.count, 0),
    groupDiffers,
    fields,
  };
}

function attrition(store: CourseStore, rows: number[], answered: Uint8Array, column: string): AttritionField {
  const counts = new Map<string | null, [number, number]>();
  for (const i of rows) {
    const v = extraOf(store, i, column);
    let c = counts.get(v);
    if (!c) counts.set(v, (c = [0, 0]));
    c[answered[i] ? 0 : 1]++;
  }
  const order = [...counts.keys()].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'da', { numeric: true }),
  );
  const out = order.map((value) => ({
    value,
    respondents: counts.get(value)![0],
    nonRespondents: counts.get(value)![1],
  }));
  return { column, rows: out, chisq: chisqTest(out.map((r) => [r.respondents, r.nonRespondents])) };
}
