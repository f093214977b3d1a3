// The form that logs one observation (the fields of `brink evidence add`). Problems are shown
// beside their fields: first from the page's own check (the CLI's validation), then, if the
// server still refuses, from its answer.
import { useState } from 'preact/hooks';
import type { Observation } from '../../../src/evidence/observation-types.js';
import {
  CREDIBILITY_LABELS,
  PLOVER_CATEGORIES,
  RELIABILITY_LABELS,
} from '../../../src/evidence/observation-validate.js';
import type { EvidenceModel } from '../../../src/scenario/model.js';
import { ApiRefusal, addEvidence } from '../api.js';
import {
  type FieldMessages,
  type ObservationForm,
  type ValueKind,
  checkForm,
  emptyForm,
  formFields,
  messagesByField,
  softTemplate,
  withIndicator,
} from './observation-form.js';

function FieldError({ field, messages }: { field: string; messages: FieldMessages }) {
  const m = messages[field];
  if (!m || m.length === 0) return null;
  return (
    <span class="field-error" data-testid={`evidence-error-${field}`} role="alert">
      {m.join('; ')}
    </span>
  );
}

const KIND_LABELS: Readonly<Record<ValueKind, string>> = {
  state: 'state observed',
  weights: 'likelihood weights (virtual evidence)',
  probs: 'probabilities (Jeffrey)',
};

interface Props {
  readonly evidence: EvidenceModel;
  readonly scenarioId: string;
  readonly onAdded: (o: Observation) => void;
}

export function EvidenceForm({ evidence, scenarioId, onAdded }: Props) {
  const [form, setForm] = useState<ObservationForm>(() => emptyForm(evidence));
  const [messages, setMessages] = useState<FieldMessages>({});
  const [status, setStatus] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const indicator = evidence.indicators.find((i) => i.id === form.indicator);
  const set = (patch: Partial<ObservationForm>) => setForm((f) => ({ ...f, ...patch }));
  const text = (field: keyof ObservationForm) => ({
    id: `evidence-${field}`,
    name: field,
    value: form[field],
    'data-testid': `evidence-field-${field}`,
    onInput: (e: Event) => set({ [field]: (e.currentTarget as HTMLInputElement).value }),
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    setStatus(undefined);
    const local = checkForm(form, { scenario: scenarioId, evidence });
    setMessages(local);
    if (Object.keys(local).length > 0) {
      setStatus('Not sent: correct the fields marked.');
      return;
    }
    setSending(true);
    try {
      const added = await addEvidence(formFields(form) as Record<string, unknown>);
      setStatus(`Logged observation ${added.id}.`);
      // Keep source and grading for the next report of the same source; clear the rest.
      setForm((f) => ({
        ...emptyForm(evidence),
        source: f.source,
        reliability: f.reliability,
        credibility: f.credibility,
      }));
      onAdded(added);
    } catch (err) {
      if (err instanceof ApiRefusal) {
        setMessages(messagesByField(err.problems));
        setStatus(`The server refused it: ${err.message}.`);
      } else setStatus(`Not sent: ${(err as Error).message}`);
    } finally {
      setSending(false);
    }
  };

  const fieldRow = (field: keyof ObservationForm & string, label: string, input: preact.JSX.Element) => (
    <div class="evidence-field" key={field}>
      <label for={`evidence-${field}`}>{label}</label>
      {input}
      <FieldError field={field} messages={messages} />
    </div>
  );

  return (
    <form class="evidence-form" data-testid="evidence-form" onSubmit={submit} noValidate>
      <h3>Log an observation</h3>
      {fieldRow(
        'indicator',
        'Indicator',
        <select
          {...text('indicator')}
          onInput={(e) =>
            setForm((f) => withIndicator(f, evidence, (e.currentTarget as HTMLSelectElement).value))
          }
        >
          {evidence.indicators.map((i) => (
            <option key={i.id} value={i.id}>
              {i.id} — {i.label}
            </option>
          ))}
        </select>,
      )}
      <div class="evidence-field">
        <span class="label">Value</span>
        <span class="evidence-kind">
          {(Object.keys(KIND_LABELS) as ValueKind[]).map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="evidence-kind"
                value={k}
                checked={form.kind === k}
                data-testid={`evidence-kind-${k}`}
                onChange={() =>
                  set({
                    kind: k,
                    ...(k !== 'state' && form[k] === '' && indicator
                      ? { [k]: softTemplate(indicator.states) }
                      : {}),
                  })
                }
              />{' '}
              {KIND_LABELS[k]}
            </label>
          ))}
        </span>
      </div>
      {form.kind === 'state' &&
        fieldRow(
          'state',
          'State',
          <select {...text('state')}>
            {(indicator?.states ?? []).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>,
        )}
      {form.kind === 'weights' &&
        fieldRow(
          'weights',
          'Weights',
          <input type="text" {...text('weights')} placeholder={softTemplate(indicator?.states ?? [])} />,
        )}
      {form.kind === 'probs' &&
        fieldRow(
          'probs',
          'Probabilities',
          <input type="text" {...text('probs')} placeholder={softTemplate(indicator?.states ?? [])} />,
        )}
      {fieldRow('event_date', 'Event date', <input type="date" {...text('event_date')} />)}
      {fieldRow('report_date', 'Report date', <input type="date" {...text('report_date')} />)}
      {fieldRow('source', 'Source', <input type="text" {...text('source')} placeholder="who reported it" />)}
      {fieldRow(
        'reliability',
        'Reliability',
        <select {...text('reliability')}>
          <option value="">—</option>
          {Object.entries(RELIABILITY_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {k} — {v}
            </option>
          ))}
        </select>,
      )}
      {fieldRow(
        'credibility',
        'Credibility',
        <select {...text('credibility')}>
          <option value="">—</option>
          {Object.entries(CREDIBILITY_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {k} — {v}
            </option>
          ))}
        </select>,
      )}
      {fieldRow('note', 'Note', <textarea {...text('note')} rows={2} />)}
      {fieldRow(
        'plover',
        'PLOVER',
        <select {...text('plover')}>
          <option value="">—</option>
          {PLOVER_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>,
      )}
      {fieldRow('cameo', 'CAMEO code', <input type="text" {...text('cameo')} placeholder="e.g. 152" />)}
      {fieldRow(
        'goldstein',
        'Goldstein',
        <input type="text" inputMode="decimal" {...text('goldstein')} placeholder="−10 … 10" />,
      )}
      <FieldError field="scenario" messages={messages} />
      <button type="submit" data-testid="evidence-submit" disabled={sending}>
        {sending ? 'Sending…' : 'Add observation'}
      </button>
      {status && (
        <span class="evidence-status" data-testid="evidence-status">
          {' '}
          {status}
        </span>
      )}
    </form>
  );
}
