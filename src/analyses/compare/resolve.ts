/**
 * What the command line asks for → the options of a comparison, checked against the file: the
 * outcomes resolved to fields or columns, the group column and the values of each arm, the
 * subgroup field, the exit groups of the weekly curve and the extract date. Every rule about
 * which combinations make sense lives here; the CLI only parses flags. Pure: throws a usage error
 * that says how to fix the command line.
 */
import type { Day } from '../../base/dates.js';
import { usageError } from '../../errors.js';
import type { ColumnMapping } from '../../schema/columns.js';
import type { CourseStore } from '../../schema/course-store.js';
import { fieldDef, fieldsWithRole, type TextField } from '../../model/fields.js';
import { matchKey } from '../../schema/normalize-text.js';
import { parseDate } from '../../schema/values.js';
import type { VocabSet } from '../../schema/vocab.js';
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
  by?: string;
  age?: string;
  balance?: boolean;
  weekly?: number;
  weeklyExit: string;
  asOf?: string;
  /** A file of its own that the command compares (--panel, --activities): enough to compare. */
  panel?: string;
  activities?: string;
}

/** What of the loaded file the resolution reads. */
export interface CompareData {
  headers: string[];
  mapping: ColumnMapping;
  vocab: VocabSet;
  unit: 'course' | 'respondent';
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

/** Columns the comparison names on the command line that are not canonical fields: kept by header when the file is read. */
export function keptColumns(r: CompareRequest): string[] {
  const parsed = (r.outcome ?? []).map((s) => parseOutcome(s));
  return [
    ...parsed.map((p) => p.name),
    ...(r.numeric ?? []).filter((n) => !DURATION.includes(matchKey(n))),
    ...(r.group ? [r.group] : []),
    ...(r.by && !(matchKey(r.by) in BY_ALIASES) ? [r.by] : []),
    ...(r.age ? [r.age] : []),
  ];
}

/** The options of the comparison asked for; `source` names the file in messages. */
export function resolveCompare(r: CompareRequest, data: CompareData, source: string): CompareOptions {
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
  const group = groupRule(r, headers, mapping);
  const by = r.by === undefined ? undefined : subgroupRef(r.by, headers, mapping);
  if (r.age !== undefined && !headers.some((h) => matchKey(h) === matchKey(r.age!)))
    throw usageError(`--age ${r.age}: no such column`);
  const weeklyExit =
    r.weekly === undefined ? [] : exitGroupKeys(r.weeklyExit.split(','), vocab, '--weekly-exit');
  return {
    group,
    declaredRandomised: Boolean(r.randomised),
    outcomes,
    vocab,
    unit,
    asOf: unit === 'course' ? asOfOf(r.asOf, data.store) : null,
    exact: Boolean(r.exact),
    correct: r.correct,
    ...(by ? { by } : {}),
    ...(r.age ? { ageColumn: r.age } : {}),
    balance: Boolean(r.balance),
    ...(r.weekly !== undefined ? { weekly: { weeks: r.weekly, exitGroups: weeklyExit } } : {}),
  };
}

/** The outcomes of --outcome and --numeric, with --within applied to the exit outcomes. */
function resolveOutcomes(r: CompareRequest, data: CompareData): OutcomeSpec[] {
  const within = r.within === undefined ? undefined : horizonArg(r.within);
  const parsed = (r.outcome ?? []).map((s) => parseOutcome(s));
  const numeric = r.numeric ?? [];
  const ownFile = r.panel !== undefined || r.activities !== undefined;
  if (parsed.length === 0 && numeric.length === 0 && !r.balance && r.weekly === undefined && !ownFile)
    throw usageError(
      'nothing to compare: give --outcome (e.g. "exitGroup=job"), --numeric COLUMN, --balance, --weekly N, --panel FILE or --activities FILE',
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
    if (!d.ok) throw usageError(`--as-of ${text}: ${d.reason}`);
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
