/**
 * progression --by (docs/definitions.md#by): one or two levels, each the indicator, a field or
 * column of the course export joined with --courses, or a field (unit, programme, target group)
 * or unmapped column of the measurement file. The courses are split by partition.ts, as keyfigures
 * splits its columns: every combination of the course levels that has courses.
 */
import {
  BY_FIELDS,
  byLabelOf,
  levelOfValues,
  partitionRows,
  resolveBy,
  storeRows,
  type ByRef,
  type ByRows,
} from '../analyses/partition.js';
import type { ProgressionGroups } from '../analyses/progression/index.js';
import { resolveWhereField } from '../analyses/where.js';
import { sayer, type Lang } from '../base/i18n.js';
import { usageError } from '../errors.js';
import type { ColumnMapping } from '../schema/columns.js';
import type { Measurements } from '../schema/measurements/load.js';
import { matchKey } from '../schema/normalize-text.js';

/** The measurement file's own course fields (join.ts reads them into every course). */
const FILE_FIELDS = ['unit', 'programme', 'targetGroup'] as const;
type FileField = (typeof FILE_FIELDS)[number];
const INDICATOR = new Set(['indicator', 'indikator'].map(matchKey));

/** A course level and the file it is read from. */
interface Level {
  ref: ByRef;
  from: 'export' | 'file';
}

export interface ProgressionBy {
  groups?: ProgressionGroups;
  indicator?: 'first' | 'last';
  /** The course levels as a title says them, in a language (output 5 splits by these only). */
  courseLabel?: (lang: Lang) => string;
  /** All levels, the indicator included. */
  label?: (lang: Lang) => string;
  /** The course levels' names, for a warning. */
  courseNames: string[];
}

/** --by's names → the groups of the courses and the labels; a usage error naming what is available. */
export function progressionBy(names: readonly string[] | undefined, data: Measurements): ProgressionBy {
  if (!names || names.length === 0) return { courseNames: [] };
  const at = names.findIndex((n) => INDICATOR.has(matchKey(n)));
  const courseNames = names.filter((_n, i) => i !== at);
  const levels = courseNames.map((n) => resolveLevel(n, data));
  const labels = (lang: Lang) => levels.map((l) => labelOf(l, data, lang));
  const all = (lang: Lang) => {
    const out = labels(lang);
    if (at >= 0) out.splice(at, 0, sayer(lang)('indikator', 'indicator'));
    return out;
  };
  const and = (lang: Lang) => sayer(lang)(' og ', ' and ');
  const rows = courseRows(levels, data);
  const groups =
    levels.length === 0
      ? undefined
      : groupsOf(
          partitionRows(
            rows,
            levels.map((l) => l.ref),
            data.export?.vocab,
          ),
          rows.length,
        );
  return {
    ...(groups ? { groups } : {}),
    ...(at >= 0 ? { indicator: at === 0 ? ('first' as const) : ('last' as const) } : {}),
    ...(levels.length > 0 ? { courseLabel: (lang: Lang) => labels(lang).join(and(lang)) } : {}),
    label: (lang: Lang) => all(lang).join(and(lang)),
    courseNames,
  };
}

function groupsOf(parts: ReturnType<typeof partitionRows>, courses: number): ProgressionGroups {
  const of = new Int32Array(courses).fill(-1);
  parts.forEach((g, k) => g.courses.forEach((c) => (of[c] = k)));
  return { of, values: parts.map((g) => g.values) };
}

/** A level: the export's first (when joined), then the measurement file's; else what there is. */
function resolveLevel(name: string, data: Measurements): Level {
  const ex = data.export;
  if (ex) {
    try {
      return { ref: resolveBy([name], ex.headers, ex.mapping)[0]!, from: 'export' };
    } catch {
      // Not in the export: the measurement file may have it.
    }
  }
  const ref = fileRef(name, data);
  if (ref) return { ref, from: 'file' };
  const headers = (h: string[]) =>
    h
      .filter((x) => x !== '')
      .map((x) => `"${x}"`)
      .join(', ');
  const fileHeaders = data.mapping.columns.map((c) => c.header);
  throw usageError(
    `--by ${name}: no such field or column. Use indicator, ${
      ex
        ? `a field (${BY_FIELDS.join(', ')}) or a column of ${data.joined} (${headers(ex.headers)}), or`
        : `a field of the measurement file (${FILE_FIELDS.join(', ')}; others need --courses EXPORT) or`
    } a column of the measurement file (${headers(fileHeaders)})`,
  );
}

/** A level of the measurement file: its unit, programme or target group, or an unmapped column. */
function fileRef(name: string, data: Measurements): ByRef | undefined {
  const mapping = {
    fields: {},
    personIdKind: 'id',
    columns: data.mapping.columns.map((c) =>
      c.how === 'ignored' ? { index: c.index, header: c.header, how: c.how } : c,
    ),
  } as unknown as ColumnMapping;
  try {
    const ref = resolveWhereField(name, [], mapping);
    if (ref.kind === 'column' || (FILE_FIELDS as readonly string[]).includes(ref.field)) return ref;
  } catch {
    return undefined;
  }
  return undefined;
}

function labelOf(l: Level, data: Measurements, lang: Lang): string {
  const headers = l.from === 'export' ? data.export!.headers : data.mapping.columns.map((c) => c.header);
  return byLabelOf([l.ref], headers, lang);
}

/** The measured courses as rows to split: each level's value from its file. */
function courseRows(levels: readonly Level[], data: Measurements): ByRows {
  const byRef = new Map(levels.map((l) => [l.ref, l.from]));
  const courses = data.courses;
  return {
    length: courses.length,
    level: (ref) => {
      if (byRef.get(ref) === 'export') {
        const store = storeRows(data.export!.store).level(ref);
        return levelOfValues(courses.length, (c) => {
          const i = courses[c]!.storeIndex;
          return i === undefined ? null : (store.names[store.ids[i]!] ?? null);
        });
      }
      if (ref.kind === 'field')
        return levelOfValues(courses.length, (c) => courses[c]![ref.field as FileField]);
      const key = matchKey(ref.name);
      const header = Object.keys(data.kept).find((h) => matchKey(h) === key);
      const values = header === undefined ? [] : data.kept[header]!;
      return levelOfValues(courses.length, (c) => values[c] ?? null);
    },
  };
}
