/**
 * The typed-array columns a course store is made of: value ids into small tables, the marker of
 * a missing day or number, and growing a column.
 */
/** A missing day or number in an Int32 column (null in a Course). */
export const NONE = -2147483648;

/** The values of a column: id 0 is null, the others in order of first sight. */
export class ValueTable {
  readonly values: (string | null)[] = [null];
  private readonly ids = new Map<string, number>();

  /** `onNewId` is told each new id (the store widens a column that outgrows 16 bits). */
  constructor(private readonly onNewId: (id: number) => void = () => {}) {}

  id(v: string | null): number {
    if (v === null) return 0;
    let id = this.ids.get(v);
    if (id === undefined) {
      id = this.values.length;
      this.onNewId(id);
      this.values.push(v);
      this.ids.set(v, id);
    }
    return id;
  }
}

/**
 * A column of value ids: 16 bits while its table holds fewer than 65,536 values (always, for
 * real exports), widened to 32 bits when one holds more.
 */
export type IdColumn = Uint16Array | Int32Array;

export type Column = Int32Array | IdColumn | Uint8Array | Float64Array;

/** The same kind of typed array as `a`, of length n, holding a's values (as many as fit). */
export function resized<T extends Column>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(n < a.length ? a.subarray(0, n) : a);
  return b;
}
