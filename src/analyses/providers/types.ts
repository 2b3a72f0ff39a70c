/**
 * The shapes of a provider benchmark: the options the analysis takes and the results it gives.
 * No logic here (see index.ts). Definitions: docs/definitions.md#providers.
 */
import type { Day } from '../../base/dates.js';
import type { Period } from '../../base/period.js';
import type { VocabSet } from '../../schema/vocab.js';
import type { OutcomeSpec, SubgroupRef } from '../compare/index.js';

export type BinarySpec = Extract<OutcomeSpec, { kind: 'binary' }>;

/** A field the expected share is adjusted for: a registry field, a derived one, or a column. */
export type AdjustRef =
  | {
      kind: 'field';
      /** A field as compare's --by takes it, or the start half-year. */
      field: Extract<SubgroupRef, { kind: 'field' }>['field'] | 'startHalf';
    }
  | { kind: 'column'; name: string };

export interface ProvidersOptions {
  /** The field(s) or column(s) whose values are the providers: one, or two (each combination a provider). */
  by: SubgroupRef[];
  outcomes: BinarySpec[];
  vocab: VocabSet;
  /** Extract date, for "within" outcomes. */
  asOf: Day | null;
  /** Courses ended in this period; all courses when absent. */
  period?: Period;
  adjust: AdjustRef[];
  model: boolean;
  /** --reference: the provider the model compares with; default the one with most courses. */
  reference?: string;
  /** --target as a proportion. */
  target?: number;
  confLevel: number;
}

/** Stratum value of rows without a value. */
export const UOPLYST = 'Uoplyst';

export interface ProviderRow {
  value: string;
  /** Courses with an observed outcome: the denominator. */
  n: number;
  successes: number;
  /** Courses without an observed outcome (no status, not ended), left out. */
  missing: number;
  /** "within" outcomes: ongoing courses not yet followed that long, left out. */
  censored: number;
  /** Wilson interval of the share. */
  ci: [number, number] | null;
  /** Share minus the share of all other providers' courses, with Newcombe's interval. */
  vsOthers: { difference: number; ci: [number, number] } | null;
}

export interface AdjustedRow {
  value: string;
  n: number;
  observed: number;
  expected: number;
  /** O/E with Byar's interval; null when E = 0. */
  ratio: number | null;
  ci: [number, number] | null;
}

export interface Standardisation {
  fields: AdjustRef[];
  rows: AdjustedRow[];
  strata: number;
  /** Strata with fewer than SMALL_STRATUM courses, and their courses. */
  small: { strata: number; courses: number };
  /** Courses in strata where only one provider has courses (its expected equals its observed there). */
  singleProvider: number;
}

export interface ModelRow {
  value: string;
  n: number;
  reference: boolean;
  /** Left out of the model: every course of the provider has the same outcome (separation). */
  excluded: boolean;
  /** Odds ratio against the reference, with Wald interval (on the log scale) and p-value. */
  oddsRatio: number | null;
  ci: [number, number] | null;
  pValue: number | null;
  /** Average marginal effect against the reference (a proportion), delta-method interval. */
  ame: number | null;
  ameCi: [number, number] | null;
}

export type ModelResult =
  | {
      ok: true;
      reference: string;
      rows: ModelRow[];
      n: number;
      parameters: number;
      iterations: number;
      deviance: number;
    }
  | { ok: false; reference: string; message: string };

export interface Composition {
  value: string;
  courses: number;
  targetGroup: Map<string, number>;
  /** Ages of the courses with a known age. */
  medianAge: number | null;
  ages: number;
  primarySchool: number;
  /** Courses with a known education. */
  educationKnown: number;
}

export interface OutcomeBenchmark {
  spec: BinarySpec;
  providers: ProviderRow[];
  total: ProviderRow;
  standardisation?: Standardisation;
  model?: ModelResult;
  /** Values asked for that no row has (a spelling mistake?). */
  unmatched: string[];
}

export interface ProvidersResult {
  /** Courses in the selection with a provider. */
  courses: number;
  /** Courses in the selection without a provider value, left out. */
  noProvider: number;
  /** Persons with courses at more than one provider (each course counts at its provider). */
  personsInSeveral: number;
  outcomes: OutcomeBenchmark[];
  composition: Composition[];
}

/** The courses of each provider (course indices), providers in Danish alphabetical order. */
export interface Selection {
  byProvider: Map<string, number[]>;
  noProvider: number;
}
