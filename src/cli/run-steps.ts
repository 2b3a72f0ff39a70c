/**
 * The steps of a `jobfx run` report: each table entry of the report file parsed with its
 * command's own commander definition, so a step takes the same options, defaults and checks as
 * the command line, and fails before the export is read.
 */
import { Command, CommanderError } from 'commander';
import { isoOf } from '../base/dates.js';
import type { Period } from '../base/period.js';
import { commandOf } from '../commands/commander.js';
import { REPORT_STEPS } from '../commands/registry.js';
import type { AnySpec, CommandFlags } from '../commands/spec.js';
import { configError } from '../errors.js';
import type { LoadedReport, ReportCommand } from '../report/config.js';
import type { LoadOptions } from '../schema/load.js';
import { ownInput } from './run-inputs.js';
import { withKept } from './pipeline.js';

/** Options the pack decides, or that write files of their own: not allowed in a report's table. */
const PACK_OPTIONS = new Set(['format', 'out', 'rejects', 'list', 'lang', 'suppress', 'excel-csv', 'strict']);

export interface Step {
  command: ReportCommand;
  spec: AnySpec;
  /** What the step needs loaded (compare: columns it names by header, survey rows). */
  load: Pick<LoadOptions, 'keepColumns' | 'respondents'>;
  options: Record<string, unknown>;
  chart: boolean;
  /** The step's own input (progression's measurement file), resolved; the export is its --courses. */
  input?: string;
  /** The command's flags for this step, with the report's period unless the step sets its own. */
  parse: (period: Period) => object;
}

export function stepOf(
  loaded: LoadedReport,
  step: { command: ReportCommand; options: Record<string, unknown>; input?: string },
  i: number,
): Step {
  const { command, options } = step;
  const where = `${loaded.file}: tables[${i}] (${command})`;
  const spec = REPORT_STEPS.find((s) => s.name === command);
  if (!spec) throw configError(`${where}: ${command} cannot be part of a report yet`);
  const input = ownInput(loaded, spec, step, where);
  const { chart, ...rest } = options;
  const charting = REPORT_STEPS.filter((s) => s.report?.chart).map((s) => s.name);
  if (chart !== undefined && (!spec.report?.chart || typeof chart !== 'boolean'))
    throw configError(`${where}: "chart" is true or false, and only for ${charting.join(' and ')}`);
  // The report's export is the step's course export.
  const args: string[] = input === undefined ? [] : ['--courses', loaded.path(loaded.report.input)];
  for (const [key, value] of Object.entries(rest)) {
    const flag = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    if (PACK_OPTIONS.has(flag))
      throw configError(`${where}: "${key}" is set for the whole pack, not per table`);
    if (value === true) args.push(`--${flag}`);
    else if (value === false) continue;
    else for (const v of Array.isArray(value) ? value : [value]) args.push(`--${flag}`, String(v));
  }
  const lang = loaded.report.lang;
  const parse = (extra: string[]) => parseWith(spec, [...args, ...extra, '--lang', lang], where);
  const early = parse([]); // fail early on an unknown option or a bad value
  if (input !== undefined && 'where' in early)
    throw configError(`${where}: "where" filters the export's courses, not ${input}`);
  spec.check?.(early);
  // A step with a period of its own (yoy's --years; compare compares whole groups) takes none.
  const hasPeriod = ['period', 'from', 'to'].some((k) => k in rest) || spec.report?.ownPeriod === true;
  return {
    command,
    spec,
    load: withKept({}, spec.load?.(early), early as CommandFlags),
    options: rest,
    chart: chart === true,
    ...(input === undefined ? {} : { input }),
    // A named period goes on as such, so titles read "2. halvår 2025"; explicit dates as dates.
    parse: (period) =>
      parse(
        hasPeriod
          ? []
          : /^\d{4}(H[12]|Q[1-4]|-\d{2})?$/.test(period.label)
            ? ['--period', period.label]
            : ['--from', isoOf(period.from), '--to', isoOf(period.to)],
      ),
  };
}

/** Parses options with the command's own commander definition: the same names, defaults and checks as on the command line. */
function parseWith(spec: AnySpec, args: string[], where: string): object {
  let flags: object = {};
  const cmd = commandOf(new Command('jobfx'), spec).exitOverride();
  cmd.configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  cmd.action((_file: string, opts: object) => {
    flags = opts;
  });
  try {
    cmd.parse(['(input)', ...args], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) throw configError(`${where}: ${e.message.replace(/^error: /, '')}`);
    throw configError(`${where}: ${(e as Error).message}`);
  }
  return flags;
}
