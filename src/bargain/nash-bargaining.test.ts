import { describe, expect, it } from 'vitest';
import { BargainInputError } from './errors.js';
import { individuallyRational, nashBargainingFinite, nashProduct } from './nash-bargaining.js';

describe('nash bargaining on a finite set', () => {
  it('Π(u − d)', () => {
    expect(nashProduct([3, 4], [1, 1])).toBe(6);
    expect(nashProduct([0, 4], [1, 1])).toBe(-3);
    expect(individuallyRational([0, 4], [1, 1])).toBe(false);
  });
  it('picks the maximiser among individually rational points', () => {
    // Products relative to (1, 1): 2·2 = 4, 3·1 = 3, (−1)·(−1) = 1 but not rational.
    expect(
      nashBargainingFinite(
        [
          [3, 3],
          [4, 2],
          [0, 0],
        ],
        [1, 1],
      ),
    ).toEqual({ index: 0, utilities: [3, 3], product: 4 });
  });
  it('no agreement when nothing beats d', () => {
    expect(nashBargainingFinite([[0, 5]], [1, 1])).toEqual({ index: null, utilities: null, product: 0 });
  });
  it('rejects mismatched vectors', () => {
    expect(() => nashProduct([1], [0, 0])).toThrow(BargainInputError);
  });
});
