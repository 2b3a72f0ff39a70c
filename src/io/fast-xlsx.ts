/**
 * The fast xlsx path: the sheets of a workbook read straight from its XML, without exceljs
 * (which takes 0.3-0.7 s to load and about 6 kB of memory per row). It covers what exports are
 * made of: shared and inline strings, numbers, date cells by their number format, styled empty
 * cells, merged cells. It gives the grid that read-xlsx.ts would build from exceljs's cells,
 * exceljs's quirks included (see numberValue, applyMerges). Anything else (formulas, booleans, errors, rich
 * inline text, hyperlinks, namespace prefixes, CDATA ...) makes it give up with `Decline`, and
 * the workbook goes to exceljs: test/io/fast-xlsx.test.ts compares both on every fixture.
 */
import type { RawValue, ReadProgress } from './raw.js';
import type { Grid } from './xlsx-grid.js';
import { oneText } from './xlsx-parts.js';
import { isoDateCell, type XlsxCtx } from './xlsx-values.js';
import {
  attributes,
  checkSheet,
  Decline,
  decodeText,
  isNameEnd,
  section,
  skipSpace,
  tags,
} from './xlsx-xml.js';

export { Decline } from './xlsx-xml.js';
export {
  parseSharedStrings,
  parseStyles,
  parseWorkbook,
  type FastParts,
  type FastSheet,
} from './xlsx-parts.js';

export interface CellContext {
  ctx: XlsxCtx;
  exceljs1904: boolean;
  numFmts: (string | undefined)[];
  strings: string[];
  /** read-xlsx's conversion of an exceljs value (string, number, Date) with the cell's format. */
  convert: (v: unknown, numFmt: string | undefined, ctx: XlsxCtx) => RawValue;
  isExceljsDateFmt: (fmt: string | undefined) => boolean;
  isTimeOnly: (fmt: string) => boolean;
  /** Per style: how its numbers read (filled in as styles are met). */
  kinds: ('number' | 'date' | 'time')[];
  /** Told every few thousand rows how far into the sheet's XML the reading is. */
  progress?: ReadProgress;
}

/** A worksheet's rows as read-xlsx's grid: values by column, rows with a value, merged rows. */
export function parseSheet(xml: string, cc: CellContext): Grid {
  checkSheet(xml);
  if (/<hyperlink[\s>/]/.test(xml)) throw new Decline('hyperlinks');
  const rows = new Map<number, RawValue[]>();
  const merged = new Set<number>();
  const mergeXml = section(xml, 'mergeCells');
  const ranges = mergeXml === null ? [] : mergeRanges(mergeXml);
  // Top-left cells of merged ranges, and which of them hold a value.
  const masters = new Set(ranges.map(([c1, r1]) => r1 * 16384 + c1));
  const seen = new Set<number>();
  const startTag = xml.indexOf('<sheetData');
  if (startTag < 0) throw new Decline('no <sheetData>');
  const startEnd = xml.indexOf('>', startTag);
  const found: [number, RawValue[]][] = [];
  if (xml[startEnd - 1] !== '/') {
    const end = xml.indexOf('</sheetData>', startEnd);
    if (end < 0) throw new Decline('unterminated <sheetData>');
    parseRows(xml, startEnd + 1, end, cc, found, masters, seen);
  }
  if (ranges.length > 0) applyMerges(ranges, found, merged, seen);
  for (const [r, cells] of found) rows.set(r, cells);
  return { rows, merged };
}

function parseRows(
  xml: string,
  from: number,
  to: number,
  cc: CellContext,
  out: [number, RawValue[]][],
  masters: Set<number>,
  seen: Set<number>,
): void {
  let p = from;
  let lastRow = 0;
  for (;;) {
    p = skipSpace(xml, p);
    if (p >= to) return;
    if (!xml.startsWith('<row', p) || !isNameEnd(xml.charCodeAt(p + 4)))
      throw new Decline('unexpected element in <sheetData>');
    const tagEnd = xml.indexOf('>', p);
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 0x2f;
    const r = rowNumberOf(xml, p + 4, selfClosing ? tagEnd - 1 : tagEnd);
    if (r <= lastRow) throw new Decline('row out of order');
    lastRow = r;
    if (cc.progress && (r & 4095) === 0) cc.progress.update(p - from, to - from);
    p = tagEnd + 1;
    if (selfClosing) continue;
    const cells: RawValue[] = [];
    let visited = false;
    for (;;) {
      p = skipSpace(xml, p);
      if (xml.startsWith('</row>', p)) {
        p += 6;
        break;
      }
      if (xml.charCodeAt(p) !== 0x3c || xml.charCodeAt(p + 1) !== 0x63 || !isNameEnd(xml.charCodeAt(p + 2)))
        throw new Decline('unexpected element in <row>');
      const cEnd = xml.indexOf('>', p);
      if (cEnd < 0) throw new Decline('unterminated <c>');
      const cSelf = xml.charCodeAt(cEnd - 1) === 0x2f;
      cellAttributes(xml, p + 2, cSelf ? cEnd - 1 : cEnd, r);
      const col = attrCol;
      const type = attrType;
      const style = attrStyle;
      p = cEnd + 1;
      // The value's text is [vs, ve) of xml; -1 when the cell has none.
      let vs = -1;
      let ve = -1;
      let inline: string | undefined;
      if (!cSelf) {
        p = skipSpace(xml, p);
        if (xml.startsWith('<v>', p)) {
          const e = xml.indexOf('</v>', p);
          if (e < 0) throw new Decline('unterminated <v>');
          if (e > p + 3) {
            vs = p + 3;
            ve = e;
          }
          p = e + 4;
        } else if (xml.startsWith('<v/>', p)) p += 4;
        else if (xml.startsWith('<is>', p)) {
          const e = xml.indexOf('</is>', p);
          if (e < 0 || type !== T_INLINE) throw new Decline('inline string');
          const body = xml.slice(p + 4, e);
          if (/<r[\s>]|<rPh/.test(body)) throw new Decline('rich inline string');
          const v = oneText(body);
          if (v !== null && v !== '') inline = v;
          p = e + 5;
        } else if (xml.startsWith('<f', p)) throw new Decline('formulas');
        else if (!xml.startsWith('</c>', p)) throw new Decline('cell content');
        p = skipSpace(xml, p);
        if (!xml.startsWith('</c>', p)) throw new Decline('cell content after the value');
        p += 4;
      }
      // A cell without a value is not visited by exceljs's eachCell: styled it is Null, unstyled
      // a merge cell without a master, which exceljs drops (inside a merged range see applyMerges).
      if (vs < 0 && inline === undefined) continue;
      const value = cellValue(xml, vs, ve, inline, type, style, cc);
      visited = true;
      if (masters.size > 0 && masters.has(r * 16384 + col)) seen.add(r * 16384 + col);
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = value;
    }
    if (visited) out.push([r, cells]);
  }
}

/** The value of a cell whose text is [vs, ve) of xml, or `inline` (an inline string cell). */
function cellValue(
  xml: string,
  vs: number,
  ve: number,
  inline: string | undefined,
  type: number,
  style: number,
  cc: CellContext,
): RawValue {
  if (style >= cc.numFmts.length && style > 0) throw new Decline('unknown style');
  const numFmt = style > 0 ? cc.numFmts[style] : undefined;
  if (type === T_INLINE) {
    if (inline === undefined) throw new Decline('<v> in an inline string cell');
    return cc.convert(inline, numFmt, cc.ctx);
  }
  if (inline !== undefined) throw new Decline('inline string in a cell of another type');
  if (type === T_DATE) {
    const raw = xml.slice(vs, ve);
    if (raw.includes('<')) throw new Decline('markup in <v>');
    return isoDateCell(decodeText(raw));
  }
  // Most values are plain digits (a shared string's index, a date serial): read them in
  // place; anything else is sliced, decoded and parsed as exceljs does.
  let n = 0;
  let i = vs;
  for (let c = xml.charCodeAt(i); i < ve && c >= 48 && c <= 57 && i - vs < 15; c = xml.charCodeAt(++i))
    n = n * 10 + c - 48;
  if (i !== ve) {
    const raw = xml.slice(vs, ve);
    if (raw.includes('<')) throw new Decline('markup in <v>');
    const text = raw.includes('&') || raw.includes('\r') ? decodeText(raw) : raw;
    n = type === T_SHARED ? parseInt(text, 10) : parseFloat(text);
  }
  if (type !== T_SHARED) return numberValue(n, style, numFmt, cc);
  const v = cc.strings[n];
  if (v === undefined) throw new Decline('shared string out of range');
  return cc.convert(v, numFmt, cc.ctx);
}

/**
 * A number cell: exceljs turns it into a Date when its format is a date format by exceljs's
 * test, and read-xlsx then into a day (or back into a serial for a time-only format); else
 * read-xlsx converts the number. The common case, a date format that is not time-only, is done
 * here without a Date object, with the same arithmetic.
 */
function numberValue(n: number, style: number, numFmt: string | undefined, cc: CellContext): RawValue {
  let kind = cc.kinds[style];
  if (kind === undefined) {
    kind = cc.isExceljsDateFmt(numFmt) ? (cc.isTimeOnly(numFmt!) ? 'time' : 'date') : 'number';
    cc.kinds[style] = kind;
  }
  if (kind === 'number') return cc.convert(n, numFmt, cc.ctx);
  // exceljs's utils.excelToDate, then read-xlsx's dateValue.
  const ms = Math.round((n - 25569 + (cc.exceljs1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  if (kind === 'date' && Math.abs(ms) <= 8.64e15) return { day: Math.floor(ms / 86_400_000) + cc.ctx.shift };
  return cc.convert(new Date(ms), numFmt, cc.ctx);
}

const T_NUMBER = 0;
const T_SHARED = 1;
const T_INLINE = 2;
/** t="d": an ISO 8601 date as text in <v>. */
const T_DATE = 3;

let attrCol = 0;
let attrType = T_NUMBER;
let attrStyle = 0;

/**
 * The r, s and t attributes of a <c> tag, into attrCol, attrStyle (0: none) and attrType. Only
 * those three, written plainly, are taken: the reference on row r, the style a number, the type
 * s, n, d or inlineStr; anything else declines.
 */
function cellAttributes(xml: string, from: number, to: number, r: number): void {
  attrCol = 0;
  attrType = T_NUMBER;
  attrStyle = 0;
  let p = from;
  let sawR = false;
  let sawS = false;
  let sawT = false;
  for (;;) {
    p = skipSpace(xml, p);
    if (p >= to) break;
    const name = xml.charCodeAt(p);
    if (xml.charCodeAt(p + 1) !== 0x3d || xml.charCodeAt(p + 2) !== 0x22) throw new Decline('cell attribute');
    const end = xml.indexOf('"', p + 3);
    if (end < 0 || end >= to) throw new Decline('attribute quote');
    const vs = p + 3;
    if (name === 0x72 && !sawR) {
      sawR = true;
      let i = vs;
      let col = 0;
      for (let c = xml.charCodeAt(i); c >= 65 && c <= 90 && i - vs < 3; c = xml.charCodeAt(++i))
        col = col * 26 + c - 64;
      const digits = i;
      let row = 0;
      for (let c = xml.charCodeAt(i); c >= 48 && c <= 57 && i - digits < 8; c = xml.charCodeAt(++i))
        row = row * 10 + c - 48;
      if (col === 0 || i !== end || i === digits || row !== r || xml.charCodeAt(digits) === 48)
        throw new Decline('cell reference');
      attrCol = col;
    } else if (name === 0x73 && !sawS) {
      sawS = true;
      let i = vs;
      let n = 0;
      for (let c = xml.charCodeAt(i); c >= 48 && c <= 57 && i - vs < 9; c = xml.charCodeAt(++i))
        n = n * 10 + c - 48;
      if (i !== end || i === vs) throw new Decline('style');
      attrStyle = n;
    } else if (name === 0x74 && !sawT) {
      sawT = true;
      const t = xml.slice(vs, end);
      if (t === 's') attrType = T_SHARED;
      else if (t === 'inlineStr') attrType = T_INLINE;
      else if (t === 'd') attrType = T_DATE;
      else if (t !== 'n') throw new Decline(`cell type ${t}`);
    } else throw new Decline('cell attribute');
    p = end + 1;
  }
  if (!sawR) throw new Decline('cell without a reference');
}

/** The r attribute of a <row> tag (a positive whole number), or declines. */
function rowNumberOf(xml: string, from: number, to: number): number {
  const tag = xml.slice(from, to);
  const m = /(?:^|\s)r\s*=\s*"([1-9]\d{0,6})"/.exec(tag);
  if (!m || tag.includes("'") || tag.includes('&')) throw new Decline('row number');
  return Number(m[1]);
}

/** Merged ranges as [c1, r1, c2, r2]; single cells, malformed and overlapping ranges decline. */
function mergeRanges(xml: string): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  const taken = new Set<number>();
  for (const tag of tags(xml, 'mergeCell')) {
    const m = /^([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)$/.exec(attributes(tag).get('ref') ?? '');
    if (!m) throw new Decline('merge range');
    const range: [number, number, number, number] = [
      letters(m[1]!),
      Number(m[2]),
      letters(m[3]!),
      Number(m[4]),
    ];
    const [c1, r1, c2, r2] = range;
    if (c2 < c1 || r2 < r1 || (c1 === c2 && r1 === r2) || (r2 - r1 + 1) * (c2 - c1 + 1) > 100_000)
      throw new Decline('merge range');
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++) {
        if (taken.has(r * 16384 + c)) throw new Decline('overlapping merges');
        taken.add(r * 16384 + c);
      }
    out.push(range);
  }
  return out;
}

/**
 * exceljs on load: every cell of a merged range but the top-left one becomes a merge cell (its
 * value dropped, read as empty), and every row holding such a cell, or the top-left cell with a
 * value, counts as a row with merged cells.
 */
function applyMerges(
  ranges: [number, number, number, number][],
  rows: [number, RawValue[]][],
  merged: Set<number>,
  seen: Set<number>,
): void {
  const byRow = new Map(rows);
  for (const [c1, r1, c2, r2] of ranges)
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++) {
        if (r === r1 && c === c1) {
          if (seen.has(r * 16384 + c)) merged.add(r);
          continue;
        }
        let cells = byRow.get(r);
        if (!cells) {
          cells = [];
          byRow.set(r, cells);
          rows.push([r, cells]);
        }
        while (cells.length < c) cells.push(null);
        cells[c - 1] = null;
        merged.add(r);
      }
  rows.sort((a, b) => a[0] - b[0]);
}

function letters(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 26 + (s.charCodeAt(i) - 64);
  return n;
}
