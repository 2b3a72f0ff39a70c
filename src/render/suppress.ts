/**
 * Small-cell suppression (diskretionering) in the style of Statistics Denmark: no published cell
 * may rest on fewer than N persons, and no hidden cell may be recoverable from a total.
 *
 * Primary: a count 0 < v < N shows "<N"; a share whose count or denominator is 0 < x < N, and a
 * num cell (mean, median, min, max) behind 0 < n < N persons, show "..".
 * Secondary (only where `table.additive` says the counts add up: all body rows to the total row, or
 * the explicit `rowGroups`, and/or across to a total column): a line (column or row) with
 * exactly one hidden cell next to a shown total gets its smallest other non-zero count hidden too
 * (".."), until nothing changes. A share goes with the nearest count cell to its left in its row.
 */
import type { Lang } from '../base/i18n.js';
import type { Cell, Row, Table } from '../model/table.js';

const HIDDEN = '..';

export function suppress(table: Table, threshold: number, lang: Lang): Table;
export function suppress(tables: Table[], threshold: number, lang: Lang): Table[];
export function suppress(tables: Table[] | Table, threshold: number, lang: Lang): Table | Table[];
export function suppress(tables: Table[] | Table, threshold: number, lang: Lang): Table | Table[] {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`suppression threshold must be a whole number ≥ 1, got ${threshold}`);
  }
  return Array.isArray(tables)
    ? tables.map((t) => suppressTable(t, threshold, lang))
    : suppressTable(tables, threshold, lang);
}

function suppressTable(table: Table, n: number, lang: Lang): Table {
  const small = (v: number) => v > 0 && v < n;
  const rows: Row[] = table.rows.map((r) => ({ ...r, cells: [...r.cells] }));
  // Where the counts are: a grid of booleans from the input, so a count turned into a suppressed
  // cell still counts as a count cell of its column and row. A cell suppressed already in the
  // input is treated as a hidden count (suppression is idempotent).
  const isCount = rows.map((r) => r.cells.map((c) => c.t === 'count' || c.t === 'suppressed'));
  // The count cell each share belongs to: the nearest count cell to its left.
  const owner = rows.map((r, i) => {
    let last = -1;
    return r.cells.map((c, j) => {
      if (isCount[i]![j]) last = j;
      return c.t === 'share' ? last : -1;
    });
  });

  let primary = false;
  let secondary = false;
  const hide = (i: number, j: number, shown: string) => {
    rows[i]!.cells[j] = { t: 'suppressed', shown };
    // The shares that go with this count would give it away.
    owner[i]!.forEach((o, k) => {
      if (o === j && rows[i]!.cells[k]!.t === 'share') rows[i]!.cells[k] = { t: 'suppressed', shown: HIDDEN };
    });
  };

  // Primary.
  rows.forEach((row, i) => {
    row.cells.forEach((c, j) => {
      if (c.t === 'count' && small(c.v)) {
        hide(i, j, `<${n}`);
        primary = true;
      }
    });
  });
  rows.forEach((row) => {
    row.cells.forEach((c, j) => {
      if (
        (c.t === 'share' && (small(c.count) || small(c.of))) ||
        (c.t === 'num' && c.n !== undefined && small(c.n))
      ) {
        row.cells[j] = { t: 'suppressed', shown: HIDDEN };
        primary = true;
      }
    });
  });
  if (table.rows.some((r) => r.cells.some((c) => c.t === 'suppressed'))) primary = true;

  // Cumulative columns: a row is shown only when the events since the last shown row of its set
  // are none or at least n (else the difference of two shown rows gives a small number away).
  let differencing = false;
  const cumulative = table.cumulative;
  if (cumulative) {
    const hiddenIn = rows.map(() => false);
    for (const set of cumulative.sets) {
      let lastShown = 0;
      rows.forEach((row, i) => {
        const events = set.map((j) => row.cells[j]).find((c) => c?.t === 'num' && c.n !== undefined);
        if (set.some((j) => row.cells[j]?.t === 'suppressed')) {
          hiddenIn[i] = true;
          return;
        }
        if (events?.t !== 'num' || events.n === undefined) return;
        if (small(events.n - lastShown)) {
          for (const j of set) row.cells[j] = { t: 'suppressed', shown: HIDDEN };
          hiddenIn[i] = true;
          differencing = true;
        } else lastShown = events.n;
      });
    }
    rows.forEach((row, i) => {
      if (!hiddenIn[i]) return;
      for (const j of cumulative.derived ?? [])
        if (row.cells[j] && row.cells[j]!.t !== 'suppressed')
          row.cells[j] = { t: 'suppressed', shown: HIDDEN };
    });
  }

  // Secondary: a line is a list of [row, column] positions of count cells, plus its total.
  const lines: { body: [number, number][]; total: [number, number]; hideTotal?: boolean }[] = [];
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const groups = table.additive?.rowGroups;
  if (groups) {
    for (const g of groups)
      for (let j = 0; j < width; j++) {
        if (!isCount[g.total]?.[j]) continue;
        lines.push({
          body: g.parts.filter((i) => isCount[i]?.[j]).map((i) => [i, j] as [number, number]),
          total: [g.total, j],
          hideTotal: g.secondary === 'total',
        });
      }
  } else if (table.additive?.rows) {
    const totalRow = rows.findIndex((r) => r.style === 'total');
    if (totalRow >= 0) {
      for (let j = 0; j < width; j++) {
        if (!isCount[totalRow]![j]) continue;
        const body: [number, number][] = [];
        rows.forEach((r, i) => {
          if (r.style !== 'total' && isCount[i]![j]) body.push([i, j]);
        });
        lines.push({ body, total: [totalRow, j] });
      }
    }
  }
  const tc = table.additive?.totalColumn;
  if (tc !== undefined) {
    rows.forEach((_r, i) => {
      if (!isCount[i]![tc]) return;
      const body: [number, number][] = [];
      isCount[i]!.forEach((c, j) => {
        if (c && j !== tc) body.push([i, j]);
      });
      lines.push({ body, total: [i, tc] });
    });
  }
  const at = ([i, j]: [number, number]): Cell => rows[i]!.cells[j]!;
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (at(line.total).t === 'suppressed') continue;
      if (line.body.filter((p) => at(p).t === 'suppressed').length !== 1) continue;
      if (line.hideTotal) {
        hide(line.total[0], line.total[1], HIDDEN);
        secondary = true;
        changed = true;
        continue;
      }
      let best: [number, number] | undefined;
      let bestValue = Infinity;
      for (const p of line.body) {
        const c = at(p);
        // Strictly smaller: on a tie the first cell in reading order is hidden.
        if (c.t === 'count' && c.v > 0 && c.v < bestValue) {
          best = p;
          bestValue = c.v;
        }
      }
      if (best) {
        hide(best[0], best[1], HIDDEN);
        secondary = true;
        changed = true;
      }
    }
  }

  if (!primary && !secondary && !differencing) return { ...table, rows };
  const notes = [...table.notes];
  const add = (note: string) => {
    if (!notes.includes(note)) notes.push(note);
  };
  add(
    lang === 'da'
      ? `Tal under ${n} er vist som "<${n}" (diskretionering); procenter og gennemsnit for under ${n} personer er vist som "..".`
      : `Numbers below ${n} are shown as "<${n}" (statistical disclosure control); percentages and averages for fewer than ${n} persons are shown as "..".`,
  );
  if (differencing) {
    add(
      lang === 'da'
        ? `Uger, hvor der siden sidst viste uge er under ${n} afgange, er vist som "..", så forskellen mellem to uger ikke afslører et lille tal.`
        : `Weeks with fewer than ${n} exits since the last week shown are shown as "..", so that the difference between two weeks does not give away a small number.`,
    );
  }
  if (secondary) {
    add(
      lang === 'da'
        ? 'Desuden er en celle mere pr. række/kolonne vist som "..", så de skjulte tal ikke kan regnes ud af totalen.'
        : 'In addition, one more cell per row/column is shown as "..", so that the hidden numbers cannot be worked out from the total.',
    );
  }
  return { ...table, rows, notes };
}
