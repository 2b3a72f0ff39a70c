/** Reading a JSON settings file (config, report) and validating it with its zod schema. */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { configError } from '../errors.js';

/**
 * The file's content as the schema's output type. Every failure is a config error naming the file
 * and, for schema errors, the path of each problem ("tables.2.command: Invalid option").
 */
export async function readJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  what: string,
  hint: string,
): Promise<z.infer<S>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw configError(`${file}: ${what} file not found or unreadable; ${hint}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw configError(`${file}: is not valid JSON (${(e as Error).message}); fix the file`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(top level)'}: ${i.message}`)
      .join('; ');
    throw configError(`${file}: invalid ${what}: ${issues}`);
  }
  return parsed.data;
}
