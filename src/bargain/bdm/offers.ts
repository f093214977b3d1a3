// One round of offers in Bueno de Mesquita's model (Scholz, Calbert & Smith 2011, section 6).
// Actor i looks at every j at another position, as i perceives it (i's risk exponent):
// EU_ij = i's expected utility of challenging j, EU_ji = j's of challenging i.
//   EU_ji > EU_ij > 0                      confrontation that i loses: i moves to x_j;
//   EU_ji > 0 > EU_ij,  EU_ji > |EU_ij|    compromise: i moves to x_i + (x_j − x_i) |EU_ij / EU_ji|;
//   EU_ji > 0 > EU_ij,  EU_ji < |EU_ij|    capitulation: i moves to x_j.
// Which offer i accepts is the `compromise` option: `least-move` (the paper as the port's author
// reads it: the offer that moves i least, whatever its kind) or `scholz-code` (a confrontation if any,
// else a compromise, else a capitulation; compromises ranked by a special key). All moves are
// simultaneous. Comparisons of two expected utilities that agree to 12 significant digits are ties
// (no offer), so that rounding does not decide an exactly balanced dyad.
import { challengeUtility } from './expected-utility.js';
import type { Actor, BdmOffer, BdmOptions, OfferKind } from './model.js';
import { winProbabilities } from './win-probability.js';

export interface RoundInput {
  actors: readonly Actor[];
  positions: readonly number[];
  range: number;
  /** The risk exponents computed on these positions (risk.ts). */
  risks: readonly number[];
}

export interface RoundOutput {
  positions: number[];
  offers: BdmOffer[];
  /** P[i][j] with the risk exponents of this round. */
  winProbability: number[][];
}

/** The offer i would accept from j, or undefined (status quo, or i wins the contest). */
export function classifyOffer(
  euActor: number,
  euProposer: number,
  capitulation: BdmOptions['capitulation'],
): OfferKind | undefined {
  if (greater(euProposer, euActor) && euActor > 0) return 'confrontation';
  if (euProposer > 0 && euActor < 0) {
    if (greater(euProposer, -euActor)) return 'compromise';
    if (capitulation === 'paper' && greater(-euActor, euProposer)) return 'capitulation';
  }
  return undefined;
}

/** a > b by more than rounding (relative 1e-12). */
function greater(a: number, b: number): boolean {
  return a - b > 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

/** Scholz's key for compromises: (|EU_ij| x_i + |EU_ji| x_j) / (|EU_ij| + |EU_ji|), smallest first. */
function compromiseKey(o: BdmOffer, proposerPosition: number): number {
  const a = Math.abs(o.euActor);
  const b = Math.abs(o.euProposer);
  return (a * o.from + b * proposerPosition) / (a + b);
}

type Candidates = Record<OfferKind, { offer: BdmOffer; xj: number }[]>;
const KINDS = ['confrontation', 'compromise', 'capitulation'] as const;

/** The first candidate with the smallest key (ties: input order, as in the port). */
function argmin(
  list: { offer: BdmOffer; xj: number }[],
  key: (c: { offer: BdmOffer; xj: number }) => number,
) {
  let pick = list[0];
  for (const c of list.slice(1)) if (key(c) < key(pick!)) pick = c;
  return pick?.offer;
}

/** The offer that moves the actor least, whatever its kind (ties: confrontation first). */
function leastMove(byKind: Candidates): BdmOffer | undefined {
  return argmin(
    KINDS.flatMap((k) => byKind[k]),
    (c) => Math.abs(c.offer.to - c.offer.from),
  );
}

/** Scholz's code: by kind, then least move, except compromises by their weighted position. */
function scholzCode(byKind: Candidates): BdmOffer | undefined {
  for (const kind of KINDS) {
    const list = byKind[kind];
    if (list.length === 0) continue;
    return kind === 'compromise'
      ? argmin(list, (c) => compromiseKey(c.offer, c.xj))
      : argmin(list, (c) => Math.abs(c.offer.to - c.offer.from));
  }
  return undefined;
}

export function playRound(input: RoundInput, options: BdmOptions): RoundOutput {
  const { actors, positions, range, risks } = input;
  const n = actors.length;
  const p = winProbabilities(input, options);
  const next = positions.slice();
  const accepted: BdmOffer[] = [];
  for (let i = 0; i < n; i++) {
    const xi = positions[i]!;
    const r = risks[i]!;
    const byKind: Candidates = {
      confrontation: [],
      compromise: [],
      capitulation: [],
    };
    for (let j = 0; j < n; j++) {
      const xj = positions[j]!;
      if (j === i || xj === xi) continue;
      const d = Math.abs(xi - xj) / range;
      const euActor = challengeUtility(d, p[i]![j]!, actors[j]!.salience, r);
      const euProposer = challengeUtility(d, p[j]![i]!, actors[i]!.salience, r);
      const kind = classifyOffer(euActor, euProposer, options.capitulation);
      if (!kind) continue;
      const to = kind === 'compromise' ? xi + (xj - xi) * Math.abs(euActor / euProposer) : xj;
      byKind[kind].push({
        xj,
        offer: { kind, actor: actors[i]!.name, proposer: actors[j]!.name, from: xi, to, euActor, euProposer },
      });
    }
    const best = options.compromise === 'least-move' ? leastMove(byKind) : scholzCode(byKind);
    if (best) {
      accepted.push(best);
      next[i] = best.to;
    }
  }
  return { positions: next, offers: accepted, winProbability: p };
}
