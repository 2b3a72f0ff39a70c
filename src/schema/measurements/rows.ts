/**
 * One row of a measurement file → its measurements (one in the long shape, one per filled
 * indicator column in the wide shape), or the reasons it is rejected. The CPR number is turned
 * into a pseudonym here and goes no further (docs/definitions.md#progression).
 */
import type { Day } from '../../base/dates.js';
import { both } from '../../base/i18n.js';
import type { RawValue } from '../../io/raw.js';
import { parseCpr, type Pseudonymiser } from '../cpr.js';
import { problem, text, type Reason } from '../normalise/ledger.js';
import { matchKey } from '../normalize-text.js';
import { isMissing, parseDate, parseNumber, textOf } from '../values.js';
import { MEASUREMENT_FIELDS, type MeasurementField, type MeasurementMapping } from './columns.js';
import { parseScale, type IndicatorSet, type Scale } from './indicators.js';
import type { ReadRows, RowFacts, Slot } from './store.js';

export type { ReadRows, RowFacts, Score, Slot } from './store.js';

const IS_EMPTY = both('er tom', 'is empty');

const SLOT_WORDS: [Slot, string[]][] = [
  [
    1,
    [
      '1',
      'baseline',
      'baselinemåling',
      'start',
      'startmåling',
      'opstart',
      'første',
      'før',
      '1. måling',
      'uge 0',
      'uge 1',
    ],
  ],
  [2, ['2', 'midtvejs', 'midtvejsmåling', 'midt', 'midway', 'uge 6', '2. måling', 'anden']],
  [
    3,
    ['3', 'slut', 'slutmåling', 'afslutning', 'afsluttende', 'end', 'final', 'uge 12', '3. måling', 'tredje'],
  ],
];
/** Measurement words (matchKey) → slot; the fast path (fast-rows.ts) reads them too. */
export const SLOTS = new Map<string, Slot>();
for (const [slot, words] of SLOT_WORDS) for (const w of words) SLOTS.set(matchKey(w), slot);

/** A person id cache: HMAC once per distinct id, not once per row (a million rows, some thousand persons). */
export function personIds(pseudonymise: Pseudonymiser, cpr: boolean) {
  const seen = new Map<string, string>();
  const byCell = new Map<string, string>();
  let lastCell: string | null = null;
  let lastName = '';
  return (v: RawValue, reasons: Reason[], header: string): string | null => {
    // The same cell text again (a long file repeats the person on every row): no CPR parse.
    if (typeof v === 'string') {
      if (v === lastCell) return lastName;
      const known = byCell.get(v);
      if (known !== undefined) {
        lastCell = v;
        return (lastName = known);
      }
    }
    if (isMissing(v)) {
      problem(reasons, header, undefined, IS_EMPTY);
      return null;
    }
    let key: string;
    if (cpr) {
      const c = parseCpr(typeof v === 'number' ? v : textOf(v));
      if (!c.ok) {
        problem(reasons, header, undefined, both(`værdien ${c.reason.da}`, `the value ${c.reason.en}`));
        return null;
      }
      key = c.digits;
    } else key = textOf(v);
    let name = seen.get(key);
    if (name === undefined) seen.set(key, (name = pseudonymise(key)));
    if (typeof v === 'string') {
      byCell.set(v, name);
      lastCell = v;
      lastName = name;
    }
    return name;
  };
}

/** Reads one row into `rows` (its facts, then its scores); a problem goes to `reasons`. */
export interface RowReader {
  (cells: RawValue[], reasons: Reason[], rows: ReadRows, rowNumber: number, ref?: string): void;
}

/** A reader of the rows of a mapped measurement file. */
export function rowReader(
  mapping: MeasurementMapping,
  headers: string[],
  indicators: IndicatorSet,
  person: ReturnType<typeof personIds>,
  date1904: boolean,
): RowReader {
  const col = mapping.fields;
  const name = (f: MeasurementField) => headers[col[f]!] ?? f;
  const indexOf = new Map(indicators.list.map((ind, i) => [ind, i]));
  const wide = [...mapping.indicatorColumns].map(([c, ind]) => ({ c, i: indexOf.get(ind)! }));
  // A million rows repeat a few hundred dates, indicators and measurement words: each text is
  // parsed once (the same text always parses the same way).
  const dates = memo((v: RawValue) => parseDate(v, date1904));
  const lookup = memo((v: RawValue) => indicators.lookup(textOf(v)));
  const slotOf = memo((v: RawValue) =>
    typeof v === 'string' || typeof v === 'number' ? SLOTS.get(matchKey(String(v))) : undefined,
  );
  const scales = memo((v: RawValue) => parseScale(textOf(v)));
  const optTexts = memo(optText);
  // Column of each field (−1: not in the file), so that a row is read without a closure per cell.
  const ix = Object.fromEntries(
    (Object.keys(MEASUREMENT_FIELDS) as MeasurementField[]).map((f) => [f, col[f] ?? -1]),
  ) as Record<MeasurementField, number>;
  let cells: RawValue[] = [];
  let reasons: Reason[] = [];
  const at = (f: MeasurementField): RawValue => (ix[f] < 0 ? null : (cells[ix[f]] ?? null));
  const dateOf = (f: MeasurementField): Day | null => {
    const v = at(f);
    if (ix[f] < 0 || isMissing(v)) return null;
    const d = dates(v);
    if (d.ok) return d.value;
    problem(reasons, name(f), v, d.reason);
    return null;
  };
  return (rowCells, rowReasons, rows, rowNumber, ref) => {
    cells = rowCells;
    reasons = rowReasons;
    const id = person(at('personId'), reasons, name('personId'));
    let slot: Slot = 0;
    let day = dateOf('date');
    const occ = at('occasion');
    if (col.occasion !== undefined && !isMissing(occ)) {
      const s = slotOf(occ);
      if (s !== undefined) slot = s;
      else {
        // Måling may hold the date of the measurement itself.
        const d = dates(occ);
        if (d.ok && day === null) day = d.value;
        else if (!d.ok)
          problem(
            reasons,
            name('occasion'),
            occ,
            both(
              'er ikke en måling: skriv 1, 2, 3, Baseline, Midtvejs, Slut eller en dato',
              'is not a measurement: write 1, 2, 3, Baseline, Midtvejs, Slut or a date',
            ),
          );
      }
    }
    if (slot === 0 && day === null && reasons.length === 0)
      problem(
        reasons,
        `${name('occasion')}/${name('date')}`,
        undefined,
        both(
          'hverken målingen (1/2/3) eller dens dato er udfyldt',
          'neither the measurement (1/2/3) nor its date is filled in',
        ),
      );
    const facts: RowFacts | null =
      id === null
        ? null
        : {
            person: id,
            slot,
            day,
            courseStart: dateOf('courseStart'),
            courseEnd: dateOf('courseEnd'),
            programme: optTexts(at('programme')),
            unit: optTexts(at('unit')),
            targetGroup: optTexts(at('targetGroup')),
            courseId: optTexts(at('courseId')),
          };
    rows.addRow(rowNumber, ref, facts);
    const scale = readScale(col.scale === undefined ? null : at('scale'), reasons, name('scale'), scales);
    let scores = 0;
    const add = (i: number, raw: RawValue, header: string) => {
      const n = parseNumber(raw);
      if (!n.ok)
        return problem(
          reasons,
          header,
          raw,
          both(
            `${n.reason.da}; en score er et tal på indikatorens skala`,
            `${n.reason.en}; a score is a number on the indicator's scale`,
          ),
        );
      rows.addScore(i, n.value, scale ?? indicators.list[i]!.scale ?? null);
      scores++;
    };
    if (mapping.shape === 'long') {
      const raw = at('indicator');
      const ind = isMissing(raw) ? undefined : lookup(raw);
      if (isMissing(raw)) problem(reasons, name('indicator'), undefined, IS_EMPTY);
      else if (!ind)
        problem(
          reasons,
          name('indicator'),
          raw,
          both(
            'er ikke en kendt BIP-indikator; tilføj den (eller et alias) under "indicators" i konfigurationen',
            'is not a known BIP indicator; add it (or an alias) under "indicators" in the config',
          ),
        );
      if (isMissing(at('score'))) problem(reasons, name('score'), undefined, IS_EMPTY);
      else if (ind) add(indexOf.get(ind)!, at('score'), name('score'));
    } else {
      for (const w of wide) if (!isMissing(cells[w.c] ?? null)) add(w.i, cells[w.c]!, headers[w.c]!);
      if (scores === 0 && reasons.length === 0)
        reasons.push(both('ingen indikatorkolonne har en score', 'no indicator column holds a score'));
    }
  };
}

/** f over cell values, remembered by the cell's text (strings) or value (numbers). */
/** A parser that reads each distinct cell text once (a large file repeats a few texts). */
export function memo<T>(f: (v: RawValue) => T): (v: RawValue) => T {
  const seen = new Map<string | number, T>();
  // The value of the row before: consecutive rows of a long file repeat dates, scales, words.
  let lastV: RawValue = null;
  let lastR: T | undefined;
  return (v) => {
    if (typeof v !== 'string' && typeof v !== 'number') return f(v);
    if (v === lastV) return lastR as T;
    let r = seen.get(v);
    if (r === undefined && !seen.has(v)) seen.set(v, (r = f(v)));
    lastV = v;
    lastR = r;
    return r as T;
  };
}

function readScale(
  v: RawValue,
  reasons: Reason[],
  header: string,
  parse: (v: RawValue) => Scale | null,
): Scale | null {
  if (v === null || isMissing(v)) return null;
  const s = parse(v);
  if (s === null)
    problem(
      reasons,
      header,
      v,
      both('er ikke en skala; skriv 1-5, 1-10 eller min-maks', 'is not a scale; write 1-5, 1-10 or min-max'),
    );
  return s;
}

const optText = (v: RawValue): string | null => (isMissing(v) ? null : text(v));
