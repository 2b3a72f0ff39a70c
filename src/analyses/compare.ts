/**
 * Treatment versus control: outcomes by group with the difference, its 95% confidence interval
 * and the p-value of the test that fits; the same by subgroup; balance of baseline
 * characteristics; and the share that has exited (to job) week by week after start, as a
 * Kaplan–Meier curve with a log-rank test. Pure: courses (or survey respondents) in, numbers out.
 *
 * Unit of analysis: one row of the export, i.e. one course (forløb); for a survey file (no start
 * or end date column) one respondent. A person with courses in both groups is an error of the data.
 */
import { addMonths, type Day } from '../base/dates.js';
import { dataError, usageError } from '../errors.js';
import { fieldValue } from '../schema/course-field.js';
import type { Course } from '../schema/course.js';
import { fieldOfHeader, type CanonicalField, type ColumnMapping } from '../schema/columns.js';
import { matchKey } from '../schema/normalize-text.js';
import { parseGender, parseNumber } from '../schema/values.js';
import type { VocabSet, Vocabulary } from '../schema/vocab.js';
import { meanSd, welchTTest } from '../stats/means.js';
import { chisqTest, fisherExact, propTest, standardisedDifference } from '../stats/proportions.js';
import { kaplanMeier, kmAt, logRank, type Observation } from '../stats/survival.js';
import { AGE_BANDS, ageBand, UNKNOWN } from './keyfigures.js';

export type Arm = 'treatment' | 'control';
export const ARMS: readonly Arm[] = ['treatment', 'control'];

// ---------------------------------------------------------------------------------------------
// The group

/** Where a row's group comes from and which values make the two arms. */
export interface GroupRule {
  /** 'field': the mapped group column (Course.group, through the group vocabulary); 'column': any column by header. */
  source: { kind: 'field'; header: string } | { kind: 'column'; name: string };
  /** Values given with --treatment / --control; without them the group vocabulary decides. */
  treatment?: string[];
  control?: string[];
}

/** The arm of a row: an arm, 'missing' (no value) or 'other' (a value that is neither arm). */
export function armOf(c: Course, rule: GroupRule, vocab: VocabSet): Arm | 'missing' | 'other' {
  const raw = rule.source.kind === 'field' ? c.group : (c.extra[rule.source.name] ?? null);
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

// ---------------------------------------------------------------------------------------------
// Outcomes

/** A span after the start: N days, weeks or calendar months. */
export interface Horizon {
  n: number;
  unit: 'd' | 'w' | 'm';
}

/** Fields a binary outcome can test, besides any column by its header. */
export const OUTCOME_FIELDS = [
  'exitGroup',
  'exitReason',
  'followUp1',
  'followUp3',
  'followUp6',
  'followUp12',
  'targetGroup',
  'education',
  'programme',
  'unit',
  'gender',
] as const;
export type OutcomeField = (typeof OUTCOME_FIELDS)[number];

export type FieldRef = { kind: 'field'; field: OutcomeField } | { kind: 'column'; name: string };

export type OutcomeSpec =
  | {
      kind: 'binary';
      /** As written on the command line. */
      text: string;
      ref: FieldRef;
      /** Success when the value is one of these (matched through the field's vocabulary). */
      values: string[];
      /** exitGroup / exitReason only: success only when the course ended so within this span of its start. */
      within?: Horizon;
    }
  | { kind: 'numeric'; text: string; ref: { kind: 'duration' } | { kind: 'column'; name: string } };

/** "12m", "26w", "26u", "90d" → a horizon. */
export function parseHorizon(s: string): Horizon | null {
  const m = /^\s*(\d+)\s*(d|dage?|w|u|uger?|weeks?|m|mdr\.?|md\.?|months?|måneder?)\s*$/i.exec(s);
  if (!m || Number(m[1]) < 1) return null;
  const u = m[2]!.toLowerCase();
  const unit = u.startsWith('d') ? 'd' : u.startsWith('w') || u.startsWith('u') ? 'w' : 'm';
  return { n: Number(m[1]), unit };
}

/** The last day of a horizon counted from the start day: start + N − 1 days, or the day before start + N months. */
export function deadlineOf(start: Day, h: Horizon): Day {
  if (h.unit === 'm') return addMonths(start, h.n) - 1;
  return start + h.n * (h.unit === 'w' ? 7 : 1) - 1;
}

/** An outcome as parsed from --outcome, its field named but not yet resolved against the file. */
export interface ParsedOutcome {
  text: string;
  name: string;
  values: string[];
  within?: Horizon;
}

const EXIT_GROUP_NAMES = ['exitgroup', 'afgangsgruppe', 'afgang', 'exit'];

/** --outcome: "FIELD=V1,V2", "FIELD=V within 12m", or "V within 12m" (an exit group). */
export function parseOutcome(spec: string): ParsedOutcome {
  let body = spec.trim();
  let h: Horizon | undefined;
  const w = /^(.*?)\s+(?:within|inden(?:\s+for)?)\s+(\S+(?:\s*\S+)?)$/i.exec(body);
  if (w) {
    const parsed = parseHorizon(w[2]!);
    if (!parsed) throw usageError(`--outcome "${spec}": "${w[2]}" is not a span; use e.g. 12m, 26w or 90d`);
    h = parsed;
    body = w[1]!.trim();
  }
  const eq = body.indexOf('=');
  const name = eq < 0 ? (w ? 'exitGroup' : '') : body.slice(0, eq).trim();
  const valueText = eq < 0 ? body : body.slice(eq + 1);
  const values = valueText
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (name === '' || values.length === 0)
    throw usageError(
      `--outcome "${spec}": use FIELD=VALUE[,VALUE...] (e.g. exitGroup=job, followUp6=job,education, arbejde_vigtigt=Ja) or "job within 12m"`,
    );
  return { text: spec.trim(), name, values, ...(h ? { within: h } : {}) };
}

const FIELD_KEYS = new Map<string, OutcomeField>(OUTCOME_FIELDS.map((f) => [matchKey(f), f]));

/**
 * The field or column a name means: a canonical field name (exitGroup, followUp6 ...), a header of
 * the file (its mapped field if it has one, else the column itself), or a header synonym of a
 * mapped field ("Status 6 mdr"). Returns an error message when nothing fits.
 */
export function resolveName(name: string, headers: string[], mapping: ColumnMapping): FieldRef | string {
  const k = matchKey(name);
  if (EXIT_GROUP_NAMES.includes(k)) return { kind: 'field', field: 'exitGroup' };
  const canonical = FIELD_KEYS.get(k);
  if (canonical) return { kind: 'field', field: canonical };
  const col = mapping.columns.find((c) => matchKey(c.header) === k);
  if (col) {
    const f = col.how === 'duplicate' ? undefined : col.field;
    if (f === 'group' || f === 'personId' || f === 'start' || f === 'end')
      return `"${name}" is the ${f} column; it cannot be an outcome`;
    if (f && FIELD_KEYS.has(matchKey(f))) return { kind: 'field', field: f as OutcomeField };
    // The name as given: it is the key the column was kept under (Course.extra).
    return { kind: 'column', name };
  }
  const f = fieldOfHeader(name) as CanonicalField | undefined;
  if (f && mapping.fields[f] !== undefined && FIELD_KEYS.has(matchKey(f)))
    return { kind: 'field', field: f as OutcomeField };
  return `no column "${name}" in the file (columns: ${headers
    .filter((h) => h !== '')
    .map((h) => `"${h}"`)
    .join(', ')}; fields: ${OUTCOME_FIELDS.join(', ')})`;
}

// ---------------------------------------------------------------------------------------------
// Results

export interface BinaryArm {
  /** Rows with an observed outcome: the denominator. */
  n: number;
  successes: number;
  /** Rows left out because the outcome has no value (e.g. no follow-up status, course not ended). */
  missing: number;
  /** "within N" outcomes: ongoing courses not yet followed for N (not observable), left out. */
  censored: number;
}

export interface NumericArm {
  n: number;
  mean: number | null;
  sd: number | null;
  missing: number;
  /** Values that are not numbers, left out. */
  invalid: number;
}

export type NoTest = 'empty-group' | 'too-few' | 'constant';

export interface BinaryResult {
  kind: 'binary';
  spec: Extract<OutcomeSpec, { kind: 'binary' }>;
  arms: Record<Arm, BinaryArm>;
  /** Treatment share − control share (a proportion); null without data in both groups. */
  difference: number | null;
  ci: [number, number] | null;
  test: 'chisq' | 'fisher' | null;
  /** Whether the chi-square test (and the interval) used the continuity correction. */
  corrected: boolean;
  statistic: number | null;
  pValue: number | null;
  /** The smallest expected count of the 2×2 table. */
  minExpected: number | null;
  noTest?: NoTest;
  /** Values asked for that no row has (a spelling mistake?). */
  unmatched: string[];
}

export interface NumericResult {
  kind: 'numeric';
  spec: Extract<OutcomeSpec, { kind: 'numeric' }>;
  arms: Record<Arm, NumericArm>;
  difference: number | null;
  ci: [number, number] | null;
  test: 'welch' | null;
  statistic: number | null;
  df: number | null;
  pValue: number | null;
  noTest?: NoTest;
}

export type OutcomeResult = BinaryResult | NumericResult;

export const BALANCE_FIELDS = ['targetGroup', 'education', 'ageBand', 'gender'] as const;
export type BalanceField = (typeof BALANCE_FIELDS)[number];

export interface BalanceRow {
  /** Category value; UNKNOWN for rows without a value. */
  value: string;
  counts: Record<Arm, number>;
  /** Standardised difference of the two shares; null when undefined (0 % vs 100 %). */
  d: number | null;
}

export interface BalanceResult {
  field: BalanceField;
  n: Record<Arm, number>;
  rows: BalanceRow[];
  /** Pearson's chi-square test of the distribution by group, without continuity correction. */
  chisq: { statistic: number; df: number; pValue: number; minExpected: number } | null;
}

export interface WeeklyPoint {
  week: number;
  /** Share that has exited (1 − S(7·week)); null when no row of the group was followed that long. */
  share: number | null;
  lower: number | null;
  upper: number | null;
  nRisk: number;
  /** Exits counted up to the end of the week. */
  events: number;
}

export interface WeeklyResult {
  weeks: number;
  exitGroups: string[];
  arms: Record<Arm, { n: number; points: WeeklyPoint[]; censored: number; otherExits: number }>;
  logRank: {
    statistic: number;
    pValue: number;
    observed: [number, number];
    expected: [number, number];
  } | null;
}

export interface SubgroupResult {
  value: string | null;
  outcomes: OutcomeResult[];
}

export interface CompareResult {
  unit: 'course' | 'respondent';
  randomised: boolean;
  /** Rows in each arm, and rows not in either (no value, or another value: counted by value). */
  n: Record<Arm, number>;
  noGroup: number;
  otherGroup: { value: string; count: number }[];
  persons: number;
  /** Persons (course data) with more than one course in the comparison. */
  personsWithSeveral: number;
  /** The data's newest date, for "within" outcomes and the weekly curve; null for survey data. */
  asOf: Day | null;
  outcomes: OutcomeResult[];
  by?: { name: string; groups: SubgroupResult[]; tests: number };
  balance?: { results: BalanceResult[]; skipped: BalanceField[] };
  weekly?: WeeklyResult;
}

export type SubgroupRef =
  | { kind: 'field'; field: 'unit' | 'programme' | 'targetGroup' | 'education' | 'gender' | 'ageBand' }
  | { kind: 'column'; name: string };

export interface CompareOptions {
  group: GroupRule;
  /** --randomised: the user states the groups were drawn at random. */
  declaredRandomised: boolean;
  outcomes: OutcomeSpec[];
  vocab: VocabSet;
  unit: 'course' | 'respondent';
  /** Extract date (--as-of, else the newest date in the data); needed for "within" and weekly. */
  asOf: Day | null;
  exact: boolean;
  correct: boolean;
  by?: SubgroupRef;
  /** Column with the age in whole years, for rows without a CPR-derived age. */
  ageColumn?: string;
  balance: boolean;
  weekly?: { weeks: number; exitGroups: string[] };
  confLevel?: number;
}

// ---------------------------------------------------------------------------------------------
// The comparison

/** The age of a row: from the CPR number, else from the age column. */
export function ageOf(c: Course, ageColumn?: string): number | null {
  if (c.ageAtStart !== null) return c.ageAtStart;
  if (!ageColumn) return null;
  const raw = c.extra[ageColumn];
  if (raw === null || raw === undefined) return null;
  const p = parseNumber(raw);
  return p.ok && p.value >= 0 ? Math.floor(p.value) : null;
}

export function compare(rows: readonly Course[], o: CompareOptions): CompareResult {
  const byArm: Record<Arm, Course[]> = { treatment: [], control: [] };
  let noGroup = 0;
  const other = new Map<string, number>();
  for (const c of rows) {
    const a = armOf(c, o.group, o.vocab);
    if (a === 'missing') noGroup++;
    else if (a === 'other') {
      const raw = (o.group.source.kind === 'field' ? c.group : c.extra[o.group.source.name]) ?? '';
      other.set(raw, (other.get(raw) ?? 0) + 1);
    } else byArm[a].push(c);
  }
  const otherGroup = [...other]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'da'));

  const present = ARMS.filter((a) => byArm[a].length > 0);
  if (present.length < 2) {
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

  // One person in both groups: the groups are not separate (counted, never named).
  const armsOfPerson = new Map<string, Set<Arm>>();
  const rowsOfPerson = new Map<string, number>();
  for (const a of ARMS)
    for (const c of byArm[a]) {
      let s = armsOfPerson.get(c.personId);
      if (!s) armsOfPerson.set(c.personId, (s = new Set()));
      s.add(a);
      rowsOfPerson.set(c.personId, (rowsOfPerson.get(c.personId) ?? 0) + 1);
    }
  const inBoth = [...armsOfPerson.values()].filter((s) => s.size > 1).length;
  if (inBoth > 0)
    throw dataError(
      `${inBoth} ${inBoth === 1 ? 'person is' : 'persons are'} in both the treatment and the control group; ` +
        'each person must belong to one group. Correct the group column (jobfx inspect lists the rows by pseudonym).',
    );
  const personsWithSeveral = [...rowsOfPerson.values()].filter((n) => n > 1).length;
  if (o.unit === 'respondent' && personsWithSeveral > 0)
    throw dataError(
      `${personsWithSeveral} respondent ${personsWithSeveral === 1 ? 'id occurs' : 'ids occur'} on more than one row; ` +
        'a survey file must have one row per respondent.',
    );

  const datesNeeded = o.outcomes.some(
    (x) => (x.kind === 'binary' && x.within) || (x.kind === 'numeric' && x.ref.kind === 'duration'),
  );
  if ((datesNeeded || o.weekly) && o.asOf === null)
    throw usageError('"within", duration and --weekly need start and end dates; this file has none');

  const result: CompareResult = {
    unit: o.unit,
    randomised:
      o.declaredRandomised || (o.group.source.kind === 'field' && !o.group.treatment && !o.group.control),
    n: { treatment: byArm.treatment.length, control: byArm.control.length },
    noGroup,
    otherGroup,
    persons: armsOfPerson.size,
    personsWithSeveral,
    asOf: o.asOf,
    outcomes: o.outcomes.map((spec) => outcome(byArm, spec, o)),
  };

  if (o.by) {
    const by = o.by;
    const groups = new Map<string | null, Record<Arm, Course[]>>();
    for (const a of ARMS)
      for (const c of byArm[a]) {
        const v = subgroupValue(c, by, o.ageColumn);
        let g = groups.get(v);
        if (!g) groups.set(v, (g = { treatment: [], control: [] }));
        g[a].push(c);
      }
    const ordered = [...groups.keys()].sort(subgroupOrder(by, o.vocab));
    const subgroups = ordered.map((value) => ({
      value,
      outcomes: o.outcomes.map((spec) => outcome(groups.get(value)!, spec, o)),
    }));
    const tests = subgroups.reduce((s, g) => s + g.outcomes.filter((r) => r.pValue !== null).length, 0);
    result.by = { name: by.kind === 'field' ? by.field : by.name, groups: subgroups, tests };
  }

  if (o.balance) {
    const results: BalanceResult[] = [];
    const skipped: BalanceField[] = [];
    for (const field of BALANCE_FIELDS) {
      const b = balance(byArm, field, o);
      if (b) results.push(b);
      else skipped.push(field);
    }
    result.balance = { results, skipped };
  }

  if (o.weekly) result.weekly = weekly(byArm, o.weekly.weeks, o.weekly.exitGroups, o.asOf!, o.confLevel);
  return result;
}

// ---------------------------------------------------------------------------------------------
// One outcome

function vocabularyOf(ref: FieldRef, vocab: VocabSet): Vocabulary | undefined {
  if (ref.kind === 'column') return undefined;
  if (ref.field === 'exitReason') return vocab.exitReason;
  if (ref.field === 'targetGroup') return vocab.targetGroup;
  if (ref.field === 'education') return vocab.education;
  if (ref.field.startsWith('followUp')) return vocab.followUp;
  return undefined;
}

/**
 * The canonical form of a value given on the command line: an exit group's key ("Job" → job), a
 * vocabulary value (by its spellings or its English label: "education" → Uddannelse), M/K for
 * gender, else the value as given (compared case- and accent-insensitively).
 */
export function canonicalValue(ref: FieldRef, v: string, vocab: VocabSet): string {
  const k = matchKey(v);
  if (ref.kind === 'field' && ref.field === 'exitGroup')
    return vocab.exitGroups.find((x) => [x.key, x.da, x.en].some((s) => matchKey(s) === k))?.key ?? v;
  if (ref.kind === 'field' && ref.field === 'gender') return parseGender(v) ?? v;
  const vocabulary = vocabularyOf(ref, vocab);
  if (!vocabulary) return v;
  return (
    vocabulary.lookup(v)?.value ??
    vocabulary.entries.find((e) => e.en !== undefined && matchKey(e.en) === k)?.value ??
    v
  );
}

/** A predicate for "the value is one of these", through the field's vocabulary. */
function matcher(ref: FieldRef, values: string[], vocab: VocabSet): (v: string) => boolean {
  const keys = new Set(values.map((v) => matchKey(canonicalValue(ref, v, vocab))));
  return (v) => keys.has(matchKey(v));
}

function valueOf(c: Course, ref: FieldRef): string | null {
  return ref.kind === 'column' ? (c.extra[ref.name] ?? null) : fieldValue(c, ref.field);
}

type Observed = { kind: 'missing' } | { kind: 'censored' } | { kind: 'value'; success: boolean };

/**
 * The outcome of one row. Exit outcomes: an ongoing course has none yet (missing), an ended one
 * is a success when its exit is one of the values (an exit reason outside the vocabulary has no
 * exit group and is no success). "within N": a success when the course ended so by the deadline;
 * an ongoing course whose deadline is after the extract date cannot be judged yet (censored); an
 * ongoing course past its deadline, or one ended after it, is no success.
 */
function observe(
  c: Course,
  spec: Extract<OutcomeSpec, { kind: 'binary' }>,
  hit: (v: string) => boolean,
  asOf: Day | null,
): Observed {
  const ref = spec.ref;
  const exit = ref.kind === 'field' && (ref.field === 'exitGroup' || ref.field === 'exitReason');
  if (exit) {
    const v = valueOf(c, ref);
    if (spec.within) {
      const deadline = deadlineOf(c.start, spec.within);
      if (c.end !== null && c.end <= deadline) return { kind: 'value', success: v !== null && hit(v) };
      if (asOf !== null && deadline <= asOf) return { kind: 'value', success: false };
      return { kind: 'censored' };
    }
    if (c.end === null) return { kind: 'missing' };
    return { kind: 'value', success: v !== null && hit(v) };
  }
  const v = valueOf(c, ref);
  if (v === null) return { kind: 'missing' };
  return { kind: 'value', success: hit(v) };
}

function outcome(byArm: Record<Arm, Course[]>, spec: OutcomeSpec, o: CompareOptions): OutcomeResult {
  return spec.kind === 'binary' ? binaryOutcome(byArm, spec, o) : numericOutcome(byArm, spec, o);
}

function binaryOutcome(
  byArm: Record<Arm, Course[]>,
  spec: Extract<OutcomeSpec, { kind: 'binary' }>,
  o: CompareOptions,
): BinaryResult {
  const hit = matcher(spec.ref, spec.values, o.vocab);
  const seen = new Set<string>();
  const arms = {} as Record<Arm, BinaryArm>;
  for (const a of ARMS) {
    const arm: BinaryArm = { n: 0, successes: 0, missing: 0, censored: 0 };
    for (const c of byArm[a]) {
      const v = valueOf(c, spec.ref);
      if (v !== null) seen.add(v);
      const x = observe(c, spec, hit, o.asOf);
      if (x.kind === 'missing') arm.missing++;
      else if (x.kind === 'censored') arm.censored++;
      else {
        arm.n++;
        if (x.success) arm.successes++;
      }
    }
    arms[a] = arm;
  }
  const unmatched = spec.values.filter((v) => ![...seen].some(matcher(spec.ref, [v], o.vocab)));
  const base: BinaryResult = {
    kind: 'binary',
    spec,
    arms,
    difference: null,
    ci: null,
    test: null,
    corrected: false,
    statistic: null,
    pValue: null,
    minExpected: null,
    unmatched,
  };
  const t = arms.treatment;
  const c = arms.control;
  const pt = propTest(t.successes, t.n, c.successes, c.n, {
    correct: o.correct,
    confLevel: o.confLevel ?? 0.95,
  });
  if (!pt) return { ...base, noTest: 'empty-group' };
  const minExpected = Math.min(...pt.expected.flat());
  const useFisher = o.exact || minExpected < 5;
  return {
    ...base,
    difference: pt.difference,
    ci: pt.ci,
    test: useFisher ? 'fisher' : 'chisq',
    corrected: pt.corrected,
    statistic: useFisher ? null : pt.statistic,
    pValue: useFisher
      ? fisherExact(t.successes, t.n - t.successes, c.successes, c.n - c.successes)
      : pt.pValue,
    minExpected,
  };
}

function numericOutcome(
  byArm: Record<Arm, Course[]>,
  spec: Extract<OutcomeSpec, { kind: 'numeric' }>,
  o: CompareOptions,
): NumericResult {
  const values = {} as Record<Arm, number[]>;
  const arms = {} as Record<Arm, NumericArm>;
  for (const a of ARMS) {
    const xs: number[] = [];
    let missing = 0;
    let invalid = 0;
    for (const c of byArm[a]) {
      if (spec.ref.kind === 'duration') {
        if (c.end === null) missing++;
        else xs.push(c.end - c.start + 1);
        continue;
      }
      const raw = c.extra[spec.ref.name] ?? null;
      if (raw === null) {
        missing++;
        continue;
      }
      const p = parseNumber(raw);
      if (p.ok) xs.push(p.value);
      else invalid++;
    }
    const m = meanSd(xs);
    values[a] = xs;
    arms[a] = { n: m.n, mean: m.mean, sd: m.sd, missing, invalid };
  }
  const base: NumericResult = {
    kind: 'numeric',
    spec,
    arms,
    difference: null,
    ci: null,
    test: null,
    statistic: null,
    df: null,
    pValue: null,
  };
  if (arms.treatment.n === 0 || arms.control.n === 0) return { ...base, noTest: 'empty-group' };
  const difference = arms.treatment.mean! - arms.control.mean!;
  const w = welchTTest(values.treatment, values.control, { confLevel: o.confLevel ?? 0.95 });
  if (typeof w === 'string') return { ...base, difference, noTest: w };
  return { ...base, difference, ci: w.ci, test: 'welch', statistic: w.statistic, df: w.df, pValue: w.pValue };
}

// ---------------------------------------------------------------------------------------------
// Subgroups and balance

function subgroupValue(c: Course, by: SubgroupRef, ageColumn?: string): string | null {
  if (by.kind === 'column') return c.extra[by.name] ?? null;
  if (by.field === 'ageBand') {
    const band = ageBand(ageOf(c, ageColumn));
    return band === UNKNOWN ? null : band;
  }
  return c[by.field];
}

function subgroupOrder(by: SubgroupRef, vocab: VocabSet): (a: string | null, b: string | null) => number {
  const rank = (v: string): number => {
    if (by.kind === 'column') return 0;
    switch (by.field) {
      case 'ageBand':
        return (AGE_BANDS as readonly string[]).indexOf(v);
      case 'gender':
        return v === 'M' ? 0 : 1;
      case 'targetGroup':
        return vocab.targetGroup.orderOf(v);
      case 'education':
        return vocab.education.orderOf(v);
      default:
        return 0;
    }
  };
  return (a, b) => (a === null ? 1 : b === null ? -1 : rank(a) - rank(b) || a.localeCompare(b, 'da'));
}

function balanceValue(c: Course, field: BalanceField, ageColumn?: string): string | null {
  if (field === 'ageBand') {
    const band = ageBand(ageOf(c, ageColumn));
    return band === UNKNOWN ? null : band;
  }
  return c[field];
}

function balance(byArm: Record<Arm, Course[]>, field: BalanceField, o: CompareOptions): BalanceResult | null {
  const counts = new Map<string, Record<Arm, number>>();
  let known = 0;
  for (const a of ARMS)
    for (const c of byArm[a]) {
      const v = balanceValue(c, field, o.ageColumn);
      if (v !== null) known++;
      const key = v ?? UNKNOWN;
      let r = counts.get(key);
      if (!r) counts.set(key, (r = { treatment: 0, control: 0 }));
      r[a]++;
    }
  if (known === 0) return null;
  const n = { treatment: byArm.treatment.length, control: byArm.control.length };
  // "Uoplyst" from the vocabulary sorts with it; rows without a value (also UNKNOWN) last.
  const order = subgroupOrder({ kind: 'field', field: field === 'ageBand' ? 'ageBand' : field }, o.vocab);
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
    field,
    n,
    rows,
    chisq: test
      ? { statistic: test.statistic, df: test.df, pValue: test.pValue, minExpected: test.minExpected }
      : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Week by week

/**
 * Time to exit (to one of `exitGroups`) in days from the start (a course ended on its start day
 * exits on day 1). An ongoing course is censored on the extract date. A course that ended to
 * another exit will never exit to these from this course: it stays in the risk set, censored on
 * the extract date (as long as it could have been followed), so 1 − S is the share that has
 * exited to these groups, not a share that ignores the other exits. Everything is censored at
 * the last day of week N, so the log-rank test compares the curves as shown.
 */
function weekly(
  byArm: Record<Arm, Course[]>,
  weeks: number,
  exitGroups: string[],
  asOf: Day,
  confLevel = 0.95,
): WeeklyResult {
  const horizon = 7 * weeks;
  const groups = new Set(exitGroups);
  const obsOf = {} as Record<Arm, Observation[]>;
  const arms = {} as WeeklyResult['arms'];
  for (const a of ARMS) {
    let censored = 0;
    let otherExits = 0;
    const obs: Observation[] = byArm[a].map((c) => {
      const followed = asOf - c.start + 1;
      let o: Observation;
      if (c.end !== null && c.exitGroup !== null && groups.has(c.exitGroup))
        o = { time: c.end - c.start + 1, event: true };
      else {
        if (c.end !== null) otherExits++;
        o = { time: followed, event: false };
      }
      if (o.time > horizon) o = { time: horizon, event: false };
      if (!o.event && o.time < horizon) censored++;
      return o;
    });
    obsOf[a] = obs;
    const km = kaplanMeier(obs, confLevel);
    const points: WeeklyPoint[] = [];
    for (let w = 1; w <= weeks; w++) {
      const at = kmAt(km, 7 * w);
      const followed = obs.some((x) => x.time >= 7 * w) || at.surv === 0;
      points.push({
        week: w,
        share: followed ? 1 - at.surv : null,
        lower: followed && at.upper !== null ? 1 - at.upper : null,
        upper: followed && at.lower !== null ? 1 - at.lower : null,
        nRisk: at.nRisk,
        events: at.cumEvents,
      });
    }
    arms[a] = { n: obs.length, points, censored, otherExits };
  }
  const lr = logRank(obsOf.treatment, obsOf.control);
  return {
    weeks,
    exitGroups,
    arms,
    logRank: lr
      ? { statistic: lr.statistic, pValue: lr.pValue, observed: lr.observed, expected: lr.expected }
      : null,
  };
}
