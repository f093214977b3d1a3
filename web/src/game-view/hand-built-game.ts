// The small game the game view's tests share, with behaviour chosen by hand so that every reach and
// branch probability can be checked on paper.
// Nature picks hi (0.3) or lo (0.7); A does not see it (one information set "h1" at nodes 1 and 6);
// after r, B moves knowing nature's pick (hB1 at node 3, hB2 at node 8). Preorder numbering:
// 0 root, 1 A, 2 leaf, 3 B, 4 leaf, 5 leaf, 6 A, 7 leaf, 8 B, 9 leaf, 10 leaf.
import { readEfg } from '../../../src/game/gambit-format.js';
import { solveTree } from './solved-tree.js';

export const GAME = readEfg(`EFG 2 R "hand-built" { "A" "B" }
""
c "" 1 "nature" { "hi" 3/10 "lo" 7/10 } 0
p "" 1 1 "h1" { "l" "r" } 0
t "" 1 "" { 1, 0 }
p "" 2 1 "hB1" { "u" "d" } 0
t "" 2 "" { 2, 1 }
t "" 3 "" { 0, 0 }
p "" 1 1 "h1" { "l" "r" } 0
t "" 4 "" { 3, -1 }
p "" 2 2 "hB2" { "u" "d" } 0
t "" 5 "" { -2, 4 }
t "" 6 "" { 1, 1 }
`);

// Behaviour: A plays l 0.4, r 0.6; B at hB1 u 0.9, d 0.1; at hB2 u 0.25, d 0.75.
// Leaf probabilities = products along the paths.
export const LEAF_NODE = Int32Array.from([2, 4, 5, 7, 9, 10]);
export const LEAF_PROB = Float64Array.from([
  0.3 * 0.4,
  0.3 * 0.6 * 0.9,
  0.3 * 0.6 * 0.1,
  0.7 * 0.4,
  0.7 * 0.6 * 0.25,
  0.7 * 0.6 * 0.75,
]);

export const TREE = solveTree({ game: GAME, leafNode: LEAF_NODE, leafProb: LEAF_PROB });
