// `brink compare` end to end through the built command (npm test builds it first), and its options.
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { brink } from '../../test/support/brink-cli.js';
import { compareModel } from '../analysis/compare.js';
import { workerFile } from '../analysis/draw-pool.js';
import { quantileSorted } from '../analysis/stats.js';
import { readScenario } from './analyze-command.js';
import { compareRun, parseCompareFormat, parseLambda } from './compare-command.js';
import { UsageError } from './errors.js';

interface Figure {
  mean: number;
  low: number;
  high: number;
  n: number;
  positive?: number;
}

describe('brink compare options', () => {
  test('format and λ are checked with a clear message', () => {
    expect(parseCompareFormat(undefined)).toBe('text');
    expect(parseCompareFormat('csv')).toBe('csv');
    expect(() => parseCompareFormat('pdf')).toThrow(
      '--format pdf: expected one of text, md, html, json, csv',
    );
    expect(parseLambda('2.5')).toBe(2.5);
    expect(parseLambda(undefined)).toBeUndefined();
    expect(() => parseLambda('0')).toThrow(UsageError);
    expect(() => parseLambda('x')).toThrow('--lambda x: expected a number > 0');
  });
});

// The pooled comparison (worker threads run the built module, which npm test builds first).
describe.skipIf(!existsSync(workerFile()))('compareRun across workers', () => {
  test('equals the in-thread comparison, record for record', { timeout: 120_000 }, async () => {
    const scenario = readScenario(undefined);
    const policies = ['pressure-only', 'grand-bargain'];
    const pooled = await compareRun(scenario, { policies, draws: 2, seed: 3, workers: 2 });
    const inThread = compareModel(scenario.model, { policies, draws: 2, seed: 3 });
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(inThread));
    expect(pooled.plan.policies.map((p) => p.id)).toEqual(['pressure_only', 'grand_bargain']);
  });
});

describe('brink compare (built command)', () => {
  test('JSON: figures per policy, and differences that are the per-draw paired differences', () => {
    const r = brink(
      'compare',
      '--draws',
      '2',
      '--policy',
      'grand-bargain',
      '--policy',
      'pressure-only',
      '--format',
      'json',
      '-q',
    );
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.provenance).toMatchObject({
      scenario: 'scenarios/us-iran-2026.yaml',
      seed: 1,
      draws: 2,
      lambda: 10,
      policies: 'grand_bargain, pressure_only',
      reference: 'grand_bargain',
    });
    expect(report.sections.map((s: { id: string }) => s.id)).toEqual([
      'policies',
      'side-by-side',
      'differences',
    ]);
    const data = report.data;
    expect(data.reference).toBe('grand_bargain');
    expect(data.policies.map((p: { id: string }) => p.id)).toEqual(['grand_bargain', 'pressure_only']);
    expect(data.records).toHaveLength(2);
    const metrics: string[] = data.metrics.map((m: { id: string }) => m.id);
    expect(metrics.slice(0, 7)).toEqual([
      'p_regional_war',
      'p_hormuz_disruption',
      'p_deal',
      'p_strike_then_talks',
      'p_contained_exchange',
      'p_coercive_standoff',
      'p_us_struck_iran',
    ]);
    expect(metrics).toContain('us_U');
    expect(metrics).toContain('iran_C_reputation');
    expect(metrics).toContain('joint_U');
    // Common random numbers: one parameter digest per draw, whatever the policy.
    for (const rec of data.records) {
      expect(rec.solver.grand_bargain.paramDigest).toBe(rec.solver.pressure_only.paramDigest);
    }
    expect(data.records[0].solver.grand_bargain.paramDigest).not.toBe(
      data.records[1].solver.grand_bargain.paramDigest,
    );
    const [diff] = data.differences;
    expect(diff).toMatchObject({ id: 'pressure_only', reference: 'grand_bargain' });
    metrics.forEach((id, m) => {
      const perDraw: number[] = data.records.map(
        (rec: { values: Record<string, number[]> }) =>
          rec.values.pressure_only![m]! - rec.values.grand_bargain![m]!,
      );
      const sorted = [...perDraw].sort((a, b) => a - b);
      const f: Figure = diff.figures[id];
      expect(f.n).toBe(2);
      expect(f.mean).toBeCloseTo((perDraw[0]! + perDraw[1]!) / 2, 14);
      expect(f.low).toBeCloseTo(quantileSorted(sorted, 0.05), 14);
      expect(f.high).toBeCloseTo(quantileSorted(sorted, 0.95), 14);
      expect(f.positive).toBe(perDraw.filter((x) => x > 0).length / 2);
      const ref: Figure = data.policies[0].figures[id];
      expect(ref.mean).toBeCloseTo(
        (data.records[0].values.grand_bargain[m] + data.records[1].values.grand_bargain[m]) / 2,
        14,
      );
    });
    // Pressure only never fires; the grand bargain's public package is never a deal here.
    expect(data.policies[1].figures.p_us_struck_iran.mean).toBe(0);
    expect(diff.figures.p_us_struck_iran.mean).toBeLessThan(0);
    expect(diff.figures.p_us_struck_iran.positive).toBe(0);
  }, 90_000);

  test('CSV: one row per draw and policy; a single policy is compared with the baseline', () => {
    const r = brink('compare', '--draws', '1', '--policy', 'pressure-only', '--format', 'csv', '-q');
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^draw,policy,param_digest,p_regional_war,p_hormuz_disruption,p_deal,/);
    const [base, only] = lines.slice(1).map((l) => l.split(','));
    expect(base!.slice(0, 2)).toEqual(['0', 'baseline']);
    expect(only!.slice(0, 2)).toEqual(['0', 'pressure_only']);
    expect(base![2]).toMatch(/^[0-9a-f]{8}$/);
    expect(only![2]).toBe(base![2]);
    expect(only).toHaveLength(lines[0]!.split(',').length);
  }, 90_000);

  test('an unknown or missing policy is a usage error (exit 2) with a clear message', () => {
    const unknown = brink('compare', '--draws', '1', '--policy', 'grand-bargin');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("unknown policy 'grand-bargin' (did you mean 'grand_bargain'?)");
    expect(unknown.err).toContain('pressure_only');
    const none = brink('compare', '--draws', '1');
    expect(none.code).toBe(2);
    expect(none.err).toContain('--policy: give at least one policy');
  });
});
