// End-to-end: a run cut into shards and merged gives the same report, byte for byte, as the run
// made in one go (the built command; npm test builds it first).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brink } from '../../test/support/brink-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'brink-merge-'));

describe('brink analyze --shard and brink merge', () => {
  it('merged shards equal a single run bit for bit', { timeout: 240_000 }, () => {
    const db = join(dir, 'runs.db');
    const single = brink(
      'analyze',
      '--draws',
      '3',
      '--seed',
      '5',
      '--format',
      'json',
      '-q',
      '--workers',
      '2',
      '--db',
      db,
    );
    expect(single.err).toBe('');
    expect(single.code).toBe(0);
    const p1 = join(dir, 'part1.json.gz');
    const p2 = join(dir, 'part2.json');
    expect(
      brink('analyze', '--draws', '3', '--seed', '5', '--shard', '1/2', '-q', '--workers', '1', '-o', p1)
        .code,
    ).toBe(0);
    expect(brink('analyze', '--draws', '3', '--seed', '5', '--shard', '2/2', '-q', '-o', p2).code).toBe(0);
    expect(JSON.parse(readFileSync(p2, 'utf8')).shard).toEqual({ index: 2, count: 2, from: 1, to: 3 });
    const merged = brink('merge', p2, p1, '--format', 'json', '-q', '--db', db);
    expect(merged.err).toBe('');
    expect(merged.out).toBe(single.out);
    // Both were saved; the merged run's results are those of the single run, and it reruns identically.
    const runs = JSON.parse(brink('runs', 'list', '--db', db, '--json').out) as {
      id: string;
      draws: number;
    }[];
    expect(runs.map((r) => r.draws)).toEqual([3, 3]);
    const diff = brink('runs', 'diff', runs[0]!.id, runs[1]!.id, '--db', db, '--json');
    expect(JSON.parse(diff.out).results.total).toBe(0);
    const rerun = brink('runs', 'rerun', 'latest', '--db', db);
    expect(rerun.out).toMatch(/identical/);
    expect(rerun.code).toBe(0);
    const md = brink('merge', p1, p2, '--format', 'md', '--no-save');
    expect(md.out).toMatch(/\| draws \| 3 \|/);
    // The draws as CSV: one row per draw and game; the six outcome classes of a row sum to 1.
    const csv = brink('merge', p1, p2, '--format', 'csv').out.trimEnd().split('\n');
    expect(csv).toHaveLength(1 + 3 * 12);
    const header = csv[0]!.split(',');
    expect(header.slice(0, 3)).toEqual(['draw', 'game', 'param.p_buying_time_resolved']);
    const classes = header.flatMap((h, i) => (h.startsWith('P.') ? [i] : []));
    expect(classes).toHaveLength(6);
    for (const line of csv.slice(1)) {
      const cells = line.split(',');
      expect(classes.reduce((s, i) => s + Number(cells[i]), 0)).toBeCloseTo(1, 9);
    }
    expect(csv[1]!.startsWith('0,baseline,')).toBe(true);
    expect(csv.at(-1)!.startsWith('2,no_us_threat,')).toBe(true);

    const missing = brink('merge', p2);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/draws 0–0 are missing/);
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{"format": "other"}');
    const bad = brink('merge', junk);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/junk\.json: field 'format'/);
  });

  it('refuses a malformed --shard and more shards than draws', () => {
    const r = brink('analyze', '--draws', '2', '--shard', '3/2', '-q');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--shard 3\/2: expected k\/n/);
    const many = brink('analyze', '--draws', '2', '--shard', '1/3', '-q');
    expect(many.code).toBe(2);
    expect(many.err).toMatch(/more shards than draws/);
    expect(brink('analyze', '--workers', '0').err).toMatch(/--workers 0: expected a whole number from 1/);
    // What one process can keep: a run, a shard file.
    const big = brink('analyze', '--draws', '20000', '-q');
    expect(big.code).toBe(2);
    expect(big.err).toMatch(/--draws 20000: .* at most 10000 draws/);
    const wide = brink('analyze', '--draws', '1000000', '--shard', '3/16', '-q');
    expect(wide.code).toBe(2);
    expect(wide.err).toMatch(/--shard 3\/16: this shard would hold 62500 draws; .* at least 2000 shards/);
  });
});
