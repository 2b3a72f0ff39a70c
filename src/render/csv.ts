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
