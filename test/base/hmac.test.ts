/**
 * base/hmac.ts: the RFC 4231 published value, and the same bytes as node:crypto's createHmac on
 * keys and texts of every length class (the pseudonyms of every run depend on it).
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256 } from '../../src/base/hmac.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const nodeHmac = (key: string, text: string) => createHmac('sha256', key).update(text).digest('hex');

describe('hmacSha256', () => {
  it('gives RFC 4231 test case 2 (key "Jefe")', () => {
    // RFC 4231, section 4.3: the published HMAC-SHA-256 value, independent of node:crypto.
    expect(hex(hmacSha256('Jefe')('what do ya want for nothing?'))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('gives the bytes node:crypto gives, for short, long and non-ASCII keys and texts', () => {
    // Texts of every length 0-199 cross the one- and two-block paddings (55, 56, 63, 64 bytes ...).
    const keys = ['k', 'a'.repeat(64), 'b'.repeat(65), 'nøgle-æøå-'.repeat(12), ''.padEnd(200, 'x')];
    for (const key of keys) {
      const mac = hmacSha256(key);
      for (let len = 0; len < 200; len++) {
        const digits = Array.from({ length: len }, (_x, i) => String((i * 7 + len) % 10)).join('');
        const danish = Array.from({ length: len }, (_x, i) => 'aæøå€😀'[(i + len) % 6]).join('');
        expect(hex(mac(digits))).toBe(nodeHmac(key, digits));
        expect(hex(mac(danish))).toBe(nodeHmac(key, danish));
      }
    }
  });

  it('gives each text its own digest, calls after calls (no state left from the text before)', () => {
    const mac = hmacSha256('key');
    const a = hex(mac('0101001234'));
    mac('x'.repeat(150));
    expect(hex(mac('0101001234'))).toBe(a);
  });
});
