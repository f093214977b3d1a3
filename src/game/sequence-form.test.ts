import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedPayoffs } from './behavior.js';
import { readEfg } from './gambit-format.js';
import { randomExtensiveGame } from './generate.js';
import { Fraction } from './num.js';
import {
  SequenceFormError,
  behaviorFromRealization,
  constraintMatrix,
  payoffMatrix,
  realizationPlan,
  realizationPlanExact,
  sequenceForm,
} from './sequence-form.js';
import type { BehaviorProfile, ExtensiveGame } from './types.js';

// The example of Koller, Megiddo & von Stengel (STOC 1994), as in Gambit's tests.
const KMVS = `EFG 2 R "KMvS STOC'94" { "1" "2" }
""
c "" 1 "" { "1" 0.2 "2" 0.2 "3" 0.2 "4" 0.4 } 0
p "" 1 1 "0" { "l" "r" } 0
t "" 1 "l" { 5, -5 }
p "" 2 1 "01" { "p" "q" } 0
p "" 1 3 "010" { "L" "R" } 0
t "" 2 "rpL" { 10, -10 }
t "" 3 "rpR" { 15, -15 }
p "" 1 3 "010" { "L" "R" } 0
t "" 4 "rqL" { 20, -20 }
t "" 5 "rqR" { -5, 5 }
p "" 1 2 "1" { "c" "d" } 0
t "" 6 "c" { 10, -10 }
t "" 7 "d" { 20, -20 }
p "" 1 2 "1" { "c" "d" } 0
p "" 2 2 "20" { "s" "t" } 0
t "" 8 "cs" { 20, -20 }
t "" 9 "ct" { 50, -50 }
p "" 2 2 "20" { "s" "t" } 0
t "" 10 "ds" { 30, -30 }
t "" 11 "dt" { 15, -15 }
t "" 12 "nothing" { 5, -5 }
`;

/** Names of sequences as the actions along them, e.g. "r.L". */
function names(g: ExtensiveGame, pl: 0 | 1): string[] {
  const ps = sequenceForm(g).players[pl];
  const out: string[] = [];
  for (let s = 0; s < ps.count; s++) {
    const parts: string[] = [];
    for (let t = s; t > 0; t = ps.parent[t]!)
      parts.unshift(g.infosets[ps.infoset[t]!]!.actions[ps.action[t]!]!);
    out.push(parts.join('.') || '∅');
  }
  return out;
}

describe('sequence form of the KMvS example (hand-derived)', () => {
  const g = readEfg(KMVS);
  const sf = sequenceForm(g);

  it('numbers sequences in depth-first order, the empty one first', () => {
    expect(names(g, 0)).toEqual(['∅', 'l', 'r', 'r.L', 'r.R', 'c', 'd']);
    expect(names(g, 1)).toEqual(['∅', 'p', 'q', 's', 't']);
    expect(sf.exact).toBe(true);
  });

  it('builds the constraint matrices E and F', () => {
    const dense = (pl: 0 | 1) => {
      const m = constraintMatrix(sf.players[pl]);
      const out = Array.from({ length: m.rows }, () => new Array(m.cols).fill(0));
      m.entryRow.forEach((r, k) => (out[r]![m.entryCol[k]!] = m.value[k]));
      return out;
    };
    // Rows: the empty sequence, then player 1's sets in Gambit's order (order of appearance in
    // the file, as the reader gives them): "0", "010", "1".
    expect(g.infosets.slice(0, 3).map((h) => h.label)).toEqual(['0', '010', '1']);
    expect(dense(0)).toEqual([
      [1, 0, 0, 0, 0, 0, 0],
      [-1, 1, 1, 0, 0, 0, 0],
      [0, 0, -1, 1, 1, 0, 0],
      [-1, 0, 0, 0, 0, 1, 1],
    ]);
    expect(dense(1)).toEqual([
      [1, 0, 0, 0, 0],
      [-1, 1, 1, 0, 0],
      [-1, 0, 0, 1, 1],
    ]);
  });

  it('builds the payoff matrix A with chance weights', () => {
    const a = payoffMatrix(sf, 0);
    const entries = Array.from(
      a.entryRow,
      (r, k) => `${names(g, 0)[r]},${names(g, 1)[a.entryCol[k]!]}=${sf.payoffs.exact!.a[k]!.toFraction()}`,
    );
    // 0.2 x payoff for the first three chance moves, 0.4 x 5 for "nothing".
    expect(entries).toEqual([
      '∅,∅=2',
      'l,∅=1',
      'r.L,p=2',
      'r.L,q=4',
      'r.R,p=3',
      'r.R,q=-1',
      'c,∅=2',
      'c,s=4',
      'c,t=10',
      'd,∅=4',
      'd,s=6',
      'd,t=3',
    ]);
    // Zero-sum: B = -A.
    sf.payoffs.exact!.b.forEach((b, k) => expect(b.add(sf.payoffs.exact!.a[k]!).equals(0)).toBe(true));
    expect(sf.payoffs.exact!.chance.map((c) => c.toFraction())).toEqual([
      '2/5',
      '1/5',
      '1/5',
      '1/5',
      '1/5',
      '1/5',
      '1/5',
      '1/5',
      '1/5',
      '1/5',
      '1/5',
      '1/5',
    ]);
  });

  it('turns the equilibrium Gambit prints into realization plans and back', () => {
    const f = (n: number, d = 1) => new Fraction(n, d);
    // NE,0,1,2/3,1/3,1/3,2/3,5/6,1/6,5/9,4/9 (gambit-lcp): sets "0", "010", "1", "01", "20".
    const exact = [
      [f(0), f(1)],
      [f(2, 3), f(1, 3)],
      [f(1, 3), f(2, 3)],
      [f(5, 6), f(1, 6)],
      [f(5, 9), f(4, 9)],
    ];
    const b: BehaviorProfile = {
      probs: g.infosets.map((h, i) =>
        h.player < 0 ? h.probs!.map((p) => p.value) : exact[i]!.map((x) => x.valueOf()),
      ),
      exact: g.infosets.map((h, i) => (h.player < 0 ? h.probs!.map((p) => p.exact!) : exact[i]!)),
    };
    const x = realizationPlanExact(sf.players[0], b);
    const y = realizationPlanExact(sf.players[1], b);
    expect(x.map((v) => v.toFraction())).toEqual(['1', '0', '1', '2/3', '1/3', '1/3', '2/3']);
    expect(y.map((v) => v.toFraction())).toEqual(['1', '5/6', '1/6', '5/9', '4/9']);
    const back = behaviorFromRealization(g, sf, [x, y]);
    expect(back.exact!.slice(0, 5).map((r) => r.map((v) => v.toFraction()))).toEqual(
      exact.map((r) => r.map((v) => v.toFraction())),
    );
    // x^T A y is player 1's expected payoff.
    let xay = 0;
    const p = sf.payoffs;
    for (let k = 0; k < p.count; k++) xay += x[p.row[k]!]!.valueOf() * p.a[k]! * y[p.col[k]!]!.valueOf();
    expect(xay).toBeCloseTo(expectedPayoffs(g, b)[0]!, 12);
  });

  it('gives the centroid where the player’s own plan never reaches a set', () => {
    // Player 1 plays l: set "010" (after r) is excluded by player 1's own plan.
    const x = [1, 1, 0, 0, 0, 1, 0];
    const y = [1, 1, 0, 1, 0];
    const b = behaviorFromRealization(g, sf, [x, y]);
    expect(b.probs[0]).toEqual([1, 0]);
    expect(b.probs[1]).toEqual([0.5, 0.5]);
    expect(b.probs[2]).toEqual([1, 0]);
  });
});

describe('sequence form: outcomes on inner nodes and errors', () => {
  it('adds outcomes along the path into the leaf entries', () => {
    const g = readEfg(`EFG 2 R "inner" { "A" "B" }
""
p "" 1 1 "" { "x" "y" } 1 "start" { 1, 2 }
p "" 2 1 "" { "u" "v" } 2 "mid" { 10, 20 }
t "" 3 "a" { 100, 200 }
t "" 0
t "" 4 "b" { 5, 6 }
`);
    const sf = sequenceForm(g);
    const p = sf.payoffs;
    const entries = Array.from(p.row, (r, k) => [r, p.col[k], p.a[k], p.b[k]]);
    // x.u: 1 + 10 + 100; x.v: 1 + 10 (a leaf without an outcome); y: 1 + 5.
    expect(entries).toEqual([
      [1, 1, 111, 222],
      [1, 2, 11, 22],
      [2, 0, 6, 8],
    ]);
  });

  it('refuses games without perfect recall, naming the information set', () => {
    const g = readEfg(`EFG 2 R "forgetful" { "A" "B" }
""
p "" 1 1 "first" { "L" "R" } 0
p "" 1 2 "second" { "l" "r" } 0
t "" 1 "" { 1, 0 }
t "" 2 "" { 0, 1 }
p "" 1 2 "second" { "l" "r" } 0
t "" 3 "" { 0, 1 }
t "" 4 "" { 1, 0 }
`);
    expect(() => sequenceForm(g)).toThrow(SequenceFormError);
    expect(() => sequenceForm(g)).toThrow(/perfect recall.*information set 2 "second" of player 1/);
  });

  it('refuses games with other than two players', () => {
    const g = randomExtensiveGame({ seed: 3, nodes: 41, players: 3 });
    expect(() => sequenceForm(g)).toThrow(/two-player/);
  });
});

describe('sequence form properties on random games', () => {
  it('x^T A y and x^T B y are the expected payoffs of any behaviour profile', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 5, max: 200 }),
        fc.boolean(),
        (seed, nodes, inner) => {
          const g = randomExtensiveGame({ seed, nodes, innerOutcomes: inner ? 0.3 : 0 });
          const sf = sequenceForm(g);
          // A pseudo-random behaviour profile from the seed.
          let r = seed;
          const rand = () => (r = (r * 1103515245 + 12345) % 2147483648) / 2147483648;
          const b: BehaviorProfile = {
            probs: g.infosets.map((h) => {
              if (h.player < 0) return h.probs!.map((p) => p.value);
              const w = h.actions.map(() => rand() + 0.01);
              const s = w.reduce((a, c) => a + c, 0);
              return w.map((v) => v / s);
            }),
          };
          const x = realizationPlan(sf.players[0], b);
          const y = realizationPlan(sf.players[1], b);
          let u1 = 0;
          let u2 = 0;
          const p = sf.payoffs;
          for (let k = 0; k < p.count; k++) {
            u1 += x[p.row[k]!]! * p.a[k]! * y[p.col[k]!]!;
            u2 += x[p.row[k]!]! * p.b[k]! * y[p.col[k]!]!;
          }
          const [e1, e2] = expectedPayoffs(g, b);
          expect(u1).toBeCloseTo(e1!, 9);
          expect(u2).toBeCloseTo(e2!, 9);
          // Realization plans satisfy E x = e.
          for (const [pl, plan] of [
            [0, x],
            [1, y],
          ] as const) {
            const m = constraintMatrix(sf.players[pl]);
            const lhs = new Float64Array(m.rows);
            m.entryRow.forEach((row, k) => (lhs[row]! += m.value[k]! * plan[m.entryCol[k]!]!));
            lhs.forEach((v, row) => expect(v).toBeCloseTo(row === 0 ? 1 : 0, 12));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
