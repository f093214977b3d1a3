// The risk–return trade-off: Fearon (1995), "Rationalist explanations for war", International
// Organization 49(3), §"Private information and incentives to misrepresent"; Powell (1999), In the
// Shadow of Power, ch. 3.
//
// A makes B a take-it-or-leave-it offer, keeping x ∈ [0, 1] for itself. War gives A p − c_A and B
// 1 − p − c_B (risk-neutral, costs as shares of the pie). B's cost c_B is private, drawn from a known
// distribution F. B accepts iff 1 − x ≥ 1 − p − c_B, i.e. c_B ≥ x − p (an indifferent B accepts), so
//   EU_A(x) = x · P(c_B ≥ x − p) + (p − c_A) · P(c_B < x − p).
// Asking for more raises A's share if B accepts but also the chance B fights: A accepts a positive risk
// of war because it does not know B's cost. A maximises EU_A over x ∈ [max(0, p − c_A), 1] (no offer
// below A's own war value can be optimal).
//
// Closed form (used when c_B ~ U(a, b) with b > a and a + c_A ≥ 0, where EU_A is concave): on the
// interval x − p ∈ [a, b], EU_A = x − (x − p + c_A)(x − p − a)/(b − a), maximised at x − p = (b − c_A)/2,
// clamped to [a, b] and then to the feasible offers. For a = 0, b = c̄: x* = p + (c̄ − c_A)/2 and the war
// probability is (c̄ − c_A)/(2c̄) — Fearon's example.
//
// Numeric method (every other distribution; EU_A need not be concave — discrete or multimodal costs):
// (1) EU_A on a dense grid of 2001 offers over the feasible interval; (2) golden-section refinement
// within one grid step either side of each of the best few grid-local maxima; (3) the jump points
// x = p + v of the atoms v of a point or discrete distribution, where EU_A drops discontinuously just
// after v (type v stops accepting) — between jumps EU_A rises linearly, so its supremum is attained at a
// jump point or at x = 1, and these candidates make the discrete case exact; (4) the feasible endpoints.
// The best candidate wins; ties go to the lower war probability, then the lower offer.

import { type Distribution, cdf } from '../scenario/distributions.js';
import { BargainInputError } from './errors.js';

export interface RiskReturnInput {
  /** Probability that A wins a war, in [0, 1]. */
  readonly p: number;
  /** A's (known) cost of war, a share of the pie, ≥ 0. */
  readonly costA: number;
  /** The distribution of B's private cost of war. */
  readonly costB: Distribution;
}

export interface OptimalOffer {
  /** The share x* A keeps in its optimal offer (B is offered 1 − x*). */
  readonly offer: number;
  /** P(c_B < x* − p): the chance B rejects and fights. */
  readonly warProbability: number;
  /** A's expected utility EU_A(x*). */
  readonly expectedUtility: number;
  readonly method: 'closed-form' | 'numeric';
}

const GRID_POINTS = 2001;
const REFINE_PEAKS = 5;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/** P(c_B < t): the left limit of the CDF, so that an atom at t itself counts as accepting. */
export function probabilityBelow(d: Distribution, t: number): number {
  switch (d.dist) {
    case 'point':
      return d.value < t ? 1 : 0;
    case 'discrete':
      return d.values.reduce((s, v, i) => (v < t ? s + d.probs[i]! : s), 0);
    case 'uniform':
      // A degenerate uniform is an atom at `low`.
      return d.high === d.low ? (d.low < t ? 1 : 0) : cdf(d, t);
    default:
      return cdf(d, t);
  }
}

/** The chance that B fights when A keeps x. */
export function warProbability({ p, costB }: RiskReturnInput, x: number): number {
  return probabilityBelow(costB, x - p);
}

/** EU_A(x) = x · P(accept) + (p − c_A) · P(war). */
export function expectedUtility(input: RiskReturnInput, x: number): number {
  const war = warProbability(input, x);
  return x * (1 - war) + (input.p - input.costA) * war;
}

/** The problem with a cost distribution's parameters, or undefined when they are valid. */
function distributionProblem(d: Distribution): string | undefined {
  const finite = (xs: readonly number[]) => xs.every(Number.isFinite);
  switch (d.dist) {
    case 'point':
      return finite([d.value]) ? undefined : 'expected a finite value';
    case 'uniform':
      return finite([d.low, d.high]) && d.high >= d.low ? undefined : 'expected finite low ≤ high';
    case 'triangular':
      return finite([d.low, d.mode, d.high]) && d.low <= d.mode && d.mode <= d.high && d.low < d.high
        ? undefined
        : 'expected finite low ≤ mode ≤ high with low < high';
    case 'normal':
      return finite([d.mean, d.sd]) && d.sd > 0
        ? undefined
        : 'expected a finite mean and a positive finite sd';
    case 'lognormal':
      return finite([d.mu, d.sigma]) && d.sigma > 0
        ? undefined
        : 'expected a finite mu and a positive finite sigma';
    case 'beta':
      return finite([d.alpha, d.beta]) && d.alpha > 0 && d.beta > 0
        ? undefined
        : 'expected positive finite alpha and beta';
    case 'discrete': {
      const shaped = d.values.length > 0 && d.values.length === d.probs.length;
      if (!(shaped && finite([...d.values, ...d.probs]) && d.probs.every((q) => q >= 0))) {
        return 'expected as many finite non-negative probs as finite values, at least one';
      }
      const total = d.probs.reduce((s, q) => s + q, 0);
      return Math.abs(total - 1) <= 1e-9 ? undefined : `expected probs summing to 1, got ${total}`;
    }
  }
}

function validate({ p, costA, costB }: RiskReturnInput): void {
  if (!(Number.isFinite(p) && p >= 0 && p <= 1)) {
    throw new BargainInputError(`p: expected a probability in [0, 1], got ${p}`);
  }
  if (!(Number.isFinite(costA) && costA >= 0)) {
    throw new BargainInputError(`costA: expected a finite non-negative cost, got ${costA}`);
  }
  const problem = distributionProblem(costB);
  if (problem !== undefined) throw new BargainInputError(`costB (${costB.dist}): ${problem}`);
}

/** The feasible offers [max(0, p − c_A), 1]. */
function feasibleOffers({ p, costA }: RiskReturnInput): [number, number] {
  return [Math.max(0, p - costA), 1];
}

function offerAt(input: RiskReturnInput, x: number, method: OptimalOffer['method']): OptimalOffer {
  return {
    offer: x,
    warProbability: warProbability(input, x),
    expectedUtility: expectedUtility(input, x),
    method,
  };
}

/** Better: higher EU; on a tie (to rounding), lower war probability, then lower offer. */
function better(a: OptimalOffer, b: OptimalOffer): boolean {
  const tol = 4 * Number.EPSILON * Math.max(1, Math.abs(b.expectedUtility));
  if (a.expectedUtility > b.expectedUtility + tol) return true;
  if (a.expectedUtility < b.expectedUtility - tol) return false;
  if (a.warProbability !== b.warProbability) return a.warProbability < b.warProbability;
  return a.offer < b.offer;
}

/** The maximiser of f on [lo, hi] by golden-section search (exact for unimodal f). */
export function goldenSectionMax(f: (x: number) => number, lo: number, hi: number, tol = 1e-12): number {
  let a = lo;
  let b = hi;
  let c = b - GOLDEN * (b - a);
  let d = a + GOLDEN * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > tol) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - GOLDEN * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + GOLDEN * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

/** Grid indices that are local maxima of the sampled EU, best first, at most `count`. */
function gridPeaks(values: readonly number[], count: number): number[] {
  const peaks: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const left = i === 0 ? Number.NEGATIVE_INFINITY : values[i - 1]!;
    const right = i === values.length - 1 ? Number.NEGATIVE_INFINITY : values[i + 1]!;
    if (values[i]! >= left && values[i]! >= right) peaks.push(i);
  }
  return peaks.sort((i, j) => values[j]! - values[i]!).slice(0, count);
}

/** The atoms of a point or discrete distribution (none for continuous ones). */
function atoms(d: Distribution): readonly number[] {
  if (d.dist === 'point') return [d.value];
  if (d.dist === 'discrete') return d.values;
  if (d.dist === 'uniform' && d.high === d.low) return [d.low];
  return [];
}

/** The largest x with x − p ≤ v in floating point: p + v itself can round to just past the jump. */
function jumpPoint(p: number, v: number): number {
  let x = p + v;
  while (x - p > v) x -= Math.abs(x) * Number.EPSILON || Number.MIN_VALUE;
  return x;
}

/** The optimal offer by dense grid, golden-section refinement and the discrete jump points. */
export function numericOptimalOffer(input: RiskReturnInput): OptimalOffer {
  validate(input);
  const [lo, hi] = feasibleOffers(input);
  const eu = (x: number) => expectedUtility(input, x);
  const step = (hi - lo) / (GRID_POINTS - 1);
  const xs = Array.from({ length: GRID_POINTS }, (_, i) => (i === GRID_POINTS - 1 ? hi : lo + i * step));
  const values = xs.map(eu);
  const candidates = [lo, hi, ...xs];
  for (const i of gridPeaks(values, REFINE_PEAKS)) {
    candidates.push(goldenSectionMax(eu, Math.max(lo, xs[i]! - step), Math.min(hi, xs[i]! + step)));
  }
  for (const v of atoms(input.costB)) {
    const x = jumpPoint(input.p, v);
    if (x >= lo && x <= hi) candidates.push(x);
  }
  let best = offerAt(input, candidates[0]!, 'numeric');
  for (const x of candidates.slice(1)) {
    const o = offerAt(input, x, 'numeric');
    if (better(o, best)) best = o;
  }
  return best;
}

/** The closed form for c_B ~ U(a, b), b > a, a + c_A ≥ 0; undefined when it does not apply. */
export function uniformOptimalOffer(input: RiskReturnInput): OptimalOffer | undefined {
  const { p, costA, costB } = input;
  if (costB.dist !== 'uniform' || !(costB.high > costB.low) || costB.low + costA < 0) return undefined;
  const [lo, hi] = feasibleOffers(input);
  const t = Math.min(costB.high, Math.max(costB.low, (costB.high - costA) / 2));
  return offerAt(input, Math.min(hi, Math.max(lo, p + t)), 'closed-form');
}

/** A's optimal take-it-or-leave-it offer to a B whose cost of war is private. */
export function optimalOffer(input: RiskReturnInput): OptimalOffer {
  validate(input);
  return uniformOptimalOffer(input) ?? numericOptimalOffer(input);
}
