/**
 * Renderer output compared byte for byte with fixtures/golden/render/. To rewrite the goldens after
 * an intended change: UPDATE_GOLDEN=1 npx vitest run test/render/golden.test.ts — then review the
 * diff by eye; a golden is only right if it is right by hand.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/render/csv-table.js';
import type { FormatOptions } from '../../src/render/format.js';
import { renderHtml } from '../../src/render/html.js';
import { renderJson } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { goldenTables } from './sample.js';

const DIR = join(import.meta.dirname, '../../fixtures/golden/render');
const opts: FormatOptions = { lang: 'da', percentDecimals: 1 };

const cases: [string, () => string][] = [
  ['sample.md', () => renderMarkdown(goldenTables, opts)],
  ['sample.csv', () => renderCsv(goldenTables, { ...opts, excel: false })],
  ['sample.excel.csv', () => renderCsv(goldenTables, { ...opts, excel: true })],
  ['sample.json', () => renderJson(goldenTables)],
  [
    'sample.html',
    () => renderHtml(goldenTables, { ...opts, title: 'Nøgletal for straksaktivering, 1. halvår 2024' }),
  ],
];

describe('golden files', () => {
  for (const [name, render] of cases) {
    it(name, () => {
      const file = join(DIR, name);
      const actual = Buffer.from(render(), 'utf8');
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
      expect(existsSync(file), `${file} is missing; run with UPDATE_GOLDEN=1 and review it`).toBe(true);
      const expected = readFileSync(file);
      // Compare as text first for a readable diff, then as bytes (BOM, CRLF).
      expect(actual.toString('utf8')).toBe(expected.toString('utf8'));
      expect(actual.equals(expected)).toBe(true);
    });
  }
});
