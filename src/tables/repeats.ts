/** Repeat users (gengangere) → memo tables. */
import { exitGroupOrder, UNKNOWN, UNMAPPED_GROUP } from '../analyses/exits.js';
import type { RepeatResult, Window } from '../analyses/repeats.js';
import { sayer, type Lang } from '../base/i18n.js';
import { count, labelCol, share, text, valueCol, type Row, type Table } from '../model/table.js';
import type { VocabSet } from '../schema/vocab.js';
import { repeatsFact, sameRow } from './links.js';
import { exitGroupKey, exitGroupLabel } from './exit-group-label.js';
import { slugKey } from '../model/keys.js';

export interface RepeatTableOptions {
  lang: Lang;
  vocab: VocabSet;
  periodText: string;
  window: Window;
  minGapDays: number;
  source: string;
}

/**
 * A window in words, with its rule (docs/definitions.md#repeat-users): `within` "12 måneder",
 * `rule` "slut₁ < start₂ ≤ slut₁ + 12 måneder"; `text` both, for titles.
 */
export function windowWords(w: Window, lang: Lang): { within: string; rule: string; text: string } {
  const t = sayer(lang);
  const within =
    w.unit === 'm'
      ? t(`${w.n} ${w.n === 1 ? 'måned' : 'måneder'}`, `${w.n} ${w.n === 1 ? 'month' : 'months'}`)
      : t(`${w.n} ${w.n === 1 ? 'dag' : 'dage'}`, `${w.n} ${w.n === 1 ? 'day' : 'days'}`);
  const rule = t(`slut₁ < start₂ ≤ slut₁ + ${within}`, `end₁ < start₂ ≤ end₁ + ${within}`);
  return { within, rule, text: `${within} (${rule})` };
}

/** What the window counts: calendar months (with the month-end rule) or days. */
export function windowNote(w: Window, lang: Lang): string {
  const t = sayer(lang);
  return w.unit === 'm'
    ? t(
        'Måneder er kalendermåneder: slut₁ + N måneder er samme dato N måneder senere; findes datoen ikke (31. → februar), er det månedens sidste dag.',
        'Months are calendar months: end₁ + N months is the same date N months later; where that date does not exist (31st → February), the last day of that month.',
      )
    : t('Vinduet tælles i dage.', 'The window counts days.');
}

export function repeatTables(r: RepeatResult, o: RepeatTableOptions): Table[] {
  const t = sayer(o.lang);
  const w = windowWords(o.window, o.lang);
  const definition = t(
    `Gengangere: personer, der starter et forløb i perioden og har afsluttet et tidligere forløb højst ${w.within} før starten (${w.rule}). ${windowNote(o.window, 'da')} Et forløb, der starter mens det tidligere stadig kører, er ikke en tilbagevenden${o.minGapDays > 0 ? `, og heller ikke et, der starter inden for ${o.minGapDays} dage efter det tidligere slut` : ''}. Andelen er af alle personer, der startede i perioden. Der findes ingen officiel national definition.`,
    `Repeat users: persons who start a course in the period and ended an earlier course at most ${w.within} before that start (${w.rule}). ${windowNote(o.window, 'en')} A course starting while the earlier one still runs is not a return${o.minGapDays > 0 ? `, nor one starting within ${o.minGapDays} days of the earlier end` : ''}. The share is of all persons who started in the period. There is no official national definition.`,
  );
  const source = t(`Kilde: ${o.source}.`, `Source: ${o.source}.`);
  const returned = new Set(r.returns.map((x) => x.course));

  // By target group: started persons, of whom repeat users, and their share.
  const groups = new Map<string, { started: number; returning: number }>();
  for (const c of r.startedCourses) {
    const g = c.targetGroup ?? UNKNOWN;
    const e = groups.get(g) ?? { started: 0, returning: 0 };
    e.started++;
    if (returned.has(c)) e.returning++;
    groups.set(g, e);
  }
  const rank = (v: string) => (v === UNKNOWN ? Infinity : o.vocab.targetGroup.orderOf(v));
  const targetRows: Row[] = [...groups]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'da'))
    .map(([g, e]) => ({
      key: slugKey(o.vocab.targetGroup.label(g, 'en')),
      cells: [
        text(o.vocab.targetGroup.label(g, o.lang)),
        count(e.started),
        count(e.returning),
        share(e.returning, e.started),
      ],
    }));
  targetRows.push({
    key: 'total',
    cells: [
      text(t('I alt', 'Total')),
      count(r.startedPersons),
      count(r.returns.length),
      share(r.returns.length, r.startedPersons),
    ],
    style: 'total',
  });

  // By the exit group of the earlier course.
  const byGroup = new Map<string, number>();
  for (const x of r.returns) {
    const g = x.previous.exitGroup ?? UNMAPPED_GROUP;
    byGroup.set(g, (byGroup.get(g) ?? 0) + 1);
  }
  const groupRows: Row[] = exitGroupOrder(o.vocab)
    .filter((k) => k !== UNMAPPED_GROUP || byGroup.has(k))
    .map((k) => ({
      key: exitGroupKey(o.vocab, k),
      cells: [
        text(exitGroupLabel(o.vocab, k, o.lang)),
        count(byGroup.get(k) ?? 0),
        share(byGroup.get(k) ?? 0, r.returns.length),
      ],
    }));
  groupRows.push({
    key: 'total',
    cells: [text(t('I alt', 'Total')), count(r.returns.length), share(r.returns.length, r.returns.length)],
    style: 'total',
  });

  return [
    {
      id: 'repeats.total',
      title: t(
        `Gengangere inden for ${w.text}, ${o.periodText}`,
        `Repeat users within ${w.text}, ${o.periodText}`,
      ),
      columns: [
        labelCol('', 'label'),
        valueCol(t('Antal', 'Count'), 'count'),
        valueCol(t('Pct.', '%'), 'percent'),
      ],
      rows: [
        {
          key: 'personsWhoStartedInThePeriod',
          cells: [
            text(t('Personer startet i perioden', 'Persons who started in the period')),
            count(r.startedPersons),
            share(r.startedPersons, r.startedPersons),
          ],
          style: 'total',
        },
        {
          key: 'ofWhomRepeatUsers',
          cells: [
            text(t('heraf gengangere', 'of whom repeat users')),
            count(r.returns.length),
            share(r.returns.length, r.startedPersons),
          ],
        },
      ],
      notes: [definition, source],
      // The same figures as keyfigures' repeat-user table (the total column).
      facts: ['started', 'returning'].map((what, row) => ({
        key: `${repeatsFact(o.periodText, o.window, o.minGapDays)}|all|${what}`,
        row,
        col: 1,
      })),
    },
    {
      id: 'repeats.targetGroup',
      title: t(
        `Gengangere efter målgruppe, ${o.periodText}`,
        `Repeat users by target group, ${o.periodText}`,
      ),
      columns: [
        labelCol(t('Målgruppe', 'Target group'), 'targetGroup'),
        valueCol(t('Startet', 'Started'), 'started'),
        valueCol(t('Gengangere', 'Repeat users'), 'repeatUsers'),
        valueCol(t('Pct.', '%'), 'percent'),
      ],
      rows: targetRows,
      // Its total row repeats the started persons and repeat users of repeats.total.
      links: [
        ...sameRow(
          { table: 'repeats.targetGroup', row: targetRows.length - 1 },
          { table: 'repeats.total', row: 0 },
          [1],
        ),
        {
          total: { table: 'repeats.targetGroup', row: targetRows.length - 1, col: 2 },
          parts: [{ table: 'repeats.total', row: 1, col: 1 }],
        },
      ],
      notes: [
        t(
          'Målgruppe ved det forløb, der tæller: tilbagevendingen, ellers det første forløb startet i perioden; starter to forløb samme dag, tæller det, der slutter senest (igangværende senest), derefter ordlistens rækkefølge (docs/definitions.md#tie-breaks). Pct. = gengangere af startede i rækken.',
          'Target group of the course that counts: the return, else the first course started in the period; of two starting on the same day, the one that ends later (ongoing latest), then vocabulary order (docs/definitions.md#tie-breaks). % = repeat users of those started in the row.',
        ),
        definition,
        source,
      ],
      additive: { rows: true },
    },
    {
      id: 'repeats.previousExitGroup',
      title: t(
        `Gengangere efter afgangsgruppe for det tidligere forløb, ${o.periodText}`,
        `Repeat users by the exit group of the earlier course, ${o.periodText}`,
      ),
      columns: [
        labelCol(t('Tidligere forløb afsluttet til', 'Earlier course ended in'), 'earlierCourseEndedIn'),
        valueCol(t('Gengangere', 'Repeat users'), 'repeatUsers'),
        valueCol(t('Pct.', '%'), 'percent'),
      ],
      rows: groupRows,
      links: sameRow(
        { table: 'repeats.previousExitGroup', row: groupRows.length - 1 },
        { table: 'repeats.total', row: 1 },
        [1],
      ),
      notes: [
        t(
          'Det tidligere forløb er det, der sluttede senest før tilbagevendingen; slutter to samme dag, det, der startede senest, derefter ordlistens rækkefølge (docs/definitions.md#tie-breaks).',
          'The earlier course is the one that ended last before the return; of two ending on the same day, the one that started later, then vocabulary order (docs/definitions.md#tie-breaks).',
        ),
        definition,
        source,
      ],
      additive: { rows: true },
    },
  ];
}
