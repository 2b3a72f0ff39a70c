/**
 * Commands that do not read one export: run (a report file) and init (a report for an export). Their modules
 * (zod, exceljs) are imported when they run, not for every command.
 */
import type { Command } from 'commander';
import type { RunFlags } from './run-report.js';
import type { RunContext } from './context.js';

export function defineStandalone(
  program: Command,
  ctx: RunContext,
  version: string,
  setExit: (code: number) => void,
): void {
  program
    .command('run')
    .summary('write a complete memo pack from a report file (scripted monthly runs)')
    .description(
      'Reads the report file (jobfx.report.json), loads the export once, builds every table listed with its ' +
        "command's options, and writes into the output folder: tabeller.xlsx (a sheet per table), notat.html " +
        '(all tables with their notes and charts), notat.md, manifest.json (version, input SHA-256 and row ' +
        'accounting, options, run time). Rejected rows go beside the folder (OUT.rejects.csv), never into it. ' +
        'The folder is replaced atomically: a failed run leaves the last good pack in place.',
    )
    .argument('<report>', 'the report file (jobfx.report.json)')
    .option('--out <dir>', 'output folder (default: the report\'s "out")')
    .option('--dry-run', 'check the report and the export, build every table, write nothing')
    .option(
      '--max-rejected <n|p%>',
      'exit 1 (keeping the last pack) when more rows are rejected: a count or a share, e.g. 2%',
    )
    .option('--run-date <date>', 'the day of the run, for periods relative to it (default: today)')
    .option('--quiet', 'print only errors')
    .option('--json', 'print a machine-readable summary on stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  $ jobfx init && jobfx run jobfx.report.json\n  $ jobfx run noegletal.report.json --out //fileserver/memo/2025H2 --quiet\n',
    )
    .action(async (report: string, flags: RunFlags) =>
      setExit(await (await import('./run-report.js')).runReport(ctx, report, flags, version)),
    );

  program
    .command('init')
    .argument('[export]', 'the export to report on (default: the demo export)')
    .summary('write a report file (jobfx.report.json) for an export, or for the demo export')
    .option('--force', 'replace an existing jobfx.report.json')
    .addHelpText(
      'after',
      '\nWith an export, the steps its columns can feed: keyfigures by unit only with a unit column,\ncompare only with a trial-group column.\n\nExamples:\n  $ jobfx init && jobfx run jobfx.report.json\n  $ jobfx init udtraek/straksaktivering.xlsx\n',
    )
    .action(async (exportFile: string | undefined, flags: { force?: boolean }) =>
      setExit(await (await import('./init-report.js')).initReport(ctx, Boolean(flags.force), exportFile)),
    );
}
