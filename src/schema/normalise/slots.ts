/**
 * Interned categorical columns of the fast CSV path: each distinct value of a column is read from
 * its bytes once (vocabulary, unknown text, exit group, the store's id) and found again by id.
 */
import { ColumnInterner } from '../../io/intern.js';
import type { ByteRow, RawValue } from '../../io/raw.js';
import type { CategoryField, Horizon } from '../../model/fields.js';
import { isMissing, parseGender } from '../values.js';
import type { VocabSet, Vocabulary } from '../vocab.js';
import { text } from './ledger.js';

export type CategoricalField = 'exitReason' | CategoryField | `followUp${Horizon}`;

/** A categorical column of the fast path: its values interned from the bytes. */
export class Slot {
  /** Per id: the value (canonical, or as written when unknown), null when missing. */
  readonly values: (string | null)[] = [];
  /** Per id: the raw text when not in the vocabulary (counted as unknown), else null. */
  readonly unknown: (string | null)[] = [];
  /** Per id: the exit group (exit reasons only). */
  readonly groups: (string | null)[] = [];
  /** Per id: the id of the value (of the exit, for exit reasons; the gender code) in the course store. */
  readonly storeIds: number[] = [];

  constructor(
    readonly field: CategoricalField | 'gender',
    readonly col: number,
    private readonly vocabulary: Vocabulary | undefined,
    private readonly vocab: VocabSet,
    readonly storeId: (value: string | null, group: string | null) => number,
  ) {}

  /** The id of the column's value in a byte row (an absent field reads as empty). */
  id(r: ByteRow): number {
    const c = this.col;
    const s = c < r.count ? r.start[c]! : 0;
    const e = c < r.count ? r.end[c]! : 0;
    const known = this.column.count;
    const id = this.column.id(r.buf, s, e);
    if (id === known) this.add(id, r.buf, s, e);
    return id;
  }

  private readonly column = new ColumnInterner();

  private add(id: number, buf: Buffer, s: number, e: number): void {
    const v: RawValue = s === e ? null : buf.toString('utf8', s, e);
    let value: string | null = null;
    let unknown: string | null = null;
    if (this.field === 'gender') value = parseGender(v);
    else if (!isMissing(v)) {
      const raw = text(v);
      const entry = this.vocabulary?.lookup(raw);
      value = entry ? entry.value : raw;
      if (this.vocabulary && !entry) unknown = raw;
    }
    this.values[id] = value;
    this.unknown[id] = unknown;
    this.groups[id] =
      this.field === 'exitReason' && value !== null ? (this.vocab.groupOf(value) ?? null) : null;
    this.storeIds[id] = this.storeId(value, this.groups[id]!);
  }
}

/**
 * The key of a shared follow-up record of the fast path: the ids of its four values (-1: no
 * column), in a small integer when they are small (a Map finds those fastest), else a string.
 */
export const followUpKey = (a: number, b: number, c: number, d: number): number | string =>
  a < 126 && b < 126 && c < 126 && d < 126
    ? (((a + 1) * 128 + b + 1) * 128 + c + 1) * 128 + d + 1
    : `${a},${b},${c},${d}`;
