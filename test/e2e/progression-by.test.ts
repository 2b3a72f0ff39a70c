/**
 * jobfx progression from the command line: --by indicator and the join by course id. The
 * figures are worked by hand in test/analyses/progression-by-indicator.test.ts and
 * progression-course-id.test.ts; here: the option is taken, the table printed, the notes told.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

type JsonTable = { id: string; rows: { cells: unknown[] }[] };
const tmp = mkdtempSync(join(tmpdir(), 'jobfx-progression-by-'));

describe('jobfx progression --by indicator, and the join by course id', () => {
  it('--by indicator: one row per indicator, then the across-indicator row', () => {
    const r = jobfx([
      'progression',
      resolve('fixtures/progression/small.csv'),
      '--by',
      'indicator',
      '--suppress',
      '0',
      '--format',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const overall = (JSON.parse(r.stdout).tables as JsonTable[])[0]!;
    expect(overall.rows.map((x) => x.cells.slice(0, 2))).toEqual([
      ['Kendskab til arbejdsmarkedet', 4],
      ['Samarbejdsevner', 3],
      ['Beskæftigelsesmedarbejders forventning til at borger kommer i job', 1],
      ['Støtte fra netværk', 1],
      ['Hverdagsmestring', 1],
      ['Alle indikatorer (gennemsnit)', 5],
    ]);
  });

  it('--courses by course id: an unknown id is a rejected row, named on stderr', () => {
    const courses = join(tmp, 'export.csv');
    writeFileSync(
      courses,
      'Forløbs-id;Borger-id;Værksted;Startdato;Slutdato;Afslutningsårsag\n' +
        'F1;X;Park & vej;01-01-2024;31-03-2024;Ordinært job\n' +
        'F2;X;Rengøring;15-03-2024;30-06-2024;Sygdom\n',
    );
    const bip = join(tmp, 'bip.csv');
    writeFileSync(
      bip,
      'Forløb;Borger-id;Måling;Dato;Indikator;Score\n' +
        'F1;X;1;02-01-2024;Samarbejdsevner;2\n' +
        'F1;X;3;20-03-2024;Samarbejdsevner;4\n' +
        'F9;X;1;01-02-2024;Samarbejdsevner;1\n',
    );
    const r = jobfx(['progression', bip, '--courses', courses, '--by', 'unit', '--suppress', '0']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('bip.csv: 3 rows read = 2 accepted + 1 rejected + 0 skipped');
    expect(r.stderr).toMatch(/1 course id\(s\) of the measurement file are not in .*export\.csv.*: F9\./);
  });
});
