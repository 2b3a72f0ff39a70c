/**
 * Progression on BIP indicators → memo tables (docs/definitions.md#progression): progression,
 * stagnation and regression across indicators (by group), per indicator with the mean change
 * and its 95% interval, mean scores at the three measurements, and timeliness. Relations for
 * suppression: in every row, courses compared = progression + stagnation + regression (and
 * timeliness: due = on time + outside + not measured + undated); with --by the group rows add up
 * to the total row.
 */
import type { ProgressionResult, Tally, Timely, Windows } from '../analyses/progression/index.js';
import { inLang, sayer, word, type Lang } from '../base/i18n.js';
import { count, labelCol, num, share, text, valueCol, type Row, type Table } from '../model/table.js';
import type { IndicatorSet } from '../schema/measurements/indicators.js';
import { byGroupLabel } from './keyfigures.js';
import { sumColumns } from './links.js';

export interface ProgressionTableOptions {
  lang: Lang;
  indicators: IndicatorSet;
  periodText: string;
  /** The --by levels' label (lower case, "enhed og indikator"), when given. */
  byLabel?: string;
  /** --by indicator,…: the indicator is the first level of a row's label. */
  indicatorFirst?: boolean;
  /** --threshold, when given (else one scale step). */
  threshold?: number;
  windows: Windows;
  source: string;
}

export const PROGRESSION_TABLES = {
  overall: 'progression.overall',
  indicators: 'progression.indicators',
  scores: 'progression.scores',
  timeliness: 'progression.timeliness',
} as const;

export function progressionTables(r: ProgressionResult, o: ProgressionTableOptions): Table[] {
  return [overallTable(r, o), indicatorTable(r, o), scoresTable(r, o), timelinessTable(r, o)];
}

const dirCols = (t: ReturnType<typeof sayer>, n: string) => [
  valueCol(n),
  valueCol('Progression'),
  valueCol(t('Pct.', '%')),
  valueCol('Stagnation'),
  valueCol(t('Pct.', '%')),
  valueCol('Regression'),
  valueCol(t('Pct.', '%')),
];

const dirCells = (x: { n: number; up: number; same: number; down: number }) => [
  count(x.n),
  count(x.up),
  share(x.up, x.n),
  count(x.same),
  share(x.same, x.n),
  count(x.down),
  share(x.down, x.n),
];

function overallTable(r: ProgressionResult, o: ProgressionTableOptions): Table {
  const t = sayer(o.lang);
  const row = (label: string, x: Tally, style?: Row['style']): Row => ({
    cells: [text(label), ...dirCells(x), count(x.baselineOnly), count(x.noBaseline)],
    ...(style ? { style } : {}),
  });
  const perIndicator = r.byIndicator !== undefined;
  const rows = [
    ...(perIndicator ? [] : r.groups.map((g) => row(byGroupLabel(g.values, o.lang), g.tally))),
    ...(r.byIndicator ?? []).map((x) => {
      const group = x.values.length > 0 ? byGroupLabel(x.values, o.lang) : undefined;
      const ind = name(o, x.indicator);
      return row(
        group === undefined ? ind : o.indicatorFirst ? `${ind} / ${group}` : `${group} / ${ind}`,
        x.tally,
      );
    }),
    row(
      perIndicator ? t('Alle indikatorer (gennemsnit)', 'All indicators (mean)') : word(o.lang, 'total'),
      r.total,
      'total',
    ),
  ];
  const step =
    o.threshold === undefined
      ? t(
          'én skalaenhed (0,25 på en 1–5-skala, 1/9 på en 1–10-skala; med flere skalaer i et forløb den største enhed)',
          'one scale step (0.25 on a 1–5 scale, 1/9 on a 1–10 scale; with several scales in a course the largest step)',
        )
      : t(String(o.threshold).replace('.', ','), String(o.threshold));
  const other = r.total.other;
  return {
    id: PROGRESSION_TABLES.overall,
    title: t(
      `Progression på gennemsnittet af BIP-indikatorerne, ${o.periodText}${o.byLabel ? `, efter ${o.byLabel}` : ''}`,
      `Progression on the mean of the BIP indicators, ${o.periodText}${o.byLabel ? `, by ${o.byLabel}` : ''}`,
    ),
    columns: [
      labelCol(o.byLabel ? capital(o.byLabel) : ''),
      ...dirCols(t, t('Forløb med baseline og slutmåling', 'Courses with baseline and last measurement')),
      valueCol(t('Kun baseline', 'Baseline only')),
      valueCol(t('Ingen baseline', 'No baseline')),
    ],
    rows,
    notes: [
      t(
        `Pr. forløb: gennemsnittet af de normaliserede scorer (0–1) på de indikatorer, der er målt både ved baseline og ved sidste måling; ændring = gennemsnit ved sidste måling − gennemsnit ved baseline. Progression: ændringen er mindst ${step} op; regression: mindst så meget ned; ellers stagnation.`,
        `Per course: the mean of the normalised scores (0–1) of the indicators measured both at baseline and at the last measurement; change = mean at the last measurement − mean at baseline. Progression: a change of at least ${step} up; regression: at least as much down; otherwise stagnation.`,
      ),
      t(
        'Sidste måling er den seneste efter baseline (uge 12, eller målingen ved et forløb, der sluttede før tid). Forløb med kun baseline eller uden baseline står uden for procentgrundlaget.',
        'The last measurement is the latest one after the baseline (week 12, or the one taken when a course ended early). Courses with only a baseline or no baseline are outside the denominator.',
      ),
      ...(perIndicator
        ? [
            t(
              'Efter indikator: et forløb tælles under hver indikator, det er målt på, med ændringen på netop den indikator (progression: mindst én skalaenhed op, som i tabellen pr. indikator). Kun baseline: indikatoren er målt ved baseline, men ikke ved sidste måling; ingen baseline: målt senere, men ikke ved baseline. Rækkerne summerer derfor ikke til den sidste række, som er gennemsnittet af indikatorerne pr. forløb.',
              'By indicator: a course counts under each indicator it was measured on, by its change on that indicator (progression: at least one scale step up, as in the per-indicator table). Baseline only: the indicator was measured at baseline but not at the last measurement; no baseline: measured later but not at baseline. The rows therefore do not add up to the last row, which is the mean of the indicators per course.',
            ),
          ]
        : []),
      ...(other > 0
        ? [
            t(
              `${other} forløb er hverken med eller i de to sidste kolonner: deres målinger kan ikke ordnes (hverken Måling eller Dato på alle), eller ingen indikator er målt både ved baseline og sidste måling.`,
              `${other} courses are neither counted nor in the last two columns: their measurements cannot be ordered (neither Måling nor Dato on all), or no indicator was measured both at baseline and at the last measurement.`,
            ),
          ]
        : []),
      t(`Kilde: ${o.source}.`, `Source: ${o.source}.`),
    ],
    // Courses add up over the values of a course field, never over indicators (a course has several).
    ...(o.byLabel && !perIndicator ? { additive: { rows: true } } : {}),
    links: sumColumns(
      PROGRESSION_TABLES.overall,
      rows.map((_r, i) => i),
      1,
      [2, 4, 6],
    ),
  };
}

function indicatorTable(r: ProgressionResult, o: ProgressionTableOptions): Table {
  const t = sayer(o.lang);
  const shown = r.indicators.filter((x) => x.n > 0);
  const rows: Row[] = shown.map((x) => ({
    cells: [
      text(name(o, x.indicator)),
      ...dirCells(x),
      num(x.mean, 2, x.n),
      num(x.low, 2, x.n),
      num(x.high, 2, x.n),
    ],
  }));
  return {
    id: PROGRESSION_TABLES.indicators,
    title: t(
      `Progression pr. BIP-indikator, ${o.periodText}`,
      `Progression per BIP indicator, ${o.periodText}`,
    ),
    columns: [
      labelCol(t('Indikator', 'Indicator')),
      ...dirCols(t, t('Forløb målt ved baseline og sidste måling', 'Courses measured at baseline and last')),
      valueCol(t('Gns. ændring (0–1)', 'Mean change (0–1)')),
      valueCol(t('95 %-KI, nedre', '95% CI, lower')),
      valueCol(t('95 %-KI, øvre', '95% CI, upper')),
    ],
    rows,
    notes: [
      t(
        'Pr. indikator: ændring = normaliseret score ved sidste måling − ved baseline. Progression: mindst én skalaenhed op (på en 1–5-skala 0,25); regression: mindst én ned; ellers stagnation. Gennemsnitlig ændring på skalaen 0–1 (score − min) / (max − min), med 95 %-konfidensinterval fra t-fordelingen (gns. ± t₀,₉₇₅;ₙ₋₁ · sd/√n); intet interval under to forløb.',
        'Per indicator: change = normalised score at the last measurement − at baseline. Progression: at least one scale step up (0.25 on a 1–5 scale); regression: at least one down; otherwise stagnation. Mean change on the 0–1 scale (score − min) / (max − min), with a 95% confidence interval from the t distribution (mean ± t₀.₉₇₅;ₙ₋₁ · sd/√n); no interval below two courses.',
      ),
      t(`Kilde: ${o.source}.`, `Source: ${o.source}.`),
    ],
    links: sumColumns(
      PROGRESSION_TABLES.indicators,
      rows.map((_r, i) => i),
      1,
      [2, 4, 6],
    ),
  };
}

function scoresTable(r: ProgressionResult, o: ProgressionTableOptions): Table {
  const t = sayer(o.lang);
  const shown = r.indicators.filter((x) => x.at.some((a) => a.n > 0));
  const labels = [
    t('Baseline', 'Baseline'),
    t('Midtvejs (uge 6)', 'Midway (week 6)'),
    t('Sidste måling', 'Last measurement'),
  ];
  return {
    id: PROGRESSION_TABLES.scores,
    title: t(
      `Gennemsnitlig score ved baseline, midtvejs og sidste måling, ${o.periodText}`,
      `Mean score at baseline, midway and last measurement, ${o.periodText}`,
    ),
    columns: [
      labelCol(t('Indikator', 'Indicator')),
      ...labels.flatMap((l) => [
        valueCol(`${l}: ${t('forløb', 'courses')}`),
        valueCol(`${l}: ${t('gns.', 'mean')}`),
      ]),
    ],
    rows: shown.map((x) => ({
      cells: [text(name(o, x.indicator)), ...x.at.flatMap((a) => [count(a.n), num(a.mean, 2, a.n)])],
    })),
    notes: [
      t(
        'Normaliseret score (score − min) / (max − min) på skalaen 0–1, så 1–5- og 1–10-skalaer kan stå side om side. Hver kolonne har sit eget antal forløb: de forløb, der er målt på indikatoren ved den måling. Et forløb, der sluttede før tid med anden måling som sidste, tæller både midtvejs og ved sidste måling.',
        'Normalised score (score − min) / (max − min) on the 0–1 scale, so that 1–5 and 1–10 scales can stand side by side. Each column has its own number of courses: those measured on the indicator at that measurement. A course that ended early with its second measurement as the last counts both midway and at the last measurement.',
      ),
      t(`Kilde: ${o.source}.`, `Source: ${o.source}.`),
    ],
  };
}

function timelinessTable(r: ProgressionResult, o: ProgressionTableOptions): Table {
  const t = sayer(o.lang);
  const w = o.windows;
  const row = (label: string, x: Timely): Row => ({
    cells: [
      text(label),
      count(x.due),
      count(x.onTime),
      share(x.onTime, x.due),
      count(x.outside),
      count(x.missing),
      count(x.undated),
    ],
  });
  const rows = [
    row(
      t(
        `Baseline inden for ±${w.baselineDays} dage af start`,
        `Baseline within ±${w.baselineDays} days of the start`,
      ),
      r.timeliness.baseline,
    ),
    row(
      t(
        `Midtvejs i uge ${w.midwayWeeks[0]}–${w.midwayWeeks[1]}`,
        `Midway in weeks ${w.midwayWeeks[0]}–${w.midwayWeeks[1]}`,
      ),
      r.timeliness.midway,
    ),
    row(
      t(
        `Sidste måling inden for ${w.lastDays} dage af slut`,
        `Last measurement within ${w.lastDays} days of the end`,
      ),
      r.timeliness.last,
    ),
  ];
  const missingStart = r.courses - r.withStart;
  return {
    id: PROGRESSION_TABLES.timeliness,
    title: t(`Rettidige målinger, ${o.periodText}`, `Timely measurements, ${o.periodText}`),
    columns: [
      labelCol(t('Måling', 'Measurement')),
      valueCol(t('Forløb, hvor målingen skulle tages', 'Courses due')),
      valueCol(t('Til tiden', 'On time')),
      valueCol(t('Pct.', '%')),
      valueCol(t('Uden for vinduet', 'Outside the window')),
      valueCol(t('Ikke målt', 'Not measured')),
      valueCol(t('Uden dato', 'Undated')),
    ],
    rows,
    notes: [
      t(
        `Uge 1 er dag 0–6 fra forløbets start. Baseline skal tages af alle forløb med kendt start; midtvejsmålingen af forløb, der har varet til og med uge ${w.midwayWeeks[1]} (eller gør det på datoen for de nyeste data); sidste måling af afsluttede forløb. Vinduerne ændres med --baseline-days, --midway-weeks og --last-days.`,
        `Week 1 is days 0–6 from the course start. Every course with a known start is due a baseline; a midway measurement is due from courses that have run through week ${w.midwayWeeks[1]} (or have by the newest date in the data); a last measurement from ended courses. Change the windows with --baseline-days, --midway-weeks and --last-days.`,
      ),
      ...(missingStart > 0
        ? [
            t(
              `${missingStart} forløb har ingen kendt startdato og indgår ikke (giv --courses UDTRÆK eller en Startdato-kolonne).`,
              `${missingStart} courses have no known start and are left out (give --courses EXPORT or a Startdato column).`,
            ),
          ]
        : []),
      t(`Kilde: ${o.source}.`, `Source: ${o.source}.`),
    ],
    links: sumColumns(PROGRESSION_TABLES.timeliness, [0, 1, 2], 1, [2, 4, 5, 6]),
  };
}

const name = (o: ProgressionTableOptions, i: number) => inLang(o.lang, o.indicators.list[i]!);

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
