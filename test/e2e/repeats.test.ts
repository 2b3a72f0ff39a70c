/**
 * jobfx repeats on fixtures/keyfigures/edges.csv, 2025H1. By hand: started persons P2 P3 P4 P5 P6
 * P9 P10; P5 returns exactly 12 months (365 days) after a "Job" exit (line 7 → line 8), P9 the
 * day after a "Sygedagpenge" exit (line 13 → line 14); P6 after 366 days (30-03-2024 → 31-03-2025,
 * past 30-03-2025 = end + 12 months) does not count.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CPR_LIKE } from '../helpers.js';
import { jobfx } from './run.js';

const EDGES = resolve('fixtures/keyfigures/edges.csv');
type JsonTable = { id: string; rows: { cells: unknown[] }[] };
function repeats(args: string[]): Map<string, JsonTable> {
  const r = jobfx(['repeats', EDGES, '--period', '2025H1', '--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return new Map((JSON.parse(r.stdout).tables as JsonTable[]).map((t) => [t.id, t]));
}
const rows = (t: JsonTable) => t.rows.map((r) => r.cells);

describe('jobfx repeats', () => {
  it('counts repeat users of those who started', () => {
    expect(rows(repeats([]).get('repeats.total')!)).toEqual([
      ['Personer startet i perioden', 7, { count: 7, of: 7, percent: 100 }],
      ['heraf gengangere', 2, { count: 2, of: 7, percent: 200 / 7 }],
    ]);
  });

  it('splits by target group of the counted course and by the exit group of the earlier course', () => {
    const t = repeats([]);
    expect(rows(t.get('repeats.targetGroup')!).map((r) => r.slice(0, 3))).toEqual([
      ['Jobparat kontanthjælpsmodtager', 3, 1],
      ['Åbenlyst uddannelsesparat', 1, 0],
      ['Forsikret ledig', 2, 1],
      ['Uoplyst', 1, 0],
      ['I alt', 7, 2],
    ]);
    const g = Object.fromEntries(rows(t.get('repeats.previousExitGroup')!).map((r) => [r[0], r[1]]));
    expect(g).toMatchObject({ Job: 1, 'Anden forsørgelse': 1, 'I alt': 2 });
  });

  it('honours --window and --min-gap-days', () => {
    const count = (args: string[]) => rows(repeats(args).get('repeats.total')!)[1]![1];
    expect(count(['--window', '366d'])).toBe(3);
    expect(count(['--window', '364d'])).toBe(1);
    expect(count(['--min-gap-days', '1'])).toBe(1);
    expect(count(['--window', '6m'])).toBe(1); // end + 6 calendar months: only P9
    expect(count(['--window', '12m'])).toBe(2);
  });

  it('states the window and its rule in the titles and notes', () => {
    const total = (args: string[]) => {
      const r = jobfx(['repeats', EDGES, '--period', '2025H1', '--format', 'md', ...args]);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    const months = total([]);
    expect(months).toContain('### Gengangere inden for 12 måneder (slut₁ < start₂ ≤ slut₁ + 12 måneder), ');
    expect(months).toContain('højst 12 måneder før starten (slut₁ < start₂ ≤ slut₁ + 12 måneder)');
    expect(months).toContain('Måneder er kalendermåneder');
    const days = total(['--window', '365d', '--lang', 'en']);
    expect(days).toContain('### Repeat users within 365 days (end₁ < start₂ ≤ end₁ + 365 days), ');
    expect(days).not.toContain('months');
  });

  it('lists the returns for case review, without CPR numbers', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jobfx-rep-')), 'list.csv');
    const r = jobfx(['repeats', EDGES, '--period', '2025H1', '--list', out], {
      env: { JOBFX_PSEUDONYM_KEY: 'k-0123456789abcdef' },
    });
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // Danish by default, as the tables are.
    expect(lines[0]).toBe(
      'person,tidligere_række,tidligere_start,tidligere_slut,tidligere_afgangsårsag,række,start,dage_imellem',
    );
    expect(lines.slice(1).map((l) => l.replace(/^P[bcdfghjklmnpqrst]{16},/, ''))).toEqual([
      'linje 7,2024-01-15,2024-03-31,Ordinært job,linje 8,2025-03-31,365',
      'linje 13,2025-01-10,2025-02-14,Sygedagpenge,linje 14,2025-02-15,1',
    ]);
    expect(readFileSync(out, 'utf8')).not.toMatch(CPR_LIKE);
  });

  it('--list follows --lang and --excel-csv, as the tables do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-rep-'));
    const en = join(dir, 'en.csv');
    const excel = join(dir, 'excel.csv');
    expect(jobfx(['repeats', EDGES, '--period', '2025H1', '--list', en, '--lang', 'en']).code).toBe(0);
    const base = ['repeats', EDGES, '--period', '2025H1', '--list', excel, '--excel-csv'];
    expect(jobfx([...base, '--format', 'csv']).code).toBe(0);
    const first = (f: string) => readFileSync(f, 'utf8').split('\r\n').slice(0, 2);
    expect(first(en)[0]).toBe(
      '\uFEFFperson,earlier_row,earlier_start,earlier_end,earlier_exit_reason,row,start,gap_days',
    );
    const [head, row] = first(excel);
    expect(head).toBe(
      '\uFEFFperson;tidligere_række;tidligere_start;tidligere_slut;tidligere_afgangsårsag;række;start;dage_imellem',
    );
    expect(row!.replace(/^P[bcdfghjklmnpqrst]+;/, '')).toBe(
      'linje 7;2024-01-15;2024-03-31;Ordinært job;linje 8;2025-03-31;365',
    );
    expect(first(en)[1]!.replace(/^P[bcdfghjklmnpqrst]+,/, '')).toBe(
      'line 7,2024-01-15,2024-03-31,Ordinært job,line 8,2025-03-31,365',
    );
  });
});

describe('jobfx repeats --by', () => {
  it('gives the tables again for each unit, each the tables --where gives for it (a return within the unit)', () => {
    const r = jobfx([
      'repeats',
      EDGES,
      '--period',
      '2025H1',
      '--format',
      'json',
      '--by',
      'unit',
      '--suppress',
      '0',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const tables = JSON.parse(r.stdout).tables as (JsonTable & { title: string })[];
    const totals = tables.filter((t) => /^repeats\.total\.by\.\d+$/.test(t.id));
    expect(totals.length).toBeGreaterThan(1);
    for (const t of totals) {
      const unit = t.title.split(', enhed: ')[1]!;
      const where = repeats(['--where', `unit=${unit}`, '--suppress', '0']).get('repeats.total')!;
      expect(rows(t), unit).toEqual(rows(where));
    }
    // Then the tables of all courses, unchanged.
    expect(rows(tables.find((t) => t.id === 'repeats.total')!)).toEqual(
      rows(repeats([]).get('repeats.total')!),
    );
  });
});
