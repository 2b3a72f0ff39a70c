/**
 * A CSV file's text as UTF-8 bytes, read and decoded one chunk at a time, so that the fast CSV
 * path (csv-scanner.ts) reads every encoding decode() knows without holding the file as one
 * string: a JS string cannot pass 512 MB, and a 2M-row UTF-16 file is more than that. Each chunk
 * decodes exactly as decode() (sniff.ts) decodes the whole file; test/io/fast-csv.test.ts
 * compares both on files larger than one read.
 */
import { isUtf8 } from 'node:buffer';
import { both, type Bilingual } from '../base/i18n.js';
import { CHUNK, CR, LF, readAt } from './byte-input.js';
import { cp1252Of, decode1252, utf8SequenceAt } from './sniff.js';

/**
 * How the bytes are text: UTF-8; Windows-1252; UTF-8 with a few stray bytes read as
 * Windows-1252 (decode()'s "repaired"); UTF-8 forced by --encoding (a bad byte becomes U+FFFD);
 * UTF-16.
 */
export type TextMode = 'utf-8' | 'windows-1252' | 'utf-8-repair' | 'utf-8-lossy' | 'utf-16le' | 'utf-16be';

/** Where a UTF-8 file's stray bytes are: their 1-based lines (\r\n, \n or \r ends one) and count. */
export interface StrayBytes {
  lines: number[];
  bytes: number;
}

/** Decodes a stream of bytes in the mode, chunk by chunk, as one decode of all of it would. */
interface ChunkDecoder {
  /** The chunk's text: a string, or the bytes themselves when they are UTF-8 as they stand. */
  decode(chunk: Buffer): string | Buffer;
  /** What a sequence cut by the end of the stream leaves (U+FFFD for UTF-16 and lossy UTF-8). */
  end(): string;
}

function chunkDecoder(mode: TextMode, stray?: StrayBytes): ChunkDecoder | null {
  if (mode === 'utf-8') return null;
  if (mode === 'utf-8-repair') return new RepairDecoder(stray);
  // One byte, one character: no state between chunks.
  if (mode === 'windows-1252') return { decode: decode1252, end: () => '' };
  // A BOM, where one is dropped, was dropped already by starting after it (fast-csv.ts survey);
  // UTF-16 starts at 0 and drops its own, as decode() does.
  const label = mode === 'utf-8-lossy' ? 'utf-8' : mode;
  const d = new TextDecoder(label, { ignoreBOM: mode !== 'utf-16le' && mode !== 'utf-16be' });
  return { decode: (c) => d.decode(c, { stream: true }), end: () => d.decode() };
}

/**
 * UTF-8 where it is valid; a byte that starts no valid sequence is read as Windows-1252 (and,
 * with `stray`, its line noted), as decodeUtf8 in sniff.ts. Up to 3 bytes at a chunk's end that
 * may begin a sequence wait for the next chunk.
 */
class RepairDecoder implements ChunkDecoder {
  private carry: Buffer = Buffer.alloc(0);
  private line = 1;
  /** The last chunk ended in \r: a \n starting the next is the same line break. */
  private afterCr = false;

  constructor(private readonly stray?: StrayBytes) {}

  decode(chunk: Buffer): string | Buffer {
    const all = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    let cut = all.length;
    let k = all.length - 1;
    for (let back = 0; k > 0 && back < 3 && (all[k]! & 0xc0) === 0x80; back++) k--;
    if (k >= 0 && all[k]! >= 0xc0) cut = k;
    this.carry = Buffer.from(all.subarray(cut));
    return this.piece(all.subarray(0, cut));
  }

  end(): string {
    const rest = this.piece(this.carry);
    this.carry = Buffer.alloc(0);
    return typeof rest === 'string' ? rest : rest.toString('utf8');
  }

  private piece(b: Buffer): string | Buffer {
    if (isUtf8(b)) {
      if (this.stray) this.countLines(b, 0, b.length);
      return b;
    }
    const parts: string[] = [];
    let run = 0;
    let counted = 0;
    for (let i = 0; i < b.length;) {
      const c = b[i]!;
      if (c < 0x80) {
        i++;
        continue;
      }
      const len = utf8SequenceAt(b, i);
      if (len > 0) {
        i += len;
        continue;
      }
      parts.push(b.toString('utf8', run, i), cp1252Of(c));
      if (this.stray) {
        this.countLines(b, counted, i);
        counted = i;
        this.stray.bytes++;
        if (this.stray.lines[this.stray.lines.length - 1] !== this.line) this.stray.lines.push(this.line);
      }
      run = ++i;
    }
    if (this.stray) this.countLines(b, counted, b.length);
    parts.push(b.toString('utf8', run, b.length));
    return parts.join('');
  }

  private countLines(b: Buffer, from: number, to: number): void {
    let afterCr = this.afterCr;
    for (let i = from; i < to; i++) {
      const c = b[i]!;
      if (c === LF) {
        if (!afterCr) this.line++;
        afterCr = false;
      } else if (c === CR) {
        this.line++;
        afterCr = true;
      } else afterCr = false;
    }
    this.afterCr = afterCr;
  }
}

/**
 * The text of a file from a byte offset, as UTF-8 bytes appended to a caller's buffer. A read
 * writes at most `maxOut` bytes.
 */
export class TextInput {
  /** Where the next read from the file starts (bytes of the file, whatever the encoding). */
  filePos: number;
  readonly maxOut: number;
  private readonly raw: Buffer | null;
  private readonly decoder: ChunkDecoder | null;
  private ended = false;

  constructor(
    private readonly file: string,
    private readonly fd: number,
    offset: number,
    mode: TextMode,
    chunk = CHUNK,
    stray?: StrayBytes,
  ) {
    this.filePos = offset;
    this.decoder = chunkDecoder(mode, stray);
    // Decoded, a byte becomes at most 3 bytes of UTF-8 (0x80 in Windows-1252 is €, E2 82 AC);
    // a UTF-16 pair 4 (or 3 for one unit), a repaired chunk's carry up to 3 more bytes.
    this.raw = this.decoder ? Buffer.allocUnsafe(chunk >> 2) : null;
    this.maxOut = this.raw ? this.raw.length * 3 + 16 : 1;
  }

  /** Appends the next text to buf at `at` (room: buf.length - at); 0 at the end of the file. */
  read(buf: Buffer, at: number): number {
    if (!this.raw) {
      const got = readAt(this.file, this.fd, buf, at, buf.length - at, this.filePos);
      this.filePos += got;
      return got;
    }
    for (;;) {
      const got = readAt(this.file, this.fd, this.raw, 0, this.raw.length, this.filePos);
      this.filePos += got;
      let text: string | Buffer;
      if (got > 0) text = this.decoder!.decode(this.raw.subarray(0, got));
      else if (this.ended) return 0;
      else {
        this.ended = true;
        text = this.decoder!.end();
      }
      const n = typeof text === 'string' ? buf.write(text, at, 'utf8') : text.copy(buf, at);
      // A chunk that is all carried to the next (or decodes to nothing) is not the end: read on.
      if (n > 0 || got === 0) return n;
    }
  }
}

/** The stray bytes of a UTF-8 file that has some (mode utf-8-repair), found by decoding it once. */
export function strayBytesOf(file: string, fd: number, offset: number): StrayBytes {
  const stray: StrayBytes = { lines: [], bytes: 0 };
  const input = new TextInput(file, fd, offset, 'utf-8-repair', CHUNK, stray);
  const scratch = Buffer.allocUnsafe(input.maxOut);
  while (input.read(scratch, 0) > 0);
  return stray;
}

/** The warning for a UTF-8 file with bytes that are not UTF-8: where, what was done, what to do. */
export function repairNote(file: string, r: StrayBytes): Bilingual {
  const lines = r.lines.slice(0, 10).join(', ');
  const more = r.lines.length - 10;
  return both(
    `${file}: er UTF-8, men ${r.bytes} byte(s) på linje ${lines}${more > 0 ? ` og ${more} flere` : ''} er ikke UTF-8 ` +
      `og er læst som Windows-1252 (fx byte E6 som "æ"); tjek de linjer, og gem filen som UTF-8 i fagsystemet`,
    `${file}: is UTF-8, but ${r.bytes} byte(s) on line${r.lines.length > 1 ? 's' : ''} ${lines}${more > 0 ? ` and ${more} more` : ''} are not UTF-8 ` +
      `and were read as Windows-1252 (e.g. byte E6 as "æ"); check those lines, and save the file as UTF-8 in the case system`,
  );
}
