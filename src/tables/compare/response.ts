/**
 * --population: the response rate per group (an outcome row: randomised persons, respondents,
 * difference, interval, p), and respondents against non-respondents on each baseline column of
 * the population file, with a one-row-per-column table of the chi-square tests.
 */
import type { CompareResult } from '../../analyses/compare/index.js';
import type { AttritionField } from '../../analyses/compare/response.js';
import { sayer } from '../../base/i18n.js';
import { count, labelCol, num, pValue, share, text, valueCol, type Table } from '../../model/table.js';
import type { CompareTableOptions } from './labels.js';
import { outcomesTable, type Shared } from './outcomes.js';

function fieldTable(
  f: AttritionField,
  k: number,
  o: CompareTableOptions,
  shared: Shared,
  population: string,
): Table {
  const t = sayer(o.lang);
  const total = (which: 'respondents' | 'nonRespondents') => f.rows.reduce((s, r) => s + r[which], 0);
  const r1 = total('respondents');
  const r0 = total('nonRespondents');
  const row = (label: string, a: number, b: number) => [
    text(label),
    count(a),
    share(a, r1),
    count(b),
    share(b, r0),
    count(a + b),
    share(a + b, r1 + r0),
  ];
  return {
    id: `compare.attrition.${k + 1}`,
    title: `${f.column}: ${t('besvaret og ikke besvaret', 'respondents and non-respondents')}`,
    columns: [
      labelCol(f.column),
      valueCol(t('Besvaret, antal', 'Respondents, count')),
      valueCol(t('Besvaret, pct.', 'Respondents, %')),
      valueCol(t('Ikke besvaret, antal', 'Non-respondents, count')),
      valueCol(t('Ikke besvaret, pct.', 'Non-respondents, %')),
      valueCol(t('I alt, antal', 'Total, count')),
      valueCol(t('I alt, pct.', 'Total, %')),
    ],
    rows: [
      ...f.rows.map((r) => ({
        cells: row(r.value ?? t('Uoplyst', 'Unknown'), r.respondents, r.nonRespondents),
      })),
      { cells: row(t('I alt', 'Total'), r1, r0), style: 'total' as const },
    ],
    notes: [
      t(
        `Alle randomiserede personer i ${population} (begge grupper), efter om de har besvaret spørgeskemaet.`,
        `Every randomised person in ${population} (both groups), by whether they answered the survey.`,
      ),
      shared.sourceNote,
    ],
    additive: { rows: true, totalColumn: 5 },
  };
}

function testsTable(
  fields: AttritionField[],
  tables: Table[],
  o: CompareTableOptions,
  shared: Shared,
): Table {
  const t = sayer(o.lang);
  const notes = [
    t(
      'Er de, der svarede, som de, der ikke svarede? Pearsons χ²-test af hver baggrundsvariabel × besvaret/ikke besvaret, uden kontinuitetskorrektion (som R chisq.test(correct = FALSE)); "Uoplyst" er en kategori. Et lille p betyder, at svarpersonerne adskiller sig (bortfaldet er skævt).',
      'Are the respondents like the non-respondents? Pearson’s χ² test of each baseline column × answered/not answered, without continuity correction (as R chisq.test(correct = FALSE)); "Unknown" is a category. A small p means the respondents differ (the attrition is skewed).',
    ),
  ];
  const rough = fields.filter((f) => f.chisq && f.chisq.minExpected < 5).map((f) => f.column);
  if (rough.length > 0)
    notes.push(
      t(
        `${rough.join(', ')}: mindste forventede antal under 5, så χ²-testen er kun vejledende (R: fisher.test eller chisq.test(simulate.p.value = TRUE)).`,
        `${rough.join(', ')}: smallest expected count below 5, so the χ² test is only a guide (R: fisher.test or chisq.test(simulate.p.value = TRUE)).`,
      ),
    );
  notes.push(shared.sourceNote);
  return {
    id: 'compare.attrition.tests',
    title: t(
      'Bortfald: svarpersoner mod ikke-svarpersoner',
      'Attrition: respondents against non-respondents',
    ),
    columns: [
      labelCol(t('Baggrundsvariabel', 'Baseline column')),
      valueCol('χ²'),
      valueCol(t('Frihedsgrader', 'df')),
      valueCol('p'),
    ],
    rows: fields.map((f) => {
      const behind = Math.min(
        ...f.rows.flatMap((r) => [r.respondents, r.nonRespondents]).filter((v) => v > 0),
        Infinity,
      );
      const n = Number.isFinite(behind) ? behind : 0;
      return {
        cells: [
          text(f.column),
          num(f.chisq?.statistic ?? null, 3, n),
          num(f.chisq?.df ?? null, 0, n),
          pValue(f.chisq?.pValue ?? null, n),
        ],
      };
    }),
    notes,
    derivedCells: fields.map((_f, k) => ({
      row: k,
      cols: [1, 2, 3],
      from: tables[k]!.rows.flatMap((r, row) =>
        r.style === 'total' ? [] : [1, 3].map((col) => ({ table: tables[k]!.id, row, col })),
      ),
    })),
  };
}

/** The tables of --population: response rate, one table per baseline column, the tests. */
export function responseTables(
  res: CompareResult,
  o: CompareTableOptions,
  shared: Shared,
  population: string,
): Table[] {
  const t = sayer(o.lang);
  const r = res.response!;
  const rate = outcomesTable({ ...res, outcomes: [r.rate] }, o, shared, [
    t('Besvaret spørgeskemaet', 'Answered the survey'),
  ]);
  rate.id = 'compare.response';
  rate.title = `${t('Svarprocent', 'Response rate')}: ${shared.vs}`;
  rate.notes = [
    t(
      `Svarprocent = personer med en række i spørgeskemaet / randomiserede personer i ${population}, matchet på id; gruppen er den fra ${population}.`,
      `Response rate = persons with a row in the survey / randomised persons in ${population}, matched by id; the group is the one in ${population}.`,
    ),
    ...(r.unmatched > 0
      ? [
          t(
            `${r.unmatched} id'er i spørgeskemaet findes ikke i ${population} og er ikke med.`,
            `${r.unmatched} ids in the survey are not in ${population} and are not included.`,
          ),
        ]
      : []),
    ...(r.groupDiffers > 0
      ? [
          t(
            `${r.groupDiffers} svarpersoner har en anden gruppe i spørgeskemaet end i ${population}; gruppen fra ${population} er brugt.`,
            `${r.groupDiffers} respondents have another group in the survey than in ${population}; the group of ${population} is used.`,
          ),
        ]
      : []),
    ...(r.noGroup > 0
      ? [
          t(
            `${r.noGroup} personer i ${population} uden gruppe (eller med en anden værdi) er ikke med.`,
            `${r.noGroup} persons in ${population} without a group (or with another value) are not included.`,
          ),
        ]
      : []),
    ...rate.notes.filter((n) => !n.startsWith(t('Enhed', 'Unit'))),
  ];
  const fields = r.fields.map((f, k) => fieldTable(f, k, o, shared, population));
  // Respondents and persons in each attrition table's total row are the rate table's counts summed.
  for (const f of fields) {
    const last = f.rows.length - 1;
    f.links = [
      {
        total: { table: f.id, row: last, col: 1 },
        parts: [2, 5].map((col) => ({ table: rate.id, row: 0, col })),
      },
      {
        total: { table: f.id, row: last, col: 5 },
        parts: [1, 4].map((col) => ({ table: rate.id, row: 0, col })),
      },
    ];
  }
  return [rate, ...fields, ...(fields.length > 0 ? [testsTable(r.fields, fields, o, shared)] : [])];
}
