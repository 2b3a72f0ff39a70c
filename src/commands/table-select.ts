/**
 * `--table NAME[,NAME]`: print only some of a command's tables. A name is a table id
 * (`keyfigures.citizens`), the id without the command (`citizens`), or the start of ids
 * (`mix` for every `keyfigures.mix.*`), case-insensitive. Applied by the pipeline and by
 * `jobfx run` to what a build returns, before suppression: what is printed together is protected.
 */
import { usageError } from '../errors.js';
import type { Built } from './spec.js';

const matches = (id: string, name: string, command: string): boolean => {
  const i = id.toLowerCase();
  return [name, `${command}.${name}`]
    .map((n) => n.toLowerCase())
    .some((n) => i === n || i.startsWith(`${n}.`));
};

/** The build with only the tables named (and their charts); a usage error for a name no table has. */
export function selectTables<B extends Pick<Built, 'tables' | 'charts'>>(
  built: B,
  names: readonly string[] | undefined,
  command: string,
): B {
  if (names === undefined) return built;
  const ids = built.tables.map((t) => t.id);
  for (const n of names)
    if (!ids.some((id) => matches(id, n, command)))
      throw usageError(
        `--table ${n}: no such table in this run of ${command}; its tables are ${ids.join(', ')} (see jobfx ${command} --help)`,
      );
  const tables = built.tables.filter((t) => names.some((n) => matches(t.id, n, command)));
  const kept = new Set(tables.map((t) => t.id));
  return { ...built, tables, charts: built.charts.filter((c) => kept.has(c.table)) };
}
