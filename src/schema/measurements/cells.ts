/**
 * The cells of a fast-path CSV record as strings, decoded once per distinct value of a column:
 * a long measurement file repeats its person, dates, indicator names, scores and scale on row
 * after row, and decoding each of a million rows' cells afresh was a fifth of a run. The same
 * bytes give the same string as RawRow's materialise (UTF-8, '' as null).
 */
import { ByteInterner } from '../../io/intern.js';
import type { ByteRow } from '../../io/raw.js';

/** Past this many distinct values a column is decoded cell by cell (a free-text column). */
const MAX_DISTINCT = 65_536;

class ColumnCache {
  private readonly interner = new ByteInterner();
  private readonly strings: string[] = [];
  private last = -1;

  text(buf: Buffer, s: number, e: number): string {
    const guess = this.last;
    if (guess >= 0 && this.interner.equals(guess, buf, s, e)) return this.strings[guess]!;
    let id = this.interner.find(buf, s, e);
    if (id < 0) {
      const str = buf.toString('utf8', s, e);
      if (this.interner.count >= MAX_DISTINCT) return str;
      id = this.interner.add(buf, s, e);
      this.strings[id] = str;
    }
    this.last = id;
    return this.strings[id]!;
  }
}

/** Decodes records into one reused array of cells (valid until the next record). */
export function cellDecoder(): (r: ByteRow) => (string | null)[] {
  const columns: ColumnCache[] = [];
  const cells: (string | null)[] = [];
  return (r) => {
    cells.length = r.count;
    for (let i = 0; i < r.count; i++) {
      const s = r.start[i]!;
      const e = r.end[i]!;
      cells[i] = s === e ? null : (columns[i] ??= new ColumnCache()).text(r.buf, s, e);
    }
    return cells;
  };
}
