/**
 * Treatment intensity from an activity file (docs/definitions.md#treatment-intensity): the share
 * of person-weeks with a conversation per arm and per job centre, against a target, and the weeks
 * in a work placement per person. Weeks count from each person's randomisation day as the panel's
 * do; with a panel, the person-weeks are the weeks on benefit (the evaluation's denominator).
 */
import { usageError } from '../../errors.js';
import type { CourseStore } from '../../schema/course-store.js';
import type { Activities } from '../../schema/panel/activities.js';
import { PANEL_STATUS_KEYS } from '../../schema/panel/statuses.js';
import { meanSd, welchTTest, type MeanSd, type WelchResult } from '../../stats/means.js';
import type { ArmRows } from './arms.js';
import { randomisationDays, type JoinedPanel } from './panel-join.js';
import { ARMS, type Arm } from './types.js';
import { fieldReader } from './values.js';

const BENEFIT = PANEL_STATUS_KEYS.indexOf('benefit') + 1;

export interface WeekShare {
  persons: number;
  personWeeks: number;
  withConversation: number;
}

export interface IntensityResult {
  /** The last week counted: the panel's, else the week of the newest activity. */
  last: number;
  denominator: 'benefit' | 'all';
  targetShare: number;
  total: Record<Arm, WeekShare>;
  /** Per job centre (null: none given), in the order of their names. */
  byUnit: { unit: string | null; arms: Record<Arm, WeekShare> }[];
  placementWeeks: Record<Arm, MeanSd>;
  placementTest: WelchResult | 'too-few' | 'constant';
  /** Activities not used: their person is not in an arm, they lie outside weeks 1..last, or their type is unknown. */
  notInFile: number;
  outside: number;
  unknownType: number;
  noRandomisation: number;
}

const emptyShare = (): WeekShare => ({ persons: 0, personWeeks: 0, withConversation: 0 });

export function intensity(
  store: CourseStore,
  byArm: ArmRows,
  acts: Activities,
  unit: 'course' | 'respondent' | 'person',
  panel: JoinedPanel | null,
  targetShare: number,
): IntensityResult {
  const rand = randomisationDays(store, byArm, unit);
  if (rand.days.size === 0)
    throw usageError(
      `${acts.file}: the weeks of the activities count from each person's randomisation, and the file compared has no Randomiseringsdato column (and no course start); add one`,
    );
  const unitOf = fieldReader(store, 'unit');
  // Each person of the arms once, with the arm, the job centre of the first row, and the activities.
  const person = new Map<number, { arm: Arm; unit: string | null; acts: number[] }>();
  for (const a of ARMS)
    for (const i of byArm[a]) {
      const p = store.person[i]!;
      if (p !== store.persons.anonymous && !person.has(p))
        person.set(p, { arm: a, unit: unitOf(i), acts: [] });
    }
  const byName = new Map<string, number>();
  for (const p of person.keys()) byName.set(store.persons.name(p), p);
  const ofActPerson = acts.persons.map((n) => byName.get(n));
  let notInFile = 0;
  let unknownType = 0;
  let noRandomisation = 0;
  let lastAct = 0;
  acts.activities.forEach((x, k) => {
    const p = ofActPerson[x.person];
    if (p === undefined) return void notInFile++;
    if (x.kind === null) return void unknownType++;
    const r = rand.days.get(p);
    if (r === undefined) return void noRandomisation++;
    person.get(p)!.acts.push(k);
    lastAct = Math.max(lastAct, Math.floor((x.day - r) / 7) + 1);
  });
  const last = panel ? panel.last : Math.max(1, lastAct);
  const total = { treatment: emptyShare(), control: emptyShare() };
  const units = new Map<string | null, Record<Arm, WeekShare>>();
  const placement = { treatment: [] as number[], control: [] as number[] };
  let outside = 0;
  for (const [p, who] of person) {
    const r = rand.days.get(p);
    if (r === undefined) continue;
    const grid = panel?.gridOf.get(p);
    const counted = (w: number) => (panel ? grid?.status[w] === BENEFIT : true);
    const talks = new Set<number>();
    const placed = new Set<number>();
    for (const k of who.acts) {
      const x = acts.activities[k]!;
      const from = Math.floor((x.day - r) / 7) + 1;
      const to = Math.floor((x.end - r) / 7) + 1;
      if (to < 1 || from > last) {
        outside++;
        continue;
      }
      if (x.kind === 'conversation') talks.add(from);
      else for (let w = Math.max(1, from); w <= Math.min(last, to); w++) placed.add(w);
    }
    let weeks = 0;
    let withTalk = 0;
    for (let w = 1; w <= last; w++)
      if (counted(w)) {
        weeks++;
        if (talks.has(w)) withTalk++;
      }
    let u = units.get(who.unit);
    if (!u) units.set(who.unit, (u = { treatment: emptyShare(), control: emptyShare() }));
    for (const s of [total[who.arm], u[who.arm]]) {
      s.persons++;
      s.personWeeks += weeks;
      s.withConversation += withTalk;
    }
    placement[who.arm].push(placed.size);
  }
  const byUnit = [...units]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'da')))
    .map(([unit, arms]) => ({ unit, arms }));
  return {
    last,
    denominator: panel ? 'benefit' : 'all',
    targetShare,
    total,
    byUnit,
    placementWeeks: { treatment: meanSd(placement.treatment), control: meanSd(placement.control) },
    placementTest: welchTTest(placement.treatment, placement.control),
    notInFile,
    outside,
    unknownType,
    noRandomisation,
  };
}
