/**
 * The fast CSV path: for exports whose quotes are all RFC 4180 (most hold none), in any encoding
 * decode() knows (UTF-8, Windows-1252, UTF-8 with stray bytes, UTF-16), records are scanned from
 * the bytes, decoded chunk by chunk (text-input.ts), without decoding the file into one string
 * and without an object per cell. The schema layer reads the fields of each row from
 * the bytes (src/schema/normalise/fast-row.ts) and turns only what it needs into strings.
 *
 * It gives exactly the records the general path (csv-parse, src/io/read-csv.ts) gives: the same
 * cells, line numbers, header row, title rows, trailing-line handling and stray-byte note. Any
 * file it is not sure about (a quote out of place, --encoding utf-8 over UTF-16, a header it
 * cannot place within the first rows) goes to the general path instead; test/io/fast-csv.test.ts
 * and the fuzz suite compare both on every fixture and on mutated input.
 */
import { closeSync, fstatSync } from 'node:fs';
import { isAscii, isUtf8 } from 'node:buffer';
import { inputError, usageError } from '../errors.js';
import { countLines, hasUtf8Sequence, sniffDelimiter, utf16Of } from './sniff.js';
import {
  findHeaderRow,
  HEADER_SEARCH_ROWS,
  isEmptyCell,
  readNote,
  type FastRows,
  type RawRow,
  type RawTable,
  type ReadOptions,
  type ReadProgress,
  type RowSink,
} from './raw.js';

import { CHUNK, CR, LF, openInput, QUOTE, readAt, readError } from './byte-input.js';
import { isBlankRecord, Scanner } from './csv-scanner.js';
import { repairNote, strayBytesOf, TextInput, type TextMode } from './text-input.js';

// Opening and reading errors, for the readers that import them from here.
export { openInput, readError } from './byte-input.js';

const BOM = [0xef, 0xbb, 0xbf];
const isBomAt = (b: Uint8Array, i: number, n: number) =>
  i + 3 <= n && b[i] === BOM[0] && b[i + 1] === BOM[1] && b[i + 2] === BOM[2];

interface Survey {
  /** Where the text starts (after the BOM(s) the decoder would drop). */
  bodyStart: number;
  hasBom: boolean;
  /** How the bytes are text: decode()'s verdict on the file. */
  mode: TextMode;
  /** The file may hold a quote character. */
  quotes: boolean;
}

/**
 * Reads the whole file once, cheaply, for the encoding decode() would find: valid UTF-8,
 * Windows-1252 (not UTF-8, and no valid UTF-8 sequence of a non-ASCII character anywhere),
 * UTF-8 with stray bytes (not UTF-8, but with such sequences, or after a UTF-8 BOM), UTF-16,
 * or --encoding utf-8 over bytes that are not. null when --encoding utf-8 meets UTF-16.
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
  // Once the mode is known, only quote bytes are still looked for: a file without any needs no
  // quotesRegular pass (in UTF-16 a 22 byte may be part of another character: checked, then).
  let mode: TextMode | null = null;
  const known = (m: TextMode) => (mode = m);
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
        return { bodyStart: hasBom ? 3 : 0, hasBom, mode: 'windows-1252', quotes: true };
      const utf16 = utf16Of(buf.subarray(0, n));
      if (utf16) {
        if (forced === 'utf-8') return null;
        bodyStart = 0;
        hasBom = false;
        known(utf16);
      } else {
        // TextDecoder drops one more BOM at the start of the text it is given.
        bodyStart = hasBom ? (isBomAt(buf, 3, n) ? 6 : 3) : 0;
        from = bodyStart;
      }
    }
    if (!quotes && buf.subarray(0, n).indexOf(QUOTE, from) >= 0) quotes = true;
    if (mode !== null) {
      if (quotes || eof) return { bodyStart, hasBom, mode, quotes };
      carry = 0;
      continue;
    }
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
      if (forced === 'utf-8') known('utf-8-lossy');
      else if (hasBom) known('utf-8-repair');
      notUtf8 = true;
      if (!utf8Sequences && hasUtf8Sequence(piece)) utf8Sequences = true;
    }
    if (mode === null && notUtf8 && utf8Sequences) known('utf-8-repair');
    if (mode !== null && !eof) {
      carry = 0;
      continue;
    }
    if (mode !== null) return { bodyStart, hasBom, mode, quotes };
    if (eof) break;
    buf.copyWithin(0, cut, n);
    carry = n - cut;
  }
  return { bodyStart: Math.max(bodyStart, 0), hasBom, mode: notUtf8 ? 'windows-1252' : 'utf-8', quotes };
}

/**
 * Whether every quote of the file is where RFC 4180 puts it: opening a field (after a delimiter,
 * a line break or at the start) and, unless doubled, closing it before a delimiter, a line break
 * or the end. Then csv-parse reads the file as the scanner does; anything else is its to read.
 * Read as decoded text, so that UTF-16 is judged by its characters.
 */
function quotesRegular(file: string, fd: number, from: number, D: number, mode: TextMode): boolean {
  const input = new TextInput(file, fd, from, mode);
  const buf = Buffer.allocUnsafe(Math.max(CHUNK, input.maxOut));
  let inQuote = false;
  let afterQuote = false;
  let prev = LF;
  for (;;) {
    const n = input.read(buf, 0);
    if (n === 0) break;
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
    const delimiter = opts.delimiter ?? sniffDelimiter(headText(file, fd, s.bodyStart, s.mode));
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) >= 0x80) return null;
    const D = delimiter.charCodeAt(0);
    if (D === LF || D === CR || D === QUOTE) return null;
    if (s.quotes && !quotesRegular(file, fd, s.bodyStart, D, s.mode)) return null;

    const sc = new Scanner(file, fd, D, s.bodyStart, 1, s.mode);
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
    const rows = new FastCsvRows(file, D, s.bodyStart, headerIndex + 1, s.mode, size, opts.progress);

    const table: RawTable = {
      info: {
        file,
        format: 'csv',
        encoding: encodingName(s),
        delimiter,
        headerRow: header.row.rowNumber,
        headerRowSource: opts.headerRow !== undefined ? 'forced' : 'detected',
        // The stray bytes' lines take one more pass, for the few files that have them.
        notes:
          s.mode === 'utf-8-repair'
            ? [readNote('bytes', repairNote(file, strayBytesOf(file, fd, s.bodyStart)))]
            : [],
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

/** The encoding as decode() names it. */
function encodingName(s: Survey): RawTable['info']['encoding'] {
  if (s.mode === 'windows-1252' || s.mode === 'utf-16le' || s.mode === 'utf-16be') return s.mode;
  return s.hasBom ? 'utf-8 (BOM)' : 'utf-8';
}

/** The decoded start of the text, enough for sniffDelimiter: its first 30 non-blank lines complete. */
function headText(file: string, fd: number, bodyStart: number, mode: TextMode): string {
  const input = new TextInput(file, fd, bodyStart, mode);
  let buf = Buffer.allocUnsafe(Math.max(1 << 16, input.maxOut));
  let len = 0;
  for (;;) {
    if (buf.length - len < Math.max(1 << 16, input.maxOut)) {
      const bigger = Buffer.allocUnsafe(buf.length * 4);
      buf.copy(bigger, 0, 0, len);
      buf = bigger;
    }
    const got = input.read(buf, len);
    len += got;
    if (got === 0) return buf.toString('utf8', 0, len);
    const lastEnd = Math.max(buf.lastIndexOf(LF, len - 1), buf.lastIndexOf(CR, len - 1));
    if (lastEnd >= 0) {
      const text = buf.toString('utf8', 0, lastEnd + 1);
      if (countLines(text, 30) >= 30) return text;
    }
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
    private readonly mode: TextMode,
    private readonly size: number,
    private readonly progress?: ReadProgress,
  ) {}

  scan(sink: RowSink): number {
    const fd = openInput(this.file);
    try {
      const sc = new Scanner(this.file, fd, this.delimiter, this.offset, 1, this.mode);
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
