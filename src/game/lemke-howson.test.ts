import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeOracle,
  hasReference,
  listOracleGames,
  parseNeLines,
  readGameText,
  readOracleOutput,
} from '../../test/support/oracle.js';
import { readNfg } from './gambit-format.js';
import { lemkeHowson, lemkeHowsonAll } from './lemke-howson.js';
import type { Fraction } from './num.js';
import { bimatrixGame, maxRegret, maxRegretExact } from './strategic.js';
import type { MixedProfile } from './types.js';

const exactOf = (p: MixedProfile) => p.exact!.map((row) => row.map((x) => x.toFraction()));

describe('Lemke–Howson, hand-derived cases', () => {
  it('finds the unique mixed equilibrium of matching pennies', () => {
    const g = bimatrixGame(
      [
        [1, -1],
        [-1, 1],
      ],
      [
        [-1, 1],
        [1, -1],
      ],
    );
    const all = lemkeHowsonAll(g);
    expect(all.map(exactOf)).toEqual([
      [
        ['1/2', '1/2'],
        ['1/2', '1/2'],
      ],
    ]);
  });

  it('solves a 2x2 with a unique mixed equilibrium derived by indifference', () => {
    // A = [[3,0],[0,1]], B = [[1,0],[0,2]]... no pure equilibrium for this variant:
    // A = [[2,0],[0,1]], B = [[0,1],[3,0]]: player 2 indifferent when 3(1-p)... derive:
    // q (prob of col 1) makes player 1 indifferent: 2q = 1 - q -> q = 1/3;
    // p (prob of row 1) makes player 2 indifferent: 0p + 3(1-p) = 1p + 0(1-p) -> p = 3/4.
    const g = bimatrixGame(
      [
        [2, 0],
        [0, 1],
      ],
      [
        [0, 1],
        [3, 0],
      ],
    );
    const p = lemkeHowson(g, 1);
    expect(exactOf(p)).toEqual([
      ['3/4', '1/4'],
      ['1/3', '2/3'],
    ]);
  });

  it('finds all three equilibria of battle of the sexes, in Gambit order', () => {
    const g = bimatrixGame(
      [
        [2, 0],
        [0, 1],
      ],
      [
        [1, 0],
        [0, 2],
      ],
    );
    // Label 1 leads to (row 1, col 1); from there label 2 ... reaches the mixed one and the other pure.
    const all = lemkeHowsonAll(g).map(exactOf);
    expect(all).toHaveLength(3);
    expect(all).toContainEqual([
      ['2/3', '1/3'],
      ['1/3', '2/3'],
    ]);
    expect(all[0]).toEqual([
      ['1', '0'],
      ['1', '0'],
    ]);
  });

  it('handles a degenerate game (a strategy with a tie) without cycling', () => {
    // Column 2 is a best response to both rows for player 2: degenerate.
    const g = bimatrixGame(
      [
        [1, 1],
        [0, 2],
      ],
      [
        [1, 1],
        [0, 1],
      ],
    );
    const all = lemkeHowsonAll(g);
    expect(all.length).toBeGreaterThan(0);
    for (const p of all) expect(maxRegretExact(g, p.exact!).valueOf()).toBe(0);
  });

  it('agrees between exact and float arithmetic on a generic game', () => {
    const g = bimatrixGame(
      [
        [3, 1, 4],
        [1, 5, 9],
        [2, 6, 5],
      ],
      [
        [3, 5, 8],
        [9, 7, 9],
        [3, 2, 3],
      ],
    );
    const ex = lemkeHowsonAll(g);
    const fl = lemkeHowsonAll(g, { arithmetic: 'float' });
    expect(fl.length).toBe(ex.length);
    fl.forEach((p, k) => {
      p.probs.flat().forEach((x, i) => expect(x).toBeCloseTo(ex[k]!.probs.flat()[i]!, 12));
    });
  });

  it('refuses games without two players', () => {
    const g = {
      title: '',
      comment: '',
      players: ['a', 'b', 'c'],
      strategies: [['1'], ['1'], ['1']],
      payoffs: [],
    };
    expect(() => lemkeHowsonAll(g)).toThrow(/two-player/);
  });
});

describe('Lemke–Howson properties', () => {
  const payoff = fc.integer({ min: -20, max: 20 });
  const game = fc
    .record({ n1: fc.integer({ min: 1, max: 4 }), n2: fc.integer({ min: 1, max: 4 }) })
    .chain(({ n1, n2 }) =>
      fc.record({
        a: fc.array(fc.array(payoff, { minLength: n2, maxLength: n2 }), { minLength: n1, maxLength: n1 }),
        b: fc.array(fc.array(payoff, { minLength: n2, maxLength: n2 }), { minLength: n1, maxLength: n1 }),
      }),
    );

  it('returns only exact equilibria (regret exactly 0), including on degenerate games', () => {
    fc.assert(
      fc.property(game, ({ a, b }) => {
        const g = bimatrixGame(a, b);
        const all = lemkeHowsonAll(g);
        expect(all.length).toBeGreaterThan(0);
        for (const p of all) expect(maxRegretExact(g, p.exact!).compare(0)).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('float arithmetic gives regret below 1e-9 on games with real payoffs', () => {
    const real = fc.double({ min: -10, max: 10, noNaN: true });
    const fgame = fc
      .record({ n1: fc.integer({ min: 1, max: 5 }), n2: fc.integer({ min: 1, max: 5 }) })
      .chain(({ n1, n2 }) =>
        fc.record({
          a: fc.array(fc.array(real, { minLength: n2, maxLength: n2 }), { minLength: n1, maxLength: n1 }),
          b: fc.array(fc.array(real, { minLength: n2, maxLength: n2 }), { minLength: n1, maxLength: n1 }),
        }),
      );
    fc.assert(
      fc.property(fgame, ({ a, b }) => {
        const g = bimatrixGame(a, b);
        const all = lemkeHowsonAll(g, { arithmetic: 'float' });
        expect(all.length).toBeGreaterThan(0);
        for (const p of all) expect(maxRegret(g, p.probs)).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 100 },
    );
  });
});

/** Gambit's `NE,` lines as strings, for set comparison. */
function lines(rows: Fraction[][]): string[] {
  return rows.map((r) => r.map((x) => x.toFraction()).join(','));
}

describeOracle('Lemke–Howson against gambit-lcp on every two-player .nfg', () => {
  // Games whose gambit-lcp output Brink does not reproduce, with the reason. (None so far.)
  const knownExceptions = new Map<string, string>();

  it('reproduces the set, and the order, of all accessible equilibria', () => {
    const games = listOracleGames().filter((o) => o.kind === 'nfg' && hasReference(o, 'lcp'));
    let sameSet = 0;
    let sameOrder = 0;
    const failures: string[] = [];
    for (const o of games) {
      const g = readNfg(readGameText(o), o.gamePath);
      const expected = lines(parseNeLines(readOracleOutput(o, 'lcp.out')));
      const got = lemkeHowsonAll(g).map((p) =>
        p
          .exact!.flat()
          .map((x) => x.toFraction())
          .join(','),
      );
      const setOk =
        JSON.stringify([...new Set(got)].sort()) === JSON.stringify([...new Set(expected)].sort());
      const orderOk = JSON.stringify(got) === JSON.stringify(expected);
      if (setOk) sameSet++;
      if (orderOk) sameOrder++;
      if (!setOk && !knownExceptions.has(o.name))
        failures.push(`${o.name}: expected ${expected.join(' | ')}; got ${got.join(' | ')}`);
    }
    console.log(`lcp nfg: ${sameSet}/${games.length} same set, ${sameOrder}/${games.length} same order`);
    expect(games.length).toBeGreaterThan(30);
    expect(failures).toEqual([]);
  });
});
