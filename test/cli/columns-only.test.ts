/**
 * The commands that count over the columns of the store never make a record per course: the
 * memory a million-row export needs depends on it (BENCHMARKS.md). Run in-process, with
 * CourseStore.course (the one way to make a record of a course) watched.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import type { RunContext } from '../../src/cli/context.js';
import { CourseStore } from '../../src/schema/course-store.js';

const dir = mkdtempSync(join(tmpdir(), 'jobfx-columns-'));

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const ctx: RunContext = { stdout: (s) => void (out += s), stderr: () => {}, color: false, cwd: dir };
  let code = 0;
  const program = buildProgram(ctx, '0.0.0', (c) => (code = c));
  program.exitOverride();
  for (const cmd of program.commands) cmd.exitOverride();
  await program.parseAsync(['node', 'jobfx', ...args]);
  return { code, out };
}

describe('commands over the columns', () => {
  afterEach(() => void vi.restoreAllMocks());

  const demo = 'fixtures/demo/demo-export.xlsx';
  it.each([
    ['keyfigures', [demo, '--by', 'unit']],
    ['keyfigures', ['fixtures/csv/quirks.csv', '--period', '2024']],
    ['exits', [demo, '--by', 'programme']],
    ['yoy', [demo, '--rows', 'targetGroup', '--measure', 'persons']],
    ['inspect', [demo]],
    [
      'compare',
      [
        'fixtures/demo/demo-export.csv',
        '--outcome',
        'job within 26w',
        '--numeric',
        'duration',
        '--by',
        'ageBand',
        '--balance',
        '--weekly',
        '8',
      ],
    ],
    [
      'compare',
      [
        'fixtures/compare/survey.csv',
        '--group',
        'Gruppe',
        '--outcome',
        'arbejde_vigtigt=Ja',
        '--numeric',
        'Timer',
        '--by',
        'Jobcenter',
        '--age',
        'Alder',
      ],
    ],
  ])('%s %j makes no record per course', async (command, args) => {
    const course = vi.spyOn(CourseStore.prototype, 'course');
    const r = await run([command, ...args, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.out.length).toBeGreaterThan(100);
    expect(course).not.toHaveBeenCalled();
  });

  it('repeats makes records only of the courses its tables and list show', async () => {
    const course = vi.spyOn(CourseStore.prototype, 'course');
    const r = await run(['repeats', demo, '--list', join(dir, 'returns.csv'), '--format', 'json']);
    expect(r.code).toBe(0);
    // The courses started in the period and the courses they return from: not all 420.
    expect(course.mock.calls.length).toBeGreaterThan(0);
    expect(course.mock.calls.length).toBeLessThan(420);
  });

  it('the spy sees records being made', async () => {
    const { loadCourses } = await import('../../src/schema/load.js');
    const data = await loadCourses(demo);
    const course = vi.spyOn(CourseStore.prototype, 'course');
    data.store.course(0);
    expect(course).toHaveBeenCalled();
  });
});
