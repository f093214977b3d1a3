// End-to-end: `brink analyze --sweep` in one go and in shards merged by `brink merge` give the
// same report byte for byte; sweep shards do not mix with full shards; options a sweep cannot
// honour are refused (the built command; npm test builds it first).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { brink } from '../../test/support/brink-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'brink-sweep-'));

describe('brink analyze --sweep and brink merge of sweep shards', () => {
  it('merged sweep shards equal the single sweep byte for byte', { timeout: 600_000 }, () => {
    const run = ['analyze', '--sweep', '--draws', '4', '--seed', '5', '-q', '--no-save'];
    const single = brink(...run, '--format', 'json', '--workers', '2');
    expect(single.err).toBe('');
    expect(single.code).toBe(0);
    const p1 = join(dir, 'sweep1.json.gz');
    const p2 = join(dir, 'sweep2.json');
    expect(brink(...run, '--shard', '1/2', '--workers', '2', '-o', p1).code).toBe(0);
    const toStdout = brink(...run, '--shard', '2/2', '--workers', '1');
    expect(toStdout.code).toBe(0);
    writeFileSync(p2, toStdout.out);
    expect(existsSync(`${p1}.partial`)).toBe(false);
    const head = JSON.parse(gunzipSync(readFileSync(p1)).toString('utf8'));
    expect(head.format).toBe('brink-sweep-shard');
    expect(head.covered).toEqual([[0, 2]]);
    expect(JSON.parse(toStdout.out).covered).toEqual([[2, 4]]);
    const merged = brink('merge', p2, p1, '--format', 'json', '-q');
    expect(merged.err).toBe('');
    expect(merged.out).toBe(single.out);
    const json = JSON.parse(single.out);
    expect(json.title).toMatch(/^Brink sweep: /);
    expect(json.data.draws).toBe(4);
    const classes = Object.entries(json.data.figures as Record<string, { mean: number; n: number }>).filter(
      ([k]) => k.startsWith('baseline.class.'),
    );
    expect(classes).toHaveLength(6);
    expect(classes.reduce((s, [, v]) => s + v.mean, 0)).toBeCloseTo(1, 12);
    expect(classes.every(([, v]) => v.n === 4)).toBe(true);
    // Text as well; and a merge refuses a missing shard.
    const text = brink(...run, '--workers', '2');
    expect(brink('merge', p1, p2, '-q').out).toBe(text.out);
    expect(text.out).toMatch(/Outcome distribution/);
    const missing = brink('merge', p1, '-q');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/draws 2–3 are missing/);

    // A full shard of the same run is not a sweep shard: refused, exit 2.
    const full = join(dir, 'full1.json');
    expect(brink('analyze', '--draws', '4', '--seed', '5', '-q', '--shard', '2/2', '-o', full).code).toBe(0);
    const mixed = brink('merge', p1, full, '-q');
    expect(mixed.code).toBe(2);
    expect(mixed.err).toMatch(/sweep1\.json\.gz is a sweep shard .* and .*full1\.json is not/);
  });

  it(
    'accepts 10⁶ draws (one shard of one draw here) and refuses what a sweep cannot do',
    { timeout: 600_000 },
    () => {
      const p = join(dir, 'million.json');
      const one = brink('analyze', '--sweep', '--draws', '1000000', '--shard', '1/1000000', '-q', '-o', p);
      expect(one.err).toBe('');
      expect(one.code).toBe(0);
      const shard = JSON.parse(readFileSync(p, 'utf8'));
      expect(shard.run.draws).toBe(1_000_000);
      expect(shard.covered).toEqual([[0, 1]]);
      const refuse = (args: string[], message: RegExp) => {
        const r = brink('analyze', '--sweep', '--draws', '2', '-q', '--no-save', ...args);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(message);
      };
      refuse(['--format', 'csv'], /--format csv cannot be used with --sweep/);
      refuse(['--sensitivity'], /--sensitivity cannot be used with --sweep/);
      refuse(['--evidence'], /--evidence cannot be used with --sweep/);
      refuse(['--set', 'nope=1'], /nope/);
      refuse(['--shard', '3/2'], /--shard 3\/2/);
      const csv = brink('merge', p, '--format', 'csv', '-q');
      expect(csv.code).toBe(2);
      expect(csv.err).toMatch(/--format csv cannot be used with sweep shards/);
    },
  );
});
