// Tying hands with domestic audience costs: Fearon (1994), "Domestic political audiences and the
// escalation of international disputes", APSR 88(3): 577–592; Fearon (1997), "Signaling foreign policy
// interests: tying hands versus sinking costs", Journal of Conflict Resolution 41(1): 68–90.
//
// Game (a small, explicit form of Fearon's tying-hands signalling game).
//   1. Nature draws the defender's (threatener's) type i with prior p_i; type i values the issue at v_i > 0.
//      Nature independently draws the challenger's type j with prior μ_j.
//   2. The defender issues a public threat, or does not. No threat: the challenger takes the issue
//      (defender 0, challenger s_j).
//   3. After a threat the challenger concedes (defender v_i, challenger 0) or resists.
//   4. Resisted, the defender fights (defender v_i − c, challenger w_j) or backs down — paying the
//      audience cost a for the broken public threat (defender −a, challenger s_j).
// Type i is *credible* (would fight if resisted) iff v_i − c ≥ −a; a threatening type that is not credible
// *bluffs*. Let ρ be the probability the challenger resists a threat. Type i's payoff from threatening is
//   v_i − ρ·min(c, v_i + a),
// so it threatens iff ρ ≤ ρ̂_i := v_i / min(c, v_i + a). Every credible type's ρ̂ is ≥ (c − a)/c and every
// bluffer's is < (c − a)/c, so threats are made by an upper set in ρ̂ and the posterior q that a threat
// comes from a credible type rises as ρ rises; challenger type j resists iff q·w_j + (1 − q)·s_j > 0, and
// since w_j ≤ s_j (validated: the defender's retreat is no worse for the challenger than war) the
// challenger's resistance falls in q. Equilibria are found by a monotone scan over upper sets
// (whole ρ̂-groups threatening, or the marginal group mixing) — see `selectEquilibrium` for the one rule
// that picks among them.
//
// Classic results (tested): with a = 0 a bluffer's ρ̂ is 1, so whenever the challenger sometimes concedes
// every type threatens: cheap talk cannot separate. Let ρ₁ be the resistance when the challenger is sure
// the defender will fight (the challenger types with w_j > 0). Bluffing is impossible in every PBE once
// a > a* = max_i a*_i, with a*_i = v_i(1 − ρ₁)/ρ₁ if v_i < ρ₁·c (the audience cost deters the bluff) and
// a*_i = c − v_i otherwise (the audience cost commits the type to fight); types with v_i ≥ c are always
// credible. Announcing a deal publicly (seed 003: Washington "lock[s] themselves into a specific narrative
// of success") is `announce`: it adds to a, making a retreat after Tehran's denial costlier.

import { BargainInputError } from './errors.js';

export interface DefenderType {
  /** Prior probability of this type. Priors must sum to 1. */
  readonly prior: number;
  /** The type's value for the issue, v > 0. */
  readonly value: number;
  readonly label?: string;
}

export interface ChallengerType {
  readonly prior: number;
  /** Challenger's payoff when it gets the issue (no threat, or the defender backs down); conceding is 0. */
  readonly stake: number;
  /** Challenger's payoff from war, at most `stake` (a retreat by the defender is no worse than war). */
  readonly war: number;
  readonly label?: string;
}

export interface AudienceCostInput {
  readonly defender: readonly DefenderType[];
  /** The defender's cost of fighting, c > 0. */
  readonly warCost: number;
  /** Audience cost of backing down after a public threat, a ≥ 0. */
  readonly audienceCost: number;
  readonly challenger: readonly ChallengerType[];
}

export type EquilibriumKind = 'pooling' | 'separating' | 'semi-separating' | 'no-threat';

export interface AudienceCostEquilibrium {
  readonly kind: EquilibriumKind;
  /** Per defender type: probability it threatens. */
  readonly threatens: readonly number[];
  /** Per defender type: v_i − c ≥ −a (would fight if resisted). */
  readonly credible: readonly boolean[];
  /** Per defender type: threatens with positive probability but would back down. */
  readonly bluffs: readonly boolean[];
  /** Per defender type: ρ̂_i, the highest resistance probability at which it still threatens. */
  readonly thresholds: readonly number[];
  /** Challenger's posterior over defender types after a threat (off path: the D1 belief). */
  readonly posterior: readonly number[];
  /** Posterior probability that a threatening defender would fight. */
  readonly posteriorCredible: number;
  /** Per challenger type: probability it resists a threat. */
  readonly challengerResists: readonly number[];
  /** ρ: overall probability the challenger resists a threat. */
  readonly resist: number;
  /** True when every type that threatens is credible (no bluffing). */
  readonly onlyCredibleThreaten: boolean;
  readonly probabilities: {
    readonly threat: number;
    readonly war: number;
    /** A threat, resisted, then a retreat (the audience cost is paid). */
    readonly backDown: number;
    readonly challengerConcedes: number;
  };
}

const EPS = 1e-12;

function requireFinite(value: number, field: string): void {
  if (!Number.isFinite(value))
    throw new BargainInputError(`${field}: expected a finite number, got ${value}`);
}

function requirePriors(priors: readonly number[], field: string): void {
  if (priors.length === 0) throw new BargainInputError(`${field}: expected at least one type`);
  priors.forEach((p, i) => {
    requireFinite(p, `${field}[${i}].prior`);
    if (p < 0) throw new BargainInputError(`${field}[${i}].prior: expected ≥ 0, got ${p}`);
  });
  const total = priors.reduce((s, p) => s + p, 0);
  if (Math.abs(total - 1) > 1e-9) throw new BargainInputError(`${field}: priors sum to ${total}, expected 1`);
}

function validate(input: AudienceCostInput): void {
  requirePriors(
    input.defender.map((t) => t.prior),
    'defender',
  );
  requirePriors(
    input.challenger.map((t) => t.prior),
    'challenger',
  );
  input.defender.forEach((t, i) => {
    requireFinite(t.value, `defender[${i}].value`);
    if (t.value <= 0) throw new BargainInputError(`defender[${i}].value: expected > 0, got ${t.value}`);
  });
  input.challenger.forEach((t, j) => {
    requireFinite(t.stake, `challenger[${j}].stake`);
    requireFinite(t.war, `challenger[${j}].war`);
    if (t.war > t.stake) {
      throw new BargainInputError(
        `challenger[${j}]: war (${t.war}) must not beat the defender's retreat (${t.stake})`,
      );
    }
  });
  requireFinite(input.warCost, 'warCost');
  if (input.warCost <= 0) throw new BargainInputError(`warCost: expected > 0, got ${input.warCost}`);
  requireFinite(input.audienceCost, 'audienceCost');
  if (input.audienceCost < 0) {
    throw new BargainInputError(`audienceCost: expected ≥ 0, got ${input.audienceCost}`);
  }
}

/** Whether a defender of value v fights (true) or backs down when its public threat is resisted. */
export function isCredible(value: number, warCost: number, audienceCost: number): boolean {
  return value - warCost >= -audienceCost - EPS;
}

/** ρ̂ = v / min(c, v + a): the defender threatens iff the resistance probability is at most this. */
export function threatThreshold(value: number, warCost: number, audienceCost: number): number {
  return value / Math.min(warCost, value + audienceCost);
}

/** Seed 003's public announcement of a deal: the same crisis with `extra` added to the audience cost. */
export function announce(input: AudienceCostInput, extra: number): AudienceCostInput {
  requireFinite(extra, 'extra');
  if (extra < 0) throw new BargainInputError(`extra: expected ≥ 0, got ${extra}`);
  return { ...input, audienceCost: input.audienceCost + extra };
}

/** Range [low, high] of overall resistance consistent with challenger best responses at posterior q. */
function resistanceRange(challenger: readonly ChallengerType[], q: number): { low: number; high: number } {
  let low = 0;
  let high = 0;
  for (const t of challenger) {
    const f = q * t.war + (1 - q) * t.stake;
    if (f > EPS) {
      low += t.prior;
      high += t.prior;
    } else if (f >= -EPS) high += t.prior;
  }
  return { low, high };
}

/** Per-type challenger resistance realising the overall probability ρ at posterior q. */
function challengerMix(challenger: readonly ChallengerType[], q: number, rho: number): number[] {
  const { low } = resistanceRange(challenger, q);
  let slack = rho - low;
  return challenger.map((t) => {
    const f = q * t.war + (1 - q) * t.stake;
    if (f > EPS) return 1;
    if (f < -EPS || t.prior === 0) return 0;
    const take = Math.min(t.prior, Math.max(0, slack));
    slack -= take;
    return take / t.prior;
  });
}

/** The posterior-q values at which some challenger type is indifferent. */
function challengerBreakpoints(challenger: readonly ChallengerType[]): number[] {
  const out: number[] = [];
  for (const t of challenger) {
    if (Math.abs(t.stake - t.war) < EPS) continue;
    const q = t.stake / (t.stake - t.war);
    if (q >= 0 && q <= 1) out.push(q);
  }
  return out;
}

/** a*: for every audience cost a > a* no type bluffs in any PBE (see the header); 0 if none ever bluffs. */
export function separationThreshold(input: AudienceCostInput): number {
  validate(input);
  const rho1 = resistanceRange(input.challenger, 1).low;
  const c = input.warCost;
  let best = 0;
  for (const t of input.defender) {
    if (t.prior === 0 || t.value >= c) continue;
    const ai = t.value < rho1 * c ? (t.value * (1 - rho1)) / rho1 : c - t.value;
    best = Math.max(best, ai);
  }
  return best;
}

interface Candidate {
  readonly sigma: number[];
  readonly rho: number;
  readonly q: number;
}

/**
 * The equilibrium selection rule, kept in one place. (1) Off-path beliefs are D1 (Cho & Kreps 1987;
 * Banks & Sobel 1987): an unexpected threat is attributed to the types with the highest ρ̂, who would
 * threaten against the widest range of challenger responses. Under D1 a no-threat PBE survives only when
 * even those types would not threaten given the resistance their threat would meet. (2) Among the PBEs
 * with threats on path (generically there is one; several only on knife edges where a type or the
 * challenger is exactly indifferent) choose the lowest resistance ρ, then the highest probability of a
 * threat.
 */
function selectEquilibrium(candidates: readonly Candidate[]): Candidate | undefined {
  const threatMass = (c: Candidate) => c.sigma.reduce((s, x) => s + x, 0);
  return [...candidates].sort((x, y) => x.rho - y.rho || threatMass(y) - threatMass(x))[0];
}

/** The perfect Bayesian equilibrium of the tying-hands game selected by `selectEquilibrium`. */
export function audienceCostEquilibrium(input: AudienceCostInput): AudienceCostEquilibrium {
  validate(input);
  const { defender, challenger, warCost: c, audienceCost: a } = input;
  const n = defender.length;
  const credible = defender.map((t) => isCredible(t.value, c, a));
  const thresholds = defender.map((t) => threatThreshold(t.value, c, a));
  // Groups of types with equal ρ̂, highest first (only types with positive prior matter).
  const levels = [...new Set(thresholds.filter((_, i) => defender[i]!.prior > 0))].sort((x, y) => y - x);
  const groups = levels.map((r) =>
    defender.map((t, i) => i).filter((i) => thresholds[i] === r && defender[i]!.prior > 0),
  );
  const mass = (idx: readonly number[]) => idx.reduce((s, i) => s + defender[i]!.prior, 0);
  const credMass = (idx: readonly number[]) =>
    idx.reduce((s, i) => s + (credible[i] ? defender[i]!.prior : 0), 0);

  const candidates: Candidate[] = [];
  let top: number[] = [];
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    const level = levels[g]!;
    // (a) The marginal group mixes with probability θ ∈ (0, 1) at ρ = its ρ̂.
    if (level <= 1 + EPS) {
      const A = credMass(top);
      const M = mass(top);
      const B = credMass(group);
      const m = mass(group);
      const qs = new Set<number>(challengerBreakpoints(challenger));
      const qLo = Math.min(M > 0 ? A / M : B / m, (A + B) / (M + m));
      const qHi = Math.max(M > 0 ? A / M : B / m, (A + B) / (M + m));
      const sorted = [...qs].filter((q) => q > qLo && q < qHi).sort((x, y) => x - y);
      const probes = [...sorted];
      const pts = [qLo, ...sorted, qHi];
      for (let k = 0; k + 1 < pts.length; k++) probes.push((pts[k]! + pts[k + 1]!) / 2);
      for (const q of probes) {
        const { low, high } = resistanceRange(challenger, q);
        if (level < low - EPS || level > high + EPS) continue;
        const den = q * m - B;
        if (Math.abs(den) < EPS) continue;
        const theta = (A - q * M) / den;
        if (!(theta > EPS && theta < 1 - EPS)) continue;
        const sigma = new Array<number>(n).fill(0);
        for (const i of top) sigma[i] = 1;
        for (const i of group) sigma[i] = theta;
        candidates.push({ sigma, rho: level, q });
      }
    }
    // (b) The whole group joins: types down to this group threaten, the rest do not.
    top = [...top, ...group];
    const q = credMass(top) / mass(top);
    const { low, high } = resistanceRange(challenger, q);
    const dHigh = Math.min(1, level);
    const dLow = g + 1 < levels.length ? levels[g + 1]! : 0;
    const lo = Math.max(low, dLow);
    const hi = Math.min(high, dHigh);
    if (lo <= hi + EPS) {
      const sigma = new Array<number>(n).fill(0);
      for (const i of top) sigma[i] = 1;
      candidates.push({ sigma, rho: Math.min(lo, hi), q });
    }
  }

  let chosen = selectEquilibrium(candidates);
  if (chosen === undefined) {
    // No threat on path; D1 belief: the threat comes from the highest-ρ̂ group.
    const first = groups[0] ?? [];
    const q = credMass(first) / mass(first);
    chosen = { sigma: new Array<number>(n).fill(0), rho: resistanceRange(challenger, q).low, q };
  }
  return describe(input, chosen, credible, thresholds, groups[0] ?? []);
}

function describe(
  input: AudienceCostInput,
  eq: Candidate,
  credible: readonly boolean[],
  thresholds: readonly number[],
  firstGroup: readonly number[],
): AudienceCostEquilibrium {
  const { defender, challenger } = input;
  const { sigma, rho, q } = eq;
  const threat = defender.reduce((s, t, i) => s + t.prior * sigma[i]!, 0);
  const posterior =
    threat > 0
      ? defender.map((t, i) => (t.prior * sigma[i]!) / threat)
      : defender.map(
          (t, i) =>
            (firstGroup.includes(i) ? t.prior : 0) / firstGroup.reduce((s, k) => s + defender[k]!.prior, 0),
        );
  const bluffs = sigma.map((s, i) => s > 0 && !credible[i]);
  const war = defender.reduce((s, t, i) => s + (credible[i] ? t.prior * sigma[i]! * rho : 0), 0);
  const backDown = defender.reduce((s, t, i) => s + (credible[i] ? 0 : t.prior * sigma[i]! * rho), 0);
  const positive = defender.map((t, i) => (t.prior > 0 ? sigma[i]! : 1));
  const kind: EquilibriumKind =
    threat === 0
      ? 'no-threat'
      : positive.every((s) => s === 1)
        ? 'pooling'
        : sigma.every((s) => s === 0 || s === 1)
          ? 'separating'
          : 'semi-separating';
  return {
    kind,
    threatens: sigma,
    credible,
    bluffs,
    thresholds,
    posterior,
    posteriorCredible: q,
    challengerResists: challengerMix(challenger, q, rho),
    resist: rho,
    onlyCredibleThreaten: !bluffs.some((b) => b),
    probabilities: { threat, war, backDown, challengerConcedes: threat * (1 - rho) },
  };
}
