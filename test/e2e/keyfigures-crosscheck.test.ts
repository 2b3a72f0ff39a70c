/**
 * jobfx keyfigures on the demo export (CSV and xlsx) against an independent implementation:
 * fixtures/demo/keyfigures-2025H1.expected.json is written by scripts/check-keyfigures.py, which
 * reads the CSV itself and computes every figure from docs/definitions.md without jobfx.
 * Regenerate with `python3 scripts/check-keyfigures.py`. Counts must be equal; means and shares
 * agree to 1e-9; medians and quartiles (type 7 on whole days) are exact.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

interface Summary {
  n: number;
  mean: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
}
interface Count {
  value: string;
  count: number;
}
interface Expected {
  rows: { accepted: number; rejected: number };
  active: { courses: number; persons: number };
  started: { courses: number; persons: number };
  ongoing: { courses: number; persons: number; durationDays: Summary };
  ended: {
    courses: number;
    persons: number;
    byReason: (Count & { group: string })[];
    byGroup: Count[];
    durationDays: Summary;
    durationDaysByGroup: Record<string, Summary>;
  };
  mix: { persons: number; targetGroup: Count[]; education: Count[]; ageBand: Count[]; gender: Count[] };
  followUp: {
    horizon: number;
    cohort: { from: string; to: string };
    ended: number;
    notCovered: number;
    due: number;
    notDue: number;
    byStatus: Count[];
    unrecorded: number;
  }[];
  repeats: { startedPersons: number; returning: number };
}
interface JsonTable {
  id: string;
  title: string;
  rows: { style: string | null; cells: unknown[] }[];
  notes: string[];
}

const E = JSON.parse(
  readFileSync(resolve('fixtures/demo/keyfigures-2025H1.expected.json'), 'utf8'),
) as Expected;

/** Whether the demo export has a consent column (its header line names "Samtykke"). */
const HAS_CONSENT = readFileSync(resolve('fixtures/demo/demo-export.csv'), 'utf8')
  .split('\n', 1)[0]!
  .split(';')
  .some((h) => h.trim().replace(/^\uFEFF/, '') === 'Samtykke');

/** Danish labels of the exit groups in jobfx's tables (README: built-in exit groups). */
const GROUP_LABEL: Record<string, string> = {
  job: 'Job',
  education: 'Uddannelse',
  jobActivity: 'Jobrettet aktivitet',
  jobcentre: 'Tilbage til jobcenter / anden indsats',
  benefit: 'Anden forsørgelse',
  other: 'Andet',
  dropout: 'Afbrudt / ikke gennemført',
  unknown: 'Uoplyst',
  unmapped: 'Ikke i ordlisten',
};
const AGE_LABEL = (band: string) => (band === 'Uoplyst' ? band : `${band} år`);
const GENDER_LABEL: Record<string, string> = { M: 'Mænd', K: 'Kvinder', Uoplyst: 'Uoplyst' };

/** A whole number must be equal; anything else agrees to 1e-9. */
const num = (x: number) => (Number.isInteger(x) ? x : expect.closeTo(x, 9));
const stat = (x: number | null, n: number) => (x === null ? null : { value: num(x), n });
const share = (count: number, of: number) => ({
  count,
  of,
  percent: of === 0 ? null : num((100 * count) / of),
});

/** Rows of a count table (label, count, share) with a total row. */
function countRows(counts: { label: string; count: number }[], of: number): unknown[][] {
  return [
    ...counts.map(({ label, count }) => [label, count, share(count, of)]),
    ['I alt', of, share(of, of)],
  ];
}

/** Every row as label → cells, so the comparison does not depend on the row order. */
function byLabel(rows: unknown[][]): Record<string, unknown[]> {
  return Object.fromEntries(rows.map((r) => [String(r[0]), r.slice(1)]));
}

const expectedTables = (): Record<string, unknown[][]> => {
  const t: Record<string, unknown[][]> = {};
  t['keyfigures.citizens'] = [
    ['Forløb aktive i perioden', E.active.courses],
    ['Personer aktive i perioden', E.active.persons],
    ['Forløb startet i perioden', E.started.courses],
    ['Personer startet i perioden', E.started.persons],
    ['Forløb i gang ved periodens slutning', E.ongoing.courses],
    ['Personer i gang ved periodens slutning', E.ongoing.persons],
    ['Forløb afsluttet i perioden', E.ended.courses],
    ['Personer afsluttet i perioden', E.ended.persons],
  ];
  const o = E.ongoing.durationDays;
  t['keyfigures.ongoingDuration'] = [
    ['Forløb', o.n],
    ['Gennemsnit, dage', stat(o.mean, o.n)],
    ['Median, dage', stat(o.median, o.n)],
    ['Nedre kvartil, dage', stat(o.q1, o.n)],
    ['Øvre kvartil, dage', stat(o.q3, o.n)],
    ['Gennemsnit, uger', stat(o.mean === null ? null : o.mean / 7, o.n)],
    ['Median, uger', stat(o.median === null ? null : o.median / 7, o.n)],
  ];
  const ended = E.ended.courses;
  t['keyfigures.exitReasons'] = countRows(
    E.ended.byReason.map((r) => ({ label: r.value, count: r.count })),
    ended,
  );
  t['keyfigures.exitGroups'] = countRows(
    E.ended.byGroup.map((g) => ({ label: GROUP_LABEL[g.value]!, count: g.count })),
    ended,
  );
  const durationRow = (label: string, s: Summary) => [
    label,
    s.n,
    stat(s.mean, s.n),
    stat(s.median, s.n),
    stat(s.q1, s.n),
    stat(s.q3, s.n),
  ];
  t['keyfigures.endedDuration'] = [
    ...Object.entries(E.ended.durationDaysByGroup)
      .filter(([, s]) => s.n > 0)
      .map(([g, s]) => durationRow(GROUP_LABEL[g]!, s)),
    durationRow('I alt', E.ended.durationDays),
  ];
  const mix = (counts: Count[], label: (v: string) => string = (v) => v) =>
    countRows(
      counts.map((c) => ({ label: label(c.value), count: c.count })),
      E.mix.persons,
    );
  t['keyfigures.mix.targetGroup'] = mix(E.mix.targetGroup);
  t['keyfigures.mix.education'] = mix(E.mix.education);
  t['keyfigures.mix.ageBand'] = mix(E.mix.ageBand, AGE_LABEL);
  t['keyfigures.mix.gender'] = mix(E.mix.gender, (v) => GENDER_LABEL[v]!);
  for (const f of E.followUp)
    t[`keyfigures.followUp${f.horizon}`] = [
      ...countRows(
        f.byStatus.map((s) => ({ label: s.value, count: s.count })),
        f.due,
      ).map((r) => (r[0] === 'I alt' ? ['Opgjort i alt', ...r.slice(1)] : r)),
      ['Endnu ikke opgjort', f.notDue, null],
      // Shown when the export has a consent column (docs/definitions.md#follow-up).
      ...(HAS_CONSENT ? [['Ikke omfattet', f.notCovered, null]] : []),
      ['Afsluttede forløb i alt', f.ended, null],
    ];
  const r = E.repeats;
  t['keyfigures.repeats'] = [
    ['Personer startet i perioden', r.startedPersons, share(r.startedPersons, r.startedPersons)],
    ['heraf gengangere', r.returning, share(r.returning, r.startedPersons)],
  ];
  return t;
};

describe.each(['demo-export.csv', 'demo-export.xlsx'])('jobfx keyfigures %s --period 2025H1', (name) => {
  const run = jobfx(['keyfigures', resolve('fixtures/demo', name), '--period', '2025H1', '--format', 'json']);
  const tables = new Map<string, JsonTable>();
  if (run.code === 0)
    for (const t of (JSON.parse(run.stdout) as { tables: JsonTable[] }).tables) tables.set(t.id, t);
  const expected = expectedTables();

  it('reads every course, as the Python check does', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${E.rows.accepted} accepted + ${E.rows.rejected} rejected`);
  });

  it('has exactly the tables the cross-check covers', () => {
    // The contract's tables (the demo's contract columns, #15) are checked against make-demo.py's
    // own figures in test/e2e/contract.test.ts.
    const contract = [
      'keyfigures.extension',
      'keyfigures.goal',
      'keyfigures.industry',
      'keyfigures.hours',
      'keyfigures.funnel',
    ];
    expect([...tables.keys()].filter((id) => !contract.includes(id)).sort()).toEqual(
      Object.keys(expected).sort(),
    );
    expect([...tables.keys()].filter((id) => contract.includes(id)).sort()).toEqual([...contract].sort());
  });

  it.each(Object.keys(expected))('%s: every figure equals the independent computation', (id) => {
    const t = tables.get(id);
    expect(t, `table ${id}`).toBeDefined();
    expect(t!.rows.map((r) => r.cells[0])).toHaveLength(expected[id]!.length);
    expect(byLabel(t!.rows.map((r) => r.cells))).toEqual(byLabel(expected[id]!));
  });

  it.each(E.followUp.map((f) => [f.horizon, f] as const))(
    'follow-up at %i months: the not-yet-due courses and the unrecorded ones',
    (h, f) => {
      const t = tables.get(`keyfigures.followUp${h}`)!;
      expect(f.due + f.notDue + f.notCovered).toBe(f.ended);
      // The title names the cohort the Python check took (dd-mm-yyyy).
      const dmy = (iso: string) => iso.split('-').reverse().join('-');
      expect(t.title).toContain(`forløb afsluttet ${dmy(f.cohort.from)}–${dmy(f.cohort.to)}`);
      expect(t.rows.find((r) => r.cells[0] === 'Endnu ikke opgjort')?.cells[1]).toBe(f.notDue);
      const uoplyst = t.rows.find((r) => r.cells[0] === 'Uoplyst')?.cells[1] ?? 0;
      expect(uoplyst).toBe(f.unrecorded);
    },
  );
});
