/**
 * The BIP indicators (beskæftigelsesindikatorer) as data: the 11 of the BIP project with their
 * Danish and English names and the spellings providers use, each with its scale (1–5 unless the
 * file's Skala column or the config says otherwise). A config can add indicators, rename one
 * (a new name with the old one as an alias) or give one another scale: docs/definitions.md#progression.
 */
import { configError } from '../../errors.js';
import { matchKey } from '../normalize-text.js';

export interface Scale {
  min: number;
  max: number;
}

export interface Indicator {
  /** Stable key (English, short), used in json and tests. */
  key: string;
  da: string;
  en: string;
  aliases: readonly string[];
  /** The scale when the file has no Skala for a score; undefined: 1–5, or refused when scores exceed 5. */
  scale?: Scale;
}

export const DEFAULT_SCALE: Scale = { min: 1, max: 5 };

/** The 11 indicators of the contract annex (reference/progression-and-exit-categories.da.txt), in its order. */
export const BIP_INDICATORS: readonly Indicator[] = [
  {
    key: 'labourMarket',
    da: 'Kendskab til arbejdsmarkedet',
    en: 'Knowledge of the labour market',
    aliases: ['Kendskab til arbejdsmarked', 'Arbejdsmarkedskendskab'],
  },
  {
    key: 'jobSearch',
    da: 'Jobsøgningsadfærd og -kompetence',
    en: 'Job search behaviour and skills',
    aliases: ['Jobsøgningsadfærd- og kompetence', 'Jobsøgningsadfærd og kompetence', 'Jobsøgning'],
  },
  {
    key: 'concentration',
    da: 'Koncentrationsevne og instruktionsforståelse',
    en: 'Concentration and understanding instructions',
    aliases: ['Koncentrationsevne', 'Instruktionsforståelse'],
  },
  {
    key: 'goalOrientation',
    da: 'Målrettethed i forhold til arbejde',
    en: 'Goal orientation towards work',
    aliases: ['Målrettethed ift. arbejde', 'Målrettethed'],
  },
  {
    key: 'contact',
    da: 'Evne til kontaktskabelse',
    en: 'Ability to make contact',
    aliases: ['Kontaktskabelse'],
  },
  { key: 'cooperation', da: 'Samarbejdsevner', en: 'Cooperation skills', aliases: ['Samarbejdsevne'] },
  {
    key: 'selfEfficacy',
    da: 'Borgers mestringsforventning ift. job',
    en: "Citizen's job self-efficacy",
    aliases: ['Borgers mestringsforventning i forhold til job', 'Mestringsforventning'],
  },
  {
    key: 'caseworkerExpectation',
    da: 'Beskæftigelsesmedarbejders forventning til at borger kommer i job',
    en: "Caseworker's expectation that the citizen gets a job",
    aliases: ['Medarbejders forventning', 'Beskæftigelsesmedarbejders forventning'],
  },
  {
    key: 'network',
    da: 'Støtte fra netværk',
    en: 'Support from network',
    aliases: ['Netværksstøtte', 'Netværk'],
  },
  { key: 'everyday', da: 'Hverdagsmestring', en: 'Coping with everyday life', aliases: [] },
  {
    key: 'health',
    da: 'Helbredsorientering og -mestring',
    en: 'Health orientation and coping',
    aliases: ['Helbredsorientering og mestring', 'Helbredsorientering', 'Helbredsmestring'],
  },
];

/** An indicator as the config gives it (config-schema.ts): new, or a built-in renamed or rescaled. */
export interface IndicatorConfig {
  name: string;
  /** A built-in indicator's name or alias: this entry renames it (the old names stay aliases). */
  replaces?: string;
  aliases?: string[];
  en?: string;
  scale?: string;
}

export interface IndicatorSet {
  list: readonly Indicator[];
  /** The indicator a header or an Indikator value names (case, spaces, æøå insensitive). */
  lookup(name: string): Indicator | undefined;
}

/** A scale as written: "1-5", "1–10", "0-10", "1 til 5"; a bare "10" means 1–10. */
export function parseScale(text: string): Scale | null {
  const t = text.trim();
  const m = /^(-?\d+)\s*(?:-|–|—|til|to)\s*(-?\d+)$/i.exec(t);
  if (m) {
    const min = Number(m[1]);
    const max = Number(m[2]);
    return max > min ? { min, max } : null;
  }
  return /^\d+$/.test(t) && Number(t) > 1 ? { min: 1, max: Number(t) } : null;
}

/** The built-in indicators with the config's additions, renames and scales. */
export function indicatorSet(config: readonly IndicatorConfig[] = []): IndicatorSet {
  const list: Indicator[] = BIP_INDICATORS.map((i) => ({ ...i }));
  const find = (name: string) =>
    list.find((i) => [i.da, i.en, i.key, ...i.aliases].some((n) => matchKey(n) === matchKey(name)));
  config.forEach((c, n) => {
    const where = `indicators.${n}`;
    const scale = c.scale === undefined ? undefined : parseScale(c.scale);
    if (scale === null)
      throw configError(`config ${where}.scale: "${c.scale}" is not a scale; write e.g. "1-5" or "1-10"`);
    const target = c.replaces !== undefined ? find(c.replaces) : find(c.name);
    if (c.replaces !== undefined && !target)
      throw configError(
        `config ${where}.replaces: "${c.replaces}" is not an indicator; known: ${list.map((i) => i.da).join('; ')}`,
      );
    if (target) {
      const old = target.da;
      target.aliases = [...(c.aliases ?? []), ...target.aliases, ...(old === c.name ? [] : [old])];
      target.da = c.name;
      if (c.en) target.en = c.en;
      if (scale) target.scale = scale;
    } else
      list.push({
        key: c.name,
        da: c.name,
        en: c.en ?? c.name,
        aliases: c.aliases ?? [],
        ...(scale ? { scale } : {}),
      });
  });
  const keys = new Map<string, Indicator>();
  for (const i of list)
    for (const n of [i.da, i.en, i.key, ...i.aliases]) if (!keys.has(matchKey(n))) keys.set(matchKey(n), i);
  return { list, lookup: (name) => keys.get(matchKey(name)) };
}
