import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { shardRun } from '../../test/support/shard-run.js';
import type { DrawRecord } from './run-draws.js';
import { openShardFile, readShardFile, readShardHead } from './shard-file.js';
import { SHARD_FORMAT, SHARD_FORMAT_VERSION, type ShardHead, shardRange } from './shard.js';

const dir = mkdtempSync(join(tmpdir(), 'brink-shard-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function headOf(draws: number, index: number, count: number): ShardHead {
  return {
    format: SHARD_FORMAT,
    formatVersion: SHARD_FORMAT_VERSION,
    run: shardRun(draws),
    shard: { index, count, ...shardRange({ index, count }, draws) },
  };
}

/** A small stand-in for a draw record: a few numbers and a path table, as the real ones have. */
function record(draw: number): DrawRecord {
  return {
    draw,
    params: { a: draw / 7, b: -0 },
    detail: { q3: { paths: new Map([['talk → settle', [draw * 1e-6, Number.NaN]]]) } },
  } as unknown as DrawRecord;
}

/** The records of [from, to) in blocks, made as they are asked for. */
async function* blocks(from: number, to: number, size: number) {
  for (let a = from; a < to; a += size) {
    const block = [];
    for (let d = a; d < Math.min(to, a + size); d++) block.push(record(d));
    yield block;
  }
}

describe('shard files on disk', () => {
  it('writes, gzipped or not, and reads back every record in order', async () => {
    const head = headOf(10, 2, 2);
    for (const name of ['p.json', 'p.json.gz']) {
      const path = join(dir, name);
      await openShardFile(path).write(head, blocks(5, 10, 2));
      expect(existsSync(`${path}.partial`)).toBe(false);
      const bytes = readFileSync(path);
      const text = name.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
      expect(text.split('\n')).toHaveLength(1 + 5 + 1 + 1);
      expect(await readShardHead(path)).toEqual(head);
      const back: DrawRecord[] = [];
      expect(await readShardFile(path, (r) => back.push(r))).toEqual(head);
      expect(back.map((r) => r.draw)).toEqual([5, 6, 7, 8, 9]);
      expect(back[3]!.params.a).toBe(8 / 7);
      expect(Object.is(back[3]!.params.b, -0)).toBe(true);
      expect(back[4]!.detail!.q3.paths.get('talk → settle')![1]).toBeNaN();
    }
  });

  it('fails before computing anything when the path cannot be written', () => {
    expect(() => openShardFile(join(dir, 'no-such-dir', 'p.json'))).toThrow(
      /--out .*p\.json: cannot write \(ENOENT\)/,
    );
  });

  it('leaves no file under the final name when the draws fail midway', async () => {
    const path = join(dir, 'failed.json');
    async function* failing() {
      yield [record(0)];
      throw new Error('solver failed');
    }
    await expect(openShardFile(path).write(headOf(4, 1, 1), failing())).rejects.toThrow(/solver failed/);
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.partial`)).toBe(false);
  });

  it('refuses missing files, damaged gzip and files cut short', async () => {
    await expect(readShardHead(join(dir, 'absent.json'))).rejects.toThrow(/absent\.json: no such file/);
    const path = join(dir, 'cut.json.gz');
    await openShardFile(path).write(headOf(400, 1, 1), blocks(0, 400, 100));
    const gz = readFileSync(path);
    const damaged = join(dir, 'damaged.json.gz');
    writeFileSync(damaged, gz.subarray(0, Math.floor(gz.length / 2)));
    await expect(readShardFile(damaged, () => {})).rejects.toThrow(/damaged\.json\.gz: damaged gzip data/);
    const text = gunzipSync(gz).toString('utf8');
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, text.slice(0, text.lastIndexOf('{"end"')));
    await expect(readShardFile(cut, () => {})).rejects.toThrow(
      /cut\.json: cut short after 400 of 400 records/,
    );
  });

  // Scale: a shard of 10^6 records goes through the writer and the reader one block and one line
  // at a time; the text (about 90 MB) is never one string, and the reader keeps no record.
  it('streams a shard of a million records', { timeout: 300_000 }, async () => {
    const draws = 1_000_000;
    const path = join(dir, 'million.json.gz');
    await openShardFile(path).write(headOf(draws, 1, 1), blocks(0, draws, 4096));
    expect(statSync(path).size).toBeGreaterThan(1_000_000);
    let count = 0;
    let sum = 0;
    let inOrder = true;
    await readShardFile(path, (r) => {
      if (r.draw !== count) inOrder = false;
      count++;
      sum += r.params.a!;
    });
    expect(count).toBe(draws);
    expect(inOrder).toBe(true);
    let expected = 0;
    for (let d = 0; d < draws; d++) expected += d / 7;
    expect(sum).toBe(expected);
  });
});
