import { describe, expect, test } from 'vitest';
import { closest, didYouMean, levenshtein } from './suggest.js';

describe('levenshtein', () => {
  test.each([
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['flaw', 'lawn', 2],
    ['same', 'same', 0],
    ['us.resolve', 'us.reslove', 2],
  ])('%s → %s = %d', (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d);
    expect(levenshtein(b, a)).toBe(d);
  });
});

describe('closest', () => {
  const names = ['us.resolve', 'iran.resolve', 'state.oil_disruption', 'p_win'];
  test('finds a near name and ignores far ones', () => {
    expect(closest('us.reslove', names)).toBe('us.resolve');
    expect(closest('state.oil_disruptoin', names)).toBe('state.oil_disruption');
    expect(closest('P_WIN', names)).toBe('p_win');
    expect(closest('casualties', names)).toBeUndefined();
    expect(didYouMean('iran.resolv', names)).toBe(" (did you mean 'iran.resolve'?)");
    expect(didYouMean('zzz', names)).toBe('');
  });
});
