/** Duplicate courses are found by person, start and programme, also for a person with many courses. */
import { describe, expect, it } from 'vitest';
import { DuplicateIndex } from '../../src/schema/duplicates.js';
import { course, storeOf } from '../helpers.js';

describe('DuplicateIndex', () => {
  // Person A has 40 courses (beyond the chain's 16: the hash table takes over), B has two.
  const days = Array.from({ length: 40 }, (_, k) => `2024-01-${String((k % 28) + 1).padStart(2, '0')}`);
  const list = [
    ...days.map((day, k) => course(`line ${k + 2}`, 'A', day, null, { programme: k < 28 ? 'P1' : 'P2' })),
    course('line 50', 'B', '2024-01-01', null, { programme: 'P1' }),
    course('line 51', 'B', '2024-01-01', null, { programme: 'P2' }),
  ];
  const store = storeOf(list);
  const index = new DuplicateIndex(store);
  const pr = (v: string) => store.values.programme.id(v);

  it('finds each accepted course by its person, start and programme, and nothing else', () => {
    // Before a course is added it is not found; after, it is found, for every course.
    for (let i = 0; i < store.length; i++) {
      expect(index.find(store.person[i]!, store.start[i]!, store.ids.programme[i]!)).toBe(-1);
      index.add(i);
      expect(index.find(store.person[i]!, store.start[i]!, store.ids.programme[i]!)).toBe(i);
    }
    for (let i = 0; i < store.length; i++)
      expect(index.find(store.person[i]!, store.start[i]!, store.ids.programme[i]!)).toBe(i);
    const a = store.person[0]!;
    const b = store.person[40]!;
    expect(index.find(a, store.start[0]!, pr('P3'))).toBe(-1);
    expect(index.find(a, store.start[0]! + 100, pr('P1'))).toBe(-1);
    expect(index.find(b, store.start[0]!, pr('P1'))).toBe(40);
    expect(index.find(b, store.start[0]!, pr('P2'))).toBe(41);
    expect(index.find(b + 1, store.start[0]!, pr('P1'))).toBe(-1);
  });
});
