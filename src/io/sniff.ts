/**
 * Guesses what a file is before reading it: its format from the first bytes (never trust the
 * extension alone), and for text, its encoding and delimiter.
 */
import { isUtf8 } from 'node:buffer';

export type FileKind = 'ole' | 'zip-or-xlsx' | 'text' | 'binary' | 'empty';

/** Format from the first bytes: a zip (xlsx is a zip), an OLE file (encrypted xlsx or old .xls), text or binary. */
export function sniffKind(head: Buffer): FileKind {
  if (head.length === 0) return 'empty';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip-or-xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'ole';
  // UTF-16 text has NUL bytes (the high byte of every ASCII character), other text files none.
  if (utf16Of(head)) return 'text';
  const n = Math.min(head.length, 4096);
  for (let i = 0; i < n; i++) if (head[i] === 0) return 'binary';
  return 'text';
}

/**
 * UTF-16 (what Excel's "Unicode text" and some Windows tools write): a byte-order mark, or
 * without one, text whose every other byte is NUL (ASCII letters in UTF-16) among its first bytes.
 */
export function utf16Of(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const n = Math.min(head.length, 512) & ~1;
  if (n < 8) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) zeroEven++;
    if (head[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd >= pairs * 0.9 && zeroEven === 0) return 'utf-16le';
  if (zeroEven >= pairs * 0.9 && zeroOdd === 0) return 'utf-16be';
  return null;
}

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-8 (BOM)' | 'windows-1252' | 'utf-16le' | 'utf-16be';
  /**
   * UTF-8 files with a few bytes that are not UTF-8 (a word pasted from a Windows-1252 file):
   * the 1-based lines of those bytes, which were read as Windows-1252, and how many there were.
   */
  repaired?: { lines: number[]; bytes: number };
}

/**
 * Decodes CSV bytes: a UTF-8 BOM means UTF-8; a UTF-16 BOM (or NULs in every other byte) UTF-16;
 * bytes that are valid UTF-8 are UTF-8. Otherwise the evidence decides: text with valid UTF-8
 * sequences of non-ASCII characters (æ as C3 A6) is UTF-8 with a few stray bytes, which are read
 * as Windows-1252 and reported; text with none is Windows-1252, which is what Danish Excel
 * writes when it writes no BOM.
 */
export function decode(bytes: Buffer, forced?: string): Decoded {
  const hasBom = isBomAt(bytes, 0);
  // A UTF-8 decoder drops one BOM at the start of what it is given: two when the file has one.
  const body = hasBom ? bytes.subarray(isBomAt(bytes, 3) ? 6 : 3) : bytes;
  if (forced === 'windows-1252')
    return {
      text: decode1252(hasBom ? bytes.subarray(3) : bytes),
      encoding: 'windows-1252',
    };
  // --encoding utf-8 is taken at its word: a byte that is not UTF-8 becomes U+FFFD.
  if (forced === 'utf-8')
    return {
      text: new TextDecoder('utf-8').decode(hasBom ? bytes.subarray(3) : bytes),
      encoding: hasBom ? 'utf-8 (BOM)' : 'utf-8',
    };
  if (hasBom) {
    const { text, repaired } = decodeUtf8(body);
    return { text, encoding: 'utf-8 (BOM)', ...(repaired ? { repaired } : {}) };
  }
  const utf16 = utf16Of(bytes.subarray(0, 512));
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  if (isUtf8(body)) return { text: body.toString('utf8'), encoding: 'utf-8' };
  const d = decodeUtf8(body);
  if (d.utf8Sequences === 0 || !d.repaired) return { text: decode1252(body), encoding: 'windows-1252' };
  return { text: d.text, encoding: 'utf-8', repaired: d.repaired };
}

const isBomAt = (b: Buffer, i: number) => b[i] === 0xef && b[i + 1] === 0xbb && b[i + 2] === 0xbf;

/**
 * Windows-1252 (WHATWG's index) of the bytes 0x80-0x9F, where it differs from Latin-1: € ‚ ƒ „ …
 * † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ; 81, 8D, 8F, 90 and 9D stay C1 controls.
 */
const C1_1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Windows-1252 bytes as text. Not TextDecoder: Node 20 decodes a whole buffer as Latin-1, so
 * that € (80) and the en dash (96) became C1 controls, shown as "�", and a CPR number written
 * with an en dash was neither read nor redacted.
 */
export function decode1252(b: Uint8Array): string {
  const s = Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1');
  return /[\u0080-\u009f]/.test(s)
    ? s.replace(/[\u0080-\u009f]/g, (c) => C1_1252[c.charCodeAt(0) - 0x80]!)
    : s;
}

/** windows-1252 characters of the bytes 0x80-0xff. */
export const cp1252Of = (b: number): string => decode1252(Uint8Array.of(b));

/**
 * UTF-8 where it is valid; every byte that does not start a valid sequence is read as
 * Windows-1252 and its line noted (lines end at \r\n, \n or \r, as the CSV readers count them).
 */
function decodeUtf8(body: Buffer): { text: string; utf8Sequences: number; repaired?: Decoded['repaired'] } {
  if (isUtf8(body)) return { text: body.toString('utf8'), utf8Sequences: 1 };
  const parts: string[] = [];
  const lines: number[] = [];
  let bad = 0;
  let sequences = 0;
  let run = 0;
  let line = 1;
  const n = body.length;
  for (let i = 0; i < n;) {
    const b = body[i]!;
    if (b < 0x80) {
      if (b === 0x0a) line++;
      else if (b === 0x0d) {
        line++;
        if (body[i + 1] === 0x0a) i++;
      }
      i++;
      continue;
    }
    const len = utf8SequenceAt(body, i);
    if (len > 0) {
      sequences++;
      i += len;
      continue;
    }
    parts.push(body.toString('utf8', run, i), cp1252Of(b));
    bad++;
    if (lines[lines.length - 1] !== line) lines.push(line);
    run = ++i;
  }
  parts.push(body.toString('utf8', run, n));
  return { text: parts.join(''), utf8Sequences: sequences, repaired: { lines, bytes: bad } };
}

/** Whether the bytes hold a valid UTF-8 sequence of a non-ASCII character. */
export function hasUtf8Sequence(buf: Buffer): boolean {
  for (let i = 0; i < buf.length; i++) if (buf[i]! >= 0xc2 && utf8SequenceAt(buf, i) > 0) return true;
  return false;
}

const cont = (b: number | undefined) => b !== undefined && (b & 0xc0) === 0x80;

/** The length of the valid UTF-8 sequence of a non-ASCII character at i, or 0 (RFC 3629). */
export function utf8SequenceAt(buf: Buffer, i: number): number {
  const b = buf[i]!;
  const b1 = buf[i + 1];
  if (b >= 0xc2 && b <= 0xdf) return cont(b1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    if (b1 === undefined) return 0;
    if (b === 0xe0 ? b1 < 0xa0 || b1 > 0xbf : b === 0xed ? b1 < 0x80 || b1 > 0x9f : !cont(b1)) return 0;
    return cont(buf[i + 2]) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    if (b1 === undefined) return 0;
    if (b === 0xf0 ? b1 < 0x90 || b1 > 0xbf : b === 0xf4 ? b1 < 0x80 || b1 > 0x8f : !cont(b1)) return 0;
    return cont(buf[i + 2]) && cont(buf[i + 3]) ? 4 : 0;
  }
  return 0;
}

export const ENCODINGS = ['utf-8', 'windows-1252'] as const;

const CANDIDATES = [';', '\t', ','] as const;

/**
 * Picks the delimiter that splits the first lines into the same number of fields, most fields
 * winning; ties go to ';' (Danish Excel), then tab, then ','. Quotes are respected, so a decimal
 * comma inside "1,5" does not count.
 */
export function sniffDelimiter(text: string): string {
  const lines = firstLines(text, 30);
  let best: string = ';';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, d));
    const fields = counts.filter((c) => c > 0);
    if (fields.length === 0) continue;
    // The most common count, and how many lines agree with it.
    const freq = new Map<number, number>();
    for (const c of fields) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let agree = 0;
    for (const [c, f] of freq) if (f > agree || (f === agree && c > mode)) [mode, agree] = [c, f];
    const score = (agree / lines.length) * 1000 + mode;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/** A line break: \r\n, \n or a bare \r (old Mac exports); files may mix them. */
const LINE_BREAK = /\r\n|\n|\r/g;

function firstLines(text: string, n: number): string[] {
  const out: string[] = [];
  LINE_BREAK.lastIndex = 0;
  let start = 0;
  while (out.length < n && start < text.length) {
    const m = LINE_BREAK.exec(text);
    const end = m ? m.index : text.length;
    const line = text.slice(start, end);
    if (line.trim() !== '') out.push(line);
    start = m ? LINE_BREAK.lastIndex : text.length;
  }
  return out;
}

/** How many non-blank lines the text holds, counting up to `max`. */
export function countLines(text: string, max: number): number {
  return firstLines(text, max).length;
}

function countOutsideQuotes(line: string, d: string): number {
  const dc = d.charCodeAt(0);
  let inQuotes = false;
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x22) inQuotes = !inQuotes;
    else if (c === dc && !inQuotes) count++;
  }
  return count;
}
