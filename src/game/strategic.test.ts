import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fraction } from './num.js';
import {
  bimatrixGame,
  expectedPayoffs,
  expectedPayoffsExact,
  makeStrategicGame,
  maxRegret,
  maxRegretExact,
  profileFromIndex,
  profileIndex,
  strategyValues,
  strategyValuesExact,
} from './strategic.js';

const f = (n: number, d = 1) => new Fraction(n, d);

// Battle of the sexes: (2,1) on (0,0), (1,2) on (1,1), zero elsewhere.
const bos = bimatrixGame(
  [
    [2, 0],
    [0, 1],
  ],
  [
    [1, 0],
    [0, 2],
  ],
);

describe('profile indexing', () => {
  it('lets player 0 vary fastest, as in .nfg files', () => {
    const g = makeStrategicGame([2, 3, 2], () => [0, 0, 0]);
    expect(profileIndex(g, [1, 0, 0])).toBe(1);
    expect(profileIndex(g, [0, 1, 0])).toBe(2);
    expect(profileIndex(g, [1, 2, 1])).toBe(1 + 2 * 2 + 6);
    expect(profileFromIndex(g, 11)).toEqual([1, 2, 1]);
  });
});

describe('payoffs and values', () => {
  it('battle of the sexes at its mixed equilibrium (2/3, 1/3) vs (1/3, 2/3)', () => {
    const probs = [
      [2 / 3, 1 / 3],
      [1 / 3, 2 / 3],
    ];
    // Row: 2*1/3 = 2/3 for either strategy; column: 1*2/3 = 2/3 for either.
    expect(strategyValues(bos, probs, 0)).toEqual([expect.closeTo(2 / 3, 12), expect.closeTo(2 / 3, 12)]);
    expect(strategyValues(bos, probs, 1)).toEqual([expect.closeTo(2 / 3, 12), expect.closeTo(2 / 3, 12)]);
    expect(expectedPayoffs(bos, probs)).toEqual([expect.closeTo(2 / 3, 12), expect.closeTo(2 / 3, 12)]);
    expect(maxRegret(bos, probs)).toBeCloseTo(0, 12);
  });

  it('regret of a non-equilibrium', () => {
    // Row plays 0, column plays 1: row gets 0 but 1 from strategy 1; column gets 0 but 1 from strategy 0.
    expect(
      maxRegret(bos, [
        [1, 0],
        [0, 1],
      ]),
    ).toBe(1);
    // Uniform: row values (1, 1/2) expected 3/4, regret 1/4; column values (1/2, 1) expected 3/4, regret 1/4.
    expect(
      maxRegret(bos, [
        [0.5, 0.5],
        [0.5, 0.5],
      ]),
    ).toBeCloseTo(0.25, 12);
  });

  it('exact values in three players', () => {
    // u_i = 1 if all three choose the same strategy, else 0; player i also gets i if it plays 1.
    const g = makeStrategicGame([2, 2, 2], (s) =>
      s.map((si, i) => (s[0] === s[1] && s[1] === s[2] ? 1 : 0) + (si === 1 ? i : 0)),
    );
    const probs = [
      [f(1, 2), f(1, 2)],
      [f(1, 3), f(2, 3)],
      [f(1, 4), f(3, 4)],
    ];
    // Player 2: strategy 0 matches with prob 1/2*1/3 = 1/6; strategy 1 gets 2 + 1/2*2/3 = 7/3.
    expect(strategyValuesExact(g, probs, 2).map((x) => x.toFraction())).toEqual(['1/6', '7/3']);
    // Expected: 1/4*1/6 + 3/4*7/3 = 1/24 + 7/4 = 43/24.
    expect(expectedPayoffsExact(g, probs)[2]!.toFraction()).toBe('43/24');
    expect(maxRegretExact(g, probs).toFraction()).toBe(
      // player 2 regret: 7/3 - 43/24 = 13/24; player 1: values (1/2*1/4, 1 + 1/2*3/4) = (1/8, 11/8),
      // expected 1/3*1/8 + 2/3*11/8 = 23/24, regret 11/24; player 0: values (1/12, 1/2), expected 7/24, regret 5/24.
      '13/24',
    );
  });
});

describe('properties', () => {
  const gameArb = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }).chain((counts) => {
    const total = counts.reduce((a, b) => a * b, 1);
    return fc.tuple(
      fc.constant(counts),
      fc.array(fc.integer({ min: -9, max: 9 }), {
        minLength: total * counts.length,
        maxLength: total * counts.length,
      }),
      fc.array(fc.array(fc.nat(5), { minLength: 3, maxLength: 3 }), {
        minLength: counts.length,
        maxLength: counts.length,
      }),
    );
  });

  it('expected payoff = mixture of strategy values, and floats agree with exact', () => {
    fc.assert(
      fc.property(gameArb, ([counts, pay, weights]) => {
        const n = counts.length;
        const g = makeStrategicGame(counts, (s) => {
          let idx = 0;
          let stride = 1;
          s.forEach((si, i) => {
            idx += si * stride;
            stride *= counts[i]!;
          });
          return pay.slice(idx * n, idx * n + n);
        });
        const exact = counts.map((c, i) => {
          const w = weights[i]!.slice(0, c);
          const total = w.reduce((a, b) => a + b, 0);
          return w.map((x) => (total === 0 ? f(1, c) : f(x, total)));
        });
        const probs = exact.map((row) => row.map((x) => x.valueOf()));
        const e = expectedPayoffsExact(g, exact);
        const ef = expectedPayoffs(g, probs);
        for (let i = 0; i < n; i++) {
          const v = strategyValuesExact(g, exact, i);
          const mix = v.reduce((acc, x, s) => acc.add(x.mul(exact[i]![s]!)), f(0));
          expect(mix.equals(e[i]!)).toBe(true);
          expect(ef[i]).toBeCloseTo(e[i]!.valueOf(), 9);
        }
        expect(maxRegret(g, probs)).toBeCloseTo(maxRegretExact(g, exact).valueOf(), 9);
        expect(maxRegretExact(g, exact).compare(0)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });
});
