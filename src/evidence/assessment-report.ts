// The evidence assessment as a report document (src/analysis/report): for each hypothesis set, the
// posteriors with ICD 203 words, the timeline (table and chart), the evidence items with what each
// contributed, the ACH matrix and the value-of-information ranking. Renderers lay it out as text,
// Markdown, HTML or JSON; `data` carries the raw figures for JSON.
import type { Block, ReportDocument, Section } from '../analysis/report/document.js';
import { formatNumber, formatProbability } from '../analysis/report/format.js';
import type { EvidenceModel } from '../scenario/model.js';
import { type AchMatrix, achMatrix } from './ach.js';
import { type SetAssessment, activeObservations, assessSet } from './assess.js';
import type { EvidenceValue, Observation } from './observation-types.js';
import { type TimelinePoint, posteriorTimeline } from './timeline.js';
import { type VoiEntry, valueOfInformation } from './voi.js';
import { estimativeTerm } from './wep.js';

export interface SetReport {
  readonly assessment: SetAssessment;
  readonly timeline: readonly TimelinePoint[];
  readonly ach: AchMatrix;
  readonly voi: readonly VoiEntry[];
}

export interface AssessmentMeta {
  readonly title: string;
  readonly scenarioLabel: string;
  readonly scenarioId: string;
  readonly asOf?: string;
  readonly version: string;
}

/** Every figure of the assessment, for every hypothesis set of the scenario. */
export function assessEvidence(
  evidence: EvidenceModel,
  observations: readonly Observation[],
  asOf?: string,
): SetReport[] {
  const active = activeObservations(observations, asOf);
  return evidence.sets.map((set) => {
    const assessment = assessSet(evidence, set.id, active);
    return {
      assessment,
      timeline: posteriorTimeline(evidence, set.id, active),
      ach: achMatrix(assessment),
      voi: valueOfInformation(evidence, set.id, active),
    };
  });
}

const withTerm = (p: number): string => `${formatProbability(p)} (${estimativeTerm(p).term})`;

export function valueText(v: EvidenceValue): string {
  const pairs = (r: Record<string, number>) =>
    Object.entries(r)
      .map(([s, x]) => `${s}=${x}`)
      .join(' ');
  if (v.kind === 'hard') return v.state;
  return v.kind === 'likelihood' ? `weights ${pairs(v.weights)}` : `probs ${pairs(v.probs)}`;
}

function posteriorBlocks(r: SetReport): Block[] {
  const a = r.assessment;
  const hs = a.set.hypotheses;
  const top = a.posterior.indexOf(Math.max(...a.posterior));
  const counted = a.items.filter((i) => i.counted).length;
  return [
    {
      kind: 'paragraph',
      text: `After ${a.items.length} report(s), ${counted} counted (one per group of correlated indicators), the leading hypothesis is '${hs[top]!.label}': ${withTerm(a.posterior[top]!)}.`,
    },
    {
      kind: 'table',
      caption: 'Prior and posterior of each hypothesis, with the ICD 203 term for the posterior.',
      columns: ['hypothesis', 'prior', 'posterior', 'ICD 203'],
      rows: hs.map((h, i) => [
        h.label,
        formatProbability(a.prior[i]!),
        formatProbability(a.posterior[i]!),
        estimativeTerm(a.posterior[i]!).term,
      ]),
      trace: 'log p_h + Σ_counted w·log λ_h, normalised (docs/evidence.md)',
    },
    {
      kind: 'bar-chart',
      title: 'Prior and posterior',
      unit: 'probability',
      bars: hs.flatMap((h, i) => [
        { label: h.label, series: 'prior', value: a.prior[i]! },
        { label: h.label, series: 'posterior', value: a.posterior[i]! },
      ]),
    },
  ];
}

function timelineBlocks(r: SetReport): Block[] {
  const hs = r.assessment.set.hypotheses;
  const label = (p: TimelinePoint) => (p.date === '' ? 'prior' : p.date);
  return [
    {
      kind: 'table',
      caption: 'The posterior as of each report date (each row is what --as-of that date gives).',
      columns: ['as of', 'new reports', ...hs.map((h) => h.id)],
      rows: r.timeline.map((p) => [label(p), p.added.join(', '), ...p.posterior.map(withTerm)]),
    },
    {
      kind: 'line-chart',
      title: 'Posterior over time',
      xLabel: 'step (0 = prior, then each report date of the table)',
      yLabel: 'probability',
      points: r.timeline.flatMap((p, x) => hs.map((h, i) => ({ x, y: p.posterior[i]!, series: h.id }))),
    },
  ];
}

function itemBlocks(r: SetReport): Block[] {
  const a = r.assessment;
  if (a.items.length === 0) return [{ kind: 'paragraph', text: 'No reports bear on this set yet.' }];
  return [
    {
      kind: 'table',
      caption:
        'Each report: its Admiralty grade and weight w, the likelihood λ_h = P(report | h) under each hypothesis before tempering, and whether it counts (only the most diagnostic report of a group does).',
      columns: [
        'id',
        'indicator',
        'value',
        'reported',
        'grade',
        'w',
        ...a.set.hypotheses.map((h) => h.id),
        'counts',
      ],
      rows: a.items.map((i) => [
        i.observation.id,
        i.indicator.id,
        valueText(i.observation.value),
        i.observation.reportDate,
        `${i.observation.reliability}${i.observation.credibility}`,
        formatNumber(i.weight),
        ...i.likelihood.map(formatNumber),
        i.counted ? 'yes' : `no (group ${i.group.replace(/^indicator:/, '')})`,
      ]),
      trace: 'likelihood.ts (hard, virtual, Jeffrey), admiralty.ts (w), groups.ts',
    },
  ];
}

function achBlocks(r: SetReport): Block[] {
  const m = r.ach;
  if (m.rows.length === 0) return [];
  return [
    {
      kind: 'paragraph',
      text: 'ACH (Heuer) as a transparency aid, not a second estimate: ratings follow from the tempered likelihoods (CC ≥ 2× the mean of the other hypotheses, C ≥ 1.25×, I ≤ 0.8×, II ≤ 0.5×). Look at the inconsistencies: the hypothesis with the least inconsistent evidence survives; items rated alike under every hypothesis are not diagnostic.',
    },
    {
      kind: 'table',
      caption:
        'ACH matrix: consistency of each report with each hypothesis; credibility (from the Admiralty grade) and relevance (Low when a more diagnostic report of the group counts instead); the largest likelihood ratio between two hypotheses.',
      columns: ['id', 'indicator', ...m.hypotheses, 'credibility', 'relevance', 'max LR', 'diagnostic'],
      rows: [
        ...m.rows.map((row) => [
          row.id,
          row.indicator,
          ...row.ratings,
          row.credibility,
          row.relevance,
          formatNumber(row.maxLikelihoodRatio),
          row.diagnostic ? 'yes' : 'no',
        ]),
        ['', 'inconsistency score', ...m.inconsistency.map(formatNumber), '', '', '', ''],
        ['', 'weighted inconsistency', ...m.weightedInconsistency.map(formatNumber), '', '', '', ''],
      ],
      trace:
        'PARC ACH 2.0: I = −1, II = −2; weighted × credibility × relevance (High √2, Medium 1, Low 1/√2)',
    },
  ];
}

function voiBlocks(r: SetReport): Block[] {
  if (r.voi.length === 0)
    return [{ kind: 'paragraph', text: 'Every indicator of this set has been reported.' }];
  const best = r.voi[0]!;
  return [
    {
      kind: 'paragraph',
      text: `Observe next: '${best.label}' (expected information ${formatNumber(best.expectedKlBits)} bits; it would move ${formatProbability(best.expectedShift)} of the probability on average).`,
    },
    {
      kind: 'table',
      caption:
        'Value of information of each indicator not yet reported: expected KL divergence of the posterior (bits) and expected total-variation shift, if it were observed exactly next.',
      columns: ['rank', 'indicator', 'group', 'expected KL (bits)', 'expected shift', 'P(states)'],
      rows: r.voi.map((v, i) => [
        i + 1,
        v.indicator,
        v.group ?? '',
        formatNumber(v.expectedKlBits),
        formatProbability(v.expectedShift),
        v.stateProbs.map(formatProbability).join(' / '),
      ]),
      trace: 'Σ_k P(k) KL(π_k ‖ π), Σ_k P(k) ½ Σ_h |π_k(h) − π(h)| (voi.ts)',
    },
  ];
}

function setSections(r: SetReport): Section[] {
  const set = r.assessment.set;
  const id = `evidence-${set.id}`;
  const name = set.label;
  return [
    { id: `${id}-posterior`, title: `${name}: posteriors`, blocks: posteriorBlocks(r) },
    { id: `${id}-timeline`, title: `${name}: timeline`, blocks: timelineBlocks(r) },
    { id: `${id}-items`, title: `${name}: evidence`, blocks: itemBlocks(r) },
    ...(r.ach.rows.length > 0
      ? [{ id: `${id}-ach`, title: `${name}: ACH matrix`, blocks: achBlocks(r) }]
      : []),
    { id: `${id}-voi`, title: `${name}: value of information`, blocks: voiBlocks(r) },
  ];
}

/** Plain figures for JSON output (no functions, no model objects). */
function setData(r: SetReport) {
  const a = r.assessment;
  return {
    set: a.set.id,
    type: a.set.type ?? null,
    hypotheses: a.set.hypotheses.map((h) => h.id),
    prior: a.prior,
    posterior: a.posterior,
    terms: a.posterior.map((p) => estimativeTerm(p).term),
    items: a.items.map((i) => ({
      id: i.observation.id,
      indicator: i.indicator.id,
      value: i.observation.value,
      reportDate: i.observation.reportDate,
      grade: `${i.observation.reliability}${i.observation.credibility}`,
      weight: i.weight,
      likelihood: i.likelihood,
      group: i.group,
      counted: i.counted,
    })),
    timeline: r.timeline.map((p) => ({
      date: p.date === '' ? null : p.date,
      posterior: p.posterior,
      added: p.added,
    })),
    ach: r.ach,
    voi: r.voi.map((v) => ({
      indicator: v.indicator,
      group: v.group ?? null,
      stateProbs: v.stateProbs,
      expectedKlBits: v.expectedKlBits,
      expectedShift: v.expectedShift,
    })),
  };
}

export function assessmentReport(reports: readonly SetReport[], meta: AssessmentMeta): ReportDocument {
  const reportsCount = new Set(reports.flatMap((r) => r.assessment.items.map((i) => i.observation.id))).size;
  return {
    title: `Brink evidence assessment: ${meta.title}`,
    provenance: {
      scenario: meta.scenarioLabel,
      'scenario id': meta.scenarioId,
      'as of': meta.asOf ?? 'all reports',
      reports: reportsCount,
      brink: meta.version,
    },
    sections: reports.flatMap(setSections),
    data: { asOf: meta.asOf ?? null, sets: reports.map(setData) },
  };
}
