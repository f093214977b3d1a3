import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AudienceCostInput,
  announce,
  audienceCostEquilibrium,
  isCredible,
  separationThreshold,
  threatThreshold,
} from './audience-costs.js';
import { BargainInputError } from './errors.js';

// US types: resolved (v = 12 > c = 10) and weak (v = 2: credible only if a ≥ 8). Iran: a hawk (1/4) who
// resists even a sure fight (war 1 > 0) and a dove (3/4) with stake 4 and war −6, who resists iff the
// posterior q that the US would fight is below 4/(4 + 6) = 0.4. So ρ(q) = 1 for q < 0.4, 1/4 for q > 0.4.
const crisis = (audienceCost: number, pResolved = 0.5): AudienceCostInput => ({
  defender: [
    { prior: pResolved, value: 12, label: 'resolved' },
    { prior: 1 - pResolved, value: 2, label: 'weak' },
  ],
  warCost: 10,
  audienceCost,
  challenger: [
    { prior: 0.25, stake: 4, war: 1, label: 'hawk' },
    { prior: 0.75, stake: 4, war: -6, label: 'dove' },
  ],
});

describe('credibility and thresholds', () => {
  it('a type is credible iff v − c ≥ −a', () => {
    expect(isCredible(2, 10, 7)).toBe(false);
    expect(isCredible(2, 10, 8)).toBe(true);
    expect(isCredible(12, 10, 0)).toBe(true);
  });
  it('ρ̂ = v / min(c, v + a)', () => {
    expect(threatThreshold(12, 10, 0)).toBeCloseTo(1.2, 12);
    expect(threatThreshold(2, 10, 0)).toBe(1);
    expect(threatThreshold(2, 10, 3)).toBeCloseTo(0.4, 12);
    expect(threatThreshold(2, 10, 7)).toBeCloseTo(2 / 9, 12);
    expect(threatThreshold(2, 10, 9)).toBeCloseTo(0.2, 12); // committed: 2 / min(10, 11)
  });
});

describe('audienceCostEquilibrium', () => {
  it('a = 0: cheap talk — both types threaten, the threat carries no information', () => {
    const eq = audienceCostEquilibrium(crisis(0));
    expect(eq.kind).toBe('pooling');
    expect(eq.threatens).toEqual([1, 1]);
    expect(eq.posterior[0]).toBeCloseTo(0.5, 12); // = prior
    expect(eq.posteriorCredible).toBeCloseTo(0.5, 12);
    expect(eq.resist).toBeCloseTo(0.25, 12); // only the hawk resists (q = 0.5 > 0.4)
    expect(eq.challengerResists).toEqual([1, 0]);
    expect(eq.bluffs).toEqual([false, true]);
    expect(eq.onlyCredibleThreaten).toBe(false);
    expect(eq.probabilities.threat).toBeCloseTo(1, 12);
    expect(eq.probabilities.war).toBeCloseTo(0.125, 12); // 0.5 · 0.25
    expect(eq.probabilities.backDown).toBeCloseTo(0.125, 12);
    expect(eq.probabilities.challengerConcedes).toBeCloseTo(0.75, 12);
  });

  it('a = 0 cannot separate whatever the priors, as long as the challenger sometimes concedes', () => {
    for (const p of [0.1, 0.3, 0.5, 0.9]) {
      const eq = audienceCostEquilibrium(crisis(0, p));
      expect(eq.onlyCredibleThreaten).toBe(false);
      expect(eq.threatens[1]).toBeGreaterThan(0);
    }
  });

  it('the threshold a* = v_L(1 − ρ₁)/ρ₁ = 2 · 0.75 / 0.25 = 6', () => {
    expect(separationThreshold(crisis(0))).toBeCloseTo(6, 12);
  });

  it('a = 3 < a*: still pooling (ρ̂_L = 0.4 ≥ ρ = 0.25)', () => {
    const eq = audienceCostEquilibrium(crisis(3));
    expect(eq.kind).toBe('pooling');
    expect(eq.resist).toBeCloseTo(0.25, 12);
    expect(eq.bluffs).toEqual([false, true]);
  });

  it('a = 7 > a*: separating — only the resolved type threatens, posterior 1', () => {
    const eq = audienceCostEquilibrium(crisis(7));
    expect(eq.kind).toBe('separating');
    expect(eq.threatens).toEqual([1, 0]);
    expect(eq.credible).toEqual([true, false]); // 2 − 10 < −7: the weak type would still back down
    expect(eq.posteriorCredible).toBe(1);
    expect(eq.resist).toBeCloseTo(0.25, 12);
    expect(eq.onlyCredibleThreaten).toBe(true);
    expect(eq.probabilities.threat).toBeCloseTo(0.5, 12);
    expect(eq.probabilities.war).toBeCloseTo(0.125, 12);
    expect(eq.probabilities.backDown).toBe(0);
  });

  it('just either side of a* = 6', () => {
    expect(audienceCostEquilibrium(crisis(5.99)).kind).toBe('pooling');
    expect(audienceCostEquilibrium(crisis(6.01)).kind).toBe('separating');
  });

  it('semi-separating with a single dove challenger: the weak type bluffs with probability 1/2', () => {
    // p_H = 1/4: pooling gives q = 1/4 < 0.4 (resist), separation q = 1 (concede): neither holds.
    // The weak type mixes so that q = 0.25 / (0.25 + 0.75θ) = 0.4 ⇒ θ = 1/2, and the challenger resists
    // with ρ = ρ̂_L = v/(v + a) = 2/4 = 1/2, leaving the bluffer indifferent.
    const input: AudienceCostInput = { ...crisis(2, 0.25), challenger: [{ prior: 1, stake: 4, war: -6 }] };
    const eq = audienceCostEquilibrium(input);
    expect(eq.kind).toBe('semi-separating');
    expect(eq.threatens[0]).toBe(1);
    expect(eq.threatens[1]).toBeCloseTo(0.5, 12);
    expect(eq.posteriorCredible).toBeCloseTo(0.4, 12);
    expect(eq.resist).toBeCloseTo(0.5, 12);
    expect(eq.challengerResists[0]).toBeCloseTo(0.5, 12);
    expect(eq.probabilities.threat).toBeCloseTo(0.625, 12);
    expect(eq.probabilities.war).toBeCloseTo(0.125, 12); // 0.25 · 0.5
    expect(eq.probabilities.backDown).toBeCloseTo(0.1875, 12); // 0.375 · 0.5
    // Higher audience costs make threats more effective: ρ = 2/(2 + a).
    expect(audienceCostEquilibrium({ ...input, audienceCost: 6 }).resist).toBeCloseTo(0.25, 12);
  });

  it('no threat when even the resolved type would meet too much resistance', () => {
    // One type v = 5 < c = 10 with a = 20 (credible: 5 − 10 ≥ −20) and a challenger who always resists:
    // threatening pays 5 − 10 < 0, so no type threatens; the D1 off-path belief is this type.
    const eq = audienceCostEquilibrium({
      defender: [{ prior: 1, value: 5 }],
      warCost: 10,
      audienceCost: 20,
      challenger: [{ prior: 1, stake: 4, war: 2 }],
    });
    // ρ̂ = 5 / min(10, 25) = 0.5 < ρ = 1.
    expect(eq.kind).toBe('no-threat');
    expect(eq.threatens).toEqual([0]);
    expect(eq.resist).toBe(1);
    expect(eq.probabilities.war).toBe(0);
  });

  it('seed 003: announcing the deal publicly ties hands — the backchannel pools, the announcement separates', () => {
    const backchannel = crisis(0);
    const announced = announce(backchannel, 7);
    expect(announced.audienceCost).toBe(7);
    expect(audienceCostEquilibrium(backchannel).kind).toBe('pooling');
    expect(audienceCostEquilibrium(announced).kind).toBe('separating');
    // An announcement worth a ≥ c − v_L = 8 commits even the weak type: Tehran's denial (resistance)
    // would now be met by strikes rather than a retreat, and with ρ₁ = 1/4 > v_L/c = 0.2 it does not threaten.
    const committed = audienceCostEquilibrium(announce(backchannel, 9));
    expect(committed.credible).toEqual([true, true]);
    expect(committed.threatens).toEqual([1, 0]);
  });

  it('rejects bad input', () => {
    expect(() => audienceCostEquilibrium({ ...crisis(0), warCost: 0 })).toThrow(BargainInputError);
    expect(() => audienceCostEquilibrium({ ...crisis(-1) })).toThrow(BargainInputError);
    expect(() => audienceCostEquilibrium({ ...crisis(0), defender: [{ prior: 0.5, value: 1 }] })).toThrow(
      BargainInputError,
    );
    expect(() => audienceCostEquilibrium({ ...crisis(0), defender: [{ prior: 1, value: 0 }] })).toThrow(
      BargainInputError,
    );
    expect(() => announce(crisis(0), -1)).toThrow(BargainInputError);
    expect(() =>
      audienceCostEquilibrium({ ...crisis(0), challenger: [{ prior: 1, stake: 0, war: 1 }] }),
    ).toThrow(BargainInputError);
  });
});

describe('audienceCostEquilibrium is a PBE (property)', () => {
  const weights = (n: number) => fc.array(fc.integer({ min: 1, max: 9 }), { minLength: n, maxLength: n });
  const arb = fc
    .record({ nd: fc.integer({ min: 1, max: 3 }), nc: fc.integer({ min: 1, max: 3 }) })
    .chain(({ nd, nc }) =>
      fc.record({
        dw: weights(nd),
        values: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: nd, maxLength: nd }),
        cw: weights(nc),
        stakes: fc.array(fc.integer({ min: -5, max: 10 }), { minLength: nc, maxLength: nc }),
        warGaps: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: nc, maxLength: nc }),
        warCost: fc.integer({ min: 1, max: 15 }),
        audienceCost: fc.integer({ min: 0, max: 15 }),
      }),
    );
  it('every type best-responds and beliefs follow Bayes’ rule', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const dsum = r.dw.reduce((s, x) => s + x, 0);
        const csum = r.cw.reduce((s, x) => s + x, 0);
        const input: AudienceCostInput = {
          defender: r.values.map((value, i) => ({ prior: r.dw[i]! / dsum, value })),
          warCost: r.warCost,
          audienceCost: r.audienceCost,
          challenger: r.stakes.map((stake, j) => ({
            prior: r.cw[j]! / csum,
            stake,
            war: stake - r.warGaps[j]!,
          })),
        };
        const eq = audienceCostEquilibrium(input);
        const tol = 1e-9;
        input.defender.forEach((t, i) => {
          const payoff = t.value - eq.resist * Math.min(r.warCost, t.value + r.audienceCost);
          if (eq.threatens[i]! > tol) expect(payoff).toBeGreaterThanOrEqual(-tol);
          if (eq.threatens[i]! < 1 - tol) expect(payoff).toBeLessThanOrEqual(tol);
        });
        const q = eq.posteriorCredible;
        input.challenger.forEach((t, j) => {
          const f = q * t.war + (1 - q) * t.stake;
          if (f > tol) expect(eq.challengerResists[j]).toBe(1);
          if (f < -tol) expect(eq.challengerResists[j]).toBe(0);
        });
        const rho = input.challenger.reduce((s, t, j) => s + t.prior * eq.challengerResists[j]!, 0);
        expect(rho).toBeCloseTo(eq.resist, 9);
        if (eq.probabilities.threat > 0) {
          const credibleMass = input.defender.reduce(
            (s, t, i) => s + (eq.credible[i] ? t.prior * eq.threatens[i]! : 0),
            0,
          );
          expect(q).toBeCloseTo(credibleMass / eq.probabilities.threat, 9);
        }
        if (r.audienceCost > separationThreshold(input) + 1e-9) expect(eq.onlyCredibleThreaten).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
