import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  describeOracle,
  hasReference,
  listOracleGames,
  parseNeLines,
  readGameText,
  readMeta,
  readOracleOutput,
} from '../../test/support/oracle.js';
import { expectedPayoffs, expectedPayoffsExact, maxNashRegret } from './behavior.js';
import { readGame } from './gambit-format.js';
import { randomExtensiveGame, randomZeroSumGame } from './generate.js';
import { LpMethodError, loadHighs, lpSolveExtensive, lpSolveStrategic } from './lp-zero-sum.js';
import { Fraction, numFromFloat } from './num.js';
import {
  bimatrixGame,
  maxRegretExact,
  expectedPayoffsExact as nfgPayoffsExact,
  strategyValuesExact,
} from './strategic.js';
import { TreeBuilder } from './tree.js';
import {
  type BehaviorProfile,
  CHANCE,
  type ExtensiveGame,
  PERSONAL,
  type StrategicGame,
  TERMINAL,
} from './types.js';

const F = (n: number, d = 1) => new Fraction(n, d);
const texts = (xs: readonly Fraction[] | undefined) => xs?.map((f) => f.toFraction());
const zeroSum = (a: number[][]) =>
  bimatrixGame(
    a,
    a.map((r) => r.map((v) => -v)),
  );

/** min over columns of x'A and max over rows of Ay, exactly (player 1's payoffs). */
function guarantees(g: StrategicGame, x: Fraction[], y: Fraction[]): { floor: Fraction; ceiling: Fraction } {
  const colValues = strategyValuesExact(g, [x, y], 1).map((v) => v.neg()); // player 2's payoff is -A in zero-sum tests
  const rowValues = strategyValuesExact(g, [x, y], 0);
  const min = colValues.reduce((a, b) => (b.lt(a) ? b : a));
  const max = rowValues.reduce((a, b) => (b.gt(a) ? b : a));
  return { floor: min, ceiling: max };
}

beforeAll(async () => {
  await loadHighs();
});

describe('lpSolveStrategic: hand-derived games', () => {
  it('matching pennies: value 0, both mix 1/2', async () => {
    const r = await lpSolveStrategic(
      zeroSum([
        [1, -1],
        [-1, 1],
      ]),
    );
    expect(r.valueExact?.toFraction()).toBe('0');
    expect(r.profile.exact?.map(texts)).toEqual([
      ['1/2', '1/2'],
      ['1/2', '1/2'],
    ]);
    expect(r.profile.probs).toEqual([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
  });

  it('rock-paper-scissors: value 0, uniform', async () => {
    const r = await lpSolveStrategic(
      zeroSum([
        [0, -1, 1],
        [1, 0, -1],
        [-1, 1, 0],
      ]),
    );
    expect(r.valueExact?.toFraction()).toBe('0');
    expect(r.profile.exact?.map(texts)).toEqual([
      ['1/3', '1/3', '1/3'],
      ['1/3', '1/3', '1/3'],
    ]);
  });

  it('a 2x3 game: value 8/5 with x = (4/5, 1/5), y = (3/5, 0, 2/5)', async () => {
    // Column 2 is dominated by column 1; min(2p, 4 - 3p) is maximised at p = 4/5;
    // the column player makes rows indifferent: 1 + q = 4 - 4q, q = 3/5.
    const r = await lpSolveStrategic(
      zeroSum([
        [2, 3, 1],
        [0, 1, 4],
      ]),
    );
    expect(r.valueExact?.toFraction()).toBe('8/5');
    expect(r.value).toBeCloseTo(1.6, 12);
    expect(r.profile.exact?.map(texts)).toEqual([
      ['4/5', '1/5'],
      ['3/5', '0', '2/5'],
    ]);
  });

  it('constant-sum games: player 1 value, and the constant', async () => {
    // The 2x3 game above with payoffs (a, 10 - a).
    const a = [
      [2, 3, 1],
      [0, 1, 4],
    ];
    const g = bimatrixGame(
      a,
      a.map((r) => r.map((v) => 10 - v)),
    );
    const r = await lpSolveStrategic(g);
    expect(r.valueExact?.toFraction()).toBe('8/5');
    expect(r.constant).toBe(10);
  });

  it('rational payoffs and a saddle point', async () => {
    const g = bimatrixGame(
      [
        [F(1, 2), F(3, 4)],
        [F(1, 3), F(1, 5)],
      ],
      [
        [F(-1, 2), F(-3, 4)],
        [F(-1, 3), F(-1, 5)],
      ],
    );
    const r = await lpSolveStrategic(g);
    expect(r.valueExact?.toFraction()).toBe('1/2');
    expect(r.profile.exact?.map(texts)).toEqual([
      ['1', '0'],
      ['1', '0'],
    ]);
  });

  it('float payoffs give a float answer and say why it is not exact', async () => {
    const g = bimatrixGame(
      [
        [0.5, -0.25],
        [-0.3, 0.1],
      ],
      [
        [-0.5, 0.25],
        [0.3, -0.1],
      ],
    );
    const r = await lpSolveStrategic(g);
    expect(r.profile.exact).toBeUndefined();
    expect(r.inexactReason).toMatch(/inexact/);
    // p*0.5 - 0.3(1-p) = -0.25p + 0.1(1-p) → 0.8p - 0.3 = -0.35p + 0.1 → p = 0.4/1.15
    expect(r.profile.probs[0]![0]).toBeCloseTo(0.4 / 1.15, 9);
    expect(r.value).toBeCloseTo(0.8 * (0.4 / 1.15) - 0.3, 9);
  });

  it("refuses games that are not constant-sum, or not two-player, with Gambit's message", async () => {
    const pd = bimatrixGame(
      [
        [3, 0],
        [5, 1],
      ],
      [
        [3, 5],
        [0, 1],
      ],
    );
    await expect(lpSolveStrategic(pd)).rejects.toThrow(
      new LpMethodError('Method only valid for constant-sum games.'),
    );
    const three: StrategicGame = {
      title: '',
      comment: '',
      players: ['1', '2', '3'],
      strategies: [['a'], ['b'], ['c']],
      payoffs: [0, 0, 0].map(numFromFloat),
    };
    await expect(lpSolveStrategic(three)).rejects.toThrow('Method only valid for two-player games.');
  });
});

describe('lpSolveStrategic: properties', () => {
  it('the value is the max-min of the returned strategies, and each guarantees it (exact)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 7 }),
        async (seed, rows, cols) => {
          const g = randomZeroSumGame({ seed, rows, cols, min: -5, max: 5 });
          const r = await lpSolveStrategic(g);
          const [x, y] = r.profile.exact!;
          const { floor, ceiling } = guarantees(g, x!, y!);
          expect(floor.equals(r.valueExact!)).toBe(true);
          expect(ceiling.equals(r.valueExact!)).toBe(true);
          expect(maxRegretExact(g, [x!, y!]).equals(0)).toBe(true);
          expect(x!.reduce((a, b) => a.add(b), F(0)).equals(1)).toBe(true);
          expect(y!.every((v) => v.gte(0))).toBe(true);
        },
      ),
      { seed: 1234, numRuns: 60 },
    );
  });

  it('float games: the float strategies guarantee the value within 1e-9', async () => {
    for (let seed = 0; seed < 10; seed++) {
      const g = randomZeroSumGame({ seed, rows: 6, cols: 5, float: true });
      const r = await lpSolveStrategic(g);
      const [x, y] = r.profile.probs;
      let floor = Number.POSITIVE_INFINITY;
      for (let j = 0; j < 5; j++) {
        let v = 0;
        for (let i = 0; i < 6; i++) v += x![i]! * g.payoffs[2 * (j * 6 + i)]!.value;
        floor = Math.min(floor, v);
      }
      let ceiling = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < 6; i++) {
        let v = 0;
        for (let j = 0; j < 5; j++) v += y![j]! * g.payoffs[2 * (j * 6 + i)]!.value;
        ceiling = Math.max(ceiling, v);
      }
      expect(floor).toBeGreaterThan(r.value - 1e-9);
      expect(ceiling).toBeLessThan(r.value + 1e-9);
    }
  });
});

/** Matching pennies as an extensive game: player 2 does not see player 1's move. */
function extensivePennies(): ExtensiveGame {
  const b = new TreeBuilder({ players: ['1', '2'] });
  const h1 = b.addInfoset({ player: 0, label: '', actions: ['H', 'T'] });
  const h2 = b.addInfoset({ player: 1, label: '', actions: ['H', 'T'] });
  const win = b.addOutcome({ label: '', payoffs: [numFromFloat(1), numFromFloat(-1)] });
  const lose = b.addOutcome({ label: '', payoffs: [numFromFloat(-1), numFromFloat(1)] });
  b.addNode(PERSONAL, h1);
  b.addNode(PERSONAL, h2);
  b.addNode(TERMINAL, -1, win);
  b.addNode(TERMINAL, -1, lose);
  b.addNode(PERSONAL, h2);
  b.addNode(TERMINAL, -1, lose);
  b.addNode(TERMINAL, -1, win);
  return b.finish();
}

/**
 * Stripped-down poker (Myerson 1991; Gambit's tutorial): King or Queen with probability 1/2, Alice
 * bets or folds (−1), Bob calls or folds (Alice +1); a call pays ±2. Hand derivation: Bob is
 * indifferent when 1 − p = (1 + p)/2, p = 1/3 (Alice's bluff with the Queen); Alice with the Queen
 * is indifferent when 1 − 3q = −1, q = 2/3 (Bob calls); Alice's value is q/2 = 1/3.
 */
function strippedDownPoker(): ExtensiveGame {
  const b = new TreeBuilder({ players: ['Alice', 'Bob'] });
  const deal = b.addInfoset({
    player: -1,
    label: '',
    actions: ['King', 'Queen'],
    probs: [F(1, 2), F(1, 2)].map((f) => ({ value: 0.5, exact: f })),
  });
  const aliceK = b.addInfoset({ player: 0, label: 'K', actions: ['Bet', 'Fold'] });
  const aliceQ = b.addInfoset({ player: 0, label: 'Q', actions: ['Bet', 'Fold'] });
  const bob = b.addInfoset({ player: 1, label: '', actions: ['Call', 'Fold'] });
  const out = (v: number) => b.addOutcome({ label: '', payoffs: [numFromFloat(v), numFromFloat(-v)] });
  const [w2, l2, w1, l1] = [out(2), out(-2), out(1), out(-1)];
  b.addNode(CHANCE, deal);
  b.addNode(PERSONAL, aliceK);
  b.addNode(PERSONAL, bob);
  b.addNode(TERMINAL, -1, w2);
  b.addNode(TERMINAL, -1, w1);
  b.addNode(TERMINAL, -1, l1);
  b.addNode(PERSONAL, aliceQ);
  b.addNode(PERSONAL, bob);
  b.addNode(TERMINAL, -1, l2);
  b.addNode(TERMINAL, -1, w1);
  b.addNode(TERMINAL, -1, l1);
  return b.finish();
}

describe('lpSolveExtensive: hand-derived games', () => {
  it('extensive matching pennies: value 0, 1/2 everywhere', async () => {
    const r = await lpSolveExtensive(extensivePennies());
    expect(r.valueExact?.toFraction()).toBe('0');
    expect(r.profile.exact?.map(texts)).toEqual([
      ['1/2', '1/2'],
      ['1/2', '1/2'],
    ]);
  });

  it('stripped-down poker: value 1/3, Alice bluffs 1/3, Bob calls 2/3', async () => {
    const g = strippedDownPoker();
    const r = await lpSolveExtensive(g);
    expect(r.valueExact?.toFraction()).toBe('1/3');
    const personal = r.profile.exact!.filter((_, i) => g.infosets[i]!.player >= 0).map(texts);
    expect(personal).toEqual([
      ['1', '0'],
      ['1/3', '2/3'],
      ['2/3', '1/3'],
    ]);
    expect(r.plans.exact?.x.map((f) => f.toFraction())).toHaveLength(5);
  });

  it('perfect information with chance: the backward-induction value, unreached sets uniform', async () => {
    // Chance: 1/3 to player 1 choosing 3 or 0; 2/3 to player 2 choosing -1 or 2 (player 1's payoffs).
    // Value 1/3 * 3 + 2/3 * (-1) = 1/3.
    const b = new TreeBuilder({ players: ['1', '2'] });
    const c = b.addInfoset({
      player: -1,
      label: '',
      actions: ['l', 'r'],
      probs: [
        { value: 1 / 3, exact: F(1, 3) },
        { value: 2 / 3, exact: F(2, 3) },
      ],
    });
    const h1 = b.addInfoset({ player: 0, label: '', actions: ['a', 'b'] });
    const h2 = b.addInfoset({ player: 1, label: '', actions: ['a', 'b'] });
    const o = (v: number) => b.addOutcome({ label: '', payoffs: [numFromFloat(v), numFromFloat(-v)] });
    b.addNode(CHANCE, c);
    b.addNode(PERSONAL, h1);
    b.addNode(TERMINAL, -1, o(3));
    b.addNode(TERMINAL, -1, o(0));
    b.addNode(PERSONAL, h2);
    b.addNode(TERMINAL, -1, o(-1));
    b.addNode(TERMINAL, -1, o(2));
    const r = await lpSolveExtensive(b.finish());
    expect(r.valueExact?.toFraction()).toBe('1/3');
    expect(r.profile.exact?.slice(0, 2).map(texts)).toEqual([
      ['1', '0'],
      ['1', '0'],
    ]);
  });

  it('refuses non-constant-sum and imperfect-recall games', async () => {
    const b = new TreeBuilder({ players: ['1', '2'] });
    const h = b.addInfoset({ player: 0, label: '', actions: ['a', 'b'] });
    b.addNode(PERSONAL, h);
    b.addNode(TERMINAL, -1, b.addOutcome({ label: '', payoffs: [numFromFloat(1), numFromFloat(1)] }));
    b.addNode(TERMINAL, -1, b.addOutcome({ label: '', payoffs: [numFromFloat(0), numFromFloat(0)] }));
    await expect(lpSolveExtensive(b.finish())).rejects.toThrow('Method only valid for constant-sum games.');

    const ir = new TreeBuilder({ players: ['1', '2'] });
    const first = ir.addInfoset({ player: 0, label: '', actions: ['L', 'R'] });
    const second = ir.addInfoset({ player: 0, label: '', actions: ['l', 'r'] });
    const zero = ir.addOutcome({ label: '', payoffs: [numFromFloat(0), numFromFloat(0)] });
    ir.addNode(PERSONAL, first);
    for (let i = 0; i < 2; i++) {
      ir.addNode(PERSONAL, second);
      ir.addNode(TERMINAL, -1, zero);
      ir.addNode(TERMINAL, -1, zero);
    }
    await expect(lpSolveExtensive(ir.finish())).rejects.toThrow(
      'Computing equilibria of games with imperfect recall is not supported.',
    );
  });
});

describe('lpSolveExtensive: properties on random zero-sum games with chance and imperfect information', () => {
  it('the exact value is the expected payoff of the returned profile, which is an equilibrium', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 3, max: 120 }),
        async (seed, nodes) => {
          const g = randomExtensiveGame({ seed, nodes, zeroSum: true, innerOutcomes: 0.1, min: -4, max: 4 });
          const r = await lpSolveExtensive(g);
          expect(r.profile.exact).toBeDefined();
          const pay = expectedPayoffsExact(g, r.profile)!;
          expect(pay[0]!.equals(r.valueExact!)).toBe(true);
          expect(maxNashRegret(g, r.profile)).toBeLessThan(1e-9);
        },
      ),
      { seed: 99, numRuns: 60 },
    );
  });

  it('float mode on a 3000-node game: value matches the profile and regret is tiny', async () => {
    const g = randomExtensiveGame({ seed: 5, nodes: 3000, zeroSum: true });
    const r = await lpSolveExtensive(g, { exact: false });
    expect(r.profile.exact).toBeUndefined();
    expect(expectedPayoffs(g, r.profile)[0]).toBeCloseTo(r.value, 7);
    expect(maxNashRegret(g, r.profile)).toBeLessThan(1e-7);
  });
});

/** The personal information sets' probabilities flattened as Gambit prints them. */
function flatten(g: ExtensiveGame, probs: readonly (readonly Fraction[])[]): Fraction[] {
  return g.infosets.flatMap((h, i) => (h.player >= 0 ? probs[i]! : []));
}

/** An exact behaviour profile from Gambit's flattened line. */
function behaviorFromLine(g: ExtensiveGame, line: Fraction[]): BehaviorProfile {
  let k = 0;
  const exact = g.infosets.map((h) =>
    h.player >= 0 ? h.actions.map(() => line[k++]!) : h.probs!.map((p) => p.exact!),
  );
  expect(k).toBe(line.length);
  return { probs: exact.map((r) => r.map((f) => f.valueOf())), exact };
}

describeOracle('lp against Gambit (gambit-lp)', () => {
  const games = listOracleGames().filter((g) => hasReference(g, 'lp'));
  /** Games Gambit refused for a reason of method (not of file syntax), with its message. */
  const refused = listOracleGames()
    .filter((g) => readMeta(g).lp?.rc === 1)
    .map((g) => ({ g, message: /^Error: (.*)$/m.exec(readOracleOutput(g, 'lp.err') ?? '')?.[1] ?? '' }))
    .filter(({ message }) => /Method only valid|imperfect recall/.test(message));

  it('has the reference games', () => {
    expect(games.length).toBeGreaterThanOrEqual(30);
  });

  it('gives the same exact value as Gambit on every game, an equilibrium, and reports profile agreement', async () => {
    let sameProfile = 0;
    const valueOnly: string[] = [];
    for (const og of games) {
      const lines = parseNeLines(readOracleOutput(og, 'lp.out'));
      expect(lines.length, og.name).toBe(1);
      const ref = lines[0]!;
      const parsed = readGame(readGameText(og), og.gamePath);
      let ours: Fraction[];
      if (parsed.kind === 'nfg') {
        const g = parsed.game;
        const r = await lpSolveStrategic(g);
        const m = g.strategies[0]!.length;
        const refValue = nfgPayoffsExact(g, [ref.slice(0, m), ref.slice(m)])[0]!;
        expect(r.valueExact?.toFraction(), og.name).toBe(refValue.toFraction());
        expect(maxRegretExact(g, r.profile.exact!).equals(0), og.name).toBe(true);
        ours = r.profile.exact!.flat();
      } else {
        const g = parsed.game;
        const r = await lpSolveExtensive(g);
        const refValue = expectedPayoffsExact(g, behaviorFromLine(g, ref))![0]!;
        expect(r.valueExact?.toFraction(), og.name).toBe(refValue.toFraction());
        expect(expectedPayoffsExact(g, r.profile)![0]!.equals(r.valueExact!), og.name).toBe(true);
        expect(maxNashRegret(g, r.profile), og.name).toBeLessThan(1e-9);
        ours = flatten(g, r.profile.exact!);
      }
      expect(ours.length, og.name).toBe(ref.length);
      if (ours.every((v, i) => v.equals(ref[i]!))) sameProfile++;
      else valueOnly.push(og.name);
    }
    console.info(
      `[lp] ${games.length} games: ${sameProfile} same profile as Gambit, ${valueOnly.length} same value only (${valueOnly.join(', ')})`,
    );
    expect(sameProfile + valueOnly.length).toBe(games.length);
    expect(sameProfile).toBeGreaterThanOrEqual(SAME_PROFILE_AT_LEAST);
  });

  it('refuses the games Gambit refuses (not constant-sum, not two-player, imperfect recall) with its message', async () => {
    expect(refused.filter((r) => /constant-sum/.test(r.message)).length).toBeGreaterThan(50);
    expect(refused.filter((r) => /imperfect recall/.test(r.message)).length).toBeGreaterThan(10);
    for (const { g: og, message } of refused) {
      const parsed = readGame(readGameText(og), og.gamePath);
      const run = parsed.kind === 'nfg' ? lpSolveStrategic(parsed.game) : lpSolveExtensive(parsed.game);
      await expect(run, og.name).rejects.toThrow(message);
    }
  });
});

/**
 * Gambit's own simplex picks one vertex of the optimal set and HiGHS may pick another where that
 * set is not a single point: 17 of the 33 reference games give Gambit's exact profile, the other
 * 16 the same exact value with another exactly optimal profile (checked above).
 */
const SAME_PROFILE_AT_LEAST = 17;
