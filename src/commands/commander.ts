/**
 * A spec as a commander command: its help, the shared read and output options, its own options.
 * The CLI adds it to the program; `jobfx run` parses a report step's options with it, so a step
 * takes the same names, defaults and checks as the command line.
 */
import type { Command } from 'commander';
import { addOutputOptions, addReadOptions } from './options.js';
import type { AnySpec } from './spec.js';

export function commandOf(parent: Command, spec: AnySpec): Command {
  let cmd = parent
    .command(spec.name)
    .summary(spec.summary)
    .description(spec.description)
    .argument('<file>', `${spec.input?.what ?? 'the export: .csv or .xlsx'}; - reads it from standard input`)
    .addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`);
  if (spec.tables)
    cmd.addHelpText(
      'after',
      `\nTables (--table NAME[,NAME]):\n${spec.tables.map((t) => `  ${t}`).join('\n')}\n`,
    );
  cmd = addOutputOptions(addReadOptions(cmd), spec.formats);
  return spec.options ? spec.options(cmd) : cmd;
}
