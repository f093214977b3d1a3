// Independent, reproducible random streams: the stream of parameter `key` in draw `draw` under `seed`
// is seeded by hashing all three, so adding, removing or reordering parameters never changes the
// draws of the others, and any draw can be produced without producing the ones before it.
// The hash is MurmurHash3's 32-bit string mixing followed by SplitMix32-style finalisers.
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

function murmur32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    let k = text.charCodeAt(i);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= text.length;
  return fmix(h);
}

/** MurmurHash3's 32-bit finaliser: mixes every input bit into every output bit. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A generator for (seed, key, draw). Seeds are taken modulo 2^32. */
export function streamFor(seed: number, key: string, draw: number): RandomGenerator {
  const s = Number.isSafeInteger(seed) ? (seed % 0x100000000) >>> 0 : murmur32(String(seed), 0);
  const base = murmur32(key, s ^ Math.imul(draw | 0, 0x9e3779b9));
  const words = [0, 1, 2, 3].map((i) => fmix((base + Math.imul(i + 1, 0x9e3779b9) + (draw >>> 0)) | 0));
  // The all-zero state is a fixed point of xoroshiro.
  if (!words.some((w) => w !== 0)) words[0] = 1;
  const rng = xoroshiro128plusFromState(words.map((w) => w | 0));
  // Let the state mix before use: the first outputs of xoroshiro from nearby states are correlated.
  for (let i = 0; i < 8; i++) rng.next();
  return rng;
}
