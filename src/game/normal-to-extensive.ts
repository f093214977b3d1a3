// A strategic game as an extensive game of simultaneous moves: each player moves in turn in a
// single information set, so no one observes another's choice (Kuhn 1953: every normal form is
// the reduced normal form of such a tree).
import { TreeBuilder } from './tree.js';
import { type ExtensiveGame, PERSONAL, type StrategicGame, TERMINAL } from './types.js';

export function normalToExtensive(g: StrategicGame): ExtensiveGame {
  const n = g.players.length;
  const b = new TreeBuilder({ title: g.title, comment: g.comment, players: g.players });
  const infosets = g.strategies.map((actions, player) =>
    b.addInfoset({ player, number: 1, label: '', actions }),
  );
  // Outcomes one per profile, numbered in the .nfg profile order (player 0 fastest).
  const nProfiles = g.payoffs.length / n;
  const outcome: number[] = [];
  for (let p = 0; p < nProfiles; p++) {
    outcome.push(b.addOutcome({ label: '', payoffs: g.payoffs.slice(p * n, p * n + n) }));
  }
  // Preorder walk: player 0 at the root, then player 1, ...; leaf order is player n-1 fastest,
  // so the profile index of a leaf is computed from the path.
  const stride = g.strategies.map((_, i) => g.strategies.slice(0, i).reduce((a, s) => a * s.length, 1));
  const visit = (player: number, profile: number) => {
    if (player === n) {
      b.addNode(TERMINAL, -1, outcome[profile]!);
      return;
    }
    b.addNode(PERSONAL, infosets[player]!);
    for (let s = 0; s < g.strategies[player]!.length; s++) visit(player + 1, profile + s * stride[player]!);
  };
  visit(0, 0);
  return b.finish();
}
