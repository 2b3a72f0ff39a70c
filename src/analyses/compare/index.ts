/**
 * Treatment versus control: outcomes by group with the difference, its 95% confidence interval
 * and the p-value of the test that fits; the same by subgroup; balance of baseline
 * characteristics; and the share that has exited (to job) week by week after start, as a
 * Kaplan–Meier curve with a log-rank test. Pure: the course store in, numbers out; what the
 * command line asks for is turned into options by resolveCompare (resolve.ts).
 *
 * Unit of analysis (docs/definitions.md#compare-unit): a randomised person (all the person's
 * courses, from the randomisation date), one course (one row of the export, with cluster-robust
 * intervals where persons have several), or for a survey file (no start or end date column) one
 * respondent. With --unit person a person in both groups is an error of the data.
 */
import { usageError } from '../../errors.js';
import type { CourseStore } from '../../schema/course-store.js';
import { personsOf, splitArms } from './arms.js';
import { balanceOf } from './balance.js';
import { likert } from './likert.js';
import { outcome, type UnitContext } from './outcomes.js';
import { subgroups } from './subgroups.js';
import type { CompareOptions, CompareResult, Unit } from './types.js';
import { personSplit, rowUnits } from './units.js';
import { weekly } from './weekly.js';

export * from './types.js';
export { armOf, type ArmOf } from './arms.js';
export { deadlineOf, parseHorizon, parseOutcome, resolveName } from './parse.js';
export { ageOf, canonicalValue } from './values.js';
export {
  asOfOf,
  exitGroupKeys,
  isByAlias,
  keptColumns,
  resolveCompare,
  subgroupRef,
  type LikertDefaults,
  type CompareData,
  type CompareRequest,
} from './resolve.js';
export { rowObserver, type Observed } from './outcomes.js';
export { personsInBoth, type Units } from './units.js';
export { subgroupOrder, subgroupReader } from './subgroups.js';
export type { ExcludedReason, InteractionResult } from './interaction.js';
export { responseOf, type AttritionField, type ResponseResult } from './response.js';
export {
  answerKey,
  DEFAULT_DONT_KNOW,
  DEFAULT_LIKERT_ORDER,
  DEFAULT_LIKERT_TOP,
  type LikertResult,
  type LikertSpec,
} from './likert.js';

/** The comparison of the rows of a store (course i is row i). */
export function compare(store: CourseStore, o: CompareOptions): CompareResult {
  const split = splitArms(store, o.group, o.vocab);
  const rowUnit = o.unit === 'respondent' ? 'respondent' : o.personFile ? 'person' : 'course';
  const { persons, personsWithSeveral, inBoth } = personsOf(store, split.byArm, rowUnit);
  const datesNeeded = o.outcomes.some(
    (x) => (x.kind === 'binary' && x.within) || (x.kind === 'numeric' && x.ref.kind === 'duration'),
  );
  if ((datesNeeded || o.weekly) && o.asOf === null)
    throw usageError('"within", duration and --weekly need start and end dates; this file has none');
  const unit: Unit =
    o.unit === 'auto'
      ? o.personFile || inBoth === 0
        ? 'person'
        : 'course'
      : o.personFile
        ? 'person'
        : o.unit;
  const people =
    unit === 'person' ? personSplit(store, split.byArm, o.source ?? 'the file', Boolean(o.personFile)) : null;
  const byArm = people ? people.byArm : split.byArm;
  const u: UnitContext = {
    units: people ? people.units : rowUnits(store, unit),
    clustered: unit === 'course' && personsWithSeveral > 0,
  };
  const result: CompareResult = {
    unit,
    mixedPersons: o.unit === 'auto' && unit === 'course' ? inBoth : 0,
    personFile: Boolean(o.personFile),
    ...(people ? { origins: people.origins, anonymousRows: people.anonymousRows } : {}),
    clustered: u.clustered,
    randomised:
      o.declaredRandomised || (o.group.source.kind === 'field' && !o.group.treatment && !o.group.control),
    n: { treatment: byArm.treatment.length, control: byArm.control.length },
    noGroup: split.noGroup,
    otherGroup: split.otherGroup,
    persons,
    personsWithSeveral,
    asOf: o.asOf,
    outcomes: o.outcomes.map((spec) => outcome(store, byArm, spec, o, u)),
  };
  if (o.by) result.by = subgroups(store, byArm, o.by, o, u);
  if (o.balance) result.balance = balanceOf(store, byArm, o);
  if (o.likert) result.likert = likert(store, byArm, o.likert, o);
  if (o.weekly)
    result.weekly = weekly(store, byArm, o.weekly.weeks, o.weekly.exitGroups, o.asOf!, o.confLevel, u.units);
  return result;
}
