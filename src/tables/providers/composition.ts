/** Who each provider receives: share per target group, median age and share with only primary school. */
import type { ProvidersResult } from '../../analyses/providers/index.js';
import { UOPLYST } from '../../analyses/providers/index.js';
import { sayer } from '../../base/i18n.js';
import {
  count,
  empty,
  labelCol,
  num,
  share,
  text,
  valueCol,
  type Cell,
  type Table,
} from '../../model/table.js';
import { sourceNote, theProvider, tooFew, type ProvidersTableOptions } from './notes.js';
import { isTooFew } from './shares.js';

export function compositionTable(
  res: ProvidersResult,
  o: ProvidersTableOptions,
  id: string,
  titleTail = '',
): Table {
  const t = sayer(o.lang);
  const groups = new Set<string>();
  for (const c of res.composition) for (const g of c.targetGroup.keys()) groups.add(g);
  const order = (v: string) => (v === UOPLYST ? Infinity : o.vocab.targetGroup.orderOf(v));
  const cols = [...groups].sort((a, b) => order(a) - order(b) || a.localeCompare(b, 'da'));
  const rows = res.composition.map((c) => {
    const cells: Cell[] = isTooFew(c.courses, o.threshold)
      ? [text(tooFew(o.lang)), ...cols.map(() => empty), empty]
      : [
          ...cols.map((g) => share(c.targetGroup.get(g) ?? 0, c.courses)),
          num(c.medianAge, 1, c.ages),
          share(c.primarySchool, c.educationKnown),
        ];
    return { cells: [text(o.valueLabel(c.value)), count(c.courses), ...cells] };
  });
  return {
    id,
    title:
      t(`Hvem ${theProvider(o)} får: borgersammensætning`, `Who ${theProvider(o)} receives: case mix`) +
      titleTail,
    columns: [
      labelCol(o.byLabel),
      valueCol(t('Forløb', 'Courses')),
      ...cols.map((g) =>
        valueCol(
          `${g === UOPLYST ? t('Uoplyst', 'Unknown') : o.vocab.targetGroup.label(g, o.lang)}, ${t('pct.', '%')}`,
        ),
      ),
      valueCol(t('Medianalder', 'Median age')),
      valueCol(t('Kun grundskole, pct.', 'Primary school only, %')),
    ],
    rows,
    notes: [
      t(
        'Alle forløb i udvalget, også dem uden kendt udfald. Målgruppe: andel af forløbene. Medianalder: alder ved start (fra CPR-nummeret), forløb med kendt alder. Kun grundskole: andel af forløbene med kendt uddannelse.',
        'All selected courses, also those without a known outcome. Target group: share of the courses. Median age: age at start (from the CPR number), courses with a known age. Primary school only: share of the courses with a known education.',
      ),
      t(
        'En ændring i, hvem en leverandør får, ændrer dens simple effekt, uden at leverandøren har gjort noget anderledes.',
        'A change in who a provider receives changes its simple effect without the provider doing anything differently.',
      ),
      sourceNote(o),
    ],
  };
}
