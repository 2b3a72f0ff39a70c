// npm run bench: times `jobfx keyfigures` as a whole process on synthetic exports, next to DuckDB.
//
// Generates into .bench/ (once; deterministic bytes): CSV exports (";", UTF-8 BOM, Danish dates)
// of 10k, 100k and 1M courses and xlsx exports of 10k and 100k. Runs each several times and
// prints the median wall time, rows/s, MB/s and peak RSS. On every CSV it also runs the same
// aggregation in DuckDB (@duckdb/node-api, a dev dependency; SQL over read_csv) and prints the
// ratio jobfx/DuckDB, twice: against a whole DuckDB process (node + DuckDB + query, like jobfx)
// and against the query alone in a warm DuckDB. Before timing, the DuckDB figures are checked
// against jobfx's own on the 10k file, so the two really compute the same thing.
//
//   npm run bench                  all sizes, median of 5 (BENCH_RUNS=3 for fewer)
//   npm run bench -- --quick       without the 1M CSV
//   npm run bench -- --no-write    do not rewrite BENCHMARKS.md
//   npm run bench -- --progression [N]   jobfx progression on N measurement rows (default 1M)
//   npm run bench -- --progression-wide [N]   the same N measurements in the wide shape (N / 5 rows)
//   npm run bench -- --only csv-utf16,csv-stray --size 2000000   only those inputs (kinds: csv,
//                                  csv-quoted, csv-1252, csv-utf16, csv-stray, xlsx), printed only
//   npm run bench -- --panel [N]   jobfx compare --panel on N persons × 64 weeks (default 10,000)
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import os from 'node:os';
import { pick, rng } from './lib/testdata.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const dir = join(root, '.bench');
const argv = process.argv.slice(2);
const PERIOD = { from: '2024-01-01', to: '2024-12-31', label: '2024' };

if (argv[0] === '--duckdb-child') {
  // One whole DuckDB process: load, run the aggregation once, print its time.
  const t = process.hrtime.bigint();
  await duckdbKeyfigures(argv[1]);
  process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e9));
  process.exit(0);
}

const quick = argv.includes('--quick');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const csvSizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const xlsxSizes = [10_000, 100_000];
mkdirSync(dir, { recursive: true });

// A small deterministic PRNG (mulberry32), so every machine benchmarks the same bytes.
const pad = (n) => String(n).padStart(2, '0');
const dmy = (d) => `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;

const HEADERS = [
  'CPR-nr.',
  'Tilbud',
  'Værksted',
  'Målgruppe',
  'Højest fuldførte uddannelse',
  'Startdato',
  'Slutdato',
  'Afslutningsårsag',
  'Status 1 md',
  'Status 3 mdr',
];

/** The synthetic courses of an export of n rows: the same for the CSV and the xlsx. */
function* courses(n) {
  const r = rng(n);
  const reasons = [
    'Ordinært job',
    'Uddannelse',
    'Overgået til jobcenter',
    'Afbrudt',
    'Sygedagpenge',
    'Virksomhedspraktik',
    'Flyttet',
    'Job',
  ];
  const targets = ['Jobparat kontanthjælpsmodtager', 'Åbenlyst uddannelsesparat', 'Forsikret ledig'];
  const edu = ['Grundskole', 'Gymnasial uddannelse', 'Erhvervsfaglig uddannelse', 'Uoplyst'];
  const units = ['Malerværksted', 'Park & vej', 'Rengøring', 'Skoler og dagtilbud'];
  const status = ['Job', 'Uddannelse', 'Ledig', 'Selvforsørget', ''];
  const persons = Math.max(1, Math.floor(n * 0.8));
  const t0 = Date.UTC(2022, 0, 1);
  for (let i = 0; i < n; i++) {
    const p = Math.floor(r() * persons);
    // Fake CPR: birth date from the person number, sequence 0001-9999; never 1 January.
    const birth = new Date(Date.UTC(1960 + (p % 45), p % 12, 2 + (p % 27)));
    const seq = String(1 + (p % 9999)).padStart(4, '0');
    const cpr = `${pad(birth.getUTCDate())}${pad(birth.getUTCMonth() + 1)}${String(birth.getUTCFullYear()).slice(2)}-${seq}`;
    const start = new Date(t0 + Math.floor(r() * 1400) * 86_400_000);
    const ongoing = r() < 0.15;
    const end = ongoing ? null : new Date(start.getTime() + Math.floor(r() * 250) * 86_400_000);
    yield [
      cpr,
      'Straksaktivering',
      pick(r, units),
      pick(r, targets),
      pick(r, edu),
      start,
      end,
      end ? pick(r, reasons) : '',
      end ? pick(r, status) : '',
      end ? pick(r, status) : '',
    ];
  }
}

/**
 * The CSV export; `variant` 'quoted' puts every field in quotes (as some case systems do),
 * '1252' writes Windows-1252 without a BOM (as Danish Excel does), 'utf16' UTF-16LE with a BOM
 * (Excel's "Unicode text"), 'stray' UTF-8 without a BOM with a Windows-1252 "æ" (byte E6) in one
 * row of 10,000 (a word pasted from another file): same courses, same figures. Written in
 * pieces, so that files past 512 MB can be made.
 */
function generateCsv(n, file, variant = 'plain') {
  const q = (v) => (variant === 'quoted' ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  const bytes = (text) =>
    variant === '1252'
      ? Buffer.from(text, 'latin1')
      : variant === 'utf16'
        ? Buffer.from(text, 'utf16le')
        : Buffer.from(text);
  const fd = openSync(file, 'w');
  let lines = [variant === '1252' || variant === 'stray' ? '' : '\uFEFF', HEADERS.map(q).join(';')];
  let i = 0;
  const flush = () => {
    writeSync(fd, bytes(lines.join('')));
    lines = [];
  };
  for (const c of courses(n)) {
    const line = '\r\n' + c.map((v) => q(v instanceof Date ? dmy(v) : (v ?? ''))).join(';');
    if (variant === 'stray' && ++i % 10_000 === 0) {
      flush();
      const at = line.indexOf('æ');
      if (at >= 0) {
        writeSync(
          fd,
          Buffer.concat([
            Buffer.from(line.slice(0, at)),
            Buffer.from([0xe6]),
            Buffer.from(line.slice(at + 1)),
          ]),
        );
        continue;
      }
    }
    lines.push(line);
    if (lines.length >= 50_000) flush();
  }
  lines.push('\r\n');
  flush();
  closeSync(fd);
}

/** A long BIP measurement file of n rows (jobfx progression): 15 rows per course. */
function generateMeasurements(n, file) {
  const r = rng(n + 16);
  const inds = [
    'Kendskab til arbejdsmarkedet',
    'Jobsøgningsadfærd og -kompetence',
    'Målrettethed i forhold til arbejde',
    'Samarbejdsevner',
    'Hverdagsmestring',
  ];
  const lines = ['CPR-nr.;Måling;Dato;Indikator;Score;Skala;Startdato;Slutdato'];
  const t0 = Date.UTC(2022, 0, 1);
  for (let c = 0; lines.length <= n; c++) {
    const birth = new Date(Date.UTC(1960 + (c % 45), c % 12, 2 + (c % 27)));
    const cpr = `${pad(birth.getUTCDate())}${pad(birth.getUTCMonth() + 1)}${String(birth.getUTCFullYear()).slice(2)}-${String(1 + (Math.floor(c / 45) % 9999)).padStart(4, '0')}`;
    const start = t0 + Math.floor(r() * 1400) * 86_400_000;
    const end = start + 84 * 86_400_000;
    for (const [k, word] of ['Baseline', 'Midtvejs', 'Slut'].entries())
      for (const ind of inds) {
        if (lines.length > n) break;
        const day = new Date(start + [0, 40, 84][k] * 86_400_000);
        lines.push(
          `${cpr};${word};${dmy(day)};${ind};${1 + Math.floor(r() * 5)};1-5;${dmy(new Date(start))};${dmy(new Date(end))}`,
        );
      }
  }
  writeFileSync(file, '\uFEFF' + lines.join('\r\n') + '\r\n');
}

/**
 * The same measurements as generateMeasurements(n) in the wide shape (one row per person and
 * measurement, one column per indicator): n / 5 rows. Same random draws in the same order, so
 * the progression tables are the same as the long file's.
 */
function generateMeasurementsWide(n, file) {
  const r = rng(n + 16);
  const inds = [
    'Kendskab til arbejdsmarkedet',
    'Jobsøgningsadfærd og -kompetence',
    'Målrettethed i forhold til arbejde',
    'Samarbejdsevner',
    'Hverdagsmestring',
  ];
  const lines = [['CPR-nr.', 'Måling', 'Dato', ...inds, 'Skala', 'Startdato', 'Slutdato'].join(';')];
  const t0 = Date.UTC(2022, 0, 1);
  let measurements = 0;
  for (let c = 0; measurements < n; c++) {
    const birth = new Date(Date.UTC(1960 + (c % 45), c % 12, 2 + (c % 27)));
    const cpr = `${pad(birth.getUTCDate())}${pad(birth.getUTCMonth() + 1)}${String(birth.getUTCFullYear()).slice(2)}-${String(1 + (Math.floor(c / 45) % 9999)).padStart(4, '0')}`;
    const start = t0 + Math.floor(r() * 1400) * 86_400_000;
    const end = start + 84 * 86_400_000;
    for (const [k, word] of ['Baseline', 'Midtvejs', 'Slut'].entries()) {
      if (measurements >= n) break;
      const day = new Date(start + [0, 40, 84][k] * 86_400_000);
      const scores = inds.map(() => (measurements++ < n ? 1 + Math.floor(r() * 5) : ''));
      lines.push(
        `${cpr};${word};${dmy(day)};${scores.join(';')};1-5;${dmy(new Date(start))};${dmy(new Date(end))}`,
      );
    }
  }
  writeFileSync(file, '\uFEFF' + lines.join('\r\n') + '\r\n');
}

/** The file of an input kind and size: export-N.csv, export-N.xlsx, export-N-quoted.csv, export-N-utf16.csv, ... */
const inputFile = (kind, n) =>
  join(dir, kind.startsWith('csv-') ? `export-${n}-${kind.slice(4)}.csv` : `export-${n}.${kind}`);

async function generateXlsx(n, file) {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('Forløb');
  ws.addRow(HEADERS).commit();
  for (const c of courses(n)) {
    const row = ws.addRow(c.map((v) => (v === '' ? null : v)));
    for (const j of [6, 7]) if (c[j - 1] instanceof Date) row.getCell(j).numFmt = 'dd-mm-yyyy';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

// ---------------------------------------------------------------------------------------------
// DuckDB: the key figures of `jobfx keyfigures --period 2024` in SQL.

async function vocabularyValues() {
  const { DEFAULT_VOCABULARIES: v } = await import(join(root, 'dist/schema/vocab.js'));
  const rows = (list, kind) =>
    list.flatMap((e) =>
      [e.value, ...(e.aliases ?? [])].map(
        (s) =>
          `('${kind}', '${s.replaceAll("'", "''")}', '${e.value.replaceAll("'", "''")}', ${e.group ? `'${e.group}'` : 'NULL'})`,
      ),
    );
  return [
    ...rows(v.exitReason, 'exit'),
    ...rows(v.targetGroup, 'target'),
    ...rows(v.education, 'edu'),
    ...rows(v.followUp, 'status'),
  ].join(',\n');
}

/** Runs the aggregation; returns the figures (used to check them against jobfx's). */
async function duckdbKeyfigures(file, con) {
  let own;
  if (!con) {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    own = await DuckDBInstance.create(':memory:');
    con = await own.connect();
  }
  const q = async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJS();
  const from = `DATE '${PERIOD.from}'`;
  const to = `DATE '${PERIOD.to}'`;
  await q(`CREATE OR REPLACE TEMP TABLE vocab(kind VARCHAR, spelling VARCHAR, value VARCHAR, grp VARCHAR);
    INSERT INTO vocab VALUES ${await vocabularyValues()};`);
  // Read, parse, validate (CPR birth date, end ≥ start, born before start), drop repeated
  // courses (same person, start and programme: the first is kept), map the vocabularies.
  await q(`CREATE OR REPLACE TEMP TABLE c AS
    WITH raw AS (
      SELECT row_number() OVER () AS rn, * FROM read_csv('${file}', delim=';', header=true, all_varchar=true)
    ), p AS (
      SELECT rn, replace(trim("CPR-nr."), '-', '') AS cpr, trim("Tilbud") AS programme,
        nullif(trim("Målgruppe"), '') AS target, nullif(trim("Højest fuldførte uddannelse"), '') AS edu,
        nullif(trim("Afslutningsårsag"), '') AS reason,
        nullif(trim("Status 1 md"), '') AS s1, nullif(trim("Status 3 mdr"), '') AS s3,
        try_strptime(trim("Startdato"), '%d-%m-%Y')::DATE AS start,
        try_strptime(nullif(trim("Slutdato"), ''), '%d-%m-%Y')::DATE AS "end"
      FROM raw
    ), b AS (
      SELECT *, try_cast(substr(cpr, 5, 2) AS INT) AS yy, try_cast(substr(cpr, 7, 1) AS INT) AS d7 FROM p
    ), d AS (
      SELECT *, try(make_date(
          CASE WHEN d7 <= 3 THEN 1900 WHEN d7 IN (4, 9) THEN (CASE WHEN yy <= 36 THEN 2000 ELSE 1900 END)
               ELSE (CASE WHEN yy <= 57 THEN 2000 ELSE 1800 END) END + yy,
          try_cast(substr(cpr, 3, 2) AS INT), try_cast(substr(cpr, 1, 2) AS INT))) AS birth,
        CASE WHEN try_cast(substr(cpr, 10, 1) AS INT) % 2 = 1 THEN 'M' ELSE 'K' END AS gender
      FROM b
    ), v AS (
      SELECT * FROM d WHERE birth IS NOT NULL AND start IS NOT NULL AND ("end" IS NULL OR "end" >= start) AND birth <= start
      QUALIFY row_number() OVER (PARTITION BY cpr, start, programme ORDER BY rn) = 1
    )
    SELECT v.rn, v.cpr, v.start, v."end", v.gender, v.programme,
      date_diff('year', v.birth, v.start) - CASE WHEN strftime(v.start, '%m%d') < strftime(v.birth, '%m%d') THEN 1 ELSE 0 END AS age,
      CASE WHEN v."end" IS NULL THEN NULL ELSE coalesce(er.value, v.reason, 'Uoplyst') END AS reason,
      CASE WHEN v."end" IS NULL THEN NULL WHEN v.reason IS NULL THEN 'unknown' ELSE coalesce(er.grp, 'unmapped') END AS grp,
      coalesce(tg.value, v.target) AS target, coalesce(ed.value, v.edu) AS edu,
      coalesce(f1.value, v.s1) AS s1, coalesce(f3.value, v.s3) AS s3
    FROM v
      LEFT JOIN vocab er ON er.kind = 'exit' AND er.spelling = v.reason
      LEFT JOIN vocab tg ON tg.kind = 'target' AND tg.spelling = v.target
      LEFT JOIN vocab ed ON ed.kind = 'edu' AND ed.spelling = v.edu
      LEFT JOIN vocab f1 ON f1.kind = 'status' AND f1.spelling = v.s1
      LEFT JOIN vocab f3 ON f3.kind = 'status' AND f3.spelling = v.s3`);
  const active = `start <= ${to} AND ("end" IS NULL OR "end" >= ${from})`;
  const ended = `"end" BETWEEN ${from} AND ${to}`;
  const started = `start BETWEEN ${from} AND ${to}`;
  const ongoing = `${active} AND ("end" IS NULL OR "end" > ${to})`;
  const summary = (x) =>
    `count(${x}) AS n, avg(${x}) AS mean, quantile_cont(${x}, 0.5) AS median, quantile_cont(${x}, 0.25) AS q1, quantile_cont(${x}, 0.75) AS q3`;
  const [counts] = await q(`SELECT
      count(*) FILTER (${active}) AS active, count(DISTINCT cpr) FILTER (${active}) AS activePersons,
      count(*) FILTER (${started}) AS started, count(DISTINCT cpr) FILTER (${started}) AS startedPersons,
      count(*) FILTER (${ongoing}) AS ongoing, count(DISTINCT cpr) FILTER (${ongoing}) AS ongoingPersons,
      count(*) FILTER (${ended}) AS ended, count(DISTINCT cpr) FILTER (${ended}) AS endedPersons
    FROM c`);
  const [ongoingDays] = await q(`SELECT ${summary(`${to} - start + 1`)} FROM c WHERE ${ongoing}`);
  const byReason = await q(
    `SELECT reason, count(*) AS n FROM c WHERE ${ended} GROUP BY reason ORDER BY n DESC, reason`,
  );
  const byGroup = await q(
    `SELECT grp, ${summary('"end" - start + 1')} FROM c WHERE ${ended} GROUP BY ROLLUP (grp) ORDER BY grp`,
  );
  // Persons active in the period, by their latest active course (latest start; later row on a tie).
  const mix = await q(`WITH latest AS (
      SELECT cpr, arg_max(target, (start, rn)) AS target, arg_max(edu, (start, rn)) AS edu,
        arg_max(age, (start, rn)) AS age, arg_max(gender, (start, rn)) AS gender
      FROM c WHERE ${active} GROUP BY cpr)
    SELECT 'target' AS what, coalesce(target, 'Uoplyst') AS value, count(*) AS n FROM latest GROUP BY ALL
    UNION ALL SELECT 'edu', coalesce(edu, 'Uoplyst'), count(*) FROM latest GROUP BY ALL
    UNION ALL SELECT 'age', CASE WHEN age < 25 THEN '<25' WHEN age < 30 THEN '25-29' WHEN age < 40 THEN '30-39'
      WHEN age < 50 THEN '40-49' ELSE '50+' END, count(*) FROM latest GROUP BY ALL
    UNION ALL SELECT 'gender', gender, count(*) FROM latest GROUP BY ALL ORDER BY 1, 2`);
  const followUp = await q(`SELECT h, coalesce(status, 'Uoplyst') AS status, count(*) AS n FROM (
      SELECT h, CASE h WHEN 1 THEN s1 WHEN 3 THEN s3 ELSE NULL END AS status
      FROM c, (VALUES (1), (3), (6), (12)) t(h)
      WHERE ${ended} AND "end" + to_months(h) <= ${to}) GROUP BY ALL ORDER BY 1, 2`);
  // Repeat users: persons starting in the period, and those of them who had ended a course
  // at most 12 calendar months before such a start (end₁ < start₂ ≤ end₁ + 12 months; DuckDB's
  // date + months keeps the day or takes the month's last, as jobfx does).
  const [repeats] = await q(`SELECT count(DISTINCT s.cpr) AS startedPersons,
      count(DISTINCT s.cpr) FILTER (WHERE EXISTS (SELECT 1 FROM c p WHERE p.cpr = s.cpr
        AND p."end" < s.start AND s.start <= p."end" + to_months(12))) AS returning
    FROM c s WHERE s.${started}`);
  if (own) own.closeSync?.();
  return { counts, ongoingDays, byReason, byGroup, mix, followUp, repeats };
}

/** jobfx's figures for the same file, in-process, to check DuckDB's against. */
async function jobfxKeyfigures(file) {
  process.env.JOBFX_PSEUDONYM_KEY ??= 'bench-key-not-secret-0123456789';
  const { loadCourses } = await import(join(root, 'dist/schema/load.js'));
  const { keyFigures } = await import(join(root, 'dist/analyses/keyfigures.js'));
  const { resolvePeriod } = await import(join(root, 'dist/base/period.js'));
  const data = await loadCourses(file, { cwd: dir });
  const period = resolvePeriod({ period: PERIOD.label }, 0);
  return keyFigures(data.store, {
    period,
    asOf: period.to,
    window: { n: 12, unit: 'm' },
    minGapDays: 0,
    vocab: data.vocab,
  });
}

function compareFigures(k, d) {
  const problems = [];
  const eq = (what, a, b) => {
    if (Number(a) !== Number(b)) problems.push(`${what}: jobfx ${a}, DuckDB ${b}`);
  };
  eq('active courses', k.active.courses, d.counts.active);
  eq('active persons', k.active.persons, d.counts.activePersons);
  eq('started courses', k.started.courses, d.counts.started);
  eq('started persons', k.started.persons, d.counts.startedPersons);
  eq('ongoing courses', k.ongoing.courses, d.counts.ongoing);
  eq('ongoing persons', k.ongoing.persons, d.counts.ongoingPersons);
  eq('ended courses', k.ended.courses, d.counts.ended);
  eq('ended persons', k.ended.persons, d.counts.endedPersons);
  eq('ongoing median days', k.ongoing.durationDays.median, d.ongoingDays.median);
  eq('ongoing q1 days', k.ongoing.durationDays.q1, d.ongoingDays.q1);
  eq('ended median days', k.ended.durationDays.median, d.byGroup.find((g) => g.grp === null)?.median);
  for (const r of k.ended.byReason)
    eq(`reason ${r.value}`, r.count, d.byReason.find((x) => x.reason === r.value)?.n ?? 0);
  for (const g of k.ended.byGroup)
    if (g.count > 0) eq(`group ${g.value}`, g.count, d.byGroup.find((x) => x.grp === g.value)?.n ?? 0);
  for (const [what, list] of [
    ['target', k.mix.targetGroup],
    ['edu', k.mix.education],
    ['age', k.mix.ageBand],
    ['gender', k.mix.gender],
  ])
    for (const x of list)
      eq(
        `mix ${what} ${x.value}`,
        x.count,
        d.mix.find((m) => m.what === what && m.value === x.value)?.n ?? 0,
      );
  for (const f of k.followUp)
    for (const s of f.byStatus)
      eq(
        `status ${f.horizon} ${s.value}`,
        s.count,
        d.followUp.find((x) => x.h === f.horizon && x.status === s.value)?.n ?? 0,
      );
  eq('repeat: started persons', k.repeats.startedPersons, d.repeats.startedPersons);
  eq('repeat: returning', k.repeats.returning, d.repeats.returning);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Timing.

// Peak RSS and wall time of a jobfx (or DuckDB) process, written by the process itself as it
// exits. Peak RSS: VmHWM from /proc/self/status where there is one (getrusage's maxRSS is not
// used on Linux: a child keeps the peak of the process it was forked from across exec, here the
// benchmark's own). Wall time: from the start of the process (performance.timeOrigin, before
// node boots) to its exit. Timed from here instead, each run would also carry the fork of this
// benchmark process, which holds DuckDB and the generated data: 20-40 ms more per spawn than
// from a shell, measured on the machine below.
const preload = join(dir, 'rss.cjs');
writeFileSync(
  preload,
  [
    "process.on('exit', () => {",
    "  const fs = require('fs');",
    '  let kb = process.resourceUsage().maxRSS;',
    "  try { kb = Number(/VmHWM:\\s*(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]); } catch {}",
    '  fs.writeFileSync(process.env.BENCH_RSS_FILE, `${kb} ${performance.now()}`);',
    '});',
    '',
  ].join('\n'),
);
const rssFile = join(dir, 'rss.txt');

/** Runs a node process with the preload; its own wall time (s) and peak RSS (MB). */
function measured(args, what) {
  rmSync(rssFile, { force: true });
  const r = spawnSync(process.execPath, ['--require', preload, ...args], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}: ${r.stderr}`);
  const [kb, ms] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
  return { seconds: ms / 1000, rssMB: kb / 1024 };
}

function time(args) {
  return measured([join(root, 'bin/jobfx.js'), ...args], `jobfx ${args.join(' ')}`);
}

function timeDuckdbProcess(file) {
  return measured([join(root, 'scripts/bench.mjs'), '--duckdb-child', file], `DuckDB on ${file}`).seconds;
}

/** A trial of n persons (Borger-id, Gruppe, Randomiseringsdato) and their long panel of 64 weeks. */
function generatePanel(n, personsFile, panelFile) {
  const r = rng(n + 18);
  const persons = ['Borger-id;Gruppe;Randomiseringsdato;Jobcenter'];
  const panel = ['Borger-id;Uge;Status;Timer'];
  const t0 = Date.UTC(2024, 0, 1);
  const statuses = ['Kontanthjælp', 'Offentlig forsørgelse', 'Beskæftiget', 'Uddannelse', 'Selvforsørget'];
  for (let i = 1; i <= n; i++) {
    const id = `B${String(i).padStart(6, '0')}`;
    const treated = r() < 0.5;
    persons.push(
      `${id};${treated ? 'Indsats' : 'Kontrol'};${dmy(new Date(t0 + Math.floor(r() * 365) * 86_400_000))};${pick(r, ['Nord', 'Syd', 'Vest'])}`,
    );
    let s = 0;
    for (let w = 1; w <= 64; w++) {
      if (r() < 0.03) s = Math.floor(r() * statuses.length);
      panel.push(`${id};${w};${statuses[s]};${s === 2 ? 20 + Math.floor(r() * 18) : ''}`);
    }
  }
  writeFileSync(personsFile, '\uFEFF' + persons.join('\r\n') + '\r\n');
  writeFileSync(panelFile, '\uFEFF' + panel.join('\r\n') + '\r\n');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x, d = 2) => x.toFixed(d);

if (!existsSync(join(root, 'dist/main.js'))) {
  console.error('build first: npm run build');
  process.exit(2);
}

const cpu = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`;
const loadAtStart = os
  .loadavg()
  .map((x) => x.toFixed(1))
  .join(', ');
const machine = `${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, node ${process.version}`;
console.log(
  `jobfx keyfigures benchmark — ${machine}; median of ${runs} runs; load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}\n`,
);

// `--progression [N]`: times `jobfx progression` on a long measurement file of N rows (default
// 1M): courses of 3 measurements × 5 indicators (15 rows), a 1–5 Skala, dates and course dates.
if (argv.includes('--progression')) {
  const at = argv.indexOf('--progression');
  const n = Number(argv[at + 1]) > 0 ? Number(argv[at + 1]) : 1_000_000;
  const file = join(dir, `bip-${n}.csv`);
  if (!existsSync(file)) generateMeasurements(n, file);
  const mb = statSync(file).size / 1e6;
  const t = [];
  for (let i = 0; i < runs; i++) t.push(time(['progression', file, '--format', 'json', '--suppress', '0']));
  const s = median(t.map((x) => x.seconds));
  console.log(
    `jobfx progression, ${n} measurement rows (${fmt(mb, 1)} MB): ${fmt(s)} s median of ${runs}, ` +
      `${Math.round(n / s)} rows/s, peak RSS ${Math.round(Math.max(...t.map((x) => x.rssMB)))} MB`,
  );
  process.exit(0);
}

// `--progression-wide [N]`: the same on the wide shape (one column per indicator) holding the
// same N measurements in N / 5 rows.
if (argv.includes('--progression-wide')) {
  const at = argv.indexOf('--progression-wide');
  const n = Number(argv[at + 1]) > 0 ? Number(argv[at + 1]) : 1_000_000;
  const file = join(dir, `bip-wide-${n}.csv`);
  if (!existsSync(file)) generateMeasurementsWide(n, file);
  const mb = statSync(file).size / 1e6;
  const t = [];
  for (let i = 0; i < runs; i++) t.push(time(['progression', file, '--format', 'json', '--suppress', '0']));
  const s = median(t.map((x) => x.seconds));
  console.log(
    `jobfx progression (wide), ${n} measurements in ${n / 5} rows (${fmt(mb, 1)} MB): ${fmt(s)} s median of ${runs}, ` +
      `${Math.round(n / s)} measurements/s, peak RSS ${Math.round(Math.max(...t.map((x) => x.rssMB)))} MB`,
  );
  process.exit(0);
}

// `--panel [N]`: times `jobfx compare --panel` on N persons and their 64-week long panel (N × 64
// rows): reading the panel, joining it and every panel table (and the persons file, 0.1 s).
if (argv.includes('--panel')) {
  const at = argv.indexOf('--panel');
  const n = Number(argv[at + 1]) > 0 ? Number(argv[at + 1]) : 10_000;
  const personsFile = join(dir, `trial-persons-${n}.csv`);
  const panelFile = join(dir, `trial-panel-${n}.csv`);
  if (!existsSync(panelFile)) generatePanel(n, personsFile, panelFile);
  const mb = statSync(panelFile).size / 1e6;
  const t = [];
  for (let i = 0; i < runs; i++)
    t.push(
      time([
        'compare',
        personsFile,
        '--panel',
        panelFile,
        '--among-on-benefit',
        '--format',
        'json',
        '--suppress',
        '0',
      ]),
    );
  const s = median(t.map((x) => x.seconds));
  console.log(
    `jobfx compare --panel, ${n} persons × 64 weeks = ${n * 64} panel rows (${fmt(mb, 1)} MB): ${fmt(s)} s median of ${runs}, ` +
      `${Math.round((n * 64) / s)} rows/s, peak RSS ${Math.round(Math.max(...t.map((x) => x.rssMB)))} MB`,
  );
  process.exit(0);
}

const header =
  '| input | rows | MB | jobfx s | rows/s | MB/s | peak RSS MB | DuckDB process s | jobfx/DuckDB process | DuckDB query s | jobfx/DuckDB query |';
const rule = '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
// `--only KIND[,KIND]` (e.g. csv-utf16,csv-stray) times only those inputs, `--size N` sets the
// size of the variant exports; the table is printed, BENCHMARKS.md is left alone.
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : null;
const sizeArg = argv.includes('--size') ? Number(argv[argv.indexOf('--size') + 1]) : NaN;
const VARIANTS = ['quoted', '1252', 'utf16', 'stray'];
if (only) {
  const variantSizes = [sizeArg > 0 ? sizeArg : csvSizes[csvSizes.length - 1]];
  console.log(`${header}\n${rule}`);
  for (const kind of only) {
    const sizes = kind === 'xlsx' ? xlsxSizes : variantSizes;
    for (const n of sizes) {
      const file = inputFile(kind, n);
      if (!existsSync(file)) {
        console.log(`generating ${file} ...`);
        if (kind === 'xlsx') await generateXlsx(n, file);
        else generateCsv(n, file, kind === 'csv' ? 'plain' : kind.slice(4));
      }
      const args = ['keyfigures', file, '--period', PERIOD.label, '--format', 'json'];
      time(args);
      const jx = Array.from({ length: runs }, () => time(args));
      const s = median(jx.map((x) => x.seconds));
      const mb = statSync(file).size / 1e6;
      console.log(
        `| ${kind} | ${n.toLocaleString('en')} | ${fmt(mb, 1)} | ${fmt(s)} | ${Math.round(n / s).toLocaleString('en')} | ${fmt(mb / s, 1)} | ${fmt(median(jx.map((x) => x.rssMB)), 0)} (max ${fmt(Math.max(...jx.map((x) => x.rssMB)), 0)}) | n/a | n/a | n/a | n/a |`,
      );
    }
  }
  console.log(
    `load average at the end: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  process.exit(0);
}

for (const n of csvSizes) {
  const file = join(dir, `export-${n}.csv`);
  if (!existsSync(file)) generateCsv(n, file);
}
// The quoted, Windows-1252, UTF-16 and stray-byte exports, at the largest size only: they must
// stay near the plain one.
const variantSizes = [csvSizes[csvSizes.length - 1]];
for (const variant of VARIANTS)
  for (const n of variantSizes) {
    const file = inputFile(`csv-${variant}`, n);
    if (!existsSync(file)) generateCsv(n, file, variant);
  }
for (const n of xlsxSizes) {
  const file = join(dir, `export-${n}.xlsx`);
  if (!existsSync(file)) {
    console.log(`generating ${file} ...`);
    await generateXlsx(n, file);
  }
}

// The DuckDB SQL must compute what jobfx computes: checked on the 10k file first.
const { DuckDBInstance } = await import('@duckdb/node-api');
// An in-process DuckDB is open only while it is used: its worker threads must not share the two
// cores with the processes timed below.
async function withDuckdb(f) {
  const duck = await DuckDBInstance.create(':memory:');
  const con = await duck.connect();
  try {
    return await f(con);
  } finally {
    con.closeSync();
    duck.closeSync();
  }
}
const problems = await withDuckdb(async (con) =>
  compareFigures(
    await jobfxKeyfigures(join(dir, 'export-10000.csv')),
    await duckdbKeyfigures(join(dir, 'export-10000.csv'), con),
  ),
);
const checkLine =
  problems.length === 0
    ? 'DuckDB and jobfx give the same key figures on the 10k file (counts, persons, medians, reasons, groups, mix, follow-up, repeat users).'
    : `WARNING: DuckDB and jobfx differ on the 10k file: ${problems.slice(0, 5).join('; ')}`;
console.log(checkLine + '\n');
if (argv.includes('--check-only')) process.exit(problems.length === 0 ? 0 : 1);

const lines = [];
const results = [];
// First every process (jobfx, DuckDB), then the warm queries in this process.
for (const [kind, sizes] of [
  ['csv', csvSizes],
  ['csv-quoted', variantSizes],
  ['csv-1252', variantSizes],
  ['csv-utf16', variantSizes],
  ['csv-stray', variantSizes],
  ['xlsx', xlsxSizes],
]) {
  for (const n of sizes) {
    const file = inputFile(kind, n);
    console.log(`timing ${kind} ${n.toLocaleString('en')} ...`);
    const args = ['keyfigures', file, '--period', PERIOD.label, '--format', 'json'];
    // One untimed run first: the file in the page cache, the machine settled after what ran before.
    time(args);
    const jx = Array.from({ length: runs }, () => time(args));
    const s = median(jx.map((x) => x.seconds));
    const rss = median(jx.map((x) => x.rssMB));
    if (kind === 'csv') timeDuckdbProcess(file);
    const duckProc =
      kind === 'csv' ? median(Array.from({ length: runs }, () => timeDuckdbProcess(file))) : NaN;
    results.push({ kind, n, file, s, rss, duckProc, duckQuery: NaN });
  }
}
await withDuckdb(async (con) => {
  for (const x of results.filter((x) => x.kind === 'csv')) {
    const qs = [];
    for (let i = 0; i < runs; i++) {
      const t = process.hrtime.bigint();
      await duckdbKeyfigures(x.file, con);
      qs.push(Number(process.hrtime.bigint() - t) / 1e9);
    }
    x.duckQuery = median(qs);
  }
});
console.log('\n' + header);
console.log(rule);
const na = (x, d = 2) => (Number.isNaN(x) ? 'n/a' : fmt(x, d));
for (const { kind, n, file, s, rss, duckProc, duckQuery } of results) {
  const mb = statSync(file).size / 1e6;
  const line = `| ${kind} | ${n.toLocaleString('en')} | ${fmt(mb, 1)} | ${fmt(s)} | ${Math.round(n / s).toLocaleString('en')} | ${fmt(mb / s, 1)} | ${fmt(rss, 0)} | ${na(duckProc)} | ${na(s / duckProc)} | ${na(duckQuery)} | ${na(s / duckQuery)} |`;
  console.log(line);
  lines.push(line);
}

const r = (kind, n) => results.find((x) => x.kind === kind && x.n === n);
const verdict = (ok) => (ok ? 'met' : 'missed');
const targets = [];
const t1m = r('csv', 1_000_000);
if (t1m)
  targets.push(
    `- 1M-row CSV faster than DuckDB (ratio ≤ 1.0): ${verdict(t1m.s / t1m.duckProc <= 1)} — ${fmt(t1m.s / t1m.duckProc)} against the DuckDB process, ${fmt(t1m.s / t1m.duckQuery)} against the warm query`,
    `- peak RSS below 200 MB at 1M rows: ${verdict(t1m.rss < 200)} — ${fmt(t1m.rss, 0)} MB`,
  );
const t100k = r('csv', 100_000);
targets.push(
  `- 100k rows in at most half of DuckDB's time (ratio ≤ 0.5): ${verdict(t100k.s / t100k.duckProc <= 0.5)} — ${fmt(t100k.s / t100k.duckProc)} against the DuckDB process, ${fmt(t100k.s / t100k.duckQuery)} against the warm query`,
  `- 10k rows under 0.3 s in all: ${verdict(r('csv', 10_000).s < 0.3)} — ${fmt(r('csv', 10_000).s)} s`,
  `- xlsx of 100k courses in at most 2.5 s: ${verdict(r('xlsx', 100_000).s <= 2.5)} — ${fmt(r('xlsx', 100_000).s)} s`,
);
console.log('\n' + targets.join('\n'));

if (!argv.includes('--no-write')) {
  const section = [
    '<!-- bench:start (written by npm run bench) -->',
    `Machine: ${machine}. Load average (1, 5, 15 min) when the run started: ${loadAtStart}; when it ended: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(
        ', ',
      )}. The machine is shared: other work running beside the benchmark slows jobfx and DuckDB alike.`,
    `Median of ${runs} runs; \`jobfx keyfigures FILE --period 2024 --format json\` as a whole process (node start, imports, read, normalise, analyse, render), timed by the process itself from its start to its exit, as is the DuckDB process. ` +
      'DuckDB process: `node` + `@duckdb/node-api` running the same aggregation in SQL over `read_csv` (scripts/bench.mjs); DuckDB query: the SQL alone in a warm in-memory DuckDB. DuckDB does not read xlsx here (its excel extension is a download), so xlsx rows have no ratio.',
    '',
    checkLine,
    '',
    header,
    rule,
    ...lines,
    '',
    'Targets:',
    '',
    ...targets,
    '<!-- bench:end -->',
  ].join('\n');
  const path = join(root, 'BENCHMARKS.md');
  const old = existsSync(path)
    ? readFileSync(path, 'utf8')
    : '# Benchmarks\n\n<!-- bench:start -->\n<!-- bench:end -->\n';
  const next = old.includes('<!-- bench:start')
    ? old.replace(/<!-- bench:start[\s\S]*?<!-- bench:end -->/, section)
    : `${old.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
  console.log(`\nwritten to ${path}`);
}
if (argv.includes('--clean')) rmSync(dir, { recursive: true, force: true });
