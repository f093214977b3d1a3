import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flatFromBehavior } from '../../test/support/efg-profiles.js';
import { describeOracle, hasReference, listOracleGames, parseNeLines, readGameText, readOracleOutput } from '../../test/support/oracle.js';
import { maxNashRegret } from './behavior.js';
import { readEfg } from './gambit-format.js';
import { lemkeSequenceForm, lemkeSequenceFormSolve } from './lemke-sequence-form.js';
import { numFromFloat, numFromText } from './num.js';
import { SequenceFormError } from './sequence-form.js';
import { TreeBuilder } from './tree.js';
import { type BehaviorProfile, CHANCE, type ExtensiveGame, PERSONAL, TERMINAL } from './types.js';

/** Gambit's flat order (personal sets only) as exact strings. */
function flatExact(g: ExtensiveGame, b: BehaviorProfile): string[] {
  const out: string[] = [];
  g.infosets.forEach((h, i) => {
    if (h.player >= 0) out.push(...b.exact![i]!.map((x) => x.toFraction()));
  });
  return out;
}

describeOracle('Lemke on the sequence form against gambit-lcp on every two-player .efg', () => {
  // Games where Brink's equilibrium differs from the one gambit-lcp prints, with the reason.
  const knownExceptions = new Map<string, string>();

  it('finds the same equilibrium as Gambit', () => {
    const games = listOracleGames().filter((o) => o.kind === 'efg' && hasReference(o, 'lcp'));
    let same = 0;
    const failures: string[] = [];
    for (const o of games) {
      const g = readEfg(readGameText(o), o.gamePath);
      const expected = parseNeLines(readOracleOutput(o, 'lcp.out')).map((r) => r.map((x) => x.toFraction()).join(','));
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
});
