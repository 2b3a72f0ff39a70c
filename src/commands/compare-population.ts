/** compare --population: the survey's respondents against the population file (docs/definitions.md#compare). */
import { armOf, responseOf, type CompareOptions, type ResponseResult } from '../analyses/compare/index.js';
import { usageError } from '../errors.js';
import type { Loaded } from '../schema/load.js';
import { matchKey } from '../schema/normalize-text.js';
import type { BuildOptions } from './spec.js';

/** --population: the survey's respondents matched by id to the population file's persons. */
export function response(data: Loaded, options: CompareOptions, o: BuildOptions): ResponseResult {
  const pop = o.companion;
  if (!pop) throw new Error('--population: the population file was not read');
  // A survey read without an id column gets row numbers as ids (a column with no header): those
  // match nobody, so only an id column of the file itself counts.
  const hasId = (m: Loaded['mapping']) =>
    m.columns.some((c) => c.field === 'personId' && c.header.trim() !== '');
  if (!hasId(data.mapping))
    throw usageError(
      `--population ${pop.file}: ${o.source} has no id column (Borger-id, CPR-nr. ...), so its respondents cannot be matched to the persons of ${pop.file}; add the id column to the survey export`,
    );
  if (!hasId(pop.data.mapping))
    throw usageError(
      `--population ${pop.file}: no id column (Borger-id, CPR-nr. ...); the population file needs one row per randomised person with the id used in the survey`,
    );
  if (pop.data.store.persons.count < pop.data.store.length)
    throw usageError(
      `--population ${pop.file}: ${pop.data.store.length - pop.data.store.persons.count} ids occur more than once; the population file has one row per randomised person`,
    );
  const headerOf = (m: Loaded['mapping'], f: string) => m.columns.find((c) => c.field === f)?.header;
  const groupHeader =
    options.group.source.kind === 'column' ? options.group.source.name : headerOf(pop.data.mapping, 'group');
  if (groupHeader === undefined || !pop.data.headers.some((h) => matchKey(h) === matchKey(groupHeader)))
    throw usageError(
      `--population ${pop.file}: no group column${groupHeader ? ` "${groupHeader}"` : ''}; it needs the same group column as the survey`,
    );
  const notBaseline = [headerOf(pop.data.mapping, 'personId')!, groupHeader];
  const groupRule =
    options.group.source.kind === 'column'
      ? options.group
      : { ...options.group, source: { kind: 'field' as const, header: groupHeader } };
  return responseOf(
    {
      survey: data.store,
      surveyArm: (i) => {
        const a = armOf(data.store, i, options.group, options.vocab);
        return a === 'treatment' || a === 'control' ? a : null;
      },
      population: pop.data.store,
      populationHeaders: pop.data.headers,
      notBaseline,
      group: groupRule,
    },
    options,
  );
}
