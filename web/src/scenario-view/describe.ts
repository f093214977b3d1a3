// How the workbench writes a parameter's distribution and its sources: the distribution as written
// in the scenario (describeDistribution, shared with `brink explain`) with its mean and 90 %
// interval, and each source as a short label with the detail an analyst checks (the seed's quoted
// sentence, the fact id and note, the judgement's reason).
import { describeDistribution } from '../../../src/analysis/distribution-summary.js';
import { formatNumber } from '../../../src/analysis/report/format.js';
import { type Distribution, mean, quantile } from '../../../src/scenario/distributions.js';
import type { SourceSpec } from '../../../src/scenario/schema.js';

export interface SourceView {
  readonly kind: 'seed' | 'fact' | 'judgement';
  /** One line: "seed 003_82137da3c5b8a964.txt", "fact:hormuz-oil-flow-2024", "judgement". */
  readonly label: string;
  /** What the label rests on: the quote, the note, the reason ('' when there is none). */
  readonly detail: string;
}

/** Every source of a value (a single source or a list), in the order written. */
export function sourceViews(source: SourceSpec | undefined): SourceView[] {
  if (source === undefined) return [];
  const list = Array.isArray(source) ? source : [source];
  return list.map((s): SourceView => {
    if (typeof s === 'string') return { kind: 'fact', label: s, detail: '' };
    if ('seed' in s)
      return { kind: 'seed', label: `seed ${s.seed}`, detail: `“${s.quote}”${s.note ? ` (${s.note})` : ''}` };
    if ('fact' in s) return { kind: 'fact', label: `fact:${s.fact}`, detail: s.note ?? '' };
    return { kind: 'judgement', label: 'judgement', detail: s.judgement };
  });
}

/** The sources as one hover text, a line each: "seed 003…: “quote”". */
export function sourcesTitle(views: readonly SourceView[]): string {
  return views.map((v) => (v.detail ? `${v.label}: ${v.detail}` : v.label)).join('\n');
}

/** "triangular(low=0.5, mode=0.6, high=0.75)", or the value of a point parameter. */
export function distributionText(d: Distribution): string {
  return describeDistribution(d);
}

/** "mean 0.617, 90 % [0.54, 0.71]"; "fixed value" for a point. */
export function distributionStats(d: Distribution): string {
  if (d.dist === 'point') return 'fixed value';
  return `mean ${formatNumber(mean(d))}, 90 % [${formatNumber(quantile(d, 0.05))}, ${formatNumber(quantile(d, 0.95))}]`;
}
