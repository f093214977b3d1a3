// A stored run's report rebuilt from its stored results, as `brink runs show` rebuilds it
// (src/cli/runs-command.ts analyzeReport): the figures are exactly those stored, nothing is
// recomputed. analyze → buildReport, with the tornado and Sobol sections appended when the run was
// made with --sensitivity (what `brink analyze --sensitivity` printed); sensitivity →
// buildSensitivityReport; compare → its stored CompareResults, which the page shows with the
// Policies view's table. Results that no longer fit this version's report are shown as stored.
import type { AnalysisResults } from '../../../src/analysis/analyze.js';
import { buildReport } from '../../../src/analysis/build-report.js';
import type { CompareResults } from '../../../src/analysis/compare.js';
import type { ReportDocument } from '../../../src/analysis/report/document.js';
import {
  type SensitivityResults,
  buildSensitivityReport,
  sensitivitySections,
} from '../../../src/analysis/sensitivity/sensitivity-report.js';
import { parseScenarioShape } from '../../../src/scenario/load.js';
import type { StoredRun } from '../../../src/store/run-store.js';

export type RunReport =
  | { readonly kind: 'document'; readonly doc: ReportDocument }
  | { readonly kind: 'compare'; readonly results: CompareResults }
  /** No report for this kind, or one that cannot be rebuilt (`problem` says why): the stored JSON. */
  | { readonly kind: 'raw'; readonly problem?: string };

/** The scenario's title and id from the stored text; its label when the text no longer parses. */
export function scenarioNames(run: Pick<StoredRun, 'scenarioText' | 'scenarioLabel'>): {
  title: string;
  id: string;
} {
  try {
    const { spec } = parseScenarioShape(run.scenarioText, run.scenarioLabel);
    return { title: spec.title, id: spec.id };
  } catch {
    return { title: run.scenarioLabel, id: run.scenarioLabel };
  }
}

function analyzeDoc(run: StoredRun): ReportDocument {
  const { title, id } = scenarioNames(run);
  const results = run.results as AnalysisResults & { sensitivity?: SensitivityResults };
  const doc = buildReport(results, { title, scenarioId: id, version: run.version });
  if (results.sensitivity === undefined) return doc;
  return { ...doc, sections: [...doc.sections, ...sensitivitySections(results.sensitivity)] };
}

function sensitivityDoc(run: StoredRun): ReportDocument {
  const lambda = typeof run.options.lambda === 'number' ? run.options.lambda : Number.NaN;
  return buildSensitivityReport(run.results as SensitivityResults, {
    title: scenarioNames(run).title,
    scenario: run.scenarioLabel,
    version: run.version,
    seed: run.seed,
    lambda,
  });
}

function isCompareResults(x: unknown): x is CompareResults {
  const r = x as Partial<CompareResults> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    Array.isArray(r.metrics) &&
    Array.isArray(r.policies) &&
    Array.isArray(r.differences) &&
    r.policies.length > 0
  );
}

export function runReport(run: StoredRun): RunReport {
  try {
    switch (run.kind) {
      case 'analyze':
        return { kind: 'document', doc: analyzeDoc(run) };
      case 'sensitivity':
        return { kind: 'document', doc: sensitivityDoc(run) };
      case 'compare':
        if (isCompareResults(run.results)) return { kind: 'compare', results: run.results };
        return { kind: 'raw', problem: 'the stored results are not those of a policy comparison' };
      default:
        return { kind: 'raw' };
    }
  } catch (e) {
    return {
      kind: 'raw',
      problem: `the report cannot be rebuilt from these results: ${(e as Error).message}`,
    };
  }
}
