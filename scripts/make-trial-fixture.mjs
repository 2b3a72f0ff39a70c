// Writes the synthetic trial demo (fixtures/trial/): 600 randomised persons (persons-panel.csv:
// Borger-id, Gruppe, Randomiseringsdato, Jobcenter, Køn), their weekly status from the week before
// randomisation (uge 0) to week 64 (panel.csv, long: one row per person × week, with hours in
// employment; panel-wide.csv: the same weeks 1–64 as uge1..uge64 and timer1..timer64), and their
// conversations and work placements (activities.csv). Built-in effect: from week 10 the
// treatment group moves from benefit to employment at a higher weekly rate, about 5 percentage
// points more employed from the middle of the follow-up. One panel person (B09999) is not in the
// persons file, as happens when a register panel is drawn wider than the trial. Synthetic
// Borger-ids (B00001 ...): no CPR-looking values. Fixed seed: the same bytes every run.
//
//   node scripts/make-trial-fixture.mjs
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rng, pick } from './lib/testdata.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const out = join(root, 'fixtures/trial');
const r = rng(1818);
const PERSONS = 600;
const WEEKS = 64;
const DAY = 86400000;
const da = (d) => {
  const x = new Date(d * DAY);
  const p = (n) => String(n).padStart(2, '0');
  return `${p(x.getUTCDate())}-${p(x.getUTCMonth() + 1)}-${x.getUTCFullYear()}`;
};
const FIRST = Date.UTC(2024, 0, 8) / DAY;
const id = (i) => `B${String(i).padStart(5, '0')}`;

// Spellings as registers and case systems write them: the vocabulary reads them all.
const SPELLING = {
  employed: ['Beskæftiget', 'Lønmodtager', 'Beskæftiget'],
  education: ['Uddannelse', 'SU'],
  benefit: ['Kontanthjælp', 'Offentlig forsørgelse', 'Ydelse'],
  self: ['Selvforsørget'],
  other: ['Andet'],
};

/** One week on from `s`: a weekly Markov chain; the treatment's exit to job is higher from week 10. */
function next(s, treated, week) {
  const x = r();
  if (s === 'benefit') {
    const job = 0.006 + (treated && week >= 10 ? 0.0045 : 0);
    if (x < job) return 'employed';
    if (x < job + 0.002) return 'education';
    if (x < job + 0.004) return 'self';
    if (x < job + 0.005) return 'other';
    return 'benefit';
  }
  if (s === 'employed') return x < 0.02 ? 'benefit' : 'employed';
  if (s === 'education') return x < 0.01 ? 'benefit' : 'education';
  if (s === 'self') return x < 0.03 ? 'benefit' : 'self';
  return x < 0.05 ? 'benefit' : 'other';
}

const persons = [];
for (let i = 1; i <= PERSONS; i++) {
  const treated = r() < 0.5;
  persons.push({
    id: id(i),
    treated,
    rand: FIRST + Math.floor(r() * 180),
    unit: pick(r, ['Jobcenter Nord', 'Jobcenter Syd', 'Jobcenter Vest']),
    gender: r() < 0.48 ? 'K' : 'M',
  });
}
const extra = { id: 'B09999', treated: false, rand: FIRST, unit: '', gender: '' };

const personsCsv = ['Borger-id;Gruppe;Randomiseringsdato;Jobcenter;Køn'];
for (const p of persons)
  personsCsv.push([p.id, p.treated ? 'Deltager' : 'Kontrol', da(p.rand), p.unit, p.gender].join(';'));

const long = ['Borger-id;Uge;Status;Timer'];
const wide = [
  [
    'Borger-id',
    ...Array.from({ length: WEEKS }, (_x, w) => `uge${w + 1}`),
    ...Array.from({ length: WEEKS }, (_x, w) => `timer${w + 1}`),
  ].join(';'),
];
const acts = ['Borger-id;Dato;Slutdato;Aktivitet'];
for (const p of [...persons, extra]) {
  // Week 0 (the week before randomisation): on benefit, save a few already in work or education.
  let s = r() < 0.94 ? 'benefit' : r() < 0.6 ? 'employed' : 'education';
  const statuses = [];
  const hours = [];
  const full = 15 + Math.floor(r() * 23);
  for (let w = 0; w <= WEEKS; w++) {
    if (w > 0) s = next(s, p.treated, w);
    statuses.push(s);
    hours.push(s === 'employed' ? Math.max(1, full + Math.floor(r() * 7) - 3) : 0);
  }
  for (let w = 0; w <= WEEKS; w++) {
    const word = pick(r, SPELLING[statuses[w]]);
    long.push([p.id, w, word, hours[w] > 0 ? hours[w] : ''].join(';'));
  }
  wide.push(
    [
      p.id,
      ...statuses.slice(1).map((x) => pick(r, SPELLING[x])),
      ...hours.slice(1).map((h) => (h > 0 ? h : '')),
    ].join(';'),
  );
  if (p === extra) continue;
  // Conversations: weekly for the treatment group (kept 82% of the weeks), seldom for control,
  // only while on benefit; one work placement of 4–12 weeks for some.
  let placement = false;
  for (let w = 1; w <= WEEKS; w++) {
    if (statuses[w] !== 'benefit') continue;
    const day = p.rand + 7 * (w - 1) + Math.floor(r() * 5);
    if (r() < (p.treated ? 0.82 : 0.12))
      acts.push([p.id, da(day), '', pick(r, ['Samtale', 'Jobsamtale'])].join(';'));
    if (!placement && w >= 4 && r() < (p.treated ? 0.05 : 0.02)) {
      placement = true;
      const len = 4 + Math.floor(r() * 9);
      acts.push([p.id, da(day), da(day + 7 * len - 3), 'Virksomhedspraktik'].join(';'));
    }
  }
}

const write = (name, lines) => writeFileSync(join(out, name), lines.join('\n') + '\n');
write('persons-panel.csv', personsCsv);
write('panel.csv', long);
write('panel-wide.csv', wide);
write('activities.csv', acts);
