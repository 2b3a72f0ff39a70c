/**
 * A date cell whose serial number lies beyond every date (a hostile or broken workbook) is
 * rejected with a reason naming the row, the column and the value as Excel shows it ("########"),
 * by both xlsx readers alike; never "Invalid Date" (issue #14).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/io/read-xlsx.js';
import { headerScore } from '../../src/schema/columns.js';
import { loadCourses } from '../../src/schema/load.js';

const dir = mkdtempSync(join(tmpdir(), 'jobfx-daterange-'));

/** Row 2 has a sound start; rows 3 and 4 a date-formatted serial far beyond 9999 and far below 0. */
async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Ark1');
  ws.addRow(['CPR-nr.', 'Startdato', 'Slutdato', 'Afslutningsårsag']);
  ws.addRow(['150385-1235', 45658, 45700, 'Ordinært job']); // 2025-01-01, 2025-02-12
  ws.addRow(['220390-1234', 1e12, null, null]);
  ws.addRow(['030475-2468', -1e12, null, null]);
  for (const r of [2, 3, 4]) ws.getCell(`B${r}`).numFmt = 'dd-mm-yyyy';
  ws.getCell('C2').numFmt = 'dd-mm-yyyy';
  const file = join(dir, 'range.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('a date cell beyond every date', () => {
  it('reads as "########" (as Excel shows it) in both readers, never "Invalid Date"', async () => {
    const file = await workbook();
    for (const reader of ['fast', 'exceljs'] as const) {
      const t = await readXlsx(file, { headerScore }, reader);
      const cells = JSON.stringify(t.rows.map((r) => r.cells));
      expect(cells, reader).not.toContain('Invalid Date');
      expect(t.rows[1]!.cells[1], reader).toBe('########');
      expect(t.rows[2]!.cells[1], reader).toBe('########');
    }
  });

  it('is rejected naming row, column and value, with what to do', async () => {
    const r = await loadCourses(await workbook(), { cwd: tmpdir() });
    expect(r.ledger.accepted).toBe(1);
    const reasons = r.ledger.rejected.map((x) => `${x.ref}: ${x.reasons.map((y) => y.en).join(' | ')}`);
    expect(reasons).toEqual([
      'row 3: Startdato: "########" is a date cell whose number is no date (beyond 31-12-9999 or below 0); correct the cell in the workbook',
      'row 4: Startdato: "########" is a date cell whose number is no date (beyond 31-12-9999 or below 0); correct the cell in the workbook',
    ]);
  });
});
