import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeOracle, listOracleGames, readGameText } from '../../test/support/oracle.js';
import { backwardInductionExact } from './backward-induction.js';
import { centroidBehavior, maxAgentRegret, maxNashRegret, pureBehavior } from './behavior.js';
import { enumMixedExtensive } from './enum-mixed.js';
import { readEfg } from './gambit-format.js';
import { randomExtensiveGame, randomPerfectInfoGame } from './generate.js';
import { lemkeSequenceForm } from './lemke-sequence-form.js';
import { numFromFloat } from './num.js';
import { hasPerfectRecall } from './perfect-recall.js';
import { mixedToBehavior } from './reduced-normal-form.js';
import { type SubgameSolver, subgamePerfect, subgamePerfectAsync } from './subgame-perfect.js';
import { extractSubgame, subgameRoots } from './subgames.js';
import { TreeBuilder } from './tree.js';
import { type BehaviorProfile, type ExtensiveGame, PERSONAL, TERMINAL } from './types.js';

// Entry, then a simultaneous-move subgame; the entrant pays a fee of 1 on entering (an outcome on
// the subgame's root). Subgame equilibria, fee included: (F, f) → (−3, −1); (A, a) → (3, 1);
// mixed (F 2/3, f 3/4) → (−9/4, −1).
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

const HORSE = `EFG 2 R "Selten's horse" { "1" "2" "3" }
""
p "" 1 1 "" { "C" "D" } 0
p "" 2 1 "" { "c" "d" } 0
t "" 1 "" { 1, 1, 1 }
p "" 3 1 "" { "L" "R" } 0
t "" 2 "" { 0, 0, 1 }
t "" 3 "" { 4, 4, 0 }
p "" 3 1 "" { "L" "R" } 0
t "" 4 "" { 3, 2, 2 }
t "" 5 "" { 0, 0, 0 }
`;

/** Test solver: the first pure profile (player 1's first set varying fastest) with zero regret. */
const firstPureEquilibrium: SubgameSolver = (piece) => {
  const sets = piece.infosets.flatMap((h, i) => (h.player >= 0 ? [i] : []));
  const total = sets.reduce((s, i) => s * piece.infosets[i]!.actions.length, 1);
  for (let code = 0; code < total; code++) {
    const choice = piece.infosets.map(() => 0);
    let rest = code;
    for (const i of sets) {
      choice[i] = rest % piece.infosets[i]!.actions.length;
      rest = Math.floor(rest / piece.infosets[i]!.actions.length);
    }
    const b = pureBehavior(piece, choice);
    if (maxNashRegret(piece, b) <= 1e-12) return b;
  }
  throw new Error('no pure equilibrium');
};

/** Test solver for games without perfect recall: the first pure profile no single information set wants to leave. */
const firstPureAgentEquilibrium: SubgameSolver = (piece) => {
  const sets = piece.infosets.flatMap((h, i) => (h.player >= 0 ? [i] : []));
  const total = sets.reduce((s, i) => s * piece.infosets[i]!.actions.length, 1);
  for (let code = 0; code < total; code++) {
    const choice = piece.infosets.map(() => 0);
    let rest = code;
    for (const i of sets) {
      choice[i] = rest % piece.infosets[i]!.actions.length;
      rest = Math.floor(rest / piece.infosets[i]!.actions.length);
    }
    const b = pureBehavior(piece, choice);
    if (maxAgentRegret(piece, b) === 0) return b;
  }
  throw new Error('no pure agent-form equilibrium');
};

/** Test solver for two players: the first extreme equilibrium of Gambit-style enummixed on the reduced strategic form. */
const enumMixedSolver: SubgameSolver = (piece) => {
  const { rnf, equilibria } = enumMixedExtensive(piece, { maxProfiles: 400 });
  return mixedToBehavior(piece, rnf, equilibria[0]!);
};

/** Sequence-form Lemke (gambit-lcp's method) as the piece solver. */
const lcpSolver: SubgameSolver = (piece) => lemkeSequenceForm(piece);

/** Nash regret of the profile restricted to the subgame at `root`: zero in every subgame iff subgame perfect. */
function subgameRegret(g: ExtensiveGame, b: BehaviorProfile, root: number): number {
  const { game, infosetMap } = extractSubgame(g, root);
  return maxNashRegret(game, { probs: Array.from(infosetMap, (h) => b.probs[h]!) });
}

function worstSubgameRegret(g: ExtensiveGame, b: BehaviorProfile): number {
  return Math.max(...Array.from(subgameRoots(g), (r) => subgameRegret(g, b, r)));
}

describe('subgame perfection by pieces (hand-derived)', () => {
  const g = readEfg(ENTRY_SIM);
  it('solves the simultaneous-move subgame first, then the entry decision', () => {
    const r = subgamePerfect(g, firstPureEquilibrium);
    expect(r.subgames.map((s) => s.root)).toEqual([2, 0]);
    // (F, f) is the first pure equilibrium of the subgame; worth −3 to the entrant, so Out.
    expect(r.subgames[0]!.value.map((v) => v.exact!.toFraction())).toEqual(['-3', '-1']);
    expect(r.subgames[1]!.value.map((v) => v.exact!.toFraction())).toEqual(['0', '2']);
    expect(r.profile.probs).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
    expect(r.subgames.map((s) => s.infosets)).toEqual([[1, 2], [0]]);
    expect(worstSubgameRegret(g, r.profile)).toBe(0);
  });
  it('propagates the subgame equilibrium the solver picks', () => {
    const pick: SubgameSolver = (piece, { root }) =>
      root === 2 ? pureBehavior(piece, [1, 1]) : firstPureEquilibrium(piece, { root });
    const r = subgamePerfect(g, pick);
    expect(r.subgames[0]!.value.map((v) => v.value)).toEqual([3, 1]);
    expect(r.profile.probs).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
    expect(worstSubgameRegret(g, r.profile)).toBe(0);
  });
  it('with a mixed subgame equilibrium (enummixed), exactly', () => {
    const r = subgamePerfect(g, enumMixedSolver);
    expect(worstSubgameRegret(g, r.profile)).toBeLessThanOrEqual(1e-12);
    expect(r.profile.exact).toBeDefined();
    const v = r.subgames[0]!.value.map((x) => x.exact!.toFraction());
    expect([
      ['-3', '-1'],
      ['3', '1'],
      ['-9/4', '-1'],
    ]).toContainEqual(v);
  });
  it('the async form gives the same result', async () => {
    const sync = subgamePerfect(g, firstPureEquilibrium);
    const async = await subgamePerfectAsync(g, async (piece, ctx) => firstPureEquilibrium(piece, ctx));
    expect(async.profile).toEqual(sync.profile);
  });
  it("Selten's horse: one piece, the whole game, passed to the solver", () => {
    const horse = readEfg(HORSE);
    const seen: number[] = [];
    const r = subgamePerfect(horse, (piece) => {
      seen.push(piece.nodes.count);
      return centroidBehavior(piece);
    });
    expect(seen).toEqual([horse.nodes.count]);
    expect(r.profile.probs).toEqual(centroidBehavior(horse).probs);
  });
  it('does not call the solver on pieces without decisions; a terminal root is its own piece', () => {
    const chanceOnly = readEfg(
      `EFG 2 R "c" { "A" }\n""\nc "" 1 "" { "x" 1/4 "y" 3/4 } 0\nt "" 1 "" { 4 }\nt "" 2 "" { 8 }\n`,
    );
    const r = subgamePerfect(chanceOnly, () => {
      throw new Error('should not be called');
    });
    expect(r.subgames).toHaveLength(1);
    expect(r.subgames[0]!.solved).toBe(false);
    expect(r.subgames[0]!.value[0]!.exact!.toFraction()).toBe('7');
    const terminal = readEfg(`EFG 2 R "t" { "A" }\n""\nt "" 1 "o" { 3 }\n`);
    expect(subgamePerfect(terminal, firstPureEquilibrium).subgames[0]!.value[0]!.value).toBe(3);
  });
  it('one-player games, and information sets without nodes (uniform)', () => {
    const t = new TreeBuilder({ players: ['A'] });
    const root = t.addInfoset({ player: 0, label: '', actions: ['x', 'y'] });
    t.addInfoset({ player: 0, label: 'empty', actions: ['p', 'q', 'r'] });
    const o1 = t.addOutcome({ label: '', payoffs: [numFromFloat(1)] });
    const o2 = t.addOutcome({ label: '', payoffs: [numFromFloat(2)] });
    t.addNode(PERSONAL, root);
    t.addNode(TERMINAL, -1, o1);
    t.addNode(TERMINAL, -1, o2);
    const r = subgamePerfect(t.finish(), firstPureEquilibrium);
    expect(r.profile.probs).toEqual([
      [0, 1],
      [1 / 3, 1 / 3, 1 / 3],
    ]);
    expect(r.profile.exact![1]!.map((x) => x.toFraction())).toEqual(['1/3', '1/3', '1/3']);
    expect(r.subgames[0]!.value[0]!.value).toBe(2);
  });
  it('fills rows a solver leaves at zero (sets its player excludes) with the uniform distribution', () => {
    const solo = readEfg(`EFG 2 R "own exclusion" { "A" "B" }
""
p "" 1 1 "" { "stop" "go" } 0
p "" 2 1 "" { "l" "r" } 0
t "" 1 "" { 5, 0 }
t "" 2 "" { 5, 1 }
p "" 1 2 "" { "u" "d" } 0
p "" 2 1 "" { "l" "r" } 0
t "" 3 "" { 0, 1 }
t "" 4 "" { 1, 1 }
t "" 5 "" { 1, 0 }
`);
    expect(Array.from(subgameRoots(solo))).toEqual([0]);
    // Player 1's second set is never reached once player 1 stops; a solver may print it as zeros.
    const r = subgamePerfect(solo, (piece) => {
      const b = pureBehavior(piece, [0, 0, 0]);
      return { probs: b.probs.map((row, i) => (i === 1 ? row.map(() => 0) : row)) };
    });
    expect(r.profile.probs[1]).toEqual([0.5, 0.5]);
  });
});

describe('subgame perfection by pieces (fast-check)', () => {
  it('on perfect-information games, with exact backward induction on each piece, equals backward induction', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 40 }), (seed, nodes) => {
        const g = randomPerfectInfoGame({ seed, nodes, min: -2, max: 2, innerOutcomes: 0.2 });
        const r = subgamePerfect(g, (piece) => backwardInductionExact(piece).profile);
        const direct = backwardInductionExact(g);
        expect(r.profile.probs).toEqual(direct.profile.probs);
        const inner = Array.from(g.nodes.kind).filter((k) => k !== TERMINAL).length;
        expect(r.subgames).toHaveLength(Math.max(1, inner));
        expect(r.subgames.at(-1)!.value.map((v) => v.exact!.toFraction())).toEqual(
          direct.values.slice(0, g.players.length).map((v) => v.toFraction()),
        );
      }),
      { numRuns: 200 },
    );
  });
  it('on random two-player games with imperfect information: Nash in every proper subgame', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 60 }), (seed, nodes) => {
        const g = randomExtensiveGame({ seed, nodes, merge: 0.4 });
        const r = subgamePerfect(g, nodes < 15 ? enumMixedSolver : lcpSolver);
        expect(worstSubgameRegret(g, r.profile)).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 60 },
    );
  });
});

describeOracle('subgame perfection against the oracle games', () => {
  it('two-player games with perfect recall, pieces solved by sequence-form Lemke: the pieces are the proper subgames, and Nash in every one', () => {
    let solved = 0;
    let perfect = 0;
    let pieces = 0;
    for (const o of listOracleGames()) {
      if (o.kind !== 'efg') continue;
      let g: ExtensiveGame;
      try {
        g = readEfg(readGameText(o), o.name);
      } catch {
        continue;
      }
      if (g.players.length !== 2 || !hasPerfectRecall(g) || g.nodes.count > 5000) continue;
      const roots = subgameRoots(g);
      const r = subgamePerfect(g, lcpSolver);
      solved++;
      pieces += r.subgames.length;
      expect(r.subgames.map((s) => s.root).sort((a, b) => a - b)).toEqual(Array.from(roots));
      const worst = worstSubgameRegret(g, r.profile);
      if (worst <= 1e-9) perfect++;
      else console.log(`subgame perfect: ${o.name}: regret ${worst} in some subgame`);
    }
    console.log(
      `subgame perfect: ${perfect}/${solved} two-player oracle games solved piecewise (${pieces} pieces) with Nash regret ≤ 1e-9 in every proper subgame`,
    );
    expect(solved).toBeGreaterThan(30);
    expect(perfect).toBe(solved);
  });
  it("Gambit's subgame test game (tests/test_games/subgames.efg, no perfect recall): 7 pieces, each an agent-form equilibrium", () => {
    const o = listOracleGames().find((x) => x.name === 'tests__test_games__subgames.efg')!;
    const g = readEfg(readGameText(o));
    expect(hasPerfectRecall(g)).toBe(false);
    const r = subgamePerfect(g, firstPureAgentEquilibrium);
    expect(r.subgames).toHaveLength(7);
    // Every personal information set is decided in exactly one piece.
    const decided = r.subgames.flatMap((s) => s.infosets).sort((a, b) => a - b);
    expect(decided).toEqual(g.infosets.flatMap((h, i) => (h.player >= 0 ? [i] : [])));
    for (const root of subgameRoots(g)) {
      const { game, infosetMap } = extractSubgame(g, root);
      expect(maxAgentRegret(game, { probs: Array.from(infosetMap, (h) => r.profile.probs[h]!) })).toBe(0);
    }
  });
});
