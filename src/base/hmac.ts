/**
 * HMAC-SHA-256 (RFC 2104, FIPS 180-4) of short texts under one key, in plain JS. node:crypto's
 * createHmac costs some 5–10 µs a call in setup alone, which for the tens of thousands of persons
 * of a large file was a tenth of a progression run (BENCHMARKS.md); here the key's inner and outer
 * states are computed once and each text costs two compressions. The result is the same bytes as
 * createHmac('sha256', key).update(text).digest() (test/base/hmac.test.ts checks it on random keys
 * and texts, ASCII and not).
 */
import { createHash } from 'node:crypto';

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

// prettier-ignore
const IV = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

const W = new Int32Array(64);

/** One SHA-256 compression of the 64 bytes of `block` from `at` into `state`. */
function compress(state: Int32Array, block: Uint8Array, at: number): void {
  const w = W;
  for (let i = 0; i < 16; i++) {
    const o = at + 4 * i;
    w[i] = (block[o]! << 24) | (block[o + 1]! << 16) | (block[o + 2]! << 8) | block[o + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
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
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
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

/**
 * The rest of a SHA-256 from `state` (which has taken `before` bytes, a multiple of 64): the
 * bytes [0, n) of `msg`, the padding and the length; the digest's 8 words end in `state`.
 * `msg` must have room for the padding (n + 72 bytes).
 */
function finish(state: Int32Array, before: number, msg: Uint8Array, n: number): void {
  let at = 0;
  for (; n - at >= 64; at += 64) compress(state, msg, at);
  const rest = n - at;
  const end = rest < 56 ? 64 : 128;
  msg[at + rest] = 0x80;
  msg.fill(0, at + rest + 1, at + end - 4);
  // The length in bits, big-endian in the last 8 bytes (messages here are far below 2^32 bits).
  const bits = (before + n) * 8;
  msg[at + end - 4] = bits >>> 24;
  msg[at + end - 3] = (bits >>> 16) & 255;
  msg[at + end - 2] = (bits >>> 8) & 255;
  msg[at + end - 1] = bits & 255;
  msg.fill(0, at + end - 8, at + end - 4);
  compress(state, msg, at);
  if (end === 128) compress(state, msg, at + 64);
}

/** HMAC-SHA-256 under `key` (UTF-8, as createHmac takes a string key): text → 32 bytes. */
export function hmacSha256(key: string): (text: string) => Uint8Array {
  let k: Uint8Array = Buffer.from(key, 'utf8');
  if (k.length > 64) k = createHash('sha256').update(k).digest();
  const pad = new Uint8Array(64);
  const inner0 = IV.slice();
  const outer0 = IV.slice();
  for (let i = 0; i < 64; i++) pad[i] = (k[i] ?? 0) ^ 0x36;
  compress(inner0, pad, 0);
  for (let i = 0; i < 64; i++) pad[i] = (k[i] ?? 0) ^ 0x5c;
  compress(outer0, pad, 0);
  const encoder = new TextEncoder();
  const state = new Int32Array(8);
  let msg = new Uint8Array(256);
  const digest = new Uint8Array(104);
  return (text) => {
    if (msg.length < 3 * text.length + 72) msg = new Uint8Array(3 * text.length + 72);
    const n = encoder.encodeInto(text, msg).written;
    state.set(inner0);
    finish(state, 64, msg, n);
    for (let i = 0; i < 8; i++) {
      const x = state[i]!;
      digest[4 * i] = x >>> 24;
      digest[4 * i + 1] = (x >>> 16) & 255;
      digest[4 * i + 2] = (x >>> 8) & 255;
      digest[4 * i + 3] = x & 255;
    }
    state.set(outer0);
    finish(state, 64, digest, 32);
    const out = new Uint8Array(32);
    for (let i = 0; i < 8; i++) {
      const x = state[i]!;
      out[4 * i] = x >>> 24;
      out[4 * i + 1] = (x >>> 16) & 255;
      out[4 * i + 2] = (x >>> 8) & 255;
      out[4 * i + 3] = x & 255;
    }
    return out;
  };
}
