// `brink sensitivity`: option checks in-process, and end-to-end runs of the built command (npm
// test builds it first) on a one-decision game whose threshold is known (test/fixtures).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, ROOT, brink } from '../../test/support/brink-cli.js';
import { UsageError } from './errors.js';
import { parseRange, parseSobolN, sensitivityCommand, sensitivityReport } from './sensitivity-command.js';

const TINY = join(ROOT, 'test/fixtures/sensitivity-tiny.yaml');

describe('brink sensitivity options', () => {
  test('Sobol size, range and option pairs are checked with a clear message', async () => {
    expect(parseSobolN(undefined)).toBe(64);
    expect(parseSobolN('0')).toBe(0);
    expect(parseSobolN('8')).toBe(8);
    expect(() => parseSobolN('1')).toThrow('need at least 2 rows');
    expect(() => parseSobolN('x')).toThrow(UsageError);
    expect(parseRange('0.1, 0.9')).toEqual([0.1, 0.9]);
    expect(() => parseRange('0.9,0.1')).toThrow('--range 0.9,0.1: expected two numbers LO,HI with LO < HI');
    expect(() => parseRange('1')).toThrow(UsageError);
    await expect(sensitivityReport(TINY, { factors: 'a', top: '1' })).rejects.toThrow(
      'give one or the other',
    );
    await expect(sensitivityReport(TINY, { threshold: 'a' })).rejects.toThrow(
      '--threshold and --stage go together',
    );
    await expect(sensitivityReport(TINY, { range: '0,1' })).rejects.toThrow('--range: only with --threshold');
    await expect(sensitivityReport(TINY, { factors: 'a,fixed' })).rejects.toThrow(
      "--factors: parameter 'fixed' has a single value",
    );
    await expect(sensitivityReport(TINY, { threshold: 'fixed', stage: 'move' })).rejects.toThrow(
      'give the interval to scan',
    );
    await expect(
      sensitivityReport(join(ROOT, 'scenarios/examples/chicken.yaml'), { quiet: true }),
    ).rejects.toThrow('only --threshold PARAM --stage STAGE works on it');
  });

  test(
    'the JSON report carries the results; one worker and two give the same bytes',
    { timeout: 60_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'brink-sensitivity-'));
      try {
        const opts = { sobolN: '8', threshold: 'a', stage: 'move', format: 'json', quiet: true };
        await sensitivityCommand(TINY, { ...opts, workers: '1', out: join(dir, 'one.json') });
        const text = readFileSync(join(dir, 'one.json'), 'utf8');
        const report = JSON.parse(text);
        expect(report.sections.map((s: { id: string }) => s.id)).toEqual([
          'sensitivity-tornado',
          'sensitivity-sobol',
          'sensitivity-thresholds',
        ]);
        expect(report.provenance['model runs']).toBe(5 + 8 * 4 + report.data.thresholds[0].evaluations);
        expect(report.data.sobol.factors).toEqual(['a', 'p']);
        expect(Math.abs(report.data.thresholds[0].flips[0].at - 0.5)).toBeLessThan(1e-6);
        if (existsSync(join(ROOT, 'dist/src/analysis/sensitivity/point-worker.js'))) {
          await sensitivityCommand(TINY, { ...opts, workers: '2', out: join(dir, 'two.json') });
          expect(readFileSync(join(dir, 'two.json'), 'utf8')).toBe(text);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe.skipIf(!existsSync(BIN))('brink sensitivity, end to end', () => {
  test('a small run prints the tornado, the Sobol indices and the threshold', { timeout: 60_000 }, () => {
    const r = brink(
      'sensitivity',
      TINY,
      '--top',
      '2',
      '--sobol-n',
      '8',
      '--threshold',
      'a',
      '--stage',
      'move',
      '-q',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('1. One-at-a-time sensitivity (tornado)');
    expect(r.out).toContain('2. Variance-based sensitivity (Sobol indices)');
    expect(r.out).toContain('3. Flip thresholds');
    expect(r.out).toContain('For move, the modal option switches from fight to talk at a = 0.5.');
    expect(r.out).toContain('P(deal): one-at-a-time swings (probability), base 50.0%');
  });

  test('an unknown --threshold parameter or --stage exits 2 with a suggestion', () => {
    const bad = brink('sensitivity', '--threshold', 'p_leek', '--stage', 'us_open', '-q');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe("brink: --threshold: no parameter 'p_leek' (did you mean 'p_leak'?)\n");
    expect(bad.out).toBe('');
    const stage = brink('sensitivity', '--threshold', 'p_leak', '--stage', 'us_opne', '-q');
    expect(stage.code).toBe(2);
    expect(stage.err).toBe("brink: --stage: no stage or type 'us_opne' (did you mean 'us_open'?)\n");
  });
});
