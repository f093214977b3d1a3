// Turning Gambit's printed behaviour profiles (`NE,` lines of an .efg solver) into Brink's
// BehaviorProfile, and back, for tests. Gambit prints personal information sets only, player by
// player and set by set: the order of ExtensiveGame.infosets without the chance sets.
import type { Fraction } from '../../src/game/num.js';
import type { BehaviorProfile, ExtensiveGame } from '../../src/game/types.js';

/** Number of entries Gambit prints for a behaviour profile of this game. */
export function printedLength(g: ExtensiveGame): number {
  return g.infosets.reduce((s, h) => s + (h.player >= 0 ? h.actions.length : 0), 0);
}

/** A BehaviorProfile from a flat list in Gambit's order; chance sets get the game's probabilities. */
export function behaviorFromFlat(g: ExtensiveGame, flat: readonly Fraction[]): BehaviorProfile {
  if (flat.length !== printedLength(g)) {
    throw new Error(`profile has ${flat.length} entries, the game needs ${printedLength(g)}`);
  }
  let k = 0;
  const exact: Fraction[][] = [];
  const probs = g.infosets.map((h) => {
    if (h.player < 0) {
      exact.push(h.probs!.map((p) => p.exact!));
      return h.probs!.map((p) => p.value);
    }
    const row = flat.slice(k, k + h.actions.length);
    k += h.actions.length;
    exact.push(row);
    return row.map((f) => f.valueOf());
  });
  return { probs, exact };
}

/** The flat list Gambit would print for a profile (personal sets only). */
export function flatFromBehavior(g: ExtensiveGame, b: BehaviorProfile): number[] {
  const out: number[] = [];
  g.infosets.forEach((h, i) => {
    if (h.player >= 0) out.push(...b.probs[i]!);
  });
  return out;
}
