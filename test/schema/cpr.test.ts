import { describe, expect, it } from 'vitest';
import { centuryOf, makePseudonymiser, parseCpr, redactCpr } from '../../src/schema/cpr.js';
import { d } from '../helpers.js';

describe('parseCpr', () => {
  it('derives birth date and gender with and without the dash', () => {
    // 15-03-85, 7th digit 1 → 1900s; last digit 5 odd → man.
    expect(parseCpr('150385-1235')).toMatchObject({
      ok: true,
      facts: { birthDate: d('1985-03-15'), gender: 'M' },
    });
    expect(parseCpr('1503851235')).toMatchObject({
      ok: true,
      facts: { birthDate: d('1985-03-15'), gender: 'M' },
    });
    // last digit 8 even → woman
    expect(parseCpr('020792-2348')).toMatchObject({
      ok: true,
      facts: { birthDate: d('1992-07-02'), gender: 'K' },
    });
  });

  it('reads every separator the redaction knows: space, dot, en dash and the other dashes', () => {
    // Synthetic numbers (none passes modulus 11). 16-10-85, 7th digit 1 → 1985; 4 even → woman.
    const woman = { ok: true, digits: '1610851234', facts: { birthDate: d('1985-10-16'), gender: 'K' } };
    for (const form of [
      '161085.1234',
      '161085\u20131234', // en dash
      '161085\u20141234', // em dash
      '161085\u22121234', // minus sign
      '161085 1234',
      '161085\u00a01234', // no-break space
      ' 161085.1234 ',
    ])
      expect(parseCpr(form), JSON.stringify(form)).toEqual(woman);
    expect(parseCpr('171085\u20131234')).toMatchObject({ ok: true, facts: { birthDate: d('1985-10-17') } });
    // Two separators, or one in the wrong place, are not a CPR value.
    for (const form of ['161085..1234', '16108.51234', '161085-1234-', '161085/1234'])
      expect(parseCpr(form).ok, form).toBe(false);
  });

  it('accepts exactly the 10-digit forms the redaction removes (one definition of a CPR form)', () => {
    const seps = [
      '',
      '-',
      ' ',
      '.',
      '\u2010',
      '\u2011',
      '\u2012',
      '\u2013',
      '\u2014',
      '\u2015',
      '\u2212',
      '\ufe58',
      '\ufe63',
      '\uff0d',
      '\t',
      '\u00a0',
      '/',
      ':',
      '_',
      '+',
      '\u00b7',
    ];
    for (const sep of seps) {
      const form = `150385${sep}1239`;
      const redacted = redactCpr(form) === '[CPR]';
      expect(parseCpr(form).ok, JSON.stringify(form)).toBe(redacted);
    }
  });

  it('pads a 9-digit number that lost its leading zero in Excel', () => {
    expect(parseCpr(708990007)).toMatchObject({
      ok: true,
      digits: '0708990007',
      facts: { birthDate: d('1999-08-07'), gender: 'M' },
    });
    expect(parseCpr('708990007')).toMatchObject({ ok: true, facts: { birthDate: d('1999-08-07') } });
  });

  it('applies the century table of the 7th digit', () => {
    expect(centuryOf(5, 4)).toBe(2000); // 4, YY ≤ 36
    expect(centuryOf(37, 4)).toBe(1900);
    expect(centuryOf(36, 9)).toBe(2000);
    expect(centuryOf(80, 9)).toBe(1900);
    expect(centuryOf(57, 5)).toBe(2000); // 5-8, YY ≤ 57
    expect(centuryOf(58, 8)).toBe(1800);
    expect(centuryOf(99, 3)).toBe(1900);
    expect(parseCpr('050505-4002')).toMatchObject({
      ok: true,
      facts: { birthDate: d('2005-05-05'), gender: 'K' },
    });
    expect(parseCpr('290200-4002')).toMatchObject({ ok: true, facts: { birthDate: d('2000-02-29') } });
  });

  it('does not reject on the modulus-11 check', () => {
    // All fixture numbers fail modulus 11 on purpose, and all parse.
    expect(parseCpr('311270-1236').ok).toBe(true);
  });

  it('rejects impossible dates and non-numbers without echoing the value', () => {
    const r = parseCpr('310299-1235');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).not.toContain('310299');
    expect(parseCpr('12345').ok).toBe(false);
    expect(parseCpr('abcdef-ghij').ok).toBe(false);
    expect(parseCpr(1503851235.5).ok).toBe(false);
  });
});

describe('pseudonyms', () => {
  it('are keyed HMAC-SHA-256, stable under one key and different under another', () => {
    const a = makePseudonymiser('a-secret-key-of-16+');
    const b = makePseudonymiser('another-secret-key!');
    expect(a('1503851235')).toBe(a('1503851235'));
    expect(a('1503851235')).not.toBe(b('1503851235'));
    expect(a.stable).toBe(true);
    expect(makePseudonymiser(undefined).stable).toBe(false);
    // Reference: printf %s 1503851235 | openssl dgst -sha256 -hmac a-secret-key-of-16+  → e92446eef3ac8da8…,
    // each hex digit written as the letter at its place in bcdfghjklmnpqrst.
    expect(a('1503851235')).toBe('Psmdggjsstfnqlrnl');
  });

  it('never hold a digit, so that none can look like a CPR number', () => {
    const p = makePseudonymiser(undefined);
    for (let i = 0; i < 20_000; i++)
      expect(p(String(1_000_000_000 + i * 7919))).toMatch(/^P[bcdfghjklmnpqrst]{16}$/);
  });

  it('redacts CPR-shaped text', () => {
    expect(redactCpr('x 150385-1235 y 1503851235 z')).toBe('x [CPR] y [CPR] z');
    expect(redactCpr('line 12, 2024-01-15')).toBe('line 12, 2024-01-15');
  });
});
