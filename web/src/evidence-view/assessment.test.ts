import { join, resolve } from 'node:path';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { describe, expect, test } from 'vitest';
import { assessEvidence } from '../../../src/evidence/assessment-report.js';
import type { Observation } from '../../../src/evidence/observation-types.js';
import { type ObservationFields, validateObservation } from '../../../src/evidence/observation-validate.js';
import { loadScenario } from '../../../src/scenario/load-file.js';
import { posteriorRows, timelineRows } from './assessment.js';
import { icdBands, timelineSpec } from './timeline-chart.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const model = loadScenario(join(ROOT, 'scenarios', 'us-iran-2026.yaml'));
const evidence = model.evidence!;
const ctx = { scenario: model.spec.id, evidence };

/** Observations as the form sends them, validated as the server does, then numbered as the log does. */
function logged(list: readonly ObservationFields[]): Observation[] {
  return list.map((fields, i) => {
    const v = validateObservation(fields, ctx);
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    return { id: i + 1, ...v.observation };
  });
}

const report = (indicator: string, value: Partial<ObservationFields>, grade: string, date: string) => ({
  indicator,
  ...value,
  event_date: date,
  report_date: date,
  source: 'test',
  reliability: grade[0]!,
  credibility: grade[1]!,
});

// docs/evidence.md, worked example 3: the five reports of the `brink evidence assess` example.
const FIVE = [
  report('carrier_arrival', { state: 'arrived' }, 'A1', '2026-02-01'),
  report('patriot_thaad', { state: 'reinforced' }, 'B2', '2026-02-02'),
  report('brent_three_day_rise', { probs: 'rose=0.8, no_rise=0.2' }, 'B2', '2026-02-03'),
  report('terms_of_entry', { state: 'comprehensive_insisted' }, 'C3', '2026-02-04'),
  report('talks_oman', { state: 'held' }, 'B2', '2026-02-05'),
];

/** The same posterior by hand from docs/evidence.md's formulas, independent of src/evidence. */
function byHand(): number[] {
  const prior = [0.1703, 0.5456, 0.2841];
  const brentRose = [0.6, 0.45, 0.5];
  const pRose = prior.reduce((s, p, h) => s + p * brentRose[h]!, 0); // 0.48975
  const brent = brentRose.map((r) => (0.8 * r) / pRose + (0.2 * (1 - r)) / (1 - pRose));
  const factors = [
    [0.9, 0.6, 0.4].map((x) => x ** 0.64), // Patriot B2 counts in force_posture, not the carrier (LR 1.5)
    brent.map((x) => x ** 0.64), // markets, B2
    [0.8, 0.45, 0.75].map((x) => x ** 0.36), // terms of entry, C3
    [0.6, 0.85, 0.7].map((x) => x ** 0.64), // diplomacy, B2
  ];
  const w = prior.map((p, h) => factors.reduce((s, f) => s * f[h]!, p));
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

describe('the Evidence tab’s assessment (the code of brink assess)', () => {
  test('no observations: the posterior is the prior', () => {
    const rows = posteriorRows(assessEvidence(evidence, [])[0]!);
    expect(rows.map((r) => [r.set, r.hypothesis, r.posterior])).toEqual([
      ['talks_intent', 'buying_time', 0.1703],
      ['talks_intent', 'risk_control', 0.5456],
      ['talks_intent', 'legitimacy', 0.2841],
    ]);
  });

  test('carrier arrived, A1: (0.2354, 0.5028, 0.2618) as worked by hand in docs/evidence.md', () => {
    const rows = posteriorRows(assessEvidence(evidence, logged([FIVE[0]!]))[0]!);
    const want = [0.15327 / 0.65109, 0.32736 / 0.65109, 0.17046 / 0.65109];
    rows.forEach((r, i) => expect(r.posterior).toBeCloseTo(want[i]!, 12));
    expect(rows.map((r) => r.term)).toEqual(['unlikely', 'roughly even chance', 'unlikely']);
  });

  test('the five reports of worked example 3: (0.2362, 0.5289, 0.2348), and each step of the timeline', () => {
    const [r] = assessEvidence(evidence, logged(FIVE));
    const rows = posteriorRows(r!);
    const want = byHand();
    rows.forEach((row, i) => expect(row.posterior).toBeCloseTo(want[i]!, 12));
    expect(rows.map((row) => +row.posterior.toFixed(4))).toEqual([0.2362, 0.5289, 0.2348]);
    // The timeline ends at the posterior and starts at the prior, one step per report date.
    const points = timelineRows(r!);
    expect(points).toHaveLength(6 * 3);
    expect(points.slice(-3).map((p) => p.posterior)).toEqual(r!.assessment.posterior);
    expect(points.slice(0, 3).map((p) => [p.asOf, p.posterior])).toEqual([
      ['prior', 0.1703],
      ['prior', 0.5456],
      ['prior', 0.2841],
    ]);
    // Only the Patriot report counts in force_posture.
    expect(r!.assessment.items.map((i) => [i.observation.indicator, i.counted])).toEqual([
      ['carrier_arrival', false],
      ['patriot_thaad', true],
      ['brent_three_day_rise', true],
      ['terms_of_entry', true],
      ['talks_oman', true],
    ]);
  });

  test('a retraction or an as-of date takes reports out of the posterior', () => {
    const list = logged(FIVE);
    const retracted = list.map((o) => (o.id === 1 ? o : { ...o, retracted: { at: 'x', reason: 'test' } }));
    const one = assessEvidence(evidence, [list[0]!])[0]!.assessment.posterior;
    expect(assessEvidence(evidence, retracted)[0]!.assessment.posterior).toEqual(one);
    expect(assessEvidence(evidence, list, '2026-02-01')[0]!.assessment.posterior).toEqual(one);
  });

  test('the ICD 203 bands cover [0, 1] without gaps', () => {
    const bands = icdBands();
    expect(bands[0]!.low).toBe(0);
    expect(bands.at(-1)!.high).toBe(1);
    for (let i = 1; i < bands.length; i++) expect(bands[i]!.low).toBe(bands[i - 1]!.high);
  });

  test('the timeline chart renders: one point per hypothesis and report date', async () => {
    const [r] = assessEvidence(evidence, logged(FIVE));
    const view = new vega.View(vega.parse(compile(timelineSpec(r!)).spec), { renderer: 'none' });
    await view.runAsync();
    const svg = await view.toSVG();
    view.finalize();
    expect(svg).toContain('posterior over time');
    expect(svg).toContain('roughly even chance');
    const count = (role: string) => svg.split(`aria-roledescription="${role}"`).length - 1;
    // 6 steps (prior + 5 report dates) × 3 hypotheses; one band and one word per ICD 203 range.
    expect(count('point')).toBe(18);
    expect(count('line mark')).toBe(3);
    expect(count('rect mark')).toBe(7);
    expect(count('text mark')).toBe(7);
  });
});
