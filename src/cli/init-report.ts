/** jobfx init: an example report for the demo export, so that `jobfx init && jobfx run jobfx.report.json` works at once. */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { usageError } from '../errors.js';
import { writeAtomic } from '../io/write.js';
import { packageRoot } from '../package-root.js';
import type { Report } from '../report/config.js';
import type { RunContext } from './context.js';

export const REPORT_FILE = 'jobfx.report.json';

export async function initReport(ctx: RunContext, force: boolean): Promise<number> {
  const file = join(ctx.cwd, REPORT_FILE);
  if (existsSync(file) && !force) throw usageError(`${file} exists already; add --force to replace it`);
  const rel = (p: string) => relative(ctx.cwd, join(packageRoot(), p)).split('\\').join('/');
  const report: Report & { $schema: string } = {
    $schema: rel('schema/jobfx.report.schema.json'),
    title: 'Nøgletal for straksaktivering',
    input: rel('fixtures/demo/demo-export.xlsx'),
    period: 'last-complete-half-year',
    periodRelativeTo: 'data',
    lang: 'da',
    suppress: 5,
    out: 'noegletal',
    maxRejected: '2%',
    tables: [
      { command: 'keyfigures', options: { by: 'unit' } },
      { command: 'exits', options: { grouped: true } },
      { command: 'repeats', options: {} },
      { command: 'yoy', options: { rows: 'exitGroup', measure: 'share', chart: true } },
      { command: 'compare', options: { outcome: ['exitGroup=job'], within: '12m', weekly: 26, chart: true } },
    ],
  };
  await writeAtomic(file, JSON.stringify(report, null, 2) + '\n');
  ctx.stderr(`jobfx: wrote ${file}; run it with: jobfx run ${REPORT_FILE}\n`);
  return 0;
}
