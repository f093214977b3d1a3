// Rows of the assessment for the Evidence tab. The figures are exactly what `brink assess` computes
// (assessEvidence in src/evidence/assessment-report.ts: posteriors, timeline, ACH, value of
// information); this only arranges them, with the ICD 203 word of each probability.
import type { SetReport } from '../../../src/evidence/assessment-report.js';
import { estimativeTerm } from '../../../src/evidence/wep.js';

export interface PosteriorRow {
  readonly set: string;
  readonly hypothesis: string;
  readonly label: string;
  readonly prior: number;
  readonly posterior: number;
  /** ICD 203 word of the posterior. */
  readonly term: string;
}

export function posteriorRows(r: SetReport): PosteriorRow[] {
  const a = r.assessment;
  return a.set.hypotheses.map((h, i) => ({
    set: a.set.id,
    hypothesis: h.id,
    label: h.label,
    prior: a.prior[i]!,
    posterior: a.posterior[i]!,
    term: estimativeTerm(a.posterior[i]!).term,
  }));
}

/** Report date and step of each timeline point: the prior is step 0, dated "prior". */
export function timelineRows(r: SetReport) {
  const hs = r.assessment.set.hypotheses;
  return r.timeline.flatMap((p, step) =>
    hs.map((h, i) => ({
      step,
      asOf: p.date === '' ? 'prior' : p.date,
      hypothesis: h.label,
      posterior: p.posterior[i]!,
      term: estimativeTerm(p.posterior[i]!).term,
      added: p.added.join(', '),
    })),
  );
}
