/**
 * The commander program, made from the command specs (commands/registry.ts): each spec's help
 * text, shared options and its own, and one pipeline to run it. `run` and `init` are the two
 * commands that do not read one export (standalone.ts).
 */
import { Command } from 'commander';
import { commandOf } from '../commands/commander.js';
import { COMMANDS } from '../commands/registry.js';
import type { RunContext } from './context.js';
import { inputName } from '../io/read.js';
import { runCommand } from './pipeline.js';
import { defineStandalone } from './standalone.js';

export function buildProgram(ctx: RunContext, version: string, setExit: (code: number) => void): Command {
  const program = new Command('jobfx')
    .description(
      'Key figures, exit reasons, repeat users and trial comparisons from job-centre course exports',
    )
    .version(version)
    .option('--verbose', 'show the stack trace of an error')
    .showHelpAfterError('(run jobfx --help for usage)');
  for (const spec of COMMANDS)
    commandOf(program, spec).action(async (file: string, flags: object) =>
      setExit(await runCommand(spec, ctx, inputName(file), flags as Parameters<typeof runCommand>[3])),
    );
  defineStandalone(program, ctx, version, setExit);
  return program;
}
