// The pool's result must not depend on the number of workers or on the chunking: the records of
// draws computed in worker threads equal those computed in this thread, bit for bit.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkRange, runDrawsPooled, workerFile } from './draw-pool.js';
import type { DrawJob } from './draw-task.js';
import { shardToJson } from './shard.js';

const FILE = join(import.meta.dirname, '../../scenarios/us-iran-2026.yaml');

describe('chunkRange', () => {
  it('covers the range in order with chunks of at most 64 draws', () => {
    for (const [from, to, w] of [
      [0, 1, 2],
      [3, 20, 2],
      [0, 10_000, 2],
      [5, 6, 8],
    ] as const) {
      const chunks = chunkRange(from, to, w);
      expect(chunks[0]![0]).toBe(from);
      expect(chunks.at(-1)![1]).toBe(to);
      for (let i = 1; i < chunks.length; i++) expect(chunks[i]![0]).toBe(chunks[i - 1]![1]);
      for (const [a, b] of chunks) expect(b - a).toBeGreaterThanOrEqual(1);
      for (const [a, b] of chunks) expect(b - a).toBeLessThanOrEqual(64);
    }
    expect(chunkRange(0, 10_000, 2)).toHaveLength(157);
  });
});

// The worker runs the built module (dist), which `npm test` builds first.
describe.skipIf(!existsSync(workerFile()))('runDrawsPooled', () => {
  const job: DrawJob = {
    scenarioText: readFileSync(FILE, 'utf8'),
    scenarioFile: FILE,
    settings: { seed: 7, lambda: 10, total: 3 },
  };
  const asText = (records: Awaited<ReturnType<typeof runDrawsPooled>>) =>
    shardToJson({
      format: 'brink-shard',
      formatVersion: 1,
      run: {} as never,
      shard: {} as never,
      records,
    });

  it('gives the same records on 1 and 2 workers, in draw order', { timeout: 120_000 }, async () => {
    const progress: number[] = [];
    const one = await runDrawsPooled(job, { from: 0, to: 3 }, { workers: 1 });
    const two = await runDrawsPooled(
      job,
      { from: 0, to: 3 },
      { workers: 2, onProgress: (d) => progress.push(d) },
    );
    expect(two.map((r) => r.draw)).toEqual([0, 1, 2]);
    expect(asText(two)).toBe(asText(one));
    expect(progress.at(-1)).toBe(3);
    // A draw does not depend on the range it was computed in.
    const last = await runDrawsPooled(job, { from: 2, to: 3 }, { workers: 1 });
    expect(asText(last)).toBe(asText(one.slice(2)));
  });
});
