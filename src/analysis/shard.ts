// Sharded Monte Carlo: `brink analyze --shard k/n` computes the contiguous block k of n of the draw
// numbers and writes the block's per-draw records with everything needed to check and merge them;
// `brink merge` puts the blocks back in draw order and aggregates them exactly as one run would,
// so a sweep can be spread over any job runner and still give the same bytes.
import { createHash } from 'node:crypto';
import type { DrawRecord } from './run-draws.js';

export const SHARD_FORMAT = 'brink-shard';
export const SHARD_FORMAT_VERSION = 1;

export interface ShardSpec {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** The run a shard belongs to: every field must agree across the shards of one merge. */
export interface ShardRun {
  readonly version: string;
  readonly scenarioFile: string;
  readonly scenarioLabel: string;
  readonly scenarioHash: string;
  readonly scenarioText: string;
  readonly seed: number;
  readonly lambda: number;
  /** Draws of the whole run. */
  readonly draws: number;
  readonly sampling: string;
}

export interface Shard {
  readonly format: typeof SHARD_FORMAT;
  readonly formatVersion: number;
  readonly run: ShardRun;
  readonly shard: ShardSpec & { readonly from: number; readonly to: number };
  readonly records: DrawRecord[];
}

export class ShardError extends Error {
  override name = 'ShardError';
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** "3/16" → {index 3, count 16}; throws ShardError. */
export function parseShardSpec(text: string): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    throw new ShardError(`--shard ${text}: expected k/n with 1 ≤ k ≤ n, e.g. 3/16`);
  }
  return { index, count };
}

/** Draw numbers [from, to) of shard k of n over `draws` draws: contiguous blocks of near-equal size. */
export function shardRange(spec: ShardSpec, draws: number): { from: number; to: number } {
  return {
    from: Math.floor(((spec.index - 1) * draws) / spec.count),
    to: Math.floor((spec.index * draws) / spec.count),
  };
}

/**
 * JSON cannot hold NaN, ±Infinity or −0, which the records contain: they travel as strings. Maps
 * (path tables) travel as {"$map": entries}, in insertion order, so iteration order survives.
 */
function encodeValue(_key: string, v: unknown): unknown {
  if (v instanceof Map) return { $map: [...v.entries()] };
  if (typeof v !== 'number') return v;
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return 'Infinity';
  if (v === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (Object.is(v, -0)) return '-0';
  return v;
}

const SPECIAL: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
  '-0': -0,
};

function decodeValue(_key: string, v: unknown): unknown {
  if (typeof v === 'string' && v in SPECIAL) return SPECIAL[v];
  if (isRecord(v) && Array.isArray(v.$map) && Object.keys(v).length === 1) return new Map(v.$map);
  return v;
}

export function shardToJson(shard: Shard): string {
  return `${JSON.stringify(shard, encodeValue)}\n`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses and checks one shard file's text; errors name the file and the field. */
export function shardFromJson(text: string, file: string): Shard {
  let raw: unknown;
  try {
    raw = JSON.parse(text, decodeValue);
  } catch (e) {
    throw new ShardError(`${file}: not a shard file (invalid JSON: ${(e as Error).message})`);
  }
  const fail = (field: string, expected: string): never => {
    throw new ShardError(`${file}: field '${field}': expected ${expected}`);
  };
  if (!isRecord(raw) || raw.format !== SHARD_FORMAT)
    fail('format', `"${SHARD_FORMAT}" (written by brink analyze --shard)`);
  const r = raw as Record<string, unknown>;
  if (r.formatVersion !== SHARD_FORMAT_VERSION) fail('formatVersion', String(SHARD_FORMAT_VERSION));
  const run = r.run;
  if (!isRecord(run)) return fail('run', 'an object');
  for (const k of ['version', 'scenarioFile', 'scenarioLabel', 'scenarioHash', 'scenarioText', 'sampling'])
    if (typeof run[k] !== 'string') fail(`run.${k}`, 'a string');
  for (const k of ['seed', 'lambda', 'draws']) if (typeof run[k] !== 'number') fail(`run.${k}`, 'a number');
  if (sha256(run.scenarioText as string) !== run.scenarioHash)
    fail('run.scenarioHash', 'the SHA-256 of run.scenarioText (the file was edited)');
  const shard = r.shard;
  if (!isRecord(shard)) return fail('shard', 'an object');
  for (const k of ['index', 'count', 'from', 'to'])
    if (!Number.isSafeInteger(shard[k])) fail(`shard.${k}`, 'a whole number');
  const records = r.records;
  if (!Array.isArray(records)) return fail('records', 'an array');
  const from = shard.from as number;
  const to = shard.to as number;
  if (records.length !== to - from) fail('records', `${to - from} draw records (shard.from to shard.to)`);
  records.forEach((rec, i) => {
    if (!isRecord(rec) || rec.draw !== from + i) fail(`records[${i}].draw`, String(from + i));
  });
  return raw as Shard;
}

function sameRun(a: ShardRun, b: ShardRun): keyof ShardRun | undefined {
  for (const k of Object.keys(a) as (keyof ShardRun)[]) if (a[k] !== b[k]) return k;
  return undefined;
}

/** The shards of one run, checked to agree and to cover every draw exactly once, in draw order. */
export function mergeShards(shards: readonly { file: string; shard: Shard }[]): {
  run: ShardRun;
  records: DrawRecord[];
} {
  if (shards.length === 0) throw new ShardError('merge: no shard files given');
  const first = shards[0]!;
  for (const s of shards.slice(1)) {
    const k = sameRun(first.shard.run, s.shard.run);
    if (k) {
      throw new ShardError(
        `${s.file}: run.${k} differs from ${first.file} (${JSON.stringify(s.shard.run[k]).slice(0, 60)} vs ${JSON.stringify(first.shard.run[k]).slice(0, 60)}): shards of different runs cannot be merged`,
      );
    }
  }
  const sorted = [...shards].sort((a, b) => a.shard.shard.from - b.shard.shard.from);
  let next = 0;
  for (const s of sorted) {
    const { from, to } = s.shard.shard;
    if (from < next) throw new ShardError(`${s.file}: draws ${from}–${to - 1} overlap another shard`);
    if (from > next)
      throw new ShardError(`merge: draws ${next}–${from - 1} are missing (no shard covers them)`);
    next = to;
  }
  const draws = first.shard.run.draws;
  if (next !== draws)
    throw new ShardError(`merge: draws ${next}–${draws - 1} are missing (no shard covers them)`);
  return { run: first.shard.run, records: sorted.flatMap((s) => s.shard.records) };
}
