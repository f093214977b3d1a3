import { describe, expect, test } from 'vitest';
import { exporterRevenueChange, importerCost, insuranceSurcharge } from './feedback.js';

describe('feedback', () => {
  test('exporter revenue by hand', () => {
    expect(exporterRevenueChange(0.5, 40)).toBeCloseTo(-0.3, 12); // half the volume at 1.4× the price
    expect(exporterRevenueChange(0.1, 20)).toBeCloseTo(0.08, 12); // a windfall for a partial loss
    expect(exporterRevenueChange(1, 200)).toBe(-1); // a closed route costs everything
    expect(exporterRevenueChange(0, 0)).toBe(0);
  });

  test('importer cost and insurance surcharge', () => {
    expect(importerCost(25, 0.05)).toBeCloseTo(0.125, 12);
    expect(importerCost(-10, 0.05)).toBeCloseTo(-0.05, 12);
    expect(insuranceSurcharge(0.01, 0.0025)).toBeCloseTo(0.0075, 12);
    expect(insuranceSurcharge(0.002, 0.0025)).toBe(0);
  });
});
