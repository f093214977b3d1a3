// The Evidence tab: the scenario's evidence log (from the server), a form to log observations,
// and the assessment computed in the page with the same code as `brink assess`, recomputed
// whenever the log, the as-of date or the scenario changes.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { type SetReport, assessEvidence } from '../../../src/evidence/assessment-report.js';
import { evidencePriors } from '../../../src/evidence/evidence-priors.js';
import type { Observation } from '../../../src/evidence/observation-types.js';
import { isIsoDate } from '../../../src/evidence/observation-validate.js';
import { listEvidence } from '../api.js';
import { AssessmentPanel } from '../evidence-view/assessment-panel.js';
import { EvidenceForm } from '../evidence-view/evidence-form.js';
import { ObservationList } from '../evidence-view/observation-list.js';
import type { Workbench } from '../workbench.js';

type Assessed = { readonly reports: SetReport[] } | { readonly error: string };

export function EvidenceView({ wb }: { wb: Workbench }) {
  const evidence = wb.model.evidence;
  const [observations, setObservations] = useState<Observation[] | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [showRetracted, setShowRetracted] = useState(false);
  const [asOf, setAsOf] = useState('');

  // Retracted ones too: the list shows them on request, the assessment leaves them out.
  const reload = useCallback(() => {
    listEvidence(true)
      .then((list) => {
        setObservations(list);
        setLoadError(undefined);
      })
      .catch((e: Error) => setLoadError(e.message));
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read the log once on mount
  useEffect(() => reload(), []);

  const asOfDate = isIsoDate(asOf) ? asOf : undefined;
  const assessed = useMemo<Assessed | undefined>(() => {
    if (!evidence || !observations) return undefined;
    try {
      return { reports: assessEvidence(evidence, observations, asOfDate) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }, [evidence, observations, asOfDate]);

  if (!evidence)
    return (
      <p data-testid="evidence-none">
        The scenario has no <code>evidence:</code> section (hypotheses and indicators; docs/evidence.md).
      </p>
    );
  return (
    <div class="evidence-view">
      <section class="evidence-log">
        <h2>Evidence log</h2>
        <label>
          <input
            type="checkbox"
            checked={showRetracted}
            data-testid="evidence-show-retracted"
            onChange={(e) => setShowRetracted((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          show retracted observations
        </label>
        {loadError && <p class="error">Cannot read the evidence log: {loadError}</p>}
        {observations ? (
          <ObservationList observations={observations} showRetracted={showRetracted} onChanged={reload} />
        ) : (
          !loadError && <p>Loading the evidence log…</p>
        )}
      </section>
      <div class="evidence-columns">
        <EvidenceForm
          evidence={evidence}
          scenarioId={wb.model.spec.id}
          onAdded={(o) => {
            setObservations((list) => [...(list ?? []), o]);
            reload();
          }}
        />
        <section class="evidence-assessment" data-testid="evidence-assessment">
          <h2>Assessment</h2>
          <p class="note">
            Computed in the page with the code of <code>brink assess</code>: log-odds updating with
            Admiralty-tempered likelihoods, one report per group of correlated indicators (docs/evidence.md).{' '}
            <label>
              as of{' '}
              <input
                type="date"
                value={asOf}
                data-testid="evidence-as-of"
                onInput={(e) => setAsOf((e.currentTarget as HTMLInputElement).value)}
              />
            </label>
          </p>
          {assessed && 'error' in assessed && (
            <p class="error" data-testid="evidence-assess-error">
              The log does not fit the scenario: {assessed.error}
            </p>
          )}
          {assessed && 'reports' in assessed && observations && (
            <PriorsControl wb={wb} observations={observations} asOf={asOfDate} />
          )}
          {assessed &&
            'reports' in assessed &&
            assessed.reports.map((r) => <AssessmentPanel key={r.assessment.set.id} r={r} />)}
        </section>
      </div>
    </div>
  );
}

/**
 * The posteriors as the priors of the analysis: what `brink analyze --evidence [--as-of]` does, so the
 * What-if view reruns the whole model on what was observed. Taken at the click; a later report needs
 * another click, so the numbers on screen never change without the analyst asking.
 */
function PriorsControl({
  wb,
  observations,
  asOf,
}: { wb: Workbench; observations: readonly Observation[]; asOf: string | undefined }) {
  const evidence = wb.model.evidence;
  if (!evidence || !evidence.sets.some((s) => s.type !== undefined)) return null;
  const active = wb.evidencePriors;
  const use = () => wb.setEvidencePriors(evidencePriors(evidence, observations, asOf));
  return (
    <p class="evidence-priors" data-testid="evidence-priors" data-active={active ? 'true' : 'false'}>
      {active ? (
        <>
          The analysis uses these posteriors as the priors of {active.sets.map((s) => s.type).join(', ')}
          {active.asOf ? ` (as of ${active.asOf})` : ''}, as <code>brink analyze --evidence</code> does.{' '}
          <button type="button" data-testid="evidence-use-priors" onClick={use}>
            Update from the log
          </button>{' '}
          <button
            type="button"
            data-testid="evidence-clear-priors"
            onClick={() => wb.setEvidencePriors(undefined)}
          >
            Back to the scenario's priors
          </button>
        </>
      ) : (
        <>
          <button type="button" data-testid="evidence-use-priors" onClick={use}>
            Use these posteriors as the analysis priors
          </button>{' '}
          (<code>brink analyze --evidence{asOf ? ` --as-of ${asOf}` : ''}</code>: the whole model reruns on
          what was observed)
        </>
      )}
    </p>
  );
}
