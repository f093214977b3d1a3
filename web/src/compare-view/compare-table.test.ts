import { describe, expect, test } from 'vitest';
import { type CompareDrawRecord, type ComparePlan, aggregateCompare } from '../../../src/analysis/compare.js';
import { compareCharts, compareTable } from './compare-table.js';

/** Two policies (a is the reference), a probability and a utility, three draws. */
const PLAN: ComparePlan = {
  policies: [
    { id: 'a', label: 'A', policies: [] },
    { id: 'b', label: 'B', policies: ['b'] },
  ],
  metrics: [
    { id: 'p_x', label: 'P(x)', format: 'probability', group: 'outcome', trace: 'Σ ρ where x' },
    { id: 'us_U', label: 'US payoff U', format: 'utility', group: 'payoff', trace: 'E[us.payoff]' },
  ],
};
const rec = (draw: number, a: number[], b: number[]): CompareDrawRecord => ({
  draw,
  values: { a, b },
  solver: {},
});
const RESULTS = aggregateCompare(
  [rec(0, [0.2, 1], [0.3, 0]), rec(1, [0.4, 2], [0.4, 2]), rec(2, [0.6, 3], [0.9, 5])],
  PLAN,
);

describe('the side-by-side table', () => {
  const table = compareTable(RESULTS);

  test('one column per policy, then one per difference against the reference', () => {
    expect(table.columns).toEqual(['A', 'B', 'B − A']);
    expect(table.groups.map((g) => [g.title, g.rows.map((r) => r.id)])).toEqual([
      ['Outcome classes', ['p_x']],
      ['Expected costs and payoffs', ['us_U']],
    ]);
  });

  test('probabilities: means with 90 % intervals, differences in percentage points', () => {
    // A: 0.2, 0.4, 0.6 → mean 0.4, 5th pct 0.2 + 0.1·0.2 = 0.22, 95th 0.4 + 0.9·0.2 = 0.58.
    // B: 0.3, 0.4, 0.9 → mean 0.5333, 0.3 + 0.1·0.1 = 0.31, 0.4 + 0.9·0.5 = 0.85.
    // B − A per draw: 0.1, 0, 0.3 → mean 0.1333, 0.01, 0.1 + 0.9·0.2 = 0.28; positive in 2 of 3.
    const row = table.groups[0]!.rows[0]!;
    expect(row.cells.map((c) => c.text)).toEqual([
      '40.0% [22.0%, 58.0%]',
      '53.3% [31.0%, 85.0%]',
      '+13.3 pp [+1.0 pp, +28.0 pp]',
    ]);
    expect(row.cells[0]!.value).toBeCloseTo(0.4, 15);
    expect(row.cells[2]!.value).toBeCloseTo(0.4 / 3, 15);
    expect(row.cells[2]!.title).toBe('positive in 66.7% of the draws');
    expect(row.trace).toBe('Σ ρ where x');
  });

  test('utilities: two decimals, signed differences', () => {
    // A: 1, 2, 3 → 2, 1.1, 2.9. B: 0, 2, 5 → 2.333, 0.2, 4.7. B − A: −1, 0, 2 → 0.333, −0.9, 1.8.
    const row = table.groups[1]!.rows[0]!;
    expect(row.cells.map((c) => c.text)).toEqual([
      '2.00 [1.10, 2.90]',
      '2.33 [0.20, 4.70]',
      '+0.33 [-0.90, +1.80]',
    ]);
    expect(row.cells[2]!.title).toBe('positive in 33.3% of the draws');
  });
});

describe('the grouped bar charts', () => {
  test('outcome classes and payoffs, one bar per policy with its interval', () => {
    const [outcomes, payoffs, ...rest] = compareCharts(RESULTS);
    expect(rest).toEqual([]);
    expect(outcomes!.unit).toBe('probability');
    expect(outcomes!.bars.map((b) => [b.label, b.series])).toEqual([
      ['P(x)', 'A'],
      ['P(x)', 'B'],
    ]);
    expect(outcomes!.bars[1]!.low).toBeCloseTo(0.31, 15);
    expect(outcomes!.bars[1]!.high).toBeCloseTo(0.85, 15);
    expect(payoffs!.unit).toBe('utility');
    expect(payoffs!.bars.map((b) => b.value)).toEqual([2, 7 / 3]);
  });

  test('no payoff chart without payoff figures', () => {
    const plan = { ...PLAN, metrics: PLAN.metrics.slice(0, 1) };
    const results = aggregateCompare([{ draw: 0, values: { a: [0.5], b: [0.25] }, solver: {} }], plan);
    expect(compareCharts(results).map((c) => c.unit)).toEqual(['probability']);
  });
});
