/** The notes of the outcome tables: what the groups, the unit, the difference and the tests are; what was left out. */
import type { Arm, CompareResult, OutcomeResult } from '../../analyses/compare/index.js';
import { danishOf, isoOf } from '../../base/dates.js';
import { refIn, sayer } from '../../base/i18n.js';
import { horizonText, SIMPLE_EFFECT_DA, SIMPLE_EFFECT_EN, type CompareTableOptions } from './labels.js';

/** The notes every outcome table carries: unit, groups, randomisation, difference, tests, significance. */
export function methodNotes(res: CompareResult, o: CompareTableOptions, results: OutcomeResult[]): string[] {
  const t = sayer(o.lang);
  const notes: string[] = [];
  if (!res.randomised)
    notes.push(
      t(
        `${SIMPLE_EFFECT_DA}. Forskellen viser, hvordan grupperne klarede sig, ikke hvad indsatsen har gjort: grupperne kan have været forskellige fra starten. "Signifikant" betyder her kun, at forskellen næppe skyldes tilfældig variation — ikke at indsatsen har skabt den.`,
        `${SIMPLE_EFFECT_EN}. The difference shows how the groups fared, not what the programme did: the groups may have differed from the start. "Significant" here only means the difference is unlikely to be chance variation — not that the programme caused it.`,
      ),
    );
  else
    notes.push(
      t(
        'Grupperne er markeret som trukket ved lodtrækning; forskellen kan da læses som et estimat af indsatsens effekt.',
        'The groups are marked as drawn at random; the difference can then be read as an estimate of the effect of the programme.',
      ),
    );
  notes.push(o.groupText);
  notes.push(...unitNotes(res, o));
  const excluded: string[] = [];
  if (res.noGroup > 0) excluded.push(t(`${res.noGroup} uden gruppe`, `${res.noGroup} without a group`));
  for (const g of res.otherGroup) excluded.push(`${g.count} "${g.value}"`);
  if (excluded.length > 0)
    notes.push(
      t(
        `Ikke med (hverken indsats eller kontrol): ${excluded.join(', ')}.`,
        `Not included (neither group): ${excluded.join(', ')}.`,
      ),
    );
  return [...notes, ...testNotes(o, results)];
}

/** What the difference is, which test gave p, what the interval is, and what "significant" means. */
function testNotes(o: CompareTableOptions, results: OutcomeResult[]): string[] {
  const t = sayer(o.lang);
  const hasBinary = results.some((r) => r.kind === 'binary');
  const hasNumeric = results.some((r) => r.kind === 'numeric');
  const notes: string[] = [];
  notes.push(
    t(
      `Forskel = ${o.armLabels.treatment} − ${o.armLabels.control}` +
        (hasBinary ? ', i procentpoint for andele' : '') +
        (hasNumeric ? ', i enhedens egne tal for gennemsnit' : '') +
        '.',
      `Difference = ${o.armLabels.treatment} − ${o.armLabels.control}` +
        (hasBinary ? ', in percentage points for shares' : '') +
        (hasNumeric ? ', in the unit of the measure for means' : '') +
        '.',
    ),
  );
  if (hasBinary)
    notes.push(
      o.exact
        ? t(
            'Andele: p fra Fishers eksakte test (tosidet, som R fisher.test) for alle resultater (--exact).',
            "Shares: p from Fisher's exact test (two-sided, as R fisher.test) for every outcome (--exact).",
          )
        : t(
            `Andele: p fra χ²-testen for to andele (som R prop.test) ${o.correct ? 'med kontinuitetskorrektion (Yates)' : 'uden kontinuitetskorrektion'}; hvor en forventet celle er under 5, fra Fishers eksakte test (tosidet, som R fisher.test).`,
            `Shares: p from the chi-square test of two proportions (as R prop.test) ${o.correct ? "with Yates' continuity correction" : 'without continuity correction'}; where an expected count is below 5, from Fisher's exact test (two-sided, as R fisher.test).`,
          ),
    );
  if (hasBinary)
    notes.push(
      t(
        `Konfidensintervallet for en forskel i andele er prop.test's (normalapproksimation${o.correct ? ', udvidet med kontinuitetsleddet' : ''}), også hvor p er fra Fishers test.`,
        `The confidence interval of a difference in shares is prop.test's (normal approximation${o.correct ? ', widened by the continuity term' : ''}), also where p is from Fisher's test.`,
      ),
    );
  if (hasNumeric)
    notes.push(
      t(
        'Gennemsnit: p og konfidensinterval fra Welchs t-test (ulige varianser, som R t.test). SD = standardafvigelse.',
        "Means: p and confidence interval from Welch's t-test (unequal variances, as R t.test). SD = standard deviation.",
      ),
    );
  notes.push(
    o.stars
      ? t(
          '*** p < 0,001; ** p < 0,01; * p < 0,05; tom: ikke signifikant på 5 %-niveau.',
          '*** p < 0.001; ** p < 0.01; * p < 0.05; blank: not significant at 5%.',
        )
      : t('Signifikant (5 %): Ja når p < 0,05.', 'Significant (5%): Yes when p < 0.05.'),
  );
  return notes;
}

/** Per outcome: rows left out (no value, not yet observable, not a number) and tests that could not be run. */
export function outcomeNotes(
  label: string,
  r: OutcomeResult,
  res: CompareResult,
  o: CompareTableOptions,
): string[] {
  const t = sayer(o.lang);
  const g = o.armLabels;
  const notes: string[] = [];
  const pair = (f: (a: Arm) => number) => `${g.treatment} ${f('treatment')}, ${g.control} ${f('control')}`;
  const missing = r.arms.treatment.missing + r.arms.control.missing;
  if (missing > 0) {
    const why =
      r.spec.ref.kind === 'duration' ||
      (r.kind === 'binary' &&
        r.spec.ref.kind === 'field' &&
        ['exitGroup', 'exitReason'].includes(r.spec.ref.field))
        ? t('forløb endnu ikke afsluttet', 'course not ended yet')
        : t('ingen værdi', 'no value');
    notes.push(
      t(
        `${label}: ikke med i n (${why}): ${pair((a) => r.arms[a].missing)}.`,
        `${label}: not in n (${why}): ${pair((a) => r.arms[a].missing)}.`,
      ),
    );
  }
  if (r.kind === 'binary') {
    const censored = r.arms.treatment.censored + r.arms.control.censored;
    if (censored > 0 && r.spec.within) {
      const asOf = res.asOf === null ? '' : o.lang === 'da' ? danishOf(res.asOf) : isoOf(res.asOf);
      notes.push(
        res.unit === 'person'
          ? t(
              `${label}: personer, der endnu ikke er fulgt ${horizonText(r.spec.within, 'da')} fra randomiseringen (data til ${asOf}) og ikke har nået resultatet, er ikke med: ${pair((a) => r.arms[a].censored)}.`,
              `${label}: persons not yet followed for ${horizonText(r.spec.within, 'en')} from randomisation (data up to ${asOf}) who have not reached the outcome are left out: ${pair((a) => r.arms[a].censored)}.`,
            )
          : t(
              `${label}: forløb i gang, der endnu ikke er fulgt ${horizonText(r.spec.within, 'da')} (data til ${asOf}), er ikke med: ${pair((a) => r.arms[a].censored)}.`,
              `${label}: ongoing courses not yet followed for ${horizonText(r.spec.within, 'en')} (data up to ${asOf}) are left out: ${pair((a) => r.arms[a].censored)}.`,
            ),
      );
    }
    if (r.unmatched.length > 0)
      notes.push(
        t(
          `${label}: ingen række har værdien ${r.unmatched.map((v) => `"${v}"`).join(', ')}.`,
          `${label}: no row has the value ${r.unmatched.map((v) => `"${v}"`).join(', ')}.`,
        ),
      );
  } else {
    const invalid = r.arms.treatment.invalid + r.arms.control.invalid;
    if (invalid > 0)
      notes.push(
        t(
          `${label}: værdier, der ikke er tal, er ikke med: ${pair((a) => r.arms[a].invalid)}.`,
          `${label}: values that are not numbers are left out: ${pair((a) => r.arms[a].invalid)}.`,
        ),
      );
  }
  if (r.noTest)
    notes.push(
      {
        'empty-group': t(
          `${label}: ingen test — en af grupperne har ingen rækker med en værdi.`,
          `${label}: no test — one of the groups has no rows with a value.`,
        ),
        'too-few': t(
          `${label}: ingen test — under to værdier i en af grupperne.`,
          `${label}: no test — fewer than two values in one of the groups.`,
        ),
        constant: t(
          `${label}: ingen test — værdierne varierer ikke.`,
          `${label}: no test — the values do not vary.`,
        ),
      }[r.noTest],
    );
  return notes;
}

/** What one observation is (docs/definitions.md#compare-unit), and why the unit is what it is. */
export function unitNotes(res: CompareResult, o: CompareTableOptions): string[] {
  const t = sayer(o.lang);
  const n = res.n.treatment + res.n.control;
  if (res.unit === 'respondent')
    return [
      t(
        `Enhed: én række pr. respondent (${n} respondenter).`,
        `Unit: one row per respondent (${n} respondents).`,
      ),
    ];
  if (res.unit === 'person') return personNotes(res, o);
  const notes = [
    t(
      `Enhed: ét forløb pr. række (${n} forløb, ${res.persons} personer)` +
        (res.personsWithSeveral > 0
          ? `; ${res.personsWithSeveral} personer har mere end ét forløb. Forløb for samme person er ikke uafhængige: de naive intervaller og p-værdier behandler dem som uafhængige og er for smalle/små; kolonnerne "klyngerobust" giver 95 %-intervaller med personen som klynge (sandwich-varians, som R sandwich::vcovCL).`
          : '.'),
      `Unit: one course per row (${n} courses, ${res.persons} persons)` +
        (res.personsWithSeveral > 0
          ? `; ${res.personsWithSeveral} persons have more than one course. Courses of one person are not independent: the naive intervals and p-values treat them as independent and come out too narrow/small; the "cluster-robust" columns give 95% intervals with the person as the cluster (sandwich variance, as R sandwich::vcovCL).`
          : '.'),
    ),
  ];
  if (res.mixedPersons > 0)
    notes.push(
      t(
        `Enheden er forløbet, fordi ${res.mixedPersons} personer har forløb i begge grupper (gruppen er ikke fast pr. person); --unit person kræver, at hver person er i én gruppe.`,
        `The unit is the course because ${res.mixedPersons} persons have courses in both groups (the group is not constant per person); --unit person needs each person in one group.`,
      ),
    );
  return notes;
}

function personNotes(res: CompareResult, o: CompareTableOptions): string[] {
  const t = sayer(o.lang);
  const n = res.n.treatment + res.n.control;
  const or = res.origins!;
  if (res.personFile)
    return [
      t(
        `Enhed: én randomiseret person pr. række i personfilen (${n} personer), med randomiseringsdatoen som dag 0.`,
        `Unit: one randomised person per row of the person file (${n} persons), with the randomisation date as day 0.`,
      ),
    ];
  const notes = [
    t(
      `Enhed: én randomiseret person (${n} personer). En persons resultat gælder alle personens forløb og tælles fra randomiseringsdatoen` +
        (or.fromFirstStart > 0
          ? ` (for ${or.fromFirstStart} personer uden randomiseringsdato fra første forløbs start)`
          : '') +
        '; "inden for N" er opfyldt, når et af personens forløb sluttede sådan inden for N fra den dato.',
      `Unit: one randomised person (${n} persons). A person's outcome is over all the person's courses, counted from the randomisation date` +
        (or.fromFirstStart > 0
          ? ` (for ${or.fromFirstStart} persons without one, from the first course's start)`
          : '') +
        '; "within N" is met when any of the person\'s courses ended so within N of that date.',
    ),
  ];
  if (res.personsWithSeveral > 0)
    notes.push(
      t(
        `${res.personsWithSeveral} personer har mere end ét forløb; baggrundsoplysninger (undergrupper, balance) læses på personens første forløb.`,
        `${res.personsWithSeveral} persons have more than one course; baseline fields (subgroups, balance) are read from the person's first course.`,
      ),
    );
  if (or.conflicting > 0)
    notes.push(
      t(
        `${or.conflicting} personer har forskellige randomiseringsdatoer på deres rækker; den tidligste er brugt.`,
        `${or.conflicting} persons have different randomisation dates on their rows; the earliest is used.`,
      ),
    );
  if (or.unreadable.length > 0)
    notes.push(
      t(
        `${or.unreadable.length} randomiseringsdatoer kunne ikke læses (fx ${refIn('da', or.unreadable[0]!.ref)}: "${or.unreadable[0]!.value}") og er ikke brugt.`,
        `${or.unreadable.length} randomisation dates could not be read (e.g. ${or.unreadable[0]!.ref}: "${or.unreadable[0]!.value}") and are not used.`,
      ),
    );
  if ((res.anonymousRows ?? 0) > 0)
    notes.push(
      t(
        `${res.anonymousRows} anonymiserede forløb har ingen person og er ikke med.`,
        `${res.anonymousRows} anonymised courses have no person and are left out.`,
      ),
    );
  return notes;
}
