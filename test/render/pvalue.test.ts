/**
 * A p-value below 0.001 reads "<0,001" in every table a person reads, while json and the xlsx
 * cell keep the number itself (a script or an analyst can still see p = 0.00004).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/render/csv-table.js';
import { formatCell } from '../../src/render/format.js';
import { renderJson } from '../../src/render/json.js';
import { labelCol, pValue, text, valueCol, type Table } from '../../src/model/table.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { itWithTool, libreofficeFirstSheetCsv, SOFFICE } from './tools.js';

const table: Table = {
  id: 'p',
  title: 'Test',
  columns: [labelCol('Udfald'), valueCol('p')],
  rows: [
    { cells: [text('lille'), pValue(0.00004, 40)] },
    { cells: [text('stor'), pValue(0.0415, 40)] },
    { cells: [text('grænse'), pValue(0.001, 40)] },
  ],
  notes: [],
};

describe('p-values', () => {
  it('read "<0,001" below 0.001, three decimals from there on', () => {
    const da = { lang: 'da' as const, percentDecimals: 1 };
    expect(table.rows.map((r) => formatCell(r.cells[1]!, da))).toEqual(['<0,001', '0,042', '0,001']);
    expect(formatCell(pValue(0.00004), { ...da, lang: 'en' })).toBe('<0.001');
    expect(formatCell(pValue(null), da)).toBe('-');
  });

  it('csv shows the same, json keeps the number', () => {
    const csv = renderCsv([table], { lang: 'da', percentDecimals: 1, excel: false });
    expect(csv).toContain('lille,<0.001');
    expect(renderCsv([table], { lang: 'da', percentDecimals: 1, excel: true })).toContain('lille;<0,001');
    const json = JSON.parse(renderJson([table])) as { tables: { rows: { cells: unknown[] }[] }[] };
    // A p-value is a number: its n is for suppression only (issue 19).
    expect(json.tables[0]!.rows[0]!.cells[1]).toBe(0.00004);
  });

  it('xlsx keeps the number, with a format that shows "<0,001"', async () => {
    const buf = await renderXlsx([table], { lang: 'da', percentDecimals: 1 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const cells = [3, 4, 5].map((r) => ws.getRow(r).getCell(2));
    expect(cells.map((c) => c.value)).toEqual([0.00004, 0.0415, 0.001]);
    expect(cells[0]!.numFmt).toBe('[<0.001]"<0,001";#,##0.000');
  });

  itWithTool(SOFFICE, 'xlsx shows "<0,001" in LibreOffice', { timeout: 120_000 }, async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jobfx-p-')), 'p.xlsx');
    writeFileSync(file, await renderXlsx([table], { lang: 'da', percentDecimals: 1 }));
    const shown = libreofficeFirstSheetCsv(file);
    expect(shown).toContain('lille;<0,001');
    expect(shown).toContain('stor;0,042');
    expect(shown).toContain('grænse;0,001');
  });
});
