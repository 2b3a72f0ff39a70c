import { inLang } from '../base/i18n.js';
import { Option, type Command } from 'commander';
import { flow, FLOW_COUNTS, type FlowCount } from '../analyses/flow.js';
import { lastCompleteYear, resolvePeriod, type PeriodFlags } from '../base/period.js';
import { columnsBetween, slotOf, type Step } from '../base/steps.js';
import { usageError } from '../errors.js';
import type { Loaded } from '../schema/load.js';
import { flowTable } from '../tables/flow.js';
import { periodNotes, withNotes } from './data-notes.js';
import { tablesByGroup } from './by-groups.js';
import {
  addGroupByOption,
  addPeriodOptions,
  addTableOutputOptions,
  sourceText,
  TABLE_FORMATS,
  type ReadFlags,
  type TableOutputFlags,
} from './options.js';
import { messages, type BuildOptions, type Built, type CommandSpec } from './spec.js';

export interface FlowFlags extends ReadFlags, TableOutputFlags, PeriodFlags {
  step: Extract<Step, 'month' | 'quarter'>;
  count: FlowCount;
  /** --by: one or two levels, a flow table for each value (by-groups.ts). */
  by?: string[];
}

export const flowCommand: CommandSpec<FlowFlags> = {
  name: 'flow',
  summary: 'borgerflow: stock at the start, inflow, outflow and stock at the end, per month or quarter',
  description:
    'For each month (or quarter) of the period: the persons (or courses, --count courses) in the programme when ' +
    'it begins, those who came in and went out during it, and those still in at its end, so that ' +
    'start + inflow − outflow = end; with a row for the whole period. A person who changes course or has two at ' +
    'once counts once.',
  examples: [
    'jobfx flow export.xlsx --period 2025',
    'jobfx flow export.xlsx --period 2025 --step quarter --count courses',
    'jobfx flow export.xlsx --period 2025H1 --format md',
  ],
  formats: TABLE_FORMATS,
  options: (cmd: Command) =>
    addTableOutputOptions(
      addGroupByOption(addPeriodOptions(cmd, 'the last complete year in the data'))
        .addOption(
          new Option('--step <step>', 'one row per month or per quarter')
            .choices(['month', 'quarter'])
            .default('month'),
        )
        .addOption(
          new Option('--count <what>', 'count distinct persons (borgere) or courses (forløb)')
            .choices([...FLOW_COUNTS])
            .default('persons'),
        ),
    ),
  build: buildFlow,
  report: {},
};

/** The flow table of loaded data (no I/O). */
export async function buildFlow(data: Loaded, flags: FlowFlags, o: BuildOptions): Promise<Built> {
  const say = messages();
  const store = data.store;
  const newest = store.newestDay();
  const given = flags.period !== undefined || flags.from !== undefined || flags.to !== undefined;
  if (!given && newest === null)
    throw usageError(`${o.source}: no dates to choose a period from; give --period`);
  const period = given ? resolvePeriod(flags, newest) : lastCompleteYear(newest!);
  const step = flags.step;
  const first = slotOf(period.from, step);
  const last = slotOf(period.to, step);
  const steps = columnsBetween(first, last, step);
  if (steps[0]!.from !== period.from || steps.at(-1)!.to !== period.to)
    throw usageError(
      `${flags.period ? `--period ${flags.period}` : `--from ${flags.from} --to ${flags.to}`}: not whole ${step}s; give a period that starts on the first day of a ${step} and ends on the last day of one (2025, 2025H1${step === 'month' ? ', 2025-03' : ', 2025Q2'})`,
    );
  if (!given) say.note(`no --period given; using ${period.label}, the last complete year in the data`);
  const cover = periodNotes(period, store, flags.lang);
  cover.warnings.forEach(say.warn);
  const options = {
    lang: flags.lang,
    step,
    steps,
    period,
    source: sourceText(o.source, data.ledger.accepted, flags.lang),
  };
  // Courses are in one group each, so with --count courses the groups add up to the total.
  const tables = tablesByGroup(
    data,
    flags.by,
    flags.lang,
    (d) => [flowTable(flow(d.store, steps, flags.count), options)],
    flags.count === 'courses',
  );
  return {
    title: inLang(flags.lang, { da: 'Borgerflow', en: 'Flow' }),
    tables: withNotes(tables, cover.notes),
    charts: [],
    messages: say.list,
  };
}
