/**
 * The exact relations between the tables of `jobfx keyfigures`, declared as `Table.links` so that
 * suppression protects them together (docs/definitions.md#suppression). Column j (1 … k) is the
 * same data column in every table; the last is "I alt" with --by.
 *
 * Declared (each in every count column):
 * - citizens, with --by: the course rows (active, started, ongoing, ended) add up across the
 *   columns to "I alt". Person rows do not: a person can be in two columns.
 * - exit groups = the sum of their exit reasons; the reasons' total = ended courses (citizens).
 * - ended-duration courses: per exit group = the group's count, in total = ended courses.
 * - ongoing-duration courses = ongoing courses (citizens).
 * - each mix table's total = persons active (citizens); within it, persons add up to the total
 *   (each person counted once, by their latest active course) — across --by columns they do not.
 * - follow-up with --followup-cohort period: "Afsluttede forløb i alt" = ended courses (citizens).
 * - repeat users: persons who started = persons who started (citizens).
 * Facts (Table.facts) name the exit and repeat-user figures that `jobfx exits` and `jobfx repeats`
 * print too, so a pack with both is protected as one.
 */
import type { Window } from '../analyses/repeats.js';
import type { KeyFigures } from '../analyses/keyfigures.js';
import type { Table } from '../model/table.js';
import { distributionValues, type DataColumn } from './distribution.js';
import {
  addLinks,
  columnKeys,
  countColumns,
  distributionFacts,
  exitGroupLinks,
  repeatsFact,
  sameRow,
  sumColumns,
} from './links.js';

const CITIZENS = 'keyfigures.citizens';
/** Rows of the citizens table. */
const ROW = { activeCourses: 0, activePersons: 1, startedPersons: 3, ongoingCourses: 4, endedCourses: 6 };

export function linkKeyFigureTables(
  tables: Table[],
  cols: DataColumn<KeyFigures>[],
  o: { periodText: string; byLabel?: string; window: Window; minGapDays: number; followUpOfPeriod: boolean },
): void {
  const byId = (id: string) => tables.find((t) => t.id === id);
  const last = (t: Table | undefined) => (t ? t.rows.length - 1 : -1);
  const all = countColumns(cols);
  const k = cols.length;
  const citizens = (row: number) => ({ table: CITIZENS, row });

  if (k > 1) addLinks(byId(CITIZENS), sumColumns(CITIZENS, [0, 2, 4, 6], k, all.slice(0, -1)));

  const reasons = byId('keyfigures.exitReasons');
  const groups = byId('keyfigures.exitGroups');
  addLinks(
    reasons,
    sameRow({ table: 'keyfigures.exitReasons', row: last(reasons) }, citizens(ROW.endedCourses), all),
  );
  addLinks(
    groups,
    exitGroupLinks(
      cols,
      { reasons: 'keyfigures.exitReasons', groups: 'keyfigures.exitGroups' },
      (x) => x.ended.byReason,
      (x) => x.ended.byGroup,
    ),
  );

  // The same figures printed by other commands (exits, repeats) in a pack.
  const prefix = `ended|${o.periodText}`;
  if (reasons) reasons.facts = distributionFacts(cols, (x) => x.ended.byReason, prefix, 'reason', o.byLabel);
  if (groups) groups.facts = distributionFacts(cols, (x) => x.ended.byGroup, prefix, 'group', o.byLabel);
  const repeats = byId('keyfigures.repeats');
  if (repeats)
    repeats.facts = columnKeys(cols, o.byLabel).flatMap((c, j) =>
      ['started', 'returning'].map((what, row) => ({
        key: `${repeatsFact(o.periodText, o.window, o.minGapDays)}|${c}|${what}`,
        row,
        col: j + 1,
      })),
    );

  const ended = byId('keyfigures.endedDuration');
  if (k === 1) {
    const groupRows = distributionValues(cols, (x) => x.ended.byGroup);
    const shown = cols[0]!.k.ended.byGroup.filter((g) => g.count > 0);
    addLinks(ended, [
      ...shown.flatMap((g, i) =>
        sameRow(
          { table: 'keyfigures.endedDuration', row: i },
          { table: 'keyfigures.exitGroups', row: groupRows.indexOf(g.value) },
          [1],
        ),
      ),
      ...sameRow({ table: 'keyfigures.endedDuration', row: shown.length }, citizens(ROW.endedCourses), [1]),
    ]);
  } else
    addLinks(ended, sameRow({ table: 'keyfigures.endedDuration', row: 0 }, citizens(ROW.endedCourses), all));

  addLinks(
    byId('keyfigures.ongoingDuration'),
    sameRow({ table: 'keyfigures.ongoingDuration', row: 0 }, citizens(ROW.ongoingCourses), all),
  );
  for (const t of tables) {
    if (t.id.startsWith('keyfigures.mix.'))
      addLinks(t, sameRow({ table: t.id, row: last(t) }, citizens(ROW.activePersons), all));
    // Only the period's own cohort is the ended courses of the citizens table; a lagged one is not.
    if (o.followUpOfPeriod && /^keyfigures\.followUp\d+$/.test(t.id))
      addLinks(t, sameRow({ table: t.id, row: last(t) }, citizens(ROW.endedCourses), all));
  }
  addLinks(
    byId('keyfigures.repeats'),
    sameRow({ table: 'keyfigures.repeats', row: 0 }, citizens(ROW.startedPersons), all),
  );
}
