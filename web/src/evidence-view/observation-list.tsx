// The scenario's evidence log as a table with each report's provenance (source, Admiralty grade,
// dates, PLOVER/CAMEO/Goldstein), and retraction with a reason: the log is append-only, so a
// mistaken observation is retracted, never deleted (docs/evidence-log.md).
import { useState } from 'preact/hooks';
import { valueText } from '../../../src/evidence/assessment-report.js';
import type { Observation } from '../../../src/evidence/observation-types.js';
import { CREDIBILITY_LABELS, RELIABILITY_LABELS } from '../../../src/evidence/observation-validate.js';
import { ApiRefusal, retractEvidence } from '../api.js';

function Category({ o }: { o: Observation }) {
  const c = o.category;
  if (!c) return null;
  return (
    <span>
      {c.plover}
      {c.cameo !== undefined && <> · CAMEO {c.cameo}</>}
      {c.goldstein !== undefined && <> · Goldstein {c.goldstein}</>}
    </span>
  );
}

function RetractCell({ o, onRetracted }: { o: Observation; onRetracted: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (o.retracted)
    return (
      <span class="retracted" title={o.retracted.at}>
        retracted {o.retracted.at.slice(0, 10)}: {o.retracted.reason}
      </span>
    );
  if (!open)
    return (
      <button type="button" data-testid={`evidence-retract-${o.id}`} onClick={() => setOpen(true)}>
        Retract…
      </button>
    );
  const confirm = async () => {
    if (reason.trim() === '') {
      setError('reason — expected text');
      return;
    }
    try {
      await retractEvidence(o.id, reason);
      setOpen(false);
      onRetracted();
    } catch (e) {
      setError(
        e instanceof ApiRefusal && e.problems.length > 0 ? e.problems[0]!.message : (e as Error).message,
      );
    }
  };
  return (
    <span class="retract-form">
      <input
        type="text"
        placeholder="reason"
        value={reason}
        data-testid={`evidence-retract-reason-${o.id}`}
        onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="button" data-testid={`evidence-retract-confirm-${o.id}`} onClick={confirm}>
        Retract
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error && <span class="field-error">{error}</span>}
    </span>
  );
}

interface Props {
  readonly observations: readonly Observation[];
  readonly showRetracted: boolean;
  readonly onChanged: () => void;
}

export function ObservationList({ observations, showRetracted, onChanged }: Props) {
  const shown = observations.filter((o) => showRetracted || o.retracted === undefined);
  if (shown.length === 0)
    return <p data-testid="evidence-empty">No observations logged for this scenario yet.</p>;
  return (
    <table class="evidence-table" data-testid="evidence-table">
      <thead>
        <tr>
          <th>id</th>
          <th>indicator</th>
          <th>value</th>
          <th>event</th>
          <th>reported</th>
          <th>source</th>
          <th>grade</th>
          <th>category</th>
          <th>note</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {shown.map((o) => (
          <tr key={o.id} data-testid={`evidence-row-${o.id}`} class={o.retracted ? 'retracted-row' : ''}>
            <td>{o.id}</td>
            <td>{o.indicator}</td>
            <td>{valueText(o.value)}</td>
            <td>{o.eventDate}</td>
            <td>{o.reportDate}</td>
            <td>{o.source}</td>
            <td title={`${RELIABILITY_LABELS[o.reliability]}; ${CREDIBILITY_LABELS[o.credibility]}`}>
              {o.reliability}
              {o.credibility}
            </td>
            <td>
              <Category o={o} />
            </td>
            <td>{o.note ?? ''}</td>
            <td>
              <RetractCell o={o} onRetracted={onChanged} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
