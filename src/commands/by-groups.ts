/**
 * --by on commands whose tables have no room for a column per value (flow, repeats): after the
 * tables of all courses, the same tables for each value (two levels: each combination), each as
 * if the command were run with --where on it (docs/definitions.md#by). Only the courses of a
 * group are counted in its tables, so a repeat user of a unit is one who returns to that unit.
 */
import { byFieldsOf, byLabelOf, partitionBy, resolveBy } from '../analyses/partition.js';
import type { Lang } from '../base/i18n.js';
import type { CellRef, Link, Table } from '../model/table.js';
import type { Loaded } from '../schema/load.js';
import { byGroupLabel } from '../tables/keyfigures.js';
import { withFields } from './data-notes.js';

/**
 * The tables of `build` for each --by group, then for all courses. `additive`: the groups' count
 * cells add up to the total's (each course in one group, courses counted), declared as links so
 * that suppression hides a group's cell that the total and the other groups would give back.
 */
export function tablesByGroup(
  data: Loaded,
  names: readonly string[] | undefined,
  lang: Lang,
  build: (d: Loaded) => Table[],
  additive = false,
): Table[] {
  if (!names || names.length === 0) return build(data);
  // A --by the file cannot give is a usage error before any table is built.
  const by = resolveBy(names, data.headers, data.mapping);
  const all = build(data);
  const label = byLabelOf(by, data.headers, lang);
  const groups = partitionBy(data.store, by, data.vocab).map((g, k) => {
    const sub: Loaded = {
      ...data,
      store: data.store.subset(g.courses),
      notStarted: data.notStarted.subset([]),
    };
    return renamed(build(sub), `.by.${k + 1}`, `, ${label}: ${byGroupLabel(g.values, lang)}`);
  });
  const total = additive
    ? all.map((t) =>
        withGroupLinks(
          t,
          groups.map((ts) => ts.find((x) => x.id.startsWith(`${t.id}.by.`))!),
        ),
      )
    : all;
  return withFields([...groups.flat(), ...total], byFieldsOf(by));
}

/**
 * A group's tables under ids of their own: their links among themselves follow the new ids, and
 * their facts are dropped (a fact names a figure of all courses, which a group's cell is not).
 */
function renamed(tables: Table[], suffix: string, titleTail: string): Table[] {
  const ids = new Map(tables.map((t) => [t.id, t.id + suffix]));
  const ref = (c: CellRef): CellRef => ({ ...c, table: ids.get(c.table) ?? c.table });
  return tables.map(({ facts: _facts, ...t }) => ({
    ...t,
    id: ids.get(t.id)!,
    title: t.title + titleTail,
    ...(t.links ? { links: t.links.map((l) => ({ total: ref(l.total), parts: l.parts.map(ref) })) } : {}),
    ...(t.derivedCells ? { derivedCells: t.derivedCells.map((d) => ({ ...d, from: d.from.map(ref) })) } : {}),
  }));
}

/** The total table with a link per count cell: the same cell of every group's table adds up to it. */
function withGroupLinks(total: Table, parts: Table[]): Table {
  const links: Link[] = [];
  total.rows.forEach((row, r) =>
    row.cells.forEach((cell, c) => {
      if (cell.t === 'count')
        links.push({
          total: { table: total.id, row: r, col: c },
          parts: parts.map((p) => ({ table: p.id, row: r, col: c })),
        });
    }),
  );
  return { ...total, links: [...(total.links ?? []), ...links] };
}
