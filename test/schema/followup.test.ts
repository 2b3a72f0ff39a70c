/** --followup FILE: the statuses go into the store's follow-up column, joined on the person's pseudonym. */
import { describe, expect, it, vi } from 'vitest';
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
