// Writes the JSON Schemas of jobfx.config.json and jobfx.report.json from their zod schemas
// (run after a build: npm run schema).
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../dist/schema/config-schema.js';
import { reportJsonSchema } from '../dist/report/config.js';

for (const [name, schema] of [
  ['jobfx.config', configJsonSchema()],
  ['jobfx.report', reportJsonSchema()],
]) {
  writeFileSync(
    new URL(`../schema/${name}.schema.json`, import.meta.url),
    JSON.stringify({ title: `${name}.json`, ...schema }, null, 2) + '\n',
  );
  console.log(`wrote schema/${name}.schema.json`);
}
