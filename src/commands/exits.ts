import { inLang, word } from '../base/i18n.js';
import { Option, type Command } from 'commander';
import { countStoreExits } from '../analyses/exits.js';
import { byFieldsOf, byLabelOf, partitionBy, resolveBy } from '../analyses/partition.js';
import { NONE } from '../schema/course-store.js';
import { periodText, resolveOptionalPeriod, type PeriodFlags } from '../base/period.js';
import { exitTables } from '../tables/exits.js';
import { byGroupKey, byGroupLabel } from '../tables/keyfigures.js';
import { withPercent, type PercentMode } from '../tables/percent.js';
import type { Loaded } from '../schema/load.js';
import {
  addByOption,
  percentOf,
  addTableOutputOptions,
  TABLE_FORMATS,
  sourceText,
  addPeriodOptions,
  type ReadFlags,
  type TableOutputFlags,
} from './options.js';
import { periodNotes, withFields, withNotes } from './data-notes.js';
import { messages, type BuildOptions, type Built, type CommandSpec, type SideFile } from './spec.js';
import { reasonsCsv } from './exit-reasons-list.js';
import type { SideCsvOptions } from '../render/csv.js';
import { ruleNotes } from './rule-notes.js';

/** The --list-reasons side file, with what the user should know about it. */
function listReasons(
  data: Loaded,
  period: ReturnType<typeof resolveOptionalPeriod>,
  path: string,
  side: SideCsvOptions,
  say: ReturnType<typeof messages>,
): SideFile {
  if (data.mapping.fields.reasonText === undefined)
    say.warn(
      'the export has no free-text reason column ("Årsag til afbrydelse", "Begrundelse"; or "columns": {"reasonText": "..."} in the config): --list-reasons lists the courses without reasons',
    );
  if (!data.pseudonymise.stable)
    say.note(
      '--list-reasons uses random per-run pseudonyms; use the row references, or set JOBFX_PSEUDONYM_KEY',
    );
  return { option: '--list-reasons', path, content: reasonsCsv(data, period ?? null, side).content };
}

export interface ExitsFlags extends ReadFlags, TableOutputFlags, PeriodFlags {
  /** --by: one or two levels, each a field or a column (resolved against the export in build). */
  by?: string[];
  percent?: PercentMode;
  grouped?: boolean;
  sort: 'count' | 'vocab';
  listReasons?: string;
}

export const exitsCommand: CommandSpec<ExitsFlags> = {
  name: 'exits',
  summary: 'ended courses by exit reason and exit group, as memo tables',
  description:
    'Exit reasons as rows with count and percent of all ended courses and a total row, and the same by exit group ' +
    '(job, education, job-oriented activity, ...). Courses are selected by their end date. --by gives one count ' +
    'column per value (e.g. per programme), a total column and a percent column.',
  examples: [
    'jobfx exits export.xlsx --period 2025',
    'jobfx exits export.xlsx --period 2025H1 --by programme --out afgang.xlsx',
    'jobfx exits export.csv --sort vocab --format md',
  ],
  formats: TABLE_FORMATS,
  tables: ['exits.reasons', 'exits.groups', 'exits.grouped (with --grouped, instead of the two)'],
  options: (cmd: Command) =>
    addTableOutputOptions(
      addByOption(addPeriodOptions(cmd, 'every ended course in the data'))
        .option('--grouped', 'one table: each exit group as a subtotal row with its reasons under it')
        .addOption(
          new Option('--sort <order>', 'order of the reasons: by count (most first) or as in the vocabulary')
            .choices(['count', 'vocab'])
            .default('count'),
        )
        .option(
          '--list-reasons <file>',
          'write the free-text reasons of courses broken off or not completed (pseudonym, row, dates) to this CSV file for case review',
        ),
    ),
  check: (flags) => void percentOf(flags),
  build: buildExits,
  report: {},
};

/** The exit tables of loaded data (no I/O). */
export async function buildExits(data: Loaded, flags: ExitsFlags, o: BuildOptions): Promise<Built> {
  const period = resolveOptionalPeriod(flags);
  // Over the columns of the store: no record per course is made.
  const store = data.store;
  const ended: number[] = [];
  for (let i = 0; i < store.length; i++) {
    const end = store.end[i]!;
    if (end !== NONE && (!period || (end >= period.from && end <= period.to))) ended.push(i);
  }
  const cols = [];
  const by = flags.by ? resolveBy(flags.by, data.headers, data.mapping) : [];
  if (by.length > 0)
    for (const g of partitionBy(store, by, data.vocab, ended))
      cols.push({
        label: byGroupLabel(g.values, flags.lang),
        key: byGroupKey(g.values),
        k: countStoreExits(store, g.courses, data.vocab, flags.sort),
      });
  cols.push({
    label: word(flags.lang, 'total'),
    key: 'total',
    k: countStoreExits(store, ended, data.vocab, flags.sort),
  });

  const title = period
    ? periodText(period, flags.lang)
    : flags.lang === 'da'
      ? 'alle afsluttede forløb i udtrækket'
      : 'all ended courses in the export';
  const tables = exitTables(cols, {
    lang: flags.lang,
    grouped: Boolean(flags.grouped),
    vocab: data.vocab,
    periodText: title,
    byLabel: by.length > 0 ? byLabelOf(by, data.headers, flags.lang) : undefined,
    source: sourceText(o.source, data.ledger.accepted, flags.lang),
  });
  const say = messages();
  ruleNotes(
    data,
    ended,
    flags.lang,
    say,
    tables.find((t) => t.id === 'exits.reasons' || t.id === 'exits.grouped'),
  );
  const cover = period ? periodNotes(period, store, flags.lang) : { warnings: [], notes: [] };
  cover.warnings.forEach(say.warn);
  const files: SideFile[] = [];
  if (flags.listReasons) files.push(listReasons(data, period, flags.listReasons, flags, say));
  return {
    period: period ? { from: period.from, to: period.to } : null,
    title: inLang(flags.lang, { da: 'Afgang', en: 'Exits' }),
    tables: withPercent(
      withFields(withNotes(tables, cover.notes), byFieldsOf(by)),
      percentOf(flags),
      flags.lang,
    ),
    charts: [],
    messages: say.list,
    files,
  };
}
