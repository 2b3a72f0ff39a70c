/**
 * The field registry: every canonical field jobfx knows, stated once, as data (model/fields.ts
 * derives the lists and lookups the rest of jobfx reads). Mapping (header synonyms),
 * normalising (kind and vocabulary), the course store (a column per category field), inspect,
 * `--by`, yoy's `--rows`, compare's outcomes and balance, labels and the config schema all read
 * this list. Adding a category field (a provider, an industry) is one entry here plus its tests;
 * see README "Adding a field". Definitions: docs/definitions.md.
 */
import type { Bilingual } from '../base/i18n.js';

/** The follow-up horizons in months. */
export const FOLLOW_UP_HORIZONS = [1, 3, 6, 12] as const;
export type Horizon = (typeof FOLLOW_UP_HORIZONS)[number];

/**
 * How a field is read and kept:
 * - person: the person id (CPR number or citizen id), turned into a person number and a pseudonym;
 * - date: a calendar day (start, end);
 * - exit: the exit reason, with its exit group from the vocabulary;
 * - derived: computed from another field (the exit group), never a column of its own;
 * - category: a text value kept as an id into the field's value table (through its vocabulary, if any);
 * - gender: 'M' / 'K', from the CPR number or a gender column;
 * - followUp: the status N months after the end, kept as one set of four per course;
 * - day: an optional calendar day beyond start and end (planned end, visitation), kept as text
 *   like a category (a date cell as yyyy-mm-dd) and read as a day by the analysis that uses it,
 *   which names the rows whose value is not a date (analyses/contract-values.ts);
 * - number: an optional number (hours per week), kept and read the same way;
 * - freeText: a free text (the reason a course was broken off), kept for case review lists and
 *   never counted in a memo table (it may name a person's circumstances).
 * The last three are kept in the course store as category fields are (a column of value ids).
 */
export type FieldKind =
  'person' | 'date' | 'exit' | 'derived' | 'category' | 'gender' | 'followUp' | 'day' | 'number' | 'freeText';

/**
 * What a field can be used for on the command line:
 * - by: one column per value (`--by`);
 * - rows: the rows of a year-over-year table (`yoy --rows`);
 * - outcome: compare's `--outcome FIELD=VALUE`;
 * - balance: compare's balance table of baseline characteristics;
 * - distribution: inspect lists its values (with the unknown ones).
 */
export type FieldRole = 'by' | 'rows' | 'outcome' | 'balance' | 'distribution';

/** The vocabularies of the built-in and configured values (see schema/vocab.ts). */
export type VocabularyName = 'exitReason' | 'targetGroup' | 'education' | 'followUp' | 'group' | 'consent';

export interface FieldDef {
  readonly key: string;
  readonly kind: FieldKind;
  readonly label: Bilingual;
  /** Headers that name the field in exports, matched case-, space-, punctuation- and æøå-insensitively. */
  readonly synonyms: readonly string[];
  /** The vocabulary its values are read through, when it has one. */
  readonly vocabulary?: VocabularyName;
  readonly roles: readonly FieldRole[];
  /** A course cannot be read without it. */
  readonly required?: boolean;
}

/** Person-id headers that hold CPR numbers; the other person-id headers hold a citizen id. */
export const CPR_HEADERS = [
  'CPR',
  'CPR-nr.',
  'CPR nr',
  'CPR-nummer',
  'Cprnr',
  'Personnummer',
  'Person nr',
  'cpr_number',
  'SSN',
];
const ID_HEADERS = [
  'Borger-id',
  'Borger id',
  'BorgerID',
  'Borgernummer',
  'Borger nr',
  'Citizen id',
  'person_id',
  'Person-id',
  'ID',
  'Løbenummer',
  'Respondent',
  'Respondent-id',
];

const followUp = (h: Horizon) =>
  ({
    key: `followUp${h}`,
    kind: 'followUp',
    label:
      h === 1
        ? { da: 'Opfølgning 1 md.', en: 'Follow-up 1 month' }
        : { da: `Opfølgning ${h} mdr.`, en: `Follow-up ${h} months` },
    // Matched by a pattern ("Status 3 mdr.", "Opfølgning efter 6 måneder"): see followUpOfHeader.
    synonyms: [],
    vocabulary: 'followUp',
    roles: ['outcome', 'distribution'],
  }) as const;

/** The registry, in the order inspect lists fields and synonyms are tried. */
export const FIELDS = [
  {
    key: 'personId',
    kind: 'person',
    label: { da: 'Person', en: 'Person' },
    synonyms: [...CPR_HEADERS, ...ID_HEADERS],
    roles: [],
    required: true,
  },
  {
    key: 'start',
    kind: 'date',
    label: { da: 'Startdato', en: 'Start date' },
    synonyms: [
      'Startdato',
      'Start',
      'Forløbsstart',
      'Forløb start',
      'Start forløb',
      'Påbegyndt',
      'Påbegyndt dato',
      'Startdato forløb',
      'Fra dato',
      'Fra',
      'Tilbud start',
      'Indsats start',
      'start_date',
      'Start date',
      'Begin',
    ],
    roles: [],
    required: true,
  },
  {
    key: 'end',
    kind: 'date',
    label: { da: 'Slutdato', en: 'End date' },
    synonyms: [
      'Slutdato',
      'Slut',
      'Ophørsdato',
      'Ophør',
      'Afslutningsdato',
      'Afsluttet',
      'Afsluttet dato',
      'Forløbsslut',
      'Forløb slut',
      'Slut forløb',
      'Slutdato forløb',
      'Til dato',
      'Til',
      'Tilbud slut',
      'end_date',
      'End date',
      'Stop',
    ],
    roles: [],
  },
  {
    key: 'exitReason',
    kind: 'exit',
    label: { da: 'Afslutningsårsag', en: 'Exit reason' },
    synonyms: [
      'Afslutningsårsag',
      'Ophørsårsag',
      'Afgangsårsag',
      'Årsag',
      'Slutårsag',
      'Afsluttet til',
      'Afgang til',
      'exit_reason',
      'Exit reason',
      'Reason',
    ],
    vocabulary: 'exitReason',
    roles: ['rows', 'outcome', 'distribution'],
  },
  {
    key: 'exitGroup',
    kind: 'derived',
    label: { da: 'Afgangsgruppe', en: 'Exit group' },
    synonyms: [],
    roles: ['rows', 'outcome'],
  },
  {
    key: 'targetGroup',
    kind: 'category',
    label: { da: 'Målgruppe', en: 'Target group' },
    synonyms: [
      'Målgruppe',
      'Visitationskategori',
      'Ydelsesgruppe',
      'Ydelse',
      'Målgruppekategori',
      'target_group',
      'Target group',
    ],
    vocabulary: 'targetGroup',
    roles: ['by', 'rows', 'outcome', 'balance', 'distribution'],
  },
  {
    key: 'education',
    kind: 'category',
    label: { da: 'Højest fuldførte uddannelse', en: 'Highest completed education' },
    synonyms: [
      'Højest fuldførte uddannelse',
      'Højeste fuldførte uddannelse',
      'Højest gennemførte uddannelse',
      'Højeste uddannelse',
      'Uddannelsesniveau',
      'Uddannelse',
      'education',
      'Education level',
    ],
    vocabulary: 'education',
    roles: ['by', 'outcome', 'balance', 'distribution'],
  },
  {
    key: 'programme',
    kind: 'category',
    label: { da: 'Tilbud', en: 'Programme' },
    synonyms: [
      'Tilbud',
      'Indsats',
      'Forløbstype',
      'Aktivitet',
      'Tilbudstype',
      'Indsatstype',
      'programme',
      'program',
    ],
    roles: ['by', 'rows', 'outcome', 'distribution'],
  },
  {
    key: 'unit',
    kind: 'category',
    label: { da: 'Enhed', en: 'Unit' },
    synonyms: ['Jobcenter', 'Afdeling', 'Værksted', 'Enhed', 'Team', 'unit', 'Department'],
    roles: ['by', 'rows', 'outcome', 'distribution'],
  },
  {
    key: 'group',
    kind: 'category',
    label: { da: 'Forsøgsgruppe', en: 'Trial group' },
    synonyms: [
      'Gruppe',
      'Forsøgsgruppe',
      'Indsats/kontrol',
      'Indsats eller kontrol',
      'Forsøgsarm',
      'Arm',
      'group',
      'Treatment group',
      'Randomisering',
    ],
    vocabulary: 'group',
    roles: ['by', 'distribution'],
  },
  {
    key: 'gender',
    kind: 'gender',
    label: { da: 'Køn', en: 'Gender' },
    synonyms: ['Køn', 'gender', 'sex'],
    roles: ['by', 'outcome', 'balance'],
  },
  {
    // Consent to follow-up (Ja/Nej): with this column, only courses with "Ja" are followed up
    // (docs/definitions.md#follow-up).
    key: 'consent',
    kind: 'category',
    label: { da: 'Samtykke', en: 'Consent' },
    synonyms: [
      'Samtykke',
      'Samtykke givet',
      'Samtykke til opfølgning',
      'Samtykkeerklæring',
      'Opfølgningssamtykke',
      'consent',
      'Follow-up consent',
    ],
    vocabulary: 'consent',
    roles: ['distribution'],
  },
  followUp(1),
  followUp(3),
  followUp(6),
  followUp(12),
  // The contract's fields (docs/definitions.md#the-contracts-fields): all optional.
  {
    key: 'provider',
    kind: 'category',
    label: { da: 'Leverandør', en: 'Provider' },
    synonyms: ['Leverandør', 'Leverandørnavn', 'Udbyder', 'Provider', 'provider'],
    roles: ['by', 'rows', 'outcome', 'distribution'],
  },
  {
    key: 'plannedEnd',
    kind: 'day',
    label: { da: 'Planlagt slutdato', en: 'Planned end' },
    synonyms: [
      'Planlagt slutdato',
      'Planlagt slut',
      'Forventet slut',
      'Forventet slutdato',
      'Planned end',
      'planned_end',
    ],
    roles: [],
  },
  {
    key: 'resultGoal',
    kind: 'category',
    label: { da: 'Resultatmål', en: 'Result goal' },
    synonyms: ['Resultatmål', 'Resultatmål for forløbet', 'Result goal', 'result_goal'],
    roles: ['by', 'distribution'],
  },
  {
    key: 'goalReached',
    kind: 'category',
    label: { da: 'Resultatmål nået', en: 'Goal reached' },
    synonyms: ['Resultatmål nået', 'Resultatmål opnået', 'Mål nået', 'Goal reached', 'goal_reached'],
    roles: ['distribution'],
  },
  {
    key: 'industry',
    kind: 'category',
    label: { da: 'Branche', en: 'Industry' },
    synonyms: ['Branche', 'Jobbets branche', 'Industry', 'industry'],
    roles: ['distribution'],
  },
  {
    key: 'hours',
    kind: 'number',
    label: { da: 'Timer pr. uge', en: 'Hours per week' },
    synonyms: ['Timer pr. uge', 'Timer pr uge', 'Ugentlige timer', 'Timetal', 'Hours per week', 'hours'],
    roles: [],
  },
  {
    key: 'reasonText',
    kind: 'freeText',
    label: { da: 'Årsag til afbrydelse', en: 'Reason given' },
    synonyms: [
      'Årsag til afbrydelse',
      'Årsag til ikke gennemført',
      'Begrundelse',
      'Begrundelse for afbrydelse',
      'Årsagsbeskrivelse',
      'Reason given',
      'reason_text',
    ],
    roles: [],
  },
  {
    key: 'visitation',
    kind: 'day',
    label: { da: 'Visitationsdato', en: 'Visitation date' },
    synonyms: [
      'Visitationsdato',
      'Visiteret',
      'Henvist',
      'Henvisningsdato',
      'Visitation date',
      'Referral date',
    ],
    roles: [],
  },
  {
    // The day a person was randomised in a trial: weeks of a status panel count from it
    // (docs/definitions.md#status-panel).
    key: 'randomised',
    kind: 'day',
    label: { da: 'Randomiseringsdato', en: 'Randomisation date' },
    synonyms: ['Randomiseringsdato', 'Randomiseret', 'Randomisation date', 'Randomization date'],
    roles: [],
  },
] as const satisfies readonly FieldDef[];
