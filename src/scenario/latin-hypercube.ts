// Latin hypercube sampling (McKay, Beckman & Conover 1979, "A comparison of three methods for
// selecting values of input variables in the analysis of output from a computer code",
// Technometrics 21(2)): in a design of N draws, each parameter's range is cut into N strata of equal
// probability and every stratum is used by exactly one draw, the strata of different parameters
// paired at random.
//
// The pairing is a pseudo-random permutation π_p of [0, N) per parameter, keyed by (seed, name)
// and evaluated at a single point in O(1) memory: a keyed Feistel network (Luby & Rackoff 1988) on
// the next power of two, restricted to [0, N) by cycle-walking (Black & Rogaway 2002, "Ciphers with
// arbitrary finite domains"). Any draw of the design can thus be made on its own, so a design of
// 10^6 draws sharded across processes or machines needs no shared state. The position inside a
// stratum comes from the parameter's own stream for that draw (streams.ts) under key `lhs:<name>`,
// distinct from the key of plain draws, which LHS designs therefore leave unchanged.
import { type Distribution, quantile, uniformOpen } from './distributions.js';
import { fmix, streamFor } from './streams.js';

/** Feistel rounds: Luby & Rackoff need 3 (4 against chosen inverses); 6 leave a margin for the small halves. */
const ROUNDS = 6;
/** Largest design: indices stay in 31 bits, where the 32-bit integer arithmetic is exact. */
export const MAX_DESIGN = 2 ** 31;

/** FNV-1a over the key's UTF-16 code units, seeded, then finalised. */
function hashKey(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return fmix(h ^ key.length);
}

function seed32(seed: number): number {
  return Number.isSafeInteger(seed) ? (seed % 0x100000000) >>> 0 : hashKey(0, String(seed));
}

/** A random-access pseudo-random permutation of [0, size). */
export interface KeyedPermutation {
  readonly size: number;
  /** π(i) for 0 ≤ i < size. */
  at(i: number): number;
}

/**
 * The permutation of [0, n) keyed by (seed, key): an alternating (unbalanced when the bit count is
 * odd) Feistel network on m = ⌈log2 n⌉ bits, each round xor-ing one half with a keyed hash of the
 * other, so every round and hence the network is a bijection of [0, 2^m); values ≥ n are walked
 * through the network again until they land in [0, n), which keeps it a bijection of [0, n).
 * Expected walks per call are below 2^m / n < 2.
 */
export function keyedPermutation(seed: number, key: string, n: number): KeyedPermutation {
  if (!Number.isInteger(n) || n < 1 || n > MAX_DESIGN)
    throw new RangeError(`a permutation needs 1 ≤ n ≤ 2^31 elements, not ${n}`);
  let m = 0;
  while (2 ** m < n) m++;
  const loBits = m >>> 1;
  const hiBits = m - loBits;
  const loMask = loBits === 0 ? 0 : (2 ** loBits - 1) >>> 0;
  const hiMask = hiBits === 0 ? 0 : (2 ** hiBits - 1) >>> 0;
  const keys = new Uint32Array(ROUNDS);
  let k = hashKey(seed32(seed), key);
  for (let r = 0; r < ROUNDS; r++) {
    k = fmix((k + 0x9e3779b9) | 0);
    keys[r] = k;
  }
  const round = (r: number, v: number) => fmix(Math.imul(v ^ keys[r]!, 0x9e3779b1) + keys[r]!);
  const encrypt = (x: number): number => {
    let hi = x >>> loBits;
    let lo = loBits === 0 ? 0 : x & loMask;
    for (let r = 0; r < ROUNDS; r++) {
      if (r % 2 === 0) hi = (hi ^ round(r, lo)) & hiMask;
      else lo = (lo ^ round(r, hi)) & loMask;
    }
    // hi < 2^hiBits ≤ 2^16, so the shift stays in the positive 31-bit range.
    return hi * 2 ** loBits + lo;
  };
  return {
    size: n,
    at(i: number): number {
      if (!Number.isInteger(i) || i < 0 || i >= n) throw new RangeError(`index ${i} is outside [0, ${n})`);
      let x = encrypt(i);
      while (x >= n) x = encrypt(x);
      return x;
    },
  };
}

/** The stream key of parameter `name` in LHS designs. */
export function lhsKey(name: string): string {
  return `lhs:${name}`;
}

/**
 * The point in (0, 1) of parameter `name` in draw `draw` of an N = `total` design: its stratum
 * π(draw) plus a uniform position inside it, over N.
 */
export function lhsUnit(seed: number, name: string, draw: number, total: number): number {
  const stratum = keyedPermutation(seed, lhsKey(name), total).at(draw);
  const jitter = uniformOpen(streamFor(seed, lhsKey(name), draw));
  return (stratum + jitter) / total;
}

/**
 * Values of model.params (same order; a scenario Model will do) in draw `draw` (0 ≤ draw < total) of a Latin hypercube
 * design of `total` draws under `seed`: each parameter's quantile at its lhsUnit point.
 */
export function lhsParameters(
  model: { readonly params: readonly { readonly name: string; readonly dist: Distribution }[] },
  seed: number,
  draw: number,
  total: number,
): Float64Array {
  if (!Number.isInteger(draw) || draw < 0 || draw >= total)
    throw new RangeError(`draw ${draw} is outside the design's [0, ${total})`);
  return Float64Array.from(model.params, (p) => quantile(p.dist, lhsUnit(seed, p.name, draw, total)));
}
