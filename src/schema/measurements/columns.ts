/**
 * The columns of a measurement file (docs/definitions.md#progression): headers → measurement
 * fields, by built-in Danish/English synonyms matched as the course export's are (matchKey), and
 * its shape: long (an Indikator and a Score column) or wide (one column per indicator).
 */
import { dataError } from '../../errors.js';
import type { RawValue } from '../../io/raw.js';
import type { MappedColumns } from '../input-data.js';
import { isCprHeader, SYNONYMS } from '../columns.js';
import { matchKey } from '../normalize-text.js';
import type { Indicator, IndicatorSet } from './indicators.js';

export const MEASUREMENT_FIELDS = {
  personId: SYNONYMS.personId!,
  occasion: [
    'Måling',
    'Målingsnummer',
    'Målingstype',
    'Målingstidspunkt',
    'Målepunkt',
    'Målingspunkt',
    'Målerunde',
    'Tidspunkt',
    'Measurement',
    'Occasion',
  ],
  date: ['Dato', 'Målingsdato', 'Måledato', 'Målt', 'Date', 'Measured'],
  indicator: ['Indikator', 'BIP-indikator', 'Beskæftigelsesindikator', 'Indicator'],
  score: ['Score', 'Værdi', 'Point', 'Scoring', 'Value'],
  scale: ['Skala', 'Scale'],
  courseStart: SYNONYMS.start!,
  courseEnd: SYNONYMS.end!,
  programme: SYNONYMS.programme ?? [],
  unit: SYNONYMS.unit ?? [],
  targetGroup: SYNONYMS.targetGroup ?? [],
  courseId: SYNONYMS.courseId ?? [],
} as const;
export type MeasurementField = keyof typeof MEASUREMENT_FIELDS;

const KEYS = new Map<string, MeasurementField>();
for (const [f, names] of Object.entries(MEASUREMENT_FIELDS))
  for (const n of names) if (!KEYS.has(matchKey(n))) KEYS.set(matchKey(n), f as MeasurementField);

export interface MeasurementMapping extends MappedColumns {
  shape: 'long' | 'wide';
  fields: Partial<Record<MeasurementField, number>>;
  /** Wide shape: the indicator of each indicator column, by column index. */
  indicatorColumns: Map<number, Indicator>;
  personIdKind: 'cpr' | 'id';
}

/** How much a row looks like the header of a measurement file: fields and indicators it names. */
export function measurementHeaderScore(indicators: IndicatorSet) {
  return (cells: RawValue[]): number => {
    const seen = new Set<string>();
    for (const c of cells)
      if (typeof c === 'string') {
        const f = KEYS.get(matchKey(c)) ?? (indicators.lookup(c) ? 'indicator' : undefined);
        if (f) seen.add(f);
      }
    return seen.size;
  };
}

/** Maps the headers; refuses a file without a person, an occasion or date, and scores. */
export function mapMeasurementColumns(
  headers: string[],
  indicators: IndicatorSet,
  file: string,
): MeasurementMapping {
  const fields: Partial<Record<MeasurementField, number>> = {};
  const indicatorColumns = new Map<number, Indicator>();
  const columns: MappedColumns['columns'] = headers.map((header, index) => {
    const f = KEYS.get(matchKey(header));
    if (f && fields[f] === undefined) {
      fields[f] = index;
      return { index, header, field: f, how: 'synonym' as const };
    }
    const ind = f ? undefined : indicators.lookup(header);
    if (ind && ![...indicatorColumns.values()].includes(ind)) {
      indicatorColumns.set(index, ind);
      return { index, header, field: `indicator:${ind.key}`, how: 'synonym' as const };
    }
    return { index, header, how: f || ind ? ('duplicate' as const) : ('ignored' as const) };
  });
  const long = fields.indicator !== undefined && fields.score !== undefined;
  const missing: string[] = [];
  if (fields.personId === undefined) missing.push('the person (CPR-nr. or Borger-id)');
  if (fields.occasion === undefined && fields.date === undefined)
    missing.push('the measurement (Måling: 1/2/3 or Baseline/Midtvejs/Slut) or its date (Dato)');
  if (!long && indicatorColumns.size === 0)
    missing.push('the scores (an Indikator and a Score column, or one column per indicator)');
  if (missing.length > 0)
    throw dataError(
      `${file}: not a measurement file jobfx can read; missing: ${missing.join('; ')}. ` +
        `Headers found: ${headers.map((h) => `"${h}"`).join(', ')}. ` +
        'Name the columns as in the README section "jobfx progression", or add an indicator in the config ("indicators").',
    );
  return {
    shape: long ? 'long' : 'wide',
    fields,
    indicatorColumns: long ? new Map() : indicatorColumns,
    // A long file's header that names an indicator is not a score column (it is ignored).
    columns: long
      ? columns.map((c) =>
          c.field?.startsWith('indicator:')
            ? { index: c.index, header: c.header, how: 'ignored' as const }
            : c,
        )
      : columns,
    personIdKind: isCprHeader(headers[fields.personId!]!) ? 'cpr' : 'id',
  };
}
