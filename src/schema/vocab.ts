/**
 * Vocabularies: the known values of each categorical field, their spellings in different case
 * systems, and (for exit reasons) their exit group. Built-in Danish defaults; a config file can
 * extend or replace each. An unknown value is kept as written and reported, never guessed.
 */
import { matchKey } from './normalize-text.js';

export interface VocabEntry {
  /** The canonical value, as shown in tables (Danish). */
  value: string;
  /** Other spellings met in exports. */
  aliases?: string[];
  /** Exit reasons only: the key of the exit group. */
  group?: string;
  /** English label, where it differs. */
  en?: string;
}

export interface ExitGroup {
  key: string;
  da: string;
  en: string;
}

export type VocabField = 'exitReason' | 'targetGroup' | 'education' | 'followUp' | 'group' | 'consent';

export const EXIT_GROUPS: ExitGroup[] = [
  { key: 'job', da: 'Job', en: 'Job' },
  { key: 'education', da: 'Uddannelse', en: 'Education' },
  { key: 'jobActivity', da: 'Jobrettet aktivitet', en: 'Job-oriented activity' },
  { key: 'jobcentre', da: 'Tilbage til jobcenter / anden indsats', en: 'Back to job centre / other offer' },
  { key: 'benefit', da: 'Anden forsørgelse', en: 'Other benefit' },
  { key: 'other', da: 'Andet', en: 'Other' },
  { key: 'dropout', da: 'Afbrudt / ikke gennemført', en: 'Dropped out / not completed' },
  { key: 'unknown', da: 'Uoplyst', en: 'Unknown' },
];

const e = (value: string, group: string, aliases: string[] = [], en?: string): VocabEntry => ({
  value,
  group,
  aliases,
  ...(en ? { en } : {}),
});

export const EXIT_REASONS: VocabEntry[] = [
  e(
    'Ordinært job',
    'job',
    [
      'Ordinært arbejde',
      'Ordinært arbejde/ selvstændig',
      'Ordinær beskæftigelse',
      'Job',
      'Afsluttet til job',
      'Arbejde',
      'Selvstændig',
      'Selvstændig virksomhed',
    ],
    'Ordinary job',
  ),
  // Part-time work is in the group Job, as the contract annex counts it, but a reason of its own so
  // that a memo can tell it from a full ordinary job (issue #15).
  e(
    'Deltidsjob',
    'job',
    ['Deltidsarbejde', 'Deltid', 'Småjob', 'Småjobs', 'Lønnede timer', 'Ordinært job, deltid'],
    'Part-time job',
  ),
  e('Fleksjob', 'job', [], 'Flex job'),
  e(
    'Uddannelse',
    'education',
    [
      'Påbegyndt uddannelse',
      'Afsluttet til uddannelse',
      'Ordinær uddannelse',
      'Revalidering',
      'Læreplads',
      'Elevplads',
      'FGU',
      'STU',
      'AMU',
    ],
    'Education',
  ),
  e('Virksomhedspraktik', 'jobActivity', ['Praktik'], 'Work placement'),
  e('Løntilskud', 'jobActivity', ['Job med løntilskud', 'Ansættelse med løntilskud'], 'Wage subsidy'),
  e('Vikartimer', 'jobActivity', [], 'Temp hours'),
  e('Kursus', 'jobActivity', [], 'Course'),
  e(
    'Overgået til jobcenter',
    'jobcentre',
    ['Tilbage til jobcenter', 'Retur til jobcenter', 'Jobcenter'],
    'Back to job centre',
  ),
  e('Aktivt tilbud', 'jobcentre', ['Andet aktivt tilbud'], 'Other active offer'),
  e('Anden indsats', 'jobcentre', ['Anden støtte'], 'Other measure'),
  e('Uddannelsesparat', 'jobcentre', [], 'Ready for education'),
  e('Arbejdsmarkedsparat', 'jobcentre', [], 'Ready for the labour market'),
  e('A-dagpenge', 'benefit', ['Dagpenge', 'Arbejdsløshedsdagpenge'], 'Unemployment benefit'),
  e('Sygedagpenge', 'benefit', ['Sygemeldt', 'Sygemelding'], 'Sickness benefit'),
  e('Kontanthjælp', 'benefit', [], 'Social assistance'),
  e('Ressourceforløb', 'benefit', [], 'Resource programme'),
  e('Jobafklaringsforløb', 'benefit', ['Jobafklaring'], 'Job clarification'),
  e('Ledighedsydelse', 'benefit', [], 'Flex-job waiting benefit'),
  e('Pension', 'benefit', ['Førtidspension', 'Folkepension', 'Efterløn'], 'Pension'),
  e('Flyttet', 'other', ['Fraflyttet', 'Flyttet fra kommunen', 'Udrejst'], 'Moved'),
  e('Barsel', 'other', ['Barselsorlov'], 'Parental leave'),
  e('Fængsel', 'other', ['Afsoning'], 'Prison'),
  e('Død', 'other', ['Afgået ved døden'], 'Died'),
  e('Militær', 'other', ['Værnepligt'], 'Military service'),
  e('Raskmeldt', 'other', [], 'Declared fit'),
  e('Afbrudt', 'dropout', ['Afbrudt forløb'], 'Interrupted'),
  e('Udeblevet', 'dropout', ['Udeblivelse', 'Ikke mødt'], 'Did not show up'),
  e('Manglende medvirken', 'dropout', [], 'Lack of cooperation'),
  e('Forløb ikke gennemført', 'dropout', ['Ikke gennemført', 'Forløbikke gennemført'], 'Not completed'),
  e('Uoplyst', 'unknown', ['Ukendt', 'Ikke oplyst', 'Ingen årsag'], 'Unknown'),
];

const v = (value: string, aliases: string[] = [], en?: string): VocabEntry => ({
  value,
  aliases,
  ...(en ? { en } : {}),
});

export const TARGET_GROUPS: VocabEntry[] = [
  v(
    'Jobparat kontanthjælpsmodtager',
    ['Jobparat', 'Jobparate kontanthjælpsmodtagere', 'Kontanthjælp, jobparat'],
    'Job-ready, social assistance',
  ),
  v(
    'Aktivitetsparat kontanthjælpsmodtager',
    ['Aktivitetsparat', 'Aktivitetsparate kontanthjælpsmodtagere'],
    'Activity-ready, social assistance',
  ),
  v(
    'Åbenlyst uddannelsesparat',
    [
      'Åbenlyst uddannelsesparate',
      'Uddannelseshjælp, åbenlyst uddannelsesparat',
      'Uddannelseshjælpsmodtager, åbenlyst uddannelsesparat',
    ],
    'Clearly education-ready',
  ),
  v('Uddannelsesparat', ['Uddannelsesparate', 'Uddannelseshjælp, uddannelsesparat'], 'Education-ready'),
  v(
    'Aktivitetsparat uddannelseshjælpsmodtager',
    ['Uddannelseshjælp, aktivitetsparat'],
    'Activity-ready, education benefit',
  ),
  v(
    'Forsikret ledig',
    ['Forsikrede ledige', 'A-dagpengemodtager', 'Dagpengemodtager', 'A-dagpenge'],
    'Insured unemployed',
  ),
  v('Sygedagpengemodtager', ['Sygedagpenge', 'Sygemeldt'], 'Sickness benefit'),
  v('Ressourceforløb', ['Ressourceforløbsydelse'], 'Resource programme'),
  v('Jobafklaring', ['Jobafklaringsforløb'], 'Job clarification'),
  v('Ledighedsydelse', ['Fleksjobvisiteret', 'Ledighedsydelsesmodtager'], 'Flex-job waiting benefit'),
  v('Uoplyst', ['Ukendt', 'Ikke oplyst'], 'Unknown'),
];

export const EDUCATION: VocabEntry[] = [
  v('Grundskole', ['Folkeskole', 'Ingen uddannelse', 'Grundskole/ingen uddannelse'], 'Primary school'),
  v(
    'Gymnasial',
    ['Gymnasial uddannelse', 'Gymnasium', 'Studentereksamen', 'STX', 'HF', 'HHX', 'HTX'],
    'Upper secondary',
  ),
  v('Erhvervsfaglig', ['Erhvervsfaglig uddannelse', 'Erhvervsuddannelse', 'EUD', 'Faglært'], 'Vocational'),
  v(
    'Kort videregående (KVU)',
    ['Kort videregående uddannelse', 'Kort videregående', 'KVU'],
    'Short-cycle tertiary',
  ),
  v(
    'Mellemlang videregående (MVU/bachelor)',
    [
      'Mellemlang videregående uddannelse',
      'Mellemlang videregående',
      'MVU',
      'Bachelor',
      'Professionsbachelor',
    ],
    "Medium-cycle tertiary (bachelor's)",
  ),
  v(
    'Lang videregående (LVU)',
    ['Lang videregående uddannelse', 'Lang videregående', 'LVU', 'Kandidat'],
    "Long-cycle tertiary (master's)",
  ),
  v('Ph.d.', ['PhD', 'Forskeruddannelse'], 'PhD'),
  v('Uoplyst', ['Ukendt', 'Ikke oplyst'], 'Unknown'),
];

/** Follow-up statuses, as in jobindsats.dk's arbejdsmarkedsstatus after a course. */
export const FOLLOW_UP_STATUSES: VocabEntry[] = [
  v('Job', ['Beskæftiget', 'I job', 'Lønmodtagerbeskæftigelse', 'Ordinært job', 'Beskæftigelse'], 'Job'),
  v('Uddannelse', ['I uddannelse'], 'Education'),
  v(
    'Forsørgelsesydelse',
    ['Ledig', 'Offentlig forsørgelse', 'På ydelse', 'Dagpenge', 'Kontanthjælp', 'Sygedagpenge', 'Ydelse'],
    'On a benefit',
  ),
  v('Selvforsørgelse', ['Selvforsørget', 'Selvforsørgende'], 'Self-supporting'),
  v('Andet', ['Død', 'Udvandret', 'Pension', 'Orlov', 'Øvrige'], 'Other'),
];

/** Trial arms. The canonical values are the keys 'treatment' and 'control'. */
export const GROUPS: VocabEntry[] = [
  v('treatment', [
    'Indsats',
    'Indsatsgruppe',
    'Deltager',
    'Deltagere',
    'Deltagergruppe',
    'Forsøg',
    'Forsøgsgruppe',
    'Treatment',
    'Behandling',
  ]),
  v('control', ['Kontrol', 'Kontrolgruppe', 'Control', 'Sammenligningsgruppe']),
];

/**
 * Consent to follow-up (docs/definitions.md#follow-up): Ja or Nej. Built in only: a value that is
 * neither is not guessed but reported, and its course is not covered by the follow-up.
 */
export const CONSENT: VocabEntry[] = [
  v('Ja', ['J', 'Yes', 'Y', 'Givet', 'Samtykke givet', 'Har givet samtykke', 'Sand', 'True', '1'], 'Yes'),
  v('Nej', ['N', 'No', 'Ikke givet', 'Intet samtykke', 'Trukket tilbage', 'Falsk', 'False', '0'], 'No'),
];

export interface Vocabularies {
  exitReason: VocabEntry[];
  exitGroups: ExitGroup[];
  targetGroup: VocabEntry[];
  education: VocabEntry[];
  followUp: VocabEntry[];
  group: VocabEntry[];
  consent: VocabEntry[];
}

export const DEFAULT_VOCABULARIES: Vocabularies = {
  exitReason: EXIT_REASONS,
  exitGroups: EXIT_GROUPS,
  targetGroup: TARGET_GROUPS,
  education: EDUCATION,
  followUp: FOLLOW_UP_STATUSES,
  group: GROUPS,
  consent: CONSENT,
};

/** A vocabulary ready for lookups: raw text → canonical entry, through match keys. */
export class Vocabulary {
  private readonly byKey = new Map<string, VocabEntry>();
  /** Raw text → entry: an export repeats a handful of spellings thousands of times. */
  private readonly seen = new Map<string, VocabEntry | null>();
  readonly values: string[];

  constructor(readonly entries: VocabEntry[]) {
    for (const entry of entries) {
      for (const spelling of [entry.value, ...(entry.aliases ?? [])]) {
        const k = matchKey(spelling);
        if (!this.byKey.has(k)) this.byKey.set(k, entry);
      }
    }
    this.values = entries.map((x) => x.value);
  }

  /** The entry a raw value means, or undefined when the value is not in the vocabulary. */
  lookup(raw: string): VocabEntry | undefined {
    let entry = this.seen.get(raw);
    if (entry === undefined) {
      entry = this.byKey.get(matchKey(raw)) ?? null;
      this.seen.set(raw, entry);
    }
    return entry ?? undefined;
  }

  isKnown(value: string): boolean {
    return this.lookup(value) !== undefined;
  }

  /**
   * The value as a table shows it: in English the entry's English label where it has one; values
   * not in the vocabulary as written. "Uoplyst" (no value) is "Unknown" in English either way.
   */
  label(value: string, lang: 'da' | 'en'): string {
    if (lang === 'da') return value;
    return this.lookup(value)?.en ?? (value === 'Uoplyst' ? 'Unknown' : value);
  }

  /** Position in the vocabulary's order (for `--sort vocab`); unknown values sort last. */
  orderOf(value: string): number {
    const entry = this.lookup(value);
    return entry ? this.entries.indexOf(entry) : this.entries.length;
  }
}

export interface VocabSet {
  exitReason: Vocabulary;
  targetGroup: Vocabulary;
  education: Vocabulary;
  followUp: Vocabulary;
  group: Vocabulary;
  consent: Vocabulary;
  exitGroups: ExitGroup[];
  /** Exit group key of an exit reason's canonical value; undefined for an unknown reason. */
  groupOf(reason: string): string | undefined;
  exitGroupLabel(key: string, lang: 'da' | 'en'): string;
}

export function buildVocabSet(v: Vocabularies): VocabSet {
  const exitReason = new Vocabulary(v.exitReason);
  const groups = new Map(v.exitGroups.map((g) => [g.key, g]));
  return {
    exitReason,
    targetGroup: new Vocabulary(v.targetGroup),
    education: new Vocabulary(v.education),
    followUp: new Vocabulary(v.followUp),
    group: new Vocabulary(v.group),
    consent: new Vocabulary(v.consent),
    exitGroups: v.exitGroups,
    groupOf: (reason) => exitReason.lookup(reason)?.group,
    exitGroupLabel: (key, lang) => groups.get(key)?.[lang] ?? key,
  };
}
