// The streamed draws are the pooled draws: same records, same order, whatever the workers, with
// more chunks than are submitted at once so that the window moves.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerFile } from './draw-pool.js';
import { streamDrawsPooled } from './draw-stream.js';
import type { DrawJob } from './draw-task.js';
import type { DrawRecord } from './run-draws.js';
import { shardRecordLine } from './shard.js';

const FILE = join(import.meta.dirname, '../../scenarios/us-iran-2026.yaml');

async function collect(blocks: AsyncIterable<DrawRecord[]>) {
  const sizes: number[] = [];
  const text: string[] = [];
  for await (const block of blocks) {
    sizes.push(block.length);
    text.push(...block.map(shardRecordLine));
  }
  return { sizes, text: text.join('') };
}

// The worker runs the built module (dist), which `npm test` builds first.
describe.skipIf(!existsSync(workerFile()))('streamDrawsPooled', () => {
  const job: DrawJob = {
    scenarioText: readFileSync(FILE, 'utf8'),
    scenarioFile: FILE,
    settings: { seed: 11, lambda: 10, total: 40 },
  };

  it('gives the records of this thread, in draw order, from 2 workers', { timeout: 300_000 }, async () => {
    const one = await collect(streamDrawsPooled(job, { from: 30, to: 35 }, { workers: 1 }));
    expect(one.sizes).toEqual([5]);
    const progress: number[] = [];
    const two = await collect(
      streamDrawsPooled(job, { from: 30, to: 35 }, { workers: 2, onProgress: (d) => progress.push(d) }),
    );
    // Five chunks of one draw, four submitted at first: the fifth only once the first was taken.
    expect(two.sizes).toEqual([1, 1, 1, 1, 1]);
    expect(progress.at(-1)).toBe(5);
    expect(two.text).toBe(one.text);
    expect(
      two.text
        .split('\n')
        .slice(0, 5)
        .map((l) => JSON.parse(l).draw),
    ).toEqual([30, 31, 32, 33, 34]);
  });
});
