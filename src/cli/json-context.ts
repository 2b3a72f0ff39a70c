/**
 * The document around a command's tables in its json output: the period, the as-of date, the
 * options that shaped the figures, the row accounting, and the same tables in English (the keys
 * of rows and columns a builder left without one come from their English labels).
 */
import type { AnySpec, BuildOptions, Built, InputData } from '../commands/spec.js';
import { suppressionThreshold, type TableOutputFlags } from '../commands/options.js';
import type { Json, JsonContext } from '../render/json.js';
import { allKeyed } from '../model/keys.js';

/** Flags that choose how or where the output is written, not what it shows. */
const OUTPUT_ONLY = new Set([
  'format',
  'out',
  'lang',
  'rejects',
  'strict',
  'excelCsv',
  'chart',
  'list',
  'listReasons',
]);

/** The flags that shaped the figures, sorted by name; --suppress as the threshold applied (0: none). */
export function shapingOptions(flags: TableOutputFlags): Record<string, Json> {
  const out: Record<string, Json> = {};
  const all = flags as unknown as Record<string, unknown>;
  for (const name of Object.keys(all)) {
    const v = all[name];
    if (OUTPUT_ONLY.has(name) || v === undefined || typeof v === 'function') continue;
    out[name] = JSON.parse(JSON.stringify(v)) as Json;
  }
  out.suppress = suppressionThreshold(flags);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The json context of a build. The builders of every command but compare key their rows and
 * columns (model/keys.ts; test/cli/json-keys-set.test.ts); a build in Danish with a row or column
 * left without a key is built again in English, whose labels key it, so the keys are the same in
 * both languages. That second build costs as much as the first (0.4 s and 15 MB for keyfigures
 * at 1M rows before its builders set keys, BENCHMARKS.md).
 */
export async function jsonContextOf(
  spec: AnySpec,
  data: InputData,
  flags: TableOutputFlags,
  o: BuildOptions,
  built: Built,
  input: string,
): Promise<JsonContext> {
  const english =
    flags.lang === 'en' || allKeyed(built.tables)
      ? undefined
      : (await spec.build(data, { ...flags, lang: 'en' }, o)).tables;
  const l = data.ledger;
  return {
    command: spec.name,
    input,
    period: built.period ?? null,
    asOf: built.asOf ?? null,
    options: shapingOptions(flags),
    accounting: {
      read: l.read,
      accepted: l.accepted,
      rejected: l.rejected.length,
      skipped: l.skipped.length,
      notStarted: l.notStarted ?? 0,
    },
    ...(english ? { english } : {}),
  };
}
