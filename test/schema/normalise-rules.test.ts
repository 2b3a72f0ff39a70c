/**
 * The rules across fields (src/schema/normalise/rules.ts), stated once for both row paths: on
 * hand-made courses, and through normalise on hand-made rows, where both CSV paths must reject
 * the same rows with the same words.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NONE } from '../../src/schema/course-store.js';
import type { DuplicateIndex } from '../../src/schema/duplicates.js';
import { loadCourses } from '../../src/schema/load.js';
import {
  BORN_AFTER_START,
  courseRules,
  DUPLICATE,
  END_BEFORE_START,
  ruleReasons,
  type CourseKey,
} from '../../src/schema/normalise/rules.js';

/** A duplicate index that knows one course: person 1, day 100, programme 3 (course 7). */
const accepted = {
  find: (p: number, s: number, pr: number) => (p === 1 && s === 100 && pr === 3 ? 7 : -1),
} as unknown as DuplicateIndex;

const key = (c: Partial<CourseKey>): CourseKey => ({
  person: 1,
  start: 100,
  end: NONE,
  birth: NONE,
  programme: 3,
  ...c,
});

describe('courseRules', () => {
  it('passes a course that breaks none', () => {
    const found = { duplicate: -1 };
    expect(courseRules(key({ start: 101, end: 101, birth: 101 }), accepted, false, found)).toBe(0);
    expect(courseRules(key({ start: 100, programme: 2 }), accepted, false, found)).toBe(0);
    expect(found.duplicate).toBe(-1);
  });
  it('finds an end before the start and a birth after it, together', () => {
    const found = { duplicate: -1 };
    expect(courseRules(key({ end: 99 }), accepted, false, found)).toBe(END_BEFORE_START);
    expect(courseRules(key({ birth: 101 }), accepted, false, found)).toBe(BORN_AFTER_START);
    expect(courseRules(key({ end: 99, birth: 101 }), accepted, false, found)).toBe(
      END_BEFORE_START | BORN_AFTER_START,
    );
    // A course with wrong dates is not also a duplicate.
    expect(found.duplicate).toBe(-1);
  });
  it('finds a duplicate (same person, start and programme) unless the person is new', () => {
    const found = { duplicate: -1 };
    expect(courseRules(key({}), accepted, false, found)).toBe(DUPLICATE);
    expect(found.duplicate).toBe(7);
    expect(courseRules(key({}), accepted, true, { duplicate: -1 })).toBe(0);
  });
  it('reads the programme only when it looks for a duplicate', () => {
    let asked = 0;
    const c = key({ programme: -1 });
    const programmeOf = () => (asked++, (c.programme = 3));
    expect(courseRules({ ...c, end: 99 }, accepted, false, { duplicate: -1 }, programmeOf)).toBe(
      END_BEFORE_START,
    );
    expect(asked).toBe(0);
    expect(courseRules(c, accepted, false, { duplicate: -1 }, programmeOf)).toBe(DUPLICATE);
    expect(asked).toBe(1);
  });
  it('words each rule, naming the field whose column it names', () => {
    expect(ruleReasons(END_BEFORE_START | BORN_AFTER_START | DUPLICATE, () => 'line 4')).toEqual([
      {
        field: 'end',
        message: {
          da: 'slutdatoen ligger før startdatoen; ret en af dem',
          en: 'the end date is before the start date; correct one of them',
        },
      },
      {
        field: 'start',
        message: {
          da: 'personen er født efter forløbets start (CPR-nummer eller startdato er forkert)',
          en: 'the person is born after the course start (CPR number or start date wrong)',
        },
      },
      {
        field: null,
        message: {
          da: 'dobbeltregistreret forløb: samme person, startdato og tilbud som linje 4; slet en af rækkerne',
          en: 'duplicate course: same person, start date and programme as line 4; remove one of the rows',
        },
      },
    ]);
  });
});

describe('the rules through normalise, on both CSV paths', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jobfx-rules-'));
  const header = 'CPR-nr.;Tilbud;Startdato;Slutdato';
  const rows = [
    '150385-1235;Straks;01-02-2024;01-03-2024',
    '150385-1235;Straks;01-02-2024;01-04-2024',
    '150385-1235;Andet;01-02-2024;',
    '020792-2348;Straks;01-02-2024;01-01-2024',
    '020792-2348;Straks;01-02-1990;',
    '020792-2348;Straks;01-02-1990;01-01-1990',
    '020792-2348;Straks;01-05-2024;',
  ];
  const expected = [
    {
      ref: 'line 3',
      reasons: ['duplicate course: same person, start date and programme as line 2; remove one of the rows'],
    },
    { ref: 'line 5', reasons: ['Slutdato: the end date is before the start date; correct one of them'] },
    {
      ref: 'line 6',
      reasons: ['Startdato: the person is born after the course start (CPR number or start date wrong)'],
    },
    {
      ref: 'line 7',
      reasons: [
        'Slutdato: the end date is before the start date; correct one of them',
        'Startdato: the person is born after the course start (CPR number or start date wrong)',
      ],
    },
  ];
  it.each([
    ['fast path', `${header}\n${rows.join('\n')}\n`],
    ['csv-parse path', `${header}\n${rows.join('\n')}\n"x";;;\n`],
  ])('rejects the same rows with the same words on the %s', async (name, text) => {
    const file = join(dir, `${name}.csv`);
    writeFileSync(file, text);
    const data = await loadCourses(file);
    expect(data.store.length).toBe(3);
    const rejected = data.ledger.rejected
      .filter((r) => r.ref !== 'line 9')
      .map((r) => ({ ref: r.ref, reasons: r.reasons.map((x) => x.en) }));
    expect(rejected).toEqual(expected);
  });
});
