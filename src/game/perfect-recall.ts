// Perfect recall check (Kuhn 1953; as in Gambit's GameTreeRep::IsPerfectRecall): every member of a
// player's information set must have the same own history, i.e. the same last (information set,
// action) of that player on the path from the root. Equal last own moves imply equal full own
// histories by induction, and also rule out two members of one set lying on the same path.
import type { ExtensiveGame } from './types.js';

/** A description of the first perfect-recall violation found, or undefined when the game has perfect recall. */
export function perfectRecallViolation(g: ExtensiveGame): string | undefined {
  const { count, infoset, childStart, childList } = g.nodes;
  const P = g.players.length;
  // Sequence ids: 0 is the empty sequence; action a of information set h is seqBase[h] + a + 1.
  const seqBase = new Int32Array(g.infosets.length);
  let next = 0;
  g.infosets.forEach((h, i) => {
    seqBase[i] = next;
    next += h.actions.length;
  });
  const last = new Int32Array(count * P);
  const seen = new Int32Array(g.infosets.length).fill(-1);
  // Preorder: a parent is always visited before its children.
  for (let n = 0; n < count; n++) {
    const h = infoset[n]!;
    if (h < 0) continue;
    const player = g.infosets[h]!.player;
    if (player >= 0) {
      const mine = last[n * P + player]!;
      if (seen[h] === -1) seen[h] = mine;
      else if (seen[h] !== mine) {
        return `information set ${h} of player ${player + 1} has members with different own histories (node ${n})`;
      }
    }
    for (let c = childStart[n]!, a = 0; c < childStart[n + 1]!; c++, a++) {
      const child = childList[c]!;
      last.copyWithin(child * P, n * P, n * P + P);
      if (player >= 0) last[child * P + player] = seqBase[h]! + a + 1;
    }
  }
  return undefined;
}

export function hasPerfectRecall(g: ExtensiveGame): boolean {
  return perfectRecallViolation(g) === undefined;
}
