import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type OracleGame, describeOracle, listOracleGames, readGameText } from '../../test/support/oracle.js';
import { expectedPayoffsExact as behaviorPayoffsExact } from './behavior.js';
import { readGame } from './gambit-format.js';
import { Fraction, type Num } from './num.js';
import { hasPerfectRecall } from './perfect-recall.js';
import {
  type ReducedNormalForm,
  flattenBehavior,
  mixedToBehavior,
  planActions,
  pureToBehavior,
  reducedNormalForm,
  reducedPlans,
} from './reduced-normal-form.js';
import { expectedPayoffsExact } from './strategic.js';
import { TreeBuilder } from './tree.js';
import { CHANCE, type ExtensiveGame, PERSONAL, TERMINAL } from './types.js';

const f = (n: number, d = 1) => new Fraction(n, d);
const num = (x: Fraction): Num => ({ value: x.valueOf(), exact: x });
const pays = (...xs: number[]) => xs.map((x) => num(f(x)));
const text = (xs: readonly Fraction[]) => xs.map((x) => x.toFraction()).join(',');

/**
 * Player 1 chooses L (ends, (1, 0)) or R; then player 2 chooses l or r, unseen by player 1, who
 * then chooses a or b. Payoffs after R: (l,a) (2,1), (l,b) (0,0), (r,a) (0,0), (r,b) (3,2).
 */
function twoStage(): ExtensiveGame {
  const b = new TreeBuilder({ players: ['1', '2'] });
  const h1 = b.addInfoset({ player: 0, label: '', actions: ['L', 'R'] });
  const h2 = b.addInfoset({ player: 1, label: '', actions: ['l', 'r'] });
  const h3 = b.addInfoset({ player: 0, label: '', actions: ['a', 'b'] });
  const out = (x: number, y: number) => b.addOutcome({ label: '', payoffs: pays(x, y) });
  b.addNode(PERSONAL, h1);
  b.addNode(TERMINAL, -1, out(1, 0));
  b.addNode(PERSONAL, h2);
  b.addNode(PERSONAL, h3);
  b.addNode(TERMINAL, -1, out(2, 1));
  b.addNode(TERMINAL, -1, out(0, 0));
  b.addNode(PERSONAL, h3);
  b.addNode(TERMINAL, -1, out(0, 0));
  b.addNode(TERMINAL, -1, out(3, 2));
  return b.finish();
}

/**
 * Chance (1/3 left, 2/3 right) with an outcome (1, 1) at the chance node itself; left: player 1
 * chooses U (4, 0) or D (0, 4); right: player 1 does not see chance... it is a separate
 * information set: X (6, 3) or Y (outcome (−3, 0) on the move, then a terminal with (3, 3)).
 */
function chanceGame(): ExtensiveGame {
  const b = new TreeBuilder({ players: ['1', '2'] });
  const c = b.addInfoset({
    player: -1,
    label: '',
    actions: ['left', 'right'],
    probs: [num(f(1, 3)), num(f(2, 3))],
  });
  const h1 = b.addInfoset({ player: 0, label: '', actions: ['U', 'D'] });
  const h2 = b.addInfoset({ player: 0, label: '', actions: ['X', 'Y'] });
  const h3 = b.addInfoset({ player: 1, label: '', actions: ['only'] });
  const out = (x: number, y: number) => b.addOutcome({ label: '', payoffs: pays(x, y) });
  b.addNode(CHANCE, c, out(1, 1));
  b.addNode(PERSONAL, h1);
  b.addNode(TERMINAL, -1, out(4, 0));
  b.addNode(TERMINAL, -1, out(0, 4));
  b.addNode(PERSONAL, h2);
  b.addNode(TERMINAL, -1, out(6, 3));
  b.addNode(PERSONAL, h3, out(-3, 0));
  b.addNode(TERMINAL, -1, out(3, 3));
  return b.finish();
}

describe('reduced strategies', () => {
  it('merges the strategies that differ only where the player itself cut the tree off, in Gambit order', () => {
    const g = twoStage();
    const rnf = reducedNormalForm(g);
    expect(rnf.game.strategies).toEqual([
      ['1*', '21', '22'],
      ['1', '2'],
    ]);
    // Profiles: player 1 fastest. (1*, l) (1,0); (21, l) (2,1); (22, l) (0,0); (1*, r) (1,0); (21, r) (0,0); (22, r) (3,2).
    expect(rnf.game.payoffs.map((p) => p.exact!.toFraction())).toEqual([
      '1',
      '0',
      '2',
      '1',
      '0',
      '0',
      '1',
      '0',
      '0',
      '0',
      '3',
      '2',
    ]);
    expect(planActions(rnf.plans[0]![0]!)).toEqual([{ infoset: 0, action: 0 }]);
    expect(planActions(rnf.plans[0]![2]!)).toEqual([
      { infoset: 0, action: 1 },
      { infoset: 1, action: 1 },
    ]);
  });

  it('takes expectations over chance and adds outcomes met along the path', () => {
    const g = chanceGame();
    const rnf = reducedNormalForm(g);
    expect(rnf.game.strategies).toEqual([['11', '12', '21', '22'], ['1']]);
    // (U, X): 1 + 1/3*4 + 2/3*6 = 19/3 for player 1; 1 + 0 + 2/3*3 = 3 for player 2.
    // (U, Y): 1 + 4/3 + 2/3*(-3 + 3) = 7/3; 1 + 2/3*3 = 3.   (D, X): 1 + 0 + 4 = 5; 1 + 4/3 + 2 = 13/3.
    // (D, Y): 1; 1 + 4/3 + 2 = 13/3.
    expect(rnf.game.payoffs.map((p) => p.exact!.toFraction())).toEqual([
      '19/3',
      '3',
      '7/3',
      '3',
      '5',
      '13/3',
      '1',
      '13/3',
    ]);
  });

  it('a player without information sets has the single strategy *', () => {
    const b = new TreeBuilder({ players: ['1', '2'] });
    const h = b.addInfoset({ player: 0, label: '', actions: ['a'] });
    b.addNode(PERSONAL, h);
    b.addNode(TERMINAL, -1);
    const g = b.finish();
    expect(reducedNormalForm(g).game.strategies).toEqual([['1'], ['*']]);
    expect(reducedPlans(g, 1)).toHaveLength(1);
  });

  it('refuses a form larger than the limit', () => {
    expect(() => reducedNormalForm(twoStage(), { maxProfiles: 5 })).toThrow(/6 profiles/);
  });
});

describe('mixed to behaviour', () => {
  it('conditions on reaching each information set; unreached sets get zeros', () => {
    const g = twoStage();
    const rnf = reducedNormalForm(g);
    const exact = [
      [f(1, 2), f(1, 8), f(3, 8)],
      [f(1, 3), f(2, 3)],
    ];
    const b = mixedToBehavior(g, rnf, { probs: exact.map((r) => r.map((x) => x.valueOf())), exact });
    // Infoset of player 1's second move: reached with weight 1/2, of which 1/8 plays a.
    expect(text(flattenBehavior(g, b.exact!))).toBe('1/2,1/2,1/4,3/4,1/3,2/3');
    expect(b.probs[1]).toEqual([0.25, 0.75]);
    // Pure L: player 1's second information set is never reached by its own play.
    expect(text(flattenBehavior(g, pureToBehavior(g, rnf, [0, 1]).exact!))).toBe('1,0,0,0,0,1');
  });

  it('keeps chance rows as the chance probabilities', () => {
    const g = chanceGame();
    const rnf = reducedNormalForm(g);
    const b = pureToBehavior(g, rnf, [2, 0]);
    const chanceRow = g.infosets.findIndex((h) => h.player < 0);
    expect(text(b.exact![chanceRow]!)).toBe('1/3,2/3');
    expect(text(flattenBehavior(g, b.exact!))).toBe('0,1,1,0,1');
  });
});

/** An oracle tree with perfect recall, exact payoffs and a small reduced form, with that form. */
function smallPerfectRecallTree(o: OracleGame): { g: ExtensiveGame; rnf: ReducedNormalForm } | undefined {
  try {
    const g = readGame(readGameText(o)).game as ExtensiveGame;
    if (!hasPerfectRecall(g)) return undefined;
    const rnf = reducedNormalForm(g, { maxProfiles: 1000 });
    return rnf.game.payoffs.every((p) => p.exact) ? { g, rnf } : undefined;
  } catch {
    return undefined;
  }
}

describeOracle('reduced strategic form against Gambit', () => {
  // contrib/games ships these .nfg files as Gambit's own reduced forms of the .efg files.
  const pairs = ['cent2', 'vd', 'coord2', 'coord3', 'coord4', 'e04', 'sh3'];
  it.each(pairs)('%s.efg reduces to %s.nfg: same strategy labels, order and payoffs', (name) => {
    const games = listOracleGames();
    const efg = games.find((o) => o.name === `contrib__games__${name}.efg`)!;
    const nfg = games.find((o) => o.name === `contrib__games__${name}.nfg`)!;
    const e = readGame(readGameText(efg));
    const n = readGame(readGameText(nfg));
    if (e.kind !== 'efg' || n.kind !== 'nfg') throw new Error('unexpected kinds');
    const rnf = reducedNormalForm(e.game);
    if (n.game.strategies.some((s) => s.some((label) => label !== ''))) {
      expect(rnf.game.strategies).toEqual(n.game.strategies);
    }
    expect(rnf.game.payoffs.map((p) => p.value)).toEqual(n.game.payoffs.map((p) => p.value));
  });

  it('Kuhn: behaviour from a random mixture pays what the mixture pays (every perfect-recall oracle tree)', () => {
    const trees = listOracleGames()
      .filter((o) => o.kind === 'efg')
      .map(smallPerfectRecallTree)
      .filter((x): x is { g: ExtensiveGame; rnf: ReducedNormalForm } => x !== undefined);
    expect(trees.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(fc.nat(trees.length - 1), fc.infiniteStream(fc.nat(3)), (which, stream) => {
        const { g, rnf } = trees[which]!;
        const it = stream[Symbol.iterator]();
        const exact = rnf.plans.map((list) => {
          const w = list.map(() => it.next().value as number);
          if (!w.some((x) => x > 0)) w[0] = 1;
          const total = w.reduce((a, b) => a + b, 0);
          return w.map((x) => f(x, total));
        });
        const mixed = expectedPayoffsExact(rnf.game, exact);
        const b = mixedToBehavior(g, rnf, { probs: exact.map((r) => r.map((x) => x.valueOf())), exact });
        const viaTree = behaviorPayoffsExact(g, b)!;
        expect(text(viaTree)).toBe(text(mixed));
      }),
      { numRuns: 200 },
    );
  });
});
