/**
 * The fast CSV path: for the common export that holds no quote character and is valid UTF-8,
 * records are scanned straight from the bytes, in chunks, without decoding the file into one
 * string and without an object per cell. The schema layer reads the fields of each row from
 * the bytes (src/schema/normalise.ts) and turns only what it needs into strings.
 *
 * It gives exactly the records the general path (csv-parse, src/io/read-csv.ts) gives: the same
 * cells, line numbers, header row, title rows and trailing-line handling. Any file it is not
 * sure about (a quote anywhere, bytes that are not UTF-8, --encoding windows-1252, a header it
 * cannot place within the first rows) goes to the general path instead; test/io/fast-csv.test.ts
 * and the fuzz suite compare both on every fixture and on mutated input.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { inputError, usageError } from '../errors.js';
import { countLines, sniffDelimiter } from './sniff.js';
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
  /** Where the text starts (after the BOM(s) the UTF-8 decoder would drop). */
  bodyStart: number;
  hasBom: boolean;
}

/**
 * Reads the whole file once, cheaply: the fast path applies only when it holds no quote and is
 * valid UTF-8 (what the general path would decode as UTF-8 without replacement characters).
 */
function survey(file: string, fd: number, size: number, forced: string | undefined): Survey | null {
  if (forced === 'windows-1252') return null;
  const buf = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(size, 16)) + 4);
  let carry = 0;
  let pos = 0;
  let bodyStart = -1;
  let hasBom = false;
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
      // TextDecoder drops one more BOM at the start of the text it is given.
      bodyStart = hasBom ? (isBomAt(buf, 3, n) ? 6 : 3) : 0;
      from = bodyStart;
    }
    if (buf.subarray(0, n).indexOf(QUOTE, from) >= 0) return null;
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
    if (!isUtf8(buf.subarray(from, cut))) return null;
    if (eof) break;
    buf.copyWithin(0, cut, n);
    carry = n - cut;
  }
  return { bodyStart: Math.max(bodyStart, 0), hasBom };
}

/**
 * Scans records from a byte offset. After `next()` returns true, fields 0..count-1 of the record
 * are the bytes [start[i], end[i]) of `buf`, and `rowNumber` is its first line.
 */
class Scanner implements ByteRow {
  buf: Buffer;
  start = new Int32Array(64);
  end = new Int32Array(64);
  count = 0;
  rowNumber: number;
  /** File offset just after the current record (its line break included). */
  nextOffset: number;

  /** The line the next record starts on. */
  lineAfter: number;

  private len = 0;
  private pos = 0;
  private bufOffset: number;
  private eof = false;

  constructor(
    private readonly file: string,
    private readonly fd: number,
    private readonly delimiter: number,
    offset: number,
    line: number,
    chunk = CHUNK,
  ) {
    this.buf = Buffer.allocUnsafe(chunk);
    this.bufOffset = offset;
    this.nextOffset = offset;
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
   * \r (old Mac exports), whichever comes, so a file mixing them loses no row; each is one line.
   */
  private parse(): number {
    const { buf, delimiter: D } = this;
    const len = this.len;
    let fs = this.pos;
    let n = 0;
    let start = this.start;
    let end = this.end;
    for (let i = fs; i < len; i++) {
      const b = buf[i]!;
      if (b > CR) {
        if (b !== D) continue;
        if (n === start.length) {
          this.growFields();
          start = this.start;
          end = this.end;
        }
        start[n] = fs;
        end[n++] = i;
        fs = i + 1;
      } else if (b === LF) return this.emit(n, fs, i, i + 1);
      else if (b === CR) {
        if (i + 1 < len) return this.emit(n, fs, i, buf[i + 1] === LF ? i + 2 : i + 1);
        if (this.eof) return this.emit(n, fs, i, i + 1);
        // The byte after the \r (a \n or not) is in the next read.
        return 0;
      } else if (b === D) {
        if (n === start.length) {
          this.growFields();
          start = this.start;
          end = this.end;
        }
        start[n] = fs;
        end[n++] = i;
        fs = i + 1;
      }
    }
    if (!this.eof) return 0;
    // The end of the file: a last record without a line break, if it holds anything.
    if (n === 0 && fs === len) return -1;
    return this.emit(n, fs, len, len);
  }

  private emit(n: number, fs: number, fe: number, after: number): number {
    if (n === this.start.length) this.growFields();
    this.start[n] = fs;
    this.end[n++] = fe;
    this.count = n;
    this.rowNumber = this.lineAfter;
    this.lineAfter += 1;
    this.pos = after;
    this.nextOffset = this.bufOffset + after;
    return 1;
  }

  /** Called before each read of the file with the offset reached, for a progress bar. */
  onRefill?: (offset: number) => void;

  /** The offset in the file of the next record. */
  get offset(): number {
    return this.bufOffset + this.pos;
  }

  private refill(): void {
    this.onRefill?.(this.bufOffset + this.pos);
    const keep = this.len - this.pos;
    if (this.pos > 0) {
      this.buf.copyWithin(0, this.pos, this.len);
      this.bufOffset += this.pos;
      this.pos = 0;
      this.len = keep;
    } else if (this.len === this.buf.length) {
      // One record longer than the buffer: make room.
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, this.len);
      this.buf = bigger;
    }
    const got = readAt(
      this.file,
      this.fd,
      this.buf,
      this.len,
      this.buf.length - this.len,
      this.bufOffset + this.len,
    );
    if (got === 0) this.eof = true;
    this.len += got;
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
    const s = survey(file, fd, size, opts.encoding);
    if (!s) return null;
    const delimiter = opts.delimiter ?? sniffDelimiter(headText(file, fd, s.bodyStart));
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) >= 0x80) return null;
    const D = delimiter.charCodeAt(0);
    if (D === LF || D === CR || D === QUOTE) return null;

    const sc = new Scanner(file, fd, D, s.bodyStart, 1);
    const records: { row: RawRow; after: number; nextLine: number }[] = [];
    const nextRecord = (): boolean => {
      if (!sc.next()) return false;
      records.push({ row: sc.materialise(), after: sc.nextOffset, nextLine: sc.lineAfter });
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
    const rows = new FastCsvRows(file, D, header.after, header.nextLine, size, opts.progress);

    const table: RawTable = {
      info: {
        file,
        format: 'csv',
        encoding: s.hasBom ? 'utf-8 (BOM)' : 'utf-8',
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
function headText(file: string, fd: number, bodyStart: number): string {
  let want = 1 << 16;
  for (;;) {
    const buf = Buffer.allocUnsafe(want);
    const n = readAt(file, fd, buf, 0, want, bodyStart);
    if (n < want) return buf.toString('utf8', 0, n);
    const lastEnd = Math.max(buf.lastIndexOf(LF, n - 1), buf.lastIndexOf(CR, n - 1));
    if (lastEnd >= 0) {
      const text = buf.toString('utf8', 0, lastEnd + 1);
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
    private readonly offset: number,
    private readonly line: number,
    private readonly size: number,
    private readonly progress?: ReadProgress,
  ) {}

  scan(sink: RowSink): number {
    const fd = openInput(this.file);
    try {
      const sc = new Scanner(this.file, fd, this.delimiter, this.offset, this.line);
      const { progress, size } = this;
      // Told at every refill of the buffer (2 MB), in bytes of the file.
      if (progress) sc.onRefill = (offset) => progress.update(offset, size);
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
          // Rows so far per byte so far, for the rest of the file, with a little to spare.
          const read = Math.max(1, sc.offset - this.offset);
          sink.expect?.(Math.ceil(((rows * (this.size - this.offset)) / read) * 1.05));
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
