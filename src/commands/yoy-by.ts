/**
 * yoy --by FIELD: the same yoy table for the courses of each value of FIELD (a unit, a
 * programme), with the rows of the table of all courses, and the table of all courses after them.
 * For counts it declares that each cell of the table of all courses is the sum of the same cell
 * in the tables by value, so that suppression sees them as one problem
 * (docs/definitions.md#year-over-year).
 */
import { partitionStore, type ByField } from '../analyses/partition.js';
import { yoy, type YoyOptions, type YoyResult } from '../analyses/yoy.js';
import { sayer } from '../base/i18n.js';
import { usageError } from '../errors.js';
import { fieldLabel } from '../model/fields.js';
import type { Link, Table } from '../model/table.js';
import type { CourseStore } from '../schema/course-store.js';
import { byValueLabel } from '../tables/keyfigures.js';
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
  by: ByField,
  all: YoyResult,
  analysis: YoyOptions,
  o: YoyTableOptions,
): Table[] {
  const t = sayer(o.lang);
  const byName = fieldLabel(by, o.lang);
  const allTable = yoyTable(all, o);
  const tables = partitionStore(store, by, analysis.vocab).map(([value, subset], v) => {
    const r = yoy(store, { ...analysis, subset, keys: all.rowKeys });
    const table = yoyTable(r, o);
    return {
      ...table,
      id: `${allTable.id}.by.${v}`,
      title: `${table.title}, ${byName}: ${byValueLabel(value, o.lang)}`,
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
