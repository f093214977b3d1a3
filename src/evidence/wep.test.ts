import { describe, expect, test } from 'vitest';
import { estimativeTerm } from './wep.js';

describe('ICD 203 words of estimative probability', () => {
  test('each range has its term', () => {
    const terms = [0.03, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97].map((p) => estimativeTerm(p).term);
    expect(terms).toEqual([
      'almost no chance',
      'very unlikely',
      'unlikely',
      'roughly even chance',
      'likely',
      'very likely',
      'almost certain',
    ]);
  });
  test('shared ends go to the range nearer 50 %; the tails take the end terms', () => {
    expect(estimativeTerm(0.05).term).toBe('very unlikely');
    expect(estimativeTerm(0.45).term).toBe('roughly even chance');
    expect(estimativeTerm(0.55).term).toBe('roughly even chance');
    expect(estimativeTerm(0.8).term).toBe('likely');
    expect(estimativeTerm(0.95).term).toBe('very likely');
    expect(estimativeTerm(0.001).term).toBe('almost no chance');
    expect(estimativeTerm(0.999).alternative).toBe('nearly certain');
  });
});
