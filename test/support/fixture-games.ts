// Small hand-built games shared by several test files.
import { numFromFloat } from '../../src/game/num.js';
import { TreeBuilder } from '../../src/game/tree.js';
import { CHANCE, type ExtensiveGame, PERSONAL, TERMINAL } from '../../src/game/types.js';

const n = (v: number) => numFromFloat(v);

/**
 * Chance plays A with probability 1 and B with 0; after B, player 1 decides between 5 and 1 at a
 * singleton set, and player 2 has a two-node set both of whose nodes follow B (so unreachable).
 */
export function zeroProbabilityBranch(): ExtensiveGame {
  const b = new TreeBuilder({ players: ['1', '2'] });
  const c = b.addInfoset({ player: -1, label: '', actions: ['A', 'B'], probs: [n(1), n(0)] });
  const h1 = b.addInfoset({ player: 0, label: '', actions: ['L', 'R'] });
  const h2 = b.addInfoset({ player: 1, label: '', actions: ['x', 'y'] });
  const o = (x: number, y: number) => b.addOutcome({ label: '', payoffs: [n(x), n(y)] });
  b.addNode(CHANCE, c);
  b.addNode(TERMINAL, -1, o(0, 0));
  b.addNode(PERSONAL, h1);
  b.addNode(PERSONAL, h2);
  b.addNode(TERMINAL, -1, o(5, 4));
  b.addNode(TERMINAL, -1, o(5, 0));
  b.addNode(PERSONAL, h2);
  b.addNode(TERMINAL, -1, o(1, 0));
  b.addNode(TERMINAL, -1, o(1, 2));
  return b.finish();
}
