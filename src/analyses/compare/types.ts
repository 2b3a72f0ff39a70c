/**
 * The shapes of a comparison: the groups, the outcomes, the options the analysis takes and the
 * results it gives. No logic here (see index.ts for the comparison).
 */
import type { Day } from '../../base/dates.js';
import type { BadValue } from '../contract-values.js';
import type { VocabSet } from '../../schema/vocab.js';
import { fieldsWithRole, type TextField } from '../../model/fields.js';
import type { InteractionFailure, InteractionTestResult } from '../../stats/interaction.js';
import type { ChisqResult } from '../../stats/proportions.js';

export type Arm = 'treatment' | 'control';

/** The unit of analysis (docs/definitions.md#compare-unit). */
export type Unit = 'course' | 'person' | 'respondent';

/** Where the persons' origins came from (--unit person). */
export interface PersonOrigins {
  /** Persons followed from a randomisation date (every person of a person file). */
  fromRandomised: number;
  /** Persons without a randomisation date, followed from their first course's start. */
  fromFirstStart: number;
  /** Persons whose rows give different randomisation dates (the earliest is used). */
  conflicting: number;
  /** Randomisation dates that are not dates (the row is followed as if it had none). */
  unreadable: BadValue[];
}

/**
 * A cluster-robust interval of a difference (--unit course with persons on several rows): the
 * sandwich variance with the persons as clusters (docs/definitions.md#cluster-robust-intervals).
 */
export interface ClusterInterval {
  se: number;
  ci: [number, number];
  clusters: number;
}
export const ARMS: readonly Arm[] = ['treatment', 'control'];

/** Where a row's group comes from and which values make the two arms. */
export interface GroupRule {
  /** 'field': the mapped group column (the store's group column, through the group vocabulary); 'column': any column by header. */
  source: { kind: 'field'; header: string } | { kind: 'column'; name: string };
  /** Values given with --treatment / --control; without them the group vocabulary decides. */
  treatment?: string[];
  control?: string[];
}

/** A span after the start: N days, weeks or calendar months. */
export interface Horizon {
  n: number;
  unit: 'd' | 'w' | 'm';
}

/** Fields a binary outcome can test, besides any column by its header: the registry's `outcome` role. */
export const OUTCOME_FIELDS: readonly TextField[] = fieldsWithRole('outcome');
export type OutcomeField = TextField;

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

/** An outcome as parsed from --outcome, its field named but not yet resolved against the file. */
export interface ParsedOutcome {
  text: string;
  name: string;
  values: string[];
  within?: Horizon;
}

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
  cluster?: ClusterInterval | null;
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
  cluster?: ClusterInterval | null;
  noTest?: NoTest;
}

export type OutcomeResult = BinaryResult | NumericResult;

/** The balance characteristics without --balance-fields. */
export const BALANCE_FIELDS = ['targetGroup', 'education', 'ageBand', 'gender'] as const;
/** A balance characteristic by name: a field's key, or a column's header as given. */
export type BalanceField = string;

export interface BalanceRow {
  /** Category value; UNKNOWN for rows without a value. */
  value: string;
  counts: Record<Arm, number>;
  /** Standardised difference of the two shares; null when undefined (0 % vs 100 %). */
  d: number | null;
}

export interface BalanceResult {
  /** The field's key, or the column's header as given. */
  field: BalanceField;
  ref: SubgroupRef;
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
  unit: Unit;
  /** --unit not given, and persons with courses in both groups made the unit the course: how many. */
  mixedPersons: number;
  /** The rows are persons (a person file). */
  personFile: boolean;
  /** --unit person: where the persons' origins came from, and anonymised rows left out. */
  origins?: PersonOrigins;
  anonymousRows?: number;
  /** --unit course with persons on several rows: the outcomes carry cluster-robust intervals. */
  clustered: boolean;
  randomised: boolean;
  /** Rows in each arm, and rows not in either (no value, or another value: counted by value). */
  n: Record<Arm, number>;
  noGroup: number;
  otherGroup: { value: string; count: number }[];
  persons: number;
  /** Persons (course data) with more than one course in the comparison (--unit person: courses of the persons, in n). */
  personsWithSeveral: number;
  /** The data's newest date, for "within" outcomes and the weekly curve; null for survey data. */
  asOf: Day | null;
  outcomes: OutcomeResult[];
  by?: { name: string; groups: SubgroupResult[]; tests: number; interactions: InteractionResult[] };
  balance?: { results: BalanceResult[]; skipped: BalanceField[] };
  weekly?: WeeklyResult;
  likert?: LikertResult;
  /** --population: response and attrition (computed by the command from the second file). */
  response?: ResponseResult;
}

export type SubgroupRef =
  /** A field with the registry's `by` role, or the age band derived from the CPR number. */
  { kind: 'field'; field: TextField | 'ageBand' } | { kind: 'column'; name: string };

/** Where the comparison finds its rows: course i of the store is row i. */
export interface CompareOptions {
  group: GroupRule;
  /** --randomised: the user states the groups were drawn at random. */
  declaredRandomised: boolean;
  outcomes: OutcomeSpec[];
  vocab: VocabSet;
  /** 'auto': person when no person has courses in both groups, else course. */
  unit: Unit | 'auto';
  /** The rows are persons (a person file): one row each, followed from the randomisation date. */
  personFile?: boolean;
  /** The file, for messages. */
  source?: string;
  /** Extract date (--as-of, else the newest date in the data); needed for "within" and weekly. */
  asOf: Day | null;
  exact: boolean;
  correct: boolean;
  /** --by: one level, or two whose combinations are the subgroups. */
  by?: SubgroupRef[];
  /** Column with the age in whole years, for rows without a CPR-derived age. */
  ageColumn?: string;
  balance: boolean;
  /** --balance-fields: the characteristics of the balance tables (default BALANCE_FIELDS). */
  balanceFields?: SubgroupRef[];
  weekly?: { weeks: number; exitGroups: string[] };
  likert?: LikertSpec;
  confLevel?: number;
}

// The results of --by's interaction test (interaction.ts), --likert (likert.ts) and --population
// (response.ts): here with the other result types, so that this module imports none of them.

export type ExcludedReason = 'unknown' | 'empty-arm' | 'no-events' | 'all-events';

export interface InteractionResult {
  /** 'lrt': logistic regression, likelihood-ratio test; 'f': linear model, F test. */
  kind: 'lrt' | 'f';
  test: InteractionTestResult | null;
  /** Why there is no test (null when there is one). */
  failure: InteractionFailure | null;
  /** The subgroups in the test, in table order, and the rows behind it. */
  included: (string | null)[];
  n: number;
  excluded: { value: string | null; reason: ExcludedReason }[];
  /** Subgroups in the test where one group has 0 % or 100 %. */
  separated: (string | null)[];
}

export interface LikertSpec {
  /** The column as named on the command line. */
  text: string;
  ref: FieldRef;
  /** The scale, highest first. */
  order: string[];
  /** Answers kept apart from the scale ("Ved ikke"). */
  dontKnow: string[];
  /** The share of the first `top` categories of the scale. */
  top: number;
}

export interface LikertResult {
  spec: LikertSpec;
  /** Per arm, the count of each scale category (in scale order). */
  counts: Record<Arm, number[]>;
  dontKnow: Record<Arm, number>;
  /** Rows with no answer. */
  missing: Record<Arm, number>;
  /** Answers neither on the scale nor "Ved ikke", as written (trimmed), with their counts. */
  unknown: { value: string; counts: Record<Arm, number> }[];
  /** Scale answers × group (Ved ikke and unknown answers not in it), as R's chisq.test. */
  chisq: ChisqResult | null;
  /** The top categories as a yes/no outcome; its n is the answers on the scale plus Ved ikke. */
  top: BinaryResult;
}

export interface AttritionField {
  column: string;
  /** Values in order (alphabetical, "Uoplyst" last as null), with respondents and non-respondents. */
  rows: { value: string | null; respondents: number; nonRespondents: number }[];
  chisq: ChisqResult | null;
}

export interface ResponseResult {
  /** The response rate as a yes/no outcome: n = randomised persons, successes = respondents. */
  rate: BinaryResult;
  /** Survey ids not among the population's persons (cannot be placed). */
  unmatched: number;
  /** Population rows with no group or another value (not in the rate). */
  noGroup: number;
  /** Respondents whose group in the survey differs from the population's. */
  groupDiffers: number;
  fields: AttritionField[];
}
