/**
 * fixtures/xlsx/excel-quirks.xlsx (scripts/make-excel-quirks.mjs): the XML quirks of Excel itself
 * (mc:Ignorable with x14ac:dyDescent on rows, shared formulas, t="str" results, rich-text shared
 * strings, inline t="d" dates). Every expected value is worked out by hand from the XML the script
 * writes; serials 45658 = 01-01-2025, 45689 = 01-02-2025, 45717 = 01-03-2025, 45747 = 31-03-2025,
 * 45807 = 30-05-2025. test/e2e/excel-quirks.test.ts runs jobfx on it.
 */
import { describe, expect, it } from 'vitest';
import { isoOf } from '../../src/base/dates.js';
import { readXlsx } from '../../src/io/read-xlsx.js';
import type { RawRow, RawValue } from '../../src/io/raw.js';
import { headerScore } from '../../src/schema/columns.js';
import { loadCourses } from '../../src/schema/load.js';
import { coursesOf, d } from '../helpers.js';

const FILE = 'fixtures/xlsx/excel-quirks.xlsx';
const day = (iso: string): RawValue => ({ day: d(iso) });
const row = (n: number, ...cells: RawValue[]): RawRow => ({ rowNumber: n, ref: `row ${n}`, cells });

describe('excel-quirks.xlsx', () => {
  it('reads the cells Excel wrote: cached formula results, rich text, t="d" dates', async () => {
    const t = await readXlsx(FILE, { headerScore }, 'exceljs');
    expect(t.headers).toEqual([
      'Borger-id',
      'Startdato',
      'Slutdato',
      'Afslutningsårsag',
      'Varighed (dage)',
      'Tilbud',
    ]);
    expect(t.rows).toEqual([
      row(2, 'P101', day('2025-01-01'), day('2025-03-01'), 'Ordinært job', 59, 'Straksaktivering'),
      row(3, 'P102', day('2025-02-01'), day('2025-03-31'), 'Uddannelse', 58, 'Straksaktivering'),
      row(4, 'P103', day('2025-03-01'), null, null, -45717, 'Nytteindsats'),
      row(5, 'P101', day('2025-04-01'), day('2025-05-30'), 'Ordinært job', null, 'Nytteindsats'),
    ]);
  });

  it('gives the same cells through the reader that takes it', async () => {
    const exceljs = await readXlsx(FILE, { headerScore }, 'exceljs');
    const fast = await readXlsx(FILE, { headerScore }, 'fast').catch((e: Error) => e);
    // The fast reader does not read formulas; where it some day does, it must agree.
    if (fast instanceof Error) expect(fast.message).toBe('fast reader declined');
    else expect(fast.rows).toEqual(exceljs.rows);
    const auto = await readXlsx(FILE, { headerScore });
    expect(auto.rows).toEqual(exceljs.rows);
    expect(auto.info.notes).toMatchObject([
      { kind: 'slow-reader', text: 'read with exceljs (slower): the workbook has formulas' },
    ]);
  });

  it('loads 4 courses with the dates and exit reasons of the XML', async () => {
    const data = await loadCourses(FILE);
    expect(data.ledger.rejected).toEqual([]);
    expect(
      coursesOf(data.store).map((c) => [
        c.ref,
        isoOf(c.start),
        c.end === null ? null : isoOf(c.end),
        c.exitReason,
      ]),
    ).toEqual([
      ['row 2', '2025-01-01', '2025-03-01', 'Ordinært job'],
      ['row 3', '2025-02-01', '2025-03-31', 'Uddannelse'],
      ['row 4', '2025-03-01', null, null],
      ['row 5', '2025-04-01', '2025-05-30', 'Ordinært job'],
    ]);
  });
});
