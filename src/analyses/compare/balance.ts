/** --balance: the baseline characteristics by arm, with standardised differences and a chi-square test. */
import type { CourseStore } from '../../schema/course-store.js';
import { chisqTest, standardisedDifference } from '../../stats/proportions.js';
import { UNKNOWN } from '../keyfigures.js';
import type { ArmRows } from './arms.js';
import { subgroupOrder, subgroupReader } from './subgroups.js';
import {
  ARMS,
  BALANCE_FIELDS,
  type Arm,
  type BalanceField,
  type BalanceResult,
  type CompareOptions,
  type CompareResult,
  type SubgroupRef,
} from './types.js';

/**
 * Every balance characteristic (--balance-fields, else BALANCE_FIELDS) the data has a value of;
 * the others are named as skipped.
 */
export function balanceOf(
  store: CourseStore,
  byArm: ArmRows,
  o: CompareOptions,
): NonNullable<CompareResult['balance']> {
  const results: BalanceResult[] = [];
  const skipped: BalanceField[] = [];
  const refs = o.balanceFields ?? BALANCE_FIELDS.map((field): SubgroupRef => ({ kind: 'field', field }));
  for (const ref of refs) {
    const b = balance(store, byArm, ref, o);
    if (b) results.push(b);
    else skipped.push(nameOf(ref));
  }
  return { results, skipped };
}

const nameOf = (ref: SubgroupRef): string => (ref.kind === 'field' ? ref.field : ref.name);

function balance(
  store: CourseStore,
  byArm: ArmRows,
  ref: SubgroupRef,
  o: CompareOptions,
): BalanceResult | null {
  const read = subgroupReader(store, ref, o.ageColumn);
  const counts = new Map<string, Record<Arm, number>>();
  let known = 0;
  for (const a of ARMS)
    for (const i of byArm[a]) {
      const v = read(i);
      if (v !== null) known++;
      const key = v ?? UNKNOWN;
      let r = counts.get(key);
      if (!r) counts.set(key, (r = { treatment: 0, control: 0 }));
      r[a]++;
    }
  if (known === 0) return null;
  const n = { treatment: byArm.treatment.length, control: byArm.control.length };
  // "Uoplyst" from the vocabulary sorts with it; rows without a value (also UNKNOWN) last.
  const order = subgroupOrder(ref, o.vocab);
  const keys = [...counts.keys()].sort((a, b) => order(a === UNKNOWN ? null : a, b === UNKNOWN ? null : b));
  const rows = keys.map((value) => {
    const k = counts.get(value)!;
    return { value, counts: k, d: standardisedDifference(k.treatment / n.treatment, k.control / n.control) };
  });
  const test = chisqTest(
    rows.map((r) => [r.counts.treatment, r.counts.control]),
    { correct: false },
  );
  return {
    field: nameOf(ref),
    ref,
    n,
    rows,
    chisq: test
      ? { statistic: test.statistic, df: test.df, pValue: test.pValue, minExpected: test.minExpected }
      : null,
  };
}
