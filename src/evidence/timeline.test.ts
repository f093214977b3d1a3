import { describe, expect, test } from 'vitest';
import { MODEL, obs } from './test-fixtures.js';
import { posteriorTimeline } from './timeline.js';

describe('posteriorTimeline', () => {
  test('prior, then the posterior as of each report date', () => {
    const list = [
      obs(1, 'carrier', 'seen', '2026-01-10'),
      obs(2, 'oil', 'up', '2026-01-12'),
      obs(3, 'patriot', 'seen', '2026-01-12'),
      obs(4, 'oil', 'flat', '2026-01-20'),
    ];
    const t = posteriorTimeline(MODEL, 'intent', list, '2026-01-15');
    expect(t.map((p) => [p.date, p.added])).toEqual([
      ['', []],
      ['2026-01-10', [1]],
      ['2026-01-12', [2, 3]],
    ]);
    // 0.25; then odds 1:3·2 → 0.4; then patriot replaces carrier in its group (LR 3) and oil LR 2:
    // odds 1:3·3·2 = 2 → 2/3.
    expect(t.map((p) => p.posterior[0])).toEqual([0.25, expect.closeTo(0.4, 12), expect.closeTo(2 / 3, 12)]);
  });
});
