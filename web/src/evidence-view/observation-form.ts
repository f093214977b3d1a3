// The evidence form's state and what it sends: the fields of `brink evidence add` as text (the API
// takes them so, docs/api.md), checked on the page with the CLI's own validation
// (src/evidence/observation-validate.ts) so that problems show before anything is sent. The server
// validates again and stays authoritative; its refusals come back in the same per-field shape.
import {
  type FieldName,
  type ObservationFields,
  type ValidationContext,
  problemText,
  validateObservation,
} from '../../../src/evidence/observation-validate.js';
import type { EvidenceModel } from '../../../src/scenario/model.js';

/** How the value is given: one observed state (hard), or soft evidence. */
export type ValueKind = 'state' | 'weights' | 'probs';

export interface ObservationForm {
  readonly indicator: string;
  readonly kind: ValueKind;
  readonly state: string;
  readonly weights: string;
  readonly probs: string;
  readonly event_date: string;
  readonly report_date: string;
  readonly source: string;
  readonly reliability: string;
  readonly credibility: string;
  readonly note: string;
  readonly plover: string;
  readonly cameo: string;
  readonly goldstein: string;
}

/** The text inputs of the form, in the order they are laid out. */
export const TEXT_FIELDS = [
  'event_date',
  'report_date',
  'source',
  'reliability',
  'credibility',
  'note',
  'plover',
  'cameo',
  'goldstein',
] as const satisfies readonly FieldName[];

/** `s1=, s2=`: a template of soft evidence over the indicator's states, for the user to fill. */
export function softTemplate(states: readonly string[]): string {
  return states.map((s) => `${s}=`).join(', ');
}

export function emptyForm(evidence: EvidenceModel | undefined): ObservationForm {
  const first = evidence?.indicators[0];
  return {
    indicator: first?.id ?? '',
    kind: 'state',
    state: first?.states[0] ?? '',
    weights: '',
    probs: '',
    event_date: '',
    report_date: '',
    source: '',
    reliability: '',
    credibility: '',
    note: '',
    plover: '',
    cameo: '',
    goldstein: '',
  };
}

/** Another indicator: its first state, and soft evidence cleared (states differ between indicators). */
export function withIndicator(form: ObservationForm, evidence: EvidenceModel, id: string): ObservationForm {
  const ind = evidence.indicators.find((i) => i.id === id);
  return { ...form, indicator: id, state: ind?.states[0] ?? '', weights: '', probs: '' };
}

/** The request body: non-blank fields only, and only the value of the chosen kind. */
export function formFields(form: ObservationForm): ObservationFields {
  const out: Record<string, string> = {};
  const put = (k: FieldName, v: string) => {
    if (v.trim() !== '') out[k] = v;
  };
  put('indicator', form.indicator);
  put(form.kind, form[form.kind]);
  for (const k of TEXT_FIELDS) put(k, form[k]);
  return out as ObservationFields;
}

/** Messages per field (`field — expected …`), from the page's check or the server's refusal. */
export type FieldMessages = Readonly<Record<string, readonly string[]>>;

export function messagesByField(problems: readonly { field: string; message: string }[]): FieldMessages {
  const out: Record<string, string[]> = {};
  for (const p of problems) (out[p.field] ??= []).push(p.message);
  return out;
}

/** The CLI's validation on the page: no messages means the server should accept it too. */
export function checkForm(form: ObservationForm, ctx: ValidationContext): FieldMessages {
  const v = validateObservation(formFields(form), ctx);
  return v.ok ? {} : messagesByField(v.problems.map((p) => ({ field: p.field, message: problemText(p) })));
}
