// npm run bench: times `jobfx keyfigures` as a whole process on synthetic exports.
// Generates CSV exports (";", UTF-8 BOM, Danish dates) of 10k and 100k courses (1M with --full)
// into .bench/, runs each several times and prints the median wall time, rows/s, MB/s and peak RSS.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import os from 'node:os';

const root = resolve(new URL('..', import.meta.url).pathname);
const dir = join(root, '.bench');
const full = process.argv.includes('--full');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const sizes = full ? [10_000, 100_000, 1_000_000] : [10_000, 100_000];
mkdirSync(dir, { recursive: true });

// A small deterministic PRNG (mulberry32), so every machine benchmarks the same bytes.
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const pad = (n) => String(n).padStart(2, '0');
const dmy = (d) => `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;

function generate(n, file) {
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
  const lines = [
    'CPR-nr.;Tilbud;Værksted;Målgruppe;Højest fuldførte uddannelse;Startdato;Slutdato;Afslutningsårsag;Status 1 md;Status 3 mdr',
  ];
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
    lines.push(
      [
        cpr,
        'Straksaktivering',
        pick(r, units),
        pick(r, targets),
        pick(r, edu),
        dmy(start),
        end ? dmy(end) : '',
        end ? pick(r, reasons) : '',
        end ? pick(r, status) : '',
        end ? pick(r, status) : '',
      ].join(';'),
    );
  }
  writeFileSync(file, '\uFEFF' + lines.join('\r\n') + '\r\n');
}

const preload = join(dir, 'rss.cjs');
writeFileSync(
  preload,
  "process.on('exit', () => { require('fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)); });\n",
);
const rssFile = join(dir, 'rss.txt');

function time(args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', preload, join(root, 'bin/jobfx.js'), ...args], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`jobfx ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { seconds, rssMB: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!existsSync(join(root, 'dist/main.js'))) {
  console.error('build first: npm run build');
  process.exit(2);
}
console.log(
  `jobfx keyfigures benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, median of ${runs} runs\n`,
);
console.log('| input | rows | MB | wall s | rows/s | MB/s | peak RSS MB |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const n of sizes) {
  const file = join(dir, `export-${n}.csv`);
  if (!existsSync(file)) generate(n, file);
  const mb = statSync(file).size / 1e6;
  const results = Array.from({ length: runs }, () =>
    time(['keyfigures', file, '--period', '2024', '--format', 'json']),
  );
  const s = median(results.map((x) => x.seconds));
  const rss = median(results.map((x) => x.rssMB));
  console.log(
    `| csv | ${n.toLocaleString('en')} | ${mb.toFixed(1)} | ${s.toFixed(2)} | ${Math.round(n / s).toLocaleString('en')} | ${(mb / s).toFixed(1)} | ${rss.toFixed(0)} |`,
  );
}
if (process.argv.includes('--clean')) rmSync(dir, { recursive: true, force: true });
