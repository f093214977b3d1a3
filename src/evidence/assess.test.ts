import { describe, expect, test } from 'vitest';
import { activeObservations, assessSet } from './assess.js';
import { MODEL, obs } from './test-fixtures.js';

describe('assessSet', () => {
  test('one exact report: odds 1:3 × LR 2 = 2:3', () => {
    const a = assessSet(MODEL, 'intent', [obs(1, 'carrier', 'seen')]);
    expect(a.posterior[0]).toBeCloseTo(0.4, 12);
  });

  test('independent groups multiply; within a group only the most diagnostic item counts', () => {
    // patriot seen (LR 3) beats carrier seen (LR 2) in group posture; oil up LR 2.
    // odds 1:3 × 3 × 2 = 2:1 → 2/3.
    const list = [obs(1, 'carrier', 'seen'), obs(2, 'patriot', 'seen'), obs(3, 'oil', 'up')];
    const a = assessSet(MODEL, 'intent', list);
    expect(a.posterior[0]).toBeCloseTo(2 / 3, 12);
    expect(a.items.map((i) => [i.observation.id, i.counted])).toEqual([
      [1, false],
      [2, true],
      [3, true],
    ]);
    // The order of the evidence does not matter.
    const b = assessSet(MODEL, 'intent', [...list].reverse());
    expect(b.posterior[0]).toBeCloseTo(2 / 3, 12);
  });

  test('a B2 source tempers the likelihood ratio: LR^0.64', () => {
    // odds (1/3)·2^0.64 = 1.558264/3 = 0.519421 → p = 0.341864.
    const a = assessSet(MODEL, 'intent', [obs(1, 'carrier', 'seen', '2026-01-10', ['B', 2])]);
    const odds = 2 ** 0.64 / 3;
    expect(a.posterior[0]).toBeCloseTo(odds / (1 + odds), 12);
    expect(a.posterior[0]).toBeCloseTo(0.341864, 6);
  });

  test('retracted and later reports are left out by activeObservations', () => {
    const later = obs(2, 'oil', 'up', '2026-01-20');
    const retracted = { ...obs(3, 'patriot', 'seen'), retracted: { at: '2026-01-11', reason: 'wrong' } };
    const active = activeObservations([obs(1, 'carrier', 'seen'), later, retracted], '2026-01-15');
    expect(active.map((o) => o.id)).toEqual([1]);
    expect(assessSet(MODEL, 'intent', active).posterior[0]).toBeCloseTo(0.4, 12);
  });

  test('unknown indicators and impossible evidence are clear errors', () => {
    expect(() => assessSet(MODEL, 'intent', [obs(4, 'carier', 'seen')])).toThrow(
      "observation 4: the scenario has no indicator 'carier' (did you mean 'carrier'?)",
    );
    expect(() => assessSet(MODEL, 'intnet', [])).toThrow(
      "no hypothesis set 'intnet' (did you mean 'intent'?)",
    );
  });

  test('soft evidence: virtual and Jeffrey reports commute with hard ones', () => {
    // Jeffrey on oil q(up) = 0.9 against the prior predictive p(up) = 0.375: weights 2.4 and 0.16,
    // λ = (0.6·2.4 + 0.4·0.16, 0.3·2.4 + 0.7·0.16) = (1.504, 0.832); with carrier seen (LR 2):
    // odds (1/3) · 2 · 1.504 / 0.832 = 1.205128 → p = 0.546512.
    const jeffrey = obs(1, 'oil', { kind: 'probability', probs: { up: 0.9, flat: 0.1 } });
    const list = [jeffrey, obs(2, 'carrier', 'seen', '2026-01-11')];
    const a = assessSet(MODEL, 'intent', list).posterior[0]!;
    const b = assessSet(MODEL, 'intent', [...list].reverse()).posterior[0]!;
    expect(a).toBeCloseTo(0.546512, 6);
    expect(b).toBe(a);
  });
});
