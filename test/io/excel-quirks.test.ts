/**
 * fixtures/xlsx/excel-quirks.xlsx (scripts/make-excel-quirks.mjs): the XML quirks of Excel itself
 * (mc:Ignorable with x14ac:dyDescent on rows, shared formulas, t="str" results, rich-text shared
 * strings, inline t="d" dates). Every expected value is worked out by hand from the XML the script
 * writes; serials 45658 = 01-01-2025, 45689 = 01-02-2025, 45717 = 01-03-2025, 45747 = 31-03-2025,
 * 45807 = 30-05-2025.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoOf } from '../../src/base/dates.js';
import { readXlsx } from '../../src/io/read-xlsx.js';
import type { RawRow, RawValue } from '../../src/io/raw.js';
import { headerScore } from '../../src/schema/columns.js';
import { loadCourses } from '../../src/schema/load.js';
import { inflateEntry, zipEntries } from '../../src/io/zip.js';
import { zip } from '../../scripts/lib/testdata.mjs';
import { d } from '../helpers.js';
import { jobfx } from '../e2e/run.js';

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
    expect(auto.info.notes).toEqual(['read with exceljs (slower): the workbook has formulas']);
  });

  it('loads 4 courses with the dates and exit reasons of the XML', async () => {
    const data = await loadCourses(FILE);
    expect(data.ledger.rejected).toEqual([]);
    expect(
      data.courses.map((c) => [c.ref, isoOf(c.start), c.end === null ? null : isoOf(c.end), c.exitReason]),
    ).toEqual([
      ['row 2', '2025-01-01', '2025-03-01', 'Ordinært job'],
      ['row 3', '2025-02-01', '2025-03-31', 'Uddannelse'],
      ['row 4', '2025-03-01', null, null],
      ['row 5', '2025-04-01', '2025-05-30', 'Ordinært job'],
    ]);
  });

  it('jobfx inspect reports 4 rows read and accepted, 3 persons, the dates and reasons', () => {
    const r = jobfx(['inspect', FILE, '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.rows).toEqual({ read: 4, accepted: 4, rejected: 0, skippedBlank: 0, skippedTotals: 0 });
    expect(j.dates).toMatchObject({
      start: { min: '2025-01-01', max: '2025-04-01' },
      end: { min: '2025-03-01', max: '2025-05-30' },
      ended: 3,
    });
    expect(j.persons.distinct).toBe(3);
    const exits = j.distributions.find((x: { field: string }) => x.field === 'exitReason');
    expect(exits).toMatchObject({
      values: [
        { value: 'Ordinært job', count: 2, known: true },
        { value: 'Uddannelse', count: 1, known: true },
      ],
      missing: 1,
    });
    expect(j.source.notes).toEqual(['read with exceljs (slower): the workbook has formulas']);
    // A small workbook: the note is in the report, not on stderr.
    expect(r.stderr).not.toMatch(/exceljs/);
  });
});

describe('the slow-read note on stderr', () => {
  it('is printed by a command for a workbook over 5 MB read with exceljs, once', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jobfx-quirks-')), 'big-formulas.xlsx');
    // The quirks workbook (formulas) with a 6 MB incompressible picture beside it.
    const parts = readZip(readFileSync(FILE));
    writeFileSync(file, zip([...parts, ['xl/media/image1.png', randomBytes(6e6)]]));
    const r = jobfx(['keyfigures', file, '--period', '2025H1', '--format', 'json']);
    expect(r.code).toBe(0);
    const notes = r.stderr.split('\n').filter((l) => l.includes('exceljs'));
    expect(notes).toEqual([`jobfx: note: ${file}: read with exceljs (slower): the workbook has formulas`]);
  });
});

/** The entries of a zip, inflated (through the reader's own zip module). */
function readZip(buf: Buffer): [string, Buffer][] {
  return zipEntries(buf).map((e) => [e.name, inflateEntry('x', buf, e, 1e8) as Buffer]);
}
