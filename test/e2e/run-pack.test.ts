/**
 * jobfx init + jobfx run end to end: the memo pack in a temporary folder, file by file; the same
 * report twice gives the same tables; a failing step or too many rejected rows leave the last
 * pack as it was; the html renders in Chromium and the xlsx opens in LibreOffice.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CPR_LIKE } from '../helpers.js';
import {
  CHROMIUM,
  chromiumScreenshot,
  expectInked,
  itWithTool,
  libreofficeFirstSheetCsv,
  SOFFICE,
} from '../render/tools.js';
import { jobfx } from './run.js';

const DEMO = resolve('fixtures/demo/demo-export.xlsx');
const PACK = ['figur-1.svg', 'figur-2.svg', 'manifest.json', 'notat.html', 'notat.md', 'tabeller.xlsx'];

function initDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jobfx-run-'));
  const r = jobfx(['init'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return dir;
}
const report = (dir: string) => JSON.parse(readFileSync(join(dir, 'jobfx.report.json'), 'utf8'));
const writeReport = (dir: string, r: object, name = 'jobfx.report.json') =>
  writeFileSync(join(dir, name), JSON.stringify(r, null, 2));
const snapshot = (pack: string) =>
  Object.fromEntries(readdirSync(pack).map((f) => [f, readFileSync(join(pack, f))]));

describe('jobfx init && jobfx run jobfx.report.json', () => {
  const dir = initDir();
  const r = jobfx(['run', 'jobfx.report.json', '--json'], { cwd: dir });
  const pack = join(dir, 'noegletal');

  it('writes the pack and a summary for scripts', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(pack).sort()).toEqual(PACK);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({
      ok: true,
      out: pack,
      period: { label: '2025H2', from: '2025-07-01', to: '2025-12-31' },
    });
    expect(s.input).toMatchObject({ read: 421, accepted: 420, rejected: 0, skipped: 1 });
    // Each table by its id, step by step, as the manifest names them.
    const m = JSON.parse(readFileSync(join(pack, 'manifest.json'), 'utf8'));
    expect(s.steps).toEqual(m.tables);
    expect(s.steps[0].tables.slice(0, 2)).toEqual(['keyfigures.citizens', 'keyfigures.ongoingDuration']);
    expect(s.steps.flatMap((x: { tables: string[] }) => x.tables)).toHaveLength(s.tables);
  });

  it('records the input, its row accounting and every step in the manifest', () => {
    const m = JSON.parse(readFileSync(join(pack, 'manifest.json'), 'utf8'));
    const sha = createHash('sha256').update(readFileSync(DEMO)).digest('hex');
    expect(m.inputs).toEqual([
      { file: DEMO, sha256: sha, read: 421, accepted: 420, rejected: 0, skipped: 1 },
    ]);
    expect(m.jobfx).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    expect(m.tables.map((t: { command: string }) => t.command)).toEqual([
      'keyfigures',
      'exits',
      'repeats',
      'yoy',
      'compare',
    ]);
    expect(m.tables[0].options).toEqual({ by: 'unit' });
    expect(new Date(m.runAt).getTime()).toBeGreaterThan(0);
    expect(m.files).toEqual(PACK);
  });

  it('has every table in the workbook, the html and the markdown, without CPR numbers', async () => {
    const m = JSON.parse(readFileSync(join(pack, 'manifest.json'), 'utf8'));
    const ids: string[] = m.tables.flatMap((t: { tables: string[] }) => t.tables);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(pack, 'tabeller.xlsx'));
    expect(wb.worksheets).toHaveLength(ids.length);
    const html = readFileSync(join(pack, 'notat.html'), 'utf8');
    const md = readFileSync(join(pack, 'notat.md'), 'utf8');
    expect(md.startsWith('# Nøgletal for straksaktivering, 2. halvår 2025\n')).toBe(true);
    expect((html.match(/<h2 id=/g) ?? []).length).toBe(ids.length);
    expect((md.match(/^### /gm) ?? []).length).toBe(ids.length);
    expect((html.match(/<svg/g) ?? []).length).toBe(2); // the yoy and compare charts, inline
    expect(md).toContain('![');
    for (const text of [html, md]) expect(text).not.toMatch(CPR_LIKE);
    // Memo tables are suppressed: the demo's small cells show as "<5".
    expect(md).toContain('<5');
  });

  it('names the sheet of tabeller.xlsx that holds each table, in the manifest and --json', async () => {
    const m = JSON.parse(readFileSync(join(pack, 'manifest.json'), 'utf8'));
    type Step = { tables: string[]; sheets: { id: string; sheet: string }[] };
    const sheets = m.tables.flatMap((t: Step) => t.sheets);
    for (const t of m.tables as Step[]) expect(t.sheets.map((s) => s.id)).toEqual(t.tables);
    // The title's subject, before its period: "Borgere i indsatsen, 2. halvår 2025 (…)".
    expect(sheets[0]).toEqual({ id: 'keyfigures.citizens', sheet: 'Borgere i indsatsen' });
    expect(JSON.parse(r.stdout).steps).toEqual(m.tables);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(pack, 'tabeller.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(sheets.map((s: { sheet: string }) => s.sheet));
    // Each sheet holds the table of its id: its title is the memo's title of that table, where the
    // tables come in the manifest's order.
    const md = readFileSync(join(pack, 'notat.md'), 'utf8');
    const titles = [...md.matchAll(/^### (.*)$/gm)].map((x) => x[1]!.replace(/\\(.)/g, '$1'));
    expect(titles).toHaveLength(sheets.length);
    sheets.forEach((s: { sheet: string }, k: number) =>
      expect(wb.getWorksheet(s.sheet)!.getCell('A1').value, s.sheet).toBe(titles[k]),
    );
  });

  it('gives byte-identical tables for the same input and report; only the run time differs', () => {
    const again = jobfx(['run', 'jobfx.report.json', '--out', 'again', '--quiet'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toBe('');
    const a = snapshot(pack);
    const b = snapshot(join(dir, 'again'));
    for (const f of PACK.filter((x) => x !== 'manifest.json')) expect(b[f]!.equals(a[f]!), f).toBe(true);
    const ma = JSON.parse(a['manifest.json']!.toString());
    const mb = JSON.parse(b['manifest.json']!.toString());
    expect({ ...mb, runAt: ma.runAt }).toEqual(ma);
  });

  itWithTool(CHROMIUM, 'renders the memo in headless Chromium', { timeout: 120_000 }, () => {
    const png = join(dir, 'notat.png');
    chromiumScreenshot(join(pack, 'notat.html'), png, '1100,1400');
    // The memo's text, tables and figures: about half the pixel rows.
    expectInked(png, '1100,1400', 0.3);
  });

  itWithTool(SOFFICE, 'opens the workbook in LibreOffice Calc', { timeout: 120_000 }, () => {
    const csv = libreofficeFirstSheetCsv(join(pack, 'tabeller.xlsx'));
    expect(csv.split('\n')[0]).toBe('Borgere i indsatsen, 2. halvår 2025 (01-07-2025 – 31-12-2025);;;;;');
    expect(csv).toMatch(/^Forløb aktive i perioden;\d+;\d+;\d+;\d+;186$/m);
  });
});

describe('a run that fails leaves the last pack as it was', () => {
  it('when a step fails while its table is built', () => {
    const dir = initDir();
    expect(jobfx(['run', 'jobfx.report.json', '--quiet'], { cwd: dir }).code).toBe(0);
    const before = snapshot(join(dir, 'noegletal'));
    const rep = report(dir);
    rep.tables.splice(1, 0, { command: 'keyfigures', options: { 'as-of': 'not a date' } });
    writeReport(dir, rep);
    const r = jobfx(['run', 'jobfx.report.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--as-of not a date/);
    expect(snapshot(join(dir, 'noegletal'))).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]); // no temporary folder left
  });

  it('when more rows are rejected than --max-rejected allows (exit 1)', () => {
    const dir = initDir();
    const rep = {
      ...report(dir),
      input: resolve('fixtures/csv/quirks.csv'),
      period: '2024',
      maxRejected: 100,
      tables: [{ command: 'exits' }],
    };
    writeReport(dir, rep);
    const ok = jobfx(['run', 'jobfx.report.json', '--quiet'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    const pack = join(dir, 'noegletal');
    // 5 of 13 rows are rejected (line 10, without a CPR number, is an anonymised course): written
    // beside the pack (never into it), with pseudonyms only.
    expect(existsSync(join(pack, 'rejects.csv'))).toBe(false);
    const rejects = readFileSync(`${pack}.rejects.csv`, 'utf8');
    expect(rejects.trim().split('\r\n')).toHaveLength(6);
    // In the report's language (Danish by default): row references and reasons.
    expect(rejects).toMatch(
      /^linje 6,P[bcdfghjklmnpqrst]{16},Slutdato: slutdatoen ligger før startdatoen; ret en af dem,/m,
    );
    expect(rejects).not.toMatch(CPR_LIKE);
    const before = snapshot(pack);
    const r = jobfx(['run', 'jobfx.report.json', '--max-rejected', '30%'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/5 of 13 rows rejected, more than the limit 30%; the last pack is kept/);
    expect(snapshot(pack)).toEqual(before);
  });
});

describe('checks before anything is written', () => {
  it('--dry-run builds every table and writes nothing', () => {
    const dir = initDir();
    const r = jobfx(['run', 'jobfx.report.json', '--dry-run'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/dry run: 5 step\(s\), \d+ tables, period 2025H2; nothing written/);
    expect(existsSync(join(dir, 'noegletal'))).toBe(false);
  });

  it.each([
    [{ tables: [] }, 2, /tables: Too small/],
    [{ colour: 'blue' }, 2, /Unrecognized key.*colour/],
    [
      { tables: [{ command: 'exits', options: { bogus: 1 } }] },
      2,
      /tables\[0\] \(exits\): unknown option '--bogus'/,
    ],
    [{ tables: [{ command: 'exits', options: { format: 'md' } }] }, 2, /"format" is set for the whole pack/],
    [{ tables: [{ command: 'exits', options: { sort: 'size' } }] }, 2, /argument 'size' is invalid/],
    [{ period: '2025H3' }, 2, /period: --period 2025H3: not a period/],
    [{ input: 'nowhere.xlsx' }, 3, /nowhere\.xlsx: file not found/],
  ])('%j exits %i', (change, code, message) => {
    const dir = initDir();
    writeReport(dir, { ...report(dir), ...change });
    const r = jobfx(['run', 'jobfx.report.json'], { cwd: dir });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^jobfx: error: /);
  });

  it('refuses to overwrite a report with init, unless --force', () => {
    const dir = initDir();
    expect(jobfx(['init'], { cwd: dir }).code).toBe(2);
    expect(jobfx(['init', '--force'], { cwd: dir }).code).toBe(0);
  });
});
