/**
 * The options of yoy's memo layouts, parsed and checked once: --measure (one measure, or
 * count,share), --columns (given columns, part years named as such), --rows-select (values
 * resolved as the table names its rows). Definitions: docs/definitions.md#year-over-year.
 */
import { YOY_MEASURES, type YoyColumn, type YoyMeasure, type YoyRowField } from '../analyses/yoy.js';
import { dateText, sayer, type Lang } from '../base/i18n.js';
import { danishOf, partsOf, dayOf } from '../base/dates.js';
import { parseDateText } from '../base/date-text.js';
import { parsePeriod } from '../base/period.js';
import { usageError } from '../errors.js';
import { fieldDef } from '../model/fields.js';
import type { CourseStore } from '../schema/course-store.js';
import type { VocabSet } from '../schema/vocab.js';
import { matchKey } from '../schema/normalize-text.js';

/** --measure: one measure, or "count,share" (a count and a percent column for every year). */
export function parseMeasure(spec: string): { measure: YoyMeasure; shares: boolean } {
  const parts = spec.split(',').map((x) => x.trim().toLowerCase());
  if (parts.length === 1 && (YOY_MEASURES as readonly string[]).includes(parts[0]!))
    return { measure: parts[0] as YoyMeasure, shares: false };
  if (parts.length === 2 && parts.includes('count') && parts.includes('share'))
    return { measure: 'count', shares: true };
  throw usageError(`--measure ${spec}: use one of ${YOY_MEASURES.join(', ')}, or count,share`);
}

/**
 * --columns "2011,2012-05-01..2012-12-31,2013": each a period as --period writes it (2024,
 * 2024H1, 2024Q3, 2024-05) or two dates joined by "..". A column that is not a whole calendar
 * year, half-year, quarter or month is a part year, named so in its header. The columns must be
 * in order and must not overlap (a course would count twice).
 */
export function parseColumns(spec: string, lang: Lang): { columns: YoyColumn[]; notes: string[] } {
  const t = sayer(lang);
  const columns: YoyColumn[] = [];
  const notes: string[] = [];
  for (const raw of spec.split(',').map((x) => x.trim())) {
    if (raw === '') throw usageError(`--columns ${spec}: an empty column; separate columns by one comma`);
    const range = raw.split('..');
    if (range.length === 1) {
      let p;
      try {
        p = parsePeriod(raw);
      } catch {
        throw usageError(
          `--columns ${spec}: ${raw} is not a period; use 2024, 2024H1, 2024Q3, 2024-05 or dates 2024-05-01..2024-12-31`,
        );
      }
      columns.push({ label: p.label, from: p.from, to: p.to });
      continue;
    }
    const [a, b] = range.map((x) => parseDateText(x.trim()));
    if (range.length !== 2 || !a?.ok || !b?.ok)
      throw usageError(`--columns ${spec}: ${raw} is not two dates joined by ".." (2012-05-01..2012-12-31)`);
    const from = a.value;
    const to = b.value;
    if (to < from) throw usageError(`--columns ${spec}: ${raw} ends before it starts`);
    const y = partsOf(from).year;
    const sameYear = partsOf(to).year === y;
    const whole = sameYear && from === dayOf(y, 1, 1) && to === dayOf(y, 12, 31);
    const short = (d: number) => (lang === 'da' ? danishOf(d).slice(0, 5) : dateText('en', d).slice(5));
    const label = whole
      ? String(y)
      : sameYear
        ? t(`Delår ${y} (${short(from)}–${short(to)})`, `Part of ${y} (${short(from)}–${short(to)})`)
        : `${dateText(lang, from)}–${dateText(lang, to)}`;
    columns.push({ label, from, to });
    if (!whole)
      notes.push(
        t(
          `${label}: ${dateText(lang, from)}–${dateText(lang, to)}, ${to - from + 1} dage, ikke et helt år; en ændring mellem den og et helt år er ikke en ændring pr. år.`,
          `${label}: ${dateText(lang, from)}–${dateText(lang, to)}, ${to - from + 1} days, not a whole year; a change between it and a whole year is not a change per year.`,
        ),
      );
  }
  for (let j = 1; j < columns.length; j++)
    if (columns[j]!.from <= columns[j - 1]!.to)
      throw usageError(
        `--columns ${spec}: ${columns[j]!.label} begins before ${columns[j - 1]!.label} ends; give the columns in order, without overlaps (a course would count twice)`,
      );
  if (columns.length > 50) throw usageError(`--columns ${spec}: ${columns.length} columns; at most 50`);
  return { columns, notes };
}

/**
 * --rows-select: the row keys of the values given, matched as the table names its rows: an exit
 * group by its key or label; a value of a field with a vocabulary by any spelling the vocabulary
 * knows; other values as written (case and spacing aside) among the export's values.
 */
export function resolveSelect(
  spec: string,
  field: YoyRowField,
  vocab: VocabSet,
  store: CourseStore,
): string[] {
  const wanted = spec
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
  if (wanted.length === 0) throw usageError(`--rows-select ${spec}: give at least one value`);
  const options = new Map<string, string>();
  if (field === 'exitGroup')
    for (const g of vocab.exitGroups) for (const s of [g.key, g.da, g.en]) options.set(matchKey(s), g.key);
  else {
    const vocabName = fieldDef(field)?.vocabulary;
    const vocabulary = vocabName === undefined ? undefined : vocab[vocabName];
    for (const e of vocabulary?.entries ?? [])
      for (const s of [e.value, e.en ?? '', ...(e.aliases ?? [])])
        if (s !== '') options.set(matchKey(s), e.value);
    for (const name of store.textColumn(field).names)
      if (name !== null && !options.has(matchKey(name)))
        options.set(matchKey(name), vocabulary?.lookup(name)?.value ?? name);
  }
  const keys: string[] = [];
  for (const w of wanted) {
    const key = options.get(matchKey(w));
    if (key === undefined) {
      const known = [...new Set(options.values())].slice(0, 20).join(', ');
      throw usageError(`--rows-select ${w}: not a value of ${field}; known values: ${known}`);
    }
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}
