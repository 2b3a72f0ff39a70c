/**
 * Reading the contract's optional day, number and yes/no fields from the course store, where
 * they are kept as text (model/field-registry.ts, FieldKind). Each distinct text is read once;
 * a text that is not a date, a number or yes/no is reported with the course's row, column and
 * value, and the course is kept (it is left out of that one figure only).
 */
import { both, type Bilingual } from '../base/i18n.js';
import { matchKey } from '../schema/normalize-text.js';
import type { CourseStore, ValueField } from '../schema/course-store.js';
import { parseDate, parseNumber } from '../schema/values.js';

/** A value that could not be used, with where it is: for a table note and stderr. */
export interface BadValue {
  ref: string;
  /** The row number, to list problems in file order (not the order courses were met). */
  row: number;
  field: ValueField;
  value: string;
  /** What is wrong and what jobfx did, in both languages (said after the value). */
  message: Bilingual;
}

interface Column<T> {
  /** The value of course i: null when empty, NaN (for a day or number) when it cannot be read. */
  read(i: number, bad: BadValue[]): T | null;
  /** A problem of course i's value that is readable but breaks a rule. */
  broken(i: number, message: Bilingual): BadValue;
}

function column<T>(
  store: CourseStore,
  field: ValueField,
  parse: (text: string) => T | null,
  invalid: T | null,
  what: Bilingual,
): Column<T> {
  const ids = store.ids[field];
  const names = store.values[field].values;
  const cache = new Map<number, T | null>();
  const broken = (i: number, message: Bilingual): BadValue => ({
    ref: store.ref(i),
    row: store.row[i]!,
    field,
    value: names[ids[i]!] ?? '',
    message,
  });
  return {
    read(i, bad) {
      const id = ids[i]!;
      if (id === 0) return null;
      let v = cache.get(id);
      if (v === undefined) cache.set(id, (v = parse(names[id]!)));
      if (v === null) {
        bad.push(
          broken(
            i,
            both(
              `${what.da}; forløbet er med, men ikke i dette tal`,
              `${what.en}; the course is kept and left out of this figure`,
            ),
          ),
        );
        return invalid;
      }
      return v;
    },
    broken,
  };
}

/** A day field (planned end, visitation): day(i) is the day, null when empty, NaN when not a date. */
export function dayColumn(store: CourseStore, field: ValueField) {
  const c = column<number>(
    store,
    field,
    (t) => {
      const p = parseDate(t);
      return p.ok ? p.value : null;
    },
    NaN,
    both('er ikke en dato (dd-mm-åååå)', 'is not a date (dd-mm-yyyy)'),
  );
  return { day: c.read, broken: c.broken };
}

/** A number field (hours per week): number(i) is the number, null when empty, NaN when not a number. */
export function numberColumn(store: CourseStore, field: ValueField) {
  const c = column<number>(
    store,
    field,
    (t) => {
      const p = parseNumber(t);
      return p.ok ? p.value : null;
    },
    NaN,
    both('er ikke et tal', 'is not a number'),
  );
  return { number: c.read, broken: c.broken };
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'x', '1', 'sand', 'true', 'naaet', 'opnaaet']);
const NO = new Set(['nej', 'n', 'no', '0', 'falsk', 'false', 'ikkenaaet', 'ikkeopnaaet']);

/** A yes/no field (goal reached): true, false, or null when empty or neither. */
export function yesNoColumn(store: CourseStore, field: ValueField) {
  const c = column<boolean>(
    store,
    field,
    (t) => {
      const k = matchKey(t);
      return YES.has(k) ? true : NO.has(k) ? false : null;
    },
    null,
    both('er hverken Ja eller Nej', 'is neither Ja nor Nej'),
  );
  return { yesNo: c.read };
}
