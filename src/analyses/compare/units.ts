/**
 * The unit of analysis (docs/definitions.md#compare-unit): a course (one row of an export), a
 * randomised person (all the person's courses, followed from the randomisation date), or a survey
 * respondent (one row). Every observation is named by one row of the store, its representative
 * (a course: itself; a person: the first course); `rowsOf` gives the rows behind it and `originOf`
 * the day it is followed from.
 */
import type { Day } from '../../base/dates.js';
import { dataError } from '../../errors.js';
import { NONE, type CourseStore } from '../../schema/course-store.js';
import { dayColumn, type BadValue } from '../contract-values.js';
import type { ArmRows } from './arms.js';
import { ARMS, type Arm, type PersonOrigins, type Unit } from './types.js';

export interface Units {
  kind: Unit;
  /** The rows of the observation named by row i (its representative). */
  rowsOf(i: number): readonly number[];
  /** The day observation i is followed from: the course start, or the person's randomisation date. */
  originOf(i: number): Day;
}

/** Every row its own observation, followed from its start. */
export function rowUnits(store: CourseStore, kind: Unit): Units {
  return { kind, rowsOf: (i) => [i], originOf: (i) => store.start[i]! };
}

export interface PersonSplit {
  units: Units;
  /** The representative row of each person of an arm, in the order of the store. */
  byArm: ArmRows;
  origins: PersonOrigins;
  /** Rows of anonymised courses: no person to join them to, so left out. */
  anonymousRows: number;
}

/** Persons with rows in both arms, each with the references of its rows (first few persons). */
export function personsInBoth(store: CourseStore, byArm: ArmRows): { count: number; refs: string[][] } {
  const armsOf = new Uint8Array(store.persons.count);
  ARMS.forEach((a, bit) => {
    for (const i of byArm[a]) armsOf[store.person[i]!]! |= 1 << bit;
  });
  const both = new Map<number, string[]>();
  for (const a of ARMS)
    for (const i of byArm[a]) {
      const p = store.person[i]!;
      if (armsOf[p] !== 3 || p === store.persons.anonymous) continue;
      let refs = both.get(p);
      if (!refs) both.set(p, (refs = []));
      refs.push(store.ref(i));
    }
  return { count: both.size, refs: [...both.values()].slice(0, 5) };
}

/**
 * The persons of the arms as observations. Each person's rows are in one arm (else a data error
 * naming the rows: the pseudonym or CPR number is never shown). The representative is the
 * person's earliest course (ties: the earlier end, ongoing last, then the first row); the origin the randomisation date of the
 * person's rows (the earliest, when they differ), else the start of that first course.
 * `personFile`: the rows are persons, so a person on two rows is an error.
 */
export function personSplit(
  store: CourseStore,
  split: ArmRows,
  source: string,
  personFile: boolean,
): PersonSplit {
  const both = personsInBoth(store, split);
  if (both.count > 0)
    throw dataError(
      `${source}: ${both.count} ${both.count === 1 ? 'person is' : 'persons are'} in both the treatment and the control group ` +
        `(rows of each: ${both.refs.map((r) => r.join(' and ')).join('; ')}${both.count > 5 ? '; ...' : ''}); ` +
        'with --unit person each person must belong to one group. Correct the group column, or compare courses with --unit course.',
    );
  const members = new Map<number, number[]>();
  let anonymousRows = 0;
  const armOf = new Map<number, Arm>();
  for (const a of ARMS)
    for (const i of split[a]) {
      const p = store.person[i]!;
      if (p === store.persons.anonymous) {
        anonymousRows++;
        continue;
      }
      let rows = members.get(p);
      if (!rows) members.set(p, (rows = []));
      rows.push(i);
      armOf.set(p, a);
    }
  if (personFile) requireOneRow(members, store, source);
  const repOf = new Map<number, number[]>();
  const origin = new Map<number, Day>();
  const origins: PersonOrigins = { fromRandomised: 0, fromFirstStart: 0, conflicting: 0, unreadable: [] };
  const randomised = personFile ? null : randomisedReader(store);
  const byArm: ArmRows = { treatment: [], control: [] };
  for (const [p, rows] of members) {
    rows.sort(
      (x, y) =>
        store.start[x]! - store.start[y]! ||
        endKey(store, x) - endKey(store, y) ||
        store.row[x]! - store.row[y]!,
    );
    const rep = rows[0]!;
    repOf.set(rep, rows);
    const days = randomised ? randomised.days(rows, origins.unreadable) : [];
    if (days.length > 0) {
      origins.fromRandomised++;
      if (days.some((d) => d !== days[0])) origins.conflicting++;
      origin.set(rep, Math.min(...days));
    } else {
      if (!personFile) origins.fromFirstStart++;
      else origins.fromRandomised++;
      origin.set(rep, store.start[rep]!);
    }
    byArm[armOf.get(p)!].push(rep);
  }
  for (const a of ARMS) byArm[a].sort((x, y) => x - y);
  return {
    units: {
      kind: 'person',
      rowsOf: (i) => repOf.get(i) ?? [i],
      originOf: (i) => origin.get(i) ?? store.start[i]!,
    },
    byArm,
    origins,
    anonymousRows,
  };
}

/** An end day for ordering: an ongoing course after every ended one. */
const endKey = (store: CourseStore, i: number): number => {
  const e = store.end[i]!;
  return e === NONE ? Number.MAX_SAFE_INTEGER : e;
};

function requireOneRow(members: Map<number, number[]>, store: CourseStore, source: string): void {
  const several = [...members.values()].filter((rows) => rows.length > 1);
  if (several.length === 0) return;
  const refs = several.slice(0, 5).map((rows) => rows.map((i) => store.ref(i)).join(' and '));
  throw dataError(
    `${source}: ${several.length} ${several.length === 1 ? 'person occurs' : 'persons occur'} on more than one row ` +
      `(${refs.join('; ')}${several.length > 5 ? '; ...' : ''}); a person file must have one row per randomised person.`,
  );
}

/** The randomisation dates of rows (the `randomised` field), or null when no row has one. */
function randomisedReader(store: CourseStore): { days(rows: number[], bad: BadValue[]): Day[] } | null {
  if (store.values.randomised.values.every((v) => v === null)) return null;
  const { day } = dayColumn(store, 'randomised');
  return {
    days(rows, bad) {
      const out: Day[] = [];
      for (const i of rows) {
        const d = day(i, bad);
        if (d !== null && !Number.isNaN(d)) out.push(d);
      }
      return out;
    },
  };
}
