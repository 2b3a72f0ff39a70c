/**
 * The names of the worksheets of a workbook of tables (render/xlsx.ts), apart from exceljs (slow to
 * load) so that `jobfx run` can name in its manifest which sheet holds which table.
 */
import { inLang, type Lang } from '../base/i18n.js';
import { safeText } from '../base/text.js';
import type { Table } from '../model/table.js';

/**
 * A valid, unique, readable sheet name from a title: the title's subject, before its first ", " or
 * " (" (the period and the details are in the title cell of the sheet); none of []:*?/\, no
 * apostrophe at either end, at most 31 characters, unique ignoring case (Excel's rule); "History"
 * is reserved by Excel. A subject too long keeps its first words and its last, which most often
 * says what the rows are ("Afsluttede … afslutningsårsag", "Afsluttede … afgangsgruppe").
 */
export function sheetName(title: string, taken: Set<string>, fallback: string): string {
  const clean = (s: string) =>
    s
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\p{Cc}/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '')
      .trim();
  // Cut to `max` UTF-16 units (Excel's count) without splitting a character; at a word boundary
  // when one is near, so no dangling letter is left ("… efter årsag o").
  const cut = (s: string, max: number) => {
    if (s.length <= max) return s;
    const chars = Array.from(s);
    while (chars.join('').length > max) chars.pop();
    const head = chars.join('');
    const space = head.lastIndexOf(' ');
    return (s[head.length] !== ' ' && space >= max - 10 ? head.slice(0, space) : head).trim();
  };
  // First words, "…", last word: when at least one first word fits beside the last.
  const shorten = (s: string, max: number) => {
    const words = s.split(' ');
    const last = words.at(-1)!;
    if (s.length <= max || words.length < 3) return cut(s, max);
    let head = '';
    for (const w of words.slice(0, -1)) {
      const next = head === '' ? w : `${head} ${w}`;
      if (`${next} … ${last}`.length > max) break;
      head = next;
    }
    return head === '' ? cut(s, max) : `${head} … ${last}`;
  };
  const subject = /^(.+?)(?:, | \()/.exec(title)?.[1] ?? title;
  const base = clean(subject) || clean(title) || fallback;
  let name = shorten(base, 31);
  for (let k = 2; taken.has(name.toLowerCase()) || name.toLowerCase() === 'history'; k++) {
    const suffix = ` (${k})`;
    name = shorten(base, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** The sheet names of the tables, in their order: what renderXlsx names their worksheets. */
export function sheetNames(tables: Table[], lang: Lang): string[] {
  const taken = new Set<string>();
  // The title as the workbook shows it (render/format.ts safeTable redacts it the same way).
  return tables.map((t, i) =>
    sheetName(safeText(t.title), taken, `${inLang(lang, { da: 'Tabel', en: 'Table' })} ${i + 1}`),
  );
}
