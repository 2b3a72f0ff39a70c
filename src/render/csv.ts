/** CSV writing: quoting, and neutralising text that a spreadsheet would run as a formula. */
import { safeText } from '../base/text.js';

/**
 * Text beginning with = + - @ tab or CR is run as a formula by Excel (CSV injection); prefix it
 * with an apostrophe. Numbers (including negative ones) are left as they are.
 */
export function neutraliseFormula(v: string): string {
  if (/^[=+\-@\t\r]/.test(v) && !/^[-+]?\d+([.,]\d+)?$/.test(v)) return `'${v}`;
  return v;
}

/**
 * A field of every CSV jobfx writes (tables, --rejects, --list): made safe (safeText: no CPR
 * number, no character a reader cannot carry) and neutralised, then quoted when needed.
 */
export function csvField(v: string, delimiter: string): string {
  const s = neutraliseFormula(safeText(v));
  return s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: string[], delimiter = ','): string {
  return fields.map((f) => csvField(f, delimiter)).join(delimiter);
}

/** How a side file (--rejects, repeats --list) is written: in the output's language and CSV dialect. */
export interface SideCsvOptions {
  lang: 'da' | 'en';
  /** --excel-csv: ";" between fields, as Danish Excel reads a CSV file it is given. */
  excelCsv?: boolean;
}

/**
 * A side file: BOM, CRLF, header and rows. Its cells are references, dates and codes, not figures,
 * so --excel-csv changes the delimiter only; a decimal comma has nothing to apply to.
 */
export function sideCsv(header: string[], rows: string[][], o: SideCsvOptions): string {
  const delimiter = o.excelCsv ? ';' : ',';
  const lines = [header, ...rows].map((r) => csvLine(r, delimiter));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
