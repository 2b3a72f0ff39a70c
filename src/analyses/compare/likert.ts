/**
 * --likert COLUMN: the answers to a question on a Likert scale by group, in the order of the
 * scale, with Pearson's chi-square test of the scale answers × group, and the share answering one
 * of the top categories ("i høj grad" or more) compared as a yes/no outcome. "Ved ikke" is kept
 * apart from the scale; an answer that is neither on the scale nor "Ved ikke" is counted and
 * reported, never guessed. Definition: docs/definitions.md#compare.
 */
import { chisqTest } from '../../stats/proportions.js';
import type { CourseStore } from '../../schema/course-store.js';
import type { ArmRows } from './arms.js';
import { binaryTest } from './outcomes.js';
import { ARMS, type Arm, type CompareOptions, type LikertResult, type LikertSpec } from './types.js';

export type { LikertResult, LikertSpec } from './types.js';
import { readerOf } from './values.js';

/** The scale of Danish trial surveys, highest first. */
export const DEFAULT_LIKERT_ORDER = [
  'I meget høj grad',
  'I høj grad',
  'I nogen grad',
  'I mindre grad',
  'Slet ikke',
] as const;
export const DEFAULT_DONT_KNOW = ['Ved ikke'] as const;
/** The top categories of the share "i høj grad or more". */
export const DEFAULT_LIKERT_TOP = 2;

/** Case- and whitespace-insensitive: "i høj grad", "I høj grad " and "I  høj grad" are one answer. */
export const answerKey = (s: string): string => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');

export function likert(
  store: CourseStore,
  byArm: ArmRows,
  spec: LikertSpec,
  o: Pick<CompareOptions, 'correct' | 'exact' | 'confLevel'>,
): LikertResult {
  const read = readerOf(store, spec.ref);
  const scale = new Map(spec.order.map((v, k) => [answerKey(v), k]));
  const dk = new Set(spec.dontKnow.map(answerKey));
  const counts = {} as Record<Arm, number[]>;
  const dontKnow = {} as Record<Arm, number>;
  const missing = {} as Record<Arm, number>;
  const unknown = new Map<string, Record<Arm, number>>();
  for (const a of ARMS) {
    counts[a] = spec.order.map(() => 0);
    dontKnow[a] = 0;
    missing[a] = 0;
    for (const i of byArm[a]) {
      const raw = read(i);
      if (raw === null || raw.trim() === '') {
        missing[a]++;
        continue;
      }
      const key = answerKey(raw);
      const k = scale.get(key);
      if (k !== undefined) counts[a][k]!++;
      else if (dk.has(key)) dontKnow[a]++;
      else {
        const shown = raw.trim().replace(/\s+/g, ' ');
        let u = unknown.get(shown);
        if (!u) unknown.set(shown, (u = { treatment: 0, control: 0 }));
        u[a]++;
      }
    }
  }
  const chisq = chisqTest(spec.order.map((_v, k) => ARMS.map((a) => counts[a][k]!)));
  const arm = (a: Arm) => {
    const onScale = counts[a].reduce((s, v) => s + v, 0);
    return {
      n: onScale + dontKnow[a],
      successes: counts[a].slice(0, spec.top).reduce((s, v) => s + v, 0),
      missing: missing[a],
      censored: 0,
    };
  };
  const top = binaryTest(
    {
      kind: 'binary',
      text: `${spec.text}=${spec.order.slice(0, spec.top).join(',')}`,
      ref: spec.ref,
      values: spec.order.slice(0, spec.top),
    },
    { treatment: arm('treatment'), control: arm('control') },
    [],
    o,
  );
  return {
    spec,
    counts,
    dontKnow,
    missing,
    unknown: [...unknown.entries()]
      .sort((x, y) => x[0].localeCompare(y[0], 'da'))
      .map(([value, c]) => ({ value, counts: c })),
    chisq,
    top,
  };
}
