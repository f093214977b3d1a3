// The run of a synthetic shard, shared by the shard tests: a tiny scenario text and its hash.
import { type ShardRun, sha256 } from '../../src/analysis/shard.js';

export const SHARD_TEXT = 'id: x\n';

export function shardRun(draws: number): ShardRun {
  return {
    version: '0.1.0',
    scenarioFile: 'x.yaml',
    scenarioLabel: 'x.yaml',
    scenarioHash: sha256(SHARD_TEXT),
    scenarioText: SHARD_TEXT,
    seed: 1,
    lambda: 10,
    draws,
    sampling: 'random',
  };
}
