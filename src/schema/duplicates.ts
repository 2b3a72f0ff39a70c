/**
 * The accepted courses of each person, to find a row that repeats one (the same person, start
 * date and programme). A person's courses form a chain, latest first, which is walked while it is
 * short: most persons have one to three courses, and the chain sits next to the person instead of
 * in a hash table the size of the export. A person with more than CHAIN_MAX courses also has them
 * in a hash table, so that an export where one person holds thousands of rows (a CPR column
 * filled down by mistake) is still read in linear time.
 */
import { IdTable, mix } from '../io/intern.js';
import { MAX_RESERVE, resized, type CourseStore } from './course-store.js';

const CHAIN_MAX = 16;

const keyHash = (person: number, start: number, programme: number): number =>
  mix(mix(person, start), programme);

export class DuplicateIndex {
  /** Per person: their latest accepted course, -1 for none. */
  private latest = new Int32Array(1024).fill(-1);
  /** Per person: how many accepted courses, counted up to 255. */
  private count = new Uint8Array(1024);
  /** Per course: the same person's accepted course before it, -1 for none. */
  private previous = new Int32Array(1024);
  /** The courses of persons with more than CHAIN_MAX of them, by person, start and programme. */
  private readonly crowded: IdTable;

  constructor(private readonly store: CourseStore) {
    this.crowded = new IdTable((i) => keyHash(store.person[i]!, store.start[i]!, store.ids.programme[i]!));
  }

  /** Room for about this many courses. */
  reserve(courses: number): void {
    const capped = Math.min(courses, MAX_RESERVE);
    if (capped > this.previous.length) this.previous = resized(this.previous, capped);
  }

  /** The accepted course with this person, start and programme (a programme id of the store), or -1. */
  find(person: number, start: number, programme: number): number {
    if (person >= this.latest.length) return -1;
    const s = this.store;
    if (this.count[person]! > CHAIN_MAX) {
      const t = this.crowded;
      t.begin(keyHash(person, start, programme));
      for (let i = t.next(); i >= 0; i = t.next())
        if (s.person[i] === person && s.start[i] === start && s.ids.programme[i] === programme) return i;
      return -1;
    }
    for (let i = this.latest[person]!; i >= 0; i = this.previous[i]!)
      if (s.start[i] === start && s.ids.programme[i] === programme) return i;
    return -1;
  }

  /** Records course i of the store as accepted (its person, start and programme are in the store). */
  add(i: number): void {
    const p = this.store.person[i]!;
    if (p >= this.latest.length) {
      const n = Math.max(p + 1, this.latest.length * 2);
      const latest = new Int32Array(n).fill(-1);
      latest.set(this.latest);
      this.latest = latest;
      this.count = resized(this.count, n);
    }
    if (i >= this.previous.length)
      this.previous = resized(this.previous, Math.max(i + 1, this.previous.length * 2));
    this.previous[i] = this.latest[p]!;
    this.latest[p] = i;
    const n = this.count[p]! + 1;
    if (n <= 255) this.count[p] = n;
    if (n === CHAIN_MAX + 1)
      for (let j = i; j >= 0; j = this.previous[j]!)
        this.crowded.add(keyHash(p, this.store.start[j]!, this.store.ids.programme[j]!), j);
    else if (n > CHAIN_MAX + 1)
      this.crowded.add(keyHash(p, this.store.start[i]!, this.store.ids.programme[i]!), i);
  }
}
