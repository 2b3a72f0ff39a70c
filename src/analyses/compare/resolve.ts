/**
 * What the command line asks for → the options of a comparison, checked against the file: the
 * outcomes resolved to fields or columns, the group column and the values of each arm, the
 * subgroup field, the exit groups of the weekly curve and the extract date. Every rule about
 * which combinations make sense lives here; the CLI only parses flags. Pure: throws a usage error
 * that says how to fix the command line.
 */
import type { Day } from '../../base/dates.js';
import { parseBy } from '../partition.js';
import { usageError } from '../../errors.js';
import type { ColumnMapping } from '../../schema/columns.js';
import type { CourseStore } from '../../schema/course-store.js';
import { fieldDef, fieldsWithRole, type TextField } from '../../model/fields.js';
import { matchKey } from '../../schema/normalize-text.js';
import { parseDate } from '../../schema/values.js';
import type { VocabSet } from '../../schema/vocab.js';
import {
  answerKey,
  DEFAULT_DONT_KNOW,
  DEFAULT_LIKERT_ORDER,
  DEFAULT_LIKERT_TOP,
  type LikertSpec,
} from './likert.js';
import { parseHorizon, parseOutcome, resolveName } from './parse.js';
import type { CompareOptions, GroupRule, Horizon, OutcomeSpec, SubgroupRef } from './types.js';

/** A comparison as asked for on the command line (the flags of `jobfx compare`, as text). */
export interface CompareRequest {
  outcome?: string[];
  numeric?: string[];
  within?: string;
  group?: string;
  treatment?: string;
  control?: string;
  randomised?: boolean;
  exact?: boolean;
  correct: boolean;
  /** --by: one or two levels (a string as in a `jobfx run` step, or as parsed by parseBy). */
  by?: string | string[];
  age?: string;
  balance?: boolean;
  /** --balance-fields F[,F...]: fields (key, label or short name) or columns by header. */
  balanceFields?: string;
  weekly?: number;
  weeklyExit: string;
  asOf?: string;
  /** --unit person|course; default: person when no person has courses in both groups. */
  unit?: string;
  /** --likert COLUMN, --likert-order "A,B,...", --likert-top N. */
  likert?: string;
  likertOrder?: string;
  likertTop?: number;
  /** --population FILE: the survey's respondents against all randomised persons. */
  population?: string;
  /** A file of its own that the command compares (--panel, --activities): enough to compare. */
  panel?: string;
  activities?: string;
}

/** The Likert scale of the config file (`likert`), under --likert-order and --likert-top. */
export interface LikertDefaults {
  order?: string[];
  dontKnow?: string[];
  top?: number;
}

/** What of the loaded file the resolution reads. */
export interface CompareData {
  headers: string[];
  mapping: ColumnMapping;
  vocab: VocabSet;
  unit: 'course' | 'respondent' | 'person';
  store: CourseStore;
}

const DURATION = ['duration', 'varighed'];
type ByField = Extract<SubgroupRef, { kind: 'field' }>['field'];
/**
 * --by names of fields: every field with the registry's `by` role by its key and its Danish and
 * English labels, plus short names an analyst types (jobcenter, køn, alder).
 */
const BY_ALIASES: Record<string, ByField> = {
  ...Object.fromEntries(
    fieldsWithRole('by').flatMap((f) => {
      const label = fieldDef(f)!.label;
      return [f, label.da, label.en].map((name) => [matchKey(name), f]);
    }),
  ),
  jobcenter: 'unit',
  enhed: 'unit',
  program: 'programme',
  koen: 'gender',
  ageband: 'ageBand',
  age: 'ageBand',
  alder: 'ageBand',
  aldersgruppe: 'ageBand',
};

/** Whether --by NAME means a field by one of its short names (jobcenter, ageBand ...), not a column. */
export const isByAlias = (v: string): boolean => matchKey(v) in BY_ALIASES;

/** --by's levels: "unit,gender" or ["unit", "gender"] → the names (parseBy refuses three). */
export const byLevels = (by: string | string[] | undefined): string[] =>
  by === undefined ? [] : Array.isArray(by) ? by : parseBy(by);

/** Columns the comparison names on the command line that are not canonical fields: kept by header when the file is read. */
export function keptColumns(r: CompareRequest): string[] {
  const parsed = (r.outcome ?? []).map((s) => parseOutcome(s));
  return [
    ...parsed.map((p) => p.name),
    ...(r.numeric ?? []).filter((n) => !DURATION.includes(matchKey(n))),
    ...(r.group ? [r.group] : []),
    ...byLevels(r.by).filter((b) => !(matchKey(b) in BY_ALIASES)),
    ...(r.age ? [r.age] : []),
    // An age band named by a column's header (Alder) reads the ages from that column.
    ...listArg(r.balanceFields).filter(
      (f) => !(matchKey(f) in BY_ALIASES) || BY_ALIASES[matchKey(f)] === 'ageBand',
    ),
    ...(r.likert ? [r.likert] : []),
  ];
}

const listArg = (v: string | undefined): string[] =>
  v === undefined
    ? []
    : v
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '');

/** The options of the comparison asked for; `source` names the file in messages. */
export function resolveCompare(
  r: CompareRequest,
  data: CompareData,
  source: string,
  likertDefaults: LikertDefaults = {},
): CompareOptions {
  const { headers, mapping, vocab, unit } = data;
  if ((r.treatment === undefined) !== (r.control === undefined))
    throw usageError('--treatment and --control go together: name the values of both groups');
  const outcomes = resolveOutcomes(r, data);
  const needsDates =
    r.weekly !== undefined ||
    outcomes.some(
      (o) => (o.kind === 'binary' && o.within) || (o.kind === 'numeric' && o.ref.kind === 'duration'),
    );
  if (unit === 'respondent' && needsDates)
    throw usageError(
      `${source} has no start or end date column, so it is read as one row per respondent; "within", duration and --weekly need course dates`,
    );
  if (unit === 'person' && needsDates)
    throw usageError(
      `${source} is a person file (a person column and a randomisation date, no course dates); "within", duration and --weekly need course dates: give the outcomes as columns of the file (e.g. --outcome "Job12=Ja")`,
    );
  const asked = unitArg(r.unit, unit, source);
  const group = groupRule(r, headers, mapping);
  const by = r.by === undefined ? undefined : byLevels(r.by).map((b) => subgroupRef(b, headers, mapping));
  if (r.age !== undefined && !headers.some((h) => matchKey(h) === matchKey(r.age!)))
    throw usageError(`--age ${r.age}: no such column`);
  const weeklyExit =
    r.weekly === undefined ? [] : exitGroupKeys(r.weeklyExit.split(','), vocab, '--weekly-exit');
  return {
    group,
    declaredRandomised: Boolean(r.randomised),
    outcomes,
    vocab,
    unit: unit === 'course' ? (asked ?? 'auto') : unit,
    ...(unit === 'person' ? { personFile: true } : {}),
    source,
    asOf: unit === 'course' ? asOfOf(r.asOf, data.store) : null,
    exact: Boolean(r.exact),
    correct: r.correct,
    ...(by ? { by } : {}),
    ...ageColumnOf(r, headers),
    balance: Boolean(r.balance) || r.balanceFields !== undefined,
    ...(r.balanceFields !== undefined
      ? { balanceFields: balanceRefs(r.balanceFields, headers, mapping) }
      : {}),
    ...(r.weekly !== undefined ? { weekly: { weeks: r.weekly, exitGroups: weeklyExit } } : {}),
    ...(r.likert !== undefined ? { likert: likertSpec(r, data, likertDefaults) } : {}),
  };
}

/** --likert: the column, and the scale from --likert-order, else the config, else the default. */
function likertSpec(r: CompareRequest, data: CompareData, d: LikertDefaults): LikertSpec {
  const ref = resolveName(r.likert!, data.headers, data.mapping);
  if (typeof ref === 'string') throw usageError(`--likert ${r.likert}: ${ref}`);
  const order =
    r.likertOrder !== undefined
      ? r.likertOrder
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v !== '')
      : (d.order ?? [...DEFAULT_LIKERT_ORDER]);
  const where = r.likertOrder !== undefined ? '--likert-order' : "the config's likert.order";
  if (new Set(order.map(answerKey)).size !== order.length || order.length < 2)
    throw usageError(
      `${where}: give at least two different answer categories, highest first (e.g. "${DEFAULT_LIKERT_ORDER.join(',')}")`,
    );
  const top = r.likertTop ?? d.top ?? DEFAULT_LIKERT_TOP;
  if (!Number.isInteger(top) || top < 1 || top >= order.length)
    throw usageError(
      `--likert-top ${top}: the share counts the first 1–${order.length - 1} categories of the scale (${order.join(', ')})`,
    );
  const dontKnow = d.dontKnow ?? [...DEFAULT_DONT_KNOW];
  const clash = dontKnow.find((v) => order.some((c) => answerKey(c) === answerKey(v)));
  if (clash !== undefined)
    throw usageError(
      `${where}: "${clash}" is kept apart from the scale ("Ved ikke"); leave it out of the order`,
    );
  return { text: r.likert!, ref, order, dontKnow, top };
}

/** The outcomes of --outcome and --numeric, with --within applied to the exit outcomes. */
function resolveOutcomes(r: CompareRequest, data: CompareData): OutcomeSpec[] {
  const within = r.within === undefined ? undefined : horizonArg(r.within);
  const parsed = (r.outcome ?? []).map((s) => parseOutcome(s));
  const numeric = r.numeric ?? [];
  const ownFile = r.panel !== undefined || r.activities !== undefined;
  if (
    parsed.length === 0 &&
    numeric.length === 0 &&
    !r.balance &&
    r.balanceFields === undefined &&
    r.weekly === undefined &&
    r.likert === undefined &&
    r.population === undefined &&
    !ownFile
  )
    throw usageError(
      'nothing to compare: give --outcome (e.g. "exitGroup=job"), --numeric COLUMN, --likert COLUMN, --population FILE, --balance, --weekly N, --panel FILE or --activities FILE',
    );
  const { headers, mapping, vocab } = data;
  const outcomes: OutcomeSpec[] = [];
  for (const p of parsed) {
    const ref = resolveName(p.name, headers, mapping);
    if (typeof ref === 'string') throw usageError(`--outcome "${p.text}": ${ref}`);
    const exit = ref.kind === 'field' && (ref.field === 'exitGroup' || ref.field === 'exitReason');
    // --within applies to the exit outcomes that do not give their own span.
    if (exit && !p.within && within) p.within = within;
    if (p.within && !exit)
      throw usageError(
        `--outcome "${p.text}": "within" applies to exit outcomes (exitGroup, exitReason); ${p.name} has no date`,
      );
    if (ref.kind === 'field' && ref.field === 'exitGroup')
      exitGroupKeys(p.values, vocab, `--outcome "${p.text}"`);
    outcomes.push({
      kind: 'binary',
      text: p.text,
      ref,
      values: p.values,
      ...(p.within ? { within: p.within } : {}),
    });
  }
  for (const n of numeric) {
    if (DURATION.includes(matchKey(n))) {
      outcomes.push({ kind: 'numeric', text: n, ref: { kind: 'duration' } });
      continue;
    }
    const ref = resolveName(n, headers, mapping);
    if (typeof ref === 'string') throw usageError(`--numeric ${n}: ${ref}`);
    if (ref.kind !== 'column') throw usageError(`--numeric ${n}: ${n} is not a numeric column`);
    outcomes.push({ kind: 'numeric', text: n, ref });
  }
  if (within && !outcomes.some((o) => o.kind === 'binary' && o.within === within))
    throw usageError(
      '--within applies to exit outcomes (--outcome exitGroup=job or exitReason=...); there is none',
    );
  return outcomes;
}

/** --unit: person or course; a survey has respondents, a person file persons. */
function unitArg(
  v: string | undefined,
  unit: CompareData['unit'],
  source: string,
): 'person' | 'course' | undefined {
  if (v === undefined) return undefined;
  const k = matchKey(v);
  const asked = ['person', 'persons', 'personer'].includes(k)
    ? 'person'
    : ['course', 'courses', 'forlob', 'forløb'].map(matchKey).includes(k)
      ? 'course'
      : null;
  if (asked === null) throw usageError(`--unit ${v}: use person or course`);
  if (unit === 'respondent')
    throw usageError(
      `--unit ${v}: ${source} has no course dates and no randomisation date, so it is read as one row per respondent; leave out --unit`,
    );
  if (unit === 'person' && asked === 'course')
    throw usageError(
      `--unit course: ${source} is a person file (one row per randomised person) and has no courses`,
    );
  return asked;
}

function horizonArg(v: string): Horizon {
  const h = parseHorizon(v);
  if (!h) throw usageError(`--within ${v}: use a span such as 12m (months), 26w (weeks) or 90d (days)`);
  return h;
}

/** Exit group keys for the given names (key, Danish or English label); a usage error for an unknown one. */
export function exitGroupKeys(values: string[], vocab: VocabSet, flag: string): string[] {
  return values.map((v) => {
    const k = matchKey(v);
    const g = vocab.exitGroups.find((x) => [x.key, x.da, x.en].some((s) => matchKey(s) === k));
    if (!g)
      throw usageError(
        `${flag}: "${v}" is not an exit group (${vocab.exitGroups.map((x) => x.key).join(', ')})`,
      );
    return g.key;
  });
}

/** The extract date: --as-of, else the newest date in the data; never before a date in the data. */
export function asOfOf(text: string | undefined, store: CourseStore): Day | null {
  const newest = store.newestDay();
  let asOf = newest;
  if (text !== undefined) {
    const d = parseDate(text);
    if (!d.ok) throw usageError(`--as-of ${text}: ${d.reason.en}`);
    asOf = d.value;
  }
  if (newest !== null && asOf !== null && asOf < newest)
    throw usageError(`--as-of ${text}: the data has dates after it; give the date the data was extracted`);
  return asOf;
}

function groupRule(r: CompareRequest, headers: string[], mapping: ColumnMapping): GroupRule {
  const list = (v: string | undefined) =>
    v === undefined
      ? undefined
      : v
          .split(',')
          .map((x) => x.trim())
          .filter((x) => x !== '');
  const explicit = {
    ...(r.treatment ? { treatment: list(r.treatment) } : {}),
    ...(r.control ? { control: list(r.control) } : {}),
  };
  const mapped = mapping.fields.group;
  if (r.group === undefined) {
    if (mapped === undefined)
      throw usageError(
        'no group column found (Gruppe, Forsøgsgruppe ...); name it with --group COLUMN, and its values with --treatment and --control if they are not indsats/deltager/forsøg and kontrol',
      );
    return { source: { kind: 'field', header: headers[mapped]! }, ...explicit };
  }
  const k = matchKey(r.group);
  if (mapped !== undefined && (k === 'group' || k === matchKey(headers[mapped]!)))
    return { source: { kind: 'field', header: headers[mapped]! }, ...explicit };
  const header = headers.find((h) => matchKey(h) === k);
  if (header === undefined)
    throw usageError(
      `--group ${r.group}: no such column (columns: ${headers
        .filter((h) => h !== '')
        .map((h) => `"${h}"`)
        .join(', ')})`,
    );
  return { source: { kind: 'column', name: r.group }, ...explicit };
}

/**
 * The column with the ages: --age, else a --balance-fields name that means the age band and is
 * also a column's header (--balance-fields Alder on a file with an Alder column).
 */
function ageColumnOf(r: CompareRequest, headers: string[]): { ageColumn?: string } {
  if (r.age) return { ageColumn: r.age };
  const named = listArg(r.balanceFields).find(
    (f) => BY_ALIASES[matchKey(f)] === 'ageBand' && headers.some((h) => matchKey(h) === matchKey(f)),
  );
  return named ? { ageColumn: named } : {};
}

/** --balance-fields: each name a field (its key, label or short name: jobcenter, køn, alder) or a column. */
function balanceRefs(v: string, headers: string[], mapping: ColumnMapping): SubgroupRef[] {
  const names = listArg(v);
  if (names.length === 0)
    throw usageError(
      '--balance-fields: name the fields or columns, comma-separated (e.g. Jobcenter,Køn,ageBand)',
    );
  return names.map((name): SubgroupRef => {
    const alias = BY_ALIASES[matchKey(name)];
    if (alias === 'group')
      throw usageError(
        `--balance-fields ${name}: "${name}" is the group column; it cannot be a baseline field`,
      );
    if (alias) return { kind: 'field', field: alias };
    const ref = resolveName(name, headers, mapping);
    if (typeof ref === 'string')
      throw usageError(`--balance-fields ${name}: ${ref.replace('an outcome', 'a baseline field')}`);
    return ref;
  });
}

export function subgroupRef(v: string, headers: string[], mapping: ColumnMapping): SubgroupRef {
  const alias = BY_ALIASES[matchKey(v)];
  if (alias) return { kind: 'field', field: alias };
  const ref = resolveName(v, headers, mapping);
  if (typeof ref === 'string') throw usageError(`--by ${v}: ${ref}`);
  if (ref.kind === 'column') return ref;
  const f = ref.field;
  if ((fieldsWithRole('by') as string[]).includes(f)) return { kind: 'field', field: f as TextField };
  throw usageError(`--by ${v}: use ${fieldsWithRole('by').join(', ')}, ageBand or a column`);
}
