// End-to-end: a run cut into shards and merged gives the same report, byte for byte, as the run
// made in one go (the built command; npm test builds it first).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { brink } from '../../test/support/brink-cli.js';
import type { Analysis } from '../analysis/analyze.js';
import { drawsCsv } from '../analysis/draws-csv.js';
import type { DrawRecord } from '../analysis/run-draws.js';
import type { Model } from '../scenario/model.js';
import { mergedOutput } from './merge-command.js';

const dir = mkdtempSync(join(tmpdir(), 'brink-merge-'));

describe('brink analyze --shard and brink merge', () => {
  it('merged shards equal a single run bit for bit', { timeout: 600_000 }, () => {
    const db = join(dir, 'runs.db');
    const run = ['--draws', '6', '--seed', '5', '-q'];
    const single = brink('analyze', ...run, '--format', 'json', '--workers', '2', '--db', db);
    expect(single.err).toBe('');
    expect(single.code).toBe(0);
    // Three shards, written three ways: gzipped with workers, plain in this thread, on stdout.
    const p1 = join(dir, 'part1.json.gz');
    const p2 = join(dir, 'part2.json');
    const p3 = join(dir, 'part3.json');
    expect(brink('analyze', ...run, '--shard', '1/3', '--workers', '2', '-o', p1).code).toBe(0);
    expect(brink('analyze', ...run, '--shard', '2/3', '--workers', '1', '-o', p2).code).toBe(0);
    const toStdout = brink('analyze', ...run, '--shard', '3/3');
    expect(toStdout.code).toBe(0);
    writeFileSync(p3, toStdout.out);
    const lines = readFileSync(p2, 'utf8').split('\n');
    expect(JSON.parse(lines[0]!).shard).toEqual({ index: 2, count: 3, from: 2, to: 4 });
    expect(lines.slice(1, 3).map((l) => JSON.parse(l).draw)).toEqual([2, 3]);
    expect(JSON.parse(lines[3]!)).toEqual({ end: 'brink-shard', records: 2 });
    expect(existsSync(`${p2}.partial`)).toBe(false);
    const merged = brink('merge', p3, p1, p2, '--format', 'json', '-q', '--db', db);
    expect(merged.err).toBe('');
    expect(merged.out).toBe(single.out);
    const text = brink('analyze', ...run, '--no-save', '--workers', '2');
    expect(brink('merge', p1, p2, p3, '--no-save').out).toBe(text.out);
    // Both were saved; the merged run's results are those of the single run, and it reruns identically.
    const runs = JSON.parse(brink('runs', 'list', '--db', db, '--json').out) as {
      id: string;
      draws: number;
    }[];
    expect(runs.map((r) => r.draws)).toEqual([6, 6]);
    const diff = brink('runs', 'diff', runs[0]!.id, runs[1]!.id, '--db', db, '--json');
    expect(JSON.parse(diff.out).results.total).toBe(0);
    const rerun = brink('runs', 'rerun', 'latest', '--db', db);
    expect(rerun.out).toMatch(/identical/);
    expect(rerun.code).toBe(0);
    const md = brink('merge', p1, p2, p3, '--format', 'md', '--no-save');
    expect(md.out).toMatch(/\| draws \| 6 \|/);
    // The draws as CSV: one row per draw and game; the six outcome classes of a row sum to 1.
    const csvFile = join(dir, 'draws.csv.gz');
    expect(brink('merge', p1, p2, p3, '--format', 'csv', '--no-save', '-o', csvFile).code).toBe(0);
    const csv = gunzipSync(readFileSync(csvFile)).toString('utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(1 + 6 * 12);
    const header = csv[0]!.split(',');
    expect(header.slice(0, 3)).toEqual(['draw', 'game', 'param.p_buying_time_resolved']);
    const classes = header.flatMap((h, i) => (h.startsWith('P.') ? [i] : []));
    expect(classes).toHaveLength(6);
    for (const line of csv.slice(1)) {
      const cells = line.split(',');
      expect(classes.reduce((s, i) => s + Number(cells[i]), 0)).toBeCloseTo(1, 9);
    }
    expect(csv[1]!.startsWith('0,baseline,')).toBe(true);
    expect(csv.at(-1)!.startsWith('5,no_us_threat,')).toBe(true);

    const missing = brink('merge', p2, p3);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/draws 0–1 are missing/);
    // A shard whose job was killed midway: the end line is missing.
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, lines.slice(0, 2).join('\n'));
    const short = brink('merge', p1, cut, p3);
    expect(short.code).toBe(2);
    expect(short.err).toMatch(/cut\.json: cut short after 1 of 2 records \(no end line/);
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
    // What one process can keep: a run; the records a merge aggregates.
    const big = brink('analyze', '--draws', '20000', '-q');
    expect(big.code).toBe(2);
    expect(big.err).toMatch(/--draws 20000: .* at most 10000 draws/);
    // More draws than a merge of full records can keep: the run is a sweep, told on stderr (here
    // one shard of one draw of 10⁶, so that it runs quickly).
    const millionPath = join(dir, 'million.json');
    const wide = brink('analyze', '--draws', '1000000', '--shard', '1/1000000', '-o', millionPath);
    expect(wide.code).toBe(0);
    expect(wide.err).toMatch(/more than 100000 draws is a sweep/);
    expect(JSON.parse(readFileSync(millionPath, 'utf8')).run.draws).toBe(1_000_000);
    // A shard of 6,250 draws is streamed to its file, so its size is not limited: this one gets as
    // far as opening its file, before any draw is computed.
    const out = join(dir, 'no-such-dir', 'part1.json');
    const large = brink('analyze', '--draws', '100000', '--shard', '1/16', '-q', '-o', out);
    expect(large.code).toBe(2);
    expect(large.err).toMatch(/--out .*part1\.json: cannot write \(ENOENT\)/);
  });

  it('writes the CSV of a merge in pieces that join into the whole table', async () => {
    // drawsCsv reads the parameters, the outcome classes, the actors' payoffs U and Brent.
    const model = { params: [{ name: 'a' }], actors: ['us'] } as unknown as Model;
    const records = Array.from({ length: 2_500 }, (_, draw) => ({
      draw,
      params: { a: draw / 3 },
      policies: {
        baseline: {
          outcomes: { classes: [0.5, 0.5, 0, 0, 0, draw] },
          terms: [Array.from({ length: 12 }, (_, i) => i + draw)],
          oil: Array.from({ length: 12 }, () => 80 + draw),
        },
      },
    })) as unknown as DrawRecord[];
    const analysis = { run: { model, records } } as unknown as Analysis;
    const pieces: string[] = [];
    for await (const piece of mergedOutput(analysis, 'csv')) pieces.push(piece);
    expect(pieces).toHaveLength(3);
    expect(pieces.join('')).toBe(drawsCsv(model, records));
    expect(pieces[1]!.startsWith('1000,baseline,')).toBe(true);
  });
});
