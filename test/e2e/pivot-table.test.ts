/** --table NAME[,NAME] end to end: only the tables named, by id, short id or the start of ids. */
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

const PIVOT = 'fixtures/pivot/pivot.csv';
const ids = (args: string[]): string[] => {
  const r = jobfx([...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout).tables as { id: string }[]).map((t) => t.id);
};

describe('--table', () => {
  it('prints only the tables named, in the order the command makes them', () => {
    expect(ids(['keyfigures', PIVOT, '--period', '2025', '--table', 'mix,keyfigures.citizens'])).toEqual([
      'keyfigures.citizens',
      'keyfigures.mix.targetGroup',
      'keyfigures.mix.education',
      'keyfigures.mix.ageBand',
      'keyfigures.mix.gender',
    ]);
    expect(ids(['exits', PIVOT, '--table', 'GROUPS'])).toEqual(['exits.groups']);
  });

  it('lists the table ids in --help, and refuses an unknown name listing the tables (exit 2)', () => {
    const help = jobfx(['repeats', '--help']);
    expect(help.stdout).toContain('Tables (--table NAME[,NAME]):\n  repeats.total\n  repeats.targetGroup');
    const r = jobfx(['exits', PIVOT, '--table', 'reasons,nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--table nope: no such table in this run of exits; its tables are exits.reasons, exits.groups',
    );
    expect(r.stdout).toBe('');
  });
});
