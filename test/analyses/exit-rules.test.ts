/**
 * The bip-kontrakt preset: the annex's 16 exit categories under their own names, and its rules
 * checked on five hand-made courses (B2: Raskmeldt in a kontanthjælp course; B3: Fastholdt outside
 * mentor/efterværn; B1 and B4, B5 keep the rules).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleBreaches } from '../../src/analyses/exit-rules.js';
import { loadCourses } from '../../src/schema/load.js';
import { buildVocabSet, DEFAULT_VOCABULARIES } from '../../src/schema/vocab.js';
import { VOCAB_PRESETS, withPreset } from '../../src/schema/vocab-presets.js';

const ANNEX = [
  'Ordinært job',
  'Uddannelse',
  'Fleksjob',
  'Virksomhedspraktik',
  'Løntilskud',
  'Vikartimer',
  'Uddannelsesparat',
  'Arbejdsmarkedsparat',
  'Anden støtte',
  'Øget mestringskompetence',
  'Dokumentation af arbejds- eller funktionsevne gennemført',
  'Forløb ikke gennemført',
  'Afbrudt',
  'Raskmeldt',
  'Fastholdt',
  'Ikke fastholdt',
];

describe('--vocab bip-kontrakt', () => {
  const vocab = buildVocabSet(withPreset(DEFAULT_VOCABULARIES, VOCAB_PRESETS['bip-kontrakt']));

  it('knows the 16 categories under their own names (the default relabels or lacks some)', () => {
    expect(ANNEX.map((r) => vocab.exitReason.lookup(r)?.value)).toEqual(ANNEX);
    expect(vocab.exitReason.values.slice(0, 16)).toEqual(ANNEX);
    const defaults = buildVocabSet(DEFAULT_VOCABULARIES);
    expect(defaults.exitReason.lookup('Anden støtte')?.value).toBe('Anden indsats');
    expect(
      ['Fastholdt', 'Ikke fastholdt', 'Øget mestringskompetence'].map((r) => defaults.exitReason.isKnown(r)),
    ).toEqual([false, false, false]);
  });

  it('groups them for the contract; the annex spelling "Forløbikke gennemført" is read too', () => {
    expect(['Ordinært job', 'Fleksjob', 'Deltidsjob'].map((r) => vocab.groupOf(r))).toEqual([
      'job',
      'job',
      'job',
    ]);
    expect(vocab.groupOf('Raskmeldt')).toBe('fit');
    expect(vocab.groupOf('Ikke fastholdt')).toBe('dropout');
    expect(vocab.exitReason.lookup('Forløbikke gennemført')?.value).toBe('Forløb ikke gennemført');
  });

  it('reports the courses that break its rules, with their rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfx-bip-'));
    const file = join(dir, 'b.csv');
    writeFileSync(
      file,
      [
        'Borger-id;Målgruppe;Tilbud;Startdato;Slutdato;Afslutningsårsag',
        'B1;Sygedagpengemodtager;Mentor;06-01-2025;31-03-2025;Raskmeldt',
        'B2;Jobparat kontanthjælpsmodtager;Mentor;06-01-2025;31-03-2025;Raskmeldt',
        'B3;Jobparat kontanthjælpsmodtager;Afklaring;06-01-2025;31-03-2025;Fastholdt',
        'B4;Jobparat kontanthjælpsmodtager;Efterværn;06-01-2025;31-03-2025;Ikke fastholdt',
        'B5;Jobparat kontanthjælpsmodtager;Mentor;06-01-2025;31-03-2025;Øget mestringskompetence',
      ].join('\r\n') + '\r\n',
    );
    const data = await loadCourses(file, { cwd: dir, vocab: 'bip-kontrakt' });
    const found = ruleBreaches(data.store, data.exitRules.slice(0, 3), null);
    expect(found.map((b) => [b.rule.reason, b.refs])).toEqual([
      ['Raskmeldt', ['line 3']],
      ['Fastholdt', ['line 4']],
    ]);
  });
});
