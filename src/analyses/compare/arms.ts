/**
 * The two arms: which rows are treatment, which control, which neither (no value, or another
 * value), and the checks that the arms can be compared (both present, no person in both, one row
 * per respondent). Rows are course indices of the store, in the order of the export.
 */
import { dataError } from '../../errors.js';
import type { CourseStore } from '../../schema/course-store.js';
import { matchKey } from '../../schema/normalize-text.js';
import type { VocabSet } from '../../schema/vocab.js';
import { ARMS, type Arm, type GroupRule } from './types.js';
import { extraOf, fieldReader, type Reader } from './values.js';

export type ArmOf = Arm | 'missing' | 'other';

/** The rows of each arm, as course indices in the order of the store. */
export type ArmRows = Record<Arm, number[]>;

/** The arm of a group value: an arm, 'missing' (no value) or 'other' (a value that is neither arm). */
function armOfValue(raw: string | null, rule: GroupRule, vocab: VocabSet): ArmOf {
  if (raw === null) return 'missing';
  if (rule.treatment || rule.control) {
    const hits = (values: string[] | undefined) =>
      (values ?? []).some((v) => matchKey(v) === matchKey(raw) || vocab.group.lookup(v)?.value === raw);
    if (hits(rule.treatment)) return 'treatment';
    if (hits(rule.control)) return 'control';
    return 'other';
  }
  const value = vocab.group.lookup(raw)?.value;
  return value === 'treatment' || value === 'control' ? value : 'other';
}

/** A reader of the group value of a row: the mapped group column or the column the rule names. */
export function groupReader(store: CourseStore, rule: GroupRule): Reader {
  if (rule.source.kind === 'field') return fieldReader(store, 'group');
  const name = rule.source.name;
  return (i) => extraOf(store, i, name);
}

/** The arm of row i. */
export function armOf(store: CourseStore, i: number, rule: GroupRule, vocab: VocabSet): ArmOf {
  return armOfValue(groupReader(store, rule)(i), rule, vocab);
}

export interface Split {
  byArm: ArmRows;
  noGroup: number;
  /** Rows of another value, by value: most first, then by value. */
  otherGroup: { value: string; count: number }[];
}

/** The rows of each arm, and the rows in neither; a data error unless both arms have rows. */
export function splitArms(store: CourseStore, rule: GroupRule, vocab: VocabSet): Split {
  const byArm: ArmRows = { treatment: [], control: [] };
  const read = groupReader(store, rule);
  const armOfRaw = new Map<string | null, ArmOf>();
  let noGroup = 0;
  const other = new Map<string, number>();
  for (let i = 0; i < store.length; i++) {
    const raw = read(i);
    let a = armOfRaw.get(raw);
    if (a === undefined) armOfRaw.set(raw, (a = armOfValue(raw, rule, vocab)));
    if (a === 'missing') noGroup++;
    else if (a === 'other') other.set(raw ?? '', (other.get(raw ?? '') ?? 0) + 1);
    else byArm[a].push(i);
  }
  const otherGroup = [...other]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'da'));
  requireBothArms(byArm, otherGroup, noGroup);
  return { byArm, noGroup, otherGroup };
}

function requireBothArms(byArm: ArmRows, otherGroup: Split['otherGroup'], noGroup: number): void {
  const present = ARMS.filter((a) => byArm[a].length > 0);
  if (present.length === 2) return;
  const found = otherGroup.map((g) => `"${g.value}" (${g.count})`).join(', ');
  const which =
    present.length === 1
      ? `only the ${present[0]} group is present (${byArm[present[0]!].length} rows)`
      : 'neither a treatment nor a control group is present';
  throw dataError(
    `${which}; a comparison needs both groups.` +
      (found
        ? ` Other values in the group column: ${found}; name them with --treatment and --control.`
        : '') +
      (noGroup > 0 ? ` ${noGroup} rows have no group.` : ''),
  );
}

/**
 * The persons of the arms, those with more than one row, and those with rows in both arms
 * (counted, never named: an error only with --unit person, units.ts). A respondent on more than
 * one row of a survey is an error of the data.
 */
export function personsOf(
  store: CourseStore,
  byArm: ArmRows,
  unit: 'course' | 'person' | 'respondent',
): { persons: number; personsWithSeveral: number; inBoth: number } {
  const armsOf = new Uint8Array(store.persons.count);
  const rowsOf = new Int32Array(store.persons.count);
  ARMS.forEach((a, bit) => {
    for (const i of byArm[a]) {
      const p = store.person[i]!;
      armsOf[p]! |= 1 << bit;
      rowsOf[p]!++;
    }
  });
  let persons = 0;
  let inBoth = 0;
  let personsWithSeveral = 0;
  for (let p = 0; p < armsOf.length; p++) {
    if (p === store.persons.anonymous) continue; // no person (docs/definitions.md#records)
    if (armsOf[p] !== 0) persons++;
    if (armsOf[p] === 3) inBoth++;
    if (rowsOf[p]! > 1) personsWithSeveral++;
  }
  if (unit === 'respondent' && personsWithSeveral > 0)
    throw dataError(
      `${personsWithSeveral} respondent ${personsWithSeveral === 1 ? 'id occurs' : 'ids occur'} on more than one row; ` +
        'a survey file must have one row per respondent.',
    );
  return { persons, personsWithSeveral, inBoth };
}
