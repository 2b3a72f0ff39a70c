/**
 * The xlsx a user gets from `--out FILE.xlsx`, read back with exceljs: readable sheet names from
 * the tables' titles, panes frozen under the header, and a print layout that fits the page width.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

const DEMO = resolve('fixtures/demo/demo-export.csv');
const dir = mkdtempSync(join(tmpdir(), 'jobfx-xlsx-'));

async function workbook(args: string[], name: string): Promise<ExcelJS.Workbook> {
  const out = join(dir, name);
  const r = jobfx([...args, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return wb;
}

describe('jobfx keyfigures --out FILE.xlsx', () => {
  it('names each sheet after its table, at most 31 characters, unique, without []:*?/\\', async () => {
    const wb = await workbook(['keyfigures', DEMO, '--period', '2025H1'], 'kf.xlsx');
    const names = wb.worksheets.map((ws) => ws.name);
    expect(names.slice(0, 6)).toEqual([
      'Borgere i indsatsen',
      'Varighed indtil … slutning',
      'Afsluttede … afslutningsårsag',
      'Afsluttede … afgangsgruppe',
      'Varighed af afsluttede forløb',
      'Personer efter målgruppe',
    ]);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    // The whole title stays in the sheet's first cell.
    expect(wb.worksheets[0]!.getCell('A1').value).toBe(
      'Borgere i indsatsen, 1. halvår 2025 (01-01-2025 – 30-06-2025)',
    );
  });

  it('freezes the panes under the header and fits each sheet to the page width', async () => {
    const wb = await workbook(['keyfigures', DEMO, '--period', '2025H1', '--lang', 'en'], 'kf-en.xlsx');
    for (const ws of wb.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 2, topLeftCell: 'A3' });
      expect(ws.pageSetup, ws.name).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    expect(wb.worksheets[0]!.name).toBe('Citizens in the programme');
  });

  it('prints a wide comparison in landscape', async () => {
    const wb = await workbook(['compare', DEMO, '--outcome', 'exitGroup=job'], 'cmp.xlsx');
    expect(wb.worksheets[0]!.columnCount).toBe(13);
    expect(wb.worksheets[0]!.pageSetup.orientation).toBe('landscape');
  });
});
