/** What the contract's tables need from loaded data, and their problems as stderr warnings. */
import type { Day } from '../base/dates.js';
import type { Period } from '../base/period.js';
import type { ContractFigures, ContractOptions } from '../analyses/contract.js';
import type { Loaded } from '../schema/load.js';
import { matchKey } from '../schema/normalize-text.js';

export function contractOptions(data: Loaded, period: Period, asOf: Day): ContractOptions {
  const by = data.config.config.goalReachedBy;
  const goalMap =
    by === undefined
      ? undefined
      : new Map(
          Object.entries(by).map(([goal, reasons]) => [matchKey(goal), new Set(reasons.map(matchKey))]),
        );
  return { period, asOf, has: (f) => data.mapping.fields[f] !== undefined, ...(goalMap ? { goalMap } : {}) };
}

/** One warning per value the contract's tables could not use (the first 10, then a count). */
export function contractWarnings(data: Loaded, file: string, k: ContractFigures): string[] {
  const header = (f: string) => {
    const i = data.mapping.fields[f as keyof Loaded['mapping']['fields']];
    return i === undefined ? f : (data.headers[i] ?? f);
  };
  const shown = k.problems
    .slice(0, 10)
    .map((p) => `${file}, ${p.ref}, column "${header(p.field)}": "${p.value}" ${p.message.en}`);
  const more = k.problems.length - shown.length;
  return more > 0 ? [...shown, `${more} more such value(s) in the contract's tables`] : shown;
}
