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
import { expectedPayoffsExact, maxNashRegret } from './behavior.js';
import { readEfg } from './gambit-format.js';
import { randomExtensiveGame } from './generate.js';
import { lemkeSequenceForm, lemkeSequenceFormSolve } from './lemke-sequence-form.js';
import { SequenceFormError } from './sequence-form.js';
import type { BehaviorProfile, ExtensiveGame } from './types.js';

/** Gambit's flat order (personal sets only) as exact strings. */
function flatExact(g: ExtensiveGame, b: BehaviorProfile): string[] {
  const out: string[] = [];
  g.infosets.forEach((h, i) => {
    if (h.player >= 0) out.push(...b.exact![i]!.map((x) => x.toFraction()));
  });
  return out;
}

const MATCHING_PENNIES = `EFG 2 R "Matching pennies" { "1" "2" }
""
p "" 1 1 "" { "H" "T" } 0
p "" 2 1 "" { "h" "t" } 0
t "" 1 "" { 1, -1 }
t "" 2 "" { -1, 1 }
p "" 2 1 "" { "h" "t" } 0
t "" 2 "" { -1, 1 }
t "" 1 "" { 1, -1 }
`;

// One-card poker: chance deals High or Low; player 1 sees it and raises or checks; player 2,
// without seeing it, calls or folds a raise. By indifference (derived in the comments below) the
// unique equilibrium has player 1 bluff with Low 1/3 of the time and player 2 call 2/3 of the time.
const POKER = `EFG 2 R "One-card poker" { "1" "2" }
""
c "" 1 "" { "High" 1/2 "Low" 1/2 } 0
p "" 1 1 "high" { "Raise" "Check" } 0
p "" 2 1 "raised" { "Call" "Fold" } 0
t "" 1 "" { 2, -2 }
t "" 2 "" { 1, -1 }
t "" 2 "" { 1, -1 }
p "" 1 2 "low" { "Raise" "Check" } 0
p "" 2 1 "raised" { "Call" "Fold" } 0
t "" 3 "" { -2, 2 }
t "" 2 "" { 1, -1 }
t "" 4 "" { -1, 1 }
`;

describe('Lemke on the sequence form, hand-derived cases', () => {
  it('finds the mixed equilibrium of matching pennies', () => {
    const g = readEfg(MATCHING_PENNIES);
    expect(flatExact(g, lemkeSequenceForm(g))).toEqual(['1/2', '1/2', '1/2', '1/2']);
  });

  it('solves one-card poker: bluff 1/3 with Low, call 2/3, value 1/3', () => {
    // Player 2 calls a raise only if indifferent: P(High | raise) = 1/(1+b), so calling is worth
    // -(2 - 2b)/(1 + b) = -1 (folding) when b = 1/3. Player 1 with Low: checking gives -1,
    // raising c(-2) + (1 - c) = 1 - 3c, equal when c = 2/3; with High raising (5/3) beats 1.
    const g = readEfg(POKER);
    const r = lemkeSequenceFormSolve(g);
    expect(flatExact(g, r.profile)).toEqual(['1', '0', '1/3', '2/3', '2/3', '1/3']);
    expect(expectedPayoffsExact(g, r.profile)!.map((v) => v.toFraction())).toEqual(['1/3', '-1/3']);
    // Realization plans: player 1's sequences ∅, High-Raise, High-Check, Low-Raise, Low-Check.
    expect(r.exactPlans![0].map((v) => v.toFraction())).toEqual(['1', '1', '0', '1/3', '2/3']);
    expect(r.exactPlans![1].map((v) => v.toFraction())).toEqual(['1', '2/3', '1/3']);
  });

  it('gives the same profile in floating point with either engine', () => {
    const g = readEfg(POKER);
    for (const engine of ['revised', 'tableau'] as const) {
      const p = lemkeSequenceForm(g, { arithmetic: 'float', engine });
      expect(p.exact).toBeUndefined();
      p.probs.flat().forEach((v, i) => expect(v).toBeCloseTo(lemkeSequenceForm(g).probs.flat()[i]!, 12));
    }
  });

  it('refuses games without two players or without perfect recall', () => {
    expect(() => lemkeSequenceForm(randomExtensiveGame({ seed: 1, nodes: 31, players: 3 }))).toThrow(
      SequenceFormError,
    );
    const forgetful = readEfg(`EFG 2 R "" { "A" "B" }
""
p "" 1 1 "" { "L" "R" } 0
p "" 1 2 "" { "l" "r" } 0
t "" 1 "" { 1, 0 }
t "" 2 "" { 0, 1 }
p "" 1 2 "" { "l" "r" } 0
t "" 3 "" { 0, 1 }
t "" 4 "" { 1, 0 }
`);
    expect(() => lemkeSequenceForm(forgetful)).toThrow(/perfect recall/);
  });

  it('refuses exact arithmetic on a game with float payoffs', () => {
    const g = randomExtensiveGame({ seed: 2, nodes: 21, float: true });
    expect(() => lemkeSequenceForm(g, { arithmetic: 'exact' })).toThrow(/exact/);
    expect(maxNashRegret(g, lemkeSequenceForm(g))).toBeLessThanOrEqual(1e-9);
  });
});

describe('Lemke on the sequence form, properties on random games', () => {
  const gameArb = fc.record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    nodes: fc.integer({ min: 3, max: 90 }),
    chance: fc.constantFrom(0, 0.15, 0.4),
    inner: fc.boolean(),
  });

  it('exact arithmetic returns an equilibrium (regret 0 up to float evaluation)', () => {
    fc.assert(
      fc.property(gameArb, ({ seed, nodes, chance, inner }) => {
        const g = randomExtensiveGame({ seed, nodes, chance, innerOutcomes: inner ? 0.3 : 0 });
        const r = lemkeSequenceFormSolve(g, { arithmetic: 'exact' });
        expect(r.exactPlans).toBeDefined();
        expect(maxNashRegret(g, r.profile)).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it('floating point (revised engine, both tie-breaking rules) returns an equilibrium, regret <= 1e-9', () => {
    fc.assert(
      fc.property(
        gameArb,
        fc.boolean(),
        fc.constantFrom<'random' | 'gambit'>('random', 'gambit'),
        ({ seed, nodes, chance, inner }, float, tieBreak) => {
          const g = randomExtensiveGame({ seed, nodes, chance, innerOutcomes: inner ? 0.3 : 0, float });
          const p = lemkeSequenceForm(g, { arithmetic: 'float', tieBreak });
          expect(maxNashRegret(g, p)).toBeLessThanOrEqual(1e-9);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("with Gambit's tie-breaking, the float engines follow the exact path pivot for pivot", () => {
    for (let seed = 1; seed <= 25; seed++) {
      const g = randomExtensiveGame({ seed, nodes: 20 + 6 * seed, chance: 0.2 });
      const trace = (opts: Parameters<typeof lemkeSequenceFormSolve>[1]) => {
        const out: string[] = [];
        lemkeSequenceFormSolve(g, { ...opts, onPivot: (e, l) => out.push(`${e}>${l}`) });
        return out.join(' ');
      };
      const exact = trace({ arithmetic: 'exact' });
      expect(trace({ arithmetic: 'float', engine: 'tableau' })).toBe(exact);
      expect(trace({ arithmetic: 'float', engine: 'revised', tieBreak: 'gambit' })).toBe(exact);
    }
  });

  it("'auto' on a larger exact game follows the path in floating point and solves its end exactly", () => {
    const g = randomExtensiveGame({ seed: 7, nodes: 1500 });
    const r = lemkeSequenceFormSolve(g);
    expect(r.exactPlans).toBeDefined();
    expect(maxNashRegret(g, r.profile)).toBeLessThanOrEqual(1e-12);
  });
});

describeOracle('Lemke on the sequence form against gambit-lcp on every two-player .efg', () => {
  // Games where Brink's equilibrium differs from the one gambit-lcp prints, with the reason. (None.)
  const knownExceptions = new Map<string, string>();

  it('finds the same equilibrium as Gambit', () => {
    const games = listOracleGames().filter((o) => o.kind === 'efg' && hasReference(o, 'lcp'));
    let same = 0;
    const failures: string[] = [];
    for (const o of games) {
      const g = readEfg(readGameText(o), o.gamePath);
      const expected = parseNeLines(readOracleOutput(o, 'lcp.out')).map((r) =>
        r.map((x) => x.toFraction()).join(','),
      );
      let got: string;
      try {
        got = flatExact(g, lemkeSequenceForm(g)).join(',');
      } catch (e) {
        got = `error: ${(e as Error).message}`;
      }
      if (got === expected[0]) same++;
      else if (!knownExceptions.has(o.name)) failures.push(`${o.name}: expected ${expected[0]}; got ${got}`);
    }
    console.log(`lcp efg: ${same}/${games.length} identical to gambit-lcp`);
    expect(games.length).toBeGreaterThan(60);
    expect(failures).toEqual([]);
  });

  it('refuses, as Gambit does, the two-player games without perfect recall', () => {
    const games = listOracleGames().filter((o) => {
      const err = readOracleOutput(o, 'lcp.err') ?? '';
      return o.kind === 'efg' && /imperfect recall/.test(err);
    });
    let refused = 0;
    for (const o of games) {
      const g = readEfg(readGameText(o), o.gamePath);
      if (g.players.length !== 2) continue;
      expect(() => lemkeSequenceForm(g), o.name).toThrow(/perfect recall/);
      refused++;
    }
    expect(refused).toBeGreaterThan(5);
  });
});
