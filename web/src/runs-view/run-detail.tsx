// One stored run opened: its settings, its scenario text and its report rebuilt from the stored
// results (run-report.ts), as `brink runs show` shows it.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { StoredRun } from '../../../src/store/run-store.js';
import { CompareResultsView } from '../compare-view/compare-results-view.js';
import { ReportSections } from '../report/report-view.js';
import { encodeJsonText } from './json-text.js';
import { runReport } from './run-report.js';
import { runSettings } from './runs-table.js';

export function RunDetail({ run, onClose }: { run: StoredRun; onClose(): void }) {
  const report = useMemo(() => runReport(run), [run]);
  const top = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: it opens below the list: scroll to it when it changes
  useEffect(() => top.current?.scrollIntoView({ block: 'start' }), [run]);
  return (
    <section ref={top} class="run-detail" data-testid="run-detail" data-run={run.id}>
      <h3>
        Run {run.id}{' '}
        <button type="button" onClick={onClose} data-testid="run-close">
          Close
        </button>
      </h3>
      <dl class="run-settings">
        {runSettings(run).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd data-testid={`run-setting-${k}`}>{v}</dd>
          </div>
        ))}
      </dl>
      <details class="run-scenario">
        <summary>Scenario text ({run.scenarioLabel})</summary>
        <pre data-testid="run-scenario-text">{run.scenarioText}</pre>
      </details>
      {report.kind === 'document' && (
        <div data-testid="run-report">
          <h4>{report.doc.title}</h4>
          <ReportSections sections={report.doc.sections} />
        </div>
      )}
      {report.kind === 'compare' && (
        <div data-testid="run-report">
          <CompareResultsView results={report.results} name="run-compare" />
        </div>
      )}
      {report.kind === 'raw' && (
        <div data-testid="run-report">
          {report.problem && <p class="error">({report.problem})</p>}
          <pre class="run-json">{encodeJsonText(run.results)}</pre>
        </div>
      )}
    </section>
  );
}
