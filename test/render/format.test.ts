import { describe, expect, it } from 'vitest';
import {
  formatCell,
  formatFixed,
  formatPercent,
  percentScaled,
  roundHalfAway,
} from '../../src/render/format.js';

describe('percentages', () => {
  it('round half away from zero, exactly, from counts', () => {
    expect(percentScaled(1, 8, 0)).toBe(13); // 12.5 → 13
    expect(percentScaled(1, 8, 1)).toBe(125);
    expect(percentScaled(1, 3, 1)).toBe(333);
    expect(percentScaled(2, 3, 1)).toBe(667);
    expect(percentScaled(29, 200, 1)).toBe(145); // 14.5 exactly
    expect(percentScaled(29, 2000, 1)).toBe(15); // 1.45 → 1.5 (floating point gives 1.4499…)
    expect(formatPercent(29, 2000, 1, 'da')).toBe('1,5');
    expect(formatPercent(5, 0, 1, 'da')).toBe('-');
  });
});

describe('numbers', () => {
  it('use Danish and English separators', () => {
    expect(formatFixed(1234567.891, 1, 'da')).toBe('1.234.567,9');
    expect(formatFixed(1234567.891, 1, 'en')).toBe('1,234,567.9');
    expect(formatFixed(-0.04, 1, 'da')).toBe('0,0');
    expect(roundHalfAway(2.675, 2)).toBe(2.68);
    expect(roundHalfAway(-2.5, 0)).toBe(-3);
    expect(formatCell({ t: 'num', v: 10.25, decimals: 1 }, { lang: 'da', percentDecimals: 1 })).toBe('10,3');
    expect(formatCell({ t: 'count', v: 1234 }, { lang: 'da', percentDecimals: 1 })).toBe('1.234');
    expect(formatCell({ t: 'date', v: 19797 }, { lang: 'da', percentDecimals: 1 })).toBe('15-03-2024');
  });
});
