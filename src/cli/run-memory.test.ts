import { describe, expect, it } from 'vitest';
import { checkRunMemory } from './analyze-command.js';
import { UsageError } from './errors.js';

const GIB = 2 ** 30;

describe('checkRunMemory: a run without shards must fit in the heap', () => {
  it('accepts a run whose records take at most four fifths of the heap', () => {
    // 2,000 × 1.4 MB = 2.8 GB ≤ 0.8 × 4 GiB = 3.44 GB
    expect(() => checkRunMemory(2000, 4 * GIB)).not.toThrow();
  });

  it('refuses a larger one before any draw, naming the heap it needs and the shard route', () => {
    // 3,000 × 1.4 MB = 4.2 GB > 3.44 GB; 4.2e9 / 0.8 / 2^20 = 5,007 MiB → 5,120 (whole GiB)
    let error: unknown;
    try {
      checkRunMemory(3000, 4 * GIB);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain('--max-old-space-size=5120');
    expect((error as Error).message).toContain('--shard k/n');
    expect((error as Error).message).toContain('about 3.9 GB');
  });
});
