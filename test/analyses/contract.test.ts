/**
 * The contract's tables on fixtures/contract/edges.csv (9 rows), every figure worked out by hand
 * from the rows (see fixtures/README.md, "fixtures/contract"). Period 2025H1, as-of its end
 * 30-06-2025.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKeyfigures, type KeyfiguresFlags } from '../../src/commands/keyfigures.js';
import { loadCourses } from '../../src/schema/load.js';
import type { Cell, Table } from '../../src/model/table.js';

const FILE = join(__dirname, '../../fixtures/contract/edges.csv');
const flags = (x: Partial<KeyfiguresFlags> = {}) =>
  ({ period: '2025H1', window: '12m', minGapDays: 0, lang: 'da', ...x }) as KeyfiguresFlags;
const v = (c: Cell | undefined) =>
  c?.t === 'count'
    ? c.v
    : c?.t === 'num'
      ? c.v
      : c?.t === 'share'
        ? [c.count, c.of]
        : c?.t === 'text'
          ? c.v
          : null;
const grid = (t: Table | undefined) => t?.rows.map((r) => r.cells.map(v));

async function tables(x: Partial<KeyfiguresFlags> = {}) {
  const data = await loadCourses(FILE);
  const built = await buildKeyfigures(data, flags(x), { threshold: 0, charts: false, source: 'edges.csv' });
  return { data, built, byId: (id: string) => built.tables.find((t) => t.id === id) };
}

describe('rows visited but not started', () => {
  it('are accepted apart from the courses and counted in no other table', async () => {
    const { data, byId } = await tables();
    expect(data.ledger).toMatchObject({ read: 9, accepted: 7, notStarted: 2 });
    expect(data.ledger.rejected).toEqual([]);
    expect(data.notStarted.length).toBe(2);
    // Citizens: the 7 courses A1–A5, A8, A9 are active; A6 and A7 are not courses.
    const citizens = grid(byId('keyfigures.citizens'));
    expect(citizens?.[0]).toEqual(['Forløb aktive i perioden', 7]);
    expect(citizens?.[1]).toEqual(['Personer aktive i perioden', 7]);
    expect(citizens?.[2]).toEqual(['Forløb startet i perioden', 7]);
  });
});

describe('the contract tables, 2025H1', () => {
  it('extension: A2 2, A3 4, A4 (ongoing, to 30-06) 31/7, A5 2 weeks (median 3); A1 on time; A8 invalid; A9 none', async () => {
    const t = grid((await tables()).byId('keyfigures.extension'));
    expect(t).toEqual([
      ['Aktive forløb med planlagt slutdato', 5, [5, 5]],
      ['heraf forlænget', 4, [4, 5]],
      ['heraf ikke forlænget', 1, [1, 5]],
      ['Forlængelse, median uger', 3, null],
      ['Uden planlagt slutdato (ikke med)', 1, null],
      ['Ugyldig planlagt slutdato (ikke med)', 1, null],
    ]);
  });

  it('result goal: of the 5 ended courses with a goal, A1 A2 A8 reached, A3 A5 not', async () => {
    expect(grid((await tables()).byId('keyfigures.goal'))).toEqual([
      ['Nået', 3, [3, 5]],
      ['Ikke nået', 2, [2, 5]],
      ['Uoplyst', 0, [0, 5]],
      ['Afsluttede forløb med resultatmål', 5, [5, 5]],
    ]);
  });

  it('industry and hours of the 4 job exits (A1, A2 flex job, A3, A8)', async () => {
    const { byId } = await tables();
    expect(grid(byId('keyfigures.industry'))).toEqual([
      ['Rengøring', 2, [2, 4]],
      ['Byggeri', 1, [1, 4]],
      ['Handel', 1, [1, 4]],
      ['I alt', 4, [4, 4]],
    ]);
    // 8 → <10, 15,5 → 10–19, 37 → 30+, "ca. 20" is not a number → Uoplyst; median of 8, 15.5, 37.
    expect(grid(byId('keyfigures.hours'))).toEqual([
      ['Under 10', 1, [1, 4]],
      ['10–19', 1, [1, 4]],
      ['20–29', 0, [0, 4]],
      ['30 og derover', 1, [1, 4]],
      ['Uoplyst', 1, [1, 4]],
      ['I alt', 4, [4, 4]],
      ['Median timer pr. uge', 15.5, null],
    ]);
    expect(byId('keyfigures.hours')?.notes.join(' ')).toContain('linje 4 "ca. 20" er ikke et tal');
  });

  it('funnel: 8 visited (6 courses, A6 and A7 not started), 5 ended by 30-06; days 0, 4, 7, 10, 21', async () => {
    const { byId, built } = await tables();
    expect(grid(byId('keyfigures.funnel'))).toEqual([
      ['Visiteret i perioden', 8, [8, 8]],
      ['Startet', 6, [6, 8]],
      ['heraf afsluttet', 5, [5, 8]],
      ['Ikke startet ("vendt i døren")', 2, [2, 8]],
      ['Dage fra visitation til start, median', 7, null],
    ]);
    // A8's visitation (05-05) is after its start (01-05), and its planned end before it: said, row kept.
    const warnings = (built.messages ?? []).map((m) => m.text).join('\n');
    expect(warnings).toContain(
      'edges.csv, line 9, column "Visitationsdato": "05-05-2025" is after the start date',
    );
    expect(warnings).toContain(
      'edges.csv, line 9, column "Planlagt slutdato": "01-04-2025" is before the start date',
    );
    expect(warnings).toContain('edges.csv, line 4, column "Timer pr. uge": "ca. 20" is not a number');
  });

  it('with --by programme the columns add up to the total', async () => {
    const t = grid((await tables({ by: ['programme'] })).byId('keyfigures.funnel'));
    // Afklaring: A5, A8 started, A6, A7 not; Mentor: A1–A4 (A9 has no visitation).
    expect(t?.[0]).toEqual(['Visiteret i perioden', 4, 4, 8, [8, 8]]);
    expect(t?.[3]).toEqual(['Ikke startet ("vendt i døren")', 2, 0, 2, [2, 8]]);
  });
});

describe('part-time work', () => {
  it('is a reason of its own (Deltidsjob) in the group Job, apart from Ordinært job', async () => {
    const { buildVocabSet, DEFAULT_VOCABULARIES } = await import('../../src/schema/vocab.js');
    const vocab = buildVocabSet(DEFAULT_VOCABULARIES);
    for (const raw of ['Deltidsjob', 'Småjob', 'Lønnede timer', 'deltidsarbejde'])
      expect([vocab.exitReason.lookup(raw)?.value, vocab.groupOf(raw)]).toEqual(['Deltidsjob', 'job']);
    expect(vocab.exitReason.lookup('Ordinært arbejde/ selvstændig')?.value).toBe('Ordinært job');
    expect(vocab.exitReason.label('Deltidsjob', 'en')).toBe('Part-time job');
  });
});

describe('result goal by the config (goalReachedBy), without a goal-reached column', () => {
  it('counts a course as reaching its goal when its exit reason is one the config gives the goal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-goalmap-'));
    // Ended in 2025H1 with a goal: G1 Job → Ordinært job (reached), G2 Job → Afbrudt (not),
    // G3 Uddannelse → Uddannelse (reached), G4 Afklaring (not in the map: unknown); G5 has no goal.
    writeFileSync(
      join(dir, 'g.csv'),
      [
        'Borger-id;Startdato;Slutdato;Afslutningsårsag;Resultatmål',
        'G1;06-01-2025;31-03-2025;Ordinært job;Job',
        'G2;06-01-2025;31-03-2025;Afbrudt;Job',
        'G3;06-01-2025;31-03-2025;Påbegyndt uddannelse;Uddannelse',
        'G4;06-01-2025;31-03-2025;Ordinært job;Afklaring',
        'G5;06-01-2025;31-03-2025;Ordinært job;',
      ].join('\r\n') + '\r\n',
    );
    writeFileSync(
      join(dir, 'jobfx.config.json'),
      JSON.stringify({ goalReachedBy: { Job: ['Ordinært job', 'Fleksjob'], uddannelse: ['Uddannelse'] } }),
    );
    const data = await loadCourses(join(dir, 'g.csv'), { cwd: dir });
    const built = await buildKeyfigures(data, flags(), { threshold: 0, charts: false, source: 'g.csv' });
    expect(grid(built.tables.find((t) => t.id === 'keyfigures.goal'))).toEqual([
      ['Nået', 2, [2, 4]],
      ['Ikke nået', 1, [1, 4]],
      ['Uoplyst', 1, [1, 4]],
      ['Afsluttede forløb med resultatmål', 4, [4, 4]],
    ]);
  });
});
