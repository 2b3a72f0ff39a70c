/**
 * jobfx init [EXPORT]: a report file to start from. Without an export, for the demo export, so
 * that `jobfx init && jobfx run jobfx.report.json` works at once; with one, for that export, with
 * only the steps its columns can feed (by unit when it has a unit column, compare when it has a
 * trial-group column), so that the first run of an analyst's own export does not fail.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { usageError } from '../errors.js';
import { writeAtomic } from '../io/write.js';
import { packageRoot } from '../package-root.js';
import type { Report } from '../report/config.js';
import { loadCourses } from '../schema/load.js';
import type { RunContext } from './context.js';

export const REPORT_FILE = 'jobfx.report.json';

/** What an export's columns allow: the fields the steps below need. */
interface Has {
  unit: boolean;
  group: boolean;
}

function stepsFor(has: Has): Report['tables'] {
  return [
    { command: 'keyfigures', options: has.unit ? { by: 'unit' } : {} },
    { command: 'exits', options: { grouped: true } },
    { command: 'repeats', options: {} },
    { command: 'yoy', options: { rows: 'exitGroup', measure: 'share', chart: true } },
    ...(has.group
      ? [
          {
            command: 'compare',
            options: { outcome: ['exitGroup=job'], within: '12m', weekly: 26, chart: true },
          },
        ]
      : []),
  ];
}

export async function initReport(ctx: RunContext, force: boolean, exportFile?: string): Promise<number> {
  const file = join(ctx.cwd, REPORT_FILE);
  if (existsSync(file) && !force) throw usageError(`${file} exists already; add --force to replace it`);
  const rel = (p: string) => relative(ctx.cwd, p).split('\\').join('/') || '.';
  const input =
    exportFile === undefined
      ? join(packageRoot(), 'fixtures/demo/demo-export.xlsx')
      : resolve(ctx.cwd, exportFile);
  if (!existsSync(input))
    throw usageError(`${exportFile}: no such file; give the path of the export to report on`);
  // Read the export as run will (the config in this folder included), to see which steps it can feed.
  const has: Has =
    exportFile === undefined
      ? { unit: true, group: true }
      : await loadCourses(input, { cwd: ctx.cwd }).then((d) => ({
          unit: d.mapping.fields.unit !== undefined,
          group: d.mapping.fields.group !== undefined,
        }));
  const report: Report & { $schema: string } = {
    $schema: rel(join(packageRoot(), 'schema/jobfx.report.schema.json')),
    title: exportFile === undefined ? 'Nøgletal for straksaktivering' : 'Nøgletal',
    input: rel(input),
    period: 'last-complete-half-year',
    periodRelativeTo: 'data',
    lang: 'da',
    suppress: 5,
    out: 'noegletal',
    maxRejected: '2%',
    tables: stepsFor(has),
  };
  await writeAtomic(file, JSON.stringify(report, null, 2) + '\n');
  const left = [
    !has.unit && 'keyfigures by unit (no unit column)',
    !has.group && 'compare (no trial-group column)',
  ].filter(Boolean);
  ctx.stderr(
    `jobfx: wrote ${file}${left.length > 0 ? `; left out: ${left.join(', ')}` : ''}; run it with: jobfx run ${REPORT_FILE}\n`,
  );
  return 0;
}
