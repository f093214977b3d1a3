import { describe, expect, it } from 'vitest';
import { formatFloat } from './format-number.js';

describe('formatFloat', () => {
  it('prints like Gambit with 10 significant digits', () => {
    expect(formatFloat(0.3999999591)).toBe('0.3999999591');
    expect(formatFloat(6.605981605e-6)).toBe('6.605981605e-06');
    expect(formatFloat(0.5)).toBe('0.5');
    expect(formatFloat(1)).toBe('1');
    expect(formatFloat(0)).toBe('0');
    expect(formatFloat(2 / 3)).toBe('0.6666666667');
  });
});
