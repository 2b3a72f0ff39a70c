/**
 * The one redaction (base/redact.ts) and the character sanitiser (base/text.ts). The numbers are
 * fake (fixtures/README.md); which ones are dates is worked by hand from the CPR century table.
 */
import { describe, expect, it } from 'vitest';
import { redactCpr } from '../../src/base/redact.js';
import { safeChars, safeDeep, safeJson, safeText } from '../../src/base/text.js';
import { parseCpr } from '../../src/schema/cpr.js';

describe('redactCpr: every form the parser reads', () => {
  // 15-03-1985 (7th digit 1: 1900s), 16-10-1985, 17-10-1985, 07-08-1999 (9 digits: 070899-0007).
  it.each([
    ['150385-1235'],
    ['1503851235'],
    ['150385 1239'],
    ['150385\u00a01239'], // no-break space (parseCpr's \s)
    ['150385\t1239'],
    ['161085.1234'],
    ['171085\u20131234'], // en dash
    ['171085\u20141234'], // em dash
    ['171085\u20111234'], // non-breaking hyphen
    ['171085\u22121234'], // minus sign
    ['708990007'],
  ])('%j', (form) => {
    expect(redactCpr(`a ${form} b`)).toBe('a [CPR] b');
    expect(redactCpr(form)).toBe('[CPR]');
  });

  it('agrees with parseCpr on what the parser reads', () => {
    for (const form of ['150385-1235', '1503851235', '150385 1239', '708990007', '290200-4002'])
      expect(parseCpr(form).ok && redactCpr(form)).toBe('[CPR]');
    for (const form of ['123456789', '3203851235', '1513851235', '290201-4002', '000385-1235'])
      expect(parseCpr(form).ok || redactCpr(form)).toBe(form);
  });

  it('leaves numbers that are no CPR number readable: the first six digits must be a date', () => {
    // 0123456789: month 23. 32-03: no day 32. 15-13: no month 13. 29-02-2001 (7th digit 4, 01 ≤ 36:
    // 2001) is no leap day; 29-02-2000 is.
    expect(redactCpr('amount 123456789 kr')).toBe('amount 123456789 kr');
    expect(redactCpr('id 3203851235, 1513851235')).toBe('id 3203851235, 1513851235');
    expect(redactCpr('290201-4002 290200-4002')).toBe('290201-4002 [CPR]');
    // Part of a longer number: 11 and 12 digits, or 7 digits before the dash.
    expect(redactCpr('15038512351 150385123512 1150385-1235')).toBe('15038512351 150385123512 1150385-1235');
    expect(redactCpr('line 12, 2024-01-15, 1.503.851 persons')).toBe(
      'line 12, 2024-01-15, 1.503.851 persons',
    );
  });

  it('redacts a file or folder name and keeps the rest of the path', () => {
    expect(redactCpr('/tmp/150385-1235/x.csv')).toBe('/tmp/[CPR]/x.csv');
    expect(redactCpr('data/161085.1234.xlsx: sheet 171085 1234')).toBe('data/[CPR].xlsx: sheet [CPR]');
    expect(redactCpr('Ark 150385-1235!row 14')).toBe('Ark [CPR]!row 14');
  });
});

describe('safeChars: what XML, vega and a terminal cannot carry', () => {
  it('turns C0 (but tab, LF, CR), C1, bidi controls, U+FFFE/U+FFFF and lone surrogates into U+FFFD', () => {
    const bad = [
      '\u0000',
      '\u0007',
      '\u000b',
      '\u001b',
      '\u0085',
      '\u009b',
      '\u202a',
      '\u202e',
      '\u2066',
      '\u2069',
      '\ufffe',
      '\uffff',
      '\ud800',
      '\udfff',
    ];
    for (const c of bad) expect(safeChars(`a${c}b`), JSON.stringify(c)).toBe('a\ufffdb');
    expect(safeChars('a\tb\nc\rd')).toBe('a\tb\nc\rd');
    // A surrogate pair is one character (😀), not two lone halves; æøå and the en dash stay.
    expect(safeChars('x\ud83d\ude00y æøå –')).toBe('x\ud83d\ude00y æøå –');
  });

  it('turns U+2028/U+2029 into spaces', () => {
    expect(safeChars('a\u2028b\u2029c')).toBe('a b c');
  });

  it('safeText does both; safeDeep and safeJson reach every string (safeJson spares a sha256)', () => {
    expect(safeText('Se 150385 1239\u202e')).toBe('Se [CPR]\ufffd');
    expect(safeDeep({ a: ['150385-1235', 1503851235], b: { c: '\uffff' } })).toEqual({
      a: ['[CPR]', 1503851235],
      b: { c: '\ufffd' },
    });
    const hash = 'ab1503851235cd';
    expect(JSON.parse(JSON.stringify({ file: '/x/150385-1235.csv', sha256: hash }, safeJson))).toEqual({
      file: '/x/[CPR].csv',
      sha256: hash,
    });
  });
});
