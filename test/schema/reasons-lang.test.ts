/**
 * A rejected row's reasons are {da, en} pairs, said in the output's language (issue #19). The
 * Danish is written here by hand; the English is word for word what jobfx always wrote.
 */
import { describe, expect, it } from 'vitest';
import { both, refIn } from '../../src/base/i18n.js';
import { noteIn, readNote } from '../../src/io/raw.js';
import { fieldValueLabel } from '../../src/model/fields.js';
import { parseCpr } from '../../src/schema/cpr.js';
import { problem, reasonsText, type Reason } from '../../src/schema/normalise/ledger.js';
import { parseDate, parseNumber } from '../../src/schema/values.js';

describe('row references', () => {
  it('are "linje N" / "række N" in Danish, as the readers write them in English', () => {
    expect(refIn('da', 'line 6')).toBe('linje 6');
    expect(refIn('da', 'row 14')).toBe('række 14');
    expect(refIn('en', 'line 6')).toBe('line 6');
    expect(refIn('en', 'row 14')).toBe('row 14');
    // Anything else (a reference jobfx did not make) is left as it is.
    expect(refIn('da', 'Ark1!A3')).toBe('Ark1!A3');
  });
});

describe('problem and reasonsText', () => {
  it('name the column, quote the value, and say the reason in either language', () => {
    const reasons: Reason[] = [];
    problem(reasons, 'Startdato', '31-02-2024', both('er ikke en gyldig dato', 'is not a calendar date'));
    problem(reasons, 'Målgruppe', undefined, both('er tom', 'is empty'));
    expect(reasonsText('da', reasons)).toBe(
      'Startdato: "31-02-2024" er ikke en gyldig dato; Målgruppe: er tom',
    );
    expect(reasonsText('en', reasons)).toBe(
      'Startdato: "31-02-2024" is not a calendar date; Målgruppe: is empty',
    );
  });

  it('never quote a CPR number, in either language', () => {
    const reasons: Reason[] = [];
    problem(reasons, 'Note', 'Se 150385-1235', both('er for lang', 'is too long'));
    expect(reasonsText('da', reasons)).not.toContain('150385');
    expect(reasonsText('en', reasons)).not.toContain('150385');
  });
});

describe('the reasons of the value parsers', () => {
  const reason = (p: { ok: boolean; reason?: unknown }) => (p.ok ? null : p.reason);
  it('dates', () => {
    expect(reason(parseDate('01-05-24'))).toEqual({
      da: 'har et årstal med 2 cifre, som er tvetydigt; eksportér datoerne med 4-cifret årstal (dd-mm-åååå)',
      en: 'has a 2-digit year, which is ambiguous; export dates with 4-digit years (dd-mm-yyyy)',
    });
    expect(reason(parseDate('i går'))).toEqual({
      da: 'er ikke en dato (forventet dd-mm-åååå, dd.mm.åååå, dd/mm/åååå eller åååå-mm-dd)',
      en: 'is not a date (expected dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy or yyyy-mm-dd)',
    });
    expect(reason(parseDate('01-01-1850'))).toEqual({
      da: 'ligger før 1900 og er ikke en dato for et forløb; tjek årstallet',
      en: 'is before 1900, not a date of a course; check the year',
    });
    expect(reason(parseDate(true))).toEqual({ da: 'er ikke en dato', en: 'is not a date' });
  });
  it('numbers', () => {
    expect(reason(parseNumber('ca. 20'))).toEqual({ da: 'er ikke et tal', en: 'is not a number' });
  });
  it('CPR numbers', () => {
    expect(reason(parseCpr('12345'))).toEqual({
      da: 'er ikke et CPR-nummer (forventet DDMMÅÅ-SSSS)',
      en: 'is not a CPR number (expected DDMMYY-SSSS)',
    });
    expect(reason(parseCpr('320185-1234'))).toEqual({
      da: 'er ikke et CPR-nummer (de første seks cifre er ikke en dato)',
      en: 'is not a CPR number (its first six digits are not a date)',
    });
  });
});

describe('read notes and trial arms', () => {
  it('a read note is said in Danish when it has its Danish, else in English', () => {
    const n = readNote(
      'workbook',
      both('flettede titelceller over overskriftsrækken', 'merged title cells above the header'),
    );
    expect(noteIn('da', n)).toBe('flettede titelceller over overskriftsrækken');
    expect(noteIn('en', n)).toBe('merged title cells above the header');
    expect(noteIn('da', readNote('workbook', 'only English'))).toBe('only English');
  });
  it('the trial arms are Indsats/Kontrol, Treatment/Control; other values as written', () => {
    expect(fieldValueLabel('group', 'treatment', 'da')).toBe('Indsats');
    expect(fieldValueLabel('group', 'control', 'da')).toBe('Kontrol');
    expect(fieldValueLabel('group', 'treatment', 'en')).toBe('Treatment');
    expect(fieldValueLabel('programme', 'treatment', 'da')).toBe('treatment');
  });
});
