import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shardRun } from '../../test/support/shard-run.js';
import { loadScenario } from '../scenario/load-file.js';
import { analysisOfRun } from './analyze.js';
import { renderJson } from './report/render-json.js';
import { type DrawRecord, runDraws } from './run-draws.js';
import {
  MAX_SHARDED_DRAWS,
  RECORD_HEAP_BYTES,
  SHARD_FORMAT,
  SHARD_FORMAT_VERSION,
  type Shard,
  ShardError,
  type ShardHead,
  checkMergeMemory,
  mergeShards,
  parseShardSpec,
  planMerge,
  shardFromJson,
  shardRange,
  shardToJson,
} from './shard.js';

const RUN = shardRun(5);

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
  it('is JSON lines: a head, one line per record, an end line', () => {
    const lines = shardToJson(shardOf(2, 2)).split('\n');
    expect(lines).toHaveLength(1 + 3 + 1 + 1);
    expect(lines.at(-1)).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual({
      format: SHARD_FORMAT,
      formatVersion: 2,
      run: RUN,
      shard: { index: 2, count: 2, from: 2, to: 5 },
    });
    expect(JSON.parse(lines[1]!).draw).toBe(2);
    expect(JSON.parse(lines[4]!)).toEqual({ end: SHARD_FORMAT, records: 3 });
  });

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
    expect(shardToJson(back)).toBe(shardToJson(s));
  });

  it('refuses files that are not shards, edited scenario text, and other versions, naming the field', () => {
    expect(() => shardFromJson('{', 'p.json')).toThrow(/p\.json: not a shard file/);
    expect(() => shardFromJson('', 'p.json')).toThrow(/p\.json: empty/);
    expect(() => shardFromJson('{"format":"x"}', 'p.json')).toThrow(/field 'format'/);
    const [head, ...rest] = shardToJson(shardOf(1, 1)).split('\n');
    const edited = JSON.parse(head!);
    edited.run.scenarioText += '# changed\n';
    expect(() => shardFromJson([JSON.stringify(edited), ...rest].join('\n'), 'p.json')).toThrow(
      /run\.scenarioHash/,
    );
    // A shard of format 1 was one JSON object with its records inside.
    const v1 = JSON.stringify({ ...JSON.parse(head!), formatVersion: 1, records: [] });
    expect(() => shardFromJson(v1, 'old.json')).toThrow(/old\.json: field 'formatVersion': expected 2/);
  });

  it('refuses a file cut short, records out of order, and miscounted ends, naming the line', () => {
    const lines = shardToJson(shardOf(1, 2)).split('\n'); // draws 0–1: head, 2 records, end, ''
    const cut = lines.slice(0, 3).join('\n');
    expect(() => shardFromJson(cut, 'q.json')).toThrow(/q\.json: cut short after 2 of 2 records/);
    expect(() => shardFromJson(lines.slice(0, 2).join('\n'), 'q.json')).toThrow(/cut short after 1 of 2/);
    const swapped = [lines[0], lines[2], lines[1], lines[3]].join('\n');
    expect(() => shardFromJson(swapped, 'q.json')).toThrow(/q\.json line 2: field 'draw': expected 0/);
    const early = [lines[0], lines[1], JSON.stringify({ end: SHARD_FORMAT, records: 1 })].join('\n');
    expect(() => shardFromJson(early, 'q.json')).toThrow(/line 3: the end line counts 1 records; expected 2/);
    const extra = [...lines.slice(0, 4), lines[1]].join('\n');
    expect(() => shardFromJson(extra, 'q.json')).toThrow(/line 5: text after the end line/);
    const broken = [lines[0], '{"draw": 0,', ...lines.slice(2)].join('\n');
    expect(() => shardFromJson(broken, 'q.json')).toThrow(/line 2: invalid JSON/);
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

  it('plans a merge of 16 shards of 10^6 draws from their heads alone', () => {
    const run = { ...RUN, draws: 1_000_000 };
    const heads = Array.from({ length: 16 }, (_, i): { file: string; head: ShardHead } => {
      const spec = { index: 16 - i, count: 16 };
      return {
        file: `part${spec.index}.json`,
        head: {
          format: SHARD_FORMAT,
          formatVersion: SHARD_FORMAT_VERSION,
          run,
          shard: { ...spec, ...shardRange(spec, run.draws) },
        },
      };
    });
    const plan = planMerge(heads);
    expect(plan.ordered.map((h) => h.file).slice(0, 3)).toEqual(['part1.json', 'part2.json', 'part3.json']);
    expect(plan.ordered[2]!.head.shard).toEqual({ index: 3, count: 16, from: 125_000, to: 187_500 });
    expect(() => planMerge(heads.filter((h) => h.file !== 'part3.json'))).toThrow(
      /draws 125000–187499 are missing/,
    );
  });
});

describe('checkMergeMemory', () => {
  it('lets through what fits in four fifths of the heap and names the heap needed beyond', () => {
    const gib = 2 ** 30;
    expect(() => checkMergeMemory(5_000, 4 * gib)).not.toThrow();
    expect(() => checkMergeMemory(MAX_SHARDED_DRAWS, 70 * gib)).not.toThrow();
    expect(() => checkMergeMemory(8_000, 4 * gib)).toThrow(
      /the run has 8000 draws; .* about 4\.5 GB, and this process's heap is limited to 4\.0 GB: run it with NODE_OPTIONS=--max-old-space-size=6144/,
    );
    // 10^6 draws: about 560 GB of records, far beyond this machine's 24 GB.
    expect(() => checkMergeMemory(1_000_000, 24 * gib)).toThrow(/about 558\.8 GB, .* limited to 24\.0 GB/);
    // The boundary: exactly four fifths of the heap.
    const limit = (1000 * RECORD_HEAP_BYTES) / 0.8;
    expect(() => checkMergeMemory(1000, limit)).not.toThrow();
    expect(() => checkMergeMemory(1001, limit)).toThrow(ShardError);
  });
});

// The records a merge aggregates are those that went through a shard file: the whole report made
// from them must be the one made from the records as computed, bit for bit (NaN, −0, Maps, order).
describe('records through a shard file', () => {
  it('give the same report as the records computed in this process', { timeout: 120_000 }, () => {
    const model = loadScenario(join(import.meta.dirname, '../../scenarios/us-iran-2026.yaml'));
    const run = runDraws(model, { seed: 3, draws: 2, lambda: model.spec.defaults.lambda });
    const shard = { ...shardOf(1, 1, { ...RUN, draws: 2 }), records: run.records };
    const back = shardFromJson(shardToJson(shard), 'p.json').records;
    expect(back).not.toBe(run.records);
    const report = (records: DrawRecord[]) => {
      const a = analysisOfRun({ ...run, records }, { scenarioLabel: 'x', version: 'v' });
      return renderJson({ ...a.doc, data: a.results });
    };
    const direct = report(run.records);
    expect(direct.length).toBeGreaterThan(100_000);
    expect(report(back)).toBe(direct);
  });
});
