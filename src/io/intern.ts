/**
 * Small hash tables for the fast paths, built on typed arrays so that a million rows do not
 * become a million strings or Map entries: byte strings → small ids, and numbers → ids.
 */

/** FNV-1a over bytes [s, e). */
export function hashBytes(buf: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return h >>> 0;
}

/** FNV-1a over a string's UTF-16 code units. */
export function hashString(str: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) h = Math.imul(h ^ str.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Mixes integers into a hash (for composite keys); an int32, so that V8 never boxes it. */
export function mix(h: number, x: number): number {
  h = Math.imul(h ^ (x | 0), 0x9e3779b1);
  return (h ^ (h >>> 15)) | 0;
}

/**
 * Interns byte strings: the same bytes always get the same id (0, 1, 2 ... in order of first
 * sight). `find` never allocates; `add` copies the bytes once into a pool.
 */
export class ByteInterner {
  private slots: Int32Array;
  private hashes: Uint32Array;
  private pool: Uint8Array;
  private poolUsed = 0;
  private offsets: Int32Array;
  private lengths: Int32Array;
  count = 0;

  constructor(capacity = 64) {
    const size = nextPow2(capacity * 2);
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Uint32Array(capacity);
    this.offsets = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity);
    this.pool = new Uint8Array(1024);
  }

  /** The id of bytes [s, e) of buf, or -1 when they were never added. */
  find(buf: Uint8Array, s: number, e: number, h = hashBytes(buf, s, e)): number {
    const mask = this.slots.length - 1;
    const len = e - s;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = this.slots[i]!;
      if (id < 0) return -1;
      if (this.hashes[id] === h && this.lengths[id] === len) {
        const o = this.offsets[id]!;
        const pool = this.pool;
        let j = 0;
        while (j < len && pool[o + j] === buf[s + j]) j++;
        if (j === len) return id;
      }
    }
  }

  /** Whether id stands for bytes [s, e) of buf. */
  equals(id: number, buf: Uint8Array, s: number, e: number): boolean {
    const len = e - s;
    if (this.lengths[id] !== len) return false;
    const o = this.offsets[id]!;
    const pool = this.pool;
    for (let j = 0; j < len; j++) if (pool[o + j] !== buf[s + j]) return false;
    return true;
  }

  /** Adds bytes [s, e) (which must not be present yet) and returns their new id. */
  add(buf: Uint8Array, s: number, e: number, h = hashBytes(buf, s, e)): number {
    const id = this.count++;
    if (id >= this.hashes.length) this.growEntries();
    if (this.count * 2 > this.slots.length) this.rehash();
    const len = e - s;
    if (this.poolUsed + len > this.pool.length) {
      const pool = new Uint8Array(nextPow2(Math.max(this.pool.length * 2, this.poolUsed + len)));
      pool.set(this.pool.subarray(0, this.poolUsed));
      this.pool = pool;
    }
    this.pool.set(buf.subarray(s, e), this.poolUsed);
    this.offsets[id] = this.poolUsed;
    this.lengths[id] = len;
    this.hashes[id] = h;
    this.poolUsed += len;
    this.insert(id, h);
    return id;
  }

  private insert(id: number, h: number): void {
    const mask = this.slots.length - 1;
    let i = h & mask;
    while (this.slots[i]! >= 0) i = (i + 1) & mask;
    this.slots[i] = id;
  }

  private growEntries(): void {
    const n = this.hashes.length * 2;
    const grow = <T extends Int32Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.hashes = grow(this.hashes, (k) => new Uint32Array(k));
    this.offsets = grow(this.offsets, (k) => new Int32Array(k));
    this.lengths = grow(this.lengths, (k) => new Int32Array(k));
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let id = 0; id < this.count - 1; id++) this.insert(id, this.hashes[id]!);
  }
}

/**
 * The values of one column of byte rows, interned: a column holds a handful of values (or a few
 * tens of thousands of persons), so a guess from the length and three bytes, checked byte by
 * byte, finds most of them without hashing the whole value. Ids come in order of first sight:
 * an id equal to `count` before the call is a value never seen (the caller reads it then).
 */
export class ColumnInterner {
  readonly interner = new ByteInterner();
  private readonly quick = new Int32Array(256).fill(-1);

  get count(): number {
    return this.interner.count;
  }

  id(buf: Uint8Array, s: number, e: number): number {
    const len = e - s;
    const q = len === 0 ? 0 : (len * 31 + buf[s]! * 7 + buf[e - 1]! * 13 + buf[s + (len >> 1)]!) & 255;
    const guess = this.quick[q]!;
    if (guess >= 0 && this.interner.equals(guess, buf, s, e)) return guess;
    const h = hashBytes(buf, s, e);
    let id = this.interner.find(buf, s, e, h);
    if (id < 0) id = this.interner.add(buf, s, e, h);
    this.quick[q] = id;
    return id;
  }
}

/**
 * Non-negative int32 keys → int values; open addressing, no per-entry objects. [key, value]
 * pairs in one Int32Array, so a probe touches one cache line; at most half the slots used.
 */
export class IntTable {
  private slots: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.slots = new Int32Array(nextPow2(capacity * 2) * 2).fill(-1);
  }

  /** The value stored for key, or -1. */
  get(key: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let i = mix(0x2545f491, key) & mask; ; i = (i + 1) & mask) {
      const k = slots[2 * i]!;
      if (k === key) return slots[2 * i + 1]!;
      if (k === -1) return -1;
    }
  }

  /** Stores a value for a key not present yet. */
  set(key: number, value: number): void {
    if ((this.size + 1) * 4 > this.slots.length) this.grow();
    this.put(key, value);
    this.size++;
  }

  private put(key: number, value: number): void {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let i = mix(0x2545f491, key) & mask;
    while (slots[2 * i] !== -1) i = (i + 1) & mask;
    slots[2 * i] = key;
    slots[2 * i + 1] = value;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    for (let i = 0; i < old.length; i += 2) if (old[i] !== -1) this.put(old[i]!, old[i + 1]!);
  }
}

/**
 * Int ids by a caller's hash (e.g. accepted courses by person, start and programme), storing
 * only the ids: 4 bytes a slot, at most half of them used. A walk gives every id stored near
 * the hash and the caller checks each against its own columns; when the table grows, the
 * caller's `hashOf` gives the hash of each id again.
 */
export class IdTable {
  private slots: Int32Array;
  size = 0;
  private cursor = 0;

  constructor(
    private readonly hashOf: (id: number) => number,
    capacity = 1024,
  ) {
    this.slots = new Int32Array(nextPow2(capacity * 2)).fill(-1);
  }

  /** Room for n ids without growing (a caller that knows roughly how many will come). */
  reserve(n: number): void {
    if (n * 2 > this.slots.length) this.rebuild(nextPow2(n * 2));
  }

  /** Starts a walk over the ids that may have hash h; `next()` gives them one by one, then -1. */
  begin(h: number): void {
    this.cursor = h & (this.slots.length - 1);
  }

  next(): number {
    const id = this.slots[this.cursor]!;
    if (id >= 0) this.cursor = (this.cursor + 1) & (this.slots.length - 1);
    return id;
  }

  add(h: number, id: number): void {
    if ((this.size + 1) * 2 > this.slots.length) this.rebuild(this.slots.length * 2);
    this.put(h, id);
    this.size++;
  }

  private put(h: number, id: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let i = h & mask;
    while (slots[i]! >= 0) i = (i + 1) & mask;
    slots[i] = id;
  }

  private rebuild(size: number): void {
    const old = this.slots;
    this.slots = new Int32Array(size).fill(-1);
    for (let i = 0; i < old.length; i++) if (old[i]! >= 0) this.put(this.hashOf(old[i]!), old[i]!);
  }
}

function nextPow2(n: number): number {
  let p = 16;
  while (p < n) p *= 2;
  return p;
}
