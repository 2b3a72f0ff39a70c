/**
 * jobfx run with a progression step: the step's "input" is the measurement file, the report's
 * export its --courses. The tables reach every file of the pack, the measurement file is
 * accounted for like the export (stderr, manifest, rejects beside the pack), and a missing or
 * misplaced "input" is a clear configuration error before anything is written.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CPR_LIKE } from '../helpers.js';
import { jobfx } from './run.js';

const EXPORT = resolve('fixtures/demo/demo-export.csv');
const BIP = resolve('fixtures/progression/bip-long.csv');
const IDS = [
  'progression.overall',
  'progression.indicators',
  'progression.scores',
  'progression.timeliness',
  'progression.contract',
];

function runWith(tables: object[], name = 'r.json') {
  const dir = mkdtempSync(join(tmpdir(), 'jobfx-run-progression-'));
  const report = { title: 'Progression', input: EXPORT, period: '2024', out: 'memo', tables };
  writeFileSync(join(dir, name), JSON.stringify(report));
  return { dir, r: jobfx(['run', name, '--json'], { cwd: dir }) };
}

describe('jobfx run: a progression step', () => {
  const { dir, r } = runWith([{ command: 'progression', input: BIP, options: { by: 'unit' } }]);
  const pack = join(dir, 'memo');

  it('puts the progression tables, output 5 included, into the manifest, md, html and xlsx', async () => {
    expect(r.code, r.stderr).toBe(0);
    const m = JSON.parse(readFileSync(join(pack, 'manifest.json'), 'utf8'));
    expect(m.tables).toMatchObject([{ command: 'progression', options: { by: 'unit' }, tables: IDS }]);
    // The sheet of each table: its title's subject, as the workbook names it.
    const sheets = m.tables[0].sheets as { id: string; sheet: string }[];
    expect(sheets.map((s) => s.id)).toEqual(IDS);
    expect(sheets.find((s) => s.id === 'progression.timeliness')!.sheet).toBe('Rettidige målinger');
    const md = readFileSync(join(pack, 'notat.md'), 'utf8');
    const html = readFileSync(join(pack, 'notat.html'), 'utf8');
    for (const text of [md, html]) {
      expect(text).toContain('Progression på gennemsnittet af BIP-indikatorerne, 2024 (');
      expect(text).toContain('Resultatmål og forlængelse for de målte forløb, 2024 (');
      expect(text).not.toMatch(CPR_LIKE);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(pack, 'tabeller.xlsx'));
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value)))));
    expect(cells.some((c) => c.startsWith('Resultatmål og forlængelse for de målte forløb'))).toBe(true);
    expect(cells.some((c) => c.startsWith('Rettidige målinger, 2024'))).toBe(true);
    expect(String(wb.getWorksheet('Rettidige målinger')!.getCell('A1').value)).toMatch(
      /^Rettidige målinger, 2024/,
    );
  });

  it('accounts for the measurement file like the export: stderr, manifest, rejects beside the pack', () => {
    // bip-long.csv: 959 data lines, of which a duplicate and a score outside its scale are rejected.
    expect(r.stderr).toContain(`${BIP}: 959 rows read = 957 accepted + 2 rejected + 0 skipped`);
    const sha = createHash('sha256').update(readFileSync(BIP)).digest('hex');
    const m = JSON.parse(readFileSync(join(pack, 'manifest.json'), 'utf8'));
    expect(m.inputs[1]).toEqual({
      file: BIP,
      sha256: sha,
      read: 959,
      accepted: 957,
      rejected: 2,
      skipped: 0,
      rejects: join('..', 'memo.bip-long.rejects.csv'),
    });
    expect(JSON.parse(r.stdout).stepInputs[0]).toMatchObject({ file: BIP, rejected: 2 });
    const rejects = readFileSync(join(dir, 'memo.bip-long.rejects.csv'), 'utf8');
    expect(rejects.trim().split('\n')).toHaveLength(3);
    // In the report's language (Danish by default).
    expect(rejects).toMatch(/dublet af linje 2/);
    expect(rejects).toMatch(/scoren 7 for ""Hverdagsmestring"" ligger uden for skalaen 1–5/);
    expect(rejects).not.toMatch(CPR_LIKE);
    expect(r.stdout + r.stderr).not.toMatch(CPR_LIKE);
  });

  it('a missing measurement file is a clear error before anything is read or written', () => {
    const missing = resolve('fixtures/progression/no-such-file.csv');
    const { dir: d, r: bad } = runWith([{ command: 'progression', input: missing }]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`tables[0] (progression): "input": ${missing} does not exist`);
    expect(existsSync(join(d, 'memo'))).toBe(false);
  });

  it('the measurement file is guarded: the pack may not replace it', () => {
    const d = mkdtempSync(join(tmpdir(), 'jobfx-run-progression-'));
    const copy = join(d, 'bip.csv');
    copyFileSync(BIP, copy);
    const report = {
      title: 'P',
      input: EXPORT,
      period: '2024',
      tables: [{ command: 'progression', input: 'bip.csv' }],
    };
    writeFileSync(join(d, 'r.json'), JSON.stringify(report));
    const bad = jobfx(['run', 'r.json', '--out', 'bip.csv'], { cwd: d });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/the measurement file/);
    expect(readFileSync(copy)).toEqual(readFileSync(BIP));
  });

  it('"input" is required for progression and refused for a step that reads the export', () => {
    const none = runWith([{ command: 'progression' }]).r;
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/tables\[0\] \(progression\): give the step's "input": the measurement file/);
    const misplaced = runWith([{ command: 'exits', input: BIP }]).r;
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toMatch(
      /tables\[0\] \(exits\): "input" is only for a step with a file of its own/,
    );
    const courses = runWith([{ command: 'progression', input: BIP, options: { courses: EXPORT } }]).r;
    expect(courses.code).toBe(2);
    expect(courses.stderr).toMatch(/"courses" is the report's "input"/);
  });
});
