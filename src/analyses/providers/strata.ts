/**
 * The value a course has in an adjustment field: a registry field, a derived one (age band from
 * the CPR age, start half-year from the start date) or a kept column; rows without a value are
 * the stratum "Uoplyst". The strata are the combinations of the values of all fields.
 */
import { partsOf } from '../../base/dates.js';
import type { CourseStore } from '../../schema/course-store.js';
import { subgroupReader, type SubgroupRef } from '../compare/index.js';
import { UOPLYST, type AdjustRef } from './types.js';

/** A reader of an adjustment field: the value of row i, never null ("Uoplyst" instead). */
export function adjustReader(store: CourseStore, ref: AdjustRef): (i: number) => string {
  if (ref.kind === 'field' && ref.field === 'startHalf')
    return (i) => {
      const { year, month } = partsOf(store.start[i]!);
      return `${year}H${month <= 6 ? 1 : 2}`;
    };
  const read = subgroupReader(store, ref as SubgroupRef);
  return (i) => read(i) ?? UOPLYST;
}

/** The name of an adjustment field as the user gave it (field key or column header). */
export const adjustName = (ref: AdjustRef): string => (ref.kind === 'field' ? ref.field : ref.name);

/** A reader of the stratum of row i: the values of all fields joined (a key, not shown). */
export function stratumReader(store: CourseStore, refs: AdjustRef[]): (i: number) => string {
  const readers = refs.map((r) => adjustReader(store, r));
  return (i) => readers.map((r) => r(i)).join('\u0000');
}
