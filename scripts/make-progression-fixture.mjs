// Writes the synthetic BIP measurement demo (fixtures/progression/): the same measurements in a
// long file (one row per person × measurement × indicator, Måling as Baseline/Midtvejs/Slut, a
// Skala column, the course's Startdato/Slutdato) and a wide file (one column per indicator,
// Måling as 1/2/3, no Skala: the 1–10 indicator gets its scale from jobfx.config.json there).
// Persons and course dates are courses of fixtures/demo/demo-export.csv (fake CPR numbers) whose
// person has only that course, so --courses joins them. Fixed seed: the same bytes every run.
//
//   node scripts/make-progression-fixture.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rng } from './lib/testdata.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const out = join(root, 'fixtures/progression');
const r = rng(1616);

const INDICATORS = [
  ['Kendskab til arbejdsmarkedet', 5],
  ['Jobsøgningsadfærd og -kompetence', 5],
  ['Målrettethed i forhold til arbejde', 5],
  ['Borgers mestringsforventning ift. job', 5],
  ['Beskæftigelsesmedarbejders forventning til at borger kommer i job', 10],
];

const DAY = 86400000;
const parse = (s) => Date.UTC(+s.slice(6, 10), +s.slice(3, 5) - 1, +s.slice(0, 2)) / DAY;
const da = (d) => {
  const x = new Date(d * DAY);
  const p = (n) => String(n).padStart(2, '0');
  return `${p(x.getUTCDate())}-${p(x.getUTCMonth() + 1)}-${x.getUTCFullYear()}`;
};
const int = (a, b) => a + Math.floor(r() * (b - a + 1));
const clamp = (v, max) => Math.min(max, Math.max(1, v));

const lines = readFileSync(join(root, 'fixtures/demo/demo-export.csv'), 'utf8')
  .replace(/^\uFEFF/, '')
  .trim()
  .split(/\r?\n/);
const head = lines[0].split(';');
const col = (n) => head.indexOf(n);
const rows = lines.slice(1).map((l) => l.split(';'));
const perPerson = new Map();
for (const x of rows) perPerson.set(x[col('CPR-nr.')], (perPerson.get(x[col('CPR-nr.')]) ?? 0) + 1);
// Courses that started in 2024, of persons with only this course.
const courses = rows
  .filter((x) => perPerson.get(x[col('CPR-nr.')]) === 1 && x[col('Startdato')].endsWith('2024'))
  .slice(0, 90);

const long = [['CPR-nr.', 'Måling', 'Dato', 'Indikator', 'Score', 'Skala', 'Startdato', 'Slutdato']];
const wide = [['CPR-nr.', 'Måling', 'Dato', ...INDICATORS.map((i) => i[0])]];
const WORD = { 1: 'Baseline', 2: 'Midtvejs', 3: 'Slut' };

for (const x of courses) {
  const cpr = x[col('CPR-nr.')];
  const start = parse(x[col('Startdato')]);
  const endText = x[col('Slutdato')];
  const end = endText ? parse(endText) : null;
  // Which indicators this course is measured on: four or five of them.
  const used = INDICATORS.filter((_i, k) => k !== 2 || r() < 0.6);
  const base = used.map(([, max]) => int(1, max === 5 ? 4 : 7));
  const drift = r() < 0.55 ? 1 : r() < 0.6 ? 0 : -1;
  const occasions = [];
  const u = r();
  const noBaseline = u < 0.05;
  const baselineOnly = u >= 0.05 && u < 0.13;
  if (!noBaseline) occasions.push([1, start + int(-3, 11)]);
  const length = end === null ? 84 : end - start;
  // Week 6 (days 35–41, sometimes a week off); missing for some courses, and for early ends before it.
  if (!baselineOnly && length > 42 && r() > 0.18) occasions.push([2, start + int(30, 52)]);
  if (!baselineOnly) {
    // Week 12, or at the end when the course ended early (sometimes late).
    const last = end !== null && end - start < 84 ? end + (r() < 0.8 ? 0 : int(15, 30)) : start + int(80, 88);
    if (last > (occasions.at(-1)?.[1] ?? -Infinity)) occasions.push([3, last]);
  }
  for (const [slot, day] of occasions) {
    const scores = used.map(([, max], k) => {
      const steps = slot === 1 ? 0 : drift * (slot === 2 ? 1 : max === 10 ? 2 : 1) + int(-1, 1);
      return clamp(base[k] + steps, max);
    });
    used.forEach(([name, max], k) =>
      long.push([
        cpr,
        WORD[slot],
        da(day),
        name,
        String(scores[k]),
        `1-${max}`,
        da(start),
        end === null ? '' : da(end),
      ]),
    );
    wide.push([
      cpr,
      String(slot),
      da(day),
      ...INDICATORS.map(([name]) => {
        const k = used.findIndex((i) => i[0] === name);
        return k < 0 ? '' : String(scores[k]);
      }),
    ]);
  }
}

// Two rows every reader must reject, and that change no figure: an exact duplicate, and a score
// outside its scale on an indicator measured nowhere else.
long.push([...long[1]]);
long.push([long[1][0], 'Baseline', long[1][2], 'Hverdagsmestring', '7', '1-5', long[1][6], long[1][7]]);

const csv = (t) => '\uFEFF' + t.map((l) => l.join(';')).join('\r\n') + '\r\n';
writeFileSync(join(out, 'bip-long.csv'), csv(long));
writeFileSync(join(out, 'bip-wide.csv'), csv(wide));
writeFileSync(
  join(out, 'jobfx.config.json'),
  JSON.stringify(
    {
      indicators: [
        { name: 'Beskæftigelsesmedarbejders forventning til at borger kommer i job', scale: '1-10' },
      ],
    },
    null,
    2,
  ) + '\n',
);
console.log(`${long.length - 1} long rows, ${wide.length - 1} wide rows, ${courses.length} courses`);
