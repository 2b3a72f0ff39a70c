/** Repeat users (gengangere) → memo tables. */
import { exitGroupOrder, UNKNOWN, UNMAPPED_GROUP } from '../analyses/exits.js';
import type { RepeatResult } from '../analyses/repeats.js';
import { sayer, type Lang } from '../base/i18n.js';
import { count, labelCol, share, text, valueCol, type Row, type Table } from '../model/table.js';
import type { VocabSet } from '../schema/vocab.js';
import { repeatsFact, sameRow } from './links.js';

export interface RepeatTableOptions {
  lang: Lang;
  vocab: VocabSet;
  periodText: string;
  windowDays: number;
  minGapDays: number;
  source: string;
}

export function repeatTables(r: RepeatResult, o: RepeatTableOptions): Table[] {
  const t = sayer(o.lang);
  const definition = t(
    `Gengangere: personer, der starter et forløb i perioden og har afsluttet et tidligere forløb højst ${o.windowDays} dage før starten (slut₁ < start₂ ≤ slut₁ + ${o.windowDays}). Et forløb, der starter mens det tidligere stadig kører, er ikke en tilbagevenden${o.minGapDays > 0 ? `, og heller ikke et, der starter inden for ${o.minGapDays} dage efter det tidligere slut` : ''}. Andelen er af alle personer, der startede i perioden. Der findes ingen officiel national definition.`,
    `Repeat users: persons who start a course in the period and ended an earlier course at most ${o.windowDays} days before that start (end₁ < start₂ ≤ end₁ + ${o.windowDays}). A course starting while the earlier one still runs is not a return${o.minGapDays > 0 ? `, nor one starting within ${o.minGapDays} days of the earlier end` : ''}. The share is of all persons who started in the period. There is no official national definition.`,
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
      cells: [
        text(o.vocab.targetGroup.label(g, o.lang)),
        count(e.started),
        count(e.returning),
        share(e.returning, e.started),
      ],
    }));
  targetRows.push({
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
  const groupLabel = (key: string) =>
    key === UNMAPPED_GROUP
      ? t('Ikke i ordlisten', 'Not in the vocabulary')
      : o.vocab.exitGroupLabel(key, o.lang);
  const groupRows: Row[] = exitGroupOrder(o.vocab)
    .filter((k) => k !== UNMAPPED_GROUP || byGroup.has(k))
    .map((k) => ({
      cells: [text(groupLabel(k)), count(byGroup.get(k) ?? 0), share(byGroup.get(k) ?? 0, r.returns.length)],
    }));
  groupRows.push({
    cells: [text(t('I alt', 'Total')), count(r.returns.length), share(r.returns.length, r.returns.length)],
    style: 'total',
  });

  return [
    {
      id: 'repeats.total',
      title: t(
        `Gengangere inden for ${o.windowDays} dage, ${o.periodText}`,
        `Repeat users within ${o.windowDays} days, ${o.periodText}`,
      ),
      columns: [labelCol(''), valueCol(t('Antal', 'Count')), valueCol(t('Pct.', '%'))],
      rows: [
        {
          cells: [
            text(t('Personer startet i perioden', 'Persons who started in the period')),
            count(r.startedPersons),
            share(r.startedPersons, r.startedPersons),
          ],
          style: 'total',
        },
        {
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
        key: `${repeatsFact(o.periodText, o.windowDays, o.minGapDays)}|all|${what}`,
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
        labelCol(t('Målgruppe', 'Target group')),
        valueCol(t('Startet', 'Started')),
        valueCol(t('Gengangere', 'Repeat users')),
        valueCol(t('Pct.', '%')),
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
          'Målgruppe ved det forløb, der tæller: tilbagevendingen, ellers det første forløb startet i perioden. Pct. = gengangere af startede i rækken.',
          'Target group of the course that counts: the return, else the first course started in the period. % = repeat users of those started in the row.',
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
        labelCol(t('Tidligere forløb afsluttet til', 'Earlier course ended in')),
        valueCol(t('Gengangere', 'Repeat users')),
        valueCol(t('Pct.', '%')),
      ],
      rows: groupRows,
      links: sameRow(
        { table: 'repeats.previousExitGroup', row: groupRows.length - 1 },
        { table: 'repeats.total', row: 1 },
        [1],
      ),
      notes: [
        t(
          'Det tidligere forløb er det, der sluttede senest før tilbagevendingen.',
          'The earlier course is the one that ended last before the return.',
        ),
        definition,
        source,
      ],
      additive: { rows: true },
    },
  ];
}
