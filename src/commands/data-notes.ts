/**
 * What a figure depends on that jobfx did not find in the export: a core column it could not
 * map, or a period the data does not cover. Each check gives warnings for stderr (which make
 * --strict exit 1) and a note for every table printed with them, so that a memo never shows 0
 * ended courses or 100 % "Uoplyst" without saying why. Definitions: docs/definitions.md.
 */
import { dateText, sayer, type Lang } from '../base/i18n.js';
import type { Period } from '../base/period.js';
import type { Table } from '../model/table.js';
import type { CourseStore } from '../schema/course-store.js';
import type { Loaded } from '../schema/load.js';
import { matchKey } from '../schema/normalize-text.js';
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
  const mapped = mapping.columns.filter((c) => c.field !== undefined && c.how !== 'duplicate');
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

/** The tables with the notes added under each. */
export function withNotes(tables: Table[], notes: string[]): Table[] {
  return notes.length === 0 ? tables : tables.map((t) => ({ ...t, notes: [...t.notes, ...notes] }));
}
