/**
 * The json output of every command, run as a script runs it: keys of tables, rows and columns that
 * do not change with --lang, the document around the tables (period, asOf, options, accounting),
 * p-values as plain numbers, every document valid by the output schema (schema/jobfx.output.schema.json
 * is its JSON Schema, checked in test/render/json-schema.test.ts). Figures against fixtures/demo/keyfigures-2025H1.expected.json, which
 * scripts/check-keyfigures.py computed from the definitions, independently of jobfx.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectDocumentSchema, outputSchema, tablesDocumentSchema } from '../../src/render/json-schema.js';
import { jobfx } from './run.js';

const DEMO = resolve('fixtures/demo/demo-export.csv');
const DEMO_XLSX = resolve('fixtures/demo/demo-export.xlsx');

/** One run of each command (and of the layouts that change a table's shape), as in the README. */
export const JSON_RUNS: Record<string, string[]> = {
  keyfigures: ['keyfigures', DEMO, '--period', '2025H1'],
  'keyfigures --by': ['keyfigures', DEMO_XLSX, '--period', '2025', '--by', 'unit'],
  exits: ['exits', DEMO, '--period', '2025'],
  repeats: ['repeats', DEMO, '--period', '2025H1'],
  'repeats --by': ['repeats', DEMO, '--period', '2025H1', '--by', 'unit,gender'],
  'flow --by': ['flow', DEMO, '--period', '2025Q1', '--by', 'unit', '--count', 'courses'],
  yoy: ['yoy', DEMO, '--rows', 'exitGroup', '--measure', 'share'],
  compare: ['compare', DEMO, '--outcome', 'exitGroup=job', '--within', '12m', '--weekly', '12'],
  providers: [
    'providers',
    resolve('fixtures/providers/providers-export.csv'),
    '--by',
    'Leverandør',
    '--outcome',
    'followUp3=job,education',
  ],
  progression: ['progression', resolve('fixtures/progression/bip-long.csv'), '--courses', DEMO],
};

interface Doc {
  command: string;
  input: string;
  period: { from: string; to: string } | null;
  asOf: string | null;
  options: Record<string, unknown>;
  accounting: Record<string, number>;
  tables: {
    id: string;
    columns: { key: string; label: string }[];
    rows: { key: string; cells: unknown[] }[];
  }[];
}

export function jsonOf(args: string[], lang: 'da' | 'en'): Doc {
  const r = jobfx([...args, '--format', 'json', '--lang', lang]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Doc;
}

/** Everything a script keys on: table ids, column and row keys, the shape of each cell. */
function skeleton(d: Doc): unknown {
  const shape = (c: unknown): string =>
    c === null ? 'null' : typeof c === 'object' ? Object.keys(c).join(',') : typeof c;
  return {
    top: Object.keys(d),
    period: d.period,
    asOf: d.asOf,
    options: d.options,
    accounting: d.accounting,
    tables: d.tables.map((t) => ({
      id: t.id,
      columns: t.columns.map((c) => c.key),
      rows: t.rows.map((r) => ({ key: r.key, cells: r.cells.map(shape) })),
    })),
  };
}

describe('json keys do not change with --lang', () => {
  for (const [name, args] of Object.entries(JSON_RUNS))
    it(name, () => {
      const da = jsonOf(args, 'da');
      const en = jsonOf(args, 'en');
      for (const doc of [da, en]) {
        const valid = tablesDocumentSchema.safeParse(doc);
        expect(valid.success, JSON.stringify(valid.error?.issues.slice(0, 3))).toBe(true);
      }
      expect(skeleton(da)).toEqual(skeleton(en));
      for (const t of da.tables) {
        const keys = [t.columns.map((c) => c.key), t.rows.map((r) => r.key)];
        for (const k of keys) {
          expect(new Set(k).size, `${t.id}: keys unique`).toBe(k.length);
          for (const key of k) expect(key, t.id).not.toBe('');
        }
      }
    });
});

describe('inspect --format json', () => {
  it('is valid by the output schema', () => {
    const r = jobfx(['inspect', DEMO, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc: unknown = JSON.parse(r.stdout);
    expect(inspectDocumentSchema.safeParse(doc).success).toBe(true);
    expect(outputSchema.safeParse(doc).success).toBe(true);
  });
});

describe('the document around the tables', () => {
  const expected = JSON.parse(
    readFileSync(resolve('fixtures/demo/keyfigures-2025H1.expected.json'), 'utf8'),
  ) as {
    period: { from: string; to: string };
    asOf: string;
    rows: { accepted: number };
    active: { persons: number };
    ended: { courses: number; byReason: { value: string; count: number }[] };
  };
  const doc = jsonOf(JSON_RUNS.keyfigures!, 'da');
  const table = (id: string) => doc.tables.find((t) => t.id === id)!;
  const cell = (id: string, row: string, col: string) => {
    const t = table(id);
    return t.rows.find((r) => r.key === row)!.cells[t.columns.findIndex((c) => c.key === col)];
  };

  it('period, asOf, options and accounting as the independent check has them', () => {
    expect(doc.command).toBe('keyfigures');
    expect(doc.period).toEqual(expected.period);
    expect(doc.asOf).toBe(expected.asOf);
    // The demo csv: 420 course rows and nothing else.
    expect(doc.accounting).toEqual({ read: 420, accepted: 420, rejected: 0, skipped: 0, notStarted: 0 });
    expect(expected.rows.accepted).toBe(420);
    expect(doc.options).toMatchObject({ period: '2025H1', window: '12m', suppress: 0 });
    for (const flag of ['lang', 'format', 'out']) expect(doc.options).not.toHaveProperty(flag);
  });

  it('a figure is found by its keys', () => {
    expect(cell('keyfigures.citizens', 'activePersons', 'count')).toBe(expected.active.persons);
    expect(cell('keyfigures.citizens', 'endedCourses', 'count')).toBe(expected.ended.courses);
    const job = expected.ended.byReason.find((r) => r.value === 'Ordinært job')!.count;
    expect(cell('keyfigures.exitReasons', 'Ordinært job', 'count')).toBe(job);
    expect(cell('keyfigures.exitReasons', 'total', 'count')).toBe(expected.ended.courses);
  });

  it('a p-value is a number, with no n and no text', () => {
    const cmp = jsonOf(JSON_RUNS.compare!, 'en');
    const t = cmp.tables.find((x) => x.id === 'compare.outcomes')!;
    const col = t.columns.findIndex((c) => c.key === 'pValue');
    expect(col).toBeGreaterThan(0);
    for (const r of t.rows) expect(typeof r.cells[col]).toBe('number');
  });
});
