import { describe, expect, it } from 'vitest';
import { readNfg } from './gambit-format.js';
import { normalToExtensive } from './normal-to-extensive.js';
import { childrenOf } from './tree.js';

describe('normalToExtensive', () => {
  it('builds a simultaneous-move tree whose leaves carry the matching profile payoffs', () => {
    // 3x2 game, payoff of profile (s1, s2) for player 1 = 10*s1 + s2 (1-based), player 2 = -that.
    const g = readNfg('NFG 1 R "t" { "A" "B" } { 3 2 }\n11 -11 21 -21 31 -31 12 -12 22 -22 32 -32\n');
    const e = normalToExtensive(g);
    expect(e.infosets.map((h) => [h.player, h.actions.length])).toEqual([
      [0, 3],
      [1, 2],
    ]);
    const leafPay = (s1: number, s2: number) => {
      const p2node = childrenOf(e, 0)[s1]!;
      const leaf = childrenOf(e, p2node)[s2]!;
      return e.outcomes[e.nodes.outcome[leaf]!]!.payoffs.map((p) => p.value);
    };
    expect(leafPay(0, 0)).toEqual([11, -11]);
    expect(leafPay(2, 1)).toEqual([32, -32]);
    expect(leafPay(1, 1)).toEqual([22, -22]);
    // player 2 has one information set covering all three of its nodes
    expect(new Set([1, 2, 3].map((i) => e.nodes.infoset[childrenOf(e, 0)[i - 1]!]))).toEqual(new Set([1]));
  });
});
