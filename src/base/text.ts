/** Text from a file as a message or a table cell shows it: on one line, and cut short. */
import { redactCpr } from './redact.js';

/** Line breaks and other control characters become one space each run. */
export function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  return s.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

/** At most `max` characters: a longer text keeps its first max - 1 and ends in "…". */
export function cut(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/**
 * Characters no output format can carry: C0 controls but tab, line feed and carriage return,
 * and U+FFFE/U+FFFF and lone surrogates (not XML characters: a workbook holding one is not
 * well-formed); C1 controls (U+0080–U+009F, terminal escapes such as CSI) and the bidi embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make a terminal, a browser or a
 * reader show text in another order than it is ("Trojan Source").
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u0080-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** U+2028/U+2029: line breaks to Unicode, illegal in vega's expressions (and in old JavaScript). */
const LINE_SEPARATORS = /[\u2028\u2029]/g;

/**
 * Text from a file made safe for every output (terminal, md, csv, json, html, svg/vega, xlsx): an
 * unsafe character above becomes U+FFFD "�", so that the reader sees something was there and no
 * character is dropped silently; U+2028/U+2029 become a space.
 */
export function safeChars(s: string): string {
  return s.replace(UNSAFE, '\ufffd').replace(LINE_SEPARATORS, ' ');
}

/** Text from a file as every output must show it: safe characters, CPR numbers redacted. */
export const safeText = (s: string): string => redactCpr(safeChars(s));

/**
 * safeText on every string inside a JSON-like value (a vega spec, a JSON document), keys kept;
 * for documents with no hash or other digit string a redaction could spoil.
 */
export function safeDeep<T>(x: T): T {
  if (typeof x === 'string') return safeText(x) as T;
  if (Array.isArray(x)) return x.map(safeDeep) as T;
  if (x !== null && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype)
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, safeDeep(v)])) as T;
  return x;
}

/**
 * A JSON.stringify replacer applying safeText to every string but a hash (key "sha256"), whose
 * hex digits can look like a CPR number: for documents that name input files (a manifest).
 */
export const safeJson = (key: string, value: unknown): unknown =>
  typeof value === 'string' && key !== 'sha256' ? safeText(value) : value;
