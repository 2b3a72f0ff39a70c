/**
 * `exits --list-reasons FILE`: the free-text reasons given for courses broken off or not completed
 * (exit group "Afbrudt / ikke gennemført", or the reasons Afbrudt and Forløb ikke gennemført), and
 * for rows visited but not started, for case review. Pseudonyms and row references only; a side
 * file, never a memo table (a reason may describe a person's circumstances).
 */
import { isoOf, type Day } from '../base/dates.js';
import { refIn, sayer } from '../base/i18n.js';
import type { Period } from '../base/period.js';
import { sideCsv, type SideCsvOptions } from '../render/csv.js';
import { NONE, type CourseStore } from '../schema/course-store.js';
import type { Loaded } from '../schema/load.js';
import { parseDate } from '../schema/values.js';

const BROKEN_OFF = new Set(['Afbrudt', 'Forløb ikke gennemført']);

/** The list as CSV (UTF-8 with BOM, CRLF; headers and row references in --lang, ';' with --excel-csv), and how many rows it holds. */
export function reasonsCsv(
  data: Loaded,
  period: Period | null,
  o: SideCsvOptions,
): { content: string; rows: number } {
  const t = sayer(o.lang);
  const inPeriod = (d: Day) => period === null || (d >= period.from && d <= period.to);
  const s = data.store;
  const out: { row: number; cells: string[] }[] = [];
  const cells = (st: CourseStore, i: number, start: string, end: string, reason: string) => [
    st.persons.name(st.person[i]!),
    refIn(o.lang, st.ref(i)),
    start,
    end,
    reason,
    st.value('reasonText', i) ?? '',
  ];
  for (let i = 0; i < s.length; i++) {
    const end = s.end[i]!;
    const reason = s.exitReasons[s.exit[i]!] ?? null;
    const broken = s.exitGroups[s.exit[i]!] === 'dropout' || (reason !== null && BROKEN_OFF.has(reason));
    if (end === NONE || !inPeriod(end) || !broken) continue;
    out.push({ row: s.row[i]!, cells: cells(s, i, isoOf(s.start[i]!), isoOf(end), reason ?? '') });
  }
  // Visited, not started: by the visitation date.
  const ns = data.notStarted;
  for (let i = 0; i < ns.length; i++) {
    const v = parseDate(ns.value('visitation', i) ?? '');
    if (v.ok && inPeriod(v.value))
      out.push({
        row: ns.row[i]!,
        cells: cells(ns, i, '', '', t('Visiteret, ikke startet', 'Visited, not started')),
      });
  }
  out.sort((a, b) => a.row - b.row);
  const header = [
    'person',
    t('række', 'row'),
    'start',
    t('slut', 'end'),
    t('afslutningsårsag', 'exit_reason'),
    t('begrundelse', 'reason_text'),
  ];
  return {
    content: sideCsv(
      header,
      out.map((x) => x.cells),
      o,
    ),
    rows: out.length,
  };
}
