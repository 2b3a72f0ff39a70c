/**
 * No plausible wrong memo with exit 0 (issue #13): an export that differs a little from the demo
 * (a header jobfx does not know, a missing column, a period outside the data) gets a warning on
 * stderr that names the column and the config line, a note under every table, and exit 1 with
 * --strict. Rejected rows never carry columns jobfx did not map, and never go into a memo pack.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoVariant, jobfx } from './run.js';

const tmp = mkdtempSync(join(tmpdir(), 'jobfx-silent-'));
const demo = readFileSync('fixtures/demo/demo-export.csv', 'utf8');

/** The demo export with its header line changed. */
function variant(name: string, header: (h: string) => string): string {
  const [first, ...rest] = demo.split('\n');
  const file = join(tmp, name);
  writeFileSync(file, [header(first!), ...rest].join('\n'));
  return file;
}

describe('an exit-reason header jobfx does not know ("Årsag til afslutning")', () => {
  const file = variant('aarsag.csv', (h) => h.replace('Afslutningsårsag', 'Årsag til afslutning'));

  it('warns, names the column and the config line, and notes it under every table', () => {
    const r = jobfx(['exits', file, '--period', '2025H1', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('not used: "Årsag til afslutning"');
    expect(r.stderr).toMatch(
      /warning: .*no column was recognised as the exit reason, but "Årsag til afslutning" looks like one/,
    );
    expect(r.stderr).toContain('"columns": {"exitReason": "Årsag til afslutning"}');
    const tables = (r.stdout.match(/^### /gm) ?? []).length;
    expect(tables).toBe(2);
    expect(r.stdout.match(/ingen kolonne, der blev genkendt som afslutningsårsag/g)).toHaveLength(tables);
  });

  it('exits 1 with --strict', () => {
    expect(jobfx(['exits', file, '--period', '2025H1', '--strict']).code).toBe(1);
  });
});

describe('"End" and "Reason for leaving" instead of Slutdato and Afslutningsårsag', () => {
  const file = variant('english.csv', (h) =>
    h.replace('Slutdato', 'End').replace('Afslutningsårsag', 'Reason for leaving'),
  );

  it('says every course is counted as ongoing, and which column to map', () => {
    const r = jobfx(['keyfigures', file, '--period', '2025H1', '--format', 'md', '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /no column was recognised as the end date, but "End" looks like one: every course is counted as ongoing/,
    );
    expect(r.stderr).toContain('"columns": {"end": "End"}');
    expect(r.stdout).toContain('alle forløb er talt som igangværende');
  });
});

describe('no end column at all', () => {
  const file = demoVariant(join(tmp, 'no-end.csv'), {
    drop: (h) => h === 'Slutdato' || h === 'Afslutningsårsag',
  });

  it('warns without a column to suggest', () => {
    const r = jobfx(['repeats', file, '--period', '2025H1', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /no column was recognised as the end date: every course is counted as ongoing; if the export has one, map it/,
    );
    expect(r.stdout).toContain('alle forløb er talt som igangværende');
  });
});

describe('a target-group header jobfx does not know ("Målgruppe (visiteret)"), no follow-up columns', () => {
  // The demo with "Målgruppe" renamed and the four "Status N md(r)" columns dropped.
  const file = demoVariant(join(tmp, 'visiteret.csv'), {
    drop: (h) => h.startsWith('Status '),
    header: (l) => l.replace('Målgruppe', 'Målgruppe (visiteret)'),
  });
  const json = (args: string[]) => {
    const r = jobfx(['keyfigures', ...args, '--period', '2025H1', '--format', 'json']);
    const tables = (
      JSON.parse(r.stdout) as { tables: { id: string; notes: string[]; rows: { key: string }[] }[] }
    ).tables;
    return { r, tables, byId: (id: string) => tables.find((t) => t.id === id)! };
  };

  it('notes it under the tables split by those fields only, and warns naming the look-alike header', () => {
    const { r, tables, byId } = json([file, '--lang', 'da']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'no column was recognised as target group, but "Målgruppe (visiteret)" looks like one: keyfigures.mix.targetGroup shows only "Uoplyst" for it; if it is, map it in jobfx.config.json: "columns": {"targetGroup": "Målgruppe (visiteret)"}',
    );
    expect(r.stderr).toMatch(
      /no column was recognised as follow-up 6 months: keyfigures\.followUp6 shows only "Uoplyst" for it; .* or give the follow-up file with --followup FILE/,
    );
    const noted = tables.filter((t) =>
      t.notes.some((n) => n.includes('ingen kolonne, der blev genkendt som målgruppe')),
    );
    expect(noted.map((t) => t.id)).toEqual(['keyfigures.mix.targetGroup']);
    expect(byId('keyfigures.mix.targetGroup').rows.map((row) => row.key)).toEqual(['Uoplyst', 'total']);
    expect(byId('keyfigures.followUp12').notes).toContain(
      'Udtrækket har ingen kolonne, der blev genkendt som opfølgning 12 mdr.: alle står som "Uoplyst".',
    );
    expect(byId('keyfigures.mix.education').notes.join(' ')).not.toContain('ingen kolonne');
    expect(jobfx(['keyfigures', file, '--period', '2025H1', '--strict']).code).toBe(1);
  });

  it("mapped in the config, the table is the demo's own and the warning is gone", () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jobfx-visiteret-'));
    const config = join(cwd, 'jobfx.config.json');
    writeFileSync(config, JSON.stringify({ columns: { targetGroup: 'Målgruppe (visiteret)' } }));
    const mapped = json([file, '--config', config, '--table', 'mix.targetGroup']);
    const demoRun = json(['fixtures/demo/demo-export.csv', '--table', 'mix.targetGroup']);
    expect(mapped.r.stderr).not.toContain('target group');
    expect(mapped.byId('keyfigures.mix.targetGroup').rows).toEqual(
      demoRun.byId('keyfigures.mix.targetGroup').rows,
    );
  });

  it('compare and providers: an outcome or --by field without a column is said under those tables', () => {
    const r = jobfx([
      'compare',
      file,
      '--outcome',
      'followUp6=job',
      '--by',
      'targetGroup',
      '--format',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'no column was recognised as follow-up 6 months: compare.outcomes, compare.by.1, compare.by.1.interaction show only',
    );
    expect(r.stderr).toContain(
      'no column was recognised as target group, but "Målgruppe (visiteret)" looks like one: compare.by.1, compare.by.1.interaction show only',
    );
    const notes = (JSON.parse(r.stdout) as { tables: { id: string; notes: string[] }[] }).tables.map((t) => [
      t.id,
      t.notes.filter((n) => n.includes('ingen kolonne')).length,
    ]);
    expect(notes).toEqual([
      ['compare.outcomes', 1],
      ['compare.by.1', 2],
      ['compare.by.1.interaction', 2],
    ]);
    const p = jobfx([
      'providers',
      file,
      '--by',
      'provider',
      '--outcome',
      'exitGroup=job',
      '--adjust',
      'targetGroup',
    ]);
    expect(p.stderr).toMatch(
      /no column was recognised as target group, .*: providers\.shares, providers\.adjusted/,
    );
  });

  it('--by a field without a column: the tables say so', () => {
    const { r, byId } = json([file, '--by', 'targetGroup', '--table', 'citizens']);
    expect(r.stderr).toContain('keyfigures.citizens shows only "Uoplyst" for it');
    expect(byId('keyfigures.citizens').notes.join(' ')).toContain(
      'ingen kolonne, der blev genkendt som målgruppe',
    );
  });
});

describe('person ids that are not CPR numbers (Borger-id) and no gender column', () => {
  const lines = demo.split('\n');
  const ids = new Map<string, string>();
  const file = join(tmp, 'borger-id.csv');
  writeFileSync(
    file,
    lines
      .map((l, n) => {
        if (n === 0) return l.replace('CPR-nr.', 'Borger-id');
        const [id, ...rest] = l.split(';');
        if (id === undefined || id === '') return l;
        if (!ids.has(id)) ids.set(id, `B${String(ids.size).padStart(4, '0')}`);
        return [ids.get(id), ...rest].join(';');
      })
      .join('\n'),
  );

  it('the age and gender tables say why they are all "Uoplyst"; there is no column to map for age', () => {
    const r = jobfx([
      'keyfigures',
      file,
      '--period',
      '2025H1',
      '--table',
      'mix.ageBand,mix.gender',
      '--format',
      'md',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'the person ids are not CPR numbers, so ages are not known: keyfigures.mix.ageBand shows only "Uoplyst" for it\n',
    );
    expect(r.stderr).toContain(
      'the person ids are not CPR numbers and no column was recognised as gender: keyfigures.mix.gender shows only "Uoplyst" for it; if the export has one, map it in jobfx.config.json: "columns": {"gender": "<header>"}',
    );
    expect(r.stdout).toContain(
      'Udtrækket har ingen CPR-numre, så alderen kendes ikke: alle står som "Uoplyst".',
    );
    expect(r.stdout).toContain(
      'Udtrækket har ingen CPR-numre og ingen kolonne for køn: alle står som "Uoplyst".',
    );
  });
});

describe('a period the data does not cover (the demo runs from 02-01-2024 to 30-01-2026)', () => {
  it.each([
    [
      '2027H1',
      /lies after the data \(its newest date is 30-01-2026\)/,
      'Perioden ligger efter udtrækkets data',
    ],
    [
      '2019',
      /lies before the data \(its first start is 02-01-2024\): every figure is 0/,
      'Perioden ligger før udtrækkets data',
    ],
    [
      '2026',
      /ends after the newest date in the data \(30-01-2026\): the figures are not final/,
      'tallene er ikke endelige',
    ],
  ])('--period %s', (period, warning, note) => {
    const r = jobfx(['keyfigures', 'fixtures/demo/demo-export.csv', '--period', period, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(warning);
    const tables = (r.stdout.match(/^### /gm) ?? []).length;
    expect(r.stdout.split(note!).length - 1).toBe(tables);
    expect(jobfx(['keyfigures', 'fixtures/demo/demo-export.csv', '--period', period, '--strict']).code).toBe(
      1,
    );
  });

  it('yoy --years with years before and after the data names them under the table and on stderr', () => {
    const r = jobfx(['yoy', 'fixtures/demo/demo-export.csv', '--years', '2022-2027', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      '2022, 2023 lie before the data (its first start is 02-01-2024): every figure there is 0',
    );
    expect(r.stderr).toContain(
      '2027 lies after the data (its newest date is 30-01-2026): the figures there are not known',
    );
    expect(r.stdout).toContain(
      '2022, 2023 ligger før udtrækkets data (første start 02-01-2024): tallene der er 0.',
    );
    expect(r.stdout).toContain(
      '2027 ligger efter udtrækkets data (nyeste dato 30-01-2026): tallene der kendes ikke.',
    );
    expect(jobfx(['yoy', 'fixtures/demo/demo-export.csv', '--years', '2022-2025', '--strict']).code).toBe(1);
    const inside = jobfx(['yoy', 'fixtures/demo/demo-export.csv', '--years', '2024-2025', '--strict']);
    expect(inside.code, inside.stderr).toBe(0);
  });

  it('a period inside the data gets no such note', () => {
    const r = jobfx(['keyfigures', 'fixtures/demo/demo-export.csv', '--period', '2025H1', '--strict']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/warning/);
  });
});

describe('every command prints its column mapping in one line (inspect shows it in its report)', () => {
  it.each(['keyfigures', 'exits', 'repeats', 'yoy'])('%s', (command) => {
    const r = jobfx([command, 'fixtures/demo/demo-export.csv']);
    const lines = r.stderr.split('\n').filter((l) => l.includes('columns: "CPR-nr." → personId'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('"Slutdato" → end, "Afslutningsårsag" → exitReason');
  });
});

describe('rejected rows', () => {
  // Two of four rows are rejected (an end before the start, a date that is not one); the export
  // has a column of names and a free-text remark that jobfx does not map. Fake CPR numbers of
  // the fixtures (they fail modulus 11).
  const named = join(tmp, 'named.csv');
  writeFileSync(
    named,
    [
      'CPR-nr.;Startdato;Slutdato;Afslutningsårsag;Navn;Bemærkning',
      '150385-1235;15-01-2024;31-03-2024;Ordinært job;Navnesen Et;ok',
      '0207922348;01-02-2024;15-01-2024;Uddannelse;Navnesen To;slut før start',
      '3112701236;01-03-2024;32-03-2024;Afbrudt;Navnesen Tre;ugyldig dato',
      '0504054002;01-04-2024;;;Navnesen Fire;i gang',
    ].join('\r\n') + '\r\n',
  );

  it('--rejects holds the mapped columns only: no name, no free-text remark', () => {
    const out = join(tmp, 'rejects.csv');
    jobfx(['inspect', named, '--rejects', out]);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFrække,person,årsager,Startdato,Slutdato,Afslutningsårsag');
    expect(text.trim().split('\r\n')).toHaveLength(3);
    expect(text).not.toMatch(/Navn|Bemærkning|slut før|ugyldig/);
  });

  it('jobfx run writes them beside the pack, never into it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-silent-run-'));
    writeFileSync(
      join(dir, 'jobfx.report.json'),
      JSON.stringify({ title: 'T', input: resolve(named), period: '2024', tables: [{ command: 'exits' }] }),
    );
    const r = jobfx(['run', 'jobfx.report.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'memo'))).not.toContain('rejects.csv');
    const beside = readFileSync(join(dir, 'memo.rejects.csv'), 'utf8');
    expect(beside.trim().split('\r\n')).toHaveLength(3);
    expect(beside).not.toMatch(/Navnesen/);
    for (const f of readdirSync(join(dir, 'memo')))
      expect(readFileSync(join(dir, 'memo', f)).toString('latin1')).not.toMatch(/Navnesen/);
    // A later run without rejected rows removes the stale file beside the pack.
    writeFileSync(
      join(dir, 'jobfx.report.json'),
      JSON.stringify({
        title: 'T',
        input: resolve('fixtures/demo/demo-export.csv'),
        period: '2025H1',
        tables: [{ command: 'exits' }],
      }),
    );
    expect(jobfx(['run', 'jobfx.report.json'], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, 'memo.rejects.csv'))).toBe(false);
  });
});

describe('CPR numbers in a column not headed as CPR ("Id")', () => {
  it('reads them as CPR: one person whatever the spelling, age and gender derived, and says so', () => {
    const asId = jobfx(['inspect', 'fixtures/csv/id-holds-cpr.csv', '--format', 'json']);
    expect(asId.code, asId.stderr).toBe(0);
    expect(asId.stderr).toContain('column "Id" holds CPR numbers: read as CPR (age and gender derived)');
    // The same rows under the header "CPR" give the same persons.
    const file = join(tmp, 'cpr-header.csv');
    writeFileSync(file, readFileSync('fixtures/csv/id-holds-cpr.csv', 'utf8').replace(/^Id;/, 'CPR;'));
    const asCpr = jobfx(['inspect', file, '--format', 'json']);
    const a = JSON.parse(asId.stdout) as { persons: unknown; personIdKind: string };
    const b = JSON.parse(asCpr.stdout) as { persons: unknown };
    expect(a.persons).toEqual(b.persons);
    expect(a.personIdKind).toBe('cpr');
    expect(asId.stdout).not.toMatch(/\d{6}-?\d{4}/);
  });
});
