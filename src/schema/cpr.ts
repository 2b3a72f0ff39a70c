/**
 * CPR numbers: parse, derive birth date and gender, and replace by a keyed pseudonym.
 * A raw CPR number never leaves src/schema/: callers get the derived fields and the pseudonym.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { dayOf, daysInMonth, type Day } from '../base/dates.js';

export interface CprFacts {
  birthDate: Day;
  gender: 'M' | 'K';
}

export type CprResult = { ok: true; digits: string; facts: CprFacts } | { ok: false; reason: string };

/**
 * Parses DDMMYY-SSSS, DDMMYYSSSS, or a 9-digit number that lost its leading zero in Excel.
 * The modulus-11 check is deliberately not applied: numbers issued since 2007 need not pass it.
 * Reasons never contain the number itself.
 */
export function parseCpr(value: string | number): CprResult {
  let s = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : '') : value.trim();
  s = s.replace(/^(\d{6})[-\s]?(\d{4})$/, '$1$2');
  if (/^\d{9}$/.test(s)) s = '0' + s;
  if (!/^\d{10}$/.test(s)) return { ok: false, reason: 'is not a CPR number (expected DDMMYY-SSSS)' };
  const dd = Number(s.slice(0, 2));
  const mm = Number(s.slice(2, 4));
  const yy = Number(s.slice(4, 6));
  const year = centuryOf(yy, Number(s[6])) + yy;
  const birthDate = dayOf(year, mm, dd);
  if (birthDate === null)
    return { ok: false, reason: 'is not a CPR number (its first six digits are not a date)' };
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

/** The birth day of cprFactsOfKey alone (NaN for null): no object per person, for the fast path. */
export function cprBirthOfKey(key: number): Day {
  const dd = Math.floor(key / 1e8);
  const mm = Math.floor(key / 1e6) % 100;
  const yy = Math.floor(key / 1e4) % 100;
  const year = centuryOf(yy, Math.floor(key / 1e3) % 10) + yy;
  if (mm < 1 || mm > 12 || dd < 1 || dd > daysInMonth(year, mm)) return NaN;
  // Date.UTC of a valid date: a whole number of days.
  return Date.UTC(year, mm - 1, dd) / MS_PER_DAY;
}

const MS_PER_DAY = 86_400_000;

/** The century from the 7th digit and the 2-digit year (CPR-kontoret's table). */
export function centuryOf(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

/** Whether a string looks like a CPR number; used to keep them out of every output. */
export const CPR_SHAPE = /(?<!\d)[0-3]\d[01]\d{3}-?\d{4}(?!\d)/g;

/** Replaces anything CPR-shaped in free text; the last line of defence for messages and outputs. */
export function redactCpr(text: string): string {
  return text.replace(CPR_SHAPE, '[CPR]');
}

export interface Pseudonymiser {
  (id: string): string;
  /** The pseudonym of a CPR number given as its ten digits in one number: the same as of its text. */
  readonly ofCprKey?: (key: number) => string;
  /** True when the key came from JOBFX_PSEUDONYM_KEY or the config, so pseudonyms are stable across runs. */
  readonly stable: boolean;
}

/**
 * HMAC-SHA-256 of the normalised identifier under a secret key, shortened to 64 bits (collisions
 * are negligible for a municipality's citizens) and written as 'P' + 16 consonants, a letter per
 * 4 bits (PSEUDONYM_LETTERS). Letters, not hex digits: a hex pseudonym holds ten decimal digits
 * in a row often enough (about 1 in 100) to look like a CPR number to a reader or a scanner. Without a configured key a
 * random per-run key is used, so the same person gets a different pseudonym in every run.
 */
export function makePseudonymiser(key: string | undefined): Pseudonymiser {
  const secret = key && key.length > 0 ? key : randomBytes(32).toString('hex');
  // No cache: the schema layer computes each person's pseudonym once, and the HMAC below costs
  // about a microsecond.
  const fn = pseudonymiser(secret);
  return Object.assign((id: string) => fn(id), {
    stable: Boolean(key && key.length > 0),
    ofCprKey: fn.ofKey,
  });
}

/**
 * 'P' + the first 64 bits of HMAC-SHA-256(secret, id) in PSEUDONYM_LETTERS, as of `createHmac`'s digest. A CPR
 * number (any id of at most 55 ASCII characters) fits in one SHA-256 block: with the key's inner
 * and outer states computed once, that is two compressions in plain JS, several times faster
 * than a createHmac object per person, which counts with hundreds of thousands of persons.
 * Longer or non-ASCII ids go through node:crypto.
 */
export function pseudonymiser(secret: string): ((id: string) => string) & { ofKey: (key: number) => string } {
  let keyBytes: Uint8Array = Buffer.from(secret, 'utf8');
  if (keyBytes.length > 64) keyBytes = createHash('sha256').update(keyBytes).digest();
  const inner = padState(keyBytes, 0x36);
  const outer = padState(keyBytes, 0x5c);
  const state = new Int32Array(8);
  const block = new Int32Array(16);

  /** HMAC of the n bytes already in `block` (big-endian words): the pseudonym. */
  const finish = (n: number): string => {
    block[n >> 2]! |= 0x80 << (24 - 8 * (n & 3));
    block[15] = (64 + n) * 8;
    state.set(inner);
    compress(state, block);
    block.fill(0);
    for (let i = 0; i < 8; i++) block[i] = state[i]!;
    block[8] = 0x80000000 | 0;
    block[15] = (64 + 32) * 8;
    state.set(outer);
    compress(state, block);
    const a = state[0]!;
    const b = state[1]!;
    // One flat string (a concatenation would leave a rope of small strings per person).
    return String.fromCharCode(
      0x50,
      LETTER[(a >>> 28) & 15]!,
      LETTER[(a >>> 24) & 15]!,
      LETTER[(a >>> 20) & 15]!,
      LETTER[(a >>> 16) & 15]!,
      LETTER[(a >>> 12) & 15]!,
      LETTER[(a >>> 8) & 15]!,
      LETTER[(a >>> 4) & 15]!,
      LETTER[a & 15]!,
      LETTER[(b >>> 28) & 15]!,
      LETTER[(b >>> 24) & 15]!,
      LETTER[(b >>> 20) & 15]!,
      LETTER[(b >>> 16) & 15]!,
      LETTER[(b >>> 12) & 15]!,
      LETTER[(b >>> 8) & 15]!,
      LETTER[(b >>> 4) & 15]!,
      LETTER[b & 15]!,
    );
  };

  const ofId = (id: string): string => {
    const n = id.length;
    let ascii = n <= 55;
    for (let i = 0; ascii && i < n; i++) if (id.charCodeAt(i) >= 0x80) ascii = false;
    if (!ascii) return pseudonymOfDigest(createHmac('sha256', secret).update(id).digest());
    block.fill(0);
    for (let i = 0; i < n; i++) block[i >> 2]! |= id.charCodeAt(i) << (24 - 8 * (i & 3));
    return finish(n);
  };
  const ofKey = (key: number): string => {
    block.fill(0);
    for (let i = 9, k = key; i >= 0; i--, k = Math.floor(k / 10))
      block[i >> 2]! |= (0x30 + (k % 10)) << (24 - 8 * (i & 3));
    return finish(10);
  };
  return Object.assign(ofId, { ofKey });
}

/** The 16 letters of a pseudonym, one per 4 bits: consonants, so that no word and no number forms. */
export const PSEUDONYM_LETTERS = 'bcdfghjklmnpqrst';
/** The char codes of PSEUDONYM_LETTERS, for String.fromCharCode. */
const LETTER = Array.from(PSEUDONYM_LETTERS, (c) => c.charCodeAt(0));

/** 'P' + the first 8 bytes of an HMAC digest, a letter per 4 bits. */
function pseudonymOfDigest(digest: Uint8Array): string {
  let out = 'P';
  for (let i = 0; i < 8; i++)
    out += PSEUDONYM_LETTERS[digest[i]! >> 4]! + PSEUDONYM_LETTERS[digest[i]! & 15]!;
  return out;
}

const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
// prettier-ignore
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const W = new Int32Array(64);

/** The SHA-256 state after one block of key ⊕ pad. */
function padState(key: Uint8Array, pad: number): Int32Array {
  const state = Int32Array.from(IV);
  const block = new Int32Array(16);
  for (let i = 0; i < 64; i++) block[i >> 2]! |= ((key[i] ?? 0) ^ pad) << (24 - 8 * (i & 3));
  compress(state, block);
  return state;
}

/** One SHA-256 compression of a 16-word big-endian block into state (FIPS 180-4, 6.2.2). */
function compress(state: Int32Array, block: Int32Array): void {
  for (let i = 0; i < 16; i++) W[i] = block[i]!;
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}
