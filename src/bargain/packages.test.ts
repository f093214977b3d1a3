import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BargainInputError } from './errors.js';
import {
  type Issue,
  type PackageInput,
  compareLinkage,
  grandBargain,
  nashPackage,
  packageUtilities,
  publicBlock,
  segmentedDeal,
  trackBlock,
} from './packages.js';

// Actor 0 = US (ideal 1 on every issue), actor 1 = Iran (ideal 0). Each issue's no-deal utilities are
// each side's utility at its worst position, so on issue k the gains are (s_US·x, s_Iran·(1 − x)).
const issue = (name: string, sUS: number, sIran: number, extra: Partial<Issue> = {}): Issue => ({
  name,
  verifiable: true,
  stances: [
    { ideal: 1, salience: sUS },
    { ideal: 0, salience: sIran },
  ],
  disagreement: [-sUS, -sIran],
  ...extra,
});

// The US cares twice as much about enrichment, Iran twice as much about sanctions relief.
const enrichment = issue('enrichment', 2, 1);
const sanctions = issue('sanctions', 1, 2);
const proxies = issue('proxies', 1, 1);

describe('nashPackage — linear', () => {
  it('one issue: gains (x, 0.5 − x), maximised at x = 1/4', () => {
    const one: PackageInput = { issues: [{ ...issue('cap', 1, 1), disagreement: [-1, -0.5] }] };
    const nbs = nashPackage(one)!;
    expect(nbs.positions[0]).toBeCloseTo(0.25, 12);
    expect(nbs.utilities[0]).toBeCloseTo(-0.75, 12);
    expect(nbs.utilities[1]).toBeCloseTo(-0.25, 12);
    expect(nbs.nashProduct).toBeCloseTo(0.0625, 12);
  });

  it('one issue, equal weights: the split x = 1/2 with product 1/4', () => {
    const nbs = nashPackage({ issues: [proxies] })!;
    expect(nbs.positions[0]).toBeCloseTo(0.5, 12);
    expect(nbs.nashProduct).toBeCloseTo(0.25, 12);
  });

  it('two issues, opposite saliences: a logroll — the US gets enrichment, Iran sanctions relief', () => {
    // Gains (2x_E + x_S, (1 − x_E) + 2(1 − x_S)); vertices (0,3) → (2,2) → (3,0); the product is largest
    // at the kink (2,2): 4 = 2·2.
    const nbs = nashPackage({ issues: [enrichment, sanctions] })!;
    expect(nbs.positions[0]).toBeCloseTo(1, 12);
    expect(nbs.positions[1]).toBeCloseTo(0, 12);
    expect(nbs.gains[0]).toBeCloseTo(2, 12);
    expect(nbs.gains[1]).toBeCloseTo(2, 12);
    expect(nbs.nashProduct).toBeCloseTo(4, 12);
  });

  it('no agreement when nothing beats the disagreement point', () => {
    expect(nashPackage({ issues: [{ ...proxies, disagreement: [0, -0.5] }] })).toBeNull();
  });
});

describe('nashPackage — quadratic', () => {
  it('one symmetric issue: gains 1 − (1 − x)² and 1 − x², maximised at x = 1/2, product 9/16', () => {
    const nbs = nashPackage({ issues: [proxies], utility: 'quadratic' })!;
    expect(nbs.positions[0]).toBeCloseTo(0.5, 12);
    expect(nbs.gains[0]).toBeCloseTo(0.75, 12);
    expect(nbs.nashProduct).toBeCloseTo(0.5625, 12);
  });
  it('unequal weights (2, 1): no worse than the best of a 10⁵-point grid', () => {
    const input: PackageInput = {
      issues: [{ ...issue('cap', 2, 1), disagreement: [-2, -1] }],
      utility: 'quadratic',
    };
    const nbs = nashPackage(input)!;
    let best = 0;
    for (let k = 0; k <= 100_000; k++) {
      const u = packageUtilities(input, [k / 100_000]);
      best = Math.max(best, (u[0] + 2) * (u[1] + 1));
    }
    expect(nbs.nashProduct).toBeGreaterThanOrEqual(best - 1e-9);
  });
});

describe('compareLinkage', () => {
  it('linkage creates value when saliences differ: 4 (grand) vs 1.5·1.5 = 2.25 (segmented)', () => {
    const c = compareLinkage({ issues: [enrichment, sanctions] });
    expect(c.segmented.package![0]).toBeCloseTo(0.5, 12);
    expect(c.segmented.package![1]).toBeCloseTo(0.5, 12);
    expect(c.segmented.gains[0]).toBeCloseTo(1.5, 12);
    expect(c.segmented.gains[1]).toBeCloseTo(1.5, 12);
    expect(c.segmented.nashProduct).toBeCloseTo(2.25, 12);
    expect(c.grand.nashProduct).toBeCloseTo(4, 12);
    expect(c.grand.utilities[0]).toBeCloseTo(-1, 12); // −3 + 2
    expect(c.linkageValue).toBeCloseTo(1.75, 12);
    expect(c.grand.emptiedBy).toEqual([]);
  });

  it('no linkage value with equal salience ratios', () => {
    const c = compareLinkage({ issues: [issue('a', 1, 1), issue('b', 1, 1)] });
    expect(c.grand.nashProduct).toBeCloseTo(1, 12);
    expect(c.segmented.nashProduct).toBeCloseTo(1, 12);
    expect(c.linkageValue).toBeCloseTo(0, 12);
  });

  it('three issues without constraints: grand (2.5, 2.5) → 6.25 vs segmented (2, 2) → 4', () => {
    // Concession order by s_US/s_Iran: enrichment (2), proxies (1), sanctions (1/2). Edge 1 ends at (2, 3)
    // (product 6); edge 2 is (2 + τ)(3 − τ), maximal at τ = 1/2.
    const c = compareLinkage({ issues: [enrichment, proxies, sanctions] });
    expect(c.grand.package![0]).toBeCloseTo(1, 12);
    expect(c.grand.package![1]).toBeCloseTo(0.5, 12);
    expect(c.grand.package![2]).toBeCloseTo(0, 12);
    expect(c.grand.nashProduct).toBeCloseTo(6.25, 12);
    expect(c.segmented.nashProduct).toBeCloseTo(4, 12);
  });

  it('seed 003 null set: the US needs public verification of proxy limits, Iran ambiguity', () => {
    const nullSet: Issue = {
      ...proxies,
      verifiable: false,
      stances: [
        { ideal: 1, salience: 1, needs: 'public' },
        { ideal: 0, salience: 1, needs: 'ambiguity' },
      ],
    };
    expect(trackBlock(nullSet)).toBe('verification-vs-ambiguity');
    const c = compareLinkage({ issues: [enrichment, nullSet, sanctions] });
    expect(c.grand.package).toBeNull();
    expect(c.grand.nashProduct).toBe(0);
    expect(c.grand.utilities).toEqual([-4, -4]);
    expect(c.grand.emptiedBy).toEqual([{ issue: 'proxies', reason: 'verification-vs-ambiguity' }]);
    // Segmented: enrichment and sanctions agree at 1/2; proxies stay at no deal. Gains (1.5, 1.5).
    expect(c.segmented.package![0]).toBeCloseTo(0.5, 12);
    expect(c.segmented.package![1]).toBeNull();
    expect(c.segmented.package![2]).toBeCloseTo(0.5, 12);
    expect(c.segmented.nashProduct).toBeCloseTo(2.25, 12);
    expect(c.segmented.emptiedBy).toEqual([{ issue: 'proxies', reason: 'verification-vs-ambiguity' }]);
    // Linking the two open issues recovers the logroll: (2, 2) → 4.
    expect(c.linkedFeasible.package![1]).toBeNull();
    expect(c.linkedFeasible.nashProduct).toBeCloseTo(4, 12);
    expect(c.linkageValue).toBeCloseTo(-2.25, 12);
  });

  it('publicity constraints', () => {
    const stances = (n0: 'public' | 'any', n1: 'ambiguity' | 'any') =>
      [
        { ideal: 1, salience: 1, needs: n0 },
        { ideal: 0, salience: 1, needs: n1 },
      ] as const;
    expect(publicBlock({ ...proxies, stances: stances('public', 'any'), verifiable: false })).toBe(
      'unverifiable',
    );
    expect(publicBlock({ ...proxies, stances: stances('any', 'ambiguity') })).toBe(
      'ambiguity-in-public-package',
    );
    expect(trackBlock({ ...proxies, stances: stances('any', 'ambiguity') })).toBeNull();
    expect(publicBlock({ ...proxies, stances: stances('public', 'any') })).toBeNull();
    const quiet = { ...proxies, stances: stances('any', 'ambiguity') };
    expect(grandBargain({ issues: [quiet] }).emptiedBy).toEqual([
      { issue: 'proxies', reason: 'ambiguity-in-public-package' },
    ]);
    expect(segmentedDeal({ issues: [quiet] }).nashProduct).toBeCloseTo(0.25, 12);
  });

  it('rejects bad input', () => {
    expect(() =>
      nashPackage({ issues: [{ ...proxies, stances: [{ ideal: 2, salience: 1 }, proxies.stances[1]] }] }),
    ).toThrow(BargainInputError);
    expect(() => nashPackage({ issues: [{ ...proxies, disagreement: [Number.NaN, 0] }] })).toThrow(
      BargainInputError,
    );
    expect(() => packageUtilities({ issues: [proxies] }, [])).toThrow(BargainInputError);
  });
});

describe('nashPackage — linear, against a grid (property)', () => {
  it('no 2-issue package on a 101 × 101 grid has a larger Nash product', () => {
    const stance = fc.record({
      ideal: fc.integer({ min: 0, max: 10 }),
      salience: fc.integer({ min: 0, max: 5 }),
    });
    const arbIssue = fc.record({
      s0: stance,
      s1: stance,
      d0: fc.integer({ min: -8, max: 0 }),
      d1: fc.integer({ min: -8, max: 0 }),
    });
    fc.assert(
      fc.property(arbIssue, arbIssue, (p, q) => {
        const mk = (r: typeof p, name: string): Issue => ({
          name,
          verifiable: true,
          stances: [
            { ideal: r.s0.ideal / 10, salience: r.s0.salience },
            { ideal: r.s1.ideal / 10, salience: r.s1.salience },
          ],
          disagreement: [r.d0 / 4, r.d1 / 4],
        });
        const input: PackageInput = { issues: [mk(p, 'p'), mk(q, 'q')] };
        const nbs = nashPackage(input);
        let best = 0;
        for (let i = 0; i <= 100; i++) {
          for (let j = 0; j <= 100; j++) {
            const u = packageUtilities(input, [i / 100, j / 100]);
            const g0 = u[0] - (p.d0 + q.d0) / 4;
            const g1 = u[1] - (p.d1 + q.d1) / 4;
            if (g0 > 0 && g1 > 0) best = Math.max(best, g0 * g1);
          }
        }
        if (nbs === null) expect(best).toBeLessThan(1e-9);
        else expect(nbs.nashProduct).toBeGreaterThanOrEqual(best - 1e-9);
      }),
      { numRuns: 100 },
    );
  });
});
