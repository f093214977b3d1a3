import { describe, expect, it } from 'vitest';
import { decisionCells, decisionProbabilities } from './decision-probs.js';

describe('choice probabilities at a decision, given the situation', () => {
  // Two steps: step 0 (a, b), step 1 (x, y, or not played = −1). Leaves in preorder.
  const history = Int16Array.from([
    0,
    0, // a x
    0,
    1, // a y
    1,
    0, // b x
    1,
    1, // b y
    1,
    -1, // b, decision not played
  ]);
  const rho = [0.1, 0.3, 0.2, 0.2, 0.2];

  it('conditions on the situation and on the decision being reached', () => {
    const cells = decisionCells(history, 2, [[0, 1]], 1);
    expect(cells.reached).toBe(2);
    // P(x | b, played) = 0.2 / 0.4, the unplayed leaf left out.
    expect(decisionProbabilities(cells, rho, 2)).toEqual([0.5, 0.5]);
    const a = decisionCells(history, 2, [[0, 0]], 1);
    const pa = decisionProbabilities(a, rho, 2);
    expect(pa[0]).toBeCloseTo(0.25, 15);
    expect(pa[1]).toBeCloseTo(0.75, 15);
  });

  it('marginalises what the situation does not name, and gives NaN without mass', () => {
    const all = decisionCells(history, 2, [], 1);
    const p = decisionProbabilities(all, rho, 2);
    expect(p[0]).toBeCloseTo(0.3 / 0.8, 15);
    const none = decisionProbabilities(all, [0, 0, 0, 0, 1], 2);
    expect(none.every(Number.isNaN)).toBe(true);
  });
});
