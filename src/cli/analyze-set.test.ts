// `brink analyze --set name=value`: a what-if that holds parameters at values; every other parameter
// keeps its draws (common random numbers), the report states what was held, and a saved run reruns.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { brink } from '../../test/support/brink-cli.js';

function csvRows(text: string): Record<string, string>[] {
  const [head, ...rows] = text.trim().split('\n');
  const cols = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [cols[i]!, v])));
}

describe('brink analyze --set', () => {
  test('holds the parameter in every draw and game; the other parameters keep their draws', () => {
    const base = brink('analyze', '--draws', '2', '--format', 'csv', '--no-save', '-q');
    const what = brink(
      'analyze',
      '--draws',
      '2',
      '--set',
      'us_durability=0.9',
      '--format',
      'csv',
      '--no-save',
      '-q',
    );
    expect(what.code).toBe(0);
    const a = csvRows(base.out);
    const b = csvRows(what.out);
    expect(b).toHaveLength(a.length);
    b.forEach((row, i) => {
      expect(row['param.us_durability']).toBe('0.9');
      for (const [k, v] of Object.entries(row))
        if (k.startsWith('param.') && k !== 'param.us_durability') expect(v, k).toBe(a[i]![k]);
    });
  }, 120_000);

  test('states the values held in the report and its data; a saved run reruns identically', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'brink-set-')), 'brink.db');
    const r = brink(
      'analyze',
      '--draws',
      '1',
      '--set',
      'iran_term_discount=0.7',
      '--format',
      'json',
      '--db',
      db,
      '-q',
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.provenance['held fixed (--set)']).toBe('iran_term_discount = 0.7');
    expect(doc.data.fixed).toEqual({ iran_term_discount: 0.7 });
    const again = brink('runs', 'rerun', 'latest', '--db', db, '--quiet');
    expect(again.out).toContain('identical');
    expect(again.code).toBe(0);
  }, 120_000);

  test('refuses an unknown parameter, a malformed assignment, and --set with --shard', () => {
    const unknown = brink('analyze', '--draws', '1', '--set', 'us_durabilty=0.5', '--no-save', '-q');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/'us_durabilty' is not a parameter \(did you mean 'us_durability'\?\)/);
    const bad = brink('analyze', '--draws', '1', '--set', 'us_durability', '--no-save', '-q');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe("brink: --set us_durability: expected name=value, got 'us_durability'\n");
    const shard = brink(
      'analyze',
      '--draws',
      '2',
      '--set',
      'us_durability=0.5',
      '--shard',
      '1/2',
      '-o',
      '/tmp/x.json',
    );
    expect(shard.code).toBe(2);
    expect(shard.err).toMatch(/--set cannot be used with --shard/);
  });
});
