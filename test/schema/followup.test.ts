/** --followup FILE: the statuses go into the store's follow-up column, joined on the person's pseudonym. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { isoOf } from '../../src/base/dates.js';
import { CourseStore } from '../../src/schema/course-store.js';
import { applyFollowUpFile } from '../../src/schema/followup.js';
import { loadCourses } from '../../src/schema/load.js';

describe('applyFollowUpFile', () => {
  it('writes the joined statuses into the store, without a record per course', async () => {
    const data = await loadCourses('fixtures/keyfigures/edges.csv');
    const before = Array.from(data.store.followUp, (id) => data.store.followUps[id]!);
    const course = vi.spyOn(CourseStore.prototype, 'course');
    const f = await applyFollowUpFile(
      'fixtures/keyfigures/followup.csv',
      data.store,
      data.pseudonymise,
      data.vocab,
    );
    expect(course).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    expect(f.ledger).toMatchObject({ read: 10, accepted: 6 });
    expect(f.ledger.rejected).toHaveLength(4);
    expect(f.overridden).toBe(1);
    const after = Array.from(data.store.followUp, (id) => data.store.followUps[id]!);
    const changed = after.flatMap((fu, i) =>
      ([1, 3, 6, 12] as const).filter((h) => fu[h] !== before[i]![h]).map((h) => [i, h, fu[h]]),
    );
    // Six measurements joined; two of them repeat the export's status. P4's replaces Job (course 4, c5).
    expect(changed).toEqual([
      [0, 6, 'Job'],
      [2, 1, 'Forsørgelsesydelse'],
      [4, 1, 'Selvforsørgelse'],
      [5, 1, 'Job'],
    ]);
  });
});

describe('applyFollowUpFile: two courses equally near the date of measurement', () => {
  // docs/definitions.md#tie-breaks: X's two courses end the same day, so end + 1 month is the
  // measurement date for both; the one that started later (2024-11-01) takes the status, in
  // either file order.
  const rows = ['X;01-10-2024;31-01-2025;Ordinært job', 'X;01-11-2024;31-01-2025;Afbrudt'];
  for (const [name, order] of [
    ['file order', rows],
    ['reversed', [...rows].reverse()],
  ] as const)
    it(`joins the later-started course (${name})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jobfx-followup-tie-'));
      const exportFile = join(dir, 'export.csv');
      const fuFile = join(dir, 'followup.csv');
      writeFileSync(
        exportFile,
        ['Borger-id;Startdato;Slutdato;Afslutningsårsag', ...order].join('\n') + '\n',
      );
      writeFileSync(fuFile, 'Borger-id;Dato;Status\nX;28-02-2025;Job\n');
      const data = await loadCourses(exportFile);
      const f = await applyFollowUpFile(fuFile, data.store, data.pseudonymise, data.vocab);
      expect(f.ledger.accepted).toBe(1);
      const joined = Array.from({ length: data.store.length }, (_v, i) => i).filter(
        (i) => data.store.followUps[data.store.followUp[i]!]![1] === 'Job',
      );
      expect(joined.map((i) => isoOf(data.store.start[i]!))).toEqual(['2024-11-01']);
      rmSync(dir, { recursive: true, force: true });
    });
});
