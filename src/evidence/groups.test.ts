import { describe, expect, test } from 'vitest';
import { countedIds, diagnosticity } from './groups.js';

const item = (id: number, group: string, l: number[], reportDate = '2026-01-10') => ({
  id,
  group,
  reportDate,
  logLikelihood: l.map(Math.log),
});

describe('grouping correlated indicators', () => {
  test('diagnosticity is the log of the largest likelihood ratio', () => {
    expect(diagnosticity([0.8, 0.4, 0.2].map(Math.log))).toBeCloseTo(Math.log(4), 12);
    expect(diagnosticity([0.5, 0.5].map(Math.log))).toBe(0);
  });
  test('only the most diagnostic item of a group counts; other groups are independent', () => {
    const items = [
      item(1, 'posture', [0.8, 0.4]), // LR 2
      item(2, 'posture', [0.9, 0.3]), // LR 3: counts
      item(3, 'oil', [0.6, 0.5]),
    ];
    expect([...countedIds(items)].sort()).toEqual([2, 3]);
    expect([...countedIds([...items].reverse())].sort()).toEqual([2, 3]);
  });
  test('a tie goes to the earlier report, whatever the listing order', () => {
    const a = item(7, 'g', [0.8, 0.4], '2026-01-12');
    const b = item(5, 'g', [0.4, 0.8], '2026-01-11');
    expect([...countedIds([a, b])]).toEqual([5]);
    expect([...countedIds([b, a])]).toEqual([5]);
  });
});
