/**
 * providers --by at two levels (each combination a provider) and by an unmapped column, on the
 * built binary (docs/definitions.md#by). fixtures/pivot/providers.csv: ten courses ended in 2025,
 * worked by hand (job = "Ordinært job"):
 *
 *   Jobhuset / Straksaktivering   P01 job, P02 job, P03 Sygdom   3 courses, 2 job
 *   Jobhuset / Nytteindsats       P04 job, P05 Sygdom            2, 1
 *   Værkstedet / Straksaktivering P06 job, P07, P08 Sygdom       3, 1
 *   Værkstedet / Nytteindsats     P09 job                        1, 1
 *   Værkstedet, no Tilbud         P10 job                        left out (no value at one level)
 *   Hold H1: P01 P02 P05 P06 P09 P10 (6, 5 job); H2: P03 P04 P07 P08 (4, 1 job)
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobfx } from './run.js';

type JsonTable = { id: string; title: string; rows: { cells: unknown[] }[]; notes: string[] };
const FILE = 'fixtures/pivot/providers.csv';
const base = ['providers', FILE, '--outcome', 'exitGroup=job'];
const tables = (stdout: string) => JSON.parse(stdout).tables as JsonTable[];
/** label, courses with an outcome, of them with the outcome. */
const counts = (t: JsonTable) => t.rows.map((r) => r.cells.slice(0, 3));
const tmp = mkdtempSync(join(tmpdir(), 'jobfx-providers-by-'));

describe('jobfx providers --by two levels', () => {
  it('--by Leverandør,Tilbud: each combination is a provider, labelled as keyfigures labels combined columns', () => {
    const r = jobfx([...base, '--by', 'Leverandør,Tilbud', '--suppress', '0', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const shares = tables(r.stdout).find((t) => t.id === 'providers.shares')!;
    expect(shares.title).toBe('Afsluttet til job: leverandør og tilbud sammenlignet');
    expect(counts(shares)).toEqual([
      ['Jobhuset / Nytteindsats', 2, 1],
      ['Jobhuset / Straksaktivering', 3, 2],
      ['Værkstedet / Nytteindsats', 1, 1],
      ['Værkstedet / Straksaktivering', 3, 1],
      ['Alle', 9, 5],
    ]);
    expect(shares.notes).toContain(
      '1 forløb uden værdi i leverandør og tilbud (i den ene eller begge) er ikke med.',
    );
    const composition = tables(r.stdout).find((t) => t.id === 'providers.composition')!;
    expect(composition.title).toBe('Hvem kombinationen får: borgersammensætning');
  });

  it('hides the small combinations in a memo format, and says so', () => {
    const r = jobfx([...base, '--by', 'Leverandør,Tilbud', '--format', 'md']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\| Jobhuset \/ Nytteindsats +\| +<5 \| +<5 \| +for få \|/);
    expect(r.stdout).toContain('"for få": færre end 5 forløb');
    expect(r.stdout).toContain('Tal under 5 er vist som "<5"');
  });

  it('--by Hold: a column jobfx does not map', () => {
    const r = jobfx([...base, '--by', 'Hold', '--suppress', '0', '--format', 'json', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(counts(tables(r.stdout)[0]!)).toEqual([
      ['H1', 6, 5],
      ['H2', 4, 1],
      ['All', 10, 6],
    ]);
  });

  it('keeps --adjust, --model, --yoy and the funnel plot working on the combinations', () => {
    const chart = join(tmp, 'tragt.svg');
    const r = jobfx([
      ...base,
      ...['--by', 'Leverandør,Tilbud', '--adjust', 'Hold', '--model', 'logit', '--period', '2025', '--yoy'],
      ...['--chart', chart, '--suppress', '0', '--format', 'json'],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const ids = tables(r.stdout).map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['providers.adjusted', 'providers.model', 'providers.yoy']));
    const model = tables(r.stdout).find((t) => t.id === 'providers.model')!;
    // The most courses (3, first in order) is the reference: Jobhuset / Straksaktivering.
    expect(model.notes.join(' ')).toContain('med Jobhuset / Straksaktivering som reference');
    expect(readFileSync(chart, 'utf8')).toContain('Jobhuset / Nytteindsats');
  });

  it('refuses a --by level in --adjust with --model (the combination determines it), three levels, an unknown column', () => {
    const twice = jobfx([...base, '--by', 'Leverandør,Tilbud', '--adjust', 'Tilbud', '--model', 'logit']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--adjust Tilbud: programme is also a level of --by Leverandør,Tilbud');
    const three = jobfx([...base, '--by', 'Leverandør,Tilbud,Hold']);
    expect(three.code).toBe(2);
    expect(three.stderr).toContain('--by Leverandør,Tilbud,Hold: give one field or column, or two');
    const unknown = jobfx([...base, '--by', 'Leverandør,Farve']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      '--by Farve: no column "Farve" in the file (columns: "Borger-id", "Leverandør", "Tilbud", "Hold"',
    );
  });
});
