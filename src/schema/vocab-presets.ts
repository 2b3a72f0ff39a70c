/**
 * Built-in vocabulary presets (`--vocab NAME`, or `"vocabularies": {"preset": NAME}` in the config)
 * and exit-reason rules. `bip-kontrakt`: the 16 exit categories of the contract's progression
 * annex (reference/progression-and-exit-categories.da.txt) under their own names, grouped for the
 * contract, with the annex's "used only in ..." sentences as rules. A rule is checked, never
 * enforced: a course that breaks one is counted as written, and `inspect` and the exit tables say
 * how many and which rows (docs/definitions.md#exit-reason-rules).
 */
import type { ExitGroup, VocabEntry, Vocabularies } from './vocab.js';

/** "Reason R is used only when field F matches one of V" (matched case- and æøå-insensitively, as a part). */
export interface ExitRule {
  reason: string;
  field: 'targetGroup' | 'programme' | 'resultGoal';
  matches: string[];
}

export interface VocabPreset {
  exitReason: VocabEntry[];
  exitGroups: ExitGroup[];
  rules: ExitRule[];
}

const e = (value: string, group: string, aliases: string[], en: string): VocabEntry => ({
  value,
  group,
  aliases,
  en,
});

const BIP_GROUPS: ExitGroup[] = [
  { key: 'job', da: 'Job', en: 'Job' },
  { key: 'education', da: 'Uddannelse', en: 'Education' },
  { key: 'jobActivity', da: 'Praktik, løntilskud og vikartimer', en: 'Placement, wage subsidy, temp hours' },
  { key: 'ready', da: 'Parat / tættere på arbejdsmarkedet', en: 'Ready / closer to the labour market' },
  { key: 'otherSupport', da: 'Anden støtte', en: 'Other support' },
  { key: 'fit', da: 'Raskmeldt', en: 'Declared fit' },
  { key: 'retained', da: 'Fastholdt', en: 'Retained' },
  {
    key: 'dropout',
    da: 'Afbrudt / ikke gennemført / ikke fastholdt',
    en: 'Dropped out / not completed / not retained',
  },
  { key: 'unknown', da: 'Uoplyst', en: 'Unknown' },
];

/** The annex's 16 categories in its order (part-time work is Ordinært job, as the annex says), then Uoplyst. */
const BIP_REASONS: VocabEntry[] = [
  e(
    'Ordinært job',
    'job',
    [
      'Ordinært arbejde',
      'Ordinært arbejde/ selvstændig',
      'Job',
      'Afsluttet til job',
      'Deltidsjob',
      'Deltidsarbejde',
      'Småjob',
      'Småjobs',
      'Lønnede timer',
      'Selvstændig',
    ],
    'Ordinary job',
  ),
  e(
    'Uddannelse',
    'education',
    ['Påbegyndt uddannelse', 'Revalidering', 'Læreplads', 'FGU', 'STU', 'AMU'],
    'Education',
  ),
  e('Fleksjob', 'job', [], 'Flex job'),
  e('Virksomhedspraktik', 'jobActivity', ['Praktik'], 'Work placement'),
  e('Løntilskud', 'jobActivity', ['Job med løntilskud'], 'Wage subsidy'),
  e('Vikartimer', 'jobActivity', [], 'Temp hours'),
  e('Uddannelsesparat', 'ready', [], 'Ready for education'),
  e('Arbejdsmarkedsparat', 'ready', [], 'Ready for the labour market'),
  e('Anden støtte', 'otherSupport', [], 'Other support'),
  e('Øget mestringskompetence', 'ready', ['Øget mestring'], 'Increased coping skills'),
  e(
    'Dokumentation af arbejds- eller funktionsevne gennemført',
    'ready',
    ['Dokumentation af arbejds- eller funktionsevne ennemført', 'Dokumentation gennemført'],
    'Work or functional capacity documented',
  ),
  e('Forløb ikke gennemført', 'dropout', ['Forløbikke gennemført', 'Ikke gennemført'], 'Not completed'),
  e('Afbrudt', 'dropout', ['Afbrudt forløb'], 'Interrupted'),
  e('Raskmeldt', 'fit', [], 'Declared fit'),
  e('Fastholdt', 'retained', [], 'Retained'),
  e('Ikke fastholdt', 'dropout', [], 'Not retained'),
  e('Uoplyst', 'unknown', ['Ukendt', 'Ikke oplyst'], 'Unknown'),
];

export const VOCAB_PRESETS: Record<string, VocabPreset> = {
  'bip-kontrakt': {
    exitReason: BIP_REASONS,
    exitGroups: BIP_GROUPS,
    rules: [
      { reason: 'Raskmeldt', field: 'targetGroup', matches: ['sygedagpenge'] },
      { reason: 'Fastholdt', field: 'programme', matches: ['mentor', 'efterværn'] },
      { reason: 'Ikke fastholdt', field: 'programme', matches: ['mentor', 'efterværn'] },
      {
        reason: 'Dokumentation af arbejds- eller funktionsevne gennemført',
        field: 'resultGoal',
        matches: ['arbejdsevne', 'funktionsevne'],
      },
    ],
  },
};

export const PRESET_NAMES = Object.keys(VOCAB_PRESETS);

/** The vocabularies with a preset's exit reasons and groups in place of the built-in ones. */
export function withPreset(v: Vocabularies, preset: VocabPreset | undefined): Vocabularies {
  return preset ? { ...v, exitReason: preset.exitReason, exitGroups: preset.exitGroups } : v;
}
