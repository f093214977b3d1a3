// Policies: the scenario's policies compared side by side on the draws the page has already solved
// (each draw record holds every policy game), by `brink compare`'s own code — the same figures the
// CLI prints for the same seed, draws and λ.
import { useMemo, useState } from 'preact/hooks';
import { buildCompareReport } from '../../../src/analysis/compare-report.js';
import type { CompareRun } from '../../../src/analysis/compare.js';
import type { ReportDocument } from '../../../src/analysis/report/document.js';
import { CompareResultsView } from '../compare-view/compare-results-view.js';
import {
  availablePolicies,
  compareCommandLine,
  comparePolicies,
  comparisonPlan,
} from '../compare-view/policy-comparison.js';
import { ReportSections } from '../report/report-view.js';
import type { Workbench } from '../workbench.js';

type Comparison =
  | { readonly error: string }
  | { readonly compared: CompareRun; readonly doc: ReportDocument };

const DEFAULT_CHOICE = ['baseline', 'grand_bargain', 'segmented_reciprocity'];

export function CompareView({ wb }: { wb: Workbench }) {
  const [chosen, setChosen] = useState<string[]>(DEFAULT_CHOICE);
  const [reportOpen, setReportOpen] = useState(false);
  const run = wb.outcome?.analysis.run;
  const choices = useMemo(() => (run ? availablePolicies(run.model, run.records) : []), [run]);
  const comparison = useMemo((): Comparison | undefined => {
    if (!run) return undefined;
    const names = chosen.filter((id) => choices.some((c) => c.id === id));
    if (names.length === 0)
      return { error: 'Tick at least one policy: one alone is compared with the baseline.' };
    try {
      const ctx = comparisonPlan(run.model, names);
      const compared = comparePolicies(run, ctx);
      const doc = buildCompareReport(run.model, compared, { scenario: wb.scenario.file, version: '' });
      return { compared, doc };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }, [run, chosen, choices, wb.scenario.file]);

  if (!run)
    return (
      <p data-testid="compare-waiting">
        {wb.error ? `The draws could not be computed: ${wb.error}` : 'Computing the draws…'}
      </p>
    );

  const toggle = (id: string, on: boolean) =>
    setChosen((c) => (on ? [...c.filter((x) => x !== id), id] : c.filter((x) => x !== id)));
  const held = Object.keys(wb.fixed);
  const ids =
    comparison && 'compared' in comparison ? comparison.compared.plan.policies.map((p) => p.id) : [];

  return (
    <div class="compare-view" data-testid="compare-view">
      <h2>Policy comparison</h2>
      <p>
        Every policy is solved on the same {run.draws} parameter draws (seed {run.seed}, λ = {run.lambda},
        common random numbers): the draws of the analysis, with no new solve. The reference is the baseline
        when it is ticked, otherwise the first policy ticked. Change the seed and the number of draws in
        What-if.
      </p>
      {wb.running && (
        <p class="compare-stale">The draws are being recomputed; these figures are of the previous ones.</p>
      )}
      {held.length > 0 && (
        <p class="compare-stale" data-testid="compare-held">
          Held at values (What-if): {held.map((k) => `${k} = ${wb.fixed[k]}`).join(', ')}. brink compare has
          no --set, so the CLI's figures differ from these.
        </p>
      )}
      <fieldset class="policy-choices" data-testid="policy-choices">
        <legend>Policies</legend>
        {choices.map((c) => (
          <label key={c.id} title={run.model.spec.policies[c.id]?.description ?? c.id}>
            <input
              type="checkbox"
              checked={chosen.includes(c.id)}
              onChange={(e) => toggle(c.id, (e.target as HTMLInputElement).checked)}
              data-testid={`policy-${c.id}`}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
      {comparison && 'error' in comparison && (
        <p class="error" data-testid="compare-error">
          {comparison.error}
        </p>
      )}
      {comparison && 'compared' in comparison && (
        <>
          <p class="compare-cli">
            The same figures from the command line:{' '}
            <code data-testid="compare-command">
              {compareCommandLine(ids, run, run.model.spec.defaults.lambda)}
            </code>
          </p>
          <CompareResultsView results={comparison.compared.results} name="compare" />
          <details
            class="compare-report"
            onToggle={(e) => setReportOpen((e.currentTarget as HTMLDetailsElement).open)}
          >
            <summary>The report as brink compare prints it</summary>
            {reportOpen && <ReportSections sections={comparison.doc.sections} />}
          </details>
        </>
      )}
    </div>
  );
}
