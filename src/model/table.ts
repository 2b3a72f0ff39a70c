/**
 * The Table model: what an analysis hands to a renderer. Cells are typed so each renderer can
 * format them its own way (decimal comma, real numbers in xlsx, unrounded in json); a share
 * carries its count and denominator so the percentage is computed from counts at render time.
 */
import type { Day } from '../base/dates.js';

export type Cell =
  | { t: 'text'; v: string }
  | { t: 'count'; v: number }
  /** A percentage: 100 × count / of, rendered with `decimals`; "-" when of is 0. */
  | { t: 'share'; count: number; of: number }
  /**
   * A measured number (mean, median ...), rounded to `decimals` when rendered; null shows "-".
   * `n` is the number of persons/courses behind it: small-cell suppression hides it when n is below
   * the threshold (a mean of two people, or a minimum, can single a person out). A value below
   * `below` is shown as "<below" (a p-value "<0,001"); json and xlsx keep the number itself.
   */
  | { t: 'num'; v: number | null; decimals: number; n?: number; below?: number }
  | { t: 'date'; v: Day | null }
  | { t: 'empty' }
  /** A cell hidden by small-cell suppression; `shown` is what the reader sees ("<5", ".."). */
  | { t: 'suppressed'; shown: string };

export interface Column {
  label: string;
  /**
   * What the column holds, the same in every language (`total`, `count`, `percent`, a value of a
   * `--by` field), for scripts reading the json. Absent: the json derives one (render/json-keys.ts).
   */
  key?: string;
  /** 'label' columns are left-aligned text; 'value' columns right-aligned numbers. */
  kind: 'label' | 'value';
}

export interface Row {
  cells: Cell[];
  /** What the row holds, the same in every language (`activePersons`, a vocabulary key); see Column.key. */
  key?: string;
  style?: 'total' | 'subtotal';
}

export interface Table {
  /** Stable id, e.g. "keyfigures.exits" (sheet names, json keys). */
  id: string;
  title: string;
  columns: Column[];
  rows: Row[];
  /** Definitions and caveats printed under the table. */
  notes: string[];
  /**
   * The registry fields (and `ageBand`) the table's rows or columns are split by. A field the
   * export has no column for shows as "Uoplyst" everywhere, so the pipeline notes it under the
   * table and warns on stderr (commands/data-notes.ts fieldGaps).
   */
  fields?: readonly string[];
  /**
   * How the counts add up, for secondary suppression: `rows` — in each count column, the body
   * rows add up to the row styled 'total'; `totalColumn` — in each row, the count columns add up
   * to this column. Omit when counts do not add up (e.g. persons can be in several rows).
   */
  additive?: {
    rows?: boolean;
    totalColumn?: number;
    /**
     * Exact relations between rows, by index: in each count column, the `parts` rows add up to the
     * `total` row. For tables where `rows` is too coarse: subtotals (statuses → due, due + not due →
     * ended), or a relation among other rows (active = ended + ongoing). Replaces `rows` when given.
     */
    rowGroups?: {
      total: number;
      parts: number[];
      /**
       * 'total': when one part is hidden, hide the total rather than another part — for parts that
       * other tables publish anyway (ended courses are the total of the exit tables).
       */
      secondary?: 'part' | 'total';
    }[];
  };
  /**
   * Exact linear relations between cells that span tables (or cells of this table that `additive`
   * cannot express): in each link, the count cell `total` equals the sum of the count cells `parts`.
   * Cells with the same meaning shown in two tables are a link with one part (total = part).
   * Everything printed together (all tables of a command, all tables of a pack) is one suppression
   * problem: `suppress()` (src/disclosure/) sees these links and the relations derived from
   * `additive` as one system, so no hidden cell can be worked out by combining tables.
   *
   * A `CellRef.table` is a table id. It names this table when it is this table's own id; otherwise
   * the nearest table with that id before this one in the list printed together, else the nearest
   * after it (so a builder declares links on its later tables, pointing back at its earlier ones,
   * and two runs of one command in a pack stay apart). A link to a table not printed is ignored.
   * Only exact relations: persons who can be in several rows or columns do not add up.
   */
  links?: Link[];
  /**
   * Named figures, for cells that other commands print too (a pack prints keyfigures and exits of
   * the same period): every count cell with the same `key`, in any table printed together, shows
   * the same number, and suppression treats them as equal. A key names everything the number
   * depends on (measure, period, column value, options), e.g. "ended|<period>|all|reason=Fleksjob".
   */
  facts?: Fact[];
  /**
   * Columns that grow down the rows (a cumulative curve, week by week), for suppression: the `n`
   * of their num cells counts the events so far. Two shown rows would tell how many events fell
   * between them, so a row of a set is shown only when the events since the last shown row of
   * that set are none or at least the threshold. `sets` are column indices shown or hidden
   * together (a share and its interval); a `derived` column (a difference of two sets) is hidden
   * in a row where any set is hidden.
   */
  cumulative?: { sets: number[][]; derived?: number[] };
  /**
   * Cells computed from other cells of their row (the percent of the newest year, the change
   * from the year before), for suppression: in every row, the cell in column `col` is hidden
   * wherever a cell of the columns `from` is hidden, since it would give that cell back. `rows`:
   * only in these rows (default every row).
   */
  derived?: { col: number; from: number[]; rows?: number[] }[];
  /**
   * Cells computed from count cells of other tables (an odds ratio from the successes the shares
   * table shows, this table not): each listed cell of row `row` is hidden wherever a cell of
   * `from` is hidden by the shared suppression. `from` resolves as `links` do.
   */
  derivedCells?: { row: number; cols: number[]; from: CellRef[] }[];
  /**
   * Share columns whose shares give their counts away (each column shows its n in the total row),
   * for suppression: their shares are hidden as the counts behind them would be in a table of
   * counts whose body rows add up to the total row, secondary suppression included. `derived`
   * cells follow those counts.
   */
  sharesAsCounts?: {
    columns: number[];
    /** How the counts add up when not every body row is a part of the total row (a subtotal row). */
    rowGroups?: NonNullable<Table['additive']>['rowGroups'];
  };
  /**
   * The table's statistics as numbers, for scripts (json only; the other formats print them in
   * the notes, rounded): a test's statistic, df and p that no cell holds, by name. A statistic of
   * one row is named `row<i>.<name>` (i the 0-based index of the row in `rows`). `null` as the
   * whole record: withheld, because small-cell suppression hid a cell of the table and the
   * statistics could give it back (src/disclosure/suppress.ts).
   */
  stats?: Record<string, number | null> | null;
}

/** A cell of a table in a set printed together: table id (see `Table.links`), row and column index. */
export interface CellRef {
  table: string;
  row: number;
  col: number;
}

/** An exact relation: `total` = the sum of `parts` (one part: the same number shown twice). */
export interface Link {
  total: CellRef;
  parts: CellRef[];
}

/** A count cell showing a named figure (see `Table.facts`). */
export interface Fact {
  key: string;
  row: number;
  col: number;
}

export const text = (v: string): Cell => ({ t: 'text', v });
export const count = (v: number): Cell => ({ t: 'count', v });
export const share = (c: number, of: number): Cell => ({ t: 'share', count: c, of });
export const num = (v: number | null, decimals = 1, n?: number): Cell =>
  n === undefined ? { t: 'num', v, decimals } : { t: 'num', v, decimals, n };
/** A p-value: three decimals, and "<0,001" for a smaller one. */
export const pValue = (v: number | null, n?: number): Cell =>
  n === undefined
    ? { t: 'num', v, decimals: 3, below: 0.001 }
    : { t: 'num', v, decimals: 3, n, below: 0.001 };
export const date = (v: Day | null): Cell => ({ t: 'date', v });
export const empty: Cell = { t: 'empty' };

export const labelCol = (label: string, key?: string): Column =>
  key === undefined ? { label, kind: 'label' } : { label, kind: 'label', key };
export const valueCol = (label: string, key?: string): Column =>
  key === undefined ? { label, kind: 'value' } : { label, kind: 'value', key };
