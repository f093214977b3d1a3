// Behaviour-strategy profiles of extensive games: realization probabilities, node values, expected
// payoffs, beliefs, action values, best responses and regrets.
// Sources: Kuhn (1953), "Extensive games and the problem of information" (behaviour strategies);
// the quantities follow Gambit's MixedBehaviorProfile (realization probabilities, beliefs, action
// values). Best responses use backward induction over the player's own information sets, which is
// exact under perfect recall (von Stengel 1996, "Efficient computation of behavior strategies":
// each information set follows exactly one sequence of its player's own moves).
//
// Every pass is a sweep over the preorder numbering (a parent has a smaller index than its
// children, so a reverse sweep is bottom-up): no recursion, so trees of 10^6 nodes are fine.
import { Fraction } from './num.js';
import { perfectRecallViolation } from './perfect-recall.js';
import { type BehaviorProfile, CHANCE, type ExtensiveGame, PERSONAL } from './types.js';

// ------------------------------------------------------------------ basic per-node quantities

/** Throws unless the profile has one distribution per information set, of the right length. */
export function checkProfileShape(g: ExtensiveGame, b: BehaviorProfile): void {
  if (b.probs.length !== g.infosets.length) {
    throw new Error(
      `behaviour profile has ${b.probs.length} information sets, the game ${g.infosets.length}`,
    );
  }
  g.infosets.forEach((h, i) => {
    if (b.probs[i]!.length !== h.actions.length) {
      throw new Error(`behaviour profile: information set ${i} needs ${h.actions.length} probabilities`);
    }
  });
}

/**
 * The probability of the move leading into each node (1 for the root). Chance moves take their
 * probabilities from the game's chance information sets, not from the profile.
 */
export function edgeProbs(g: ExtensiveGame, b: BehaviorProfile): Float64Array {
  checkProfileShape(g, b);
  const { count, kind, infoset, childStart, childList } = g.nodes;
  const out = new Float64Array(count);
  out[0] = 1;
  const chance = g.infosets.map((h) => h.probs?.map((p) => p.value));
  for (let n = 0; n < count; n++) {
    if (kind[n] !== CHANCE && kind[n] !== PERSONAL) continue;
    const h = infoset[n]!;
    const probs = kind[n] === CHANCE ? chance[h] : b.probs[h];
    if (!probs) throw new Error(`chance information set ${h} has no probabilities`);
    for (let k = childStart[n]!, a = 0; k < childStart[n + 1]!; k++, a++) out[childList[k]!] = probs[a]!;
  }
  return out;
}

/** Realization probability of each node: the product of the move probabilities on its path. */
export function realizationProbs(
  g: ExtensiveGame,
  b: BehaviorProfile,
  edges = edgeProbs(g, b),
): Float64Array {
  const { count, parent } = g.nodes;
  const reach = new Float64Array(count);
  reach[0] = 1;
  for (let n = 1; n < count; n++) reach[n] = reach[parent[n]!]! * edges[n]!;
  return reach;
}

/** Outcome payoffs as floats, outcome-major: out[o * players + p]. */
export function outcomeTable(g: ExtensiveGame): Float64Array {
  const np = g.players.length;
  const out = new Float64Array(g.outcomes.length * np);
  g.outcomes.forEach((o, i) => {
    for (let p = 0; p < np; p++) out[i * np + p] = o.payoffs[p]?.value ?? 0;
  });
  return out;
}

/**
 * Expected payoff of every player from each node on, given the node was reached:
 * values[node * players + player]. Includes the node's own outcome (outcomes on inner nodes add
 * up along the path, as in Gambit).
 */
export function nodeValues(g: ExtensiveGame, b: BehaviorProfile, edges = edgeProbs(g, b)): Float64Array {
  const { count, outcome, parent } = g.nodes;
  const np = g.players.length;
  const table = outcomeTable(g);
  const values = new Float64Array(count * np);
  for (let n = 0; n < count; n++) {
    const o = outcome[n]!;
    if (o >= 0) for (let p = 0; p < np; p++) values[n * np + p] = table[o * np + p]!;
  }
  // Children have larger indices, so when n is reached going down its value is complete.
  for (let n = count - 1; n > 0; n--) {
    const w = edges[n]!;
    if (w === 0) continue;
    const up = parent[n]! * np;
    for (let p = 0; p < np; p++) values[up + p] += w * values[n * np + p]!;
  }
  return values;
}

/** Expected payoff of each player under the profile. */
export function expectedPayoffs(g: ExtensiveGame, b: BehaviorProfile): number[] {
  const values = nodeValues(g, b);
  return g.players.map((_, p) => values[p]!);
}

/**
 * Exact expected payoffs, when the profile carries exact probabilities and every payoff and
 * chance probability of the game is exact; undefined otherwise.
 */
export function expectedPayoffsExact(g: ExtensiveGame, b: BehaviorProfile): Fraction[] | undefined {
  if (!b.exact) return undefined;
  const { count, kind, infoset, outcome, childStart, childList } = g.nodes;
  const np = g.players.length;
  const zero = new Fraction(0);
  const reach: Fraction[] = new Array(count);
  reach[0] = new Fraction(1);
  const total = g.players.map(() => zero);
  for (let n = 0; n < count; n++) {
    const r = reach[n]!;
    const o = outcome[n]!;
    if (o >= 0 && r.n !== 0n) {
      for (let p = 0; p < np; p++) {
        const pay = g.outcomes[o]!.payoffs[p]?.exact;
        if (!pay) return undefined;
        total[p] = total[p]!.add(r.mul(pay));
      }
    }
    if (kind[n] !== CHANCE && kind[n] !== PERSONAL) continue;
    const h = infoset[n]!;
    for (let k = childStart[n]!, a = 0; k < childStart[n + 1]!; k++, a++) {
      const q = kind[n] === CHANCE ? g.infosets[h]!.probs?.[a]?.exact : b.exact[h]?.[a];
      if (!q) return undefined;
      reach[childList[k]!] = r.mul(q);
    }
  }
  return total;
}

// ------------------------------------------------------------------ information sets

/** Number of nodes in each information set (0 for an information set without nodes). */
export function memberCounts(g: ExtensiveGame): Int32Array {
  const counts = new Int32Array(g.infosets.length);
  const { count, infoset } = g.nodes;
  for (let n = 0; n < count; n++) if (infoset[n]! >= 0) counts[infoset[n]!]++;
  return counts;
}

/** Probability of reaching each information set (the sum over its nodes). */
export function infosetReachProbs(g: ExtensiveGame, reach: Float64Array): Float64Array {
  const out = new Float64Array(g.infosets.length);
  const { count, infoset } = g.nodes;
  for (let n = 0; n < count; n++) if (infoset[n]! >= 0) out[infoset[n]!] += reach[n]!;
  return out;
}

/**
 * Beliefs: for each node of an information set, the probability of being there given the set is
 * reached (Bayes' rule). For a set reached with probability 0 Bayes' rule says nothing; we put
 * the uniform distribution over its nodes (a documented convention, not a refinement). Terminal
 * nodes get 0.
 */
export function beliefs(g: ExtensiveGame, reach: Float64Array): Float64Array {
  const setReach = infosetReachProbs(g, reach);
  const members = memberCounts(g);
  const { count, infoset } = g.nodes;
  const out = new Float64Array(count);
  for (let n = 0; n < count; n++) {
    const h = infoset[n]!;
    if (h < 0) continue;
    out[n] = setReach[h]! > 0 ? reach[n]! / setReach[h]! : 1 / members[h]!;
  }
  return out;
}

/** Everything the value and regret functions share, computed once. */
export interface ProfileData {
  edges: Float64Array;
  reach: Float64Array;
  values: Float64Array;
  beliefs: Float64Array;
  infosetReach: Float64Array;
}

export function profileData(g: ExtensiveGame, b: BehaviorProfile): ProfileData {
  const edges = edgeProbs(g, b);
  const reach = realizationProbs(g, b, edges);
  return {
    edges,
    reach,
    values: nodeValues(g, b, edges),
    beliefs: beliefs(g, reach),
    infosetReach: infosetReachProbs(g, reach),
  };
}

/**
 * Action values: for each personal information set and action, the expected payoff to the set's
 * player of taking that action there, weighting its nodes by the beliefs and following the
 * profile afterwards: Σ_n belief(n) · value(child_a(n)). The outcome at the set's own nodes is
 * common to every action and not included (as in Gambit). Chance sets and sets without nodes get
 * zeros.
 */
export function actionValues(g: ExtensiveGame, b: BehaviorProfile, data = profileData(g, b)): number[][] {
  const np = g.players.length;
  const out = g.infosets.map((h) => h.actions.map(() => 0));
  const { count, kind, infoset, childStart, childList } = g.nodes;
  for (let n = 0; n < count; n++) {
    if (kind[n] !== PERSONAL) continue;
    const h = infoset[n]!;
    const p = g.infosets[h]!.player;
    const row = out[h]!;
    const w = data.beliefs[n]!;
    for (let k = childStart[n]!, a = 0; k < childStart[n + 1]!; k++, a++) {
      row[a]! += w * data.values[childList[k]! * np + p]!;
    }
  }
  return out;
}

/** Expected payoff at each personal information set under its own distribution: Σ_a b(a)·value(a). */
export function infosetValues(g: ExtensiveGame, b: BehaviorProfile, av = actionValues(g, b)): number[] {
  return av.map((row, h) => row.reduce((s, v, a) => s + b.probs[h]![a]! * v, 0));
}

/**
 * Agent-form regret of each information set: what its player gains by changing the action
 * distribution at that set alone, the rest of the profile fixed, in unconditional terms:
 * P(set reached) · (max_a value(a) − value of the set). 0 for chance sets.
 * (A profile with all agent regrets 0 is a Nash equilibrium of the agent form; with perfect recall
 * every Nash equilibrium is one, not conversely.)
 */
export function agentRegrets(g: ExtensiveGame, b: BehaviorProfile, data = profileData(g, b)): Float64Array {
  const av = actionValues(g, b, data);
  const iv = infosetValues(g, b, av);
  const out = new Float64Array(g.infosets.length);
  g.infosets.forEach((h, i) => {
    if (h.player < 0 || av[i]!.length === 0) return;
    const gain = Math.max(...av[i]!) - iv[i]!;
    out[i] = Math.max(0, data.infosetReach[i]! * gain);
  });
  return out;
}

export function maxAgentRegret(g: ExtensiveGame, b: BehaviorProfile): number {
  let m = 0;
  for (const r of agentRegrets(g, b)) m = Math.max(m, r);
  return m;
}

// ------------------------------------------------------------------ own sequences

/** The player of each information set (-1 for chance), as a typed array for the sweeps. */
function infosetPlayers(g: ExtensiveGame): Int32Array {
  return Int32Array.from(g.infosets, (h) => h.player);
}

/**
 * For one player, the last own move (sequence) leading to each node: seq[n] = offset[h] + a for
 * the player's action a at set h, or -1 for the empty sequence. `offset` numbers the player's
 * (set, action) pairs consecutively.
 */
function ownSequences(
  g: ExtensiveGame,
  player: number,
  owner: Int32Array,
): { seq: Int32Array; offset: Int32Array; size: number } {
  const offset = new Int32Array(g.infosets.length).fill(-1);
  let size = 0;
  g.infosets.forEach((h, i) => {
    if (h.player === player) {
      offset[i] = size;
      size += h.actions.length;
    }
  });
  const { count, kind, infoset, childStart, childList } = g.nodes;
  const seq = new Int32Array(count);
  seq[0] = -1;
  for (let n = 0; n < count; n++) {
    const mine = kind[n] === PERSONAL && owner[infoset[n]!] === player;
    for (let k = childStart[n]!, a = 0; k < childStart[n + 1]!; k++, a++) {
      seq[childList[k]!] = mine ? offset[infoset[n]!]! + a : seq[n]!;
    }
  }
  return { seq, offset, size };
}

// ------------------------------------------------------------------ best responses and regret

export interface BestResponse {
  /** The player's expected payoff from a best response to the others' strategies. */
  value: number;
  /** For each information set: the chosen action for the player's sets (first best, ties to the lowest index; 0 for sets without nodes), -1 for the others'. */
  actions: Int32Array;
}

/**
 * A pure best response of `player` to the other players' behaviour strategies (and chance).
 * Needs perfect recall for that player (throws otherwise): then each of the player's sets follows
 * one own sequence, and the sets can be solved bottom-up: the value of action a at set h is the
 * payoff reached before the player's next move, weighted by the others' and chance's
 * probabilities, plus the best values of the sets that immediately follow (h, a).
 */
export function bestResponse(
  g: ExtensiveGame,
  b: BehaviorProfile,
  player: number,
  edges = edgeProbs(g, b),
): BestResponse {
  const { count, kind, infoset, outcome, parent, childStart } = g.nodes;
  const np = g.players.length;
  const owner = infosetPlayers(g);
  const { seq, offset, size } = ownSequences(g, player, owner);
  const isMine = (n: number) => kind[n] === PERSONAL && owner[infoset[n]!] === player;
  // rho: reach probability counting only chance and the other players' moves.
  const rho = new Float64Array(count);
  rho[0] = 1;
  for (let n = 1; n < count; n++) rho[n] = rho[parent[n]!]! * (isMine(parent[n]!) ? 1 : edges[n]!);
  // Slot 0 is the empty sequence, slot s + 1 the sequence s.
  const base = new Float64Array(size + 1);
  const acc = new Float64Array(size + 1);
  const table = outcomeTable(g);
  const parentSeq = new Int32Array(g.infosets.length).fill(-2);
  const firstMember = new Int32Array(g.infosets.length).fill(-1);
  for (let n = 0; n < count; n++) {
    const o = outcome[n]!;
    if (o >= 0) base[seq[n]! + 1] += rho[n]! * table[o * np + player]!;
    if (!isMine(n)) continue;
    const h = infoset[n]!;
    if (firstMember[h] < 0) {
      firstMember[h] = n;
      parentSeq[h] = seq[n]!;
    } else if (parentSeq[h] !== seq[n]) {
      throw new Error(
        `best response needs perfect recall: ${perfectRecallViolation(g) ?? `player ${player + 1} lacks it`}`,
      );
    }
  }
  const actions = new Int32Array(g.infosets.length).fill(-1);
  g.infosets.forEach((h, i) => {
    if (h.player === player) actions[i] = 0;
  });
  // A set that follows (h, a) has all its nodes below nodes of h, so its first node comes later
  // in preorder: meeting sets at their first node in a reverse sweep solves successors first.
  for (let n = count - 1; n >= 0; n--) {
    if (!isMine(n)) continue;
    const h = infoset[n]!;
    if (firstMember[h] !== n) continue;
    let best = Number.NEGATIVE_INFINITY;
    let arg = 0;
    const k = childStart[n + 1]! - childStart[n]!;
    for (let a = 0; a < k; a++) {
      const s = offset[h]! + a + 1;
      const v = base[s]! + acc[s]!;
      if (v > best) {
        best = v;
        arg = a;
      }
    }
    actions[h] = arg;
    acc[parentSeq[h]! + 1] += best;
  }
  return { value: base[0]! + acc[0]!, actions };
}

/** Best-response value of every player. */
export function bestResponseValues(g: ExtensiveGame, b: BehaviorProfile): number[] {
  const edges = edgeProbs(g, b);
  return g.players.map((_, p) => bestResponse(g, b, p, edges).value);
}

/** Per player: best-response value minus expected payoff (≥ 0 up to rounding; all 0 at a Nash equilibrium). */
export function nashRegrets(g: ExtensiveGame, b: BehaviorProfile): number[] {
  const edges = edgeProbs(g, b);
  const values = nodeValues(g, b, edges);
  return g.players.map((_, p) => Math.max(0, bestResponse(g, b, p, edges).value - values[p]!));
}

/** max over players of (best-response value − expected payoff): 0 exactly at a Nash equilibrium. Needs perfect recall. */
export function maxNashRegret(g: ExtensiveGame, b: BehaviorProfile): number {
  return Math.max(0, ...nashRegrets(g, b));
}

/**
 * A pure behaviour profile from one action index per information set (chance sets keep their
 * probabilities). Exact too when the chance probabilities are.
 */
export function pureBehavior(g: ExtensiveGame, choice: ArrayLike<number>): BehaviorProfile {
  const probs = g.infosets.map((h, i) =>
    h.player < 0 ? h.probs!.map((p) => p.value) : h.actions.map((_, a) => (a === choice[i] ? 1 : 0)),
  );
  const chanceExact = g.infosets.every((h) => h.player >= 0 || h.probs!.every((p) => p.exact));
  if (!chanceExact) return { probs };
  const exact = g.infosets.map((h, i) =>
    h.player < 0
      ? h.probs!.map((p) => p.exact!)
      : h.actions.map((_, a) => new Fraction(a === choice[i] ? 1 : 0)),
  );
  return { probs, exact };
}

/** The centroid: uniform over actions at every personal set, chance as given. */
export function centroidBehavior(g: ExtensiveGame): BehaviorProfile {
  return {
    probs: g.infosets.map((h) =>
      h.player < 0 ? h.probs!.map((p) => p.value) : h.actions.map(() => 1 / h.actions.length),
    ),
  };
}
