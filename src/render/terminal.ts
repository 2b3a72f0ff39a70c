/** Tables → terminal text (cli-table3); bold headers and dim notes only when colour is on. */
import chalk, { Chalk } from 'chalk';
import Table3 from 'cli-table3';
import { formatCell, safeTables, type FormatOptions } from './format.js';
import type { Table } from '../model/table.js';
import { cut, oneLine } from '../base/text.js';

export function renderTerminal(tables: Table[], opts: FormatOptions & { color: boolean }): string {
  const c = opts.color ? chalk : new Chalk({ level: 0 });
  return safeTables(tables)
    .map((table) => {
      const hasHeader = table.columns.some((col) => col.label !== '');
      const t = new Table3({
        head: hasHeader ? table.columns.map((col) => c.bold(col.label)) : [],
        colAligns: table.columns.map((col) => (col.kind === 'value' ? 'right' : 'left')),
        style: { head: [], border: [] },
        // No rule between body rows: compact enough to read a 30-row table at a glance.
        chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
      });
      for (const row of table.rows) {
        const cells = row.cells.map((cell) => fit(formatCell(cell, opts)));
        t.push(row.style === 'total' ? cells.map((s) => c.bold(s)) : cells);
      }
      const notes = table.notes.map((n) => c.dim(n)).join('\n');
      return `${c.bold(table.title)}\n${t.toString()}${notes ? `\n${notes}` : ''}\n`;
    })
    .join('\n');
}

/**
 * A cell as a terminal shows it: one line, at most 120 characters. A value from a broken export
 * can be a whole file long, and cli-table3 measures text in time that grows faster than its
 * length (a 250,000-character cell took minutes); the full value is in the other formats.
 */
const fit = (s: string): string => cut(oneLine(s), 120);
