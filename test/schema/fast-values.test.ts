/**
 * The schema layer's fast helpers against the functions they stand in for: dates from bytes
 * (parseDate), age without Date objects (ageOn), CPR facts from ten digits (parseCpr); and the
 * pseudonym, checked against node:crypto's HMAC digest and pinned to the values it always had.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ageOn, dayOf } from '../../src/base/dates.js';
import { cprFactsOfKey, makePseudonymiser, parseCpr } from '../../src/schema/cpr.js';
import { ageAt, civilDay, dateOfBytes, parseDate } from '../../src/schema/values.js';
import { rng } from '../../scripts/lib/testdata.mjs';

describe('dateOfBytes', () => {
  const check = (s: string) => {
    const b = Buffer.from(s, 'utf8');
    const fast = dateOfBytes(b, 0, b.length);
    const slow = parseDate(s);
    if (Number.isNaN(fast)) return false;
    expect(slow, s).toEqual({ ok: true, value: fast });
    return true;
  };

  it('gives parseDate’s day for every date it takes, and takes the export shapes', () => {
    const r = rng(7);
    let taken = 0;
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    for (let i = 0; i < 50_000; i++) {
      const y = Math.floor(r() * 10_000);
      const m = Math.floor(r() * 14);
      const d = Math.floor(r() * 33);
      const sep = '-./x'[Math.floor(r() * 4)]!;
      const s =
        r() < 0.5
          ? `${pad(d, 2)}${sep}${pad(m, 2)}${sep}${pad(y, 4)}`
          : `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
      if (check(s)) taken++;
    }
    expect(taken).toBeGreaterThan(15_000);
    // Any byte in any place: a digit position holding something else never passes.
    const alphabet = '0123456789-./ xT:';
    for (let i = 0; i < 50_000; i++) {
      const base = r() < 0.5 ? '15-01-2024' : '2024-01-15';
      const at = Math.floor(r() * 10);
      const s = base.slice(0, at) + alphabet[Math.floor(r() * alphabet.length)] + base.slice(at + 1);
      check(s);
    }
    for (const s of ['29-02-2024', '2024-02-29', '31.12.1999', '01/01/1900']) expect(check(s), s).toBe(true);
    for (const s of [
      '29-02-2023',
      '01/01/0100',
      '31-12-1899',
      '31-12-9999',
      '15-01-0050',
      '15-01-24',
      ' 15-01-2024',
      '15-1-2024',
      '2024/01/15',
      '15-01-20x4',
      '15-0x-2024',
      '2x24-01-15',
      '١٥-٠١-٢٠٢٤',
    ])
      expect(check(s), s).toBe(false);
  });

  it('civilDay = dayOf from year 100 on', () => {
    for (let y = 100; y < 10_000; y += 7)
      for (const [m, d] of [
        [1, 1],
        [2, 28],
        [3, 1],
        [12, 31],
      ] as const)
        expect(civilDay(y, m, d)).toBe(dayOf(y, m, d));
  });
});

describe('ageAt = ageOn', () => {
  it('on random and edge days', () => {
    const r = rng(11);
    for (let i = 0; i < 50_000; i++) {
      const birth = Math.floor(r() * 80_000) - 40_000;
      const d = birth + Math.floor(r() * 40_000) - 1000;
      expect(ageAt(birth, d)).toBe(ageOn(birth, d));
    }
    // Birthdays on 29 February, and days far outside the fast range.
    const feb29 = dayOf(2000, 2, 29)!;
    for (let d = feb29; d < feb29 + 3000; d += 1) expect(ageAt(feb29, d)).toBe(ageOn(feb29, d));
    for (const [b, d] of [
      [-800_000, 0],
      [0, 3_000_000],
      [1.5, 100],
      [0, 1e9],
    ])
      expect(ageAt(b!, d!)).toEqual(ageOn(b!, d!));
  });
});

describe('cprFactsOfKey = parseCpr', () => {
  it('on random ten-digit numbers', () => {
    const r = rng(13);
    for (let i = 0; i < 50_000; i++) {
      const key = Math.floor(r() * 1e10);
      const digits = String(key).padStart(10, '0');
      const p = parseCpr(digits);
      const f = cprFactsOfKey(key);
      if (p.ok) expect(f, digits).toEqual(p.facts);
      else expect(f, digits).toBeNull();
    }
    expect(cprFactsOfKey(2902004002)).toEqual((parseCpr('2902004002') as { facts: unknown }).facts);
  });
});

/** 'P' + the first 16 hex digits of a digest, each written as the letter PSEUDONYM_LETTERS gives it. */
const lettered = (hex: string) =>
  'P' + Array.from(hex.slice(0, 16), (h) => 'bcdfghjklmnpqrst'[parseInt(h, 16)]).join('');

describe('makePseudonymiser = HMAC-SHA-256 by node:crypto, in letters', () => {
  it('for ids and keys of every length and kind', () => {
    const r = rng(17);
    const text = (n: number, alphabet: string) =>
      Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
    for (let i = 0; i < 300; i++) {
      const key = text(
        1 + Math.floor(r() * 150),
        i % 5 === 0 ? 'abcæøå€ 0123' : 'abcdefghijklmnopqrstuvwxyz0123456789',
      );
      const id = text(Math.floor(r() * 80), i % 7 === 0 ? '0123456789-æ😀' : '0123456789-ABC ');
      const expected = lettered(createHmac('sha256', key).update(id).digest('hex'));
      expect(makePseudonymiser(key)(id), `${key} / ${id}`).toBe(expected);
    }
  });

  it('gives the pseudonyms it always gave (as the hand-written SHA-256 did before)', () => {
    const p = makePseudonymiser('a-test-key-of-some-length');
    expect(p('0102031234')).toBe('Pcpjmlmqqsgkglfqp');
    expect(p('1503851235')).toBe('Phfgnggpqnjfsmqsp');
    expect(makePseudonymiser('æøå key')('ABC-123')).toBe('Pdrtdkshshtpdfnkr');
  });

  it('makePseudonymiser keeps its contract', () => {
    const p = makePseudonymiser('a key that is long enough');
    expect(p.stable).toBe(true);
    expect(makePseudonymiser(undefined).stable).toBe(false);
  });
});
