/**
 * yoy --by FIELD[,FIELD]: the same yoy table for the courses of each value of FIELD (a unit, a
 * programme, a column by its header), or of each combination of two (partition.ts), with the rows
 * of the table of all courses, and the table of all courses after them.
 * For counts it declares that each cell of the table of all courses is the sum of the same cell
 * in the tables by value, so that suppression sees them as one problem
 * (docs/definitions.md#year-over-year).
 */
import { partitionBy, type ByRef } from '../analyses/partition.js';
import { yoy, type YoyOptions, type YoyResult } from '../analyses/yoy.js';
import { sayer } from '../base/i18n.js';
import { usageError } from '../errors.js';
import type { Link, Table } from '../model/table.js';
import type { CourseStore } from '../schema/course-store.js';
import { byGroupLabel } from '../tables/keyfigures.js';
import { yearColumns, yoyTable, type YoyTableOptions } from '../tables/yoy.js';

/** Measures whose cells relate across the tables in ways suppression cannot follow. */
export function checkByMeasure(measure: string, shares: boolean): void {
  if (measure === 'share' && !shares)
    throw usageError(
      '--by with --measure share: the shares would give the counts away across the tables; use --measure count,share',
    );
  if (measure === 'course-years')
    throw usageError(
      "--by with --measure course-years is not supported: the tables' course-years add up and small ones could be worked out; run it once per value with a filter",
    );
}

/** The tables by value, then the table of all courses (`all`) with its links to them. */
export function byTables(
  store: CourseStore,
  by: readonly ByRef[],
  /** The levels as a title says them ("enhed og køn": byLabelOf). */
  byLabel: string,
  all: YoyResult,
  analysis: YoyOptions,
  o: YoyTableOptions,
): Table[] {
  const t = sayer(o.lang);
  const byName = byLabel.charAt(0).toUpperCase() + byLabel.slice(1);
  const allTable = yoyTable(all, o);
  const tables = partitionBy(store, by, analysis.vocab).map((g, v) => {
    const r = yoy(store, { ...analysis, subset: g.courses, keys: all.rowKeys });
    const table = yoyTable(r, o);
    return {
      ...table,
      id: `${allTable.id}.by.${v}`,
      title: `${table.title}, ${byName}: ${byGroupLabel(g.values, o.lang)}`,
    };
  });
  const title = `${allTable.title}, ${t(`alle (${byName.toLowerCase()})`, `all (${byName.toLowerCase()})`)}`;
  const links: Link[] = [];
  if (o.measure === 'count') {
    const cols = yearColumns(all.columns.length, o.shares ? 2 : 1, o.order);
    allTable.rows.forEach((_row, i) => {
      for (const col of cols)
        links.push({
          total: { table: allTable.id, row: i, col },
          parts: tables.map((x) => ({ table: x.id, row: i, col })),
        });
    });
  }
  return [...tables, { ...allTable, title, ...(links.length > 0 ? { links } : {}) }];
}
