/**
 * What a figure depends on that jobfx did not find in the export: a core column it could not
 * map, or a period the data does not cover. Each check gives warnings for stderr (which make
 * --strict exit 1) and a note for every table printed with them, so that a memo never shows 0
 * ended courses or 100 % "Uoplyst" without saying why. Definitions: docs/definitions.md.
 */
import { dateText, sayer, type Lang } from '../base/i18n.js';
import type { Period } from '../base/period.js';
import type { Day } from '../base/dates.js';
import type { Table } from '../model/table.js';
import type { CourseStore } from '../schema/course-store.js';
import type { Loaded } from '../schema/load.js';
import { matchKey } from '../schema/normalize-text.js';
import { fieldDef, fieldLabel } from '../model/fields.js';
import type { MappedColumns } from './spec.js';

export interface DataNotes {
  /** For stderr (English, as every message there). */
  warnings: string[];
  /** For under every table, in the tables' language. */
  notes: string[];
}

/** Unmapped headers that look like the end date or the exit reason (Slut*, Ophør*, End*, Årsag*, Reason* ...). */
const LOOKS_LIKE: { field: 'end' | 'exitReason'; key: RegExp }[] = [
  { field: 'exitReason', key: /^(aarsag|reason|ophoersaarsag|afgangsaarsag|afslutningsaarsag|afgang|exit)/ },
  { field: 'end', key: /^(slut|ophoer|afslut|end|stop)/ },
];

const WHAT = {
  end: { da: 'slutdato', en: 'end date' },
  exitReason: { da: 'afslutningsårsag', en: 'exit reason' },
} as const;

/** The column mapping as one line for stderr: "columns: "CPR-nr." → personId, ...; not used: ...". */
export function columnsLine(mapping: MappedColumns): string {
  // A survey's placeholder start column has no header: it is not a column of the file.
  const mapped = mapping.columns.filter(
    (c) => c.field !== undefined && c.how !== 'duplicate' && c.header !== '',
  );
  const ignored = mapping.columns.filter((c) => c.how === 'ignored' && c.header !== '');
  return (
    `columns: ${mapped.map((c) => `"${c.header}" → ${c.field}`).join(', ')}` +
    (ignored.length > 0 ? `; not used: ${ignored.map((c) => `"${c.header}"`).join(', ')}` : '')
  );
}

/**
 * The column mapping as one line for stderr, and warnings when the end date or the exit reason
 * has no column (or an ignored header looks like one). Survey rows (no dates) need neither.
 */
export function mappingNotes(data: Loaded, lang: Lang): DataNotes & { line: string } {
  const { mapping } = data;
  const ignored = mapping.columns.filter((c) => c.how === 'ignored' && c.header !== '');
  const line = columnsLine(mapping);
  const out: DataNotes & { line: string } = { line, warnings: [], notes: [] };
  if (data.unit !== 'course') return out;
  const t = sayer(lang);
  for (const field of ['end', 'exitReason'] as const) {
    if (mapping.fields[field] !== undefined) continue;
    // The exit reason matters only where courses end.
    if (field === 'exitReason' && mapping.fields.end === undefined) continue;
    const alike = ignored.find((c) =>
      LOOKS_LIKE.some((l) => l.field === field && l.key.test(matchKey(c.header))),
    );
    const fix = `map it in jobfx.config.json: "columns": {"${field}": "${alike?.header ?? '<header>'}"}`;
    const effect =
      field === 'end' ? 'every course is counted as ongoing' : 'every ended course is counted as "Uoplyst"';
    out.warnings.push(
      alike
        ? `no column was recognised as the ${WHAT[field].en}, but "${alike.header}" looks like one: ${effect}; if it is, ${fix}`
        : `no column was recognised as the ${WHAT[field].en}: ${effect}; if the export has one, ${fix}`,
    );
    out.notes.push(
      field === 'end'
        ? t(
            'Udtrækket har ingen kolonne, der blev genkendt som slutdato: alle forløb er talt som igangværende, og tal for afsluttede forløb mangler.',
            'The export has no column recognised as the end date: every course is counted as ongoing, and figures for ended courses are missing.',
          )
        : t(
            'Udtrækket har ingen kolonne, der blev genkendt som afslutningsårsag: alle afsluttede forløb står som "Uoplyst".',
            'The export has no column recognised as the exit reason: every ended course is shown as "Unknown".',
          ),
    );
  }
  return out;
}

/**
 * Whether the data covers the period: a period before the first start or after the newest date
 * shows only zeros; one that runs past the newest date is not final; one that begins before the
 * first start may miss courses the export does not hold.
 */
export function periodNotes(period: Period, store: CourseStore, lang: Lang): DataNotes {
  const range = store.dateRange();
  if (range === null) return { warnings: [], notes: [] };
  const t = sayer(lang);
  const { earliest, newest } = range;
  // stderr writes dates as the other messages do (dd-mm-yyyy); the tables in their language.
  const en = (d: number) => dateText('da', d);
  const da = (d: number) => dateText(lang, d);
  const p = period.label;
  if (period.to < earliest)
    return {
      warnings: [`period ${p} lies before the data (its first start is ${en(earliest)}): every figure is 0`],
      notes: [
        t(
          `Perioden ligger før udtrækkets data (første start ${da(earliest)}): alle tal er 0.`,
          `The period lies before the data of the export (first start ${da(earliest)}): every figure is 0.`,
        ),
      ],
    };
  if (period.from > newest)
    return {
      warnings: [
        `period ${p} lies after the data (its newest date is ${en(newest)}): the figures are not known`,
      ],
      notes: [
        t(
          `Perioden ligger efter udtrækkets data (nyeste dato ${da(newest)}): tallene kendes ikke.`,
          `The period lies after the data of the export (newest date ${da(newest)}): the figures are not known.`,
        ),
      ],
    };
  const out: DataNotes = { warnings: [], notes: [] };
  if (period.to > newest) {
    out.warnings.push(
      `period ${p} ends after the newest date in the data (${en(newest)}): the figures are not final`,
    );
    out.notes.push(
      t(
        `Perioden slutter efter udtrækkets nyeste dato (${da(newest)}): tallene er ikke endelige.`,
        `The period ends after the newest date in the export (${da(newest)}): the figures are not final.`,
      ),
    );
  }
  if (period.from < earliest) {
    out.warnings.push(
      `period ${p} begins before the first start in the data (${en(earliest)}): courses from before may be missing from the export`,
    );
    out.notes.push(
      t(
        `Perioden begynder før udtrækkets første start (${da(earliest)}): forløb fra før kan mangle i udtrækket.`,
        `The period begins before the first start in the export (${da(earliest)}): earlier courses may be missing from it.`,
      ),
    );
  }
  return out;
}

/** What a field's values come from when the export has no column of its own for it. */
function columnless(field: string, data: Loaded, followUpFile: boolean): 'cpr' | 'file' | undefined {
  if ((field === 'gender' || field === 'ageBand') && data.mapping.personIdKind === 'cpr') return 'cpr';
  if (/^followUp\d+$/.test(field) && followUpFile) return 'file';
  return undefined;
}

/** An unused header that holds a synonym of the field ("Målgruppe (visiteret)" for targetGroup). */
function lookAlike(field: string, data: Loaded): string | undefined {
  const keys = (fieldDef(field)?.synonyms ?? []).map(matchKey).filter((k) => k.length >= 5);
  return data.mapping.columns.find(
    (c) => c.how === 'ignored' && c.header !== '' && keys.some((k) => matchKey(c.header).includes(k)),
  )?.header;
}

/**
 * Tables split by a field the export has no column for (Table.fields): every course falls under
 * "Uoplyst", which reads like a finding. Each such table gets a note, and stderr a warning per
 * field naming the tables and the header that looks like the field, if one does. The exit reason
 * and the end date are said for every table by mappingNotes.
 */
export function fieldGaps(
  tables: Table[],
  data: Loaded,
  lang: Lang,
  followUpFile = false,
): { tables: Table[]; warnings: string[] } {
  const t = sayer(lang);
  const missing = (f: string) =>
    (fieldDef(f) !== undefined || f === 'ageBand') &&
    f !== 'exitReason' &&
    f !== 'exitGroup' &&
    data.mapping.fields[f as keyof typeof data.mapping.fields] === undefined &&
    columnless(f, data, followUpFile) === undefined;
  const affected = new Map<string, string[]>();
  const out = tables.map((tb) => {
    const gaps = [...new Set(tb.fields ?? [])].filter(missing);
    for (const f of gaps) affected.set(f, [...(affected.get(f) ?? []), tb.id]);
    if (gaps.length === 0) return tb;
    const notes = gaps.map((f) => {
      const what = fieldLabel(f, 'da').toLowerCase();
      const whatEn = fieldLabel(f, 'en').toLowerCase();
      return f === 'ageBand'
        ? t(
            'Udtrækket har ingen CPR-numre, så alderen kendes ikke: alle står som "Uoplyst".',
            'The export has no CPR numbers, so ages are not known: everyone is shown as "Unknown".',
          )
        : f === 'gender'
          ? t(
              `Udtrækket har ingen CPR-numre og ingen kolonne for ${what}: alle står som "Uoplyst".`,
              `The export has no CPR numbers and no column for ${whatEn}: everyone is shown as "Unknown".`,
            )
          : t(
              `Udtrækket har ingen kolonne, der blev genkendt som ${what}: alle står som "Uoplyst".`,
              `The export has no column recognised as ${whatEn}: everyone is shown as "Unknown".`,
            );
    });
    return { ...tb, notes: [...tb.notes, ...notes] };
  });
  const warnings = [...affected].map(([f, ids]) => {
    const alike = lookAlike(f, data);
    const what = fieldLabel(f, 'en').toLowerCase();
    const effect = `${ids.join(', ')} show${ids.length === 1 ? 's' : ''} only "Uoplyst" for it`;
    const fix =
      `map it in jobfx.config.json: "columns": {"${f}": "${alike ?? '<header>'}"}` +
      (/^followUp/.test(f) ? ' or give the follow-up file with --followup FILE' : '');
    // Age comes from CPR numbers only; there is no column to map.
    if (f === 'ageBand') return `the person ids are not CPR numbers, so ages are not known: ${effect}`;
    const none =
      f === 'gender'
        ? `the person ids are not CPR numbers and no column was recognised as gender`
        : `no column was recognised as ${what}`;
    return alike
      ? `${none}, but "${alike}" looks like one: ${effect}; if it is, ${fix}`
      : `${none}: ${effect}; if the export has one, ${fix}`;
  });
  return { tables: out, warnings };
}

/**
 * A measurement file without a column for the measurement (Måling 1/2/3, Baseline/Midtvejs/Slut)
 * is ordered by date: a course's first measurement becomes its baseline, which changes the
 * figures where a baseline is missing. Said on stderr (with a header that looks like the column)
 * and under every table.
 */
export function occasionNotes(
  mapping: { fields: { occasion?: number }; columns: MappedColumns['columns'] },
  lang: Lang,
): DataNotes {
  if (mapping.fields.occasion !== undefined) return { warnings: [], notes: [] };
  const alike = mapping.columns.find(
    (c) => c.how === 'ignored' && /^(maal|tidspunkt|runde|occasion|measure)/.test(matchKey(c.header)),
  )?.header;
  const effect =
    'the measurements are ordered by their date and the first of each course is taken as its baseline';
  const fix = 'rename the column to "Måling" (values 1/2/3 or Baseline/Midtvejs/Slut)';
  return {
    warnings: [
      alike
        ? `no column was recognised as the measurement, but "${alike}" looks like one: ${effect}; if it is, ${fix}`
        : `no column was recognised as the measurement (Måling): ${effect}; if the file has one, ${fix}`,
    ],
    notes: [
      sayer(lang)(
        'Filen har ingen kolonne, der blev genkendt som måling (1/2/3 eller Baseline/Midtvejs/Slut): målingerne er ordnet efter dato, og et forløbs første måling er taget som baseline.',
        'The file has no column recognised as the measurement (1/2/3 or Baseline/Midtvejs/Slut): the measurements are ordered by date, and the first of each course is taken as its baseline.',
      ),
    ],
  };
}

/** The tables with `fields` added: what they are split by (for fieldGaps). */
export function withFields(tables: Table[], fields: readonly string[]): Table[] {
  return fields.length === 0
    ? tables
    : tables.map((t) => ({ ...t, fields: [...new Set([...(t.fields ?? []), ...fields])] }));
}

/**
 * yoy's columns that lie wholly before the data (every figure 0) or wholly after it (not known):
 * a warning and a note naming them. Columns the data ends inside are said by yoy itself ("not
 * final"); the other commands' one period is checked by periodNotes.
 */
export function columnNotes(
  columns: readonly { label: string; from: Day; to: Day }[],
  store: CourseStore,
  lang: Lang,
): DataNotes {
  const range = store.dateRange();
  const out: DataNotes = { warnings: [], notes: [] };
  if (range === null) return out;
  const t = sayer(lang);
  const { earliest, newest } = range;
  const before = columns.filter((c) => c.to < earliest).map((c) => c.label);
  const after = columns.filter((c) => c.from > newest).map((c) => c.label);
  const list = (labels: string[]) => labels.join(', ');
  if (before.length > 0) {
    out.warnings.push(
      `${list(before)} lie${before.length === 1 ? 's' : ''} before the data (its first start is ${dateText('da', earliest)}): every figure there is 0`,
    );
    out.notes.push(
      t(
        `${list(before)} ligger før udtrækkets data (første start ${dateText(lang, earliest)}): tallene der er 0.`,
        `${list(before)} lie${before.length === 1 ? 's' : ''} before the data of the export (first start ${dateText(lang, earliest)}): the figures there are 0.`,
      ),
    );
  }
  if (after.length > 0) {
    out.warnings.push(
      `${list(after)} lie${after.length === 1 ? 's' : ''} after the data (its newest date is ${dateText('da', newest)}): the figures there are not known`,
    );
    out.notes.push(
      t(
        `${list(after)} ligger efter udtrækkets data (nyeste dato ${dateText(lang, newest)}): tallene der kendes ikke.`,
        `${list(after)} lie${after.length === 1 ? 's' : ''} after the data of the export (newest date ${dateText(lang, newest)}): the figures there are not known.`,
      ),
    );
  }
  return out;
}

/** The tables with the notes added under each. */
export function withNotes(tables: Table[], notes: string[]): Table[] {
  return notes.length === 0 ? tables : tables.map((t) => ({ ...t, notes: [...t.notes, ...notes] }));
}
