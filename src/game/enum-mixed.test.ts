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
import { enumMixed, enumMixedExtensive, exactFromDouble } from './enum-mixed.js';
import { readGame } from './gambit-format.js';
import type { Fraction } from './num.js';
import { bimatrixGame, makeStrategicGame, maxRegret, maxRegretExact } from './strategic.js';
import type { MixedProfile } from './types.js';

const key = (row: readonly Fraction[]) => row.map((x) => x.toFraction()).join(',');
const keys = (eqs: readonly MixedProfile[]) => eqs.map((e) => key(e.exact!.flat())).sort();

describe('enumMixed, hand-derived', () => {
  it('matching pennies: only (1/2, 1/2) for both', () => {
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
    expect(keys(enumMixed(g))).toEqual(['1/2,1/2,1/2,1/2']);
  });

  it('battle of the sexes: two pure and one mixed equilibrium', () => {
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
    // Mixed: row makes column indifferent: p*1 = (1-p)*2 -> p = 2/3; column: 2q = 1-q -> q = 1/3.
    expect(keys(enumMixed(g))).toEqual(['0,1,0,1', '1,0,1,0', '2/3,1/3,1/3,2/3']);
  });

  it('a degenerate game: a continuum of equilibria has two extreme points', () => {
    // Row's payoffs do not depend on its choice when column plays L, so with column at L every
    // row mixture that keeps L a best response is an equilibrium.
    //          L       R
    //   T    1,1     0,0
    //   B    1,1     2,0 ... column gets 1 from L against anything, 0 from R: L dominant.
    const g = bimatrixGame(
      [
        [1, 0],
        [1, 2],
      ],
      [
        [1, 0],
        [1, 0],
      ],
    );
    // Column always plays L (strictly dominant); row is indifferent at L: any x is an equilibrium.
    expect(keys(enumMixed(g))).toEqual(['0,1,1,0', '1,0,1,0']);
  });

  it('the all-zero game: every pure profile is an extreme equilibrium', () => {
    const g = makeStrategicGame([2, 3], () => [0, 0]);
    expect(enumMixed(g)).toHaveLength(6);
  });

  it('a 3x3 game with a unique completely mixed equilibrium (rock-paper-scissors)', () => {
    const rps = [
      [0, -1, 1],
      [1, 0, -1],
      [-1, 1, 0],
    ];
    const g = bimatrixGame(
      rps,
      rps.map((r) => r.map((x) => -x)),
    );
    expect(keys(enumMixed(g))).toEqual(['1/3,1/3,1/3,1/3,1/3,1/3']);
  });

  it('reads float payoffs as exact binary fractions', () => {
    expect(exactFromDouble(0.5).toFraction()).toBe('1/2');
    expect(exactFromDouble(0.1).valueOf()).toBe(0.1);
    const g = bimatrixGame(
      [
        [0.1, 0],
        [0, 0.2],
      ],
      [
        [0.2, 0],
        [0, 0.1],
      ],
    );
    const eqs = enumMixed(g);
    expect(eqs).toHaveLength(3);
    for (const e of eqs) expect(maxRegret(g, e.probs)).toBeLessThanOrEqual(1e-12);
    expect(eqs.every((e) => e.exact === undefined)).toBe(true);
  });
});

describe('properties', () => {
  const shapes: [number, number][] = [
    [2, 2],
    [2, 3],
    [3, 3],
    [4, 3],
    [4, 4],
    [1, 4],
    [5, 2],
  ];
  it('every equilibrium returned has zero exact regret (small integer payoffs: many degenerate games)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...shapes),
        fc.infiniteStream(fc.integer({ min: -2, max: 2 })),
        ([m, n], stream) => {
          const it = stream[Symbol.iterator]();
          const g = makeStrategicGame([m, n], () => [it.next().value as number, it.next().value as number]);
          const eqs = enumMixed(g);
          // Every finite game has an equilibrium, and then an extreme one.
          expect(eqs.length).toBeGreaterThan(0);
          for (const e of eqs) {
            expect(maxRegretExact(g, e.exact!).n).toBe(0n);
            expect(maxRegret(g, e.probs)).toBeLessThanOrEqual(1e-9);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('float games: regret at most 1e-9', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...shapes),
        fc.infiniteStream(fc.double({ min: -10, max: 10, noNaN: true })),
        ([m, n], stream) => {
          const it = stream[Symbol.iterator]();
          const g = makeStrategicGame([m, n], () => [it.next().value as number, it.next().value as number]);
          const eqs = enumMixed(g);
          expect(eqs.length).toBeGreaterThan(0);
          for (const e of eqs) expect(maxRegret(g, e.probs)).toBeLessThanOrEqual(1e-9);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describeOracle('enummixed against Gambit', () => {
  it('reproduces enummixed.out as exact sets for every game with a reference', () => {
    const games = listOracleGames().filter((o) => hasReference(o, 'enummixed'));
    const failures: string[] = [];
    for (const o of games) {
      const expected = [...new Set(parseNeLines(readOracleOutput(o, 'enummixed.out')).map(key))].sort();
      let got: string[];
      try {
        const parsed = readGame(readGameText(o), o.gamePath);
        const eqs = parsed.kind === 'nfg' ? enumMixed(parsed.game) : enumMixedExtensive(parsed.game).equilibria;
        got = [...new Set(keys(eqs))].sort();
      } catch (e) {
        failures.push(`${o.name}: ${(e as Error).message}`);
        continue;
      }
      if (JSON.stringify(got) !== JSON.stringify(expected)) {
        failures.push(`${o.name}: got ${got.length}, expected ${expected.length}`);
      }
    }
    console.log(`enummixed: ${games.length - failures.length}/${games.length} agree`);
    expect(failures).toEqual([]);
  });
});
