/**
 * Reading CSV fixtures end to end into Course records. Expected values are worked out by hand
 * from the fixture lines (see the comments), not taken from the program's output.
 */
import { readNotes } from '../../src/cli/pipeline.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourses } from '../../src/schema/load.js';
import { coursesOf, CPR_LIKE, d } from '../helpers.js';

const KEY = { cwd: tmpdir() };

describe('fixtures/csv/quirks.csv', async () => {
  const r = await loadCourses('fixtures/csv/quirks.csv', KEY);

  it('detects UTF-8 without BOM, ";" and the header on line 1', () => {
    expect(r.info).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', headerRow: 1 });
  });

  it('accounts for every row: 13 read = 6 accepted + 5 rejected + 2 skipped', () => {
    // Lines 2-15 hold 13 records (line 3-4 is one record with an embedded newline); lines 16-17 are trailing empties.
    expect(r.ledger.read).toBe(13);
    expect(r.ledger.accepted).toBe(6);
    // Line 10 has no CPR number: a course without a person (docs/definitions.md#records), accepted.
    expect(r.ledger.rejected.map((x) => x.ref)).toEqual(['line 6', 'line 7', 'line 8', 'line 9', 'line 12']);
    expect(r.ledger.skipped).toEqual([
      { ref: 'line 11', rowNumber: 11, kind: 'blank' },
      { ref: 'line 15', rowNumber: 15, kind: 'totals' },
    ]);
  });

  it('gives each rejection its column and reason', () => {
    const reasons = Object.fromEntries(
      r.ledger.rejected.map((x) => [x.ref, x.reasons.map((y) => y.en).join(' | ')]),
    );
    expect(reasons['line 6']).toMatch(/^Slutdato: the end date is before the start date/);
    expect(reasons['line 7']).toBe('Startdato: "31-02-2024" is not a calendar date');
    expect(reasons['line 8']).toMatch(/^Startdato: "01-05-24" has a 2-digit year/);
    expect(reasons['line 9']).toMatch(/^CPR-nr\.: the value is not a CPR number/);
    expect(reasons['line 12']).toMatch(/duplicate course: same person, start date and programme as line 2/);
  });

  it('never keeps a CPR number in rejections', () => {
    expect(JSON.stringify(r.ledger)).not.toMatch(CPR_LIKE);
    // The rejected row of a valid CPR carries the pseudonym in the person column.
    const line7 = r.ledger.rejected.find((x) => x.ref === 'line 7')!;
    expect(line7.personId).toMatch(/^P[bcdfghjklmnpqrst]{16}$/);
    expect(line7.cells['CPR-nr.']).toBe(line7.personId);
    expect(r.ledger.rejected.find((x) => x.ref === 'line 9')!.cells['CPR-nr.']).toBe('');
  });

  it('reads the accepted courses', () => {
    const [a, b, dd, anonymous, a2, e] = coursesOf(r.store);
    // line 10: empty CPR number: no person, no age or gender.
    expect(anonymous).toMatchObject({
      ref: 'line 10',
      personId: '(anonymiseret)',
      birthDate: null,
      ageAtStart: null,
    });
    expect(
      r.notes
        .filter((n) => n.kind === 'person-id')
        .map((n) => n.text)
        .join('\n'),
    ).toMatch(/1 course\(s\) have an empty or anonymised person id/);
    // line 2: 150385-1235 → born 1985-03-15, man, 38 on 2024-01-15
    expect(a).toMatchObject({
      ref: 'line 2',
      birthDate: d('1985-03-15'),
      gender: 'M',
      ageAtStart: 38,
      start: d('2024-01-15'),
      end: d('2024-03-31'),
      exitReason: 'Ordinært job',
      exitGroup: 'job',
      targetGroup: 'Jobparat kontanthjælpsmodtager',
      programme: 'Straksaktivering',
    });
    // line 3-4: no dash, dd.mm.yyyy, ongoing, "-" reason is missing
    expect(b).toMatchObject({
      ref: 'line 3',
      birthDate: d('1992-07-02'),
      gender: 'K',
      ageAtStart: 31,
      start: d('2024-02-01'),
      end: null,
      exitReason: null,
      exitGroup: null,
      targetGroup: 'Forsikret ledig',
    });
    // line 5: 9-digit CPR (lost leading zero), ISO start, dd/mm/yyyy end, same-day, ".." target group missing
    expect(dd).toMatchObject({
      ref: 'line 5',
      birthDate: d('1999-08-07'),
      gender: 'M',
      ageAtStart: 24,
      start: d('2024-03-05'),
      end: d('2024-03-05'),
      exitReason: 'Afbrudt',
      exitGroup: 'dropout',
      targetGroup: null,
    });
    // line 13: same person as line 2, ongoing with an unknown reason: kept as written, no group
    expect(a2).toMatchObject({
      ref: 'line 13',
      personId: a!.personId,
      ageAtStart: 39,
      end: null,
      exitReason: 'Noget helt andet',
      exitGroup: null,
      programme: 'Nytteindsats',
    });
    // line 14: ended with no reason → Uoplyst, unknown target group kept
    expect(e).toMatchObject({
      ref: 'line 14',
      gender: 'K',
      ageAtStart: 53,
      start: d('2024-09-02'),
      end: d('2024-09-02'),
      exitReason: 'Uoplyst',
      exitGroup: 'unknown',
      targetGroup: 'Ukendt gruppe',
    });
    expect(r.missingExitReason).toBe(1);
    expect(Object.fromEntries(r.unknownValues.exitReason!)).toEqual({ 'Noget helt andet': 1 });
    expect(Object.fromEntries(r.unknownValues.targetGroup!)).toEqual({ 'Ukendt gruppe': 1 });
  });

  it('notes the totals row and the random pseudonym key, each with its kind', () => {
    const of = (kind: string) => r.notes.filter((n) => n.kind === kind).map((n) => n.text);
    expect(of('rows')).toEqual(['line 15: a totals row ("I alt"/"Total") is not a course and was skipped.']);
    expect(of('pseudonyms')).toHaveLength(1);
    expect(of('pseudonyms')[0]).toMatch(/^No pseudonym key was set/);
  });

  it('tells on stderr every note but the pseudonyms note, which is told where pseudonyms are printed', () => {
    expect(readNotes(r)).toEqual(r.notes.filter((n) => n.kind !== 'pseudonyms').map((n) => n.text));
    expect(readNotes(r)).toContain(
      'line 15: a totals row ("I alt"/"Total") is not a course and was skipped.',
    );
    expect(readNotes(r).join('\n')).not.toMatch(/pseudonym/);
  });
});

describe('other CSV shapes', () => {
  it('reads Windows-1252 with "," and a citizen id (no age or gender)', async () => {
    const r = await loadCourses('fixtures/csv/windows-1252.csv', KEY);
    expect(r.info).toMatchObject({ encoding: 'windows-1252', delimiter: ',' });
    expect(r.mapping.personIdKind).toBe('id');
    expect(
      coursesOf(r.store).map((c) => [c.exitReason, c.exitGroup, c.education, c.gender, c.ageAtStart]),
    ).toEqual([
      ['Uddannelse', 'education', 'Erhvervsfaglig', null, null],
      [null, null, 'Kort videregående (KVU)', null, null],
      ['Flyttet', 'other', 'Grundskole', null, null],
    ]);
    expect(r.ledger).toMatchObject({ read: 3, accepted: 3, rejected: [], skipped: [] });
  });

  it('finds the header below title rows in a tab-separated file with a BOM', async () => {
    const r = await loadCourses('fixtures/csv/title-rows-tab.csv', KEY);
    expect(r.info).toMatchObject({
      encoding: 'utf-8 (BOM)',
      delimiter: '\t',
      headerRow: 4,
      headerRowSource: 'detected',
    });
    expect(coursesOf(r.store).map((c) => [c.start, c.end, c.group])).toEqual([
      [d('2024-01-10'), d('2024-02-10'), 'treatment'],
      [d('2024-01-11'), null, 'control'],
    ]);
  });

  it('honours --header-row and --encoding', async () => {
    const r = await loadCourses('fixtures/csv/title-rows-tab.csv', {
      ...KEY,
      headerRow: 4,
      encoding: 'utf-8',
    });
    expect(r.info).toMatchObject({ headerRow: 4, headerRowSource: 'forced', encoding: 'utf-8 (BOM)' });
    const w = await loadCourses('fixtures/csv/windows-1252.csv', { ...KEY, encoding: 'utf-8' });
    // Forced UTF-8 on Windows-1252 bytes: "Ophørsårsag" is garbled and no longer maps.
    expect(w.mapping.fields.exitReason).toBeUndefined();
  });

  it('stops with a config error when the start column is missing', async () => {
    await expect(loadCourses('fixtures/csv/missing-start.csv', KEY)).rejects.toMatchObject({
      kind: 'config',
      message: expect.stringMatching(/did you mean "Start tidspunkt"/),
    });
  });

  it('reports an unclosed quote as a data error, and junk and missing files as input errors', async () => {
    await expect(loadCourses('fixtures/csv/unclosed-quote.csv', KEY)).rejects.toMatchObject({ kind: 'data' });
    await expect(loadCourses('fixtures/csv/binary.csv', KEY)).rejects.toMatchObject({ kind: 'input' });
    await expect(loadCourses('fixtures/csv/nope.csv', KEY)).rejects.toMatchObject({
      kind: 'input',
      message: expect.stringMatching(/not found/),
    });
  });
});

describe('config file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jobfx-config-'));

  it('maps columns explicitly and redefines exit groups', async () => {
    const file = join(dir, 'c.json');
    writeFileSync(
      file,
      JSON.stringify({
        pseudonymKey: 'a-secret-key-of-16+',
        vocabularies: {
          exitReasons: {
            values: [
              { value: 'Afbrudt', group: 'other' },
              { value: 'Andet forløb', aliases: ['Noget helt andet'], group: 'jobcentre' },
            ],
          },
        },
      }),
    );
    const r = await loadCourses('fixtures/csv/quirks.csv', { cwd: dir, config: file });
    expect(coursesOf(r.store).find((c) => c.ref === 'line 5')).toMatchObject({
      exitReason: 'Afbrudt',
      exitGroup: 'other',
    });
    expect(coursesOf(r.store).find((c) => c.ref === 'line 13')).toMatchObject({
      exitReason: 'Andet forløb',
      exitGroup: 'jobcentre',
    });
    // Built-in reasons the config did not touch still map.
    expect(coursesOf(r.store)[0]).toMatchObject({ exitReason: 'Ordinært job', exitGroup: 'job' });
    expect(r.unknownValues.exitReason).toBeUndefined();
    expect(r.notes.map((n) => n.kind)).not.toContain('pseudonyms');
  });

  it('finds jobfx.config.json in the working directory', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jobfx-cwd-'));
    writeFileSync(join(cwd, 'jobfx.config.json'), JSON.stringify({ columns: { end: 'Bemærkning' } }));
    const r = await loadCourses('fixtures/csv/quirks.csv', { cwd });
    expect(r.config.file).toBe(join(cwd, 'jobfx.config.json'));
    expect(r.mapping.fields.end).toBe(6);
  });

  it('refuses an invalid config with the path of the problem', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        columns: { begin: 'Start' },
        vocabularies: { exitReasons: { values: [{ value: 'X', group: 'nowhere' }] } },
      }),
    );
    await expect(loadCourses('fixtures/csv/quirks.csv', { cwd: dir, config: file })).rejects.toMatchObject({
      kind: 'config',
      message: expect.stringMatching(/columns/),
    });
    writeFileSync(
      file,
      JSON.stringify({ vocabularies: { exitReasons: { values: [{ value: 'X', group: 'nowhere' }] } } }),
    );
    await expect(loadCourses('fixtures/csv/quirks.csv', { cwd: dir, config: file })).rejects.toMatchObject({
      kind: 'config',
      message: expect.stringMatching(/group "nowhere" is not an exit group/),
    });
    writeFileSync(file, '{ not json');
    await expect(loadCourses('fixtures/csv/quirks.csv', { cwd: dir, config: file })).rejects.toMatchObject({
      kind: 'config',
      message: expect.stringMatching(/not valid JSON/),
    });
  });
});

describe('a CPR number where none belongs', () => {
  it('is redacted in values and headers, and a redacted header maps to nothing', async () => {
    const data = await loadCourses('fixtures/csv/cpr-in-values.csv');
    expect(data.ledger.accepted).toBe(3);
    const c = coursesOf(data.store)[1]!;
    expect([c.exitReason, c.unit, c.targetGroup]).toEqual(['Se [CPR]', '[CPR]', '[CPR]']);
    expect(data.headers[6]).toBe('[CPR]');
    expect(data.mapping.columns[6]).toMatchObject({ header: '[CPR]', how: 'ignored' });
    expect(data.mapping.fields.personId).toBe(0);
    // The same on the csv-parse path (a quoted field sends the file there).
    const quoted = join(mkdtempSync(join(tmpdir(), 'jobfx-cprvalues-')), 'quoted.csv');
    writeFileSync(
      quoted,
      readFileSync('fixtures/csv/cpr-in-values.csv', 'utf8').replace('Park & vej', '"Park & vej"'),
    );
    const general = await loadCourses(quoted);
    expect(coursesOf(general.store).map((x) => [x.exitReason, x.unit, x.targetGroup])).toEqual(
      coursesOf(data.store).map((x) => [x.exitReason, x.unit, x.targetGroup]),
    );
    expect(general.headers).toEqual(data.headers);
  });
});
