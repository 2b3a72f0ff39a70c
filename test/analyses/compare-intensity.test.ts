/**
 * compare --activities: treatment intensity on small files worked out by hand (the comments
 * give each person's weeks). Week 1 begins on the randomisation day, 06-01-2025 for everyone.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitArms } from '../../src/analyses/compare/arms.js';
import { intensity } from '../../src/analyses/compare/intensity.js';
import { joinPanel } from '../../src/analyses/compare/panel-join.js';
import type { GroupRule } from '../../src/analyses/compare/types.js';
import { shareArg } from '../../src/commands/compare-activities.js';
import { loadCourses } from '../../src/schema/load.js';
import { loadActivities } from '../../src/schema/panel/activities.js';
import { loadPanel } from '../../src/schema/panel/load.js';

const OPTS = { cwd: tmpdir() };
const RULE: GroupRule = { source: { kind: 'field', header: 'Gruppe' } };
const dir = mkdtempSync(join(tmpdir(), 'jobfx-intensity-'));
const file = (name: string, lines: string[]) => {
  writeFileSync(join(dir, name), lines.join('\n') + '\n');
  return join(dir, name);
};
const PERSONS = file('persons.csv', [
  'Borger-id;Gruppe;Randomiseringsdato;Jobcenter',
  'A1;Indsats;06-01-2025;Nord',
  'A2;Indsats;06-01-2025;Syd',
  'C1;Kontrol;06-01-2025;Nord',
  'C2;Kontrol;06-01-2025;',
]);
const ACTIVITIES = file('activities.csv', [
  'Borger-id;Dato;Slutdato;Aktivitet',
  'A1;06-01-2025;;Samtale', // week 1
  'A1;08-01-2025;;Jobsamtale', // week 1 again: the week counts once
  'A1;13-01-2025;;Samtale', // week 2
  'A1;20-01-2025;03-02-2025;Virksomhedspraktik', // days 14–28: weeks 3–5, 5 beyond the follow-up
  'A2;27-01-2025;;Samtale', // day 21: week 4, the newest activity: the follow-up is weeks 1–4
  'C1;07-01-2025;;Møde', // week 1
  'C1;01-01-2025;;Samtale', // before randomisation: outside weeks 1–4
  'C2;14-01-2025;;Kaffe', // a type jobfx does not know
  'X9;06-01-2025;;Samtale', // not in the persons file
  'A2;;;Samtale', // no date: rejected
]);

async function run(panelLines?: string[]) {
  const data = await loadCourses(PERSONS, { ...OPTS, respondents: true });
  const acts = await loadActivities(ACTIVITIES, OPTS, data.pseudonymise);
  const { byArm } = splitArms(data.store, RULE, data.vocab);
  const panel = panelLines ? await loadPanel(file('panel.csv', panelLines), OPTS, data.pseudonymise) : null;
  const joined = panel ? joinPanel(data.store, byArm, panel, data.unit) : null;
  return { acts, r: intensity(data.store, byArm, acts, data.unit, joined, 0.8) };
}

describe('treatment intensity without a panel', async () => {
  const { acts, r } = await run();

  it('accounts for every activity row', () => {
    expect(acts.ledger.read).toBe(10);
    expect(acts.ledger.accepted).toBe(9);
    expect(acts.ledger.rejected.map((x) => x.reasons.map((r) => r.en))).toEqual([['Dato: is empty']]);
    expect([...acts.unknown]).toEqual([['Kaffe', 1]]);
    expect([r.notInFile, r.unknownType, r.outside]).toEqual([1, 1, 1]);
  });

  it('counts weeks 1–4 per person and the weeks with a conversation', () => {
    // A1 weeks 1, 2 of 4; A2 week 4 of 4; C1 week 1 of 4; C2 none of 4.
    expect(r.last).toBe(4);
    expect(r.total.treatment).toEqual({ persons: 2, personWeeks: 8, withConversation: 3 });
    expect(r.total.control).toEqual({ persons: 2, personWeeks: 8, withConversation: 1 });
    expect(r.byUnit).toEqual([
      {
        unit: 'Nord',
        arms: {
          treatment: { persons: 1, personWeeks: 4, withConversation: 2 },
          control: { persons: 1, personWeeks: 4, withConversation: 1 },
        },
      },
      {
        unit: 'Syd',
        arms: {
          treatment: { persons: 1, personWeeks: 4, withConversation: 1 },
          control: { persons: 0, personWeeks: 0, withConversation: 0 },
        },
      },
      {
        unit: null,
        arms: {
          treatment: { persons: 0, personWeeks: 0, withConversation: 0 },
          control: { persons: 1, personWeeks: 4, withConversation: 0 },
        },
      },
    ]);
  });

  it('counts the weeks in a work placement within the follow-up', () => {
    // A1: weeks 3 and 4 (week 5 is beyond week 4); A2, C1, C2: none. Treatment [2, 0], control [0, 0].
    expect(r.placementWeeks.treatment).toMatchObject({ n: 2, mean: 1 });
    expect(r.placementWeeks.control).toMatchObject({ n: 2, mean: 0 });
    // Welch: se = √(var(2, 0)/2 + 0) = 1, t = 1, df = 1, p = 2·pt(−1, 1) = 0.5, CI 1 ± qt(0.975, 1).
    const w = r.placementTest;
    if (typeof w === 'string') throw new Error(w);
    expect(w.statistic).toBeCloseTo(1, 12);
    expect(w.df).toBeCloseTo(1, 12);
    expect(w.pValue).toBeCloseTo(0.5, 12);
    expect(w.ci[1]).toBeCloseTo(1 + 12.7062047361747, 9);
  });
});

describe('treatment intensity with a panel: the weeks on benefit', async () => {
  // Only A1 is in the panel: on benefit in weeks 1, 3 and 4, employed in week 2 (the week of
  // a conversation that now does not count): 1 of 3 weeks. The rest have no weeks on benefit.
  const { r } = await run([
    'Borger-id;Uge;Status',
    'A1;1;Kontanthjælp',
    'A1;2;Beskæftiget',
    'A1;3;Kontanthjælp',
    'A1;4;Kontanthjælp',
  ]);
  it('counts only the weeks on benefit', () => {
    expect(r.denominator).toBe('benefit');
    expect(r.last).toBe(4);
    expect(r.total.treatment).toEqual({ persons: 2, personWeeks: 3, withConversation: 1 });
    expect(r.total.control).toEqual({ persons: 2, personWeeks: 0, withConversation: 0 });
  });
});

describe('--target-share', () => {
  it('reads 80%, 80 and 0.8 as 0.8, and refuses the rest', () => {
    expect([shareArg('80%'), shareArg('80'), shareArg('0.8'), shareArg('0,8')]).toEqual([0.8, 0.8, 0.8, 0.8]);
    expect(() => shareArg('120%')).toThrow(/--target-share 120%/);
    expect(() => shareArg('lots')).toThrow(/expected a share/);
  });
});
