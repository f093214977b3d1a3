import { describe, expect, it } from 'vitest';
import { barFormat, formatInterval, formatNumber, formatProbability, formatUtility } from './format.js';

describe('report number formats', () => {
  it('shows probabilities as percentages with one decimal, never as -0.0%', () => {
    expect(formatProbability(0.4213)).toBe('42.1%');
    expect(formatProbability(1)).toBe('100.0%');
    expect(formatProbability(-0.0001)).toBe('0.0%');
    expect(formatProbability(Number.NaN)).toBe('n/a');
  });
  it('shows utilities with two decimals', () => {
    expect(formatUtility(2.375)).toBe('2.38');
    expect(formatUtility(-2.4)).toBe('-2.40');
    expect(formatUtility(-0.001)).toBe('0.00');
  });
  it('shows other numbers with three significant digits, and commas from 1000', () => {
    expect(formatNumber(0.4213)).toBe('0.421');
    expect(formatNumber(2.3)).toBe('2.3');
    expect(formatNumber(123.456)).toBe('123');
    expect(formatNumber(999.6)).toBe('1,000');
    expect(formatNumber(-1234567.8)).toBe('-1,234,568');
    expect(formatNumber(0.000012345)).toBe('1.23e-5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe('-∞');
  });
  it('formats intervals and picks a bar chart format from its unit', () => {
    expect(formatInterval([0.05, 0.2], 'probability')).toBe('[5.0%, 20.0%]');
    expect(barFormat('probability')).toBe('probability');
    expect(barFormat('utility')).toBe('utility');
    expect(barFormat('USD/bbl')).toBe('number');
  });
});
