/**
 * The registry of commands. Adding a command: one file under commands/ exporting a CommandSpec,
 * one line in COMMANDS. Help text is built from the spec (summary, description, examples).
 */
import { Command } from 'commander';
import { addOutputOptions, addReadOptions } from './options.js';
import type { RunContext } from './context.js';
import { defineStandalone } from './standalone.js';
import { inspectCommand } from './commands/inspect.js';
import { keyfiguresCommand } from './commands/keyfigures.js';
import { yoyCommand } from './commands/yoy.js';
import { exitsCommand } from './commands/exits.js';
import { repeatsCommand } from './commands/repeats.js';
import { compareCommand } from './commands/compare.js';

export interface CommandSpec<F> {
  name: string;
  summary: string;
  description: string;
  examples: string[];
  /** Output formats the command supports. */
  formats: string[];
  /** Command-specific options, beyond the shared read and output options. */
  options?: (cmd: Command) => Command;
  /** Runs the command; returns the exit code (0, or 1 for data problems under --strict). */
  run: (ctx: RunContext, file: string, flags: F) => Promise<number>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each spec types its own flags
export const COMMANDS: CommandSpec<any>[] = [
  inspectCommand,
  keyfiguresCommand,
  exitsCommand,
  repeatsCommand,
  yoyCommand,
  compareCommand,
];

export function buildProgram(ctx: RunContext, version: string, setExit: (code: number) => void): Command {
  const program = new Command('jobfx')
    .description(
      'Key figures, exit reasons, repeat users and trial comparisons from job-centre course exports',
    )
    .version(version)
    .option('--verbose', 'show the stack trace of an error')
    .showHelpAfterError('(run jobfx --help for usage)');
  for (const spec of COMMANDS) {
    let cmd = program
      .command(spec.name)
      .summary(spec.summary)
      .description(spec.description)
      .argument('<file>', 'the export: .csv or .xlsx')
      .addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`);
    cmd = addReadOptions(cmd);
    cmd = addOutputOptions(cmd, spec.formats);
    if (spec.options) cmd = spec.options(cmd);
    cmd.action(async (file: string, flags: object) => setExit(await spec.run(ctx, file, flags)));
  }
  defineStandalone(program, ctx, version, setExit);
  return program;
}
