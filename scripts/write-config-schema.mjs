// Writes schema/jobfx.config.schema.json from the zod schema of the config (run after a build).
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../dist/schema/config.js';

const schema = { title: 'jobfx.config.json', ...configJsonSchema() };
writeFileSync(
  new URL('../schema/jobfx.config.schema.json', import.meta.url),
  JSON.stringify(schema, null, 2) + '\n',
);
console.log('wrote schema/jobfx.config.schema.json');
