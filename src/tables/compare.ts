/**
 * CompareResult → memo tables: the outcomes (one row per outcome), the same per subgroup (one
 * table per outcome, one row per subgroup), balance (one table per characteristic) and the
 * week-by-week exit curve; and the curve as a vega-lite line chart. Counts are count cells and
 * shares are share cells, so small-cell suppression works; every derived number (mean, difference,
 * interval, p) is a num cell carrying the smallest count behind it. Notes say what each number is.
 */
import type { TopLevelSpec } from 'vega-lite';
import {
  ARMS,
  canonicalValue,
  type FieldRef,
  type Arm,
  type BalanceField,
  type BalanceResult,
  type CompareResult,
  type Horizon,
  type OutcomeResult,
  type OutcomeSpec,
} from '../analyses/compare/index.js';
import { danishOf, isoOf } from '../base/dates.js';
import { formatFixed } from '../render/format.js';
import { sayer, type Lang } from '../base/i18n.js';
import {
  count,
  empty,
  labelCol,
  num,
  pValue,
  share,
  text,
  valueCol,
  type Cell,
  type Column,
  type Row,
  type Table,
} from '../model/table.js';
import type { VocabSet } from '../schema/vocab.js';
import { fieldLabel } from './inspect.js';

export interface CompareTableOptions {
  lang: Lang;
  vocab: VocabSet;
  /** Column labels of the two groups ("Indsats", "Kontrol", or the values given on the command line). */
  armLabels: Record<Arm, string>;
  /** How the groups were found, for the note: the column and the values of each arm. */
  groupText: string;
  /** --stars: stars instead of a yes/no column. */
  stars: boolean;
  exact: boolean;
  correct: boolean;
  /** Label of the --by field or column. */
  byLabel?: string;
  source: string;
}

/** The sentence the output must carry when the groups were not drawn at random. */
export const SIMPLE_EFFECT_DA =
  'Simpel effekt — ikke et effektestimat: grupperne er ikke trukket ved lodtrækning';
export const SIMPLE_EFFECT_EN = 'Simple effect — not an effect estimate: the groups were not drawn at random';

/** Significance stars as Danish evaluations print them: *** p < 0.001, ** p < 0.01, * p < 0.05. */
export function starsOf(p: number | null): string {
  if (p === null) return '';
  return p < 0.001 ? '***' : p < 0.01 ? '**' : p < 0.05 ? '*' : '';
}

const UNIT_WORDS: Record<Horizon['unit'], [string, string, string, string]> = {
  d: ['dag', 'dage', 'day', 'days'],
  w: ['uge', 'uger', 'week', 'weeks'],
  m: ['måned', 'måneder', 'month', 'months'],
};

export function horizonText(h: Horizon, lang: Lang): string {
  const w = UNIT_WORDS[h.unit];
  const word = lang === 'da' ? (h.n === 1 ? w[0] : w[1]) : h.n === 1 ? w[2] : w[3];
  return `${h.n} ${word}`;
}

/** A value as shown in a label: an exit group's name, a vocabulary value (English label in English), Mænd/Kvinder. */
function valueLabel(ref: FieldRef, v: string, vocab: VocabSet, lang: Lang): string {
  const c = canonicalValue(ref, v, vocab);
  if (ref.kind === 'column') return v;
  if (ref.field === 'exitGroup') return vocab.exitGroupLabel(c, lang).toLowerCase();
  if (ref.field === 'gender')
    return c === 'M'
      ? lang === 'da'
        ? 'mænd'
        : 'men'
      : c === 'K'
        ? lang === 'da'
          ? 'kvinder'
          : 'women'
        : v;
  const vocabulary =
    ref.field === 'exitReason'
      ? vocab.exitReason
      : ref.field === 'targetGroup'
        ? vocab.targetGroup
        : ref.field === 'education'
          ? vocab.education
          : ref.field.startsWith('followUp')
            ? vocab.followUp
            : undefined;
  const entry = vocabulary?.lookup(c);
  return lang === 'en' && entry?.en ? entry.en : c;
}

/** A readable label of an outcome: "Afsluttet til job inden 12 måneder fra start", "arbejde_vigtigt: Ja". */
export function outcomeLabel(spec: OutcomeSpec, vocab: VocabSet, lang: Lang): string {
  const t = sayer(lang);
  const or = t(' eller ', ' or ');
  if (spec.kind === 'numeric')
    return spec.ref.kind === 'duration'
      ? t('Varighed, dage (afsluttede forløb)', 'Duration, days (ended courses)')
      : spec.ref.name;
  const ref = spec.ref;
  const values = spec.values.map((v) => valueLabel(ref, v, vocab, lang)).join(or);
  const within = spec.within
    ? ` ${t('inden', 'within')} ${horizonText(spec.within, lang)} ${t('fra start', 'of start')}`
    : '';
  if (ref.kind === 'field' && ref.field === 'exitGroup')
    return t(`Afsluttet til ${values}`, `Ended to ${values}`) + within;
  const name = ref.kind === 'column' ? ref.name : fieldLabel(ref.field, lang);
  return `${name}: ${values}${within}`;
}

/** Smallest positive number among the counts behind a derived figure (0 when all are 0). */
function smallest(...counts: number[]): number {
  const pos = counts.filter((c) => c > 0);
  return pos.length === 0 ? 0 : Math.min(...pos);
}

function testName(r: OutcomeResult): string {
  if (r.test === null) return '-';
  if (r.test === 'welch') return 'Welch t';
  if (r.test === 'fisher') return 'Fisher';
  return r.kind === 'binary' && r.corrected ? 'χ² (Yates)' : 'χ²';
}

function signifCell(p: number | null, o: CompareTableOptions): Cell {
  if (o.stars) return text(starsOf(p));
  if (p === null) return text('-');
  return text(p < 0.05 ? (o.lang === 'da' ? 'Ja' : 'Yes') : o.lang === 'da' ? 'Nej' : 'No');
}

interface Layout {
  binary: boolean;
  numeric: boolean;
  columns: Column[];
}

function outcomeLayout(results: OutcomeResult[], first: string, o: CompareTableOptions): Layout {
  const t = sayer(o.lang);
  const binary = results.some((r) => r.kind === 'binary');
  const numeric = results.some((r) => r.kind === 'numeric');
  const columns: Column[] = [labelCol(first)];
  for (const a of ARMS) {
    const g = o.armLabels[a];
    columns.push(valueCol(`${g}, n`));
    if (binary) columns.push(valueCol(`${g}, ${t('antal', 'count')}`));
    columns.push(
      valueCol(
        binary && numeric
          ? `${g}, ${t('pct. / gns.', '% / mean')}`
          : binary
            ? `${g}, ${t('pct.', '%')}`
            : `${g}, ${t('gns.', 'mean')}`,
      ),
    );
    if (numeric) columns.push(valueCol(`${g}, SD`));
  }
  columns.push(
    valueCol(
      binary && numeric
        ? t('Forskel (pct.-point / gns.)', 'Difference (pp / mean)')
        : binary
          ? t('Forskel, pct.-point', 'Difference, pp')
          : t('Forskel, gns.', 'Difference, mean'),
    ),
    valueCol(t('95 %-KI, nedre', '95% CI, lower')),
    valueCol(t('95 %-KI, øvre', '95% CI, upper')),
    valueCol('p'),
    labelCol('Test'),
    labelCol(o.stars ? t('Signifikans', 'Significance') : t('Signifikant (5 %)', 'Significant (5%)')),
  );
  return { binary, numeric, columns };
}

function outcomeRow(label: string, r: OutcomeResult, layout: Layout, o: CompareTableOptions): Row {
  const cells: Cell[] = [text(label)];
  let behind: number;
  let scale: number;
  if (r.kind === 'binary') {
    for (const a of ARMS) {
      const arm = r.arms[a];
      cells.push(count(arm.n), count(arm.successes), share(arm.successes, arm.n));
      if (layout.numeric) cells.push(empty);
    }
    behind = smallest(
      r.arms.treatment.successes,
      r.arms.control.successes,
      r.arms.treatment.n,
      r.arms.control.n,
    );
    scale = 100;
  } else {
    for (const a of ARMS) {
      const arm = r.arms[a];
      cells.push(count(arm.n));
      if (layout.binary) cells.push(empty);
      cells.push(num(arm.mean, 1, arm.n), num(arm.sd, 1, arm.n));
    }
    behind = smallest(r.arms.treatment.n, r.arms.control.n);
    scale = 1;
  }
  const scaled = (v: number | null | undefined) => (v === null || v === undefined ? null : v * scale);
  cells.push(
    num(scaled(r.difference), 1, behind),
    num(scaled(r.ci?.[0]), 1, behind),
    num(scaled(r.ci?.[1]), 1, behind),
    pValue(r.pValue, behind),
    text(testName(r)),
    signifCell(r.pValue, o),
  );
  return { cells };
}

/** The notes every outcome table carries: unit, groups, randomisation, difference, tests, significance. */
function methodNotes(res: CompareResult, o: CompareTableOptions, results: OutcomeResult[]): string[] {
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
  notes.push(
    res.unit === 'respondent'
      ? t(
          `Enhed: én række pr. respondent (${res.n.treatment + res.n.control} respondenter).`,
          `Unit: one row per respondent (${res.n.treatment + res.n.control} respondents).`,
        )
      : t(
          `Enhed: ét forløb pr. række (${res.n.treatment + res.n.control} forløb, ${res.persons} personer)` +
            (res.personsWithSeveral > 0
              ? `; ${res.personsWithSeveral} personer har mere end ét forløb, og testene behandler forløbene som uafhængige.`
              : '.'),
          `Unit: one course per row (${res.n.treatment + res.n.control} courses, ${res.persons} persons)` +
            (res.personsWithSeveral > 0
              ? `; ${res.personsWithSeveral} persons have more than one course, and the tests treat the courses as independent.`
              : '.'),
        ),
  );
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
  const hasBinary = results.some((r) => r.kind === 'binary');
  const hasNumeric = results.some((r) => r.kind === 'numeric');
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
function outcomeNotes(label: string, r: OutcomeResult, res: CompareResult, o: CompareTableOptions): string[] {
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
        t(
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

export function compareTables(res: CompareResult, o: CompareTableOptions): Table[] {
  const t = sayer(o.lang);
  const g = o.armLabels;
  const vs = `${g.treatment} vs. ${g.control}`;
  const titleTail = res.randomised ? '' : ` (${t(SIMPLE_EFFECT_DA, SIMPLE_EFFECT_EN)})`;
  const sourceNote = t(`Kilde: ${o.source}.`, `Source: ${o.source}.`);
  const tables: Table[] = [];
  const labels = res.outcomes.map((r) => outcomeLabel(r.spec, o.vocab, o.lang));

  if (res.outcomes.length > 0) {
    const layout = outcomeLayout(res.outcomes, t('Resultat', 'Outcome'), o);
    tables.push({
      id: 'compare.outcomes',
      title: `${t('Resultater', 'Outcomes')}: ${vs}${titleTail}`,
      columns: layout.columns,
      rows: res.outcomes.map((r, i) => outcomeRow(labels[i]!, r, layout, o)),
      notes: [
        ...methodNotes(res, o, res.outcomes),
        ...res.outcomes.flatMap((r, i) => outcomeNotes(labels[i]!, r, res, o)),
        sourceNote,
      ],
    });
  }

  if (res.by) {
    const byLabel = o.byLabel ?? res.by.name;
    const k = res.by.tests;
    const multiple = t(
      `Mange tests i undergrupper giver falske fund: selv uden nogen forskel vil omtrent 1 ud af 20 tests være "signifikant" på 5 %-niveau ved et tilfælde. Her er der ${k} tests i undergrupper, så ca. ${formatFixed(k * 0.05, 1, 'da')} signifikante resultater kan forventes ved et tilfælde. Læs undergrupperne som udforskende; et strengere niveau (Bonferroni) er p < ${formatFixed(0.05 / Math.max(k, 1), 4, 'da')}.`,
      `Many subgroup tests produce false positives: even with no difference at all, about 1 in 20 tests is "significant" at 5% by chance. There are ${k} subgroup tests here, so about ${formatFixed(k * 0.05, 1, 'en')} significant results are expected by chance. Read the subgroups as exploratory; a stricter level (Bonferroni) is p < ${formatFixed(0.05 / Math.max(k, 1), 4, 'en')}.`,
    );
    res.outcomes.forEach((overall, i) => {
      const label = labels[i]!;
      const group = (v: string | null) =>
        v === null
          ? t('Uoplyst', 'Unknown')
          : v === 'M' && res.by!.name === 'gender'
            ? t('Mænd', 'Men')
            : v === 'K' && res.by!.name === 'gender'
              ? t('Kvinder', 'Women')
              : v;
      const results = res.by!.groups.map((s) => s.outcomes[i]!);
      const layout = outcomeLayout([overall], byLabel, o);
      tables.push({
        id: `compare.by.${i + 1}`,
        title: `${label}: ${vs} ${t('efter', 'by')} ${byLabel.toLowerCase()}${titleTail}`,
        columns: layout.columns,
        rows: [
          ...res.by!.groups.map((s, j) => outcomeRow(group(s.value), results[j]!, layout, o)),
          { ...outcomeRow(t('I alt', 'Total'), overall, layout, o), style: 'total' as const },
        ],
        notes: [
          multiple,
          ...(res.randomised ? [] : [t(SIMPLE_EFFECT_DA, SIMPLE_EFFECT_EN) + '.']),
          ...res.by!.groups.flatMap((s, j) =>
            results[j]!.noTest === 'empty-group'
              ? [
                  t(
                    `${group(s.value)}: ingen test — en af grupperne har ingen rækker her.`,
                    `${group(s.value)}: no test — one of the groups has no rows here.`,
                  ),
                ]
              : [],
          ),
          t(
            'Tests og kolonner som i tabellen med alle resultater.',
            'Tests and columns as in the table of all outcomes.',
          ),
          sourceNote,
        ],
      });
    });
  }

  if (res.balance) {
    for (const b of res.balance.results) tables.push(balanceTable(b, res, o, sourceNote));
    if (res.balance.skipped.length > 0 && tables.length > 0) {
      const last = tables[tables.length - 1]!;
      last.notes.push(
        t(
          `Ingen data (ikke vist): ${res.balance.skipped.map((f) => balanceFieldLabel(f, 'da').toLowerCase()).join(', ')}.`,
          `No data (not shown): ${res.balance.skipped.map((f) => balanceFieldLabel(f, 'en').toLowerCase()).join(', ')}.`,
        ),
      );
    }
  }

  if (res.weekly) tables.push(weeklyTable(res, o, sourceNote, titleTail));
  return tables;
}

export function balanceFieldLabel(f: BalanceField, lang: Lang): string {
  if (f === 'ageBand') return lang === 'da' ? 'Aldersgruppe' : 'Age band';
  if (f === 'education') return lang === 'da' ? 'Uddannelse' : 'Education';
  return fieldLabel(f, lang);
}

function balanceTable(
  b: BalanceResult,
  res: CompareResult,
  o: CompareTableOptions,
  sourceNote: string,
): Table {
  const t = sayer(o.lang);
  const g = o.armLabels;
  const label = balanceFieldLabel(b.field, o.lang);
  const significant = b.chisq !== null && b.chisq.pValue < 0.05;
  const value = (v: string) =>
    b.field === 'gender' ? (v === 'M' ? t('Mænd', 'Men') : v === 'K' ? t('Kvinder', 'Women') : v) : v;
  const rows: Row[] = b.rows.map((r) => {
    const behind = smallest(r.counts.treatment, r.counts.control);
    const flag = r.d === null || Math.abs(r.d) > 0.1;
    return {
      cells: [
        text(value(r.value)),
        count(r.counts.treatment),
        share(r.counts.treatment, b.n.treatment),
        count(r.counts.control),
        share(r.counts.control, b.n.control),
        num(r.d, 2, behind),
        text(flag ? t('ubalance', 'imbalance') : ''),
      ],
    };
  });
  rows.push({
    cells: [
      text(t('I alt', 'Total')),
      count(b.n.treatment),
      share(b.n.treatment, b.n.treatment),
      count(b.n.control),
      share(b.n.control, b.n.control),
      empty,
      empty,
    ],
    style: 'total',
  });
  const fmt = (v: number, d: number) => formatFixed(v, d, o.lang);
  const test = b.chisq
    ? t(
        `χ²-test af fordelingen på ${label.toLowerCase()} i de to grupper (Pearson, uden kontinuitetskorrektion, som R chisq.test(correct = FALSE)): χ² = ${fmt(b.chisq.statistic, 2)}, df = ${b.chisq.df}, p = ${b.chisq.pValue < 0.001 ? '<0,001' : fmt(b.chisq.pValue, 3)}${significant ? ' — signifikant forskel på 5 %-niveau (*)' : ' — ikke signifikant på 5 %-niveau'}.` +
          (b.chisq.minExpected < 5 ? ' En forventet celle er under 5, så testen er kun vejledende.' : ''),
        `Chi-square test of the distribution of ${label.toLowerCase()} in the two groups (Pearson, no continuity correction, as R chisq.test(correct = FALSE)): χ² = ${fmt(b.chisq.statistic, 2)}, df = ${b.chisq.df}, p = ${b.chisq.pValue < 0.001 ? '<0.001' : fmt(b.chisq.pValue, 3)}${significant ? ' — significant difference at 5% (*)' : ' — not significant at 5%'}.` +
          (b.chisq.minExpected < 5 ? ' An expected count is below 5, so the test is only indicative.' : ''),
      )
    : t('Ingen χ²-test: kun én kategori har rækker.', 'No chi-square test: only one category has rows.');
  return {
    id: `compare.balance.${b.field}`,
    title: `${t('Balance', 'Balance')}: ${label.toLowerCase()}, ${g.treatment} vs. ${g.control}${significant ? ' *' : ''}`,
    columns: [
      labelCol(label),
      valueCol(`${g.treatment}, ${t('antal', 'count')}`),
      valueCol(`${g.treatment}, ${t('pct.', '%')}`),
      valueCol(`${g.control}, ${t('antal', 'count')}`),
      valueCol(`${g.control}, ${t('pct.', '%')}`),
      valueCol(t('Std. forskel', 'Std. difference')),
      labelCol(t('|d| > 0,1', '|d| > 0.1')),
    ],
    rows,
    notes: [
      t(
        `Standardiseret forskel d = (p₁ − p₂) / √((p₁(1 − p₁) + p₂(1 − p₂)) / 2) med p₁ = andelen i ${g.treatment}, p₂ i ${g.control}; |d| > 0,1 markeres som ubalance.`,
        `Standardised difference d = (p₁ − p₂) / √((p₁(1 − p₁) + p₂(1 − p₂)) / 2) with p₁ the share in ${g.treatment}, p₂ in ${g.control}; |d| > 0.1 is marked as an imbalance.`,
      ),
      test,
      ...(res.randomised
        ? [
            t(
              'Ved lodtrækning er forskelle her tilfældige; mange ubalancer eller en signifikant test tyder på, at lodtrækningen ikke har virket, eller at grupperne er udvalgt forskelligt.',
              'With random assignment differences here are chance; many imbalances or a significant test suggest the randomisation did not work, or the groups were selected differently.',
            ),
          ]
        : [t(SIMPLE_EFFECT_DA, SIMPLE_EFFECT_EN) + '.']),
      sourceNote,
    ],
    additive: { rows: true },
  };
}

/** Column indices of the weekly table: share, lower, upper for each arm. */
export const WEEKLY_COLUMNS: Record<Arm, [number, number, number]> = {
  treatment: [1, 2, 3],
  control: [4, 5, 6],
};

function weeklyTable(
  res: CompareResult,
  o: CompareTableOptions,
  sourceNote: string,
  titleTail: string,
): Table {
  const t = sayer(o.lang);
  const w = res.weekly!;
  const g = o.armLabels;
  const groups = w.exitGroups
    .map((k) => o.vocab.exitGroupLabel(k, o.lang).toLowerCase())
    .join(t(' eller ', ' or '));
  const pct = (v: number | null) => (v === null ? null : 100 * v);
  const rows: Row[] = [];
  for (let i = 0; i < w.weeks; i++) {
    // The week number is a label, not a count: a num cell without n, so suppression leaves it alone.
    const cells: Cell[] = [num(i + 1, 0)];
    const pts = ARMS.map((a) => w.arms[a].points[i]!);
    for (const p of pts)
      cells.push(
        num(pct(p.share), 1, p.events),
        num(pct(p.lower), 1, p.events),
        num(pct(p.upper), 1, p.events),
      );
    const [a, b] = pts as [(typeof pts)[0], (typeof pts)[0]];
    cells.push(
      num(
        a.share === null || b.share === null ? null : 100 * (a.share - b.share),
        1,
        smallest(a.events, b.events),
      ),
    );
    rows.push({ cells });
  }
  const asOf = res.asOf === null ? '' : o.lang === 'da' ? danishOf(res.asOf) : isoOf(res.asOf);
  const lr = w.logRank;
  const fmt = (v: number, d: number) => formatFixed(v, d, o.lang);
  return {
    id: 'compare.weekly',
    // Cumulative exits per arm: share and interval go together; the difference needs both arms.
    cumulative: { sets: [WEEKLY_COLUMNS.treatment, WEEKLY_COLUMNS.control], derived: [7] },
    title: t(
      `Andel afsluttet til ${groups} uge for uge efter start: ${g.treatment} vs. ${g.control}${titleTail}`,
      `Share ended to ${groups} week by week after start: ${g.treatment} vs. ${g.control}${titleTail}`,
    ),
    columns: [
      valueCol(t('Uge', 'Week')),
      valueCol(`${g.treatment}, ${t('pct.', '%')}`),
      valueCol(t('95 %-KI, nedre', '95% CI, lower')),
      valueCol(t('95 %-KI, øvre', '95% CI, upper')),
      valueCol(`${g.control}, ${t('pct.', '%')}`),
      valueCol(t('95 %-KI, nedre', '95% CI, lower')),
      valueCol(t('95 %-KI, øvre', '95% CI, upper')),
      valueCol(t('Forskel, pct.-point', 'Difference, pp')),
    ],
    rows,
    notes: [
      t(
        `Andelen af forløbene, der er afsluttet til ${groups} senest på dag 7 × uge efter start (startdagen er dag 1). Forløb: ${g.treatment} ${w.arms.treatment.n}, ${g.control} ${w.arms.control.n}.`,
        `The share of courses ended to ${groups} by day 7 × week after start (the start day is day 1). Courses: ${g.treatment} ${w.arms.treatment.n}, ${g.control} ${w.arms.control.n}.`,
      ),
      t(
        `Kaplan–Meier-kurve (som R survfit) med 95 %-konfidensinterval efter survfits standard (log-skala). Forløb, der stadig er i gang, er censureret på datoen for de nyeste data (${asOf}); forløb fulgt under ${w.weeks} uger uden afgang: ${g.treatment} ${w.arms.treatment.censored}, ${g.control} ${w.arms.control.censored}. Forløb afsluttet til noget andet (${g.treatment} ${w.arms.treatment.otherExits}, ${g.control} ${w.arms.control.otherExits}) kommer ikke til ${groups} fra dette forløb: de tæller som ikke afgået, så længe data rækker. Uden censurering er tallet blot andelen af forløbene.`,
        `Kaplan–Meier curve (as R survfit) with the 95% confidence interval survfit gives by default (log scale). Courses still ongoing are censored on the date of the newest data (${asOf}); courses followed for less than ${w.weeks} weeks without an exit: ${g.treatment} ${w.arms.treatment.censored}, ${g.control} ${w.arms.control.censored}. Courses ended to something else (${g.treatment} ${w.arms.treatment.otherExits}, ${g.control} ${w.arms.control.otherExits}) will not end to ${groups} from this course: they count as not exited for as long as the data reaches. Without censoring the figure is simply the share of the courses.`,
      ),
      lr
        ? t(
            `Log-rank-test (som R survdiff) af kurverne til og med uge ${w.weeks}: χ² = ${fmt(lr.statistic, 2)}, df = 1, p = ${lr.pValue < 0.001 ? '<0,001' : fmt(lr.pValue, 3)}${lr.pValue < 0.05 ? ' — signifikant forskel på 5 %-niveau' : ' — ikke signifikant på 5 %-niveau'}. Observerede / forventede afgange: ${g.treatment} ${lr.observed[0]} / ${fmt(lr.expected[0], 1)}, ${g.control} ${lr.observed[1]} / ${fmt(lr.expected[1], 1)}.`,
            `Log-rank test (as R survdiff) of the curves up to week ${w.weeks}: χ² = ${fmt(lr.statistic, 2)}, df = 1, p = ${lr.pValue < 0.001 ? '<0.001' : fmt(lr.pValue, 3)}${lr.pValue < 0.05 ? ' — significant difference at 5%' : ' — not significant at 5%'}. Observed / expected exits: ${g.treatment} ${lr.observed[0]} / ${fmt(lr.expected[0], 1)}, ${g.control} ${lr.observed[1]} / ${fmt(lr.expected[1], 1)}.`,
          )
        : t('Ingen log-rank-test: ingen afgange.', 'No log-rank test: no exits.'),
      t(
        '"-": ingen forløb i gruppen er fulgt så længe.',
        '"-": no course in the group has been followed that long.',
      ),
      ...(res.randomised ? [] : [t(SIMPLE_EFFECT_DA, SIMPLE_EFFECT_EN) + '.']),
      sourceNote,
    ],
  };
}

/**
 * The weekly table as a line chart (vega-lite): one step line per group with its 95% band, drawn
 * from the table's cells, so cells hidden by suppression are not drawn.
 */
export function weeklyChartSpec(
  table: Table,
  o: { lang: Lang; armLabels: Record<Arm, string> },
): TopLevelSpec {
  const t = sayer(o.lang);
  const values: { week: number; group: string; share: number; lower: number | null; upper: number | null }[] =
    [];
  let hidden = 0;
  const numOf = (c: Cell | undefined): number | null | 'hidden' =>
    c?.t === 'num' ? c.v : c?.t === 'suppressed' ? 'hidden' : null;
  for (const row of table.rows) {
    const wc = row.cells[0];
    const week = wc?.t === 'num' && wc.v !== null ? wc.v : NaN;
    for (const a of ARMS) {
      const [s, l, u] = WEEKLY_COLUMNS[a].map((j) => numOf(row.cells[j]));
      if (s === 'hidden') {
        hidden++;
        continue;
      }
      if (s === null || s === undefined) continue;
      values.push({
        week,
        group: o.armLabels[a],
        share: s,
        lower: typeof l === 'number' ? l : null,
        upper: typeof u === 'number' ? u : null,
      });
    }
  }
  const domain = ARMS.map((a) => o.armLabels[a]);
  const colors = ['#08519c', '#e6550d'];
  const locale =
    o.lang === 'da'
      ? { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' kr.'] as [string, string] }
      : { decimal: '.', thousands: ',', grouping: [3], currency: ['', ''] as [string, string] };
  const x = {
    field: 'week',
    type: 'quantitative' as const,
    title: t('Uger efter start', 'Weeks after start'),
    axis: { tickMinStep: 1 },
  };
  const color = {
    field: 'group',
    type: 'nominal' as const,
    title: null,
    scale: { domain, range: colors },
    legend: { orient: 'bottom' as const, direction: 'horizontal' as const },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: table.title,
      anchor: 'start',
      ...(hidden > 0
        ? {
            subtitle: t(
              'Tal skjult ved diskretionering er ikke vist.',
              'Numbers hidden by disclosure control are not drawn.',
            ),
          }
        : {}),
    },
    background: 'white',
    padding: 8,
    width: 480,
    height: 280,
    data: { values },
    layer: [
      {
        mark: { type: 'area', opacity: 0.15, interpolate: 'step-after' },
        encoding: {
          x,
          y: { field: 'lower', type: 'quantitative' },
          y2: { field: 'upper' },
          color,
        },
      },
      {
        mark: { type: 'line', interpolate: 'step-after', point: true },
        encoding: {
          x,
          y: {
            field: 'share',
            type: 'quantitative',
            title: t('Pct. afsluttet (95 %-KI)', '% ended (95% CI)'),
            scale: { domain: [0, 100] },
          },
          color,
        },
      },
    ],
    config: { locale: { number: locale }, font: 'Arial, Helvetica, sans-serif', view: { stroke: null } },
  };
}
