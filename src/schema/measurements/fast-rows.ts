/**
 * The fast path of a measurement CSV file: a row read straight from its bytes. Each column's
 * distinct values are interned (src/io/intern.ts) and read once, with the general reader's own
 * parsers (a day, a measurement word, an indicator, a score, a scale, a person's pseudonym), so
 * a million rows that repeat a few thousand values cost a lookup per cell, not a string, a
 * parse and an object. A row whose every value reads cleanly is added as ids; any other row
 * (empty or unreadable values, totals, an unknown indicator ...) is left to the general reader
 * (rows.ts), which words what is wrong. Nothing is stored before a row is known to be clean, so a
 * row left to the general reader is read once. BENCHMARKS.md, "Progression".
 */
import { ColumnInterner } from '../../io/intern.js';
import type { ByteRow } from '../../io/raw.js';
import { text, TOTALS_LABEL, type Reason } from '../normalise/ledger.js';
import { NONE } from '../store-columns.js';
import { matchKey } from '../normalize-text.js';
import { isMissing, parseDate, parseNumber, textOf } from '../values.js';
import type { MeasurementMapping } from './columns.js';
import { parseScale, type IndicatorSet, type Scale } from './indicators.js';
import { SLOTS, type personIds } from './rows.js';
import type { ReadRows, Slot } from './store.js';

/** A value the general reader must read (it words the problem). */
const BAD = -2;
/** An empty or missing value. */
const ABSENT = -1;
/** A measurement column holding a date rather than 1/2/3: A_DATE + the day's index in `days`. */
const A_DATE = 4;

/**
 * How one kind of column reads a value: BAD, or a number ≥ 0 (an index into the reader's own
 * list of days, scores, scales or names, a slot, an indicator).
 */
type Reader = (v: string) => number;

/** One column of the file: its interned values and what each reads as. */
class Column {
  private readonly ids = new ColumnInterner();
  /** Per id: the reader's number for the value (ABSENT when empty or missing). */
  readonly values: number[] = [];
  /** Per id: the store's id of the value (a person, a course text), −1 until first stored. */
  readonly storeIds: number[] = [];
  /** Per id, for a text column: the value as the general reader keeps it. */
  readonly texts: (string | null)[] = [];

  constructor(
    readonly index: number,
    private read: Reader,
    private readonly keepText = false,
  ) {}

  /** The id of the column's value in row r (an absent field reads as empty). */
  id(r: ByteRow): number {
    const c = this.index;
    const s = c < r.count ? r.start[c]! : 0;
    const e = c < r.count ? r.end[c]! : 0;
    const known = this.ids.count;
    const id = this.ids.id(r.buf, s, e);
    if (id === known) {
      // Decoded as the general path decodes it (RawRow's materialise: UTF-8, '' as null).
      const v = s === e ? null : r.buf.toString('utf8', s, e);
      const missing = v === null || isMissing(v);
      this.values[id] = missing ? ABSENT : this.read(v);
      this.storeIds[id] = -1;
      if (this.keepText) this.texts[id] = missing ? null : text(v);
    }
    return id;
  }

  /** The value's number in row r (BAD, ABSENT or what it reads as). */
  value(r: ByteRow): number {
    return this.values[this.id(r)]!;
  }

  /** Column 0: a value that names a totals row ("I alt") reads as BAD. */
  readsTotals(): void {
    const read = this.read;
    this.read = (v) => (TOTALS_LABEL.test(v.trim()) ? BAD : read(v));
  }
}

/**
 * A reader of the clean rows of a mapped measurement CSV file from their bytes: true when row r
 * was added to `rows` (accepted), false when it is the general reader's.
 */
export function fastRowReader(
  mapping: MeasurementMapping,
  indicators: IndicatorSet,
  person: ReturnType<typeof personIds>,
  rows: ReadRows,
  date1904: boolean,
): (r: ByteRow) => boolean {
  const f = mapping.fields;
  const column = (index: number | undefined, read: Reader, keepText = false) =>
    index === undefined ? null : new Column(index, read, keepText);
  const reasons: Reason[] = [];
  const names: string[] = [];
  const personCol = new Column(f.personId!, (v) => {
    reasons.length = 0;
    const name = person(v, reasons, '');
    return name === null || reasons.length > 0 ? BAD : names.push(name) - 1;
  });
  const days: number[] = [];
  const dateOf = (v: string) => {
    const d = parseDate(v, date1904);
    return d.ok ? days.push(d.value) - 1 : BAD;
  };
  const dateCol = column(f.date, dateOf);
  const startCol = column(f.courseStart, dateOf);
  const endCol = column(f.courseEnd, dateOf);
  const occCol = column(f.occasion, (v) => {
    const slot = SLOTS.get(matchKey(v));
    if (slot !== undefined) return slot;
    // Måling may hold the date of the measurement itself.
    const d = dateOf(v);
    return d === BAD ? BAD : A_DATE + d;
  });
  const scales: Scale[] = [];
  const scaleCol = column(f.scale, (v) => {
    const s = parseScale(textOf(v));
    return s === null ? BAD : scales.push(s) - 1;
  });
  const numbers: number[] = [];
  const scoreOf = (v: string) => {
    const n = parseNumber(v);
    return n.ok ? numbers.push(n.value) - 1 : BAD;
  };
  const indexOf = new Map(indicators.list.map((ind, i) => [ind, i]));
  const indicatorCol = column(f.indicator, (v) => {
    const ind = indicators.lookup(textOf(v));
    return ind ? indexOf.get(ind)! : BAD;
  });
  const scoreCol = column(f.score, scoreOf);
  const wide = [...mapping.indicatorColumns.keys()].map((c) => new Column(c, scoreOf));
  const wideIndicator = [...mapping.indicatorColumns.values()].map((ind) => indexOf.get(ind)!);
  const wideIds = new Int32Array(wide.length);
  const textCol = (t: 'programme' | 'unit' | 'targetGroup' | 'courseId') => column(f[t], () => 0, true);
  const programmeCol = textCol('programme');
  const unitCol = textCol('unit');
  const targetCol = textCol('targetGroup');
  const courseIdCol = textCol('courseId');
  const textId = (c: Column | null, r: ByteRow) => {
    if (c === null) return 0;
    const id = c.id(r);
    let s = c.storeIds[id]!;
    if (s < 0) c.storeIds[id] = s = rows.texts.id(c.texts[id]!);
    return s;
  };
  // Column 0 leads a totals row ("I alt"), the general reader's to skip: a mapped column 0
  // reads such a value as BAD, else column 0 is read for that alone.
  const mapped = [personCol, dateCol, startCol, endCol, occCol, scaleCol, indicatorCol, scoreCol]
    .concat(wide, programmeCol, unitCol, targetCol, courseIdCol)
    .filter((c): c is Column => c !== null);
  const first = mapped.find((c) => c.index === 0);
  first?.readsTotals();
  const totals = first ? null : new Column(0, () => 0);
  totals?.readsTotals();
  const texts = [programmeCol, unitCol, targetCol, courseIdCol].filter((c): c is Column => c !== null);
  const long = mapping.shape === 'long';
  const list = indicators.list;
  const dayOf = (d: number) => (d === ABSENT ? NONE : days[d]!);

  return (r) => {
    if (totals && totals.value(r) === BAD) return false;
    for (const c of texts) if (c.value(r) === BAD) return false;
    const pid = personCol.id(r);
    const who = personCol.values[pid]!;
    if (who < 0) return false;
    const d = dateCol ? dateCol.value(r) : ABSENT;
    if (d === BAD) return false;
    let day = dayOf(d);
    let slot: Slot = 0;
    if (occCol) {
      const o = occCol.value(r);
      if (o === BAD) return false;
      if (o >= A_DATE) {
        if (day === NONE) day = days[o - A_DATE]!;
      } else if (o > 0) slot = o as Slot;
    }
    if (slot === 0 && day === NONE) return false;
    const start = startCol ? startCol.value(r) : ABSENT;
    const end = endCol ? endCol.value(r) : ABSENT;
    if (start === BAD || end === BAD) return false;
    const sc = scaleCol ? scaleCol.value(r) : ABSENT;
    if (sc === BAD) return false;
    const scale = sc === ABSENT ? null : scales[sc]!;
    let indicator = BAD;
    let score = BAD;
    if (long) {
      indicator = indicatorCol!.value(r);
      score = scoreCol!.value(r);
      if (indicator < 0 || score < 0) return false;
    } else {
      let any = false;
      for (let w = 0; w < wide.length; w++) {
        const v = wide[w]!.values[(wideIds[w] = wide[w]!.id(r))]!;
        if (v === BAD) return false;
        if (v !== ABSENT) any = true;
      }
      if (!any) return false;
    }
    // Clean: stored in the general reader's order (the person, then the texts as addRow takes them).
    let personId = personCol.storeIds[pid]!;
    if (personId < 0) personCol.storeIds[pid] = personId = rows.persons.id(names[who]!);
    rows.addIds(
      r.rowNumber,
      personId,
      slot,
      day,
      dayOf(start),
      dayOf(end),
      textId(programmeCol, r),
      textId(unitCol, r),
      textId(targetCol, r),
      textId(courseIdCol, r),
    );
    if (long) rows.addScore(indicator, numbers[score]!, scale ?? list[indicator]!.scale ?? null);
    else
      for (let w = 0; w < wide.length; w++) {
        const v = wide[w]!.values[wideIds[w]!]!;
        const i = wideIndicator[w]!;
        if (v !== ABSENT) rows.addScore(i, numbers[v]!, scale ?? list[i]!.scale ?? null);
      }
    return true;
  };
}
