import { inLang, refIn, sayer, type Lang } from '../base/i18n.js';
import type { Command } from 'commander';
import { storeReturns, type RepeatResult, type Window } from '../analyses/repeats.js';
import { isoOf } from '../base/dates.js';
import { periodText, resolvePeriod, type Period, type PeriodFlags } from '../base/period.js';
import { sideCsv, type SideCsvOptions } from '../render/csv.js';
import type { Course } from '../schema/course.js';
import { repeatTables } from '../tables/repeats.js';
import type { Loaded } from '../schema/load.js';
import {
  addTableOutputOptions,
  TABLE_FORMATS,
  sourceText,
  addGroupByOption,
  addPeriodOptions,
  intArg,
  parseWindow,
  type ReadFlags,
  type TableOutputFlags,
} from './options.js';
import { periodNotes, withNotes } from './data-notes.js';
import { tablesByGroup } from './by-groups.js';
import { messages, type BuildOptions, type Built, type CommandSpec, type SideFile } from './spec.js';

export interface RepeatsFlags extends ReadFlags, TableOutputFlags, PeriodFlags {
  window: string;
  minGapDays: number;
  list?: string;
  /** --by: one or two levels, the tables again for each value (by-groups.ts). */
  by?: string[];
}

export const repeatsCommand: CommandSpec<RepeatsFlags> = {
  name: 'repeats',
  summary: 'repeat users (gengangere): persons who come back within a window after a course ended',
  description:
    'Persons who started a course in the period, how many of them had ended an earlier course within the window ' +
    '(default 12 calendar months: end₁ < start₂ ≤ end₁ + 12 months; 365d counts days), count and share, by target group and by the exit group of the earlier course. ' +
    '--list writes the returns for case review (pseudonyms and row references, never CPR numbers).',
  examples: [
    'jobfx repeats export.xlsx --period 2025H1',
    'jobfx repeats export.xlsx --period 2025 --window 6m --min-gap-days 14',
    'jobfx repeats export.xlsx --period 2025H1 --list gengangere.csv',
  ],
  formats: TABLE_FORMATS,
  tables: ['repeats.total', 'repeats.targetGroup', 'repeats.previousExitGroup'],
  options: (cmd: Command) =>
    addTableOutputOptions(
      addGroupByOption(addPeriodOptions(cmd, 'the last complete half-year in the data'))
        .option(
          '--window <window>',
          'how soon after the earlier end a start counts as a return: 12m (calendar months), 6m, 365d (days) ...',
          '12m',
        )
        .option(
          '--min-gap-days <n>',
          'a course starting within N days after the earlier end is not a return',
          intArg('--min-gap-days'),
          0,
        )
        .option(
          '--list <file>',
          'write the returns (pseudonym, row references, dates, gap) to this CSV file for case review',
        ),
    ),
  build: buildRepeats,
  report: {},
};

/** The repeat-user tables of loaded data (no I/O). */
export async function buildRepeats(data: Loaded, flags: RepeatsFlags, o: BuildOptions): Promise<Built> {
  const say = messages();
  const { period, window, result, anonymous } = returnsOf(data, flags);
  const tablesOf = (r: RepeatResult) =>
    repeatTables(r, {
      lang: flags.lang,
      vocab: data.vocab,
      periodText: periodText(period, flags.lang),
      window,
      minGapDays: flags.minGapDays,
      source: sourceText(o.source, data.ledger.accepted, flags.lang),
    });
  // Persons can be in several groups: the groups need not add up to the total (no links).
  const tables = tablesByGroup(data, flags.by, flags.lang, (d) =>
    d === data ? tablesOf(result) : tablesOf(returnsOf(d, flags, period).result),
  );
  if (period.source === 'default')
    say.note(`no --period given; using ${period.label}, the last complete half-year in the data`);
  const cover = periodNotes(period, data.store, flags.lang);
  cover.warnings.forEach(say.warn);
  const files: SideFile[] = [];
  if (flags.list) {
    files.push({ option: '--list', path: flags.list, content: returnsCsv(result, flags) });
    if (!data.pseudonymise.stable)
      say.note('--list uses random per-run pseudonyms; use the row references, or set JOBFX_PSEUDONYM_KEY');
  }
  return {
    period: { from: period.from, to: period.to },
    title: inLang(flags.lang, { da: 'Gengangere', en: 'Repeat users' }),
    tables: withNotes(tables, [...anonymousNote(anonymous, flags.lang), ...cover.notes]),
    charts: [],
    messages: say.list,
    files,
  };
}

/** The period, window and returns a run of repeats counts: shared by the tables and --list. */
function returnsOf(
  data: Loaded,
  flags: RepeatsFlags,
  fixed?: Period,
): { period: Period; window: Window; result: RepeatResult; anonymous: number } {
  // Over the columns of the store; records are made only of the courses the tables and the list show.
  const store = data.store;
  // A --by group's courses are counted in the period of all courses (fixed), not one of their own.
  const period = fixed ?? resolvePeriod(flags, store.newestDay());
  const window = parseWindow(flags.window);
  const r = storeReturns(
    store,
    { from: period.from, to: period.to, window, minGapDays: flags.minGapDays, vocab: data.vocab },
    null,
  );
  // One record per course: the tables know a return among the started courses by identity.
  const made = new Map<number, Course>();
  const record = (i: number): Course => {
    let c = made.get(i);
    if (c === undefined) made.set(i, (c = store.course(i)));
    return c;
  };
  const result: RepeatResult = {
    startedPersons: r.startedPersons,
    startedCourses: r.started.map(record),
    returns: r.returns.map((x) => ({
      personId: store.persons.name(store.person[x.course]!),
      course: record(x.course),
      previous: record(x.previous),
    })),
  };
  return { period, window, result, anonymous: r.anonymousStarted };
}

/** "N anonymiserede forløb": courses started in the period without a person are left out (docs/definitions.md#records). */
function anonymousNote(n: number, lang: Lang): string[] {
  if (n === 0) return [];
  return [
    sayer(lang)(
      `${n} anonymiserede forløb er startet i perioden uden en person (tomt eller anonymiseret person-id): de er ikke med.`,
      `${n} anonymised course(s) started in the period without a person (empty or anonymised person id): they are left out.`,
    ),
  ];
}

/** The --list file: each return with the earlier course, for case review (pseudonyms, never CPR numbers). */
function returnsCsv(result: RepeatResult, o: SideCsvOptions): string {
  const t = sayer(o.lang);
  return sideCsv(
    [
      'person',
      t('tidligere_række', 'earlier_row'),
      t('tidligere_start', 'earlier_start'),
      t('tidligere_slut', 'earlier_end'),
      t('tidligere_afgangsårsag', 'earlier_exit_reason'),
      t('række', 'row'),
      'start',
      t('dage_imellem', 'gap_days'),
    ],
    result.returns.map((x) => [
      x.personId,
      refIn(o.lang, x.previous.ref),
      isoOf(x.previous.start),
      isoOf(x.previous.end!),
      x.previous.exitReason ?? '',
      refIn(o.lang, x.course.ref),
      isoOf(x.course.start),
      String(x.course.start - x.previous.end!),
    ]),
    o,
  );
}
