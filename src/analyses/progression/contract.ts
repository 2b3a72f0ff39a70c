/**
 * Output 5 of progression (docs/definitions.md#progression): of the courses the progression
 * counts, joined to a course export with the contract's fields, how many reached their result
 * goal and how many were extended. The definitions are the contract's own (analyses/contract.ts):
 * this module only picks the courses, per --by value and in total.
 */
import type { Day } from '../../base/dates.js';
import type { Period } from '../../base/period.js';
import type { CourseStore } from '../../schema/course-store.js';
import type { MeasuredCourse } from '../../schema/measurements/load.js';
import type { ProgressionGroups } from './index.js';
import { contractFigures, type ContractFigures, type ContractOptions } from '../contract.js';

export interface ProgressionContractRow {
  /** The --by group's values at the course levels (empty: the total row, which has `total`). */
  values: (string | null)[];
  total: boolean;
  /** Progression courses in the row, and the contract's figures of them. */
  courses: number;
  k: ContractFigures;
}

/**
 * Every course counts, whatever its dates: the progression has already chosen the courses by
 * its period (end, or last measurement), so the contract's own period test must not choose again.
 */
const ALL_TIME: Period = { from: -1e9, to: 1e9, label: '', source: 'default' };

const FIELDS = new Set(['plannedEnd', 'resultGoal', 'goalReached']);

/**
 * The rows of output 5 (per group of `groups`, then the total), or null when the export has
 * neither a planned end nor a result goal that can be judged reached.
 */
export function progressionContract(
  store: CourseStore,
  courses: readonly MeasuredCourse[],
  included: readonly number[],
  /** --by's groups of the course levels (null: no --by). */
  groups: ProgressionGroups | null,
  o: { asOf: Day; has: ContractOptions['has']; goalMap?: ContractOptions['goalMap'] },
): ProgressionContractRow[] | null {
  const opts: ContractOptions = {
    period: ALL_TIME,
    asOf: o.asOf,
    has: (f) => FIELDS.has(f) && o.has(f),
    ...(o.goalMap ? { goalMap: o.goalMap } : {}),
  };
  const rowOf = (
    values: (string | null)[],
    total: boolean,
    list: readonly number[],
  ): ProgressionContractRow => {
    const subset = Int32Array.from(list.map((c) => courses[c]!.storeIndex!));
    // No not-started rows: the funnel is not part of this table (has() leaves it out).
    return { values, total, courses: list.length, k: contractFigures(store, subset, store, [], opts) };
  };
  const joined = included.filter((c) => courses[c]!.storeIndex !== undefined);
  const total = rowOf([], true, joined);
  if (total.k.extension === null && total.k.goal === null) return null;
  const rows = groups
    ? groups.values
        .map((values, g) =>
          rowOf(
            values,
            false,
            joined.filter((c) => groups.of[c] === g),
          ),
        )
        .filter((row) => row.courses > 0)
    : [];
  return [...rows, total];
}
