import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { commitmentProblem, criticalShift, durabilityDiscount } from './commitment.js';
import { BargainInputError } from './errors.js';

describe('commitmentProblem, worked by hand (c_D = 0.05, δ = 0.9, p_now = 0.6: Δ* = 0.1·0.45/0.9 = 0.05)', () => {
  test('a large shift (0.6 → 0.2): war', () => {
    // W_D(0) = 0.55/0.1 = 5.5; best peace = 1 + 0.9·0.15/0.1 = 2.35; D would need 5.5 − 1.35 = 4.15 pies today.
    const r = commitmentProblem({ pNow: 0.6, pLater: 0.2, costD: 0.05, delta: 0.9 });
    expect(r.war).toBe(true);
    expect(r.warValueNow).toBeCloseTo(5.5, 12);
    expect(r.maxPeaceValue).toBeCloseTo(2.35, 12);
    expect(r.requiredShareNow).toBeCloseTo(4.15, 12);
    expect(r.shift).toBeCloseTo(0.4, 15);
    expect(r.criticalShift).toBeCloseTo(0.05, 15);
  });

  test('a small shift (0.6 → 0.56): peace, D bought off with 0.91 of today’s pie', () => {
    // Best peace = 1 + 0.9·0.51/0.1 = 5.59 ≥ 5.5; x_0 = 5.5 − 4.59 = 0.91.
    const r = commitmentProblem({ pNow: 0.6, pLater: 0.56, costD: 0.05, delta: 0.9 });
    expect(r.war).toBe(false);
    expect(r.maxPeaceValue).toBeCloseTo(5.59, 12);
    expect(r.requiredShareNow).toBeCloseTo(0.91, 12);
  });

  test('just past the critical shift (0.6 → 0.54): war, D would need 1.09 pies today', () => {
    const r = commitmentProblem({ pNow: 0.6, pLater: 0.54, costD: 0.05, delta: 0.9 });
    expect(r.war).toBe(true);
    expect(r.maxPeaceValue).toBeCloseTo(5.41, 12);
    expect(r.requiredShareNow).toBeCloseTo(1.09, 12);
  });

  test('when D’s current war value is under 1 − δ, no shift is large enough', () => {
    // p_now − c_D = 0.25 ≤ 1 − δ = 0.5: W_D(0) = 0.5 < 1 even if D will be worth nothing later.
    const r = commitmentProblem({ pNow: 0.3, pLater: 0, costD: 0.05, delta: 0.5 });
    expect(r.war).toBe(false);
    expect(r.criticalShift).toBe(Number.POSITIVE_INFINITY);
    expect(r.requiredShareNow).toBeCloseTo(0.5, 15);
    expect(criticalShift(0.9, 0.05, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  test('a later war not worth its cost: D gets nothing later, and the threshold still holds', () => {
    // p_later = 0.02 < c_D = 0.05: V_D(1) = 0; W_D(0) = 0.85/0.5 = 1.7 > 1. Δ* = 0.5·0.15/0.5 = 0.15 < 0.88.
    const r = commitmentProblem({ pNow: 0.9, pLater: 0.02, costD: 0.05, delta: 0.5 });
    expect(r.war).toBe(true);
    expect(r.maxPeaceValue).toBe(1);
    expect(r.criticalShift).toBeCloseTo(0.15, 15);
  });

  test('property: war exactly when the shift exceeds the critical shift', () => {
    const grid = (hi: number) => fc.integer({ min: 0, max: hi });
    fc.assert(
      fc.property(grid(100), grid(100), grid(30), grid(99), (a, b, c, d) => {
        const input = { pNow: a / 100, pLater: b / 100, costD: c / 100, delta: d / 100 };
        const r = commitmentProblem(input);
        if (Math.abs(r.shift - r.criticalShift) < 1e-9) return;
        expect(r.war).toBe(r.shift > r.criticalShift);
        expect(r.war).toBe(r.requiredShareNow > 1);
      }),
    );
  });

  test('bad input is refused, naming the field', () => {
    const ok = { pNow: 0.6, pLater: 0.2, costD: 0.05, delta: 0.9 };
    expect(() => commitmentProblem({ ...ok, pNow: 2 })).toThrow(BargainInputError);
    expect(() => commitmentProblem({ ...ok, pLater: -0.1 })).toThrow(/^pLater: expected a probability/);
    expect(() => commitmentProblem({ ...ok, costD: -0.1 })).toThrow(/^costD: expected a finite non-negative/);
    expect(() => commitmentProblem({ ...ok, delta: 1 })).toThrow(
      /^delta: expected a discount factor in \[0, 1\)/,
    );
  });
});

describe('durabilityDiscount (seed 004: a deal binding for one presidential term at a time)', () => {
  // δ = 0.8 per term, b = 1 per term, leverage ℓ = 0.3 per term (ℓ/(1 − δ) = 1.5).
  test('q = 1/2: the deal is worth 1/(1 − 0.4) = 5/3 > 1.5, a third of a permanent deal', () => {
    const r = durabilityDiscount({ benefit: 1, durability: 0.5, delta: 0.8, leverageValue: 0.3 });
    expect(r.dealValue).toBeCloseTo(5 / 3, 14);
    expect(r.permanentValue).toBeCloseTo(5, 14);
    expect(r.discountFactor).toBeCloseTo(1 / 3, 14);
    expect(r.leverageKeptValue).toBeCloseTo(1.5, 14);
    expect(r.keepsLeverage).toBe(false);
    // b* = 0.3·0.6/0.2 = 0.9; q* = (1 − 0.2/0.3)/0.8 = 5/12.
    expect(r.minimumBenefit).toBeCloseTo(0.9, 14);
    expect(r.criticalDurability).toBeCloseTo(5 / 12, 14);
  });

  test('q = 0.4 < 5/12: 1/(1 − 0.32) ≈ 1.4706 < 1.5, Iran keeps its leverage', () => {
    const r = durabilityDiscount({ benefit: 1, durability: 0.4, delta: 0.8, leverageValue: 0.3 });
    expect(r.dealValue).toBeCloseTo(1 / 0.68, 14);
    expect(r.keepsLeverage).toBe(true);
    expect(r.minimumBenefit).toBeCloseTo(1.02, 14);
  });

  test('edge cases of the critical durability', () => {
    // Even a permanent deal (0.2/0.2 = 1) is worth less than the leverage (1.5): q* = 13/12 > 1, null.
    expect(durabilityDiscount({ benefit: 0.2, durability: 1, delta: 0.8, leverageValue: 0.3 })).toMatchObject(
      {
        keepsLeverage: true,
        criticalDurability: null,
      },
    );
    // Worthless leverage: any deal will do.
    expect(
      durabilityDiscount({ benefit: 0.1, durability: 0, delta: 0.8, leverageValue: 0 }).criticalDurability,
    ).toBe(0);
    // δ = 0: only this term counts, so durability is irrelevant.
    expect(
      durabilityDiscount({ benefit: 1, durability: 0, delta: 0, leverageValue: 0.3 }).criticalDurability,
    ).toBe(0);
    expect(
      durabilityDiscount({ benefit: 0.2, durability: 1, delta: 0, leverageValue: 0.3 }).criticalDurability,
    ).toBe(null);
  });

  test('bad input is refused, naming the field', () => {
    const ok = { benefit: 1, durability: 0.5, delta: 0.8, leverageValue: 0.3 };
    expect(() => durabilityDiscount({ ...ok, durability: 1.5 })).toThrow(
      /^durability: expected a probability/,
    );
    expect(() => durabilityDiscount({ ...ok, benefit: -1 })).toThrow(BargainInputError);
    expect(() => durabilityDiscount({ ...ok, leverageValue: Number.NaN })).toThrow(/^leverageValue:/);
    expect(() => durabilityDiscount({ ...ok, delta: -0.1 })).toThrow(/^delta:/);
  });
});
