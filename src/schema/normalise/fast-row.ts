/**
 * The fast path: one row of the fast CSV reader, as bytes. A row of the common shape (a CPR
 * number or a citizen id, dd-mm-yyyy or ISO dates, values seen before) that passes the rules
 * (rules.ts) is committed straight from the bytes; any other row, including every row that is
 * skipped or rejected, is left to the general path (row.ts), which words what is wrong. Nothing
 * here has a side effect before the commit, so a row left to the general path is counted once.
 */
import type { ByteRow } from '../../io/raw.js';
import { CATEGORY_FIELDS } from '../../model/fields.js';
import { NONE } from '../course-store.js';
import { cprKeyOfBytes } from '../cpr.js';
import { dateOfBytes, isMissing, LAST_DATE, parseDate } from '../values.js';
import { NO_EXTRA, type Normaliser } from './normaliser.js';
import { courseRules } from './rules.js';
import type { CategoricalField } from './slots.js';

/** Commits the course of a row of the common shape; false leaves the row to the general path. */
export function fastRow(n: Normaliser, r: ByteRow): boolean {
  const { buf, start: S, end: E, count } = r;

  // Blank and totals rows, and rows led by a possible missing marker, are the general path's.
  let lead = -1;
  for (let i = 0; i < count && lead < 0; i++) lead = firstNonSpace(buf, S[i]!, E[i]!);
  if (lead < 0 || lead >= 0x80 || LEADS_TO_SLOW[lead] === 1) return false;

  // Person.
  const pc = n.pidCol;
  if (pc < 0 || pc >= count) return false;
  let person: number;
  // A person first met in this row has no course yet, so the row cannot repeat one.
  const known = n.persons.count;
  if (n.cprKind) {
    const key = cprKeyOfBytes(buf, S[pc]!, E[pc]!);
    if (key !== key) return false;
    person = n.cprPerson(key);
  } else person = n.idPerson(buf, S[pc]!, E[pc]!);
  if (person < 0) return false;
  const birth = n.cprKind ? n.persons.birth[person]! : NONE;
  let gender = n.cprKind ? n.persons.gender[person]! : 0;
  if (gender === 0 && n.gender !== null) gender = n.gender.storeIds[n.gender.id(r)]!;

  // Dates.
  const c = n.course;
  if (!fastDates(n, r)) return false;
  const end = c.end;

  // The rules; the values are read when the dates pass them (no side effect before).
  c.person = person;
  c.birth = birth;
  n.byteRow = r;
  n.valuesRead = false;
  const values = (n.fastValues ??= () => readValues(n));
  if (courseRules(c, n.accepted, person >= known, n.found, values) !== 0) return false;
  if (!n.valuesRead) values();

  const ids = n.fastIds;
  const exit = n.exit;
  const exitId = ids[0]!;
  let exitStore = exitId < 0 ? 0 : exit!.storeIds[exitId]!;
  let missingExit = false;
  if (exitStore === 0 && end !== NONE) {
    exitStore = n.uoplystExit;
    missingExit = true;
  }
  const extra =
    n.keep.length === 0
      ? NO_EXTRA
      : n.extraOf((i) => (i >= count || S[i] === E[i] ? null : buf.toString('utf8', S[i]!, E[i]!)));
  const followUp = n.fastFollowUp(ids[1]!, ids[2]!, ids[3]!, ids[4]!);

  // Commit, with the side effects of the general path in its order.
  countUnknowns(n, missingExit);
  n.commit(r.rowNumber, null, gender, exitStore, followUp, extra);
  return true;
}

/** The row's start and end days into n.course (end NONE: ongoing); false leaves the row to the general path. */
function fastDates(n: Normaliser, r: ByteRow): boolean {
  const { buf, start: S, end: E, count } = r;
  const sc = n.startCol;
  if (sc < 0 || sc >= count) return false;
  let start = dateOfBytes(buf, S[sc]!, E[sc]!);
  if (start !== start) {
    start = slowDate(n, r, sc);
    if (start !== start) return false;
  }
  let end = NONE;
  const ec = n.endCol;
  if (ec >= 0 && ec < count && S[ec]! < E[ec]!) {
    end = dateOfBytes(buf, S[ec]!, E[ec]!);
    if (end !== end) {
      const v = buf.toString('utf8', S[ec]!, E[ec]!);
      if (isMissing(v)) end = NONE;
      else {
        end = slowDate(n, r, ec);
        if (end !== end) return false;
      }
    }
  }
  // 31-12-9999 ("no end") is the general path's to read as ongoing and count.
  if (end === LAST_DATE) return false;
  // Days the store cannot hold (years beyond ±5 million) are the general path's to refuse.
  if ((start | 0) !== start || (end | 0) !== end || start === NONE) return false;
  n.course.start = start;
  n.course.end = end;
  return true;
}

/** Counts the row's values not in their vocabulary and a missing exit reason, as the general path does. */
function countUnknowns(n: Normaliser, missingExit: boolean): void {
  const ids = n.fastIds;
  const exit = n.exit;
  const exitId = ids[0]!;
  if (exitId >= 0 && exit!.unknown[exitId] !== null) n.countUnknown('exitReason', exit!.unknown[exitId]!);
  if (missingExit) n.missingExitReason++;
  for (let h = 0; h < 4; h++) {
    const id = ids[h + 1]!;
    const slot = n.followUp[h]!;
    if (id >= 0 && slot.unknown[id] !== null)
      n.countUnknown(slot.field as CategoricalField, slot.unknown[id]!);
  }
  const cats = n.categories;
  const catIds = n.catIds;
  for (let k = 0; k < cats.length; k++) {
    const id = catIds[k]!;
    if (id >= 0 && cats[k]!.unknown[id] !== null) n.countUnknown(CATEGORY_FIELDS[k]!, cats[k]!.unknown[id]!);
  }
}

/**
 * The ids of the values of the row at hand (n.byteRow) in their slots: exit reason and the four
 * follow-ups in n.fastIds (-1: no column), the category fields in n.catIds and their store ids
 * in n.catStore. Returns the programme's store id (for the duplicate rule).
 */
function readValues(n: Normaliser): number {
  const r = n.byteRow!;
  const ids = n.fastIds;
  ids[0] = n.exit === null ? -1 : n.exit.id(r);
  for (let h = 0; h < 4; h++) {
    const slot = n.followUp[h]!;
    ids[h + 1] = slot === null ? -1 : slot.id(r);
  }
  const cats = n.categories;
  const catIds = n.catIds;
  const catStore = n.catStore;
  for (let k = 0; k < cats.length; k++) {
    const id = cats[k] === null ? -1 : cats[k]!.id(r);
    catIds[k] = id;
    catStore[k] = id < 0 ? 0 : cats[k]!.storeIds[id]!;
  }
  n.valuesRead = true;
  return (n.course.programme = catStore[n.programmeIndex]!);
}

/** A date not of the common shape: parseDate of the text, NaN when missing or invalid. */
function slowDate(n: Normaliser, r: ByteRow, c: number): number {
  const v = r.buf.toString('utf8', r.start[c]!, r.end[c]!);
  if (isMissing(v)) return NaN;
  const parsed = parseDate(v, n.info.date1904);
  return parsed.ok ? parsed.value : NaN;
}

/**
 * First bytes after which the fast path leaves a row to the general one: a possible totals label
 * (I alt, Total, Sum, Samlet, Grand total) or missing marker ("-", ".") in the row's first
 * non-empty cell.
 */
const LEADS_TO_SLOW = new Uint8Array(128);
for (const ch of 'iItTsSgG-.') LEADS_TO_SLOW[ch.charCodeAt(0)] = 1;

/** The first byte of [s, e) that is not ASCII whitespace, or -1. */
function firstNonSpace(buf: Uint8Array, s: number, e: number): number {
  for (let i = s; i < e; i++) {
    const b = buf[i]!;
    if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return b;
  }
  return -1;
}
