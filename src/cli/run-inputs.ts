/**
 * The inputs of `jobfx run` steps that read a file of their own (progression's measurement file,
 * named by the step's "input"): loaded with the command's own loader, joined to the report's
 * export as its --courses, and accounted for like the export (stderr line, manifest, rejects).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { AnySpec, InputData } from '../commands/spec.js';
import { configError } from '../errors.js';
import type { LoadedReport } from '../report/config.js';
import type { Loaded } from '../schema/load.js';
import { accountingLine, noRowsError, rejectsCsv } from './accounting.js';
import { readNotes } from './pipeline.js';

export interface InputSummary {
  file: string;
  sha256: string;
  read: number;
  accepted: number;
  rejected: number;
  skipped: number;
}

export interface StepInput {
  data: InputData;
  summary: InputSummary;
  /** The rejected rows as CSV (null: none), for OUT.<name>.rejects.csv beside the pack. */
  rejects: string | null;
  /** The name part of that file: the input's base name without its extension. */
  name: string;
}

/** Loads a step's own input with the export already loaded as its courses, and reports its rows. */
export async function loadStepInput(
  spec: AnySpec,
  file: string,
  flags: object,
  loaded: Loaded,
  opts: { config?: string; cwd: string; note: (text: string) => void },
  say: (text: string) => void,
): Promise<StepInput> {
  const data = await spec.input!.load(
    file,
    { config: opts.config, cwd: opts.cwd, note: opts.note, loaded },
    flags,
  );
  say(accountingLine(file, data.ledger) + '\n');
  if (data.ledger.accepted === 0)
    throw noRowsError(file, data.ledger, `run jobfx ${spec.name} ${file} --rejects FILE`);
  for (const n of readNotes(data)) say(`jobfx: note: ${file}: ${n}\n`);
  const { ledger } = data;
  return {
    data,
    summary: {
      file,
      sha256: createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
      read: ledger.read,
      accepted: ledger.accepted,
      rejected: ledger.rejected.length,
      skipped: ledger.skipped.length,
    },
    // The step's flags carry the report's language (run-report.ts adds --lang to every step).
    rejects:
      ledger.rejected.length > 0
        ? rejectsCsv(ledger, data.mapping, { lang: (flags as { lang: 'da' | 'en' }).lang })
        : null,
    name: basename(file, extname(file)),
  };
}

/** A step's own input: required (and must exist) for a command that reads one, refused for the rest. */
export function ownInput(
  loaded: LoadedReport,
  spec: AnySpec,
  step: { options: Record<string, unknown>; input?: string },
  where: string,
): string | undefined {
  if (!spec.input) {
    if (step.input !== undefined)
      throw configError(
        `${where}: "input" is only for a step with a file of its own; this step reads the export`,
      );
    return undefined;
  }
  if (step.input === undefined)
    throw configError(`${where}: give the step's "input": ${spec.input.what}, relative to the report file`);
  if ('courses' in step.options)
    throw configError(
      `${where}: "courses" is the report's "input" (the export); leave it out of the options`,
    );
  const file = loaded.path(step.input);
  if (!existsSync(file))
    throw configError(
      `${where}: "input": ${file} does not exist; give ${spec.input.what}, relative to the report file`,
    );
  return file;
}
