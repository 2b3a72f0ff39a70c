/** Exit-reason and exit-group distributions → memo tables. */
import type { ExitCounts } from '../analyses/exits.js';
import { UNMAPPED_GROUP } from '../analyses/exits.js';
import { sayer, type Lang } from '../base/i18n.js';
import { exitGroupKey, exitGroupLabel } from './exit-group-label.js';
import { slugKey } from '../model/keys.js';
import { text, type Row, type Table } from '../model/table.js';
import type { VocabSet } from '../schema/vocab.js';
import { distributionColumns, distributionRows, type DataColumn } from './distribution.js';
import { columnKeys, distributionFacts, exitGroupLinks } from './links.js';

export interface ExitTableOptions {
  lang: Lang;
  /** One table: each exit group as a subtotal row with its reasons under it. */
  grouped?: boolean;
  vocab: VocabSet;
  /** "2025H1 (01-01-2025 – 30-06-2025)" or "alle afsluttede forløb". */
  periodText: string;
  byLabel?: string;
  source: string;
}

export function exitTables(cols: DataColumn<ExitCounts>[], o: ExitTableOptions): Table[] {
  const t = sayer(o.lang);
  const total = cols[cols.length - 1]!.k;
  const additive = cols.length === 1 ? { rows: true } : { rows: true, totalColumn: cols.length };
  const groupLabel = (key: string) => exitGroupLabel(o.vocab, key, o.lang);
  const reasonLabel = (v: string) => o.vocab.exitReason.label(v, o.lang);
  // The grouped table's rows are keyed by their English labels (model/keys.ts).
  const keyOf = {
    group: (key: string) => exitGroupKey(o.vocab, key),
    reason: (v: string) => slugKey(o.vocab.exitReason.label(v, 'en')),
  };
  const unmapped = total.byReason.filter((r) => r.group === null).map((r) => r.value);
  const common = [
    t(
      `Afsluttede forløb: forløb med slutdato i perioden. Procent af alle ${total.ended} afsluttede forløb${cols.length > 1 ? ' i alt' : ''}.`,
      `Ended courses: courses with an end date in the period. Percent of all ${total.ended} ended courses${cols.length > 1 ? ' in total' : ''}.`,
    ),
    ...(cols.length > 1 ? [t(`Kolonner efter ${o.byLabel}.`, `Columns by ${o.byLabel}.`)] : []),
  ];
  const source = t(`Kilde: ${o.source}.`, `Source: ${o.source}.`);
  if (o.grouped) return [groupedTable(cols, o, groupLabel, reasonLabel, keyOf, [...common, source])];
  // The same figures as keyfigures' exit tables of the period (Table.facts).
  const prefix = `ended|${o.periodText}`;
  // Each exit group is the sum of its reasons: declared on the groups table (see Table.links).
  const links = exitGroupLinks(
    cols,
    { reasons: 'exits.reasons', groups: 'exits.groups' },
    (k) => k.byReason,
    (k) => k.byGroup,
  );
  return [
    {
      id: 'exits.reasons',
      title: t(
        `Afsluttede forløb efter afslutningsårsag, ${o.periodText}`,
        `Ended courses by exit reason, ${o.periodText}`,
      ),
      columns: distributionColumns(cols, t('Afslutningsårsag', 'Exit reason'), o.lang),
      rows: distributionRows(
        cols,
        (k) => k.byReason,
        (k) => k.ended,
        reasonLabel,
        o.lang,
      ),
      notes: [
        ...common,
        t(
          'Et afsluttet forløb uden årsag tælles som "Uoplyst".',
          'An ended course without a reason counts as "Unknown".',
        ),
        ...(unmapped.length > 0
          ? [
              t(
                `Ikke i ordlisten (vist som skrevet): ${unmapped.join(', ')}.`,
                `Not in the vocabulary (shown as written): ${unmapped.join(', ')}.`,
              ),
            ]
          : []),
        source,
      ],
      additive,
      facts: distributionFacts(cols, (k) => k.byReason, prefix, 'reason', o.byLabel),
    },
    {
      id: 'exits.groups',
      title: t(
        `Afsluttede forløb efter afgangsgruppe, ${o.periodText}`,
        `Ended courses by exit group, ${o.periodText}`,
      ),
      columns: distributionColumns(cols, t('Afgangsgruppe', 'Exit group'), o.lang),
      rows: distributionRows(
        cols,
        (k) => k.byGroup,
        (k) => k.ended,
        groupLabel,
        o.lang,
      ),
      notes: [
        ...common,
        t(
          'Grupperne og hvilke årsager de dækker følger ordlisten (kan ændres i jobfx.config.json). Andelene er beregnet af de summerede antal, ikke ved at lægge afrundede procenter sammen.',
          'The groups and the reasons they cover follow the vocabulary (configurable in jobfx.config.json). Shares are computed from summed counts, not by adding rounded percentages.',
        ),
        source,
      ],
      additive,
      links,
      facts: distributionFacts(cols, (k) => k.byGroup, prefix, 'group', o.byLabel),
    },
  ];
}

/**
 * Reasons under their exit group: a subtotal row per group (vocabulary order, groups with no
 * course left out), its reasons below it, and the total. The row relations (reasons → group,
 * groups → total) drive secondary suppression, so no hidden reason is a subtotal minus the rest.
 */
function groupedTable(
  cols: DataColumn<ExitCounts>[],
  o: ExitTableOptions,
  groupLabel: (key: string) => string,
  reasonLabel: (v: string) => string,
  keyOf: { group: (key: string) => string; reason: (v: string) => string },
  notes: string[],
): Table {
  const t = sayer(o.lang);
  const total = cols[cols.length - 1]!.k;
  const reasonRows = distributionRows(
    cols,
    (k) => k.byReason,
    (k) => k.ended,
    (v) => v,
    o.lang,
  );
  const groupRows = distributionRows(
    cols,
    (k) => k.byGroup,
    (k) => k.ended,
    (v) => v,
    o.lang,
  );
  const rows: Row[] = [];
  const rowGroups: { total: number; parts: number[] }[] = [];
  const subtotals: number[] = [];
  // Row → its fact name (group=key, reason=value, or none for the total), as keyfigures names them.
  const names: (string | null)[] = [];
  for (const g of groupRows.slice(0, -1)) {
    const key = (g.cells[0] as { v: string }).v;
    const reasons = total.byReason.filter((r) => (r.group ?? UNMAPPED_GROUP) === key);
    if (reasons.length === 0) continue;
    const at = rows.length;
    subtotals.push(at);
    rows.push({
      key: keyOf.group(key),
      cells: [text(groupLabel(key)), ...g.cells.slice(1)],
      style: 'subtotal',
    });
    names.push(`group=${key}`);
    const parts: number[] = [];
    for (const r of reasons) {
      const row = reasonRows.find((x) => (x.cells[0] as { v: string }).v === r.value)!;
      parts.push(rows.length);
      rows.push({
        key: keyOf.reason(r.value),
        cells: [text(`  ${reasonLabel(r.value)}`), ...row.cells.slice(1)],
      });
      names.push(`reason=${r.value}`);
    }
    rowGroups.push({ total: at, parts });
  }
  rows.push(groupRows[groupRows.length - 1]!);
  names.push(null);
  const facts = columnKeys(cols, o.byLabel).flatMap((c, j) =>
    names.map((name, row) => ({
      key: `ended|${o.periodText}|${c}${name === null ? '' : `|${name}`}`,
      row,
      col: j + 1,
    })),
  );
  rowGroups.push({ total: rows.length - 1, parts: subtotals });
  return {
    id: 'exits.grouped',
    title: t(
      `Afsluttede forløb efter afgangsgruppe og afslutningsårsag, ${o.periodText}`,
      `Ended courses by exit group and exit reason, ${o.periodText}`,
    ),
    columns: distributionColumns(
      cols,
      t('Afgangsgruppe / afslutningsårsag', 'Exit group / exit reason'),
      o.lang,
    ),
    rows,
    notes: [
      ...notes.slice(0, -1),
      t(
        'Gruppernes antal og procenter er summen af årsagernes antal, ikke af de afrundede procenter.',
        "A group's count and percent come from the summed counts of its reasons, not from rounded percentages.",
      ),
      notes[notes.length - 1]!,
    ],
    additive: { rowGroups, ...(cols.length > 1 ? { totalColumn: cols.length } : {}) },
    facts,
  };
}
