/**
 * Issue #19: with --lang da every rejection reason and row reference in the output is Danish
 * (inspect's table and notes, the --rejects file of the export and of a measurement file); with
 * --lang en they are word for word what they were. stderr stays English. The expected Danish
 * is written by hand.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CPR_LIKE } from '../helpers.js';
import { jobfx } from './run.js';

const tmp = mkdtempSync(join(tmpdir(), 'jobfx-da-'));
const QUIRKS = resolve('fixtures/csv/quirks.csv');

/** English words that no Danish reason, note or row reference holds. */
const ENGLISH = [
  ' the ',
  ' is not ',
  'line ',
  ' is empty',
  ' a course',
  'duplicate',
  ' of them',
  'correct it',
];
const englishIn = (text: string) => ENGLISH.filter((w) => text.includes(w));

/** The rows of a rejects file without its BOM, the pseudonym replaced by P. */
const rowsOf = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((l) => l.replace(/,P[bcdfghjklmnpqrst]{16},/, ',P,'));

const QUIRKS_DA = [
  'række,person,årsager,Startdato,Slutdato,Afslutningsårsag,Målgruppe,Tilbud',
  'linje 6,P,Slutdato: slutdatoen ligger før startdatoen; ret en af dem,10-04-2024,09-04-2024,Job,Jobparat,Straksaktivering',
  'linje 7,P,"Startdato: ""31-02-2024"" er ikke en gyldig dato",31-02-2024,,,Jobparat,Straksaktivering',
  'linje 8,P,"Startdato: ""01-05-24"" har et årstal med 2 cifre, som er tvetydigt; eksportér datoerne med 4-cifret årstal (dd-mm-åååå)",01-05-24,,,Jobparat,Straksaktivering',
  'linje 9,,CPR-nr.: værdien er ikke et CPR-nummer (de første seks cifre er ikke en dato); ret den i fagsystemet,01-06-2024,,,Jobparat,Straksaktivering',
  'linje 12,P,"dobbeltregistreret forløb: samme person, startdato og tilbud som linje 2; slet en af rækkerne",15-01-2024,20-01-2024,Job,Jobparat,Straksaktivering',
];

const QUIRKS_EN = [
  'row,person,reasons,Startdato,Slutdato,Afslutningsårsag,Målgruppe,Tilbud',
  'line 6,P,Slutdato: the end date is before the start date; correct one of them,10-04-2024,09-04-2024,Job,Jobparat,Straksaktivering',
  'line 7,P,"Startdato: ""31-02-2024"" is not a calendar date",31-02-2024,,,Jobparat,Straksaktivering',
  'line 8,P,"Startdato: ""01-05-24"" has a 2-digit year, which is ambiguous; export dates with 4-digit years (dd-mm-yyyy)",01-05-24,,,Jobparat,Straksaktivering',
  'line 9,,CPR-nr.: the value is not a CPR number (its first six digits are not a date); correct it in the case system,01-06-2024,,,Jobparat,Straksaktivering',
  'line 12,P,"duplicate course: same person, start date and programme as line 2; remove one of the rows",15-01-2024,20-01-2024,Job,Jobparat,Straksaktivering',
];

describe('rejection reasons follow --lang (fixtures/csv/quirks.csv)', () => {
  it('inspect --lang da: the rejected rows and the notes in Danish, stderr in English', () => {
    const r = jobfx(['inspect', QUIRKS, '--lang', 'da']);
    expect(r.code).toBe(0);
    const table = r.stdout.slice(r.stdout.indexOf('Afviste rækker'), r.stdout.indexOf('Datoer og personer'));
    expect(table).toMatch(/│ linje 6\s+│ Slutdato: slutdatoen ligger før startdatoen; ret en af dem\s+│/);
    expect(table).toMatch(/│ linje 7\s+│ Startdato: "31-02-2024" er ikke en gyldig dato\s+│/);
    expect(table).toMatch(
      /│ linje 12\s+│ dobbeltregistreret forløb: samme person, startdato og tilbud som linje 2; slet en af rækkerne\s+│/,
    );
    // The notes under the tables.
    expect(r.stdout).toContain(
      '• linje 15: en totalrække ("I alt"/"Total") er ikke et forløb og er sprunget over.',
    );
    expect(r.stdout).toContain('• 1 afsluttede forløb har ingen afslutningsårsag; de tælles som "Uoplyst".');
    expect(englishIn(r.stdout)).toEqual([]);
    expect(r.stderr).toMatch(/5 row\(s\) rejected/);
    expect(r.stdout).not.toMatch(CPR_LIKE);
  });

  it('inspect --lang en: the English of before', () => {
    const r = jobfx(['inspect', QUIRKS, '--lang', 'en']);
    expect(r.stdout).toMatch(
      /│ line 6\s+│ Slutdato: the end date is before the start date; correct one of them\s+│/,
    );
    expect(r.stdout).toContain('• line 15: a totals row ("I alt"/"Total") is not a course and was skipped.');
  });

  it('keyfigures --rejects writes the reasons in the language of the file', () => {
    const da = join(tmp, 'da.csv');
    const en = join(tmp, 'en.csv');
    expect(jobfx(['keyfigures', QUIRKS, '--lang', 'da', '--period', '2024', '--rejects', da]).code).toBe(0);
    expect(jobfx(['keyfigures', QUIRKS, '--lang', 'en', '--period', '2024', '--rejects', en]).code).toBe(0);
    expect(rowsOf(da)).toEqual(QUIRKS_DA);
    expect(englishIn(readFileSync(da, 'utf8'))).toEqual([]);
    expect(rowsOf(en)).toEqual(QUIRKS_EN);
  });

  it('a measurement file (progression --rejects) in Danish and in English', () => {
    const file = join(tmp, 'maalinger.csv');
    writeFileSync(
      file,
      [
        'Borger-id;Måling;Dato;Indikator;Score;Skala',
        'P1;Baseline;05-01-2024;Samarbejdsevner;2;1-5',
        'P1;Slut;05-04-2024;Samarbejdsevner;4;1-5',
        ';Baseline;05-01-2024;Samarbejdsevner;2;1-5',
        'P2;Baseline;31-02-2024;Samarbejdsevner;2;1-5',
        'P3;Baseline;05-01-2024;Skønhed;2;1-5',
        'P4;Baseline;05-01-2024;Samarbejdsevner;mange;1-5',
        'P5;Baseline;05-01-2024;Samarbejdsevner;7;1-5',
        'P1;Slut;05-04-2024;Samarbejdsevner;4;1-5',
      ].join('\r\n') + '\r\n',
    );
    const reasons = (lang: 'da' | 'en') => {
      const out = join(tmp, `m-${lang}.csv`);
      const r = jobfx(['progression', file, '--lang', lang, '--rejects', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('8 rows read = 2 accepted + 6 rejected');
      // row reference and reasons: the first and third columns.
      return rowsOf(out)
        .slice(1)
        .map((l) => {
          const m = /^([^,]+),[^,]*,("(?:[^"]|"")*"|[^,]*)/.exec(l)!;
          return [m[1], m[2]!.replace(/^"|"$/g, '').replace(/""/g, '"')];
        });
    };
    const da = reasons('da');
    expect(da).toEqual([
      ['linje 4', 'Borger-id: er tom'],
      ['linje 5', 'Dato: "31-02-2024" er ikke en gyldig dato'],
      [
        'linje 6',
        'Indikator: "Skønhed" er ikke en kendt BIP-indikator; tilføj den (eller et alias) under "indicators" i konfigurationen',
      ],
      ['linje 7', 'Score: "mange" er ikke et tal; en score er et tal på indikatorens skala'],
      ['linje 8', 'scoren 7 for "Samarbejdsevner" ligger uden for skalaen 1–5'],
      ['linje 9', 'dublet af linje 3: samme person, indikator "Samarbejdsevner" og dag, med samme score'],
    ]);
    expect(englishIn(da.flat().join('\n'))).toEqual([]);
    expect(reasons('en')).toEqual([
      ['line 4', 'Borger-id: is empty'],
      ['line 5', 'Dato: "31-02-2024" is not a calendar date'],
      [
        'line 6',
        'Indikator: "Skønhed" is not a known BIP indicator; add it (or an alias) under "indicators" in the config',
      ],
      ['line 7', 'Score: "mange" is not a number; a score is a number on the indicator\'s scale'],
      ['line 8', 'score 7 of "Samarbejdsevner" is outside its scale 1–5'],
      [
        'line 9',
        'duplicate of line 3: the same person, indicator "Samarbejdsevner" and day, with the same score',
      ],
    ]);
  });
});
