// Probability distributions of scenario parameters: sampling from a pure-rand generator, means and,
// where cheap, quantiles. Normal variates come from the inverse CDF (Acklam's rational
// approximation, relative error < 1.2e-9), so each uses exactly one uniform; gamma variates from
// Marsaglia & Tsang (2000), "A simple method for generating gamma variables", ACM TOMS 26(3);
// beta variates as X / (X + Y) with X, Y gamma; beta quantiles numerically (beta-quantile.ts). The
// distribution function cdf() is closed-form except beta (regularized incomplete beta, beta-quantile.ts)
// and the normal family (normalCdf, fractional error < 1.2e-7).

import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { betaCdf, betaQuantile } from './beta-quantile.js';

export type Distribution =
  | { readonly dist: 'point'; readonly value: number }
  | { readonly dist: 'uniform'; readonly low: number; readonly high: number }
  | { readonly dist: 'triangular'; readonly low: number; readonly mode: number; readonly high: number }
  | {
      readonly dist: 'normal';
      readonly mean: number;
      readonly sd: number;
      readonly min?: number;
      readonly max?: number;
    }
  | {
      readonly dist: 'lognormal';
      readonly mu: number;
      readonly sigma: number;
      readonly min?: number;
      readonly max?: number;
    }
  | { readonly dist: 'beta'; readonly alpha: number; readonly beta: number }
  | { readonly dist: 'discrete'; readonly values: readonly number[]; readonly probs: readonly number[] };

const TWO53 = 2 ** 53;

/** A uniform variate strictly inside (0, 1): the midpoints of pure-rand's 2^-53 grid. */
export function uniformOpen(rng: RandomGenerator): number {
  return (uniformFloat64(rng) * TWO53 + 0.5) / TWO53;
}

// Acklam's coefficients for the inverse of the standard normal CDF.
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
];
const B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Standard normal quantile Φ⁻¹(p) for 0 < p < 1. */
export function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1)
    );
  }
  if (p > 1 - P_LOW) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
    (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1)
  );
}

/** Complementary error function; Numerical Recipes' Chebyshev fit (fractional error < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** Probability bounds (F(min), F(max)) of a normal truncated to [min, max]. */
function normalBounds(mean: number, sd: number, min?: number, max?: number): [number, number] {
  const lo = min === undefined ? 0 : normalCdf((min - mean) / sd);
  const hi = max === undefined ? 1 : normalCdf((max - mean) / sd);
  return [lo, hi];
}

function truncatedNormal(u: number, mean: number, sd: number, min?: number, max?: number): number {
  const [lo, hi] = normalBounds(mean, sd, min, max);
  const x = mean + sd * normalQuantile(lo + u * (hi - lo));
  // The CDF approximation can put x a hair outside the bounds; the bounds are the contract.
  return Math.min(max ?? x, Math.max(min ?? x, x));
}

/** Marsaglia–Tsang gamma variate with shape a > 0 and scale 1. */
export function sampleGamma(a: number, rng: RandomGenerator): number {
  if (a < 1) return sampleGamma(a + 1, rng) * uniformOpen(rng) ** (1 / a);
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalQuantile(uniformOpen(rng));
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = uniformOpen(rng);
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function triangularQuantile(p: number, low: number, mode: number, high: number): number {
  const cut = (mode - low) / (high - low);
  if (p < cut) return low + Math.sqrt(p * (high - low) * (mode - low));
  return high - Math.sqrt((1 - p) * (high - low) * (high - mode));
}

function discreteQuantile(p: number, values: readonly number[], probs: readonly number[]): number {
  let acc = 0;
  for (let i = 0; i < values.length; i++) {
    acc += probs[i]!;
    if (p < acc) return values[i]!;
  }
  return values[values.length - 1]!;
}

/** One draw from the distribution. */
export function sample(d: Distribution, rng: RandomGenerator): number {
  switch (d.dist) {
    case 'point':
      return d.value;
    case 'uniform':
      return d.low + (d.high - d.low) * uniformOpen(rng);
    case 'triangular':
      return triangularQuantile(uniformOpen(rng), d.low, d.mode, d.high);
    case 'normal':
      return truncatedNormal(uniformOpen(rng), d.mean, d.sd, d.min, d.max);
    case 'lognormal': {
      const logMin = d.min === undefined ? undefined : d.min <= 0 ? undefined : Math.log(d.min);
      const logMax = d.max === undefined ? undefined : Math.log(d.max);
      return Math.exp(truncatedNormal(uniformOpen(rng), d.mu, d.sigma, logMin, logMax));
    }
    case 'beta': {
      const x = sampleGamma(d.alpha, rng);
      const y = sampleGamma(d.beta, rng);
      return x / (x + y);
    }
    case 'discrete':
      return discreteQuantile(uniformOpen(rng), d.values, d.probs);
  }
}

/** The mean. For truncated normals and lognormals, the mean of the truncated distribution. */
export function mean(d: Distribution): number {
  switch (d.dist) {
    case 'point':
      return d.value;
    case 'uniform':
      return (d.low + d.high) / 2;
    case 'triangular':
      return (d.low + d.mode + d.high) / 3;
    case 'normal': {
      if (d.min === undefined && d.max === undefined) return d.mean;
      // E[X | a < X < b] = μ + σ (φ(α) − φ(β)) / (Φ(β) − Φ(α)).
      const phi = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
      const a = d.min === undefined ? Number.NEGATIVE_INFINITY : (d.min - d.mean) / d.sd;
      const b = d.max === undefined ? Number.POSITIVE_INFINITY : (d.max - d.mean) / d.sd;
      const [lo, hi] = normalBounds(d.mean, d.sd, d.min, d.max);
      return (
        d.mean + (d.sd * ((Number.isFinite(a) ? phi(a) : 0) - (Number.isFinite(b) ? phi(b) : 0))) / (hi - lo)
      );
    }
    case 'lognormal': {
      if (d.min === undefined && d.max === undefined) return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
      // E[e^Y; a < Y < b] for Y ~ N(μ, σ²) = e^{μ+σ²/2} (Φ(β−σ) − Φ(α−σ)), divided by the kept mass.
      const a =
        d.min === undefined || d.min <= 0 ? Number.NEGATIVE_INFINITY : (Math.log(d.min) - d.mu) / d.sigma;
      const b = d.max === undefined ? Number.POSITIVE_INFINITY : (Math.log(d.max) - d.mu) / d.sigma;
      const mass = normalCdf(b) - normalCdf(a);
      return (
        (Math.exp(d.mu + (d.sigma * d.sigma) / 2) * (normalCdf(b - d.sigma) - normalCdf(a - d.sigma))) / mass
      );
    }
    case 'beta':
      return d.alpha / (d.alpha + d.beta);
    case 'discrete':
      return d.values.reduce((s, v, i) => s + v * d.probs[i]!, 0);
  }
}

/** The variance of an untruncated distribution; undefined for truncated normals and lognormals. */
export function variance(d: Distribution): number | undefined {
  switch (d.dist) {
    case 'point':
      return 0;
    case 'uniform':
      return (d.high - d.low) ** 2 / 12;
    case 'triangular': {
      const { low: a, mode: c, high: b } = d;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'normal':
      return d.min === undefined && d.max === undefined ? d.sd * d.sd : undefined;
    case 'lognormal':
      return d.min === undefined && d.max === undefined
        ? (Math.exp(d.sigma * d.sigma) - 1) * Math.exp(2 * d.mu + d.sigma * d.sigma)
        : undefined;
    case 'beta': {
      const s = d.alpha + d.beta;
      return (d.alpha * d.beta) / (s * s * (s + 1));
    }
    case 'discrete': {
      const m = mean(d);
      return d.values.reduce((s, v, i) => s + d.probs[i]! * (v - m) ** 2, 0);
    }
  }
}

/**
 * The p-quantile (inverse distribution function) of any distribution, for 0 ≤ p ≤ 1: closed forms,
 * except beta, which inverts its incomplete beta function numerically (beta-quantile.ts).
 */
export function quantile(d: Distribution, p: number): number {
  switch (d.dist) {
    case 'point':
      return d.value;
    case 'uniform':
      return d.low + (d.high - d.low) * p;
    case 'triangular':
      return triangularQuantile(p, d.low, d.mode, d.high);
    case 'normal':
      return truncatedNormal(p, d.mean, d.sd, d.min, d.max);
    case 'lognormal': {
      const logMin = d.min === undefined || d.min <= 0 ? undefined : Math.log(d.min);
      const logMax = d.max === undefined ? undefined : Math.log(d.max);
      return Math.exp(truncatedNormal(p, d.mu, d.sigma, logMin, logMax));
    }
    case 'beta':
      return betaQuantile(p, d.alpha, d.beta);
    case 'discrete': {
      // A quantile is monotone in p: walk the values in increasing order, whatever order the file lists them in.
      const order = d.values.map((_, i) => i).sort((a, b) => d.values[a]! - d.values[b]!);
      return discreteQuantile(
        p,
        order.map((i) => d.values[i]!),
        order.map((i) => d.probs[i]!),
      );
    }
  }
}

/** The smallest and largest values the distribution can take (±Infinity when unbounded). */
export function support(d: Distribution): [number, number] {
  switch (d.dist) {
    case 'point':
      return [d.value, d.value];
    case 'uniform':
    case 'triangular':
      return [d.low, d.high];
    case 'normal':
      return [d.min ?? Number.NEGATIVE_INFINITY, d.max ?? Number.POSITIVE_INFINITY];
    case 'lognormal':
      return [Math.max(0, d.min ?? 0), d.max ?? Number.POSITIVE_INFINITY];
    case 'beta':
      return [0, 1];
    case 'discrete':
      return [Math.min(...d.values), Math.max(...d.values)];
  }
}

/** P(X ≤ x) of a normal truncated to [min, max] (untruncated when both are absent). */
function truncatedNormalCdf(x: number, mean: number, sd: number, min?: number, max?: number): number {
  if (min !== undefined && x < min) return 0;
  if (max !== undefined && x >= max) return 1;
  const [lo, hi] = normalBounds(mean, sd, min, max);
  const f = (normalCdf((x - mean) / sd) - lo) / (hi - lo);
  return Math.min(1, Math.max(0, f));
}

function triangularCdf(x: number, low: number, mode: number, high: number): number {
  if (x <= low) return 0;
  if (x >= high) return 1;
  if (x < mode) return (x - low) ** 2 / ((high - low) * (mode - low));
  return 1 - (high - x) ** 2 / ((high - low) * (high - mode));
}

/**
 * The distribution function F(x) = P(X ≤ x) of any distribution: right-continuous, so point and
 * discrete distributions include the mass at x itself. Truncated normals and lognormals are
 * renormalised to their kept mass, with the same convention as sample() (a lognormal min ≤ 0 is no bound).
 */
export function cdf(d: Distribution, x: number): number {
  switch (d.dist) {
    case 'point':
      return x >= d.value ? 1 : 0;
    case 'uniform':
      if (x >= d.high) return 1;
      if (x < d.low) return 0;
      return (x - d.low) / (d.high - d.low);
    case 'triangular':
      return triangularCdf(x, d.low, d.mode, d.high);
    case 'normal':
      return truncatedNormalCdf(x, d.mean, d.sd, d.min, d.max);
    case 'lognormal': {
      if (x <= 0) return 0;
      const logMin = d.min === undefined || d.min <= 0 ? undefined : Math.log(d.min);
      const logMax = d.max === undefined ? undefined : Math.log(d.max);
      return truncatedNormalCdf(Math.log(x), d.mu, d.sigma, logMin, logMax);
    }
    case 'beta':
      return betaCdf(x, d.alpha, d.beta);
    case 'discrete':
      return d.values.reduce((s, v, i) => (v <= x ? s + d.probs[i]! : s), 0);
  }
}
