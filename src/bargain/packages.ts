// Multi-issue packages, linkage and the "null set": the Nash (1950) bargaining solution ("The bargaining
// problem", Econometrica 18(2): 155–162) over packages of issue positions; issue linkage and logrolling
// as in Sebenius (1983), "Negotiation arithmetic: adding and subtracting issues and parties",
// International Organization 37(2): 281–316; segmented reciprocity and the null set from seed 003:
//   "The United States requires verifiable, public concessions to justify the suspension of military
//    action to its domestic electorate and international allies. Iran requires ambiguous, non-public
//    arrangements to preserve its sovereignty narrative. The intersection of these two strategic
//    requirements is frequently a null set."
//
// Two actors (0 and 1, e.g. the US and Iran) bargain over issues k, each a position x_k ∈ [0, 1]. Actor a
// has an ideal point i_ak and salience s_ak ≥ 0 per issue; its utility is −Σ s_ak·|x_k − i_ak| (linear) or
// −Σ s_ak·(x_k − i_ak)² (quadratic). Each issue has its own no-deal utilities d_k; a package over a set of
// issues has disagreement point Σ d_k and the NBS maximises (u_0 − d_0)(u_1 − d_1) with both gains > 0.
//
// Algorithm (exact, two actors). The NBS is Pareto-efficient, so it is sought on the Pareto frontier only.
//  * Linear: on each issue only x_k between the two ideals is efficient, and there both utilities are
//    linear in t_k ∈ [0, 1] (x_k = i_1k + t_k(i_0k − i_1k)): actor 0 gains a_k = s_0k·L_k per unit, actor 1
//    loses b_k = s_1k·L_k (L_k = |i_0k − i_1k|). The utility set is a zonotope whose frontier concedes issues
//    to actor 0 in decreasing order of a_k/b_k (fractional knapsack — this is logrolling). On each frontier
//    edge the product (G_0 + aτ)(G_1 − bτ) is a concave quadratic with its maximum at
//    τ* = (a·G_1 − b·G_0)/(2ab), clipped to [0, 1]; the best edge gives the NBS exactly.
//  * Quadratic: the frontier is x_k(λ) = (λ s_0k i_0k + (1 − λ) s_1k i_1k)/(λ s_0k + (1 − λ) s_1k),
//    λ ∈ [0, 1]. Actor 0's gain rises and actor 1's falls in λ, and log N is concave along a convex
//    frontier, so log N(λ) is unimodal: bisection finds the λ-interval with both gains positive, and a
//    second bisection the zero of d log N/dλ (computed analytically) to machine precision.
//
// Approaches compared by `compareLinkage`:
//  * grand — one public package over every issue ("a broad, all-encompassing 'peace deal' that Tehran
//    must publicly validate"). An issue blocks it when one actor needs public verification and the other
//    ambiguity (the null set), when verification is needed but the issue is not verifiable, or when an
//    actor needs ambiguity (it cannot concede in a public package). A blocked issue empties the set.
//  * segmented — each issue on its own track with its own disagreement point (segmented reciprocity).
//    Tracks are quiet unless an actor needs publicity, so only the first two constraints block a track;
//    a blocked track (or one with no mutual gain) stays at its no-deal utilities.
//  * linkedFeasible — one package linking the issues whose tracks are not blocked, the rest at no deal.

import { BargainInputError } from './errors.js';

export type PublicityNeed = 'public' | 'ambiguity' | 'any';

export interface IssueStance {
  /** Ideal position in [0, 1]. */
  readonly ideal: number;
  /** Salience weight ≥ 0. */
  readonly salience: number;
  /** 'public': accepts a deal on this issue only with a public, verifiable concession; 'ambiguity': cannot
   *  concede publicly; 'any' (default). */
  readonly needs?: PublicityNeed;
}

export interface Issue {
  readonly name: string;
  /** Whether a concession on the issue can be publicly verified (centrifuge caps: yes; proxy control: no). */
  readonly verifiable: boolean;
  /** Stances of actor 0 and actor 1. */
  readonly stances: readonly [IssueStance, IssueStance];
  /** No-deal utilities [d_0, d_1] on this issue. */
  readonly disagreement: readonly [number, number];
}

export interface PackageInput {
  readonly issues: readonly Issue[];
  /** Utility form; default 'linear'. */
  readonly utility?: 'linear' | 'quadratic';
}

export type BlockReason =
  | 'verification-vs-ambiguity'
  | 'unverifiable'
  | 'ambiguity-in-public-package'
  | 'no-gain';

export interface Block {
  /** The blocking issue, or null for a package-wide failure (no package gives both actors a gain). */
  readonly issue: string | null;
  readonly reason: BlockReason;
}

export interface NashPackage {
  /** Positions x_k, one per issue given. */
  readonly positions: readonly number[];
  readonly utilities: readonly [number, number];
  readonly gains: readonly [number, number];
  readonly nashProduct: number;
}

export interface ApproachResult {
  readonly approach: 'grand' | 'segmented' | 'linkedFeasible';
  /** Per-issue positions (null: no deal on that issue), or null when nothing at all is agreed. */
  readonly package: readonly (number | null)[] | null;
  /** Total utilities over all issues, no-deal issues at their disagreement utilities. */
  readonly utilities: readonly [number, number];
  /** Gains over the total disagreement point Σ_k d_k. */
  readonly gains: readonly [number, number];
  /** (u_0 − d_0)(u_1 − d_1) over all issues; 0 when nothing is agreed. */
  readonly nashProduct: number;
  /** The constraints that emptied the acceptable set (of the package, or of individual tracks). */
  readonly emptiedBy: readonly Block[];
}

export interface LinkageComparison {
  readonly grand: ApproachResult;
  readonly segmented: ApproachResult;
  readonly linkedFeasible: ApproachResult;
  /** Nash product of the grand bargain minus that of the segmented deal. */
  readonly linkageValue: number;
}

const EPS = 1e-12;

function requireFinite(value: number, field: string): void {
  if (!Number.isFinite(value))
    throw new BargainInputError(`${field}: expected a finite number, got ${value}`);
}

function validate(input: PackageInput): void {
  if (input.utility !== undefined && input.utility !== 'linear' && input.utility !== 'quadratic') {
    throw new BargainInputError(`utility: expected 'linear' or 'quadratic', got ${String(input.utility)}`);
  }
  input.issues.forEach((issue, k) => {
    if (issue.stances.length !== 2) throw new BargainInputError(`issues[${k}].stances: expected two actors`);
    issue.stances.forEach((s, a) => {
      const f = `issues[${k}].stances[${a}]`;
      requireFinite(s.ideal, `${f}.ideal`);
      requireFinite(s.salience, `${f}.salience`);
      if (s.ideal < 0 || s.ideal > 1)
        throw new BargainInputError(`${f}.ideal: expected in [0, 1], got ${s.ideal}`);
      if (s.salience < 0) throw new BargainInputError(`${f}.salience: expected ≥ 0, got ${s.salience}`);
    });
    issue.disagreement.forEach((d, a) => requireFinite(d, `issues[${k}].disagreement[${a}]`));
  });
}

/** Utilities [u_0, u_1] of a package (one position per issue). */
export function packageUtilities(input: PackageInput, positions: readonly number[]): [number, number] {
  validate(input);
  if (positions.length !== input.issues.length) {
    throw new BargainInputError(`positions: expected ${input.issues.length}, got ${positions.length}`);
  }
  const quadratic = input.utility === 'quadratic';
  const u: [number, number] = [0, 0];
  input.issues.forEach((issue, k) => {
    const x = positions[k]!;
    requireFinite(x, `positions[${k}]`);
    for (const a of [0, 1] as const) {
      const { ideal, salience } = issue.stances[a];
      u[a] -= salience * (quadratic ? (x - ideal) ** 2 : Math.abs(x - ideal));
    }
  });
  return u;
}

function totalDisagreement(issues: readonly Issue[]): [number, number] {
  return issues.reduce<[number, number]>(
    (d, i) => [d[0] + i.disagreement[0], d[1] + i.disagreement[1]],
    [0, 0],
  );
}

function solveLinear(issues: readonly Issue[], d: readonly [number, number]): number[] | null {
  const L = issues.map((i) => Math.abs(i.stances[0].ideal - i.stances[1].ideal));
  const a = issues.map((i, k) => i.stances[0].salience * L[k]!);
  const b = issues.map((i, k) => i.stances[1].salience * L[k]!);
  // t = 0 everywhere: every issue at actor 1's ideal.
  let g0 = -a.reduce((s, x) => s + x, 0) - d[0];
  let g1 = -d[1];
  const ratio = (k: number) => (b[k]! === 0 ? (a[k]! === 0 ? -1 : Number.POSITIVE_INFINITY) : a[k]! / b[k]!);
  const order = issues.map((_, k) => k).sort((x, y) => ratio(y) - ratio(x));
  const t = new Array<number>(issues.length).fill(0);
  let best: { product: number; edge: number; tau: number } | null = null;
  order.forEach((k, e) => {
    const ak = a[k]!;
    const bk = b[k]!;
    const taus = [0, 1];
    if (ak > 0 && bk > 0) taus.push(Math.min(1, Math.max(0, (ak * g1 - bk * g0) / (2 * ak * bk))));
    for (const tau of taus) {
      const h0 = g0 + ak * tau;
      const h1 = g1 - bk * tau;
      if (h0 > EPS && h1 > EPS && (best === null || h0 * h1 > best.product + EPS)) {
        best = { product: h0 * h1, edge: e, tau };
      }
    }
    g0 += ak;
    g1 -= bk;
  });
  if (issues.length === 0 && g0 > EPS && g1 > EPS) return [];
  if (best === null) return null;
  const chosen: { edge: number; tau: number } = best;
  order.forEach((k, e) => {
    t[k] = e < chosen.edge ? 1 : e === chosen.edge ? chosen.tau : 0;
  });
  return issues.map((i, k) => i.stances[1].ideal + t[k]! * (i.stances[0].ideal - i.stances[1].ideal));
}

function solveQuadratic(issues: readonly Issue[], d: readonly [number, number]): number[] | null {
  const x = (lambda: number) =>
    issues.map((i) => {
      const w0 = lambda * i.stances[0].salience;
      const w1 = (1 - lambda) * i.stances[1].salience;
      const [p0, p1] = [i.stances[0].ideal, i.stances[1].ideal];
      return w0 + w1 > 0 ? (w0 * p0 + w1 * p1) / (w0 + w1) : (p0 + p1) / 2;
    });
  const input: PackageInput = { issues, utility: 'quadratic' };
  const gains = (lambda: number) => {
    const u = packageUtilities(input, x(lambda));
    return [u[0] - d[0], u[1] - d[1]] as const;
  };
  if (issues.length === 0) return -d[0] > EPS && -d[1] > EPS ? [] : null;
  if (gains(1)[0] <= EPS || gains(0)[1] <= EPS) return null;
  // λa: where actor 0's gain turns positive; λb: where actor 1's gain stops being positive.
  let lo = 0;
  let hi = 1;
  for (let it = 0; it < 200; it++) {
    const m = (lo + hi) / 2;
    if (gains(m)[0] > EPS) hi = m;
    else lo = m;
  }
  const la = hi;
  lo = 0;
  hi = 1;
  for (let it = 0; it < 200; it++) {
    const m = (lo + hi) / 2;
    if (gains(m)[1] > EPS) lo = m;
    else hi = m;
  }
  const lb = lo;
  if (!(la < lb)) return null;
  // d log N / dλ = g_0'/g_0 + g_1'/g_1 with g_a' = −2 Σ_k s_ak (x_k − i_ak) x_k'(λ); it changes sign once.
  const slope = (lambda: number) => {
    const xs = x(lambda);
    const [h0, h1] = gains(lambda);
    const dg = [0, 0];
    issues.forEach((i, k) => {
      const [s0, s1] = [i.stances[0].salience, i.stances[1].salience];
      const num = lambda * s0 * i.stances[0].ideal + (1 - lambda) * s1 * i.stances[1].ideal;
      const den = lambda * s0 + (1 - lambda) * s1;
      if (den <= 0) return;
      const dx = ((s0 * i.stances[0].ideal - s1 * i.stances[1].ideal) * den - num * (s0 - s1)) / (den * den);
      for (const a of [0, 1] as const)
        dg[a]! -= 2 * i.stances[a].salience * (xs[k]! - i.stances[a].ideal) * dx;
    });
    return dg[0]! / h0 + dg[1]! / h1;
  };
  let [l, r] = [la, lb];
  for (let it = 0; it < 200 && r - l > 0; it++) {
    const m = (l + r) / 2;
    if (m <= l || m >= r) break;
    if (slope(m) > 0) l = m;
    else r = m;
  }
  const lambda = (l + r) / 2;
  const [h0, h1] = gains(lambda);
  return h0 > 0 && h1 > 0 ? x(lambda) : null;
}

/**
 * The Nash bargaining package over the given issues, disagreement point Σ_k d_k, ignoring publicity
 * constraints; null when no package gives both actors a strict gain.
 */
export function nashPackage(input: PackageInput): NashPackage | null {
  validate(input);
  const d = totalDisagreement(input.issues);
  const positions =
    input.utility === 'quadratic' ? solveQuadratic(input.issues, d) : solveLinear(input.issues, d);
  if (positions === null) return null;
  const utilities = packageUtilities(input, positions);
  const gains: [number, number] = [utilities[0] - d[0], utilities[1] - d[1]];
  return { positions, utilities, gains, nashProduct: gains[0] * gains[1] };
}

function needs(issue: Issue): PublicityNeed[] {
  return issue.stances.map((s) => s.needs ?? 'any');
}

/** Why an issue cannot sit on its own (quiet unless someone needs publicity) track, or null. */
export function trackBlock(issue: Issue): BlockReason | null {
  const n = needs(issue);
  if (n.includes('public') && n.includes('ambiguity')) return 'verification-vs-ambiguity';
  if (n.includes('public') && !issue.verifiable) return 'unverifiable';
  return null;
}

/** Why an issue cannot be part of a public package, or null. */
export function publicBlock(issue: Issue): BlockReason | null {
  return trackBlock(issue) ?? (needs(issue).includes('ambiguity') ? 'ambiguity-in-public-package' : null);
}

function assemble(
  approach: ApproachResult['approach'],
  input: PackageInput,
  agreed: readonly (number | null)[],
  emptiedBy: readonly Block[],
): ApproachResult {
  const d = totalDisagreement(input.issues);
  const u: [number, number] = [0, 0];
  input.issues.forEach((issue, k) => {
    const x = agreed[k];
    const uk =
      x === null || x === undefined
        ? issue.disagreement
        : packageUtilities({ issues: [issue], utility: input.utility }, [x]);
    u[0] += uk[0];
    u[1] += uk[1];
  });
  const any = agreed.some((x) => x !== null);
  const gains: [number, number] = [u[0] - d[0], u[1] - d[1]];
  return {
    approach,
    package: any ? agreed : null,
    utilities: u,
    gains,
    nashProduct: any ? gains[0] * gains[1] : 0,
    emptiedBy,
  };
}

/** One public package over all issues. */
export function grandBargain(input: PackageInput): ApproachResult {
  validate(input);
  const none = input.issues.map(() => null);
  const blocks: Block[] = [];
  for (const issue of input.issues) {
    const reason = publicBlock(issue);
    if (reason !== null) blocks.push({ issue: issue.name, reason });
  }
  if (blocks.length > 0) return assemble('grand', input, none, blocks);
  const nbs = nashPackage(input);
  if (nbs === null) return assemble('grand', input, none, [{ issue: null, reason: 'no-gain' }]);
  return assemble('grand', input, nbs.positions, []);
}

/** Segmented reciprocity: every issue bargained alone against its own disagreement point. */
export function segmentedDeal(input: PackageInput): ApproachResult {
  validate(input);
  const blocks: Block[] = [];
  const agreed = input.issues.map((issue) => {
    const reason = trackBlock(issue);
    if (reason !== null) {
      blocks.push({ issue: issue.name, reason });
      return null;
    }
    const nbs = nashPackage({ issues: [issue], utility: input.utility });
    if (nbs === null) {
      blocks.push({ issue: issue.name, reason: 'no-gain' });
      return null;
    }
    return nbs.positions[0]!;
  });
  return assemble('segmented', input, agreed, blocks);
}

/** One package linking the issues whose own tracks are not blocked; blocked issues stay at no deal. */
export function linkedFeasibleDeal(input: PackageInput): ApproachResult {
  validate(input);
  const blocks: Block[] = [];
  const open: number[] = [];
  input.issues.forEach((issue, k) => {
    const reason = trackBlock(issue);
    if (reason === null) open.push(k);
    else blocks.push({ issue: issue.name, reason });
  });
  const agreed: (number | null)[] = input.issues.map(() => null);
  const nbs =
    open.length > 0
      ? nashPackage({ issues: open.map((k) => input.issues[k]!), utility: input.utility })
      : null;
  if (nbs === null) {
    if (open.length > 0) blocks.push({ issue: null, reason: 'no-gain' });
  } else open.forEach((k, j) => (agreed[k] = nbs.positions[j]!));
  return assemble('linkedFeasible', input, agreed, blocks);
}

/** Grand bargain vs segmented reciprocity vs linking only the feasible issues. */
export function compareLinkage(input: PackageInput): LinkageComparison {
  const grand = grandBargain(input);
  const segmented = segmentedDeal(input);
  const linkedFeasible = linkedFeasibleDeal(input);
  return { grand, segmented, linkedFeasible, linkageValue: grand.nashProduct - segmented.nashProduct };
}
