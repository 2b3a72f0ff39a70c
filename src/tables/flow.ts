/**
 * FlowResult → the borgerflow table: one row per step (month or quarter), the stock at its start,
 * inflow, outflow, stock at its end and the active in the step, and a row for the whole period.
 * Declares the exact relations between its cells for suppression: in every row
 * active = start + inflow = end + outflow; the end of a step is the start of the next; the whole
 * period starts with the first step and ends with the last, and for courses its flows are the
 * sums of the steps'.
 */
import type { FlowFigures, FlowResult } from '../analyses/flow.js';
import type { Period } from '../base/period.js';
import { periodName } from '../base/period.js';
import { sayer, type Lang } from '../base/i18n.js';
import { stepWords, type Step, type StepColumn } from '../base/steps.js';
import { count, labelCol, text, valueCol, type Link, type Row, type Table } from '../model/table.js';
import { slugKey } from '../model/keys.js';

export interface FlowTableOptions {
  lang: Lang;
  step: Step;
  steps: StepColumn[];
  period: Period;
  source: string;
}

/** Columns of the figures, in this order after the label column. */
const START = 1;
const IN = 2;
const OUT = 3;
const END = 4;
const ACTIVE = 5;

export const FLOW_TABLE_ID = 'flow';

export function flowTable(r: FlowResult, o: FlowTableOptions): Table {
  const t = sayer(o.lang);
  const persons = r.count === 'persons';
  const w = stepWords(o.step, o.lang);
  // Keys (model/keys.ts): the English labels slugged, "january2025", "q1_2025", "wholePeriod".
  const we = stepWords(o.step, 'en');
  const line = (key: string, label: string, f: FlowFigures, style?: Row['style']): Row => {
    const cells = [text(label), count(f.startStock), count(f.inflow), count(f.outflow), count(f.endStock)];
    return { key, cells: [...cells, count(f.active)], ...(style ? { style } : {}) };
  };
  const name = (c: StepColumn, lang: Lang) => periodName({ ...c, source: 'given' }, lang);
  const rows = r.steps.map((f, i) => line(slugKey(name(o.steps[i]!, 'en')), name(o.steps[i]!, o.lang), f));
  rows.push(line('wholePeriod', t(`Hele perioden`, `Whole period`), r.whole, 'total'));
  const what = persons ? t('Personer', 'Persons') : t('Forløb', 'Courses');
  return {
    id: FLOW_TABLE_ID,
    title: t(
      `${what}: bestand, tilgang og afgang pr. ${w.unit.toLowerCase()}, ${periodName(o.period, o.lang)}`,
      `${what}: stock, inflow and outflow by ${w.unit.toLowerCase()}, ${periodName(o.period, o.lang)}`,
    ),
    columns: [
      labelCol(w.unit, slugKey(we.unit)),
      valueCol(t('Bestand primo', 'Stock at start'), 'stockAtStart'),
      valueCol(t('Tilgang', 'Inflow'), 'inflow'),
      valueCol(t('Afgang', 'Outflow'), 'outflow'),
      valueCol(t('Bestand ultimo', 'Stock at end'), 'stockAtEnd'),
      valueCol(t(`Aktive i ${w.the}`, `Active in the ${w.the}`), slugKey(`Active in the ${we.the}`)),
    ],
    rows,
    notes: flowNotes(r, o),
    links: flowLinks(r.steps.length, persons),
  };
}

/** The exact relations among the cells (see the module comment). */
function flowLinks(k: number, persons: boolean): Link[] {
  const cell = (row: number, col: number) => ({ table: FLOW_TABLE_ID, row, col });
  const links: Link[] = [];
  for (let i = 0; i <= k; i++)
    links.push(
      { total: cell(i, ACTIVE), parts: [cell(i, START), cell(i, IN)] },
      { total: cell(i, ACTIVE), parts: [cell(i, END), cell(i, OUT)] },
    );
  for (let i = 0; i + 1 < k; i++) links.push({ total: cell(i + 1, START), parts: [cell(i, END)] });
  if (k > 0)
    links.push(
      { total: cell(k, START), parts: [cell(0, START)] },
      { total: cell(k, END), parts: [cell(k - 1, END)] },
    );
  // Persons who come and go twice in a period are one person in its flows: not a sum.
  if (!persons && k > 0) {
    const all = Array.from({ length: k }, (_x, i) => i);
    links.push(
      { total: cell(k, IN), parts: all.map((i) => cell(i, IN)) },
      { total: cell(k, OUT), parts: all.map((i) => cell(i, OUT)) },
    );
  }
  return links;
}

function flowNotes(r: FlowResult, o: FlowTableOptions): string[] {
  const t = sayer(o.lang);
  const w = stepWords(o.step, o.lang);
  const notes =
    r.count === 'persons'
      ? [
          t(
            `Personer (borgere) med mindst ét forløb. Bestand primo: personer med et forløb, der startede før ${w.the} og ikke sluttede før ${w.the}s første dag. Tilgang: personer, der startede et forløb i ${w.the} uden at være i bestanden primo. Afgang: personer, der afsluttede et forløb i ${w.the} og ikke er i bestanden ultimo. Bestand ultimo: personer med et forløb, der stadig kører efter ${w.the}s sidste dag.`,
            `Persons (citizens) with at least one course. Stock at start: persons with a course that started before the ${w.the} and had not ended before its first day. Inflow: persons who started a course in the ${w.the} without being in the stock at its start. Outflow: persons who ended a course in the ${w.the} and are not in the stock at its end. Stock at end: persons with a course still running after the ${w.the}'s last day.`,
          ),
          t(
            `En person, der skifter forløb eller har flere forløb på én gang, tælles én gang; en person, der både kommer og går i ${w.the}, er med i både tilgang og afgang. Rækken "Hele perioden" tæller på samme måde over hele perioden, så dens tilgang og afgang kan være mindre end summen af rækkerne.`,
            `A person who changes course or has several courses at once counts once; a person who both comes and goes in the ${w.the} is in both inflow and outflow. The row "Whole period" counts the same way over the whole period, so its inflow and outflow can be less than the sum of the rows.`,
          ),
        ]
      : [
          t(
            `Forløb. Bestand primo: forløb, der startede før ${w.the} og ikke sluttede før ${w.the}s første dag. Tilgang: forløb startet i ${w.the}. Afgang: forløb afsluttet i ${w.the}. Bestand ultimo: forløb, der stadig kører efter ${w.the}s sidste dag (igangværende forløb uden slutdato er med). Et forløb, der både starter og slutter i ${w.the}, er med i både tilgang og afgang.`,
            `Courses. Stock at start: courses that started before the ${w.the} and had not ended before its first day. Inflow: courses started in the ${w.the}. Outflow: courses ended in the ${w.the}. Stock at end: courses still running after the ${w.the}'s last day (ongoing courses without an end date included). A course that starts and ends in the same ${w.the} is in both inflow and outflow.`,
          ),
        ];
  notes.push(
    t(
      `Bestand primo + tilgang − afgang = bestand ultimo = næste ${w.unit.toLowerCase()}s bestand primo; aktive i ${w.the} = bestand primo + tilgang = bestand ultimo + afgang.`,
      `Stock at start + inflow − outflow = stock at end = the next ${w.the}'s stock at start; active in the ${w.the} = stock at start + inflow = stock at end + outflow.`,
    ),
  );
  if (r.count === 'persons' && r.anonymous > 0)
    notes.push(
      t(
        `${r.anonymous} anonymiserede forløb er aktive i perioden uden en person (tomt eller anonymiseret person-id): de er ikke med; se --count courses.`,
        `${r.anonymous} anonymised course(s) are active in the period without a person (empty or anonymised person id): they are left out; see --count courses.`,
      ),
    );
  notes.push(t(`Kilde: ${o.source}.`, `Source: ${o.source}.`));
  return notes;
}
