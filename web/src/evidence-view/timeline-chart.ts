// The posterior timeline as a Vega-Lite chart: one line per hypothesis, one point per report date
// (the prior first), over the ICD 203 ranges drawn as bands with their words, so a reader sees both
// the number and the word an assessment would use for it.
import type { TopLevelSpec } from 'vega-lite';
import type { SetReport } from '../../../src/evidence/assessment-report.js';
import { ICD203_TERMS } from '../../../src/evidence/wep.js';
import { timelineRows } from './assessment.js';

const WIDTH = 520;
const HEIGHT = 260;

/** The ICD 203 bands over [0, 1]: the end ranges stretch to 0 and 1 (wep.ts gives them the end words). */
export function icdBands() {
  return ICD203_TERMS.map((t, i) => ({
    term: t.term,
    low: i === 0 ? 0 : t.range[0] / 100,
    high: i === ICD203_TERMS.length - 1 ? 1 : t.range[1] / 100,
    shade: i % 2,
  }));
}

export function timelineSpec(r: SetReport): TopLevelSpec {
  const points = timelineRows(r);
  const steps = [...new Map(points.map((p) => [p.step, p.asOf])).values()];
  const x = {
    field: 'asOf',
    type: 'ordinal',
    sort: steps,
    title: 'as of (report date)',
    axis: { labelAngle: -30 },
  } as const;
  return {
    title: `${r.assessment.set.label}: posterior over time`,
    width: WIDTH,
    height: HEIGHT,
    config: { font: 'sans-serif', background: 'white' },
    layer: [
      {
        data: { values: icdBands() },
        mark: { type: 'rect', opacity: 0.35 },
        encoding: {
          y: { field: 'low', type: 'quantitative', scale: { domain: [0, 1] }, title: 'probability' },
          y2: { field: 'high' },
          color: {
            field: 'shade',
            type: 'nominal',
            scale: { range: ['#eef1f6', '#dfe5ee'] },
            legend: null,
          },
        },
      },
      {
        data: { values: icdBands() },
        mark: { type: 'text', align: 'right', dx: -4, fontSize: 9, color: '#5a6478' },
        encoding: {
          y: { field: 'mid', type: 'quantitative' },
          x: { value: WIDTH },
          text: { field: 'term' },
        },
        transform: [{ calculate: '(datum.low + datum.high) / 2', as: 'mid' }],
      },
      {
        data: { values: points },
        mark: { type: 'line', point: true },
        encoding: {
          x,
          y: { field: 'posterior', type: 'quantitative', axis: { format: '.0%' } },
          color: {
            field: 'hypothesis',
            type: 'nominal',
            sort: null,
            title: null,
            legend: { orient: 'bottom', direction: 'vertical', labelLimit: 480 },
          },
          tooltip: [
            { field: 'asOf', title: 'as of' },
            { field: 'hypothesis' },
            { field: 'posterior', format: '.4f' },
            { field: 'term', title: 'ICD 203' },
            { field: 'added', title: 'new reports' },
          ],
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  } as TopLevelSpec;
}
