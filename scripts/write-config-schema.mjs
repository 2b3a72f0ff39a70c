// Writes the JSON Schemas of jobfx.config.json, jobfx.report.json and of the json output from
// their zod schemas
// (run after a build: npm run schema).
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../dist/schema/config-schema.js';
import { reportJsonSchema } from '../dist/report/config.js';
import { outputJsonSchema } from '../dist/render/json-schema.js';

for (const [name, schema] of [
  ['jobfx.config', configJsonSchema()],
  ['jobfx.report', reportJsonSchema()],
  ['jobfx.output', outputJsonSchema()],
]) {
  writeFileSync(
    new URL(`../schema/${name}.schema.json`, import.meta.url),
    JSON.stringify(
      { title: name === 'jobfx.output' ? 'jobfx --format json' : `${name}.json`, ...schema },
      null,
      2,
    ) + '\n',
  );
  console.log(`wrote schema/${name}.schema.json`);
}
