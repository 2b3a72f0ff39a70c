/**
 * The fast CSV path: for the common export that holds no quote character and is valid UTF-8,
 * records are scanned straight from the bytes, in chunks, without decoding the file into one
 * string and without an object per cell. The schema layer reads the fields of each row from
 * the bytes (src/schema/normalise/fast-row.ts) and turns only what it needs into strings.
 *
 * It gives exactly the records the general path (csv-parse, src/io/read-csv.ts) gives: the same
 * cells, line numbers, header row, title rows and trailing-line handling. Any file it is not
 * sure about (a quote anywhere, bytes that are not UTF-8, --encoding windows-1252, a header it
 * cannot place within the first rows) goes to the general path instead; test/io/fast-csv.test.ts
 * and the fuzz suite compare both on every fixture and on mutated input.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isAscii, isUtf8 } from 'node:buffer';
import { inputError, usageError } from '../errors.js';
import { countLines, hasUtf8Sequence, sniffDelimiter, utf16Of } from './sniff.js';
import {
  findHeaderRow,
  HEADER_SEARCH_ROWS,
  isEmptyCell,
  type ByteRow,
  type FastRows,
  type RawRow,
  type RawTable,
  type ReadOptions,
  type ReadProgress,
  type RowSink,
} from './raw.js';

/** Bytes read from the file at a time. */
const CHUNK = 1 << 21;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** Opens a file for reading, with the messages of readBytes. */
export function openInput(file: string): number {
  try {
    return openSync(file, 'r');
  } catch (e) {
    throw readError(file, e);
  }
}

export function readError(file: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return inputError(`${file}: file not found; check the path`);
  if (code === 'EISDIR') return inputError(`${file}: is a folder, not a file; give the export file`);
  if (code === 'EACCES') return inputError(`${file}: permission denied; check that you may read the file`);
  return inputError(`${file}: cannot be read (${code ?? String(e)})`);
}

function readAt(file: string, fd: number, buf: Buffer, off: number, len: number, pos: number): number {
  try {
    return readSync(fd, buf, off, len, pos);
  } catch (e) {
    throw readError(file, e);
  }
}

const BOM = [0xef, 0xbb, 0xbf];
const isBomAt = (b: Uint8Array, i: number, n: number) =>
  i + 3 <= n && b[i] === BOM[0] && b[i + 1] === BOM[1] && b[i + 2] === BOM[2];

interface Survey {
  /** Where the text starts (after the BOM(s) the decoder would drop). */
  bodyStart: number;
  hasBom: boolean;
  /** The file is Windows-1252 (decode's verdict: not UTF-8, and no UTF-8 sequence in it). */
  windows1252: boolean;
  /** The file holds a quote character somewhere. */
  quotes: boolean;
}

/**
 * Reads the whole file once, cheaply, for the encoding decode() would find: valid UTF-8, or
 * Windows-1252 (not UTF-8, and no valid UTF-8 sequence of a non-ASCII character anywhere).
 * null for the rest (UTF-8 with stray bytes, UTF-16, a BOM before bytes that are not UTF-8),
 * which the general path reads and reports.
 */
function survey(file: string, fd: number, size: number, forced: string | undefined): Survey | null {
  const buf = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(size, 16)) + 4);
  let carry = 0;
  let pos = 0;
  let bodyStart = -1;
  let hasBom = false;
  let quotes = false;
  let notUtf8 = false;
  let utf8Sequences = false;
  for (;;) {
    const n = readAt(file, fd, buf, carry, buf.length - carry, pos) + carry;
    const eof = n === carry;
    pos += n - carry;
    let from = 0;
    if (bodyStart < 0) {
      if (n < 6 && !eof) {
        carry = n;
        continue;
      }
      hasBom = isBomAt(buf, 0, n);
      if (forced === 'windows-1252')
        return { bodyStart: hasBom ? 3 : 0, hasBom, windows1252: true, quotes: true };
      if (utf16Of(buf.subarray(0, n))) return null;
      // TextDecoder drops one more BOM at the start of the text it is given.
      bodyStart = hasBom ? (isBomAt(buf, 3, n) ? 6 : 3) : 0;
      from = bodyStart;
    }
    if (!quotes && buf.subarray(0, n).indexOf(QUOTE, from) >= 0) quotes = true;
    // Complete UTF-8 sequences are checked now; a sequence cut by the chunk end waits for the next.
    let cut = n;
    if (!eof) {
      let k = n - 1;
      let back = 0;
      while (k > from && back < 3 && (buf[k]! & 0xc0) === 0x80) {
        k--;
        back++;
      }
      if (buf[k]! >= 0xc0) cut = k;
    }
    const piece = buf.subarray(from, cut);
    if (isUtf8(piece)) {
      if (!utf8Sequences && !isAscii(piece)) utf8Sequences = true;
    } else {
      if (hasBom || forced === 'utf-8') return null;
      notUtf8 = true;
      if (!utf8Sequences && hasUtf8Sequence(piece)) utf8Sequences = true;
    }
    if (notUtf8 && utf8Sequences) return null;
    if (eof) break;
    buf.copyWithin(0, cut, n);
    carry = n - cut;
  }
  return { bodyStart: Math.max(bodyStart, 0), hasBom, windows1252: notUtf8, quotes };
}

/**
 * Whether every quote of the file is where RFC 4180 puts it: opening a field (after a delimiter,
 * a line break or at the start) and, unless doubled, closing it before a delimiter, a line break
 * or the end. Then csv-parse reads the file as the scanner does; anything else is its to read.
 */
function quotesRegular(file: string, fd: number, from: number, D: number): boolean {
  const buf = Buffer.allocUnsafe(CHUNK);
  let pos = from;
  let inQuote = false;
  let afterQuote = false;
  let prev = LF;
  for (;;) {
    const n = readAt(file, fd, buf, 0, buf.length, pos);
    if (n === 0) break;
    pos += n;
    const b = buf.subarray(0, n);
    let i = 0;
    while (i < n) {
      if (afterQuote) {
        // The byte after a quote inside a quoted field: another quote ("") or the field's end.
        afterQuote = false;
        const c = b[i]!;
        prev = c;
        i++;
        if (c === QUOTE) continue;
        inQuote = false;
        if (c !== D && c !== CR && c !== LF) return false;
        continue;
      }
      const q = b.indexOf(QUOTE, i);
      if (q < 0) {
        prev = b[n - 1]!;
        break;
      }
      if (inQuote) afterQuote = true;
      else {
        const before = q > i ? b[q - 1]! : prev;
        if (before !== D && before !== CR && before !== LF) return false;
        inQuote = true;
      }
      prev = QUOTE;
      i = q + 1;
    }
  }
  return !inQuote || afterQuote;
}

/**
 * Scans records from a byte offset. After `next()` returns true, fields 0..count-1 of the record
 * are the UTF-8 bytes [start[i], end[i]) of `buf`, and `rowNumber` is its first line. A field in
 * quotes (RFC 4180: "" for a quote, delimiters and line breaks inside) is given without its
 * quotes, unescaped in place; a Windows-1252 file is turned into UTF-8 as it is read.
 */
class Scanner implements ByteRow {
  buf: Buffer;
  start = new Int32Array(64);
  end = new Int32Array(64);
  count = 0;
  rowNumber: number;
  /** The line the next record starts on. */
  lineAfter: number;
  /** Where the next read from the file starts (bytes of the file, whatever the encoding). */
  filePos: number;

  private len = 0;
  private pos = 0;
  private eof = false;
  /** Fields of the record at hand that hold "" and are unescaped once the record is complete. */
  private escaped: number[] = [];
  private readonly raw: Buffer | null;
  private readonly decoder: TextDecoder | null;

  constructor(
    private readonly file: string,
    private readonly fd: number,
    private readonly delimiter: number,
    offset: number,
    line: number,
    windows1252 = false,
    chunk = CHUNK,
  ) {
    this.buf = Buffer.allocUnsafe(chunk);
    this.filePos = offset;
    this.lineAfter = line;
    this.rowNumber = line;
    this.raw = windows1252 ? Buffer.allocUnsafe(chunk >> 2) : null;
    this.decoder = windows1252 ? new TextDecoder('windows-1252') : null;
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

  /** About where the next record starts in the file (exact for UTF-8, a little early for Windows-1252). */
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
    const room = this.raw ? this.raw.length * 3 : 1;
    if (this.buf.length - this.len < room || this.len === this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + room));
      this.buf.copy(bigger, 0, 0, this.len);
      this.buf = bigger;
    }
    let got: number;
    if (this.raw) {
      // Windows-1252 → UTF-8: at most 3 bytes per byte (0x80 is €, E2 82 AC).
      got = readAt(this.file, this.fd, this.raw, 0, this.raw.length, this.filePos);
      if (got > 0)
        this.len += this.buf.write(this.decoder!.decode(this.raw.subarray(0, got)), this.len, 'utf8');
    } else {
      got = readAt(this.file, this.fd, this.buf, this.len, this.buf.length - this.len, this.filePos);
      this.len += got;
    }
    if (got === 0) this.eof = true;
    this.filePos += got;
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
function isBlankRecord(r: ByteRow): boolean {
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

/**
 * The fast path's RawTable, or null when the file should go the general way. Reads the header
 * region now; the data rows are scanned later, once per `fast.scan` (or `rows`, on demand).
 */
export function readCsvFast(file: string, opts: ReadOptions): RawTable | null {
  const fd = openInput(file);
  try {
    let size: number;
    try {
      size = fstatSync(fd).size;
    } catch (e) {
      throw readError(file, e);
    }
    if (opts.encoding !== undefined && opts.encoding !== 'utf-8' && opts.encoding !== 'windows-1252')
      return null;
    const s = survey(file, fd, size, opts.encoding);
    if (!s) return null;
    const delimiter = opts.delimiter ?? sniffDelimiter(headText(file, fd, s.bodyStart, s.windows1252));
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) >= 0x80) return null;
    const D = delimiter.charCodeAt(0);
    if (D === LF || D === CR || D === QUOTE) return null;
    if (s.quotes && !quotesRegular(file, fd, s.bodyStart, D)) return null;

    const sc = new Scanner(file, fd, D, s.bodyStart, 1, s.windows1252);
    const records: { row: RawRow }[] = [];
    const nextRecord = (): boolean => {
      if (!sc.next()) return false;
      records.push({ row: sc.materialise() });
      return true;
    };

    let headerIndex: number;
    if (opts.headerRow !== undefined) {
      const want = opts.headerRow;
      headerIndex = -1;
      while (nextRecord()) {
        const r = records[records.length - 1]!.row;
        if (r.rowNumber === want) {
          headerIndex = records.length - 1;
          break;
        }
        if (r.rowNumber > want) break;
      }
      if (headerIndex < 0) {
        if (records.every((r) => r.row.cells.every(isEmptyCell)) && records.length > 0) return null;
        if (records.length === 0) throw inputError(`${file}: the file holds no rows; export the data again`);
        throw usageError(`--header-row ${want}: ${file} has no record starting on line ${want}`);
      }
      // An empty header line may be a trailing line (not a record at all): leave that to the general path.
      if (records[headerIndex]!.row.cells.every(isEmptyCell)) return null;
    } else {
      while (records.length < HEADER_SEARCH_ROWS && nextRecord());
      if (records.length === 0) throw inputError(`${file}: the file holds no rows; export the data again`);
      headerIndex = findHeaderRow(
        records.map((r) => r.row.cells),
        opts.headerScore,
      );
      if (headerIndex < 0) headerIndex = records.findIndex((r) => !r.row.cells.every(isEmptyCell));
      if (headerIndex < 0) return null;
    }

    const header = records[headerIndex]!;
    const headers = header.row.cells.map((c) => (c === null ? '' : String(c).trim()));
    while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
    const rows = new FastCsvRows(file, D, s.bodyStart, headerIndex + 1, s.windows1252, size, opts.progress);

    const table: RawTable = {
      info: {
        file,
        format: 'csv',
        encoding: s.windows1252 ? 'windows-1252' : s.hasBom ? 'utf-8 (BOM)' : 'utf-8',
        delimiter,
        headerRow: header.row.rowNumber,
        headerRowSource: opts.headerRow !== undefined ? 'forced' : 'detected',
        notes: [],
      },
      headers,
      rows: [],
      titleRows: records.slice(0, headerIndex).filter((r) => !r.row.cells.every(isEmptyCell)).length,
    };
    // The data rows become RawRows only for a consumer that reads `rows` (normalise scans the
    // bytes through `fast`). `fast` is not enumerable, so a copy ({...table, rows}) does not
    // carry it, and it is gone once `rows` is replaced: it always describes `rows`.
    let materialised: RawRow[] | undefined;
    let replaced = false;
    Object.defineProperty(table, 'rows', {
      enumerable: true,
      configurable: true,
      get: () => (materialised ??= rows.materialiseAll()),
      set: (v: RawRow[]) => {
        materialised = v;
        replaced = true;
      },
    });
    Object.defineProperty(table, 'fast', {
      enumerable: false,
      configurable: true,
      get: () => (replaced ? undefined : rows),
    });
    return table;
  } finally {
    closeSync(fd);
  }
}

/** The decoded start of the text, enough for sniffDelimiter: its first 30 non-blank lines complete. */
function headText(file: string, fd: number, bodyStart: number, windows1252: boolean): string {
  const decode = (b: Buffer) =>
    windows1252 ? new TextDecoder('windows-1252').decode(b) : b.toString('utf8');
  let want = 1 << 16;
  for (;;) {
    const buf = Buffer.allocUnsafe(want);
    const n = readAt(file, fd, buf, 0, want, bodyStart);
    if (n < want) return decode(buf.subarray(0, n));
    const lastEnd = Math.max(buf.lastIndexOf(LF, n - 1), buf.lastIndexOf(CR, n - 1));
    if (lastEnd >= 0) {
      const text = decode(buf.subarray(0, lastEnd + 1));
      if (countLines(text, 30) >= 30) return text;
    }
    want *= 4;
  }
}

/** The data rows of a fast-path table: scanned from the file each time they are asked for. */
/** After this many rows, the scan tells its sink how many rows to expect. */
const ESTIMATE_AFTER = 1024;

class FastCsvRows implements FastRows {
  constructor(
    private readonly file: string,
    private readonly delimiter: number,
    /** Where the text starts; the first `skip` records (title rows and header) are not data. */
    private readonly offset: number,
    private readonly skip: number,
    private readonly windows1252: boolean,
    private readonly size: number,
    private readonly progress?: ReadProgress,
  ) {}

  scan(sink: RowSink): number {
    const fd = openInput(this.file);
    try {
      const sc = new Scanner(this.file, fd, this.delimiter, this.offset, 1, this.windows1252);
      for (let i = 0; i < this.skip; i++) sc.next();
      const { progress, size } = this;
      // Told at every refill of the buffer (2 MB), in bytes of the file.
      if (progress) sc.onRefill = (offset) => progress.update(offset, size);
      const first = sc.offset;
      // Blank lines are rows (and counted), except at the end of the file: hold them until
      // a record with content shows they were not the end.
      let pending: RawRow[] = [];
      let rows = 0;
      while (sc.next()) {
        if (isBlankRecord(sc)) {
          pending.push(sc.materialise());
          continue;
        }
        if (pending.length > 0) {
          for (const r of pending) sink.row(r);
          rows += pending.length;
          pending = [];
        }
        sink.bytes(sc);
        if (++rows === ESTIMATE_AFTER) {
          // Rows so far per byte read so far, for the rest of the file, with a little to spare.
          const read = Math.max(1, sc.offset - first);
          sink.expect?.(Math.ceil(((rows * Math.max(1, size - first)) / read) * 1.05));
        }
      }
      return rows;
    } finally {
      closeSync(fd);
    }
  }

  materialiseAll(): RawRow[] {
    const out: RawRow[] = [];
    this.scan({ row: (r) => out.push(r), bytes: (r) => out.push(r.materialise()) });
    return out;
  }
}
