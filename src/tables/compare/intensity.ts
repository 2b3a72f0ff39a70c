/**
 * Treatment intensity as tables (docs/definitions.md#treatment-intensity): the share of
 * person-weeks with a conversation per group, in total and per job centre, against the target;
 * and the weeks in a work placement per person. Person-weeks and shares are num cells carrying
 * the persons behind them, so a job centre with few persons is hidden; the job centres' persons
 * add up to the total.
 */
import type { IntensityResult, WeekShare } from '../../analyses/compare/intensity.js';
import { ARMS } from '../../analyses/compare/types.js';
import { sayer } from '../../base/i18n.js';
import {
  count,
  labelCol,
  num,
  pValue,
  text,
  valueCol,
  type Cell,
  type Row,
  type Table,
} from '../../model/table.js';
import { formatFixed } from '../../render/format.js';
import { smallest } from './outcomes.js';
import type { PanelTableOptions } from './panel.js';

type Options = Omit<PanelTableOptions, 'statuses'>;

export function conversationTable(r: IntensityResult, o: Options): Table {
  const t = sayer(o.lang);
  const target = 100 * r.targetShare;
  const cells = (label: string, s: Record<'treatment' | 'control', WeekShare>): Cell[] => {
    const out: Cell[] = [text(label)];
    for (const a of ARMS) {
      const x = s[a];
      const share = x.personWeeks === 0 ? null : (100 * x.withConversation) / x.personWeeks;
      out.push(
        count(x.persons),
        num(x.personWeeks, 0, x.persons),
        num(share, 1, x.persons),
        share === null ? text('-') : text(share >= target ? t('Ja', 'Yes') : t('Nej', 'No')),
      );
    }
    return out;
  };
  const rows: Row[] = r.byUnit.map((u) => ({ cells: cells(u.unit ?? t('Uoplyst', 'Unknown'), u.arms) }));
  rows.push({ cells: cells(t('I alt', 'Total'), r.total), style: 'total' });
  const fmt = (v: number) => formatFixed(v, 0, o.lang);
  return {
    id: 'compare.activities.conversations',
    title: t(
      `Andel af ugerne med en samtale: ${o.armLabels.treatment} vs. ${o.armLabels.control}${o.titleTail}`,
      `Share of weeks with a conversation: ${o.armLabels.treatment} vs. ${o.armLabels.control}${o.titleTail}`,
    ),
    columns: [
      labelCol(t('Jobcenter', 'Job centre')),
      ...ARMS.flatMap((a) => [
        valueCol(`${o.armLabels[a]}, ${t('personer', 'persons')}`),
        valueCol(`${o.armLabels[a]}, ${t('personuger', 'person-weeks')}`),
        valueCol(`${o.armLabels[a]}, ${t('pct. med samtale', '% with a conversation')}`),
        labelCol(`${o.armLabels[a]}, ${t(`mål ${fmt(target)} % nået`, `target ${fmt(target)}% met`)}`),
      ]),
    ],
    rows,
    additive: { rows: true },
    // A job centre's person-weeks and share go with its persons.
    derived: [2, 3, 4, 6, 7, 8].map((col) => ({ col, from: [col < 5 ? 1 : 5] })),
    notes: [
      r.denominator === 'benefit'
        ? t(
            `Personuger: ugerne 1–${r.last} efter randomisering, hvor personen har status offentlig forsørgelse i panelet (som evalueringen betinger på at være på ydelse). En uge med samtale: mindst én samtale dateret i ugen.`,
            `Person-weeks: weeks 1–${r.last} after randomisation in which the person is on benefit in the panel (as the evaluation conditions on being on benefit). A week with a conversation: at least one conversation dated in the week.`,
          )
        : t(
            `Personuger: ugerne 1–${r.last} efter randomisering for hver person (uge ${r.last} er ugen for den nyeste aktivitet; med --panel tælles kun ugerne på offentlig forsørgelse). En uge med samtale: mindst én samtale dateret i ugen.`,
            `Person-weeks: weeks 1–${r.last} after randomisation for every person (week ${r.last} is that of the newest activity; with --panel only the weeks on benefit count). A week with a conversation: at least one conversation dated in the week.`,
          ),
      t(
        `Målet er ${fmt(target)} % af ugerne (--target-share). Ugerne for én person hænger sammen, så der gives intet konfidensinterval.`,
        `The target is ${fmt(target)}% of the weeks (--target-share). The weeks of one person are not independent, so no confidence interval is given.`,
      ),
      ...unusedNotes(r, o),
      o.sourceNote,
    ],
  };
}

function unusedNotes(r: IntensityResult, o: Options): string[] {
  const t = sayer(o.lang);
  const counts: [number, string, string][] = [
    [
      r.notInFile,
      'aktiviteter for personer, der ikke er i grupperne',
      'activities of persons not in the groups',
    ],
    [r.unknownType, 'aktiviteter af en ukendt type', 'activities of an unknown type'],
    [r.outside, `aktiviteter uden for uge 1–${r.last}`, `activities outside weeks 1–${r.last}`],
    [
      r.noRandomisation,
      'aktiviteter for personer uden randomiseringsdato',
      'activities of persons without a randomisation date',
    ],
  ];
  return counts
    .filter(([n]) => n > 0)
    .map(([n, da, en]) => t(`Ikke talt med: ${n} ${da}.`, `Not counted: ${n} ${en}.`));
}

export function placementTable(r: IntensityResult, o: Options): Table {
  const t = sayer(o.lang);
  const v = r.placementWeeks;
  const n = smallest(v.treatment.n, v.control.n);
  const w = typeof r.placementTest === 'string' ? null : r.placementTest;
  const cells: Cell[] = [
    text(t(`Uger i virksomhedspraktik, uge 1–${r.last}`, `Weeks in a work placement, weeks 1–${r.last}`)),
  ];
  for (const a of ARMS) cells.push(count(v[a].n), num(v[a].mean, 1, v[a].n), num(v[a].sd, 1, v[a].n));
  cells.push(
    num(w?.difference ?? null, 1, n),
    num(w?.ci[0] ?? null, 1, n),
    num(w?.ci[1] ?? null, 1, n),
    pValue(w?.pValue ?? null, n),
  );
  return {
    id: 'compare.activities.placement',
    title: t(
      `Virksomhedspraktik pr. person: ${o.armLabels.treatment} vs. ${o.armLabels.control}${o.titleTail}`,
      `Work placement per person: ${o.armLabels.treatment} vs. ${o.armLabels.control}${o.titleTail}`,
    ),
    columns: [
      labelCol(t('Udfald', 'Outcome')),
      ...ARMS.flatMap((a) => [
        valueCol(`${o.armLabels[a]}, ${t('personer', 'persons')}`),
        valueCol(`${o.armLabels[a]}, ${t('gns.', 'mean')}`),
        valueCol(`${o.armLabels[a]}, SD`),
      ]),
      valueCol(t('Forskel, gns.', 'Difference, mean')),
      valueCol(t('95 %-KI, nedre (Welch)', '95% CI, lower (Welch)')),
      valueCol(t('95 %-KI, øvre (Welch)', '95% CI, upper (Welch)')),
      valueCol('p (Welch t)'),
    ],
    rows: [{ cells }],
    notes: [
      t(
        `Pr. person: antal uger 1–${r.last} efter randomisering, som en virksomhedspraktik (dato til slutdato) dækker helt eller delvis; personer uden praktik tæller 0. Forskel og interval med Welchs t-test.`,
        `Per person: the number of weeks 1–${r.last} after randomisation that a work placement (date to end date) covers in whole or in part; persons without one count 0. Difference and interval by Welch's t-test.`,
      ),
      o.sourceNote,
    ],
  };
}
