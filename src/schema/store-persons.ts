/**
 * The persons of a course store, by number: the CPR key a pseudonym is made from when first asked
 * for, what the CPR number tells (birth day, gender), and the one person of anonymised courses.
 */
import type { Day } from '../base/dates.js';
import type { Pseudonymiser } from './cpr.js';
import { NONE, resized } from './store-columns.js';

/** The person id of an anonymised course as a record shows it (Course.personId). */
export const ANONYMOUS = '(anonymiseret)';

/** Gender by code (see genderCode). */
export const GENDERS = [null, 'M', 'K'] as const;

/** A gender as the store keeps it: 0 unknown, 1 M, 2 K. */
export const genderCode = (g: string | null): number => (g === 'M' ? 1 : g === 'K' ? 2 : 0);

/**
 * The persons of a store by number. A CPR person's pseudonym is made from the CPR key when it is
 * first asked for: most runs print none, and the keyed hash costs about 1 µs a person.
 */
export class Persons {
  count = 0;
  /**
   * Per person: the CPR key (ten digits as a number), or NaN when the pseudonym was given.
   * Private (#) so that no JSON, log or test snapshot of a store can show a CPR number.
   */
  #keys = new Float64Array(1024);
  /** Per person: what the CPR number tells, the birth day (NONE when unknown) and gender code. */
  birth = new Int32Array(1024);
  gender = new Uint8Array(1024);
  private readonly names = new Map<number, string>();
  private readonly byName = new Map<string, number>();
  /**
   * The one person number of every course whose person id is anonymised (-1: none): those courses
   * count among courses and in no person figure (docs/definitions.md#records).
   */
  anonymous = -1;

  constructor(private readonly pseudonymise?: Pseudonymiser) {}

  /** The person number of the anonymised courses, made when first needed. */
  anonymousPerson(): number {
    if (this.anonymous < 0) this.anonymous = this.ofName(ANONYMOUS);
    return this.anonymous;
  }

  /** A new person known by a CPR key, born on `birth`, of gender code `gender`. */
  addKey(key: number, birth: Day, gender: number): number {
    const p = this.next();
    this.#keys[p] = key;
    this.birth[p] = birth;
    this.gender[p] = gender;
    return p;
  }

  /** The person with this pseudonym (a citizen id's), new when not seen. */
  ofName(name: string): number {
    let p = this.byName.get(name);
    if (p === undefined) {
      p = this.next();
      this.#keys[p] = NaN;
      this.birth[p] = NONE;
      this.names.set(p, name);
      this.byName.set(name, p);
    }
    return p;
  }

  /** The pseudonym of person p. */
  name(p: number): string {
    let name = this.names.get(p);
    if (name === undefined) {
      const key = this.#keys[p]!;
      const ps = this.pseudonymise;
      if (ps === undefined || key !== key) throw new Error(`person ${p} has no pseudonym`);
      name = ps(String(key).padStart(10, '0'));
      this.names.set(p, name);
    }
    return name;
  }

  private next(): number {
    if (this.count === this.#keys.length) {
      const n = this.count * 2;
      this.#keys = resized(this.#keys, n);
      this.birth = resized(this.birth, n);
      this.gender = resized(this.gender, n);
    }
    return this.count++;
  }
}
