import { describe, expect, it } from 'vitest';
import type { DrawRecord } from './run-draws.js';
import {
  SHARD_FORMAT,
  SHARD_FORMAT_VERSION,
  type Shard,
  ShardError,
  mergeShards,
  parseShardSpec,
  sha256,
  shardFromJson,
  shardRange,
  shardToJson,
} from './shard.js';

const TEXT = 'id: x\n';
const RUN = {
  version: '0.1.0',
  scenarioFile: 'x.yaml',
  scenarioLabel: 'x.yaml',
  scenarioHash: sha256(TEXT),
  scenarioText: TEXT,
  seed: 1,
  lambda: 10,
  draws: 5,
  sampling: 'random',
};

function fakeRecord(draw: number): DrawRecord {
  return {
    draw,
    params: { a: draw / 3 },
    policies: {},
    solver: {},
    detail: { q3: { sequences: new Map([['b', [draw, Number.NaN]]]), paths: new Map() } },
  } as unknown as DrawRecord;
}

function shardOf(index: number, count: number, run = RUN): Shard {
  const range = shardRange({ index, count }, run.draws);
  const records = [];
  for (let d = range.from; d < range.to; d++) records.push(fakeRecord(d));
  return {
    format: SHARD_FORMAT,
    formatVersion: SHARD_FORMAT_VERSION,
    run,
    shard: { index, count, ...range },
    records,
  };
}

describe('shard specs and ranges', () => {
  it('parses k/n and refuses the rest', () => {
    expect(parseShardSpec('3/16')).toEqual({ index: 3, count: 16 });
    expect(parseShardSpec(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '3', 'a/b', '-1/2', '1/0'])
      expect(() => parseShardSpec(bad)).toThrow(ShardError);
  });

  it('cuts the draws into contiguous blocks that cover each draw once', () => {
    for (const [draws, count] of [
      [10, 3],
      [7, 7],
      [1_000_000, 16],
      [5, 2],
    ] as const) {
      let next = 0;
      for (let k = 1; k <= count; k++) {
        const r = shardRange({ index: k, count }, draws);
        expect(r.from).toBe(next);
        expect(r.to - r.from).toBeGreaterThanOrEqual(Math.floor(draws / count));
        expect(r.to - r.from).toBeLessThanOrEqual(Math.ceil(draws / count));
        next = r.to;
      }
      expect(next).toBe(draws);
    }
    expect(shardRange({ index: 3, count: 16 }, 1_000_000)).toEqual({ from: 125_000, to: 187_500 });
  });
});

describe('shard files', () => {
  it('round-trips NaN, ±Infinity, −0 and Maps exactly', () => {
    const s = shardOf(1, 1);
    (s.records[0]!.params as Record<string, number>).z = -0;
    (s.records[1]!.params as Record<string, number>).inf = Number.NEGATIVE_INFINITY;
    const back = shardFromJson(shardToJson(s), 'p.json');
    expect(Object.is(back.records[0]!.params.z, -0)).toBe(true);
    expect(back.records[1]!.params.inf).toBe(Number.NEGATIVE_INFINITY);
    const seq = back.records[2]!.detail!.q3.sequences;
    expect(seq).toBeInstanceOf(Map);
    expect(seq.get('b')![0]).toBe(2);
    expect(seq.get('b')![1]).toBeNaN();
    expect(back.records[1]!.params.a).toBe(1 / 3);
  });

  it('refuses files that are not shards, edited scenario text, and missing records, naming the field', () => {
    expect(() => shardFromJson('{', 'p.json')).toThrow(/p\.json: not a shard file/);
    expect(() => shardFromJson('{"format":"x"}', 'p.json')).toThrow(/field 'format'/);
    const edited = JSON.parse(shardToJson(shardOf(1, 1)));
    edited.run.scenarioText += '# changed\n';
    expect(() => shardFromJson(JSON.stringify(edited), 'p.json')).toThrow(/run\.scenarioHash/);
    const short = JSON.parse(shardToJson(shardOf(1, 2)));
    short.records.pop();
    expect(() => shardFromJson(JSON.stringify(short), 'q.json')).toThrow(/q\.json: field 'records'/);
  });
});

describe('mergeShards', () => {
  const parts = [1, 2, 3].map((k) => ({ file: `p${k}.json`, shard: shardOf(k, 3) }));

  it('puts the records back in draw order whatever the order of the files', () => {
    const merged = mergeShards([parts[2]!, parts[0]!, parts[1]!]);
    expect(merged.records.map((r) => r.draw)).toEqual([0, 1, 2, 3, 4]);
    expect(merged.run).toEqual(RUN);
  });

  it('refuses gaps, overlaps and shards of different runs', () => {
    expect(() => mergeShards([parts[0]!, parts[2]!])).toThrow(/draws 1–2 are missing/);
    expect(() => mergeShards([parts[0]!, parts[1]!])).toThrow(/draws 3–4 are missing/);
    expect(() => mergeShards([parts[0]!, parts[0]!, parts[1]!, parts[2]!])).toThrow(/overlap/);
    const other = { file: 'o.json', shard: shardOf(2, 3, { ...RUN, seed: 2 }) };
    expect(() => mergeShards([parts[0]!, other, parts[2]!])).toThrow(/o\.json: run\.seed differs/);
    expect(() => mergeShards([])).toThrow(/no shard files/);
  });
});
