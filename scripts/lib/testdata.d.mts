/** Types of testdata.mjs, for the tests. */
export function rng(seed: number): () => number;
export function pick<T>(r: () => number, xs: readonly T[]): T;
export function minimalParts(): [string, Buffer][];
/** A zip of deflated entries; a third element makes the entry claim that uncompressed size. */
export function zip(
  entries: ([string, Buffer] | [string, Buffer, number | undefined])[],
  opts?: { zip64?: boolean; encrypted?: string[]; badCrc?: string[]; stored?: RegExp },
): Buffer;
