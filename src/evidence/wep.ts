// Words of estimative probability of ICD 203 (Office of the Director of National Intelligence,
// Intelligence Community Directive 203, Analytic Standards, 2015, §D.6.e): seven ranges, each with
// its term and the directive's alternative term. The directive gives the ranges as 01–05 %, 05–20 %,
// 20–45 %, 45–55 %, 55–80 %, 80–95 %, 95–99 %; a shared end belongs to the range nearer to 50 %,
// and values beyond 1 % and 99 % take the end terms.

export interface EstimativeTerm {
  readonly term: string;
  readonly alternative: string;
  /** The range, in percent, as the directive gives it. */
  readonly range: readonly [number, number];
}

export const ICD203_TERMS: readonly EstimativeTerm[] = [
  { term: 'almost no chance', alternative: 'remote', range: [1, 5] },
  { term: 'very unlikely', alternative: 'highly improbable', range: [5, 20] },
  { term: 'unlikely', alternative: 'improbable', range: [20, 45] },
  { term: 'roughly even chance', alternative: 'roughly even odds', range: [45, 55] },
  { term: 'likely', alternative: 'probable', range: [55, 80] },
  { term: 'very likely', alternative: 'highly probable', range: [80, 95] },
  { term: 'almost certain', alternative: 'nearly certain', range: [95, 99] },
];

/** The ICD 203 term for a probability in [0, 1]. */
export function estimativeTerm(p: number): EstimativeTerm {
  // Compared as fractions (0.55 * 100 is not 55 in floating point).
  if (p < 0.05) return ICD203_TERMS[0]!;
  if (p < 0.2) return ICD203_TERMS[1]!;
  if (p < 0.45) return ICD203_TERMS[2]!;
  if (p <= 0.55) return ICD203_TERMS[3]!;
  if (p <= 0.8) return ICD203_TERMS[4]!;
  if (p <= 0.95) return ICD203_TERMS[5]!;
  return ICD203_TERMS[6]!;
}
