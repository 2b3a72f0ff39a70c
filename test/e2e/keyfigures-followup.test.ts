/**
 * Follow-up cohorts end to end on fixtures/keyfigures/followup-cohorts.csv (issue #15), memo
 * 2025H2. Worked by hand from the fixture (ended date, consent, statuses; newest date 31-12-2025):
 *
 *   cohort (lagged)              courses (row: person, end)                         covered, due
 *   1 md:  01-06-2025–30-11-2025 P5 30-06, P5 15-11, P7 30-09, P8 30-11, P10 20-08   P7 (no consent) and P10 ("Måske") not;
 *                                                                                    due P5 30-06 (Job), P5 15-11 (none), P8 30-11 (none)
 *   3 mdr: 01-04-2025–30-09-2025 P5 30-06, P7 30-09, P10 20-08, P2 01-04            due P5 (Job), P2 (Job)
 *   6 mdr: 01-01-2025–30-06-2025 P4 10-02, P5 30-06, P2 01-04                        due all: P4 Uddannelse, P5 none, P2 none
 *   12 mdr: 01-07-2024–31-12-2024 P1 15-08, P2 31-12, P3 01-10                       P3 Nej; due P1 (Job), P2 (Ledig = Forsørgelsesydelse,
 *                                                                                    due exactly on 31-12-2025)
 * P11 ended 30-06-2024, the day before the 12-month cohort: in none. P12 ended 01-12-2025: in
 * the period's own cohort only.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { describeWithTool, PYTHON, requireTool } from '../render/tools.js';
import { jobfx } from './run.js';

const FILE = resolve('fixtures/keyfigures/followup-cohorts.csv');

type JsonTable = { id: string; title: string; rows: { cells: unknown[] }[]; notes: string[] };
function tablesOf(args: string[], code = 0): { tables: Map<string, JsonTable>; stderr: string } {
  const r = jobfx(['keyfigures', FILE, '--period', '2025H2', '--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(code);
  return {
    tables: new Map((JSON.parse(r.stdout).tables as JsonTable[]).map((t) => [t.id, t])),
    stderr: r.stderr,
  };
}
const column = (t: JsonTable, i = 1) => Object.fromEntries(t.rows.map((r) => [r.cells[0], r.cells[i]]));

describe('jobfx keyfigures: follow-up cohorts', () => {
  const { tables, stderr } = tablesOf([]);

  it('takes for horizon N the courses ended in the period shifted back N months, and names the cohort', () => {
    expect(tables.get('keyfigures.followUp1')!.title).toBe(
      'Status 1 måned efter afsluttet forløb, forløb afsluttet 01-06-2025–30-11-2025',
    );
    expect(column(tables.get('keyfigures.followUp1')!)).toEqual({
      Job: 1,
      Uoplyst: 2,
      'Opgjort i alt': 3,
      'Endnu ikke opgjort': 0,
      'Ikke omfattet': 2,
      'Afsluttede forløb i alt': 5,
    });
    expect(tables.get('keyfigures.followUp3')!.title).toMatch(/forløb afsluttet 01-04-2025–30-09-2025$/);
    expect(column(tables.get('keyfigures.followUp3')!)).toMatchObject({
      Job: 2,
      'Opgjort i alt': 2,
      'Ikke omfattet': 2,
      'Afsluttede forløb i alt': 4,
    });
    expect(tables.get('keyfigures.followUp6')!.title).toMatch(/forløb afsluttet 01-01-2025–30-06-2025$/);
    expect(column(tables.get('keyfigures.followUp6')!)).toEqual({
      Uddannelse: 1,
      Uoplyst: 2,
      'Opgjort i alt': 3,
      'Endnu ikke opgjort': 0,
      'Ikke omfattet': 0,
      'Afsluttede forløb i alt': 3,
    });
    expect(tables.get('keyfigures.followUp12')!.title).toMatch(/forløb afsluttet 01-07-2024–31-12-2024$/);
    expect(column(tables.get('keyfigures.followUp12')!)).toEqual({
      Job: 1,
      Forsørgelsesydelse: 1,
      'Opgjort i alt': 2,
      'Endnu ikke opgjort': 0,
      'Ikke omfattet': 1,
      'Afsluttede forløb i alt': 3,
    });
    expect(column(tables.get('keyfigures.followUp12')!, 2)).toMatchObject({
      Job: { count: 1, of: 2, percent: 50 },
    });
  });

  it('measures as of the newest date in the data and says so', () => {
    for (const h of [1, 3, 6, 12])
      expect(tables.get(`keyfigures.followUp${h}`)!.notes).toContain(
        'Opgjort pr. 31-12-2025, den nyeste start- eller slutdato i udtrækket (--as-of ændrer den).',
      );
  });

  it('moves what is due with --as-of, and says it was given', () => {
    const { tables: t } = tablesOf(['--as-of', '20-12-2025']);
    // 1 md: P8 30-11 + 1 month = 30-12 > 20-12; 6 mdr: P5 30-06 → 30-12; 12 mdr: P2 31-12-2024 → 31-12-2025.
    expect(column(t.get('keyfigures.followUp1')!)).toMatchObject({
      'Opgjort i alt': 2,
      'Endnu ikke opgjort': 1,
    });
    expect(column(t.get('keyfigures.followUp6')!)).toMatchObject({
      Uoplyst: 1,
      'Opgjort i alt': 2,
      'Endnu ikke opgjort': 1,
    });
    expect(column(t.get('keyfigures.followUp12')!)).toMatchObject({
      Job: 1,
      'Opgjort i alt': 1,
      'Endnu ikke opgjort': 1,
    });
    expect(t.get('keyfigures.followUp1')!.notes).toContain('Opgjort pr. 20-12-2025 (--as-of).');
  });

  it('keeps the period cohort with --followup-cohort period', () => {
    const { tables: t } = tablesOf(['--followup-cohort', 'period']);
    // Ended 2025H2: P5 15-11, P7 30-09 (no consent), P8 30-11, P10 20-08 ("Måske"), P12 01-12 (due 01-01-2026: not yet).
    expect(t.get('keyfigures.followUp1')!.title).toMatch(/forløb afsluttet 01-07-2025–31-12-2025$/);
    expect(column(t.get('keyfigures.followUp1')!)).toEqual({
      Uoplyst: 2,
      'Opgjort i alt': 2,
      'Endnu ikke opgjort': 1,
      'Ikke omfattet': 2,
      'Afsluttede forløb i alt': 5,
    });
    expect(column(t.get('keyfigures.followUp6')!)).toMatchObject({
      'Opgjort i alt': 0,
      'Endnu ikke opgjort': 3,
    });
  });

  it('counts courses without consent, or ended before --followup-from, as "Ikke omfattet"', () => {
    expect(tables.get('keyfigures.followUp1')!.notes.join(' ')).toMatch(
      /Ikke omfattet: forløb uden samtykke til opfølgning/,
    );
    const { tables: t } = tablesOf(['--followup-from', '01-09-2024']);
    // P1 ended 15-08-2024: now not covered either.
    expect(column(t.get('keyfigures.followUp12')!)).toEqual({
      Forsørgelsesydelse: 1,
      'Opgjort i alt': 1,
      'Endnu ikke opgjort': 0,
      'Ikke omfattet': 2,
      'Afsluttede forløb i alt': 3,
    });
    expect(t.get('keyfigures.followUp12')!.notes.join(' ')).toMatch(/eller afsluttet før 01-09-2024/);
  });

  it('reports a consent value that is neither Ja nor Nej, on stderr and under the tables', () => {
    expect(stderr).toMatch(/column "Samtykke": "Måske" \(1 row\) is not Ja or Nej/);
    expect(tables.get('keyfigures.followUp3')!.notes).toContain(
      '1 forløb har en værdi i "Samtykke", der hverken er Ja eller Nej (Måske); de er talt som ikke omfattet.',
    );
    const r = jobfx(['keyfigures', FILE, '--period', '2025H2', '--format', 'json', '--strict']);
    expect(r.code).toBe(1);
  });

  it('shows "I nyt forløb" only with --followup-new-course', () => {
    // 6 mdr: P5's course ended 30-06 has no status, and P5 started again 01-09 (≤ 30-12). P8's
    // course ended 30-11 (1 md) has none either, but P8 started again 31-12, a day after 30-12.
    const { tables: t } = tablesOf(['--followup-new-course']);
    expect(column(t.get('keyfigures.followUp6')!)).toMatchObject({
      Uddannelse: 1,
      'I nyt forløb': 1,
      Uoplyst: 1,
      'Opgjort i alt': 3,
    });
    expect(column(t.get('keyfigures.followUp1')!)).toMatchObject({ Job: 1, Uoplyst: 2 });
    expect(column(tables.get('keyfigures.followUp6')!)).not.toHaveProperty('I nyt forløb');
  });

  it('splits the statuses by exit group with --followup-by exitGroup ("Fortsat i job")', () => {
    const { tables: t } = tablesOf(['--followup-by', 'exitGroup']);
    const g = t.get('keyfigures.followUp12.byExitGroup')!;
    expect(g.title).toBe(
      'Status 12 måneder efter afsluttet forløb efter afgangsgruppe, forløb afsluttet 01-07-2024–31-12-2024',
    );
    // Both due courses of the 12-month cohort ended to a job: 1 of 2 still in a job.
    expect(g.rows.map((r) => r.cells)).toEqual([
      ['Job', 1, { count: 1, of: 2, percent: 50 }, 1, { count: 1, of: 2, percent: 50 }],
      ['Forsørgelsesydelse', 1, { count: 1, of: 2, percent: 50 }, 1, { count: 1, of: 2, percent: 50 }],
      ['Opgjort i alt', 2, { count: 2, of: 2, percent: 100 }, 2, { count: 2, of: 2, percent: 100 }],
    ]);
    // 6 mdr: P5 and P2 ended to a job (no status), P4 to education (Uddannelse).
    const six = t.get('keyfigures.followUp6.byExitGroup')!;
    expect(six.rows.map((r) => r.cells.filter((c) => typeof c !== 'object'))).toEqual([
      ['Uddannelse', 0, 1, 1],
      ['Uoplyst', 2, 0, 2],
      ['Opgjort i alt', 2, 1, 3],
    ]);
  });

  it.each([
    [['--followup-from', '2024-13-01'], /--followup-from 2024-13-01/],
    [['--followup-from', 'soon'], /--followup-from soon/],
    [['--followup-cohort', 'later'], /argument 'later' is invalid/],
    [['--followup-by', 'unit'], /argument 'unit' is invalid/],
    [['--as-of', '31-02-2025'], /--as-of 31-02-2025/],
  ])('%j is a usage error', (args, message) => {
    const r = jobfx(['keyfigures', FILE, ...(args as string[])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('jobfx run: the follow-up options in a memo pack', () => {
  it('takes them as a keyfigures step option, lagged by default', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-fu-run-'));
    try {
      const report = {
        title: 'Opfølgning',
        input: FILE,
        period: '2025H2',
        lang: 'da',
        suppress: 0,
        out: 'pakke',
        tables: [
          { command: 'keyfigures', options: {} },
          {
            command: 'keyfigures',
            options: { followupBy: 'exitGroup', followupFrom: '01-09-2024', followupNewCourse: true },
          },
        ],
      };
      writeFileSync(join(dir, 'r.json'), JSON.stringify(report));
      const r = jobfx(['run', 'r.json'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      const md = readFileSync(
        join(
          dir,
          'pakke',
          readdirSync(join(dir, 'pakke')).find((f) => f.endsWith('.md'))!,
        ),
        'utf8',
      );
      // Both steps: the 12-month table of the lagged cohort; the second also by exit group, with P1 not covered.
      expect(
        md.match(/### Status 12 måneder efter afsluttet forløb, forløb afsluttet 01-07-2024–31-12-2024/g),
      ).toHaveLength(2);
      expect(md).toContain(
        '### Status 12 måneder efter afsluttet forløb efter afgangsgruppe, forløb afsluttet 01-07-2024–31-12-2024',
      );
      expect(md).toMatch(/\| I nyt forløb +\| +1 \|/);
      expect(md).toContain('eller afsluttet før 01-09-2024');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeWithTool(PYTHON, 'the demo export, memo 2025H2 (issue #15: "Done when")', () => {
  it('shows the lagged 6- and 12-month cohorts with due courses, as the independent Python check counts them', () => {
    const demo = resolve('fixtures/demo/demo-export.csv');
    const py = spawnSync(
      requireTool(PYTHON),
      ['scripts/check-keyfigures.py', '--input', demo, '--from', '2025-07-01', '--to', '2025-12-31'],
      { encoding: 'utf8' },
    );
    expect(py.status, py.stderr).toBe(0);
    const expected = JSON.parse(py.stdout) as {
      followUp: {
        horizon: number;
        cohort: { from: string; to: string };
        due: number;
        byStatus: { value: string; count: number }[];
      }[];
    };
    const r = jobfx(['keyfigures', demo, '--period', '2025H2', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const tables = new Map((JSON.parse(r.stdout).tables as JsonTable[]).map((t) => [t.id, t]));
    const dmy = (iso: string) => iso.split('-').reverse().join('-');
    for (const f of expected.followUp) {
      const t = tables.get(`keyfigures.followUp${f.horizon}`)!;
      expect(t.title).toContain(`forløb afsluttet ${dmy(f.cohort.from)}–${dmy(f.cohort.to)}`);
      const got = column(t);
      expect(got['Opgjort i alt']).toBe(f.due);
      for (const s of f.byStatus) expect(got[s.value]).toBe(s.count);
    }
    // The 6- and 12-month cohorts are 2025H1 and 2024H2, with courses due (108 and 96 today).
    expect(expected.followUp.find((f) => f.horizon === 6)!.cohort).toEqual({
      from: '2025-01-01',
      to: '2025-06-30',
    });
    expect(expected.followUp.find((f) => f.horizon === 12)!.cohort).toEqual({
      from: '2024-07-01',
      to: '2024-12-31',
    });
    for (const h of [6, 12])
      expect(column(tables.get(`keyfigures.followUp${h}`)!)['Opgjort i alt']).toBeGreaterThan(50);
  });
});
