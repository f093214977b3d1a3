import { describe, expect, test } from 'vitest';
import { renderText } from '../analysis/report/render-text.js';
import { assessEvidence, assessmentReport } from './assessment-report.js';
import { MODEL, obs } from './test-fixtures.js';

describe('assessmentReport', () => {
  const reports = assessEvidence(
    MODEL,
    [obs(1, 'carrier', 'seen'), obs(2, 'oil', 'up', '2026-01-20')],
    '2026-01-15',
  );
  const doc = assessmentReport(reports, {
    title: 'T',
    scenarioLabel: 't.yaml',
    scenarioId: 't',
    asOf: '2026-01-15',
    version: 'test',
  });

  test('one group of sections per set; the data carry the figures', () => {
    expect(doc.sections.map((s) => s.id)).toEqual([
      'evidence-intent-posterior',
      'evidence-intent-timeline',
      'evidence-intent-items',
      'evidence-intent-ach',
      'evidence-intent-voi',
    ]);
    const data = doc.data as {
      sets: { posterior: number[]; terms: string[]; voi: { indicator: string }[] }[];
    };
    expect(data.sets[0]!.posterior[0]).toBeCloseTo(0.4, 12);
    expect(data.sets[0]!.terms).toEqual(['unlikely', 'likely']);
    // oil was reported after --as-of: it is still unobserved, so it is ranked for observation.
    expect(data.sets[0]!.voi.map((v) => v.indicator)).toEqual(['patriot', 'oil']);
  });

  test('the posterior is stated with its ICD 203 term, in every format', () => {
    const first = doc.sections[0]!.blocks[0]!;
    expect(first).toEqual({
      kind: 'paragraph',
      text: "After 1 report(s), 1 counted (one per group of correlated indicators), the leading hypothesis is 'risk': 60.0% (likely).",
    });
    expect(renderText(doc)).toMatch(/risk\s+75\.0%\s+60\.0%\s+likely/);
  });
});
