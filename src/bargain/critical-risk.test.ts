import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type UtilityPair,
  brinkmanship,
  criticalRisk,
  zeuthenProcess,
  zeuthenStep,
} from './critical-risk.js';
import { BargainInputError } from './errors.js';
import { nashBargainingFinite, nashProduct } from './nash-bargaining.js';

// A concave frontier (slopes 0.25, 0.5, 1, 1.25, 1.75 from left to right), conflict at (0, 0).
// Nash products: 9, 25.5, 37.5, 39, 32, 5 — the Nash solution is (6, 6.5).
const frontier: UtilityPair[] = [
  [1, 9],
  [3, 8.5],
  [5, 7.5],
  [6, 6.5],
  [8, 4],
  [10, 0.5],
];
const conflict: UtilityPair = [0, 0];

describe('criticalRisk', () => {
  it('(own − other)/(own − conflict)', () => {
    expect(criticalRisk(10, 1, 0)).toBeCloseTo(0.9, 12);
    expect(criticalRisk(9, 0.5, 0)).toBeCloseTo(17 / 18, 12);
    expect(criticalRisk(8, 6, 4)).toBeCloseTo(0.5, 12);
  });
  it('clips to [0, 1]', () => {
    expect(criticalRisk(5, 6, 0)).toBe(0);
    expect(criticalRisk(5, -1, 0)).toBe(1);
  });
  it('rejects a proposal no better than conflict', () => {
    expect(() => criticalRisk(0, 0, 0)).toThrow(BargainInputError);
    expect(() => criticalRisk(Number.NaN, 0, 0)).toThrow(BargainInputError);
  });
});

describe('zeuthenStep', () => {
  it('the player with the smaller risk concedes: 0.9 < 17/18', () => {
    const s = zeuthenStep([10, 0.5], [1, 9], conflict);
    expect(s.risks[0]).toBeCloseTo(0.9, 12);
    expect(s.risks[1]).toBeCloseTo(17 / 18, 12);
    expect(s.concedes).toBe(0);
  });
  it('equal risks: both concede', () => {
    expect(zeuthenStep([3, 1], [1, 3], conflict).concedes).toBe('both'); // 2/3 each
  });
  it('Harsanyi: r_0 ≤ r_1 iff the Nash product of 0’s proposal is the smaller', () => {
    for (const a of frontier) {
      for (const b of frontier) {
        if (a[0] <= b[0]) continue; // player 0 proposes the one better for itself
        const s = zeuthenStep(a, b, conflict);
        const na = nashProduct(a, conflict);
        const nb = nashProduct(b, conflict);
        expect(s.concedes).toBe(na < nb ? 0 : nb < na ? 1 : 'both');
      }
    }
  });
});

describe('brinkmanship', () => {
  it('a side stays iff π ≤ its critical risk', () => {
    const b = brinkmanship([10, 0.5], [1, 9], conflict, 0.92);
    expect(b.stays).toEqual([false, true]);
    expect(b.outcome).toBe('player0-yields');
    expect(brinkmanship([10, 0.5], [1, 9], conflict, 0.5).outcome).toBe('both-stay');
    expect(brinkmanship([10, 0.5], [1, 9], conflict, 0.95).outcome).toBe('both-yield');
    expect(() => brinkmanship([10, 0.5], [1, 9], conflict, 1.5)).toThrow(BargainInputError);
  });
});

describe('zeuthenProcess', () => {
  it('ends at the Nash product maximiser (Harsanyi 1956)', () => {
    const z = zeuthenProcess(frontier, conflict);
    // (10,0.5) vs (1,9): r = 0.9 < 17/18, 0 moves to its best with N > 9: (8,4).
    // (8,4) vs (1,9): r = 7/8 > 5/9, 1 moves to its best with N > 32: (5,7.5).
    // (8,4) vs (5,7.5): r = 3/8 < 7/15, 0 moves to the only N > 37.5: (6,6.5).
    // (6,6.5) vs (5,7.5): r = 1/6 > 2/15, 1 concedes; nothing beats N = 39, so 1 accepts (6,6.5).
    expect(z.rounds.map((r) => r.offers)).toEqual([
      [5, 0],
      [4, 0],
      [4, 2],
      [3, 2],
    ]);
    expect(z.rounds.map((r) => r.concedes)).toEqual([0, 1, 0, 1]);
    expect(z.rounds[1]!.risks[0]).toBeCloseTo(7 / 8, 12);
    expect(z.rounds[1]!.risks[1]).toBeCloseTo(5 / 9, 12);
    expect(z.rounds[3]!.risks[0]).toBeCloseTo(1 / 6, 12);
    expect(z.rounds[3]!.risks[1]).toBeCloseTo(2 / 15, 12);
    expect(z.agreement).toBe(3);
    expect(z.nashSolution).toBe(3);
    expect(nashBargainingFinite(frontier, conflict)).toEqual({ index: 3, utilities: [6, 6.5], product: 39 });
  });
  it('ignores dominated and irrational proposals', () => {
    const z = zeuthenProcess([...frontier, [5, 5], [12, -1]], conflict);
    expect(z.agreement).toBe(3);
  });
  it('rejects a set with nothing better than conflict', () => {
    expect(() => zeuthenProcess([[-1, 2]], conflict)).toThrow(BargainInputError);
  });
});

describe('zeuthenProcess on concave frontiers (property)', () => {
  it('always ends at the Nash solution', () => {
    // Points on u_1 = 10 − u_0²/10 (concave) for distinct u_0 ∈ (0, 10); conflict (0, 0).
    const arb = fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 2, maxLength: 12 });
    fc.assert(
      fc.property(arb, (xs) => {
        const pts: UtilityPair[] = xs.map((x) => [x / 10, 10 - (x / 10) ** 2 / 10]);
        const z = zeuthenProcess(pts, conflict);
        const nbs = nashBargainingFinite(pts, conflict);
        expect(nashProduct(pts[z.agreement!]!, conflict)).toBeCloseTo(nbs.product, 9);
      }),
    );
  });
});
