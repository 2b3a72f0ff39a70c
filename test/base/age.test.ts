/**
 * Age in whole years at a day, with the Danish civil reading of a 29 February birthday: in a year
 * without 29 February the person becomes a year older on 1 March (docs/definitions.md#cpr-numbers).
 * Expected values worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { ageOn } from '../../src/base/dates.js';
import { ageAt } from '../../src/schema/values.js';
import { d } from '../helpers.js';

describe('a person born 29-02-2000', () => {
  it.each([
    ['2023-02-28', 22],
    ['2023-03-01', 23],
    ['2024-02-28', 23],
    ['2024-02-29', 24],
    ['2025-02-28', 24],
    ['2025-03-01', 25],
  ])('is on %s %i years old', (day, age) => {
    expect(ageOn(d('2000-02-29'), d(day))).toBe(age);
    expect(ageAt(d('2000-02-29'), d(day))).toBe(age);
  });
});
