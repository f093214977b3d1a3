import { describe, expect, it } from 'vitest';
import { allDyadsVotes, vote, winProbabilities } from './win-probability.js';

// Three equal actors on [0, 10] at 0 (A), 10 (B) and 3 (C). Votes for A against B:
// A: (10 − 0)/10 = 1, B: (0 − 10)/10 = −1, C: (7 − 3)/10 = 0.4.
const actors = ['A', 'B', 'C'].map((name) => ({ name, capability: 1, salience: 1, position: 0 }));
const state = { actors, positions: [0, 10, 3], range: 10, risks: [1, 1, 1] };

describe('winProbabilities', () => {
  it('votes are c·s times the difference of (risk-adjusted) distances', () => {
    expect(vote(state, 2, 0, 10)).toBeCloseTo(0.4, 15);
    // With r = 2: 0.7² − 0.3² = 0.4 as well; between 0 and 5, C (at 3) prefers 5: 0.2² − 0.3² = −0.05.
    expect(vote({ ...state, risks: [1, 1, 2] }, 2, 0, 10)).toBeCloseTo(0.4, 15);
    expect(vote({ ...state, risks: [1, 1, 2] }, 2, 0, 5)).toBeCloseTo(-0.05, 15);
    expect(vote(state, 2, 0, 5)).toBeCloseTo(-0.1, 15);
  });

  it('dyad / positive: 1.4 / 2.4 = 7/12 and P_AB + P_BA = 1', () => {
    const p = winProbabilities(state, { winDenominator: 'dyad', winNumerator: 'positive' });
    expect(p[0]![1]).toBeCloseTo(7 / 12, 14);
    expect(p[1]![0]).toBeCloseTo(5 / 12, 14);
    expect(p[0]![0]).toBe(0);
  });

  it('dyad / net: max(0, 0.4) / 2.4 = 1/6 and 0 for the side with fewer votes', () => {
    const p = winProbabilities(state, { winDenominator: 'dyad', winNumerator: 'net' });
    expect(p[0]![1]).toBeCloseTo(1 / 6, 14);
    expect(p[1]![0]).toBe(0);
  });

  it('all-dyads: the denominator sums |votes| over every ordered pair: 4 + 4 + 2.8 = 10.8', () => {
    // Voter at 0: distances 0, 10, 3 → |differences| 10 + 3 + 7, twice (ordered) = 40 → 4.0; at 10 the same;
    // at 3: distances 3, 7, 0 → 4 + 3 + 7, twice = 28 → 2.8.
    expect(allDyadsVotes(state)).toBeCloseTo(10.8, 14);
    const p = winProbabilities(state, { winDenominator: 'all-dyads', winNumerator: 'positive' });
    expect(p[0]![1]).toBeCloseTo(1.4 / 10.8, 14);
  });

  it('actors at the same position have nothing to contest', () => {
    const p = winProbabilities(
      { ...state, positions: [3, 10, 3] },
      { winDenominator: 'dyad', winNumerator: 'positive' },
    );
    expect(p[0]![2]).toBe(0);
    expect(p[2]![0]).toBe(0);
  });
});
