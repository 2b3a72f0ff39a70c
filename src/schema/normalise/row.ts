/**
 * The general path: one RawRow (xlsx, quoted CSV, and every row the fast path leaves) → a course
 * in the store, or a rejection naming each problem's column, or a skip. The raw CPR number is
 * used to find the person (birth date, gender) and is then forgotten.
 */
import type { Day } from '../../base/dates.js';
import { both } from '../../base/i18n.js';
import { isEmptyCell, type RawRow, type RawValue } from '../../io/raw.js';
import { CATEGORY_FIELDS } from '../../model/fields.js';
import { genderCode, NONE } from '../course-store.js';
import { CPR_NOT_A_DATE, cprKeyOf } from '../cpr.js';
import { isAnonymisedId, isMissing, isNoEndDate, parseDate, parseGender, textOf } from '../values.js';
import type { Vocabulary } from '../vocab.js';
import { at, problem, safeCells, text, TOTALS_LABEL, type Reason } from './ledger.js';
import type { Normaliser } from './normaliser.js';
import { courseRules, ruleReasons } from './rules.js';
import type { CategoricalField } from './slots.js';

export function generalRow(n: Normaliser, row: RawRow): void {
  const cells = row.cells;
  const col = n.col;
  if (skipped(n, row)) return;
  const reasons: Reason[] = [];
  const known = n.persons.count;
  const person = personOf(n, reasons, at(cells, col.personId));
  let gender = n.cprKind && person >= 0 ? n.persons.gender[person]! : 0;
  if (gender === 0 && col.gender !== undefined) gender = genderCode(parseGender(at(cells, col.gender)));

  // A row with a visitation date and neither a start nor an end is a citizen visited who has
  // not started (yet): accepted apart from the courses (docs/definitions.md#visitation-funnel).
  const visitedOnly =
    col.visitation !== undefined &&
    isMissing(at(cells, col.start)) &&
    isMissing(at(cells, col.end)) &&
    !isMissing(at(cells, col.visitation));
  const start = dateField(n, reasons, cells, 'start', !visitedOnly);
  const end = dateField(n, reasons, cells, 'end', false);

  let exitReason: string | null = null;
  let exitGroup: string | null = null;
  const exitRaw = at(cells, col.exitReason);
  if (end !== null || !isMissing(exitRaw)) {
    exitReason = categorical(n, 'exitReason', exitRaw, n.vocab.exitReason);
    if (exitReason === null && end !== null) {
      exitReason = n.uoplyst;
      n.missingExitReason++;
    }
    exitGroup = exitReason === null ? null : (n.vocab.groupOf(exitReason) ?? null);
  }
  const fu = n.vocab.followUp;
  const f1 = categorical(n, 'followUp1', at(cells, col.followUp1), fu);
  const f3 = categorical(n, 'followUp3', at(cells, col.followUp3), fu);
  const f6 = categorical(n, 'followUp6', at(cells, col.followUp6), fu);
  const f12 = categorical(n, 'followUp12', at(cells, col.followUp12), fu);
  const extra = n.extraOf((i) => cells[i] ?? null);

  if (visitedOnly && reasons.length === 0 && person >= 0) {
    const visited = parseDate(at(cells, col.visitation), n.info.date1904);
    if (visited.ok) {
      n.commitNotStarted(row, person, gender, (f) => categorical(n, f, at(cells, col[f]), n.vocabularyOf(f)));
      return;
    }
    problem(
      reasons,
      n.header('visitation'),
      at(cells, col.visitation),
      both(
        `${visited.reason.da}; en række uden startdato skal have en visitationsdato for at blive talt med`,
        `${visited.reason.en}; a row without a start date needs a visitation date to be kept`,
      ),
    );
  }
  if (reasons.length === 0 && start !== null && person >= 0) {
    const followUp = valueFollowUp(n, f1, f3, f6, f12);
    const categories = CATEGORY_FIELDS.map((f) => categorical(n, f, at(cells, col[f]), n.vocabularyOf(f)));
    const c = n.course;
    c.person = person;
    c.start = start;
    c.end = end ?? NONE;
    c.birth = n.cprKind ? n.persons.birth[person]! : NONE;
    const programme = () => (c.programme = n.store.values.programme.id(categories[n.programmeIndex]!));
    // An anonymised course repeats no other: its person is no one in particular.
    const anonymous = person === n.persons.anonymous;
    const broken = courseRules(c, n.accepted, person >= known || anonymous, n.found, programme);
    if (broken === 0) {
      if (anonymous) n.anonymised++;
      const exitId = n.store.exitId(exitReason, exitGroup);
      CATEGORY_FIELDS.forEach((f, k) => (n.catStore[k] = n.store.values[f].id(categories[k]!)));
      n.commit(row.rowNumber, row.ref, gender, exitId, followUp, extra);
      return;
    }
    for (const r of ruleReasons(broken, () => n.store.ref(n.found.duplicate)))
      if (r.field === null) reasons.push(r.message);
      else problem(reasons, n.col[r.field] !== undefined ? n.header(r.field) : r.field, undefined, r.message);
  }
  const personId = person >= 0 ? n.persons.name(person) : null;
  n.rejected.push({
    ref: row.ref,
    rowNumber: row.rowNumber,
    reasons,
    personId,
    cells: safeCells(row, n.headers, n.mapping, personId),
  });
}

/** A blank or totals row: skipped, with its reference. */
function skipped(n: Normaliser, row: RawRow): boolean {
  const cells = row.cells;
  let blank = true;
  for (const c of cells)
    if (!(isEmptyCell(c) || isMissing(c))) {
      blank = false;
      break;
    }
  if (blank) {
    n.skipped.push({ ref: row.ref, rowNumber: row.rowNumber, kind: 'blank' });
    return true;
  }
  let first: RawValue | undefined;
  for (const c of cells)
    if (!isEmptyCell(c)) {
      first = c;
      break;
    }
  if (typeof first === 'string' && TOTALS_LABEL.test(first.trim())) {
    n.skipped.push({ ref: row.ref, rowNumber: row.rowNumber, kind: 'totals' });
    return true;
  }
  return false;
}

/** The row's person (for a CPR number: what it tells, then it is forgotten); -1 when none is valid. */
function personOf(n: Normaliser, reasons: Reason[], pid: RawValue): number {
  // Empty or anonymised (after the 12-month retention): a course without a person.
  if (isAnonymisedId(pid)) return n.persons.anonymousPerson();
  if (!n.cprKind) return n.persons.ofName(n.pseudonymise(textOf(pid)));
  const key = cprKeyOf(typeof pid === 'number' ? pid : textOf(pid));
  const found = typeof key === 'number' ? n.cprPerson(key) : -2;
  if (found >= 0) return found;
  const reason = typeof key === 'number' ? CPR_NOT_A_DATE : key.reason;
  problem(
    reasons,
    n.header('personId'),
    undefined,
    both(
      `værdien ${reason.da}; ret den i fagsystemet`,
      `the value ${reason.en}; correct it in the case system`,
    ),
  );
  return -1;
}

const EMPTY_START = both(
  'er tom; hvert forløb skal have en startdato',
  'is empty; every course needs a start date',
);

function dateField(
  n: Normaliser,
  reasons: Reason[],
  cells: RawValue[],
  f: 'start' | 'end',
  required: boolean,
): Day | null {
  const v = at(cells, n.col[f]);
  if (isMissing(v)) {
    if (required) problem(reasons, n.header(f), undefined, EMPTY_START);
    return null;
  }
  // 31-12-9999 is the "no end" value of case systems: an ongoing course, counted for a note.
  if (f === 'end' && isNoEndDate(v, n.info.date1904)) {
    n.noEndDates++;
    return null;
  }
  const parsed = parseDate(v, n.info.date1904);
  if (parsed.ok) return parsed.value;
  problem(reasons, n.header(f), v, parsed.reason);
  return null;
}

/** A categorical cell's value (canonical, or as written when unknown, which is counted); null when missing. */
function categorical(
  n: Normaliser,
  field: CategoricalField,
  v: RawValue,
  vocabulary?: Vocabulary,
): string | null {
  if (typeof v === 'string') {
    // A column repeats a handful of texts: what each means is worked out once.
    let memo = n.texts.get(field);
    if (!memo) n.texts.set(field, (memo = new Map()));
    let hit = memo.get(v);
    if (hit === undefined) {
      hit = { value: null, unknown: null };
      if (!isMissing(v)) {
        const raw = text(v);
        const entry = vocabulary?.lookup(raw);
        hit.value = entry ? entry.value : raw;
        if (vocabulary && !entry) hit.unknown = raw;
      }
      if (memo.size < 10_000) memo.set(v, hit);
    }
    if (hit.unknown !== null) n.countUnknown(field, hit.unknown);
    return hit.value;
  }
  if (isMissing(v)) return null;
  const raw = text(v);
  if (!vocabulary) return raw;
  const entry = vocabulary.lookup(raw);
  if (entry) return entry.value;
  n.countUnknown(field, raw);
  return raw;
}

/** The store's follow-up id of four statuses, by the ids of their texts. */
function valueFollowUp(
  n: Normaliser,
  v1: string | null,
  v3: string | null,
  v6: string | null,
  v12: string | null,
): number {
  const id = (v: string | null): number => {
    let i = n.valueIds.get(v);
    if (i === undefined) n.valueIds.set(v, (i = n.valueIds.size));
    return i;
  };
  const a = id(v1);
  const b = id(v3);
  const c = id(v6);
  const d = id(v12);
  // Negative keys: the fast path's keys (ids of raw bytes) are positive.
  const key =
    a < 8191 && b < 8191 && c < 8191 && d < 8191
      ? -(((a * 8192 + b) * 8192 + c) * 8192 + d + 1)
      : `v${a},${b},${c},${d}`;
  return n.sharedFollowUp(key, v1, v3, v6, v12);
}
