// The report of `brink analyze` as a document: an overview with the outcome distribution, the
// costs, the seven questions of the seeds, and the structural checks. Every figure carries the
// formula, state variables and parameters it comes from (its trace).
import type { AnalysisResults } from './analyze.js';
import { checksSection } from './checks-section.js';
import { costsSection } from './costs.js';
import { negotiationSection } from './negotiation.js';
import { DEAL_SUBCLASSES, FLAGS, OUTCOME_CLASSES } from './outcomes.js';
import { q1Section } from './questions/q1-talks-intent.js';
import { q2Section } from './questions/q2-limited-strike.js';
import { q3Section } from './questions/q3-sequences.js';
import { q4Section } from './questions/q4-iran-response.js';
import { q5Section } from './questions/q5-architectures.js';
import { q6Section } from './questions/q6-oil-markets.js';
import { q7Section } from './questions/q7-public-vs-backchannel.js';
import type { ReportDocument, Section } from './report/document.js';
import { formatProbability } from './report/format.js';
import { rolloutSection } from './rollouts.js';
import type { Stat } from './stats.js';

export interface ReportMeta {
  readonly title: string;
  readonly scenarioId: string;
  readonly version: string;
}

const pctI = (s: Stat) =>
  `${formatProbability(s.mean)} [${formatProbability(s.low)}, ${formatProbability(s.high)}]`;

function outcomesSection(r: AnalysisResults): Section {
  const { q3 } = r;
  return {
    id: 'outcomes',
    title: 'Outcome distribution',
    question:
      '“The most plausible outcome of the current standoff is not a U.S. invasion of Iran or a full-scale regional war.” (002_749e95640e60a4bc.txt)',
    blocks: [
      {
        kind: 'paragraph',
        text: `Probabilities are means over ${r.draws} parameter draws (seed ${r.seed}) of each draw's equilibrium probability (agent logit QRE, λ = ${r.lambda}); the interval is the 5th–95th percentile of the draws. The classes are mutually exclusive, checked in the order shown.`,
      },
      ...OUTCOME_CLASSES.map((c, k) => ({
        kind: 'figure' as const,
        label: c.label,
        value: q3.classes[k]!.mean,
        format: 'probability' as const,
        interval: [q3.classes[k]!.low, q3.classes[k]!.high] as [number, number],
        trace: `Σ ρ over leaves where the named formula ${c.formula} holds (scenario formulas, design §5.1)`,
      })),
      {
        kind: 'bar-chart',
        title: 'Outcome classes (mean over draws, 90 % interval)',
        unit: 'probability',
        bars: OUTCOME_CLASSES.map((c, k) => ({
          label: c.label,
          value: q3.classes[k]!.mean,
          low: q3.classes[k]!.low,
          high: q3.classes[k]!.high,
        })),
      },
      {
        kind: 'table',
        caption: 'Kinds of deal (they add up to the deal class).',
        columns: ['deal', 'probability'],
        rows: DEAL_SUBCLASSES.map((c, k) => [c.label, pctI(q3.dealSub[k]!)]),
        trace:
          'deal_comprehensive (state.deal_missiles > 0), deal_nuclear_only (deal_nuclear ≥ 0.75), deal_interim (deal_nuclear < 0.75)',
      },
      {
        kind: 'table',
        caption: 'Events reported beside the classes (not exclusive).',
        columns: ['event', 'probability', 'formula'],
        rows: FLAGS.map((f, k) => [f.label, pctI(q3.flags[k]!), f.formula]),
        trace: 'Σ ρ over leaves where the formula holds',
      },
    ],
  };
}

export function buildReport(r: AnalysisResults, meta: ReportMeta): ReportDocument {
  const methods = Object.entries(r.solver.methods)
    .map(([m, n]) => `${m} ${n}`)
    .join(', ');
  return {
    title: `Brink analysis: ${meta.title}`,
    provenance: {
      scenario: r.scenario,
      'scenario id': meta.scenarioId,
      seed: r.seed,
      draws: r.draws,
      lambda: r.lambda,
      solver: `agent logit QRE (solves: ${methods}; largest fixed-point residual ${r.solver.maxResidual.toExponential(1)})`,
      games: `baseline ${r.solver.nodes.baseline ?? 0} nodes, and ${Object.keys(r.solver.nodes).length - 1} policy games per draw on the same parameter values`,
      brink: meta.version,
    },
    sections: [
      outcomesSection(r),
      rolloutSection(r.rollouts),
      costsSection(r.costs),
      q1Section(r.q1),
      q2Section(r.q2),
      q3Section(r.q3),
      q4Section(r.q4),
      q5Section(r.q5, r.negotiation),
      ...(r.negotiation ? [negotiationSection(r.negotiation)] : []),
      q6Section(r.q6),
      q7Section(r.q7),
      checksSection(r.checks),
    ],
  };
}
