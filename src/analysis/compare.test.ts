import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { ScenarioError } from '../scenario/diagnostics.js';
import { drawParameters } from '../scenario/draw.js';
import { loadScenario } from '../scenario/load-file.js';
import type { Model } from '../scenario/model.js';
import { compareCsv } from './compare-csv.js';
import { buildCompareReport, formatDifference } from './compare-report.js';
import {
  type CompareDrawRecord,
  type ComparePlan,
  aggregateCompare,
  compareContext,
  compareDraw,
  compareMetrics,
  compareModel,
  normalisePolicyName,
  resolvePolicies,
} from './compare.js';
import { renderReport } from './report/render.js';
import { paramDigest } from './run-draws.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
let model: Model;
beforeAll(() => {
  model = loadScenario(join(ROOT, 'scenarios/us-iran-2026.yaml'));
});

const solveInfo = (digest: string) => ({
  method: 'sweep-iteration' as const,
  iterations: 3,
  residual: 1e-13,
  nodes: 10,
  paramDigest: digest,
});

/** Two policies (a is the reference), a probability and a utility, three draws. */
const PLAN: ComparePlan = {
  policies: [
    { id: 'a', label: 'Policy A', policies: ['a'] },
    { id: 'b', label: 'Policy B', policies: ['b'] },
  ],
  metrics: [
    { id: 'p_deal', label: 'P(Deal)', format: 'probability', group: 'outcome', trace: 'outcome_deal' },
    { id: 'us_U', label: 'US payoff U', format: 'utility', group: 'payoff', trace: 'E[us.payoff]' },
  ],
};
const RECORDS: CompareDrawRecord[] = [
  { draw: 0, values: { a: [0.1, 1], b: [0.2, 2] }, solver: { a: solveInfo('d0'), b: solveInfo('d0') } },
  {
    draw: 1,
    values: { a: [0.2, Number.NaN], b: [0.2, 5] },
    solver: { a: solveInfo('d1'), b: solveInfo('d1') },
  },
  { draw: 2, values: { a: [0.3, 3], b: [0.6, 1] }, solver: { a: solveInfo('d2'), b: solveInfo('d2') } },
];

describe('aggregateCompare', () => {
  const r = aggregateCompare(RECORDS, PLAN);

  test('per policy: the mean over draws and the 5th–95th percentile (type 7) of the draws', () => {
    expect(r.reference).toBe('a');
    expect(r.draws).toBe(3);
    const a = r.policies[0]!.figures.p_deal!;
    // [0.1, 0.2, 0.3]: position 2·0.05 = 0.1 → 0.1 + 0.1·0.1; position 1.9 → 0.2 + 0.9·0.1.
    expect(a.mean).toBeCloseTo(0.2, 15);
    expect(a.low).toBeCloseTo(0.11, 15);
    expect(a.high).toBeCloseTo(0.29, 15);
    const b = r.policies[1]!.figures.p_deal!;
    expect(b.mean).toBeCloseTo(1 / 3, 15);
    // [0.2, 0.2, 0.6]: low 0.2; high 0.2 + 0.9·0.4 = 0.56.
    expect(b.low).toBeCloseTo(0.2, 15);
    expect(b.high).toBeCloseTo(0.56, 15);
    // A draw where the figure is undefined is left out: a's utility over [1, 3].
    expect(r.policies[0]!.figures.us_U).toEqual({ mean: 2, low: 1.1, high: 2.9, n: 2 });
  });

  test('differences are paired: summarised from the per-draw differences, with the share above zero', () => {
    expect(r.differences).toHaveLength(1);
    const d = r.differences[0]!;
    expect(d.id).toBe('b');
    expect(d.reference).toBe('a');
    // Per draw b − a: [0.1, 0, 0.3]; sorted [0, 0.1, 0.3]: low 0 + 0.1·0.1, high 0.1 + 0.9·0.2.
    const deal = d.figures.p_deal!;
    expect(deal.mean).toBeCloseTo(0.4 / 3, 15);
    expect(deal.low).toBeCloseTo(0.01, 15);
    expect(deal.high).toBeCloseTo(0.28, 15);
    expect(deal.positive).toBeCloseTo(2 / 3, 15);
    expect(deal.n).toBe(3);
    // The paired interval is not the difference of the two intervals (0.2 − 0.11 = 0.09 ≠ 0.01).
    expect(deal.low).not.toBeCloseTo(
      r.policies[1]!.figures.p_deal!.low - r.policies[0]!.figures.p_deal!.low,
      3,
    );
    // Utility: [1, NaN, −2] → two defined draws, mean −0.5, one of two positive.
    const u = d.figures.us_U!;
    expect(u.n).toBe(2);
    expect(u.mean).toBeCloseTo(-0.5, 15);
    expect(u.low).toBeCloseTo(-2 + 0.05 * 3, 15);
    expect(u.high).toBeCloseTo(-2 + 0.95 * 3, 15);
    expect(u.positive).toBe(0.5);
  });

  test('CSV: one row per draw and policy, shortest round-trip numbers, NaN empty', () => {
    expect(compareCsv(RECORDS, PLAN)).toBe(
      [
        'draw,policy,param_digest,p_deal,us_U',
        '0,a,d0,0.1,1',
        '0,b,d0,0.2,2',
        '1,a,d1,0.2,',
        '1,b,d1,0.2,5',
        '2,a,d2,0.3,3',
        '2,b,d2,0.6,1',
        '',
      ].join('\n'),
    );
  });
});

describe('policy names', () => {
  test('hyphens and case are normalised', () => {
    expect(normalisePolicyName('grand-bargain')).toBe('grand_bargain');
    expect(normalisePolicyName(' Pressure-Only ')).toBe('pressure_only');
  });

  test('the reference comes first: the baseline when listed or when one policy is given, else the first', () => {
    const ids = (names: string[]) => resolvePolicies(model, names).map((r) => r.id);
    expect(ids(['grand-bargain', 'segmented-reciprocity', 'pressure-only'])).toEqual([
      'grand_bargain',
      'segmented_reciprocity',
      'pressure_only',
    ]);
    expect(ids(['pressure-only'])).toEqual(['baseline', 'pressure_only']);
    expect(ids(['transactional', 'baseline'])).toEqual(['baseline', 'transactional']);
    const [base, only] = resolvePolicies(model, ['pressure_only']);
    expect(base).toEqual({ id: 'baseline', label: 'Baseline (no constraint)', policies: [] });
    expect(only).toEqual({ id: 'pressure_only', label: 'Pressure only', policies: ['pressure_only'] });
  });

  test('an unknown policy is a scenario error naming the closest one and listing them all', () => {
    expect(() => resolvePolicies(model, ['grand-bargin'])).toThrow(ScenarioError);
    expect(() => resolvePolicies(model, ['grand-bargin'])).toThrow(
      /unknown policy 'grand-bargin' \(did you mean 'grand_bargain'\?\); the scenario's policies: baseline, grand_bargain, segmented_reciprocity, transactional, .*pressure_only/,
    );
    expect(() => resolvePolicies(model, ['grand-bargain', 'grand_bargain'])).toThrow(
      "policy 'grand_bargain' is listed twice",
    );
    expect(() => resolvePolicies(model, [])).toThrow('no policy to compare');
    expect(() => resolvePolicies(model, ['baseline'])).toThrow('nothing to compare the baseline with');
  });
});

describe('compare on the US–Iran scenario', () => {
  test('common random numbers: every policy of a draw is compiled from the same parameter values', () => {
    const ctx = compareContext(model, ['grand-bargain', 'pressure-only', 'segmented-reciprocity']);
    const seed = 5;
    const r = compareDraw(model, 3, { seed, lambda: 10 }, ctx);
    const digests = Object.values(r.solver).map((s) => s.paramDigest);
    expect(digests).toHaveLength(3);
    expect(new Set(digests).size).toBe(1);
    expect(digests[0]).toBe(paramDigest(drawParameters(model, seed, 3)));
    // The policies do change the game: different sizes and figures on the same draw.
    expect(r.solver.grand_bargain!.nodes).not.toBe(r.solver.pressure_only!.nodes);
    const metrics = compareMetrics(model);
    const at = (policy: string, id: string) => r.values[policy]![metrics.findIndex((m) => m.id === id)]!;
    // Pressure only never fires: the US strikes Iran with probability 0, and no strike-then-talks.
    expect(at('pressure_only', 'p_us_struck_iran')).toBe(0);
    expect(at('pressure_only', 'p_strike_then_talks')).toBe(0);
    expect(at('grand_bargain', 'p_us_struck_iran')).toBeGreaterThan(0);
    // The six outcome classes add up to 1 under every policy.
    for (const policy of Object.keys(r.values)) {
      const total = metrics.filter((m) => m.group === 'outcome').reduce((s, m) => s + at(policy, m.id), 0);
      expect(total).toBeCloseTo(1, 9);
    }
    // Joint surplus is the sum of the two payoffs.
    expect(at('grand_bargain', 'joint_U')).toBeCloseTo(
      at('grand_bargain', 'us_U') + at('grand_bargain', 'iran_U'),
      12,
    );
  });

  test('deterministic: the same seed gives the same records and the same report bytes', async () => {
    const run = () => compareModel(model, { policies: ['transactional'], seed: 2, draws: 1 });
    const x = run();
    const y = run();
    expect(x.plan.policies.map((p) => p.id)).toEqual(['baseline', 'transactional']);
    expect(JSON.stringify(y.records)).toBe(JSON.stringify(x.records));
    const meta = { scenario: 'us-iran-2026.yaml', version: 'test' };
    const text = await renderReport(buildCompareReport(model, x, meta), 'text');
    expect(await renderReport(buildCompareReport(model, y, meta), 'text')).toBe(text);
    expect(compareCsv(y.records, y.plan)).toBe(compareCsv(x.records, x.plan));
    expect(text).toContain('Paired differences against Baseline (no constraint)');
    expect(text).toContain('Modest transactional deals − Baseline (no constraint).');
  });
});

describe('compare report', () => {
  test('differences carry their sign; probability differences are in percentage points', () => {
    expect(formatDifference(0.123, 'probability')).toBe('+12.3 pp');
    expect(formatDifference(-0.05, 'probability')).toBe('-5.0 pp');
    expect(formatDifference(0.00001, 'probability')).toBe('0.0 pp');
    expect(formatDifference(0.256, 'utility')).toBe('+0.26');
    expect(formatDifference(-0.001, 'utility')).toBe('0.00');
    expect(formatDifference(1.5, 'number')).toBe('+1.5');
  });

  test('a side-by-side table, a differences table per policy and grouped bar charts', () => {
    const run = {
      seed: 1,
      draws: 3,
      lambda: 10,
      plan: PLAN,
      records: RECORDS,
      results: aggregateCompare(RECORDS, PLAN),
    };
    const doc = buildCompareReport(model, run, { scenario: 's.yaml', version: 'v' });
    expect(doc.sections.map((s) => s.id)).toEqual(['policies', 'side-by-side', 'differences']);
    const side = doc.sections[1]!.blocks.find((b) => b.kind === 'table')!;
    expect(side).toMatchObject({
      columns: ['figure', 'Policy A', 'Policy B'],
      rows: [
        ['P(Deal)', '20.0% [11.0%, 29.0%]', '33.3% [20.0%, 56.0%]'],
        ['US payoff U', '2.00 [1.10, 2.90]', '2.67 [1.10, 4.70]'],
      ],
    });
    const diff = doc.sections[2]!.blocks.find((b) => b.kind === 'table')!;
    expect(diff).toMatchObject({
      caption: 'Policy B − Policy A.',
      rows: [
        ['P(Deal)', '+13.3 pp', '[+1.0 pp, +28.0 pp]', '66.7%'],
        ['US payoff U', '-0.50', '[-1.85, +0.85]', '50.0%'],
      ],
    });
    const chart = doc.sections[1]!.blocks.find((b) => b.kind === 'bar-chart')!;
    expect(chart).toMatchObject({
      unit: 'probability',
      bars: [
        { label: 'P(Deal)', series: 'Policy A', value: expect.closeTo(0.2, 15) },
        { label: 'P(Deal)', series: 'Policy B' },
      ],
    });
    expect(doc.provenance.reference).toBe('a');
  });
});
