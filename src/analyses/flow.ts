/**
 * Flow (borgerflow): per step (month, quarter) of a period, the stock at its start, the inflow,
 * the outflow and the stock at its end, of courses or of distinct persons, such that
 * start + inflow − outflow = end in every step, and the end of one step is the start of the
 * next. Definitions: docs/definitions.md#flow. Pure.
 */
import type { Day } from '../base/dates.js';
import { CourseStore, NONE } from '../schema/course-store.js';

export const FLOW_COUNTS = ['persons', 'courses'] as const;
export type FlowCount = (typeof FLOW_COUNTS)[number];

export interface FlowFigures {
  /** Courses (persons with a course) running when the step begins: started before it, not ended before it. */
  startStock: number;
  /** Courses started in the step; persons: started a course in the step and were not in the start stock. */
  inflow: number;
  /** Courses ended in the step; persons: ended a course in the step and are not in the end stock. */
  outflow: number;
  /** Courses (persons with a course) ongoing at the end of the step's last day. */
  endStock: number;
  /** Courses (persons with a course) active in the step = startStock + inflow = endStock + outflow. */
  active: number;
}

export interface FlowResult {
  count: FlowCount;
  /** One per step, in the order given. */
  steps: FlowFigures[];
  /** The whole period taken as one step (for courses the sums of the steps' flows). */
  whole: FlowFigures;
  /** Courses active in the period without a person (anonymised): counted among courses, never as persons. */
  anonymous: number;
}

/** A course's place relative to a step [from, to]: bits of the figures it counts in. */
const IN_START = 1;
const STARTED = 2;
const ENDED = 4;
const IN_END = 8;

function bitsOf(start: Day, end: Day, from: Day, to: Day): number {
  if (start > to || (end !== NONE && end < from)) return 0;
  let bits = start < from ? IN_START : STARTED;
  bits |= end !== NONE && end <= to ? ENDED : IN_END;
  return bits;
}

/** The figures of one step from each counted unit's bits (a course's, or the OR of a person's courses). */
function figuresOf(units: Iterable<number>, persons: boolean): FlowFigures {
  const f: FlowFigures = { startStock: 0, inflow: 0, outflow: 0, endStock: 0, active: 0 };
  for (const b of units) {
    if (b === 0) continue;
    f.active++;
    if (b & IN_START) f.startStock++;
    if (b & IN_END) f.endStock++;
    // A person already in the stock who starts another course is no inflow; one who still has a
    // course running at the end is no outflow (docs/definitions.md#flow).
    if (b & STARTED && !(persons && b & IN_START)) f.inflow++;
    if (b & ENDED && !(persons && b & IN_END)) f.outflow++;
  }
  return f;
}

/** The flow of each step [from, to] and of the whole period (first step's from to last step's to). */
export function flow(store: CourseStore, steps: { from: Day; to: Day }[], count: FlowCount): FlowResult {
  const persons = count === 'persons';
  const anonymousId = store.persons.anonymous;
  const one = (from: Day, to: Day): { figures: FlowFigures; anonymous: number } => {
    const byPerson = new Map<number, number>();
    const courses: number[] = [];
    let anonymous = 0;
    for (let i = 0; i < store.length; i++) {
      const b = bitsOf(store.start[i]!, store.end[i]!, from, to);
      if (b === 0) continue;
      const p = store.person[i]!;
      if (!persons) courses.push(b);
      else if (p === anonymousId) anonymous++;
      else byPerson.set(p, (byPerson.get(p) ?? 0) | b);
    }
    return { figures: figuresOf(persons ? byPerson.values() : courses, persons), anonymous };
  };
  const whole = steps.length === 0 ? null : one(steps[0]!.from, steps.at(-1)!.to);
  return {
    count,
    steps: steps.map((s) => one(s.from, s.to).figures),
    whole: whole?.figures ?? figuresOf([], persons),
    anonymous: whole?.anonymous ?? 0,
  };
}
