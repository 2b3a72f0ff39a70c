/**
 * jobfx on fixtures/xlsx/excel-quirks.xlsx (scripts/make-excel-quirks.mjs), as a user runs it:
 * inspect's counts, dates and reasons, worked out by hand from the XML the script writes (see
 * test/io/excel-quirks.test.ts for the cells), and the stderr note for a large workbook that
 * exceljs must read.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inflateEntry, zipEntries } from '../../src/io/zip.js';
import { zip } from '../../scripts/lib/testdata.mjs';
import { jobfx } from './run.js';

const FILE = 'fixtures/xlsx/excel-quirks.xlsx';

describe('jobfx on excel-quirks.xlsx', () => {
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
    // Danish by default, as the tables are.
    expect(j.source.notes).toEqual(['læst med exceljs (langsommere): regnearket har formler']);
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
