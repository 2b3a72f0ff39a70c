/**
 * Formula injection: text cells that begin with =, +, -, @, tab or CR must reach a CSV or xlsx
 * output as text, never as a formula (src/render/csv.ts and xlsx.ts neutralise them with a
 * leading apostrophe). End to end with = + - @ in an export, as exit reasons (shown as written
 * when unknown) and as units (column labels with --by unit); tab and CR cannot come through an
 * export (values are trimmed when read), so they are checked on the renderers directly.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/render/csv-table.js';
import type { Table } from '../../src/model/table.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { jobfx } from '../e2e/run.js';

const dir = mkdtempSync(join(tmpdir(), 'jobfx-neutralise-'));
const DANGEROUS = ['=HYPERLINK("http://x","klik")', '+SUM(1;2)', '-2+3', '@SUM(A1)'];
const WHITESPACE = ['\tTAB', '\rCR'];

function exportFile(): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = ['CPR-nr.;Startdato;Slutdato;Afslutningsårsag;Værksted'];
  DANGEROUS.forEach((v, i) => {
    for (let k = 0; k < 6; k++)
      lines.push(
        [
          `${String(10 + i)}0385-${1235 + 2 * k}`,
          `0${k + 1}-02-2024`,
          `1${k}-03-2024`,
          quote(v),
          quote(v),
        ].join(';'),
      );
  });
  const file = join(dir, 'dangerous.csv');
  writeFileSync(file, lines.join('\r\n') + '\r\n');
  return file;
}

describe('outputs neutralise formula-like text', () => {
  const file = exportFile();

  it('csv (plain and --excel-csv): every such text cell starts with an apostrophe', () => {
    for (const extra of [[], ['--excel-csv']]) {
      const r = jobfx([
        'keyfigures',
        file,
        '--period',
        '2024',
        '--by',
        'unit',
        '--format',
        'csv',
        '--suppress',
        '0',
        ...extra,
      ]);
      expect(r.code, r.stderr).toBe(0);
      for (const v of DANGEROUS) {
        const shown = v.replace(/"/g, '""');
        expect(r.stdout).toContain(`'${shown}`);
        // Never at the start of a field without the apostrophe.
        const bare = new RegExp(`(^|[;,\\n]"?)${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
        expect(r.stdout).not.toMatch(bare);
      }
    }
  });

  it('xlsx: such text is a text cell with an apostrophe, and no cell holds a formula', async () => {
    const out = join(dir, 'out.xlsx');
    const r = jobfx([
      'keyfigures',
      file,
      '--period',
      '2024',
      '--by',
      'unit',
      '--out',
      out,
      '--suppress',
      '0',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      ),
    );
    for (const v of DANGEROUS) expect(texts).toContain(`'${v}`);
    for (const t of texts) expect(t).not.toMatch(/^[=+@\t\r]/);
  });
});

describe('renderers neutralise text that begins with tab or CR', () => {
  const table: Table = {
    id: 't',
    title: '\tTitel',
    columns: [
      { label: '\rKolonne', kind: 'label' },
      { label: 'Antal', kind: 'value' },
    ],
    rows: WHITESPACE.map((v) => ({
      cells: [
        { t: 'text', v },
        { t: 'count', v: -3 },
      ],
    })),
    notes: ['\tnote'],
  } as Table;

  it('csv', () => {
    for (const excel of [false, true]) {
      const out = renderCsv([table], { lang: 'da', percentDecimals: 1, excel });
      for (const v of [...WHITESPACE, '\tTitel', '\rKolonne', '\tnote']) expect(out).toContain(`'${v}`);
      // A negative count is a number, not a formula.
      expect(out).toMatch(/[;,]-3\r?\n/);
    }
  });

  it('xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await renderXlsx([table], { lang: 'da', percentDecimals: 1 })) as unknown as ArrayBuffer,
    );
    const texts: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) => row.eachCell((c) => (typeof c.value === 'string' ? texts.push(c.value) : 0))),
    );
    // Reading the XML back turns a CR into LF (XML line-end handling); the apostrophe is what counts.
    for (const v of [...WHITESPACE, '\tTitel', '\rKolonne', '\tnote'])
      expect(texts).toContain(`'${v}`.replace(/\r/g, '\n'));
  });
});
