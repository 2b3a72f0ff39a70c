/**
 * The contract's tables in the key-figure memo (docs/definitions.md#the-contracts-fields):
 * extension, result goal, industry and hours of job exits, the visitation funnel. A table is
 * made only when the export has its fields. Counts add up down the rows (declared in `additive`)
 * and, with --by, across the columns; the job tables' total is the exit group Job's count
 * (declared in `links`), so suppression protects them with the exit tables.
 */
import type { ContractFigures } from '../analyses/contract.js';
import { refIn } from '../base/i18n.js';
import type { KeyFigures } from '../analyses/keyfigures.js';
import { count, empty, labelCol, num, share, text, valueCol, type Row, type Table } from '../model/table.js';
import type { Summary } from '../stats/describe.js';
import { distributionRows, distributionValues, type DataColumn } from './distribution.js';
import type { ContractColumn, SectionContext } from './keyfigures-context.js';
import { addLinks, countColumns, sameRow, sumRows } from './links.js';

/** The contract's tables for the key-figure columns `c.cols` (same order; `cols` holds the contract figures). */
export function contractTables(c: SectionContext, cols: ContractColumn[] | undefined): Table[] {
  if (!cols || cols.length === 0) return [];
  const b = builder(c, cols);
  const tables = [extensionTable(b), goalTable(b), ...jobTables(b), funnelTable(b)].filter(
    (x): x is Table => x !== null,
  );
  linkContractTables(tables, c.cols, cols);
  return tables;
}

function builder(c: SectionContext, cols: ContractColumn[]) {
  const { t, single } = c;
  const total = cols[cols.length - 1]!.k;
  const columns = (first: string, key: string) => [
    labelCol(first, key),
    ...(single ? [valueCol(c.n, 'count')] : cols.map((x) => valueCol(x.label, x.key))),
    valueCol(c.pct, 'percent'),
  ];
  /** A count row: per column, and the share of the total column's `of` (none when `of` is null). */
  const countRow = <T>(
    key: string,
    label: string,
    part: (k: ContractFigures) => T | null,
    f: (x: T) => number,
    of: ((x: T) => number) | null,
    style?: 'total',
  ): Row => {
    const tot = part(total);
    return {
      key,
      cells: [
        text(label),
        ...cols.map((x) => {
          const p = part(x.k);
          return count(p === null ? 0 : f(p));
        }),
        of === null || tot === null ? empty : share(f(tot), of(tot)),
      ],
      ...(style ? { style } : {}),
    };
  };
  const numRow = <T>(
    key: string,
    label: string,
    part: (k: ContractFigures) => T | null,
    s: (x: T) => Summary,
  ): Row => ({
    key,
    cells: [
      text(label),
      ...cols.map((x) => {
        const p = part(x.k);
        const sum = p === null ? null : s(p);
        return num(sum?.median ?? null, 1, sum?.n ?? 0);
      }),
      empty,
    ],
  });
  const additive = (rowGroups: { total: number; parts: number[] }[]) =>
    single ? { rowGroups } : { rowGroups, totalColumn: cols.length };
  const problemNote = (pick: (k: ContractFigures) => unknown, fields: string[]): string[] => {
    if (pick(total) === null) return [];
    const bad = total.problems.filter((p) => fields.includes(p.field));
    if (bad.length === 0) return [];
    const shown = bad
      .slice(0, 5)
      .map((p) => `${refIn(c.o.lang, p.ref)} "${p.value}" ${p.message[c.o.lang].split(';')[0]}`);
    return [
      t(
        `${bad.length} værdi(er) kunne ikke bruges (forløbene er med i de andre tabeller): ${shown.join('; ')}${bad.length > 5 ? ' …' : ''}.`,
        `${bad.length} value(s) could not be used (the courses are in the other tables): ${shown.join('; ')}${bad.length > 5 ? ' …' : ''}.`,
      ),
    ];
  };
  return { c, cols, t, total, columns, countRow, numRow, additive, problemNote };
}
type Builder = ReturnType<typeof builder>;

function extensionTable(b: Builder): Table | null {
  const { t, total, countRow, numRow, c } = b;
  if (total.extension === null) return null;
  const e = (k: ContractFigures) => k.extension;
  return {
    id: 'keyfigures.extension',
    title: t(`Forlængede forløb, ${c.name}`, `Extended courses, ${c.name}`),
    columns: b.columns('', 'label'),
    rows: [
      countRow(
        'activeCoursesWithAPlannedEnd',
        t('Aktive forløb med planlagt slutdato', 'Active courses with a planned end'),
        e,
        (x) => x.courses,
        (x) => x.courses,
        'total',
      ),
      countRow(
        'ofWhichExtended',
        t('heraf forlænget', 'of which extended'),
        e,
        (x) => x.extended,
        (x) => x.courses,
      ),
      countRow(
        'ofWhichNotExtended',
        t('heraf ikke forlænget', 'of which not extended'),
        e,
        (x) => x.courses - x.extended,
        (x) => x.courses,
      ),
      numRow(
        'extensionMedianWeeks',
        t('Forlængelse, median uger', 'Extension, median weeks'),
        e,
        (x) => x.weeks,
      ),
      countRow(
        'withoutAPlannedEndNotIncluded',
        t('Uden planlagt slutdato (ikke med)', 'Without a planned end (not included)'),
        e,
        (x) => x.withoutPlannedEnd,
        null,
      ),
      countRow(
        'invalidPlannedEndNotIncluded',
        t('Ugyldig planlagt slutdato (ikke med)', 'Invalid planned end (not included)'),
        e,
        (x) => x.invalid,
        null,
      ),
    ],
    notes: [
      t(
        `Forlænget: slutdatoen (for et forløb i gang: ${c.dateOf(c.o.asOf)}) ligger efter den planlagte slutdato. Forløb aktive i perioden. Forlængelse i uger = (slutdato − planlagt slutdato) / 7, median af de forlængede forløb.`,
        `Extended: the end date (for an ongoing course: ${c.dateOf(c.o.asOf)}) is after the planned end. Courses active in the period. Extension in weeks = (end − planned end) / 7, median of the extended courses.`,
      ),
      ...b.problemNote(e, ['plannedEnd']),
    ],
    additive: b.additive([{ total: 0, parts: [1, 2] }]),
  };
}

function goalTable(b: Builder): Table | null {
  const { t, total, countRow, c } = b;
  if (total.goal === null) return null;
  const g = (k: ContractFigures) => k.goal;
  return {
    id: 'keyfigures.goal',
    title: t(`Resultatmål nået, ${c.name}`, `Result goal reached, ${c.name}`),
    columns: b.columns('', 'label'),
    rows: [
      countRow(
        'reached',
        t('Nået', 'Reached'),
        g,
        (x) => x.reached,
        (x) => x.courses,
      ),
      countRow(
        'notReached',
        t('Ikke nået', 'Not reached'),
        g,
        (x) => x.notReached,
        (x) => x.courses,
      ),
      countRow(
        'unknown',
        t('Uoplyst', 'Unknown'),
        g,
        (x) => x.unknown,
        (x) => x.courses,
      ),
      countRow(
        'endedCoursesWithAResultGoal',
        t('Afsluttede forløb med resultatmål', 'Ended courses with a result goal'),
        g,
        (x) => x.courses,
        (x) => x.courses,
        'total',
      ),
    ],
    notes: [
      total.goal.by === 'column'
        ? t(
            'Afsluttede forløb i perioden med et resultatmål (alle afsluttede, når eksporten ikke har et resultatmål). Nået efter kolonnen "Resultatmål nået" (Ja/Nej); tomt eller andet er Uoplyst og tæller med i nævneren.',
            'Courses ended in the period with a result goal (all ended ones when the export has no result goal). Reached by the column "Resultatmål nået" (Ja/Nej); empty or anything else is Unknown and stays in the denominator.',
          )
        : t(
            'Afsluttede forløb i perioden med et resultatmål. Nået: afslutningsårsagen er en af dem, konfigurationen (goalReachedBy) giver resultatmålet; et resultatmål, den ikke nævner, er Uoplyst og tæller med i nævneren.',
            'Courses ended in the period with a result goal. Reached: the exit reason is one of those the configuration (goalReachedBy) gives the goal; a goal it does not name is Unknown and stays in the denominator.',
          ),
      ...b.problemNote(g, ['goalReached']),
    ],
    additive: b.additive([{ total: 3, parts: [0, 1, 2] }]),
  };
}

const jobNote = (b: Builder) =>
  b.t(
    'Forløb afsluttet i perioden til afgangsgruppen Job (ordinært job, deltidsjob, fleksjob …).',
    'Courses ended in the period to the exit group Job (ordinary job, part-time job, flex job …).',
  );

function jobTables(b: Builder): Table[] {
  const { t, total, c, cols } = b;
  const jobs = total.jobs;
  if (jobs === null) return [];
  const out: Table[] = [];
  if (jobs.byIndustry !== null)
    out.push({
      id: 'keyfigures.industry',
      title: t(`Afgang til job efter branche, ${c.name}`, `Exits to job by industry, ${c.name}`),
      columns: b.columns(t('Branche', 'Industry'), 'industry'),
      rows: distributionRows(
        cols,
        (k) => k.jobs?.byIndustry ?? [],
        (k) => k.jobs?.courses ?? 0,
        (v) => (v === '' ? t('Uoplyst', 'Unknown') : v),
        c.o.lang,
        // No industry is the row "Uoplyst": keyed by its English label, as the others by their value.
      ).map((r) => (r.key === '' ? { ...r, key: 'unknown' } : r)),
      notes: [jobNote(b)],
      additive: c.courseAdditive,
    });
  if (jobs.hoursBands !== null) {
    const j = (k: ContractFigures) => k.jobs;
    const band = (i: number) => (x: NonNullable<ContractFigures['jobs']>) => x.hoursBands?.[i] ?? 0;
    const of = (x: NonNullable<ContractFigures['jobs']>) => x.courses;
    out.push({
      id: 'keyfigures.hours',
      title: t(`Afgang til job efter timer pr. uge, ${c.name}`, `Exits to job by hours per week, ${c.name}`),
      columns: b.columns(t('Timer pr. uge', 'Hours per week'), 'hoursPerWeek'),
      rows: [
        b.countRow('under10', t('Under 10', 'Under 10'), j, band(0), of),
        b.countRow('10_19', '10–19', j, band(1), of),
        b.countRow('20_29', '20–29', j, band(2), of),
        b.countRow('30AndMore', t('30 og derover', '30 and more'), j, band(3), of),
        b.countRow('unknown', t('Uoplyst', 'Unknown'), j, band(4), of),
        b.countRow('total', t('I alt', 'Total'), j, of, of, 'total'),
        b.numRow('medianHoursPerWeek', t('Median timer pr. uge', 'Median hours per week'), j, (x) => x.hours),
      ],
      notes: [
        jobNote(b),
        t(
          'Et bånd rummer timetal fra dets nedre grænse op til (ikke med) den næste: 19,5 timer er i 10–19. Median af forløb med timetal.',
          'A band holds hours from its lower bound up to (not including) the next: 19.5 hours is in 10–19. Median of the courses with hours.',
        ),
        ...b.problemNote(j, ['hours']),
      ],
      additive: b.additive([{ total: 5, parts: [0, 1, 2, 3, 4] }]),
    });
  }
  return out;
}

function funnelTable(b: Builder): Table | null {
  const { t, total, countRow, c } = b;
  if (total.funnel === null) return null;
  const f = (k: ContractFigures) => k.funnel;
  const of = (x: NonNullable<ContractFigures['funnel']>) => x.visited;
  return {
    id: 'keyfigures.funnel',
    title: t(`Fra visitation til start, ${c.name}`, `From visitation to start, ${c.name}`),
    columns: b.columns('', 'label'),
    rows: [
      countRow('visitedInThePeriod', t('Visiteret i perioden', 'Visited in the period'), f, of, of, 'total'),
      countRow('started', t('Startet', 'Started'), f, (x) => x.started, of),
      countRow('ofWhichEnded', t('heraf afsluttet', 'of which ended'), f, (x) => x.ended, of),
      countRow(
        'didNotStart',
        t('Ikke startet ("vendt i døren")', 'Did not start'),
        f,
        (x) => x.notStarted,
        of,
      ),
      b.numRow(
        'daysFromVisitationToStartMedian',
        t('Dage fra visitation til start, median', 'Days from visitation to start, median'),
        f,
        (x) => x.daysToStart,
      ),
    ],
    notes: [
      t(
        `Forløb og rækker med visitationsdato i perioden. En række med visitationsdato og uden startdato er "visiteret, ikke startet" og tæller ikke som forløb i andre tabeller. Afsluttet: slutdato senest ${c.dateOf(c.o.asOf)}. Pct. af de visiterede. Dage = startdato − visitationsdato.`,
        `Courses and rows with a visitation date in the period. A row with a visitation date and no start date is "visited, not started" and is not a course in any other table. Ended: end date by ${c.dateOf(c.o.asOf)}. Percent of those visited. Days = start − visitation date.`,
      ),
      ...b.problemNote(f, ['visitation']),
    ],
    additive: b.additive([{ total: 0, parts: [1, 3] }]),
  };
}

/**
 * The exact relations with the other key-figure tables, in every column: active courses (citizens)
 * = with a planned end + without + invalid; ended courses = the goal table's total when every ended
 * course is in it; the job tables' totals = the exit group Job's count.
 */
function linkContractTables(tables: Table[], kcols: DataColumn<KeyFigures>[], cols: ContractColumn[]): void {
  const all = countColumns(cols);
  const citizens = (row: number) => ({ table: 'keyfigures.citizens', row });
  const ext = { table: 'keyfigures.extension' };
  addLinks(
    tables.find((x) => x.id === ext.table),
    sumRows(
      citizens(0),
      [0, 4, 5].map((row) => ({ ...ext, row })),
      all,
    ),
  );
  if (cols[cols.length - 1]!.k.goal?.allEnded)
    addLinks(
      tables.find((x) => x.id === 'keyfigures.goal'),
      sameRow({ table: 'keyfigures.goal', row: 3 }, citizens(6), all),
    );
  const jobRow = distributionValues(kcols, (x) => x.ended.byGroup).indexOf('job');
  const industry = tables.find((x) => x.id === 'keyfigures.industry');
  const hours = tables.find((x) => x.id === 'keyfigures.hours');
  for (const tb of [industry, hours]) {
    if (!tb) continue;
    const last = tb.id === 'keyfigures.hours' ? 5 : tb.rows.length - 1;
    if (jobRow >= 0)
      addLinks(
        tb,
        sameRow({ table: tb.id, row: last }, { table: 'keyfigures.exitGroups', row: jobRow }, all),
      );
  }
}
