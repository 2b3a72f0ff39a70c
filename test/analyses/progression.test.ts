/**
 * jobfx progression on fixtures/progression/small.csv, every figure worked by hand
 * (docs/definitions.md#progression). Indicators: A Kendskab til arbejdsmarkedet, B Samarbejdsevner,
 * C Hverdagsmestring, D Støtte fra netværk (1–5, one step = 0.25), E Beskæftigelsesmedarbejders
 * forventning (1–10, one step = 1/9). Normalised score = (score − 1) / 4 on 1–5.
 *
 * P1 A 2→3, B C D 2→2: mean change 0.25/4 = 0.0625 < 0.25 → stagnation; A up, B C D same.
 * P2 A B 1→2: change exactly 0.25 → progression (the threshold edge).
 * P3 A B 4→3 (midway 4): change −0.25 → regression.
 * P4 baseline only (ended early, 14 days) → "kun baseline".
 * P5 Midtvejs and Slut, no baseline → "ingen baseline".
 * P6 E 3→4 on 1–10: change 1/9, its own step → progression.
 * P7 A 2 → Midtvejs 4 at its early end (the last measurement): +0.5 → progression.
 * Across: n 5 (P1 P2 P3 P6 P7), up 3, same 1, down 1; kun baseline 1, ingen baseline 1.
 */
import { progressionBy } from '../../src/commands/progression-by.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOWS,
  progression,
  type ProgressionOptions,
} from '../../src/analyses/progression/index.js';
import { JobfxError } from '../../src/errors.js';
import { loadMeasurements, type Measurements } from '../../src/schema/measurements/load.js';
import { parsePeriod } from '../../src/base/period.js';
import { d } from '../helpers.js';

const SMALL = 'fixtures/progression/small.csv';

const run = (data: Measurements, o: Partial<ProgressionOptions> = {}) =>
  progression(data.measurements, data.courses, {
    indicators: data.indicators.list.length,
    windows: DEFAULT_WINDOWS,
    ...o,
  });

const ind = (data: Measurements, name: string) => data.indicators.list.findIndex((i) => i.da === name);
const A = 'Kendskab til arbejdsmarkedet';
const B = 'Samarbejdsevner';
const E = 'Beskæftigelsesmedarbejders forventning til at borger kommer i job';

function tmpCsv(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'jobfx-progression-'));
  const file = join(dir, 'bip.csv');
  writeFileSync(file, text);
  return file;
}

describe('progression on the hand-worked fixture', () => {
  it('classifies courses across indicators, the 0.25 edge counting as progression', async () => {
    const data = await loadMeasurements(SMALL);
    expect(data.ledger).toMatchObject({ read: 25, accepted: 25, rejected: [], skipped: [] });
    const r = run(data);
    expect(r.total).toEqual({ n: 5, up: 3, same: 1, down: 1, baselineOnly: 1, noBaseline: 1, other: 0 });
  });

  it('per indicator: counts, mean change and its 95% t-interval (values from R t.test)', async () => {
    const data = await loadMeasurements(SMALL);
    const r = run(data);
    const a = r.indicators[ind(data, A)]!;
    expect(a).toMatchObject({ n: 4, up: 3, same: 0, down: 1 });
    expect(a.mean).toBeCloseTo(0.1875, 12);
    // R: t.test(c(.25, .25, -.25, .5))$conf.int
    expect(a.low).toBeCloseTo(-0.313061306333981, 12);
    expect(a.high).toBeCloseTo(0.688061306333981, 12);
    const b = r.indicators[ind(data, B)]!;
    expect(b).toMatchObject({ n: 3, up: 1, same: 1, down: 1 });
    expect(b.mean).toBeCloseTo(0, 12);
    expect(b.high).toBeCloseTo(0.621034427937582, 12);
    const e = r.indicators[ind(data, E)]!;
    expect(e).toMatchObject({ n: 1, up: 1, low: null, high: null });
    expect(e.mean).toBeCloseTo(1 / 9, 12);
  });

  it('mean scores at baseline, midway and last (0–1)', async () => {
    const data = await loadMeasurements(SMALL);
    const at = run(data).indicators[ind(data, A)]!.at;
    // Baseline P1 2, P2 1, P3 4, P4 3, P7 2; midway P3 4, P5 3, P7 4; last P1 3, P2 2, P3 3, P5 4, P7 4.
    expect(at[0]!.n).toBe(5);
    expect(at[0]!.mean).toBeCloseTo(1.75 / 5, 12);
    expect(at[1]!.n).toBe(3);
    expect(at[1]!.mean).toBeCloseTo(2 / 3, 12);
    expect(at[2]!.n).toBe(5);
    expect(at[2]!.mean).toBeCloseTo(2.75 / 5, 12);
  });

  it('timeliness: baseline ±7 days, midway in weeks 5–7, last within 14 days of the end', async () => {
    const r = run(await loadMeasurements(SMALL));
    // Baseline: on time P1 (+4), P3 (0), P4 (+3), P6 (0), P7 (+7, the edge); outside P2 (+9); missing P5.
    expect(r.timeliness.baseline).toEqual({ due: 7, onTime: 5, outside: 1, missing: 1, undated: 0 });
    // Midway due from courses that ran to day 48: P1 P2 (ongoing; data to 23-06) P3 P5 P6.
    // P3 day 38 on time; P5 day 49 outside; P1 P2 P6 none.
    expect(r.timeliness.midway).toEqual({ due: 5, onTime: 1, outside: 1, missing: 3, undated: 0 });
    // Last due from ended courses: P1 (1 day after), P3, P5, P6 (3 days before), P7 on time; P4 none.
    expect(r.timeliness.last).toEqual({ due: 6, onTime: 5, outside: 0, missing: 1, undated: 0 });
    expect(r.asOf).toBe(d('2024-06-23'));
  });

  it('--threshold 0.3: only P7 (+0.5) is progression, nothing is regression', async () => {
    expect(run(await loadMeasurements(SMALL), { threshold: 0.3 }).total).toMatchObject({
      n: 5,
      up: 1,
      same: 4,
      down: 0,
    });
  });

  it('--period: a course counts in the period of its end (2024Q1: P1 ends 24-03, P4 15-03; P2 by its last measurement 25-03)', async () => {
    const r = run(await loadMeasurements(SMALL), {
      period: parsePeriod('2024Q1'),
    });
    expect(r.courses).toBe(3);
    expect(r.total).toMatchObject({ n: 2, up: 1, same: 1, baselineOnly: 1 });
  });
});

describe('measurement files that are wrong', () => {
  const head = 'Borger-id;Måling;Dato;Indikator;Score\n';

  it('refuses scores above 5 without a scale, naming the indicator and the fix', async () => {
    const file = tmpCsv(head + 'X;1;01-01-2024;Samarbejdsevner;2\nY;1;01-01-2024;Samarbejdsevner;8\n');
    const err = await loadMeasurements(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobfxError);
    expect((err as JobfxError).kind).toBe('data');
    expect((err as Error).message).toMatch(/"Samarbejdsevner": scores run up to 8 and no scale is given/);
    expect((err as Error).message).toMatch(/Skala/);
  });

  it('refuses an indicator whose rows give 1-10 in Skala on some rows and nothing on others', async () => {
    const file = tmpCsv(
      'Borger-id;Måling;Indikator;Score;Skala\nX;1;Samarbejdsevner;2;1-10\nY;1;Samarbejdsevner;3;\n',
    );
    await expect(loadMeasurements(file)).rejects.toThrow(
      /some rows give the scale 1–10 in Skala and others give none/,
    );
  });

  it('rejects a score outside its scale, and duplicates, keeping every row accounted for', async () => {
    const file = tmpCsv(
      'Borger-id;Måling;Dato;Indikator;Score;Skala\n' +
        'X;1;01-01-2024;Samarbejdsevner;2;1-5\n' +
        'X;1;01-01-2024;Samarbejdsevner;2;1-5\n' + // the same score again: the second row is rejected
        'X;3;01-03-2024;Samarbejdsevner;6;1-5\n' + // outside 1–5
        'Y;1;01-01-2024;Samarbejdsevner;2;1-5\n' +
        'Y;1;01-01-2024;Samarbejdsevner;3;1-5\n' + // another score the same day: both rejected
        ';;;;;\n' +
        'Z;Uge 4;01-01-2024;Samarbejdsevner;3;1-5\n' + // not a measurement
        'Z;1;01-01-2024;Ukendt indikator;3;1-5\n',
    );
    const data = await loadMeasurements(file);
    const l = data.ledger;
    expect(l.read).toBe(8);
    expect(l.skipped).toHaveLength(1);
    expect(l.accepted + l.rejected.length + l.skipped.length).toBe(l.read);
    expect(l.rejected.map((r) => [r.ref, r.reasons.map((x) => x.en).join('; ')])).toEqual([
      ['line 3', expect.stringMatching(/duplicate of line 2/)],
      ['line 4', 'score 6 of "Samarbejdsevner" is outside its scale 1–5'],
      [
        'line 5',
        expect.stringMatching(
          /measured 2 times on the same day with different scores \(line 5: 2, line 6: 3\)/,
        ),
      ],
      ['line 6', expect.stringMatching(/different scores/)],
      ['line 8', expect.stringMatching(/Måling: "Uge 4" is not a measurement/)],
      ['line 9', expect.stringMatching(/Indikator: "Ukendt indikator" is not a known BIP indicator/)],
    ]);
    expect(l.accepted).toBe(1);
  });

  it('refuses a file without scores, listing what is missing and the headers found', async () => {
    const file = tmpCsv('Borger-id;Dato;Bemærkning\nX;01-01-2024;ok\n');
    await expect(loadMeasurements(file)).rejects.toThrow(
      /missing: the scores .*Headers found: "Borger-id", "Dato", "Bemærkning"/,
    );
  });
});

describe('the join to a course export (--courses)', () => {
  const courses = (text: string) => tmpCsv(text);

  it('takes the course whose span holds the date, the latest start first; rejects a row no course covers', async () => {
    const exportFile = courses(
      'Borger-id;Tilbud;Værksted;Startdato;Slutdato;Afslutningsårsag\n' +
        'X;Straksaktivering;Park & vej;01-01-2024;31-03-2024;Ordinært job\n' +
        'X;Nytteindsats;Rengøring;01-05-2024;;\n',
    );
    const file = tmpCsv(
      'Borger-id;Måling;Dato;Indikator;Score\n' +
        'X;1;26-12-2023;Samarbejdsevner;2\n' + // 6 days before the first course: that course
        'X;3;14-04-2024;Samarbejdsevner;4\n' + // 14 days after its end: still that course
        'X;1;24-04-2024;Samarbejdsevner;1\n' + // 7 days before the second: the second course
        'X;3;15-04-2024;Samarbejdsevner;1\n' + // 15 days after the first end, 16 before the second: none
        'Q;1;01-01-2024;Samarbejdsevner;1\n', // no course at all
    );
    const data = await loadMeasurements(file, { courses: exportFile });
    expect(data.ledger.rejected.map((r) => [r.ref, r.reasons[0]!.en])).toEqual([
      ['line 5', expect.stringMatching(/no course of the person .* runs on 15-04-2024/)],
      ['line 6', expect.stringMatching(/the person has no course in/)],
    ]);
    expect(data.courses.map((c) => [c.unit, c.programme, c.exitGroup])).toEqual([
      ['Park & vej', 'Straksaktivering', 'job'],
      ['Rengøring', 'Nytteindsats', null],
    ]);
    expect(data.also?.[0]?.ledger.accepted).toBe(2);
    const r = run(data, progressionBy(['unit'], data));
    expect(r.groups.map((g) => [g.values[0], g.tally.n, g.tally.up, g.tally.baselineOnly])).toEqual([
      ['Park & vej', 1, 1, 0],
      ['Rengøring', 0, 0, 1],
    ]);
  });

  it('without a date, a person with two courses is a rejected row that says what to add', async () => {
    const exportFile = courses('Borger-id;Startdato;Slutdato\nX;01-01-2024;31-03-2024\nX;01-05-2024;\n');
    const data = await loadMeasurements(tmpCsv('Borger-id;Måling;Indikator;Score\nX;1;Samarbejdsevner;2\n'), {
      courses: exportFile,
    });
    expect(data.ledger.rejected[0]!.reasons[0]!.en).toMatch(
      /has 2 courses in .*; add the date of measurement \(Dato\) or the course start \(Startdato\)/,
    );
  });
});

describe('the wide shape and the config', () => {
  it('reads one column per indicator, and a config scale for the 1–10 indicator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-progression-'));
    writeFileSync(
      join(dir, 'jobfx.config.json'),
      JSON.stringify({
        indicators: [
          { name: 'Medarbejders vurdering', replaces: E, scale: '1-10' },
          { name: 'Motivation', aliases: ['Motivation for job'] },
        ],
      }),
    );
    writeFileSync(
      join(dir, 'wide.csv'),
      'Borger-id;Måling;Beskæftigelsesmedarbejders forventning;Motivation for job\nX;Baseline;3;2\nX;Slut;10;4\n',
    );
    const data = await loadMeasurements(join(dir, 'wide.csv'), { cwd: dir });
    expect(data.mapping.shape).toBe('wide');
    const e = data.indicators.list.findIndex((i) => i.da === 'Medarbejders vurdering');
    const m = data.indicators.list.findIndex((i) => i.da === 'Motivation');
    const r = run(data);
    expect(r.indicators[e]!.mean).toBeCloseTo(7 / 9, 12);
    expect(r.indicators[m]!.mean).toBeCloseTo(0.5, 12);
    // Across: mean of (2/9, 1/4) → mean of (1, 3/4); change = 0.875 − 0.2361… = 0.6389 ≥ 0.25.
    expect(r.total).toMatchObject({ n: 1, up: 1 });
  });
});
