/**
 * jobfx yoy --step quarter|month on fixtures/yoy/exits.csv (its courses are tabled by hand in
 * test/analyses/yoy.test.ts). Expected values worked by hand from that table.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

const EXITS = resolve('fixtures/yoy/exits.csv');
const tmp = mkdtempSync(join(tmpdir(), 'jobfx-yoy-steps-'));

type JsonTable = {
  title: string;
  columns: { label: string }[];
  rows: { cells: unknown[] }[];
  notes: string[];
};
function run(args: string[]): { t: JsonTable; stderr: string } {
  const r = jobfx(['yoy', EXITS, '--format', 'json', ...args], { cwd: tmp });
  expect(r.code, r.stderr).toBe(0);
  return { t: (JSON.parse(r.stdout).tables as JsonTable[])[0]!, stderr: r.stderr };
}
const cols = (t: JsonTable, k: number) =>
  Object.fromEntries(t.rows.map((r) => [r.cells[0], r.cells.slice(1, 1 + k)]));

describe('jobfx yoy --step', () => {
  it('counts exits per quarter of 2024 (a plain year spans its four quarters)', () => {
    // Ended in 2024: c12 31-01 Afbrudt, c19 01-01 OJ (Q1); c13 31-05 OJ (Q2);
    // c15 01-07 VP, c20 15-09 Afbrudt (Q3); c14 31-12 Barsel (Q4).
    const { t } = run(['--step', 'quarter', '--years', '2024']);
    expect(t.title).toBe('Afsluttede forløb efter afslutningsårsag, 2024Q1–2024Q4');
    expect(t.columns.map((c) => c.label).slice(1, 5)).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4']);
    expect(cols(t, 4)).toMatchObject({
      Barsel: [0, 0, 0, 1],
      'Ordinært job': [1, 1, 0, 0],
      Afbrudt: [1, 0, 1, 0],
      Virksomhedspraktik: [0, 0, 1, 0],
      'I alt': [2, 1, 2, 1],
    });
    // Barsel is the only exit of the newest quarter: first row.
    expect(t.rows[0]!.cells[0]).toBe('Barsel');
    expect(t.notes[0]).toBe(
      'Kvartalet er kvartalet for forløbets slutdato (afgang); kun afsluttede forløb tælles.',
    );
    expect(t.notes).toContain('Kvartaler: 2024Q1–2024Q4.');
  });

  it('counts intake per quarter by target group', () => {
    // Started in 2024: c13 01-02 JP, c14 01-03 FL, c19 01-01 JP (Q1); c15 01-06 JP (Q2);
    // c20 01-08 JP (Q3); c16 01-10 FL, c17 01-11 JP (Q4).
    const { t } = run(['--step', 'quarter', '--years', '2024Q1-2024Q4', '--rows', 'targetGroup']);
    expect(cols(t, 4)).toEqual({
      'Jobparat kontanthjælpsmodtager': [2, 1, 1, 1],
      'Forsikret ledig': [1, 0, 0, 1],
      'I alt': [3, 1, 1, 2],
    });
  });

  it('counts exits per month, with the change from the month before', () => {
    // January 2024: c12 Afbrudt (31-01), c19 OJ (01-01); nothing ends in February or March.
    const { t } = run(['--step', 'month', '--years', '2024-01..2024-03', '--lang', 'en']);
    expect(t.title).toBe('Ended courses by exit reason, 2024-01–2024-03');
    expect(cols(t, 3)).toMatchObject({ 'Ordinary job': [1, 0, 0], Interrupted: [1, 0, 0], Total: [2, 0, 0] });
    expect(t.notes[0]).toBe(
      "The month is the month of the course's end date (exits); only ended courses count.",
    );
    expect(t.notes).toContain(
      'Change: 2024-03 against 2024-02. Change in percentage points = the difference of the two exact percentages (not the rounded ones).',
    );
  });

  it('defaults to every complete quarter in the data', () => {
    // Earliest date 01-03-2021 (2021Q1), newest 10-02-2025: 2025Q1 is not over, so 2021Q1–2024Q4.
    const { t, stderr } = run(['--step', 'quarter']);
    expect(stderr).toMatch(/no --years given; using 2021Q1–2024Q4, every complete quarter in the data/);
    expect(t.columns).toHaveLength(1 + 16 + 3);
    expect(t.notes.join('\n')).toMatch(
      /Kvartaler: 2021Q1–2024Q4, alle hele kvartaler i data \(nyeste dato 10-02-2025\)\./,
    );
  });

  it('refuses a form of another step with exit code 2', () => {
    const r = jobfx(['yoy', EXITS, '--years', '2024Q1-2024Q2'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--years 2024Q1-2024Q2: quarters need --step quarter/);
  });
});
