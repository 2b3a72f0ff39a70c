/**
 * The status panel joined to the arms (docs/definitions.md#status-panel): each person of an arm
 * found in the panel by pseudonym gets a grid of weeks 0..L (status code + 1; 0: not observed)
 * and hours. Weeks of a dated panel count from the person's randomisation day: the file's
 * Randomiseringsdato, else the person's first course start. Everything not joined is counted.
 */
import type { Day } from '../../base/dates.js';
import { usageError } from '../../errors.js';
import { NONE, type CourseStore } from '../../schema/course-store.js';
import type { Panel } from '../../schema/panel/load.js';
import { parseDate } from '../../schema/values.js';
import type { ArmRows } from './arms.js';
import { ARMS, type Arm } from './types.js';

/** One person's weeks: status code + 1 by week (0: no observation), and hours by week. */
export interface PersonGrid {
  status: Uint8Array;
  hours: Float64Array;
}

export interface JoinedPanel {
  /** The last week of the follow-up: the highest week observed for a person of an arm. */
  last: number;
  arms: Record<Arm, PersonGrid[]>;
  /** The grid of each person of the arms found in the panel, by person number. */
  gridOf: Map<number, PersonGrid>;
  /** Persons of each arm with no row in the panel. */
  unobserved: Record<Arm, number>;
  /** Panel persons not in an arm of the file: not in the file at all, or in it without an arm. */
  notInFile: string[];
  notInArm: number;
  /** Where the randomisation days came from ('weeks': the panel numbers its weeks, none needed). */
  randomisedFrom: 'column' | 'start' | 'weeks';
  /** Persons of an arm left out because they have no randomisation day (a dated panel). */
  noRandomisation: number;
  /** Persons whose rows give different randomisation days (the earliest is used). */
  randomisedDiffer: number;
  /** Dated person-weeks before week 0 (more than a week before randomisation): not used. */
  beforeWeek0: number;
  /** Person-weeks given twice: the first row in the file is used; `conflicting` had another status. */
  duplicates: number;
  conflicting: number;
}

/**
 * The randomisation day of each person of the arms, by person number (absent: none). A person
 * file holds its Randomiseringsdato as the rows' start (schema/load.ts), so there the start is
 * the randomisation day; a course export falls back to the first course start; a survey has none.
 */
export function randomisationDays(
  store: CourseStore,
  byArm: ArmRows,
  unit: 'course' | 'respondent' | 'person',
) {
  const useStart = unit !== 'respondent';
  const ids = store.ids.randomised;
  const names = store.values.randomised.values;
  const hasColumn = names.length > 1;
  const days = new Map<number, Day>();
  const parsed = new Map<number, Day | null>();
  let differ = new Set<number>();
  for (const a of ARMS)
    for (const i of byArm[a]) {
      const p = store.person[i]!;
      let d: Day | null = null;
      if (hasColumn) {
        const id = ids[i]!;
        if (id !== 0) {
          let v = parsed.get(id);
          if (v === undefined) {
            const r = parseDate(names[id]!);
            parsed.set(id, (v = r.ok ? r.value : null));
          }
          d = v;
        }
      } else if (useStart && store.start[i]! !== NONE) d = store.start[i]!;
      if (d === null) continue;
      const seen = days.get(p);
      if (seen !== undefined && seen !== d && hasColumn) differ.add(p);
      if (seen === undefined || d < seen) days.set(p, d);
    }
  if (!hasColumn) differ = new Set();
  const fromColumn = hasColumn || unit === 'person';
  return { days, differ: differ.size, from: fromColumn ? ('column' as const) : ('start' as const) };
}

/** The arm and randomisation day of each panel person; the grids of the persons of the arms. */
export function joinPanel(
  store: CourseStore,
  byArm: ArmRows,
  panel: Panel,
  unit: 'course' | 'respondent' | 'person',
): JoinedPanel {
  const dated = panel.timing === 'date';
  const rand = dated ? randomisationDays(store, byArm, unit) : null;
  if (dated && rand!.days.size === 0)
    throw usageError(
      `${panel.file} gives dates, not week numbers, and the weeks count from each person's randomisation: ` +
        'the file compared has no Randomiseringsdato column (and no course start). Add a Randomiseringsdato column, or give the panel with week numbers (Uge).',
    );
  // Panel person (index) → arm and person number.
  const armOfPanel = new Int8Array(panel.persons.length).fill(-1);
  const storeOfPanel = new Int32Array(panel.persons.length).fill(-1);
  const byName = new Map(panel.persons.map((n, i) => [n, i]));
  const armPersons: Record<Arm, number[]> = { treatment: [], control: [] };
  const seenPerson = new Set<number>();
  ARMS.forEach((a, ai) => {
    for (const i of byArm[a]) {
      const p = store.person[i]!;
      if (p === store.persons.anonymous || seenPerson.has(p)) continue;
      seenPerson.add(p);
      armPersons[a].push(p);
      const k = byName.get(store.persons.name(p));
      if (k !== undefined) {
        armOfPanel[k] = ai;
        storeOfPanel[k] = p;
      }
    }
  });
  const notInFile: string[] = [];
  let notInArm = 0;
  const inFile = new Set<string>();
  for (let p = 0; p < store.persons.count; p++)
    if (p !== store.persons.anonymous) inFile.add(store.persons.name(p));
  panel.persons.forEach((n, k) => {
    if (armOfPanel[k] !== -1) return;
    if (inFile.has(n)) notInArm++;
    else notInFile.push(panel.displayName(k));
  });

  // The week of each person-week; the last week observed.
  const { weeks } = panel;
  const weekOf = new Int32Array(weeks.person.length);
  let last = 0;
  let beforeWeek0 = 0;
  const noRand = new Set<number>();
  for (let j = 0; j < weeks.person.length; j++) {
    const k = weeks.person[j]!;
    weekOf[j] = -1;
    if (armOfPanel[k] === -1) continue;
    let w = weeks.week[j]!;
    if (dated) {
      const r = rand!.days.get(storeOfPanel[k]!);
      if (r === undefined) {
        noRand.add(k);
        continue;
      }
      w = Math.floor((weeks.day[j]! - r) / 7) + 1;
      if (w < 0) {
        beforeWeek0++;
        continue;
      }
    }
    weekOf[j] = w;
    if (w > last) last = w;
  }
  const grids = new Map<number, PersonGrid>();
  let duplicates = 0;
  let conflicting = 0;
  // File order: the first row of a person-week wins (rows are appended in file order).
  for (let j = 0; j < weeks.person.length; j++) {
    const w = weekOf[j]!;
    if (w < 0) continue;
    const k = weeks.person[j]!;
    let g = grids.get(k);
    if (!g) grids.set(k, (g = { status: new Uint8Array(last + 1), hours: new Float64Array(last + 1) }));
    if (g.status[w] !== 0) {
      duplicates++;
      if (g.status[w] !== weeks.status[j]! + 1) conflicting++;
      continue;
    }
    g.status[w] = weeks.status[j]! + 1;
    g.hours[w] = weeks.hours[j]!;
  }
  const arms: JoinedPanel['arms'] = { treatment: [], control: [] };
  const gridOf = new Map<number, PersonGrid>();
  const unobserved = { treatment: 0, control: 0 };
  const panelOfStore = new Map<number, number>();
  storeOfPanel.forEach((p, k) => p >= 0 && panelOfStore.set(p, k));
  for (const a of ARMS)
    for (const p of armPersons[a]) {
      const k = panelOfStore.get(p);
      const g = k === undefined ? undefined : grids.get(k);
      if (g) {
        arms[a].push(g);
        gridOf.set(p, g);
      } else if (k === undefined || !noRand.has(k)) unobserved[a]++;
    }
  return {
    last,
    arms,
    gridOf,
    unobserved,
    notInFile,
    notInArm,
    randomisedFrom: dated ? rand!.from : 'weeks',
    noRandomisation: noRand.size,
    randomisedDiffer: rand?.differ ?? 0,
    beforeWeek0,
    duplicates,
    conflicting,
  };
}
