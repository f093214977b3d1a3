// Sharded Monte Carlo: `brink analyze --shard k/n` computes the contiguous block k of n of the draw
// numbers and writes the block's per-draw records with everything needed to check and merge them;
// `brink merge` puts the blocks back in draw order and aggregates them exactly as one run would,
// so a sweep can be spread over any job runner and still give the same bytes.
//
// A shard file is JSON lines (format version 2): a head line (the run and the draw range), one line
// per draw record in draw order, and an end line with the record count. Lines can be written as
// the draws come out of the workers and read back one at a time, so neither side ever holds the
// file as one string (V8 caps a string at about 512 MB, a few hundred records), and a file cut short
// by a killed job is told from a finished one by its missing end line.
import { createHash } from 'node:crypto';
import type { DrawRecord } from './run-draws.js';

export const SHARD_FORMAT = 'brink-shard';
export const SHARD_FORMAT_VERSION = 2;

/**
 * The most draws of a sharded run. `brink merge` aggregates every draw's record in one process
 * (the aggregators read all of them: percentiles and path rankings over the whole run), about
 * RECORD_HEAP_BYTES each, so 100,000 draws need a merge with about 60 GB of heap.
 */
export const MAX_SHARDED_DRAWS = 100_000;

/**
 * Heap taken by one decoded record of the bundled US–Iran scenario, measured (docs/monte-carlo.md):
 * about 28,000 numbers (the baseline's path and sequence tables are half of them) in about 0.55 MB,
 * with the repeated strings shared. Rounded up, as an estimate for the merge's memory check.
 */
export const RECORD_HEAP_BYTES = 600_000;

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

/** A shard file's head line: what it belongs to and which draws it holds. */
export interface ShardHead {
  readonly format: typeof SHARD_FORMAT;
  readonly formatVersion: number;
  readonly run: ShardRun;
  readonly shard: ShardSpec & { readonly from: number; readonly to: number };
}

export interface Shard extends ShardHead {
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

/**
 * The decoder of record lines. Strings are shared through `strings`: the path keys of the
 * baseline's tables repeat in every draw, and one copy instead of one per draw halves the memory
 * a merge needs (1.1 MB → 0.55 MB per record, measured).
 */
function decoder(strings: Map<string, string>) {
  return (_key: string, v: unknown): unknown => {
    if (typeof v === 'string') {
      if (v in SPECIAL) return SPECIAL[v];
      const known = strings.get(v);
      if (known !== undefined) return known;
      strings.set(v, v);
      return v;
    }
    if (isRecord(v) && Array.isArray(v.$map) && Object.keys(v).length === 1) return new Map(v.$map);
    return v;
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The head line of a shard file (with its LF). */
export function shardHeadLine(head: ShardHead): string {
  const { format, formatVersion, run, shard } = head;
  return `${JSON.stringify({ format, formatVersion, run, shard })}\n`;
}

/** One draw record as a line. */
export function shardRecordLine(record: DrawRecord): string {
  return `${JSON.stringify(record, encodeValue)}\n`;
}

/** The end line: a file without it was cut short. */
export function shardEndLine(records: number): string {
  return `${JSON.stringify({ end: SHARD_FORMAT, records })}\n`;
}

/** A whole shard file's text (small shards and tests; brink analyze streams the same lines). */
export function shardToJson(shard: Shard): string {
  return [
    shardHeadLine(shard),
    ...shard.records.map(shardRecordLine),
    shardEndLine(shard.records.length),
  ].join('');
}

/** Checks a head line; errors name the file and the field. */
export function parseShardHead(text: string, file: string): ShardHead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ShardError(`${file}: not a shard file (invalid JSON: ${(e as Error).message})`);
  }
  const fail = (field: string, expected: string): never => {
    throw new ShardError(`${file}: field '${field}': expected ${expected}`);
  };
  if (!isRecord(raw) || raw.format !== SHARD_FORMAT)
    fail('format', `"${SHARD_FORMAT}" (written by brink analyze --shard)`);
  const r = raw as Record<string, unknown>;
  if (r.formatVersion !== SHARD_FORMAT_VERSION)
    fail(
      'formatVersion',
      `${SHARD_FORMAT_VERSION} (this shard was written by another version of brink: compute it again)`,
    );
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
  if ((shard.from as number) < 0 || (shard.to as number) < (shard.from as number))
    fail('shard.to', 'at least shard.from ≥ 0');
  return raw as ShardHead;
}

/**
 * Reads a shard file line by line: the head, then each record in draw order (handed to
 * `onRecord`, so a caller that does not keep them reads any size in constant memory), then the
 * end line. Errors name the file, the line and the field.
 */
export class ShardReader {
  private head: ShardHead | undefined;
  private line = 0;
  private records = 0;
  private ended = false;
  private readonly revive: (key: string, v: unknown) => unknown;

  constructor(
    private readonly file: string,
    private readonly onRecord: (record: DrawRecord) => void,
    strings = new Map<string, string>(),
  ) {
    this.revive = decoder(strings);
  }

  private fail(what: string): never {
    throw new ShardError(`${this.file} line ${this.line}: ${what}`);
  }

  /** One line, without its LF. */
  push(text: string): void {
    this.line++;
    if (this.head === undefined) {
      this.head = parseShardHead(text, this.file);
      return;
    }
    if (this.ended) this.fail('text after the end line');
    let raw: unknown;
    try {
      raw = JSON.parse(text, this.revive);
    } catch (e) {
      this.fail(`invalid JSON (${(e as Error).message})`);
    }
    const { from, to } = this.head.shard;
    if (isRecord(raw) && raw.end === SHARD_FORMAT) {
      if (raw.records !== this.records || this.records !== to - from)
        this.fail(
          `the end line counts ${String(raw.records)} records; expected ${to - from} (draws ${from}–${to - 1})`,
        );
      this.ended = true;
      return;
    }
    const expected = from + this.records;
    if (expected >= to) this.fail(`more records than draws ${from}–${to - 1}`);
    if (!isRecord(raw) || raw.draw !== expected) this.fail(`field 'draw': expected ${expected}`);
    this.records++;
    this.onRecord(raw as unknown as DrawRecord);
  }

  /** The head, once every line was read; refuses an empty or cut-short file. */
  finish(): ShardHead {
    if (this.head === undefined) throw new ShardError(`${this.file}: empty (not a shard file)`);
    if (!this.ended)
      throw new ShardError(
        `${this.file}: cut short after ${this.records} of ${this.head.shard.to - this.head.shard.from} records (no end line: the job writing it did not finish)`,
      );
    return this.head;
  }
}

/** Parses and checks one shard file's whole text; errors name the file and the field. */
export function shardFromJson(text: string, file: string): Shard {
  const records: DrawRecord[] = [];
  const reader = new ShardReader(file, (r) => records.push(r));
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) reader.push(line);
  return { ...reader.finish(), records };
}

function sameRun(a: ShardRun, b: ShardRun): keyof ShardRun | undefined {
  for (const k of Object.keys(a) as (keyof ShardRun)[]) if (a[k] !== b[k]) return k;
  return undefined;
}

/** The shards of one run, checked to agree and to cover every draw exactly once, sorted in draw order. */
export function planMerge<T extends { file: string; head: ShardHead }>(
  shards: readonly T[],
): { run: ShardRun; ordered: T[] } {
  if (shards.length === 0) throw new ShardError('merge: no shard files given');
  const first = shards[0]!;
  for (const s of shards.slice(1)) {
    const k = sameRun(first.head.run, s.head.run);
    if (k) {
      throw new ShardError(
        `${s.file}: run.${k} differs from ${first.file} (${JSON.stringify(s.head.run[k]).slice(0, 60)} vs ${JSON.stringify(first.head.run[k]).slice(0, 60)}): shards of different runs cannot be merged`,
      );
    }
  }
  const ordered = [...shards].sort((a, b) => a.head.shard.from - b.head.shard.from);
  let next = 0;
  for (const s of ordered) {
    const { from, to } = s.head.shard;
    if (from < next) throw new ShardError(`${s.file}: draws ${from}–${to - 1} overlap another shard`);
    if (from > next)
      throw new ShardError(`merge: draws ${next}–${from - 1} are missing (no shard covers them)`);
    next = to;
  }
  const draws = first.head.run.draws;
  if (next !== draws)
    throw new ShardError(`merge: draws ${next}–${draws - 1} are missing (no shard covers them)`);
  return { run: first.head.run, ordered };
}

/** Shards already in memory, merged: the run and every record in draw order. */
export function mergeShards(shards: readonly { file: string; shard: Shard }[]): {
  run: ShardRun;
  records: DrawRecord[];
} {
  const { run, ordered } = planMerge(shards.map((s) => ({ ...s, head: s.shard })));
  return { run, records: ordered.flatMap((s) => s.shard.records) };
}

/**
 * Refuses a merge whose records would not fit in this process's heap (V8's limit, raised by
 * NODE_OPTIONS=--max-old-space-size), before anything is read: a clear message rather than a crash
 * after reading gigabytes. Keeps a fifth of the heap for the aggregation's own arrays.
 */
export function checkMergeMemory(draws: number, heapLimitBytes: number): void {
  const needed = draws * RECORD_HEAP_BYTES;
  if (needed <= heapLimitBytes * 0.8) return;
  const gb = (b: number) => (b / 2 ** 30).toFixed(1);
  const mb = Math.ceil(needed / 0.8 / 2 ** 20 / 1024) * 1024;
  throw new ShardError(
    `merge: the run has ${draws} draws; the merge keeps every draw's record (about ${RECORD_HEAP_BYTES / 1e6} MB each) to aggregate them exactly, about ${gb(needed)} GB, and this process's heap is limited to ${gb(heapLimitBytes)} GB: run it with NODE_OPTIONS=--max-old-space-size=${mb} on a machine with that much memory (docs/monte-carlo.md)`,
  );
}
