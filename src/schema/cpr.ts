/**
 * CPR numbers: parse, derive birth date and gender, and replace by a keyed pseudonym.
 * A raw CPR number never leaves src/schema/: callers get the derived fields and the pseudonym.
 */
import { randomBytes } from 'node:crypto';
import { hmacSha256 } from '../base/hmac.js';
import { dayOf, type Day } from '../base/dates.js';
import { both, type Bilingual } from '../base/i18n.js';
import { centuryOf, cprBirthOfKey, CPR_VALUE } from '../base/redact.js';

export interface CprFacts {
  birthDate: Day;
  gender: 'M' | 'K';
}

export type CprResult = { ok: true; digits: string; facts: CprFacts } | { ok: false; reason: Bilingual };

/** parseCpr's reason for a value not in a shape of a CPR number. */
const CPR_NOT_IN_SHAPE = both(
  'er ikke et CPR-nummer (forventet DDMMÅÅ-SSSS)',
  'is not a CPR number (expected DDMMYY-SSSS)',
);

/** parseCpr's reason for ten digits whose first six are not a date. */
export const CPR_NOT_A_DATE = both(
  'er ikke et CPR-nummer (de første seks cifre er ikke en dato)',
  'is not a CPR number (its first six digits are not a date)',
);

/**
 * Parses DDMMYY-SSSS, DDMMYYSSSS, the other separators the redaction knows (a space, a dot, an
 * en dash ...: CPR_VALUE), or a 9-digit number that lost its leading zero in Excel.
 * The modulus-11 check is deliberately not applied: numbers issued since 2007 need not pass it.
 * Reasons never contain the number itself.
 */
export function parseCpr(value: string | number): CprResult {
  let s = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : '') : value.trim();
  s = s.replace(CPR_VALUE, '$1$2');
  if (/^\d{9}$/.test(s)) s = '0' + s;
  if (!/^\d{10}$/.test(s)) return { ok: false, reason: CPR_NOT_IN_SHAPE };
  const dd = Number(s.slice(0, 2));
  const mm = Number(s.slice(2, 4));
  const yy = Number(s.slice(4, 6));
  const year = centuryOf(yy, Number(s[6])) + yy;
  const birthDate = dayOf(year, mm, dd);
  if (birthDate === null) return { ok: false, reason: CPR_NOT_A_DATE };
  return { ok: true, digits: s, facts: { birthDate, gender: Number(s[9]) % 2 === 1 ? 'M' : 'K' } };
}

/**
 * The facts parseCpr derives, from a CPR number given as its ten digits in one number
 * (DDMMYYSSSS, as read from a CSV field's bytes), without making strings; null when parseCpr
 * would say "its first six digits are not a date".
 */
export function cprFactsOfKey(key: number): CprFacts | null {
  const birthDate = cprBirthOfKey(key);
  return birthDate !== birthDate ? null : { birthDate, gender: key % 2 === 1 ? 'M' : 'K' };
}

export { centuryOf, cprBirthOfKey, redactCpr } from '../base/redact.js';

export interface Pseudonymiser {
  (id: string): string;
  /** True when the key came from JOBFX_PSEUDONYM_KEY or the config, so pseudonyms are stable across runs. */
  readonly stable: boolean;
}

/**
 * HMAC-SHA-256 of the normalised identifier under a secret key, shortened to 64 bits (collisions
 * are negligible for a municipality's citizens) and written as 'P' + 16 consonants, a letter per
 * 4 bits (PSEUDONYM_LETTERS). Letters, not hex digits: a hex pseudonym holds ten decimal digits
 * in a row often enough (about 1 in 100) to look like a CPR number to a reader or a scanner. Without a configured key a
 * random per-run key is used, so the same person gets a different pseudonym in every run.
 *
 * The course store makes a pseudonym only when a row is printed (it keeps the CPR key until
 * then); a measurement file names every person it reads, tens of thousands in a large file, so
 * the HMAC is base/hmac.ts's (the same bytes as node:crypto's, without its setup per call).
 */
export function makePseudonymiser(key: string | undefined): Pseudonymiser {
  const secret = key && key.length > 0 ? key : randomBytes(32).toString('hex');
  const mac = hmacSha256(secret);
  return Object.assign((id: string) => pseudonymOfDigest(mac(id)), {
    stable: Boolean(key && key.length > 0),
  });
}

/** The 16 letters of a pseudonym, one per 4 bits: consonants, so that no word and no number forms. */
export const PSEUDONYM_LETTERS = 'bcdfghjklmnpqrst';

/** 'P' + the first 8 bytes of an HMAC digest, a letter per 4 bits. */
function pseudonymOfDigest(digest: Uint8Array): string {
  // Character codes, then one flat string (not a chain of 17 concatenations to flatten later).
  const codes = PSEUDONYM_CODES;
  for (let i = 0; i < 8; i++) {
    codes[1 + 2 * i] = LETTER_CODES[digest[i]! >> 4]!;
    codes[2 + 2 * i] = LETTER_CODES[digest[i]! & 15]!;
  }
  return String.fromCharCode(...codes);
}
const LETTER_CODES = Array.from(PSEUDONYM_LETTERS, (c) => c.charCodeAt(0));
const PSEUDONYM_CODES: number[] = [0x50, ...new Array<number>(16).fill(0)];

/**
 * The key of a CPR number: its ten digits DDMMYYSSSS in one number, so that every spelling of a
 * number (dash, space, none, 9 digits) is one key; parseCpr's reason when the value is not in a
 * shape it reads. A key whose first six digits are no date is still a key: cprBirthOfKey says so.
 */
export function cprKeyOf(value: string | number): number | { reason: Bilingual } {
  const key = typeof value === 'number' ? cprKeyOfNumber(value) : cprKeyOfText(value);
  if (key === key) return key;
  // Another spelling parseCpr reads (spaces around it).
  const cpr = parseCpr(value);
  return cpr.ok ? Number(cpr.digits) : { reason: cpr.reason };
}

/** A CPR number's ten digits as a number, for text parseCpr reads as DDMMYYSSSS, DDMMYY-SSSS, DDMMYY SSSS or 9 digits; else NaN. */
export function cprKeyOfText(s: string): number {
  const n = s.length;
  if (n !== 9 && n !== 10 && n !== 11) return NaN;
  let key = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (n === 11 && i === 6) {
      if (c !== 0x2d && c !== 0x20) return NaN;
      continue;
    }
    if (c < 0x30 || c > 0x39) return NaN;
    key = key * 10 + (c - 0x30);
  }
  return key;
}

/** The same for a number cell: parseCpr reads a whole number of 9 or 10 digits. */
export const cprKeyOfNumber = (v: number): number => (Number.isInteger(v) && v >= 1e8 && v < 1e10 ? v : NaN);

/**
 * The same from UTF-8 bytes [s, e) with nothing around the number (a field of the fast CSV
 * path): DDMMYYSSSS, DDMMYY-SSSS, DDMMYY SSSS, or 9 digits. NaN for anything else (the caller
 * decodes the field and asks cprKeyOf).
 */
export function cprKeyOfBytes(buf: Uint8Array, s: number, e: number): number {
  const n = e - s;
  let key = 0;
  if (n === 10 || n === 9) {
    for (let i = s; i < e; i++) {
      const d = buf[i]! - 0x30;
      if (d < 0 || d > 9) return NaN;
      key = key * 10 + d;
    }
    return key;
  }
  if (n === 11) {
    const sep = buf[s + 6];
    if (sep !== 0x2d && sep !== 0x20) return NaN;
    for (let i = s; i < e; i++) {
      if (i === s + 6) continue;
      const d = buf[i]! - 0x30;
      if (d < 0 || d > 9) return NaN;
      key = key * 10 + d;
    }
    return key;
  }
  return NaN;
}

/**
 * A CPR key in 29 bits, ((DD × 13 + MM) × 100 + YY) × 10,000 + SSSS, so that a table of persons
 * holds int32 keys; -1 when DD or MM cannot be a day or month (not a CPR number).
 */
export function packCpr(key: number): number {
  const dd = Math.floor(key / 1e8);
  const mm = Math.floor(key / 1e6) % 100;
  if (dd < 1 || dd > 31 || mm < 1 || mm > 12) return -1;
  return ((dd * 13 + mm) * 100 + (Math.floor(key / 1e4) % 100)) * 10000 + (key % 10000);
}
