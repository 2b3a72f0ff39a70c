// Test data shared by the tests and the bench and fuzz scripts: a seeded random generator and a
// zip writer for hand-made (and deliberately broken) workbooks. Plain JavaScript so that the
// scripts run without a build; its types are in testdata.d.mts for the tests.
import { crc32, deflateRawSync } from 'node:zlib';

/** mulberry32: a small seeded generator, so that every machine makes the same bytes. Values in [0, 1). */
export function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of xs, drawn with r. */
export const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

/** The parts a workbook needs besides its sheet (xl/worksheets/sheet1.xml), as zip entries. */
export function minimalParts() {
  return [
    [
      'xl/workbook.xml',
      Buffer.from(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    ],
    [
      'xl/_rels/workbook.xml.rels',
      Buffer.from(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    ],
  ];
}

/**
 * A zip of deflated entries; a third element makes an entry claim that uncompressed size.
 * Options, for hostile and unusual archives: `zip64` writes the Zip64 records (sizes and offsets
 * in the extra field, counts in the Zip64 end record), `encrypted` sets the encryption flag on
 * the entries of those names, `badCrc` stores a wrong CRC-32 for the entries of those names,
 * `stored` stores the entries whose names it matches uncompressed (quicker for thousands).
 */
export function zip(entries, opts = {}) {
  const { zip64 = false, encrypted = [], badCrc = [], stored } = opts;
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, data, claimed] of entries) {
    const method = stored?.test(name) ? 0 : 8;
    const packed = method === 0 ? data : deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const size = claimed ?? data.length;
    const crc = badCrc.includes(name) ? (crc32(data) ^ 1) >>> 0 : crc32(data);
    const flags = encrypted.includes(name) ? 1 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, packed);
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(packed.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(zip64 ? 45 : 20, 4);
    dir.writeUInt16LE(zip64 ? 45 : 20, 6);
    dir.writeUInt16LE(flags, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(zip64 ? 0xffffffff : packed.length, 20);
    dir.writeUInt32LE(zip64 ? 0xffffffff : size, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt16LE(extra.length, 30);
    dir.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    central.push(dir, nameBytes, extra);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const tail = [];
  if (zip64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(entries.length), 24);
    rec.writeBigUInt64LE(BigInt(entries.length), 32);
    rec.writeBigUInt64LE(BigInt(dirSize), 40);
    rec.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + dirSize), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(rec, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  // Without Zip64 records, 65,535 or more entries are written as 0xffff (as many writers do).
  end.writeUInt16LE(Math.min(zip64 ? 0xffff : entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(zip64 ? 0xffff : entries.length, 0xffff), 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : dirSize, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...locals, ...central, ...tail, end]);
}

/** The entries of a plain zip (no zip64), or null. */
