/**
 * The one zip reader of jobfx: lists a zip's entries from its central directory (Zip64 included)
 * and inflates an entry with a cap on its output, checking its CRC-32. Every workbook is read
 * through here before either xlsx reader sees it, so the size limits hold on every path.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { inputError } from '../errors.js';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when the entry is inflated. */
  method: number;
  /** General-purpose bit flags; bit 0: encrypted. */
  flags: number;
  crc: number;
  compressedSize: number;
  /** As the central directory says: a zip bomb may lie, so it is checked by inflating. */
  size: number;
  /** Offset of the entry's local header. */
  localOffset: number;
  /** Offset of the entry's record in the central directory. */
  centralOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Thrown (as a plain Error) where the bytes are not a readable zip; callers word the message. */
export class ZipDamaged extends Error {}

/**
 * The entries of a zip, in central-directory order. A Zip64 archive (more than 65,534 entries,
 * or offsets and sizes beyond 4 GB) is read through its Zip64 records. Throws ZipDamaged when
 * the directory cannot be walked.
 */
export function zipEntries(buf: Buffer): ZipEntry[] {
  const eocd = findEocd(buf);
  let count = buf.readUInt16LE(eocd + 10);
  let dirOffset = buf.readUInt32LE(eocd + 16);
  let dirEnd = eocd;
  const locator = eocd - 20;
  const zip64 = locator >= 0 && buf.readUInt32LE(locator) === ZIP64_LOCATOR;
  if (zip64) {
    const at = safeNumber(buf.readBigUInt64LE(locator + 8));
    if (at + 56 > buf.length || buf.readUInt32LE(at) !== ZIP64_EOCD) throw new ZipDamaged('zip64 record');
    count = safeNumber(buf.readBigUInt64LE(at + 32));
    dirOffset = safeNumber(buf.readBigUInt64LE(at + 48));
    dirEnd = at;
  } else if (dirOffset === 0xffffffff) throw new ZipDamaged('zip64 offsets without the zip64 record');
  // Walked to its end, not `count` entries: without Zip64 records the 16-bit count of a zip of
  // 65,535 entries or more is all ones or has wrapped around; it is checked against the walk.
  const entries: ZipEntry[] = [];
  for (let p = dirOffset; p + 4 <= dirEnd && buf.readUInt32LE(p) === CENTRAL;) {
    if (p + 46 > buf.length) throw new ZipDamaged('central directory');
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const entry: ZipEntry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLength).replace(/^\//, ''),
      method: buf.readUInt16LE(p + 10),
      flags: buf.readUInt16LE(p + 8),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      centralOffset: p,
    };
    const extraStart = p + 46 + nameLength;
    applyZip64Extra(entry, buf.subarray(extraStart, extraStart + extraLength));
    entries.push(entry);
    p = extraStart + extraLength + buf.readUInt16LE(p + 32);
  }
  const walked = zip64 ? entries.length : entries.length % 0x10000;
  if (walked !== count && !(!zip64 && count === 0xffff && entries.length >= 0xffff))
    throw new ZipDamaged(`central directory holds ${entries.length} entries, the zip says ${count}`);
  return entries;
}

function findEocd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === EOCD) return i;
  throw new ZipDamaged('no end of central directory');
}

/** The Zip64 extended information field (0x0001) holds, in order, each field that is all ones. */
function applyZip64Extra(e: ZipEntry, extra: Buffer): void {
  if (e.size !== 0xffffffff && e.compressedSize !== 0xffffffff && e.localOffset !== 0xffffffff) return;
  for (let q = 0; q + 4 <= extra.length;) {
    const id = extra.readUInt16LE(q);
    const len = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const next = (): number => {
        if (r + 8 > q + 4 + len) throw new ZipDamaged('zip64 extra field');
        const v = safeNumber(extra.readBigUInt64LE(r));
        r += 8;
        return v;
      };
      if (e.size === 0xffffffff) e.size = next();
      if (e.compressedSize === 0xffffffff) e.compressedSize = next();
      if (e.localOffset === 0xffffffff) e.localOffset = next();
      return;
    }
    q += 4 + len;
  }
  throw new ZipDamaged('zip64 sizes without their extra field');
}

function safeNumber(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipDamaged('zip64 value out of range');
  return Number(v);
}

/** The refusal of an encrypted entry: the one message for every reader. */
export function encryptedError(file: string, entry: string): Error {
  return inputError(
    `${file}: is encrypted/password protected (zip entry ${entry}); open it in Excel and save it without a password`,
  );
}

/**
 * An entry's bytes, inflated with at most `cap` bytes of output ('too big' beyond it), and its
 * CRC-32 checked. An encrypted entry, an unknown compression method, bytes that do not inflate,
 * and a CRC mismatch are input errors naming the file and the entry.
 */
export function inflateEntry(file: string, buf: Buffer, e: ZipEntry, cap: number): Buffer | 'too big' {
  if (e.flags & 1) throw encryptedError(file, e.name);
  const damaged = (what: string) =>
    inputError(
      `${file}: could not be read as an Excel workbook; the file may be damaged: ` +
        `open it in Excel and save it again as .xlsx (zip entry ${e.name}: ${what})`,
    );
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw damaged('no local header');
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) throw damaged('truncated');
  const packed = buf.subarray(start, start + e.compressedSize);
  let data: Buffer;
  if (e.method === 0) {
    if (packed.length > cap) return 'too big';
    data = packed;
  } else if (e.method === 8) {
    // No more than the directory says (plus one byte, to see a lie): a bomb that claims to be
    // small stops there instead of at the size limit.
    const lie = e.size < cap;
    try {
      data = inflateRawSync(packed, { maxOutputLength: Math.max(1, lie ? e.size + 1 : cap) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') throw damaged('does not inflate');
      if (!lie) return 'too big';
      throw damaged(`it unpacks to more than the ${e.size} bytes the zip says`);
    }
  } else throw damaged(`compression method ${e.method}, which jobfx does not read`);
  // JSZip (in exceljs) refuses this too, but only after inflating it again.
  if (data.length !== e.size) throw damaged(`it unpacks to ${data.length} bytes, the zip says ${e.size}`);
  const crc = crc32(data);
  if (crc !== e.crc) throw damaged(`CRC-32 is ${hex(crc)}, the zip says ${hex(e.crc)}`);
  return data;
}

const hex = (n: number): string => n.toString(16).padStart(8, '0');
