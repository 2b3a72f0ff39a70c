/**
 * The byte scanner of the fast CSV path (src/io/fast-csv.ts): records from a byte offset, fields
 * as byte ranges of one buffer, quotes unescaped in place, other encodings turned into UTF-8 as read
 * (text-input.ts).
 */
import type { ByteRow, RawRow } from './raw.js';
import { CHUNK, CR, LF, QUOTE } from './byte-input.js';
import { TextInput, type TextMode } from './text-input.js';

/**
 * Scans records from a byte offset. After `next()` returns true, fields 0..count-1 of the record
 * are the UTF-8 bytes [start[i], end[i]) of `buf`, and `rowNumber` is its first line. A field in
 * quotes (RFC 4180: "" for a quote, delimiters and line breaks inside) is given without its
 * quotes, unescaped in place; a file in another encoding is turned into UTF-8 as it is read.
 */
export class Scanner implements ByteRow {
  buf: Buffer;
  start = new Int32Array(64);
  end = new Int32Array(64);
  count = 0;
  rowNumber: number;
  /** The line the next record starts on. */
  lineAfter: number;
  /** Where the next read from the file starts (bytes of the file, whatever the encoding). */
  get filePos(): number {
    return this.input.filePos;
  }

  private len = 0;
  private pos = 0;
  private eof = false;
  /** Fields of the record at hand that hold "" and are unescaped once the record is complete. */
  private escaped: number[] = [];
  private readonly input: TextInput;

  constructor(
    file: string,
    fd: number,
    private readonly delimiter: number,
    offset: number,
    line: number,
    mode: TextMode = 'utf-8',
    chunk = CHUNK,
  ) {
    this.buf = Buffer.allocUnsafe(chunk);
    this.input = new TextInput(file, fd, offset, mode, chunk);
    this.lineAfter = line;
    this.rowNumber = line;
  }

  next(): boolean {
    for (;;) {
      const r = this.parse();
      if (r !== 0) return r > 0;
      this.refill();
    }
  }

  /**
   * 1: a record; -1: no more records; 0: more bytes needed. A record ends at \n, \r\n or a bare
   * \r (old Mac exports), whichever comes, so a file mixing them loses no row; each is one line,
   * in quotes too. readCsvFast takes only files whose quotes are all RFC 4180 (a quote opens a
   * field and closes it before a delimiter or line break), where csv-parse reads the same.
   */
  private parse(): number {
    const { buf, delimiter: D } = this;
    const len = this.len;
    let fs = this.pos;
    let qs = -1;
    let qe = -1;
    let n = 0;
    let lines = 0;
    let start = this.start;
    let end = this.end;
    this.escaped.length = 0;
    for (let i = fs; i < len; i++) {
      const b = buf[i]!;
      if (b > CR) {
        if (b !== D) {
          if (b !== QUOTE || i !== fs) continue;
          // A quoted field: to its closing quote.
          let j = i + 1;
          for (;;) {
            if (j >= len) {
              if (!this.eof) return 0;
              break;
            }
            const c = buf[j]!;
            if (c === QUOTE) {
              if (j + 1 >= len && !this.eof) return 0;
              if (buf[j + 1] !== QUOTE) break;
              if (this.escaped[this.escaped.length - 1] !== n) this.escaped.push(n);
              j += 2;
              continue;
            }
            if (c === LF) lines++;
            else if (c === CR) {
              if (j + 1 >= len && !this.eof) return 0;
              lines++;
              if (buf[j + 1] === LF) j++;
            }
            j++;
          }
          qs = i + 1;
          qe = Math.min(j, len);
          i = j;
          continue;
        }
      } else if (b === LF) return this.emit(n, qs < 0 ? fs : qs, qs < 0 ? i : qe, i + 1, lines);
      else if (b === CR) {
        if (i + 1 < len)
          return this.emit(n, qs < 0 ? fs : qs, qs < 0 ? i : qe, buf[i + 1] === LF ? i + 2 : i + 1, lines);
        if (this.eof) return this.emit(n, qs < 0 ? fs : qs, qs < 0 ? i : qe, i + 1, lines);
        // The byte after the \r (a \n or not) is in the next read.
        return 0;
      } else if (b !== D) continue;
      // A delimiter: the field ends.
      if (n === start.length) {
        this.growFields();
        start = this.start;
        end = this.end;
      }
      start[n] = qs < 0 ? fs : qs;
      end[n++] = qs < 0 ? i : qe;
      qs = -1;
      fs = i + 1;
    }
    if (!this.eof) return 0;
    // The end of the file: a last record without a line break, if it holds anything.
    if (n === 0 && fs === len) return -1;
    return this.emit(n, qs < 0 ? fs : qs, qs < 0 ? len : qe, len, lines);
  }

  private emit(n: number, fs: number, fe: number, after: number, lines: number): number {
    if (n === this.start.length) this.growFields();
    this.start[n] = fs;
    this.end[n++] = fe;
    this.count = n;
    for (const f of this.escaped) this.unescape(f);
    this.rowNumber = this.lineAfter;
    this.lineAfter += 1 + lines;
    this.pos = after;
    return 1;
  }

  /** Field f without its "" escapes: each "" becomes ", moved down in place. */
  private unescape(f: number): void {
    const buf = this.buf;
    const e = this.end[f]!;
    let w = this.start[f]!;
    for (let r = w; r < e; r++) {
      buf[w++] = buf[r]!;
      if (buf[r] === QUOTE) r++;
    }
    this.end[f] = w;
  }

  /** Called before each read of the file with the offset reached, for a progress bar. */
  onRefill?: (offset: number) => void;

  /** About where the next record starts in the file (exact for UTF-8, a little early for other encodings). */
  get offset(): number {
    return Math.max(0, this.filePos - (this.len - this.pos));
  }

  private refill(): void {
    this.onRefill?.(this.filePos);
    const keep = this.len - this.pos;
    if (this.pos > 0) {
      this.buf.copyWithin(0, this.pos, this.len);
      this.pos = 0;
      this.len = keep;
    }
    // Room for a whole read: one record may be longer than the buffer.
    const room = this.input.maxOut;
    if (this.buf.length - this.len < room || this.len === this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + room));
      this.buf.copy(bigger, 0, 0, this.len);
      this.buf = bigger;
    }
    const got = this.input.read(this.buf, this.len);
    this.len += got;
    if (got === 0) this.eof = true;
  }

  private growFields(): void {
    const s = new Int32Array(this.start.length * 2);
    s.set(this.start);
    const e = new Int32Array(this.end.length * 2);
    e.set(this.end);
    this.start = s;
    this.end = e;
  }

  materialise(): RawRow {
    return materialise(this);
  }
}

/** The record as the general path gives it: decoded cells, '' as null. */
function materialise(r: ByteRow): RawRow {
  const cells: (string | null)[] = new Array(r.count);
  for (let i = 0; i < r.count; i++) {
    const s = r.start[i]!;
    const e = r.end[i]!;
    cells[i] = s === e ? null : r.buf.toString('utf8', s, e);
  }
  return { rowNumber: r.rowNumber, ref: `line ${r.rowNumber}`, cells };
}

/** Whether every field of the record is empty or whitespace (isEmptyCell of every cell). */
export function isBlankRecord(r: ByteRow): boolean {
  const { buf, start, end } = r;
  for (let f = 0; f < r.count; f++) {
    const e = end[f]!;
    for (let i = start[f]!; i < e; i++) {
      const b = buf[i]!;
      if (b === 0x20 || (b >= 0x09 && b <= 0x0d)) continue;
      if (b < 0x80) return false;
      // Non-ASCII: let String.prototype.trim decide (it knows U+00A0, U+3000 ...).
      if (buf.toString('utf8', start[f]!, e).trim() !== '') return false;
      break;
    }
  }
  return true;
}
