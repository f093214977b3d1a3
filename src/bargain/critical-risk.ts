// Critical risk and the Zeuthen concession process: Zeuthen (1930), "Problems of Monopoly and Economic
// Warfare", ch. IV; Harsanyi (1956), "Approaches to the bargaining problem before and after the theory of
// games", Econometrica 24(2): 144–157; brinkmanship as the manipulation of a shared risk, Schelling
// (1960), "The Strategy of Conflict", ch. 7–8.
//
// Two players each insist on their own proposal. Player i's critical risk
//   r_i = (u_i(own) − u_i(other's)) / (u_i(own) − u_i(conflict))
// is the highest probability of conflict it would accept rather than yield (clipped to [0, 1]: 0 when the
// other's proposal is at least as good, 1 when it is no better than conflict). Zeuthen's principle: the
// player with the smaller critical risk concedes; with equal risks both do. Harsanyi's observation:
// r_0 ≤ r_1 ⇔ N(x_0) ≤ N(x_1) with N the Nash product (u_0 − d_0)(u_1 − d_1), so the player whose
// proposal has the smaller Nash product concedes. Brinkmanship: if staying in the standoff carries a
// per-round disaster probability π, player i is willing to stay iff π ≤ r_i.
//
// The process on a finite set of proposals (Harsanyi's refinement, made explicit here): proposals are
// first reduced to the individually rational, Pareto-efficient ones. The conceder makes the smallest
// concession that makes the other the next to concede — it moves to its own best proposal among those
// whose Nash product exceeds that of the other's current proposal — and accepts the other's proposal when
// no such proposal exists (or when the other's is at least as good for it). The largest Nash product on
// the table rises strictly at every concession, so the process ends; when the Nash product is
// single-peaked along the frontier (as for points on a concave utility frontier) it ends at the Nash
// bargaining solution.

import { BargainInputError } from './errors.js';
import { nashBargainingFinite, nashProduct } from './nash-bargaining.js';

/** Utilities (to player 0, to player 1) of one proposal, or of conflict. */
export type UtilityPair = readonly [number, number];

function requireFinite(value: number, field: string): void {
  if (!Number.isFinite(value))
    throw new BargainInputError(`${field}: expected a finite number, got ${value}`);
}

/** r = (own − other)/(own − conflict), clipped to [0, 1]; own must beat conflict. */
export function criticalRisk(own: number, other: number, conflict: number): number {
  requireFinite(own, 'own');
  requireFinite(other, 'other');
  requireFinite(conflict, 'conflict');
  if (own <= conflict) {
    throw new BargainInputError(`own proposal (${own}) must be better than conflict (${conflict})`);
  }
  return Math.min(1, Math.max(0, (own - other) / (own - conflict)));
}

export interface ZeuthenStep {
  /** [r_0, r_1]. */
  readonly risks: readonly [number, number];
  /** Who concedes under Zeuthen's principle. */
  readonly concedes: 0 | 1 | 'both';
}

/** Zeuthen's principle for player 0 insisting on `offer0` and player 1 on `offer1`. */
export function zeuthenStep(offer0: UtilityPair, offer1: UtilityPair, conflict: UtilityPair): ZeuthenStep {
  const r0 = criticalRisk(offer0[0], offer1[0], conflict[0]);
  const r1 = criticalRisk(offer1[1], offer0[1], conflict[1]);
  const tol = 1e-12;
  const concedes = r0 < r1 - tol ? 0 : r1 < r0 - tol ? 1 : 'both';
  return { risks: [r0, r1], concedes };
}

export interface Brinkmanship {
  readonly risks: readonly [number, number];
  /** Per player: willing to stay in the standoff (π ≤ r_i). */
  readonly stays: readonly [boolean, boolean];
  readonly outcome: 'both-stay' | 'player0-yields' | 'player1-yields' | 'both-yield';
}

/** Schelling's brinkmanship: who stays when each round of standoff risks disaster with probability π. */
export function brinkmanship(
  offer0: UtilityPair,
  offer1: UtilityPair,
  conflict: UtilityPair,
  disasterProbability: number,
): Brinkmanship {
  requireFinite(disasterProbability, 'disasterProbability');
  if (disasterProbability < 0 || disasterProbability > 1) {
    throw new BargainInputError(`disasterProbability: expected in [0, 1], got ${disasterProbability}`);
  }
  const { risks } = zeuthenStep(offer0, offer1, conflict);
  const stays: [boolean, boolean] = [disasterProbability <= risks[0], disasterProbability <= risks[1]];
  const outcome =
    stays[0] && stays[1]
      ? 'both-stay'
      : stays[0]
        ? 'player1-yields'
        : stays[1]
          ? 'player0-yields'
          : 'both-yield';
  return { risks, stays, outcome };
}

export interface ZeuthenRound {
  /** Indices (into the input proposals) of player 0's and player 1's current proposals. */
  readonly offers: readonly [number, number];
  readonly risks: readonly [number, number];
  readonly concedes: 0 | 1 | 'both';
}

export interface ZeuthenProcess {
  readonly rounds: readonly ZeuthenRound[];
  /** Index of the agreed proposal, or null when the last two proposals tie for the largest Nash product. */
  readonly agreement: number | null;
  /** Index of the Nash bargaining solution on the (individually rational) proposals. */
  readonly nashSolution: number | null;
}

/**
 * Run the Zeuthen–Harsanyi process on a finite list of proposals (utility pairs). Each player starts
 * from its favourite individually rational, Pareto-efficient proposal unless `start` says otherwise.
 */
export function zeuthenProcess(
  proposals: readonly UtilityPair[],
  conflict: UtilityPair,
  start?: readonly [number, number],
): ZeuthenProcess {
  proposals.forEach((p, k) => {
    requireFinite(p[0], `proposals[${k}][0]`);
    requireFinite(p[1], `proposals[${k}][1]`);
  });
  const d = [conflict[0], conflict[1]];
  const rational = proposals
    .map((_, k) => k)
    .filter((k) => proposals[k]![0] > d[0]! && proposals[k]![1] > d[1]!);
  const efficient = rational.filter(
    (k) =>
      !rational.some(
        (m) =>
          proposals[m]![0] >= proposals[k]![0] &&
          proposals[m]![1] >= proposals[k]![1] &&
          (proposals[m]![0] > proposals[k]![0] || proposals[m]![1] > proposals[k]![1]),
      ),
  );
  if (efficient.length === 0)
    throw new BargainInputError('no proposal gives both players more than conflict');
  const nbs = nashBargainingFinite(
    rational.map((k) => proposals[k]!),
    d,
  );
  const nashSolution = nbs.index === null ? null : rational[nbs.index]!;
  const N = (k: number) => nashProduct(proposals[k]!, d);
  const best = (player: 0 | 1, among: readonly number[]) =>
    among.reduce((b, k) => (proposals[k]![player] > proposals[b]![player] ? k : b), among[0]!);
  let x0 = start?.[0] ?? best(0, efficient);
  let x1 = start?.[1] ?? best(1, efficient);
  for (const k of [x0, x1]) {
    if (!rational.includes(k))
      throw new BargainInputError(`start: proposal ${k} is not individually rational`);
  }
  const rounds: ZeuthenRound[] = [];
  for (;;) {
    const p0 = proposals[x0]!;
    const p1 = proposals[x1]!;
    // Acceptance: the other's proposal is at least as good as one's own.
    if (p1[0] >= p0[0]) return { rounds, agreement: x1, nashSolution };
    if (p0[1] >= p1[1]) return { rounds, agreement: x0, nashSolution };
    const step = zeuthenStep(p0, p1, conflict);
    rounds.push({ offers: [x0, x1], risks: step.risks, concedes: step.concedes });
    const bar = Math.max(N(x0), N(x1));
    const better = efficient.filter((k) => N(k) > bar * (1 + 1e-12));
    if (step.concedes === 'both') {
      if (better.length === 0) return { rounds, agreement: null, nashSolution };
      x0 = best(0, better);
      x1 = best(1, better);
    } else if (step.concedes === 0) {
      if (better.length === 0) return { rounds, agreement: x1, nashSolution };
      x0 = best(0, better);
    } else {
      if (better.length === 0) return { rounds, agreement: x0, nashSolution };
      x1 = best(1, better);
    }
  }
}
