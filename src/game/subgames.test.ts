import { describe, expect, it } from 'vitest';
import { describeOracle, listOracleGames, readGameText } from '../../test/support/oracle.js';
import { expectedPayoffs, nodeValues, pureBehavior } from './behavior.js';
import { readEfg, writeEfg } from './gambit-format.js';
import { numFromFloat } from './num.js';
import {
  buildPartialGame,
  extractSubgame,
  subgameRoots,
  subgameTree,
  subtreeEnds,
  truncateGame,
} from './subgames.js';
import { TreeBuilder } from './tree.js';
import { CHANCE, type ExtensiveGame, PERSONAL, TERMINAL } from './types.js';

// Selten's horse: player 3 cannot tell D from (C, d), so the only proper subgame is the game.
const HORSE = `EFG 2 R "Selten's horse" { "1" "2" "3" }
""
p "" 1 1 "" { "C" "D" } 0
p "" 2 1 "" { "c" "d" } 0
t "" 1 "" { 1, 1, 1 }
p "" 3 1 "" { "L" "R" } 0
t "" 2 "" { 4, 4, 0 }
t "" 3 "" { 0, 0, 1 }
p "" 3 1 "" { "L" "R" } 0
t "" 4 "" { 0, 0, 0 }
t "" 5 "" { 3, 2, 2 }
`;

// A game with a proper subgame after In: simultaneous moves in a market (Fudenberg-Tirole style).
const ENTRY_SIM = `EFG 2 R "Entry, then a simultaneous-move subgame" { "E" "I" }
""
p "" 1 1 "" { "Out" "In" } 0
t "" 1 "" { 0, 2 }
p "" 1 2 "" { "F" "A" } 6 "entry fee" { -1, 0 }
p "" 2 1 "" { "f" "a" } 0
t "" 2 "" { -2, -1 }
t "" 3 "" { 1, -2 }
p "" 2 1 "" { "f" "a" } 0
t "" 4 "" { -3, -1 }
t "" 5 "" { 4, 1 }
`;

/** pygambit's path of a node: action labels from the node up to the root; repeated labels in one set become "1", "1_2", "1_3", ... */
function actionPath(g: ExtensiveGame, node: number): string[] {
  const path: string[] = [];
  for (let n = node; g.nodes.parent[n]! >= 0; n = g.nodes.parent[n]!) {
    const p = g.nodes.parent[n]!;
    const a = Array.from(
      g.nodes.childList.subarray(g.nodes.childStart[p]!, g.nodes.childStart[p + 1]!),
    ).indexOf(n);
    const actions = g.infosets[g.nodes.infoset[p]!]!.actions;
    const before = actions.slice(0, a).filter((x) => x === actions[a]).length;
    path.push(before === 0 ? actions[a]! : `${actions[a]}_${before + 1}`);
  }
  return path;
}

const key = (paths: string[][]) => paths.map((p) => JSON.stringify(p)).sort();

describe('proper subgame roots (hand-derived)', () => {
  it("Selten's horse has only the whole game", () => {
    expect(Array.from(subgameRoots(readEfg(HORSE)))).toEqual([0]);
  });
  it('an entry game has the simultaneous-move subgame after In', () => {
    const g = readEfg(ENTRY_SIM);
    expect(Array.from(subgameRoots(g))).toEqual([0, 2]);
    const tree = subgameTree(g);
    expect(tree).toEqual([
      { root: 2, end: 9, parent: 1, children: [] },
      { root: 0, end: 9, parent: -1, children: [0] },
    ]);
  });
  it('in a perfect-information game every decision and chance node is one', () => {
    const g = readEfg(`EFG 2 R "pi" { "1" "2" }
""
p "" 1 1 "" { "a" "b" } 0
c "" 1 "" { "x" 1/2 "y" 1/2 } 0
t "" 1 "" { 1, 0 }
p "" 2 1 "" { "c" "d" } 0
t "" 2 "" { 0, 1 }
t "" 3 "" { 2, 2 }
t "" 4 "" { 3, 3 }
`);
    expect(Array.from(subgameRoots(g))).toEqual([0, 1, 3]);
  });
  it('a terminal root is the one subgame', () => {
    const g = readEfg(`EFG 2 R "t" { "A" }\n""\nt "" 1 "o" { 3 }\n`);
    expect(Array.from(subgameRoots(g))).toEqual([0]);
    expect(subgameTree(g)).toEqual([{ root: 0, end: 1, parent: -1, children: [] }]);
  });
  it('subtree ends', () => {
    expect(Array.from(subtreeEnds(readEfg(ENTRY_SIM)))).toEqual([9, 2, 9, 6, 5, 6, 9, 8, 9]);
  });
});

describe('building games from parts', () => {
  const g = readEfg(ENTRY_SIM);
  it('extracts a subgame as a game of its own, renumbering its information sets', () => {
    const { game, nodeMap, infosetMap } = extractSubgame(g, 2);
    expect(game.nodes.count).toBe(7);
    expect(Array.from(nodeMap)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(game.infosets.map((h) => [h.player, h.number, h.actions.join('')])).toEqual([
      [0, 1, 'FA'],
      [1, 1, 'fa'],
    ]);
    expect(Array.from(infosetMap)).toEqual([1, 2]);
    // Only the outcomes met: the fee and the four leaves.
    expect(game.outcomes.map((o) => o.number)).toEqual([6, 2, 3, 4, 5]); // in the order the file met them
    expect(Array.from(game.nodes.parent)).toEqual([-1, 0, 1, 1, 0, 4, 4]);
    // It round-trips through the .efg writer, and keeps the fee on its root.
    const again = readEfg(writeEfg(game));
    expect(again.nodes.count).toBe(7);
    const b = pureBehavior(game, [1, 1]);
    expect(expectedPayoffs(game, b)).toEqual([3, 1]);
    expect(expectedPayoffs(again, pureBehavior(again, [1, 1]))).toEqual([3, 1]);
  });
  it('truncates at a subgame, paying its value', () => {
    const { game, nodeMap } = truncateGame(g, [{ node: 2, payoffs: [numFromFloat(3), numFromFloat(1)] }]);
    expect(game.nodes.count).toBe(3);
    expect(Array.from(nodeMap)).toEqual([0, 1, 2]);
    expect(game.nodes.kind[2]).toBe(TERMINAL);
    expect(game.infosets).toHaveLength(1);
    expect(game.outcomes.map((o) => o.label)).toEqual(['', 'value of subgame at node 2: (3, 1)']);
    expect(expectedPayoffs(game, pureBehavior(game, [1]))).toEqual([3, 1]);
    expect(expectedPayoffs(game, pureBehavior(game, [0]))).toEqual([0, 2]);
  });
  it('refuses cuts outside the subtree or nested', () => {
    expect(() => buildPartialGame(g, 2, [{ node: 1, payoffs: [numFromFloat(0), numFromFloat(0)] }])).toThrow(
      /not strictly inside/,
    );
    const z = [numFromFloat(0), numFromFloat(0)];
    expect(() =>
      truncateGame(g, [
        { node: 2, payoffs: z },
        { node: 3, payoffs: z },
      ]),
    ).toThrow(/inside the cut/);
  });
  it('keeps chance information sets and node values', () => {
    const t = new TreeBuilder({ players: ['A'] });
    const c = t.addInfoset({
      player: -1,
      label: 'coin',
      actions: ['h', 't'],
      probs: [numFromFloat(0.25), numFromFloat(0.75)],
    });
    const d = t.addInfoset({ player: 0, label: '', actions: ['x'] });
    const o = t.addOutcome({ label: '', payoffs: [numFromFloat(4)] });
    t.addNode(PERSONAL, d);
    t.addNode(CHANCE, c);
    t.addNode(TERMINAL, -1, o);
    t.addNode(TERMINAL, -1);
    const whole = t.finish();
    const sub = extractSubgame(whole, 1).game;
    expect(sub.infosets.map((h) => h.label)).toEqual(['coin']);
    expect(nodeValues(sub, { probs: [[0.25, 0.75]] })[0]).toBe(1);
  });
});

// Expected roots from Gambit's own test suite (tests/test_node.py, SUBGAME_ROOTS_CASES): the
// action-label path of each root, from the root node upwards.
const GAMBIT_ROOTS: Record<string, string[][]> = {
  'tests__test_games__binary_3_levels_generic_payoffs.efg': [[]],
  'tests__test_games__subgame_roots_finder_small_subgames_and_overplapping_infosets.efg': [
    [],
    ['1'],
    ['2'],
    ['1', '2', '2'],
    ['2', '1', '2'],
    ['1', '1', '1', '2', '2'],
    ['2', '2', '2'],
  ],
  'tests__test_games__subgame_roots_finder_overplapping_infosets_with_Nature.efg': [
    [],
    ['1_2'],
    ['1_2', '1_3', '1_2'],
    ['1_3', '1_2'],
  ],
  'tests__test_games__AM-subgames.efg': [[], ['2'], ['1', '1'], ['2', '1']],
  'tests__test_games__noPR-action-AM-two-hops.efg': [[], ['2', '1', '1']],
  'tests__test_games__AM-unary-hops.efg': [[], ['1', '1'], ['T', '1', '1', '1', '1', '1']],
  'tests__test_games__AM-unary-branches.efg': [[], ['1', '1', '1', 'T']],
};

// tests/test_node.py, SUBGAME_STRUCTURE_CASES "eight_subgames": postorder and parents.
const EIGHT_POSTORDER = [
  ['L', 'L', 'L', 'L', 'L'],
  ['R', 'L', 'L', 'L', 'L'],
  ['L', 'L', 'L', 'L'],
  ['L', 'L'],
  ['R', 'L'],
  ['L'],
  ['R'],
  [],
];

describeOracle("subgame roots against Gambit's test suite", () => {
  const byName = new Map(listOracleGames().map((o) => [o.name, o]));
  it('finds the same roots as pygambit on its subgame test games', () => {
    let agree = 0;
    for (const [name, expected] of Object.entries(GAMBIT_ROOTS)) {
      const o = byName.get(name);
      expect(o, name).toBeDefined();
      const g = readEfg(readGameText(o!), name);
      const ours = Array.from(subgameRoots(g), (n) => actionPath(g, n));
      expect(key(ours), name).toEqual(key(expected));
      agree++;
    }
    console.log(`subgames: ${agree}/${Object.keys(GAMBIT_ROOTS).length} games with pygambit's subgame roots`);
  });
  it('subgame-8-roots: postorder and parents as in pygambit', () => {
    const g = readEfg(readGameText(byName.get('tests__test_games__subgame-8-roots.efg')!));
    const tree = subgameTree(g);
    expect(tree.map((s) => actionPath(g, s.root))).toEqual(EIGHT_POSTORDER);
    const parentPath = tree.map((s) => (s.parent < 0 ? null : actionPath(g, tree[s.parent]!.root).join('')));
    expect(parentPath).toEqual(['LLLL', 'LLLL', 'LL', 'L', 'L', '', '', null]);
    expect(tree[7]!.children).toEqual([5, 6]);
  });
  it('counts the proper subgames of every oracle .efg game', () => {
    const counts: string[] = [];
    for (const o of listOracleGames()) {
      if (o.kind !== 'efg') continue;
      let g: ExtensiveGame;
      try {
        g = readEfg(readGameText(o), o.name);
      } catch {
        continue;
      }
      const roots = subgameRoots(g);
      expect(roots[0]).toBe(0);
      // Cross-check against the definition, node by node.
      expect(Array.from(roots)).toEqual(naiveRoots(g));
      if (roots.length > 1) counts.push(`${o.name.replace(/^.*__/, '')}:${roots.length}`);
    }
    console.log(`subgames: games with proper subgames below the root: ${counts.join(' ')}`);
  });
});

/** The definition, quadratically: every personal set met below n lies wholly below n. */
function naiveRoots(g: ExtensiveGame): number[] {
  const end = subtreeEnds(g);
  const out: number[] = [];
  for (let n = 0; n < g.nodes.count; n++) {
    if (n > 0 && g.nodes.kind[n] === TERMINAL) continue;
    const met = new Set<number>();
    for (let m = n; m < end[n]!; m++) if (g.nodes.kind[m] === PERSONAL) met.add(g.nodes.infoset[m]!);
    let ok = true;
    for (let m = 0; m < g.nodes.count && ok; m++) {
      if (g.nodes.kind[m] === PERSONAL && met.has(g.nodes.infoset[m]!) && (m < n || m >= end[n]!)) ok = false;
    }
    if (ok) out.push(n);
  }
  return out;
}
