/**
 * The join of measurements to courses by course id (docs/definitions.md#progression), worked by
 * hand. Export: X has F1 (01-01-2024–31-03-2024, Park & vej) and F2 (15-03-2024–30-06-2024,
 * Rengøring), which overlap; Y has F3 (01-02-2024–30-04-2024, Rengøring).
 *
 * line 2  F1 X baseline 02-01 score 2
 * line 3  F1 X last 20-03 score 4   by date this would be F2 (the latest start); by id F1
 * line 4  F2 X baseline 20-03 score 3 (same day and indicator as line 3: another course, no duplicate)
 * line 5  F2 X last 28-06 score 2
 * line 6  F9 X: no such course id → rejected, and F9 named in a note
 * line 7  F3 X: F3 is Y's course → rejected
 * line 8  (no id) Y baseline 02-02 → by person and date: F3
 *
 * F1: (4 − 1)/4 − (2 − 1)/4 = 0.5 ≥ 0.25 → progression. F2: 0.25 − 0.5 = −0.25 → regression
 * (exactly one step). F3: baseline only. By unit: Park & vej n 1 up 1; Rengøring n 1 down 1,
 * baseline only 1.
 */
import { progressionBy } from '../../src/commands/progression-by.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOWS, progression } from '../../src/analyses/progression/index.js';
import { loadMeasurements, type Measurements } from '../../src/schema/measurements/load.js';

function tmpCsv(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'jobfx-course-id-')), name);
  writeFileSync(file, text);
  return file;
}

const EXPORT =
  'Forløbs-id;Borger-id;Tilbud;Værksted;Startdato;Slutdato;Afslutningsårsag\n' +
  'F1;X;Straksaktivering;Park & vej;01-01-2024;31-03-2024;Ordinært job\n' +
  'F2;X;Nytteindsats;Rengøring;15-03-2024;30-06-2024;Sygdom\n' +
  'F3;Y;Nytteindsats;Rengøring;01-02-2024;30-04-2024;Ordinært job\n';

const MEASUREMENTS =
  'Forløb;Borger-id;Måling;Dato;Indikator;Score\n' +
  'F1;X;1;02-01-2024;Samarbejdsevner;2\n' +
  'F1;X;3;20-03-2024;Samarbejdsevner;4\n' +
  'F2;X;1;20-03-2024;Samarbejdsevner;3\n' +
  'F2;X;3;28-06-2024;Samarbejdsevner;2\n' +
  'F9;X;1;01-02-2024;Samarbejdsevner;1\n' +
  'F3;X;1;01-02-2024;Samarbejdsevner;1\n' +
  ';Y;1;02-02-2024;Samarbejdsevner;2\n';

const run = (data: Measurements) =>
  progression(data.measurements, data.courses, {
    indicators: data.indicators.list.length,
    windows: DEFAULT_WINDOWS,
    ...progressionBy(['unit'], data),
  });

describe('the join to a course export by course id', () => {
  it('joins a row with an id to the course of that id, and rejects an unknown id or another person’s', async () => {
    const data = await loadMeasurements(tmpCsv('bip.csv', MEASUREMENTS), {
      courses: tmpCsv('export.csv', EXPORT),
    });
    expect(data.mapping.fields.courseId).toBe(0);
    // The course store keeps the export's ids (the registry's courseId field).
    expect(data.export!.mapping.fields.courseId).toBe(0);
    expect([0, 1, 2].map((i) => data.export!.store.value('courseId', i))).toEqual(['F1', 'F2', 'F3']);
    expect(data.ledger.read).toBe(7);
    expect(data.ledger.accepted).toBe(5);
    expect(data.ledger.rejected.map((r) => [r.ref, r.reasons.map((x) => x.en)])).toEqual([
      ['line 6', [expect.stringMatching(/^the course id "F9" is not in .*export\.csv$/)]],
      ['line 7', [expect.stringMatching(/^the course id "F3" belongs to another person in .*export\.csv/)]],
    ]);
    expect(data.courses.map((c) => [c.person === data.courses[0]!.person, c.unit, c.start])).toEqual([
      [true, 'Park & vej', 19723], // 01-01-2024
      [true, 'Rengøring', 19797], // 15-03-2024
      [false, 'Rengøring', 19754], // 01-02-2024
    ]);
    const notes = data.notes.map((n) => n.text);
    expect(notes).toContainEqual(
      expect.stringMatching(/^1 course id\(s\) of the measurement file are not in .*export\.csv.*: F9\./),
    );
    expect(notes).toContainEqual(
      expect.stringMatching(
        /^1 row\(s\) have no course id: they are joined to .* by the person and the date/,
      ),
    );
    const r = run(data);
    expect(r.total).toEqual({ n: 2, up: 1, same: 0, down: 1, baselineOnly: 1, noBaseline: 0, other: 0 });
    expect(
      r.groups.map((g) => [g.values[0], g.tally.n, g.tally.up, g.tally.down, g.tally.baselineOnly]),
    ).toEqual([
      ['Park & vej', 1, 1, 0, 0],
      ['Rengøring', 1, 0, 1, 1],
    ]);
  });

  it('by person and date, the same rows would go to the latest course (the contrast the id makes)', async () => {
    const noIds = MEASUREMENTS.split('\n')
      .map((l) => l.slice(l.indexOf(';') + 1))
      .join('\n');
    const data = await loadMeasurements(tmpCsv('bip.csv', noIds), { courses: tmpCsv('export.csv', EXPORT) });
    // Line 3 (20-03) goes to F2 with line 4 on the same day: one indicator twice, scores 4 and 3,
    // both rejected; line 7 (01-02) goes to F1 beside line 6, the same score: a duplicate.
    expect(data.ledger.rejected.map((r) => r.ref)).toEqual(['line 3', 'line 4', 'line 7']);
  });

  it('without an export, the id tells the person’s courses apart', async () => {
    const data = await loadMeasurements(tmpCsv('bip.csv', MEASUREMENTS));
    // X: F1, F2, F9, F3 (X's own id F3); Y without an id: five courses.
    expect(data.courses).toHaveLength(5);
    expect(run(data).total).toEqual({
      n: 2,
      up: 1,
      same: 0,
      down: 1,
      baselineOnly: 3,
      noBaseline: 0,
      other: 0,
    });
  });

  it('an export without ids: joined by person and date, and said so', async () => {
    const exportNoIds = EXPORT.split('\n')
      .map((l) => l.slice(l.indexOf(';') + 1))
      .join('\n');
    const data = await loadMeasurements(tmpCsv('bip.csv', MEASUREMENTS), {
      courses: tmpCsv('export.csv', exportNoIds),
    });
    expect(data.notes.map((n) => n.text)).toContainEqual(
      expect.stringMatching(
        /has course ids, but .*export\.csv has no course-id column.*joined by the person and the date/,
      ),
    );
  });
});
