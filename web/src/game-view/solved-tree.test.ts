import { describe, expect, it } from 'vitest';
import { readEfg } from '../../../src/game/gambit-format.js';
import { GAME, LEAF_NODE, LEAF_PROB } from './hand-built-game.js';
import {
  behaviourFromReach,
  childInfos,
  descendantCounts,
  mostLikelyPathOf,
  nodeInfo,
  reachFromLeaves,
  solveTree,
} from './solved-tree.js';

describe('solved tree: reach and behaviour read back from leaf probabilities', () => {
  const tree = solveTree({ game: GAME, leafNode: LEAF_NODE, leafProb: LEAF_PROB });

  it('sums leaf probabilities up the tree', () => {
    const reach = reachFromLeaves(GAME, LEAF_NODE, LEAF_PROB);
    expect(reach[0]).toBeCloseTo(1, 14);
    expect(reach[1]).toBeCloseTo(0.3, 14);
    expect(reach[3]).toBeCloseTo(0.18, 14);
    expect(reach[6]).toBeCloseTo(0.7, 14);
    expect(reach[8]).toBeCloseTo(0.42, 14);
    expect(reach[10]).toBeCloseTo(0.315, 14);
  });

  it('recovers the behaviour strategy per information set, and chance probabilities', () => {
    const b = behaviourFromReach(GAME, tree.reach);
    const byLabel = Object.fromEntries(GAME.infosets.map((h, i) => [h.label, b[i]!]));
    expect(byLabel.h1![0]).toBeCloseTo(0.4, 14);
    expect(byLabel.h1![1]).toBeCloseTo(0.6, 14);
    expect(byLabel.hB1![0]).toBeCloseTo(0.9, 14);
    expect(byLabel.hB2![1]).toBeCloseTo(0.75, 14);
    expect(byLabel.nature).toEqual([0.3, 0.7]);
  });

  it('gives each branch its probability given the parent', () => {
    const expected = [1, 0.3, 0.4, 0.6, 0.9, 0.1, 0.7, 0.4, 0.6, 0.25, 0.75];
    expected.forEach((p, n) => expect(tree.branch[n]).toBeCloseTo(p, 14));
  });

  it('follows the most probable branch from the root', () => {
    expect(mostLikelyPathOf(tree)).toEqual([0, 6, 8, 10]);
    expect(Array.from(tree.onPath)).toEqual([1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1]);
  });

  it('counts descendants', () => {
    expect(Array.from(descendantCounts(GAME))).toEqual([10, 4, 0, 2, 0, 0, 4, 0, 2, 0, 0]);
  });

  it('describes children: move, probabilities, kind, mover, payoffs', () => {
    const kids = childInfos(tree, 0);
    expect(kids.map((k) => [k.id, k.move, k.kind, k.onPath])).toEqual([
      [1, 'nature: hi', 'decision', false],
      [6, 'nature: lo', 'decision', true],
    ]);
    expect(kids[1]!.prob).toBeCloseTo(0.7, 14);
    expect(kids[1]!.player).toBe('A');
    expect(kids[1]!.infosetLabel).toBe('h1');
    expect(kids[1]!.descendants).toBe(4);
    expect(kids[1]!.childCount).toBe(2);
    const b = nodeInfo(tree, 8);
    expect([b.kind, b.player, b.infosetLabel, b.move, b.parent]).toEqual(['decision', 'B', 'hB2', 'A: r', 6]);
    expect(b.reach).toBeCloseTo(0.42, 14);
    const leaf = nodeInfo(tree, 10);
    expect([leaf.kind, leaf.move, leaf.payoffs, leaf.childCount]).toEqual(['terminal', 'B: d', [1, 1], 0]);
    expect(nodeInfo(tree, 0)).toMatchObject({ kind: 'chance', move: '', prob: 1, reach: 1, step: 'nature' });
  });
});

describe('solved tree: information sets never reached', () => {
  // Nature never picks y, so B's behaviour at "never" is not defined by the leaf probabilities.
  const game = readEfg(`EFG 2 R "unreached" { "A" "B" }
""
c "" 1 "nature" { "x" 1 "y" 0 } 0
p "" 1 1 "a" { "l" "r" } 0
t "" 1 "" { 1, 0 }
t "" 2 "" { 0, 1 }
p "" 2 1 "never" { "u" "d" } 0
t "" 3 "" { 5, 5 }
t "" 4 "" { 6, 6 }
`);
  const tree = solveTree({
    game,
    leafNode: Int32Array.from([2, 3, 5, 6]),
    leafProb: Float64Array.from([0.2, 0.8, 0, 0]),
  });

  it('leaves their branch probabilities undefined (NaN) and keeps the chance ones', () => {
    expect(tree.branch[4]).toBe(0);
    expect(Number.isNaN(tree.branch[5]!)).toBe(true);
    expect(Number.isNaN(tree.branch[6]!)).toBe(true);
    expect(tree.branch[3]).toBeCloseTo(0.8, 14);
  });

  it('never takes an undefined branch for the most likely path', () => {
    expect(mostLikelyPathOf(tree)).toEqual([0, 1, 3]);
  });
});
